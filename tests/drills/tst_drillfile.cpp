#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "drills/drill.h"

/// Drill files: every shipped drill reads and together they cover the EHR's rules; a bad file is refused
/// with the file, the member and what is wrong.
class TestDrillFile : public QObject
{
    Q_OBJECT

private:
    static QByteArray minimal(const QByteArray &extra = {}, const QByteArray &expect = {})
    {
        return R"({"drill": 1, "title": "T", "instructions": {"en": "Do it", "es": "Hágalo"},)" + extra +
               R"( "expect": )" +
               (expect.isEmpty()
                    ? QByteArray(R"({"procedures": [{"patient": "Patient-265", "encounter": "Encounter-805",
                   "code": "20610", "performed": "2026-03-14T10:30:00-05:00"}]})")
                    : expect) +
               "}";
    }

private slots:
    void shippedDrillsReadAndCoverEveryRule()
    {
        const Drills::DrillList list = Drills::loadDrills({Drills::builtInDrillsFolder()});
        for (const auto &problem : list.problems)
            qWarning("%s", qPrintable(problem.text()));
        QVERIFY(list.problems.isEmpty());
        QVERIFY2(list.drills.size() >= 12, qPrintable(QString::number(list.drills.size())));

        QSet<QString> covered;
        for (const auto &drill : list.drills) {
            QVERIFY2(!drill.title.es.isEmpty() && !drill.instructions.es.isEmpty(), qPrintable(drill.id));
            for (const auto &hint : drill.hints)
                QVERIFY2(!hint.es.isEmpty(), qPrintable(drill.id));
            for (const auto &procedure : drill.procedures) {
                if (procedure.usesPeriod()) {
                    covered.insert(QStringLiteral("500032"));
                    if (procedure.periodStart.date() != procedure.periodEnd.date())
                        covered.insert(QStringLiteral("500029"));
                }
                if (procedure.performed.isValid() && procedure.performed.offsetFromUtc() == -4 * 3600)
                    covered.insert(QStringLiteral("time zone"));
            }
            for (const auto &refusal : drill.refusals)
                covered.insert(refusal.ehrCode);
            if (!drill.refusals.isEmpty() && !drill.procedures.isEmpty() && drill.discards.isEmpty())
                covered.insert(QStringLiteral("corrected"));
            if (drill.ehr.behaviour == Sandbox::TrainingBehaviour::Offline && drill.normalAfterQueued > 0)
                covered.insert(QStringLiteral("offline"));
            if (drill.ehr.behaviour == Sandbox::TrainingBehaviour::SignInEnded)
                covered.insert(QStringLiteral("sign-in"));
            // Rules the form itself stops: the drill teaches them and says so.
            for (const char *code : {"500034", "500036", "PRO005"}) {
                if (drill.instructions.en.contains(QLatin1String(code)))
                    covered.insert(QLatin1String(code));
            }
        }
        for (const char *rule : {"500032", "500029", "PRO005", "time zone", "500034", "500036", "500009",
                                 "500010", "500002", "offline", "corrected", "sign-in"})
            QVERIFY2(covered.contains(QLatin1String(rule)), rule);
    }

    void textsInEitherLanguage()
    {
        const auto drill = Drills::readDrill(minimal(), QStringLiteral("x.json"));
        QVERIFY(drill.ok());
        QCOMPARE(drill->id, QStringLiteral("x"));
        QCOMPARE(drill->instructions.text(QStringLiteral("es")), QStringLiteral("Hágalo"));
        QCOMPARE(drill->instructions.text(QStringLiteral("es_US")), QStringLiteral("Hágalo"));
        QCOMPARE(drill->instructions.text(QStringLiteral("en")), QStringLiteral("Do it"));
        QCOMPARE(drill->title.text(QStringLiteral("es")), QStringLiteral("T")); // no Spanish: the English
        QCOMPARE(drill->ehr.behaviour, Sandbox::TrainingBehaviour::Normal);
        QVERIFY(drill->nothingElse);
        QVERIFY(drill->ordered);
    }

    void badFilesAreNamedWithTheMember_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("what");
        QTest::newRow("not JSON") << QByteArray("{\"drill\": 1,") << "x.json"
                                  << "not JSON";
        QTest::newRow("format") << QByteArray(R"({"drill": 2})") << "x.json: drill"
                                << "must be 1";
        QTest::newRow("typo") << minimal(R"( "expcet": 1,)") << "x.json: expcet"
                              << "unknown member";
        QTest::newRow("no title") << QByteArray(R"({"drill": 1, "instructions": "x", "expect": {}})")
                                  << "x.json: title"
                                  << "give a text";
        QTest::newRow("unknown behaviour") << minimal(R"( "ehr": "sluggish",)") << "x.json: ehr.behaviour"
                                           << "is not one of normal";
        QTest::newRow("refusal without code")
            << minimal(R"( "ehr": {"behaviour": "refuse-next-line"},)") << "x.json: ehr.code"
            << "non-empty";
        QTest::newRow("unknown code")
            << minimal(R"( "ehr": {"behaviour": "refuse-next-line", "code": "999999"},)")
            << "x.json: ehr.code"
            << "not an EHR code";
        QTest::newRow("back after, not offline")
            << minimal(R"( "ehr": {"behaviour": "normal", "normalAfterQueued": 2},)")
            << "x.json: ehr.normalAfterQueued"
            << "does not behave normally";
        QTest::newRow("nothing expected") << minimal({}, R"({})") << "x.json: expect"
                                          << "at least one";
        QTest::newRow("no offset")
            << minimal({}, R"({"procedures": [{"patient": "P", "encounter": "E", "code": "20610",
                "performed": "2026-03-14T10:30:00"}]})")
            << "x.json: expect.procedures[0].performed"
            << "with an offset";
        QTest::newRow("both times")
            << minimal({}, R"({"procedures": [{"patient": "P", "encounter": "E", "code": "00400",
                "performed": "2026-03-14T10:30:00-05:00",
                "period": {"start": "2026-03-14T10:30:00-05:00", "end": "2026-03-14T11:30:00-05:00"}}]})")
            << "x.json: expect.procedures[0]"
            << "either performed or period";
        QTest::newRow("end before start")
            << minimal({}, R"({"procedures": [{"patient": "P", "encounter": "E", "code": "00400",
                "period": {"start": "2026-03-14T10:30:00-05:00", "end": "2026-03-14T09:30:00-05:00"}}]})")
            << "x.json: expect.procedures[0].period"
            << "before the start";
        QTest::newRow("unknown category")
            << minimal({}, R"({"procedures": [{"patient": "P", "encounter": "E", "code": "20610",
                "category": "12345", "performed": "2026-03-14T10:30:00-05:00"}]})")
            << "x.json: expect.procedures[0].category"
            << "SNOMED";
        QTest::newRow("why of no field")
            << minimal({}, R"({"procedures": [{"patient": "P", "encounter": "E", "code": "20610",
                "performed": "2026-03-14T10:30:00-05:00", "why": {"colour": "x"}}]})")
            << "x.json: expect.procedures[0].why.colour"
            << "unknown field";
        QTest::newRow("spanish not text")
            << minimal({}, R"({"procedures": [{"patient": "P", "encounter": "E", "code": "20610",
                "performed": "2026-03-14T10:30:00-05:00", "why": {"code": {"en": "a", "es": 3}}}]})")
            << "x.json: expect.procedures[0].why.code"
            << "give a text";
        QTest::newRow("refusal without ehr code")
            << minimal({}, R"({"refused": [{"encounter": "E", "code": "20610"}]})")
            << "x.json: expect.refused[0].ehrCode"
            << "non-empty";
        QTest::newRow("missing demo data")
            << minimal(R"( "demoData": "no-such-folder",)") << "x.json: demoData"
            << "does not exist";
        QTest::newRow("setup not a Procedure")
            << minimal(R"( "setup": {"procedures": [{"resourceType": "Patient"}]},)")
            << "x.json: setup.procedures[0]"
            << "Procedure";
    }

    void badFilesAreNamedWithTheMember()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        QFETCH(QString, what);
        const auto drill = Drills::readDrill(json, QStringLiteral("x.json"));
        QVERIFY(!drill.ok());
        QVERIFY2(drill.error().path.endsWith(where), qPrintable(drill.error().text()));
        QVERIFY2(drill.error().message.contains(what), qPrintable(drill.error().text()));
    }

    void aTrainersFolderIsReadBesideTheBuiltInOnes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkdir(QStringLiteral("data"));
        QFile own(dir.filePath(QStringLiteral("zz-own.json")));
        QVERIFY(own.open(QIODevice::WriteOnly));
        own.write(minimal(R"( "demoData": "data",)"));
        own.close();
        QFile broken(dir.filePath(QStringLiteral("broken.json")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{");
        broken.close();
        QFile clash(dir.filePath(QStringLiteral("01-knee-injection.json")));
        QVERIFY(clash.open(QIODevice::WriteOnly));
        clash.write(minimal());
        clash.close();

        const Drills::DrillList list = Drills::loadDrills({Drills::builtInDrillsFolder(), dir.path()});
        QCOMPARE(list.drills.last().id, QStringLiteral("zz-own"));
        QCOMPARE(list.drills.last().demoDataDir, QDir(dir.path()).absoluteFilePath(QStringLiteral("data")));
        QCOMPARE(list.problems.size(), 2);
        QStringList where;
        for (const auto &problem : list.problems)
            where.append(problem.path);
        QVERIFY(where.join(u' ').contains(QStringLiteral("broken.json")));
        QVERIFY(where.join(u' ').contains(QStringLiteral("01-knee-injection.json")));
    }
};

QTEST_GUILESS_MAIN(TestDrillFile)
#include "tst_drillfile.moc"
