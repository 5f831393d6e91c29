#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "../common/processrun.h"

namespace {

using Run = ProcessRun;

Run runCli(const QStringList &arguments, const QByteArray &input = {})
{
    return runProgram(QStringLiteral(SUPERBILL_CLI), arguments, QProcessEnvironment::systemEnvironment(),
                      input, 30000);
}

QString testFile(const QString &name)
{
    return QStringLiteral(SUPERBILL_TEST_DATA "/procedure/") + name;
}

} // namespace

class TestCliValidate : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void validFilesExitZero();
    void invalidFilePrintsFindingLines();
    void jsonReport();
    void unreadableFileIsUsageError();
    void noFileIsUsageError();
    void fhirFillsDefaultsAndWritesDialect_data();
    void fhirFillsDefaultsAndWritesDialect();
    void fhirRefusesInvalidInput();
    void fhirRejectsUnknownDialect();
    void versionAndHelp();
    void unknownCommand();
    void unknownOptionIsUsageError_data();
    void unknownOptionIsUsageError();
    void inputOverFourMebibytesIsRefused_data();
    void inputOverFourMebibytesIsRefused();
    void devZeroEnds();
    void controlCharactersAreShownEscaped();

private:
    QTemporaryDir m_dir;
};

void TestCliValidate::init()
{
    QVERIFY(m_dir.isValid());
}

void TestCliValidate::validFilesExitZero()
{
    const Run run = runCli({QStringLiteral("validate"), testFile(QStringLiteral("vendor-example.json")),
                            testFile(QStringLiteral("anesthesia-period.json"))});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("vendor-example.json: valid")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("anesthesia-period.json: valid")));
}

void TestCliValidate::invalidFilePrintsFindingLines()
{
    const QString dental = testFile(QStringLiteral("dental-line.json"));
    const Run run =
        runCli({QStringLiteral("validate"), testFile(QStringLiteral("vendor-example.json")), dental});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(dental + QStringLiteral(": 500034 error Procedure.code.coding[0].code: ")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("vendor-example.json: valid")));
}

void TestCliValidate::jsonReport()
{
    const QString dental = testFile(QStringLiteral("dental-line.json"));
    const Run run = runCli({QStringLiteral("validate"), QStringLiteral("--json"),
                            testFile(QStringLiteral("vendor-example.json")), dental});
    QCOMPARE(run.exitCode, 1);
    const QJsonArray report = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(report.size(), 2);
    QCOMPARE(report.at(0).toObject().value(QStringLiteral("valid")).toBool(), true);
    const QJsonObject second = report.at(1).toObject();
    QCOMPARE(second.value(QStringLiteral("file")).toString(), dental);
    QCOMPARE(second.value(QStringLiteral("valid")).toBool(), false);
    const QJsonObject finding = second.value(QStringLiteral("findings")).toArray().at(0).toObject();
    QCOMPARE(finding.value(QStringLiteral("code")).toString(), QStringLiteral("500034"));
    QCOMPARE(finding.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(finding.value(QStringLiteral("path")).toString(),
             QStringLiteral("Procedure.code.coding[0].code"));
    QVERIFY(!finding.value(QStringLiteral("message")).toString().isEmpty());
}

void TestCliValidate::unreadableFileIsUsageError()
{
    const Run run = runCli({QStringLiteral("validate"), m_dir.filePath(QStringLiteral("missing.json"))});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("missing.json: cannot read")), qPrintable(run.err));
}

void TestCliValidate::noFileIsUsageError()
{
    const Run run = runCli({QStringLiteral("validate")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("no FILE")));
}

void TestCliValidate::fhirFillsDefaultsAndWritesDialect_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<bool>("topLevelRecordedDate");

    QTest::newRow("ehr-vendor") << "ehr-vendor" << true;
    QTest::newRow("r4-strict") << "r4-strict" << false;
}

void TestCliValidate::fhirFillsDefaultsAndWritesDialect()
{
    QFETCH(QString, dialect);
    QFETCH(bool, topLevelRecordedDate);

    QJsonObject line = QJsonDocument::fromJson(QByteArray(R"({"resourceType":"Procedure",
        "code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"99213","display":"Office visit"}]},
        "subject":{"reference":"Patient/Patient-265"},"encounter":{"reference":"Encounter/Encounter-805"},
        "performedDateTime":"2026-03-14T10:00:00-05:00","recordedDate":"2026-03-14T10:05:00-05:00"})"))
                           .object();
    const Run run =
        runCli({QStringLiteral("fhir"), QStringLiteral("--dialect"), dialect, QStringLiteral("-")},
               QJsonDocument(line).toJson());
    QCOMPARE(run.exitCode, 0);
    const QJsonObject sent = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(sent.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(sent.value(QStringLiteral("meta"))
                 .toObject()
                 .value(QStringLiteral("profile"))
                 .toArray()
                 .at(0)
                 .toString(),
             QStringLiteral("http://hl7.org/fhir/us/core/StructureDefinition/us-core-procedure"));
    const QJsonObject identifier = sent.value(QStringLiteral("identifier")).toArray().at(0).toObject();
    QCOMPARE(identifier.value(QStringLiteral("system")).toString(), QStringLiteral("urn:ietf:rfc:3986"));
    QVERIFY(identifier.value(QStringLiteral("value")).toString().startsWith(QStringLiteral("urn:uuid:")));
    QCOMPARE(sent.contains(QStringLiteral("recordedDate")), topLevelRecordedDate);
    QCOMPARE(sent.contains(QStringLiteral("extension")), !topLevelRecordedDate);
}

void TestCliValidate::fhirRefusesInvalidInput()
{
    const QString dental = testFile(QStringLiteral("dental-line.json"));
    const Run run = runCli({QStringLiteral("fhir"), dental});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QStringLiteral(": 500034 error ")), qPrintable(run.err));
}

void TestCliValidate::fhirRejectsUnknownDialect()
{
    const Run run = runCli({QStringLiteral("fhir"), QStringLiteral("--dialect"), QStringLiteral("r5"),
                            testFile(QStringLiteral("vendor-example.json"))});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("unknown dialect \"r5\"")));
}

void TestCliValidate::versionAndHelp()
{
    Run run = runCli({QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out.trimmed(), QStringLiteral("superbill-cli " SUPERBILL_VERSION));
    run = runCli({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("validate")));
    QVERIFY(run.out.contains(QStringLiteral("fhir")));
    run = runCli({QStringLiteral("validate"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains(QStringLiteral("--json")));
    QVERIFY2(run.out.startsWith(QStringLiteral("Usage: superbill-cli validate [options] FILE...")),
             qPrintable(run.out));
}

void TestCliValidate::unknownCommand()
{
    const Run run = runCli({QStringLiteral("frobnicate")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QStringLiteral("unknown command \"frobnicate\"")));
}

void TestCliValidate::unknownOptionIsUsageError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");

    const QString valid = testFile(QStringLiteral("vendor-example.json"));
    QTest::newRow("validate --bogus")
        << QStringList{QStringLiteral("validate"), QStringLiteral("--bogus"), valid}
        << QStringLiteral("bogus");
    QTest::newRow("fhir --bogus") << QStringList{QStringLiteral("fhir"), QStringLiteral("--bogus"), valid}
                                  << QStringLiteral("bogus");
    QTest::newRow("fhir --dialect without a value")
        << QStringList{QStringLiteral("fhir"), QStringLiteral("--dialect")} << QStringLiteral("dialect");
}

void TestCliValidate::unknownOptionIsUsageError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);

    // 1 means "a file has an error": a mistyped option must not look like that.
    const Run run = runCli(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("--help")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestCliValidate::inputOverFourMebibytesIsRefused_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("standardInput");
    for (const char *command : {"validate", "fhir", "submit"}) {
        QTest::addRow("%s FILE", command) << QString::fromLatin1(command) << false;
        QTest::addRow("%s -", command) << QString::fromLatin1(command) << true;
    }
}

void TestCliValidate::inputOverFourMebibytesIsRefused()
{
    QFETCH(QString, command);
    QFETCH(bool, standardInput);
    // The vendor's example padded with spaces: still a valid document, only too large.
    QFile example(testFile(QStringLiteral("vendor-example.json")));
    QVERIFY(example.open(QIODevice::ReadOnly));
    const QByteArray json = example.readAll();
    constexpr qsizetype Limit = 4 * 1024 * 1024;
    const QByteArray atLimit = json + QByteArray(Limit - json.size(), ' ');
    const QByteArray overLimit = atLimit + ' ';

    QStringList arguments{command};
    if (command == u"submit")
        arguments << QStringLiteral("--no-send") << QStringLiteral("--db")
                  << m_dir.filePath(QStringLiteral("outbox.sqlite"));
    const auto run = [&](const QByteArray &contents) {
        if (standardInput)
            return runCli(arguments + QStringList{QStringLiteral("-")}, contents);
        const QString path = m_dir.filePath(QStringLiteral("big.json"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(contents) != contents.size())
            return Run{};
        file.close();
        return runCli(arguments + QStringList{path});
    };

    const Run refused = run(overLimit);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("more than 4 MiB")), qPrintable(refused.err));
    QVERIFY2(refused.err.startsWith(standardInput ? QStringLiteral("-: ")
                                                  : m_dir.filePath(QStringLiteral("big.json"))),
             qPrintable(refused.err));

    const Run accepted = run(atLimit);
    QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.all()));
}

void TestCliValidate::devZeroEnds()
{
    if (!QFile::exists(QStringLiteral("/dev/zero")))
        QSKIP("no /dev/zero here");
    const Run run = runCli({QStringLiteral("validate"), QStringLiteral("/dev/zero")});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("more than 4 MiB")), qPrintable(run.err));
}

void TestCliValidate::controlCharactersAreShownEscaped()
{
    // ESC sequences, NUL and line breaks from a file (its name, its content) never reach the terminal.
    const QString path = m_dir.filePath(QStringLiteral("visit\x1b[31m.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QFile example(testFile(QStringLiteral("vendor-example.json")));
    QVERIFY(example.open(QIODevice::ReadOnly));
    QByteArray json = example.readAll();
    json.replace("Encounter/Encounter-805", "\\u001b]0;pwned\\u0007\\u0000\\r\\nvisit.json: valid");
    file.write(json);
    file.close();

    const Run run = runCli({QStringLiteral("validate"), path});
    QCOMPARE(run.exitCode, 1);
    const QString all = run.all();
    for (const QChar c : all)
        QVERIFY2(
            c == u'\n' || c.unicode() >= 0x20,
            qPrintable(
                QStringLiteral("raw U+%1 in: %2").arg(int(c.unicode()), 4, 16, QLatin1Char('0')).arg(all)));
    QVERIFY2(all.contains(QStringLiteral("visit\\x1b[31m.json: PRO004")), qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral("\\x1b]0;pwned\\x07\\x00\\x0d\\x0avisit.json: valid")),
             qPrintable(all));
    QVERIFY(!run.out.contains(QStringLiteral("\nvisit.json: valid")));
}

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
