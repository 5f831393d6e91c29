#include <memory>

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "../common/processrun.h"
#include "../common/sampleentry.h"
#include "../common/sandboxfixture.h"
#include "outbox/outboxstore.h"
#include "superbillpdf.h"
#include "superbillprintout.h"

namespace {

constexpr auto Token = "print-test-token";

/// The text of a PDF as pdftotext reads it (poppler-utils), in reading order.
QString pdfText(const QString &path, bool layout = false)
{
    QStringList arguments;
    if (layout)
        arguments << QStringLiteral("-layout");
    arguments << path << QStringLiteral("-");
    const ProcessRun run = runProgram(QStringLiteral("pdftotext"), arguments);
    // Phrases are looked for whole, wherever the layout wrapped them.
    return layout ? run.out : run.out.simplified();
}

QString pdfInfo(const QString &path)
{
    return runProgram(QStringLiteral("pdfinfo"), {path}).out;
}

Model::ProcedureEntry entryFor(const QString &code, const QString &display, const QStringList &conditions)
{
    Model::ProcedureEntry entry = sampleEntry();
    entry.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
    entry.code.code = code;
    entry.code.display = display;
    entry.reasonReferences.clear();
    for (const QString &id : conditions)
        entry.reasonReferences.append(Model::Reference::to(QStringLiteral("Condition"), id));
    return entry;
}

const auto Oa = QStringLiteral("Condition-Problem-I-1332");
const auto KneePain = QStringLiteral("Condition-Problem-I-1333");

} // namespace

/**
 * The printed superbill: what it says (letters, pointers, times, states), the PDF read back with
 * pdftotext on Letter and A4, and `superbill-cli superbill print` with the EHR up and down.
 */
class TestSuperbillPrint : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Outbox::OutboxStore> m_store;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("outbox.sqlite")); }

    /// Four lines as a superbill form sends them: a visit (A), two procedures (A B, B A), a lab (A).
    QList<qint64> enqueueForm()
    {
        const auto ids = m_store->enqueueAll(
            {{0, entryFor(QStringLiteral("99213"), QStringLiteral("Office visit, established"), {Oa})},
             {0, entryFor(QStringLiteral("20610"), QStringLiteral("Arthrocentesis, major joint"),
                          {Oa, KneePain})},
             {0,
              entryFor(QStringLiteral("73562"), QStringLiteral("Knee X-ray, three views"), {KneePain, Oa})},
             {0, entryFor(QStringLiteral("85025"), QStringLiteral("Complete blood count"), {Oa})}});
        return ids.ok() ? *ids : QList<qint64>();
    }

    Print::PrintSource source()
    {
        Print::PrintSource source;
        source.practice.name = QStringLiteral("Lakeside Family Clinic");
        source.practice.address = QStringLiteral("1200 Lakeshore Drive\nChicago, IL 60601");
        source.patient.id = QStringLiteral("Patient-265");
        source.patient.family = QStringLiteral("Okafor");
        source.patient.given = QStringLiteral("Adaeze Grace");
        source.patient.birthDate = QDate(1968, 4, 22);
        source.patient.mrn = QStringLiteral("MRN-104200");
        source.encounter.id = QStringLiteral("Encounter-805");
        source.encounter.patientId = source.patient.id;
        source.encounter.timeZone = QStringLiteral("America/Chicago");
        source.encounter.start = QDateTime(QDate(2026, 3, 14), QTime(15, 30), Qt::UTC);
        source.encounter.type = QStringLiteral("Office visit");
        source.conditions = {{Oa, QStringLiteral("M17.11"),
                              QStringLiteral("Primary osteoarthritis, right knee"), source.patient.id,
                              source.encounter.id},
                             {KneePain, QStringLiteral("M25.561"), QStringLiteral("Pain in right knee"),
                              source.patient.id, source.encounter.id}};
        source.lines = m_store->lines().valueOr({});
        source.now = QDateTime(QDate(2026, 3, 14), QTime(18, 0), Qt::UTC);
        return source;
    }

    ProcessRun runCli(const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), m_dir->path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("SUPERBILL_DB"), dbPath());
        environment.insert(QStringLiteral("SUPERBILL_TOKEN"), QLatin1String(Token));
        environment.remove(QStringLiteral("SUPERBILL_EHR_URL"));
        return runProgram(QStringLiteral(SUPERBILL_CLI),
                          QStringList{QStringLiteral("superbill"), QStringLiteral("print")} + arguments,
                          environment, {}, 60000);
    }

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is missing: install poppler-utils (scripts/setup.sh lists it)");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_store = std::make_unique<Outbox::OutboxStore>();
        const Common::Status opened = m_store->open(dbPath());
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().text()));
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void printoutLettersDiagnosesAndPointsAtThem()
    {
        const QList<qint64> ids = enqueueForm();
        QCOMPARE(ids.size(), 4);
        // A refused line says why; a discarded one is not on the paper.
        QCOMPARE(m_store->claim(ids.at(2)).valueOr(false), true);
        Outbox::AttemptRecord refused;
        refused.newState = Outbox::LineState::NeedsCorrection;
        refused.findings = {
            {QStringLiteral("500002"), Model::Severity::Error, {}, QStringLiteral("Already recorded")}};
        QVERIFY(m_store->recordAttempt(ids.at(2), refused));
        const auto discarded =
            m_store->enqueue(entryFor(QStringLiteral("36415"), QStringLiteral("Venipuncture"), {}));
        QVERIFY(discarded);
        QVERIFY(m_store->discard(*discarded, QStringLiteral("entered twice")));

        Print::PrintSource form = source();
        form.diagnosisOrder = {KneePain, Oa}; // the form lettered knee pain A
        const Print::SuperbillPrintout printout = Print::makePrintout(form);
        QCOMPARE(printout.patientName, QStringLiteral("Okafor, Adaeze Grace"));
        QCOMPARE(printout.encounterWhen, QStringLiteral("14 Mar 2026 10:30 CDT"));
        QCOMPARE(
            printout.diagnoses,
            (QList<Print::PrintedDiagnosis>{
                {u'A', QStringLiteral("M25.561"), QStringLiteral("Pain in right knee")},
                {u'B', QStringLiteral("M17.11"), QStringLiteral("Primary osteoarthritis, right knee")}}));
        QCOMPARE(printout.lines.size(), 4);
        QCOMPARE(printout.lines.at(0).code, QStringLiteral("99213"));
        QCOMPARE(printout.lines.at(0).pointers, QStringLiteral("B"));
        QCOMPARE(printout.lines.at(1).pointers, QStringLiteral("BA"));
        QCOMPARE(printout.lines.at(2).pointers, QStringLiteral("AB"));
        QCOMPARE(printout.lines.at(1).time, QStringLiteral("14 Mar 2026 10:00 CDT"));
        QCOMPARE(printout.lines.at(0).state, QStringLiteral("Queued"));
        QVERIFY(printout.lines.at(2).state.contains(QStringLiteral("500002")));

        // Without the form's order, letters follow first use.
        form.diagnosisOrder.clear();
        const Print::SuperbillPrintout byUse = Print::makePrintout(form);
        QCOMPARE(byUse.diagnoses.value(0).code, QStringLiteral("M17.11"));
        QCOMPARE(byUse.lines.at(2).pointers, QStringLiteral("BA"));
    }

    void anesthesiaLinePrintsItsPeriod()
    {
        Model::ProcedureEntry entry = entryFor(QStringLiteral("00400"), QStringLiteral("Anesthesia"), {Oa});
        entry.performedDateTime = {};
        const QTimeZone chicago("America/Chicago");
        entry.performedPeriod = {QDateTime(QDate(2026, 3, 14), QTime(9, 45), chicago),
                                 QDateTime(QDate(2026, 3, 14), QTime(11, 0), chicago)};
        QVERIFY(m_store->enqueue(entry));
        const Print::SuperbillPrintout printout = Print::makePrintout(source());
        QCOMPARE(printout.lines.value(0).time, QStringLiteral("14 Mar 2026 09:45 CDT to 11:00 (75 min)"));
    }

    void pdfReadsBack_data()
    {
        QTest::addColumn<Superbill::Paper>("paper");
        QTest::addColumn<QString>("pageSize");
        QTest::newRow("letter") << Superbill::Paper::Letter << QStringLiteral("612 x 792 pts (letter)");
        QTest::newRow("a4") << Superbill::Paper::A4 << QStringLiteral("(A4)");
    }

    void pdfReadsBack()
    {
        QFETCH(Superbill::Paper, paper);
        QFETCH(QString, pageSize);
        QCOMPARE(enqueueForm().size(), 4);
        const QString path = m_dir->filePath(QStringLiteral("superbill.pdf"));
        const Common::Status written = Print::writeSuperbillPdf(Print::makePrintout(source()), path, paper);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().text()));
        QVERIFY(pdfInfo(path).contains(pageSize));
        const QString text = pdfText(path);
        for (const QString &expected :
             {QStringLiteral("Lakeside Family Clinic"), QStringLiteral("Chicago, IL 60601"),
              QStringLiteral("Okafor, Adaeze Grace"), QStringLiteral("22 Apr 1968"),
              QStringLiteral("MRN-104200"), QStringLiteral("Office visit"), QStringLiteral("M17.11"),
              QStringLiteral("M25.561"), QStringLiteral("99213"), QStringLiteral("20610"),
              QStringLiteral("73562"), QStringLiteral("85025"), QStringLiteral("Queued")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + text));
        // Each line's row carries its pointers: read the table row by row.
        const QStringList rows = pdfText(path, true).split(u'\n');
        const auto rowOf = [&rows](const QString &code) {
            for (const QString &row : rows) {
                if (row.trimmed().startsWith(code))
                    return row.simplified();
            }
            return QString();
        };
        QVERIFY2(rowOf(QStringLiteral("20610")).contains(QStringLiteral(" AB ")),
                 qPrintable(rowOf(QStringLiteral("20610"))));
        QVERIFY2(rowOf(QStringLiteral("73562")).contains(QStringLiteral(" BA ")),
                 qPrintable(rowOf(QStringLiteral("73562"))));
        QVERIFY(rowOf(QStringLiteral("85025")).contains(QStringLiteral(" A ")));
    }

    void unwritablePdfSaysWhere()
    {
        const QString path = m_dir->filePath(QStringLiteral("missing/folder/superbill.pdf"));
        const Common::Status written =
            Print::writeSuperbillPdf(Print::makePrintout(source()), path, Superbill::Paper::Letter);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().path, path);
    }

    void cliPrintsFromTheEhrAndFromTheOfflineCopy()
    {
        Sandbox::ServerOptions options;
        options.token = QLatin1String(Token);
        options.logRequests = false;
        std::unique_ptr<Sandbox::Server> ehr = startTestSandbox(options);
        QVERIFY(ehr);
        QCOMPARE(enqueueForm().size(), 4);
        m_store.reset(); // the CLI opens the file itself

        Superbill::PracticeDetails practice;
        practice.name = QStringLiteral("Lakeside Family Clinic");
        practice.address = QStringLiteral("1200 Lakeshore Drive\nChicago, IL 60601");
        practice.paper = Superbill::Paper::A4;
        qputenv("XDG_CONFIG_HOME", m_dir->filePath(QStringLiteral("config")).toUtf8());
        QVERIFY(practice.save().ok());

        const QString online = m_dir->filePath(QStringLiteral("online.pdf"));
        ProcessRun run =
            runCli({QStringLiteral("--encounter"), QStringLiteral("Encounter-805"), QStringLiteral("--out"),
                    online, QStringLiteral("--ehr"), ehr->baseUrl().toString()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        QVERIFY2(run.out.contains(QStringLiteral("4 lines, 2 diagnoses, patient and encounter from the EHR")),
                 qPrintable(run.out));
        QVERIFY(pdfInfo(online).contains(QStringLiteral("(A4)")));
        QString text = pdfText(online);
        // The EHR's own texts: the patient's full name and the conditions' ICD-10-CM displays.
        for (const QString &expected :
             {QStringLiteral("Lakeside Family Clinic"), QStringLiteral("Okafor, Adaeze Grace"),
              QStringLiteral("MRN-104200"), QStringLiteral("22 Apr 1968"),
              QStringLiteral("Unilateral primary"), QStringLiteral("Pain in right knee"),
              QStringLiteral("20610"), QStringLiteral("85025")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" not in: ") + text));

        // The EHR is down: the offline copy the first run kept answers.
        ehr.reset();
        const QString offline = m_dir->filePath(QStringLiteral("offline.pdf"));
        run = runCli({QStringLiteral("--encounter"), QStringLiteral("Encounter-805"), QStringLiteral("--out"),
                      offline, QStringLiteral("--ehr"), QStringLiteral("http://127.0.0.1:9/fhir"),
                      QStringLiteral("--paper"), QStringLiteral("letter"), QStringLiteral("--max-time"),
                      QStringLiteral("20")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        QVERIFY2(run.out.contains(QStringLiteral("from the offline copy")), qPrintable(run.out));
        QVERIFY(pdfInfo(offline).contains(QStringLiteral("(letter)")));
        text = pdfText(offline);
        QVERIFY(text.contains(QStringLiteral("Okafor, Adaeze Grace")));
        QVERIFY(text.contains(QStringLiteral("M25.561")));
    }

    void cliRefusesAnUnknownEncounter()
    {
        m_store.reset();
        const ProcessRun run = runCli({QStringLiteral("--encounter"), QStringLiteral("Encounter-999"),
                                       QStringLiteral("--out"), m_dir->filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("nothing to print")));
        QCOMPARE(runCli({QStringLiteral("--encounter"), QStringLiteral("Encounter-805")}).exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("--encounter"), QStringLiteral("E"), QStringLiteral("--out"),
                         QStringLiteral("x.pdf"), QStringLiteral("--paper"), QStringLiteral("legal")})
                     .exitCode,
                 2);
    }
};

QTEST_MAIN(TestSuperbillPrint)
#include "tst_superbillprint.moc"
