#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "../common/processrun.h"
#include "../common/sampleentry.h"
#include "../common/sandboxfixture.h"
#include "../sandbox/sandboxtestclient.h"
#include "outbox/outboxstore.h"

/// superbill-cli drill list / check, run as a program against a training EHR in this process.
class TestDrillCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sandbox::Server> m_server;
    QString m_kneeDrill = QStringLiteral(SUPERBILL_SOURCE_DIR "/resources/drills/01-knee-injection.json");

    static QProcessEnvironment environment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("SUPERBILL_TOKEN"), QStringLiteral("test-token"));
        env.remove(QStringLiteral("SUPERBILL_EHR_URL"));
        return env;
    }

    ProcessRun cli(const QStringList &arguments)
    {
        return runProgram(QStringLiteral(SUPERBILL_CLI_EXECUTABLE), arguments, environment(), {}, 60000);
    }

    /// Okafor's knee injection as the drill expects it, with `code`.
    void record(const QString &code)
    {
        QJsonObject resource = vendorExampleJson();
        resource[QStringLiteral("code")] =
            QJsonObject{{QStringLiteral("coding"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("system"), QStringLiteral("http://www.ama-assn.org/go/cpt")},
                             {QStringLiteral("code"), code},
                             {QStringLiteral("display"), QStringLiteral("Knee injection")}}}}};
        resource[QStringLiteral("performedDateTime")] = QStringLiteral("2026-03-14T10:30:00-05:00");
        resource[QStringLiteral("reasonReference")] = QJsonArray{
            QJsonObject{{QStringLiteral("reference"), QStringLiteral("Condition/Condition-Problem-I-1332")}},
            QJsonObject{{QStringLiteral("reference"), QStringLiteral("Condition/Condition-Problem-I-1333")}}};
        SandboxTestClient client(m_server->baseUrl());
        QCOMPARE(client.post(QStringLiteral("Procedure"), toBytes(resource)).status, 201);
    }

    QStringList checkArguments() const
    {
        return {QStringLiteral("drill"), QStringLiteral("check"), m_kneeDrill, QStringLiteral("--ehr"),
                m_server->baseUrl().toString()};
    }

private slots:
    void init()
    {
        m_server = startTestSandbox(testServerOptions());
        QVERIFY(m_server);
    }
    void cleanup() { m_server.reset(); }

    void listsTheShippedDrills()
    {
        const ProcessRun run =
            cli({QStringLiteral("drill"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray drills = run.json().array();
        QVERIFY2(drills.size() >= 12, qPrintable(run.all()));
        QCOMPARE(drills.at(0)[QStringLiteral("id")].toString(), QStringLiteral("01-knee-injection"));
        QCOMPARE(drills.at(0)[QStringLiteral("ehr")].toString(), QStringLiteral("normal"));
        const ProcessRun text = cli({QStringLiteral("drill"), QStringLiteral("list")});
        QVERIFY(text.out.contains(QStringLiteral("09-offline-queue")));
        QVERIFY(text.out.contains(QStringLiteral("offline")));
    }

    void checksRightAndWrong()
    {
        ProcessRun run = cli(checkArguments());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(QStringLiteral(
                     "[WRONG] no Procedure 20610 is recorded on Encounter-805 — expected one")),
                 qPrintable(run.all()));
        QVERIFY(run.out.contains(QStringLiteral("score 0% (0 of 1 right): not correct")));

        record(QStringLiteral("20611"));
        run = cli(checkArguments());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(
                     QStringLiteral("[WRONG] code 20611 — expected 20610: the note says no ultrasound")),
                 qPrintable(run.all()));
        run = cli(checkArguments() << QStringLiteral("--language") << QStringLiteral("es"));
        QVERIFY2(run.out.contains(
                     QStringLiteral("code 20611 — expected 20610: la nota dice que no hubo ecografía")),
                 qPrintable(run.all()));

        QVERIFY(m_server->reset().ok());
        record(QStringLiteral("20610"));
        run = cli(checkArguments() << QStringLiteral("--json"));
        QCOMPARE(run.exitCode, 0);
        const QJsonObject report = run.json().object();
        QCOMPARE(report.value(QStringLiteral("drill")).toString(), QStringLiteral("01-knee-injection"));
        QVERIFY(report.value(QStringLiteral("correct")).toBool());
        QCOMPARE(report.value(QStringLiteral("percent")).toInt(), 100);
        QCOMPARE(report.value(QStringLiteral("items")).toArray().at(0)[QStringLiteral("text")].toString(),
                 QStringLiteral("code 20610 — right"));
    }

    void aTraineesOutboxShowsLinesStillWaiting()
    {
        record(QStringLiteral("20610"));
        QTemporaryDir dir;
        const QString outbox = dir.filePath(QStringLiteral("trainee.sqlite"));
        {
            Outbox::OutboxStore store;
            const Common::Status opened = store.open(outbox);
            QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().text()));
            QVERIFY(store.enqueue(sampleEntry()).ok());
        }
        const ProcessRun run = cli(checkArguments() << QStringLiteral("--db") << outbox);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.out.contains(QStringLiteral("the 20610 on Encounter-805 line is still waiting to be sent")),
            qPrintable(run.all()));
        const ProcessRun missing =
            cli(checkArguments() << QStringLiteral("--db") << dir.filePath(QStringLiteral("none.sqlite")));
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.sqlite"))));
    }

    void usageErrors()
    {
        ProcessRun run =
            cli({QStringLiteral("drill"), QStringLiteral("check"), QStringLiteral("/no/such/drill.json"),
                 QStringLiteral("--ehr"), m_server->baseUrl().toString()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("/no/such/drill.json")));
        run = cli(checkArguments() << QStringLiteral("--token") << QStringLiteral("secret"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QStringLiteral("never given on the command line")));
        run = cli({QStringLiteral("drill"), QStringLiteral("grade")});
        QCOMPARE(run.exitCode, 2);

        // An EHR that does not answer is not an empty EHR.
        const QUrl url = m_server->baseUrl();
        m_server.reset();
        run = cli({QStringLiteral("drill"), QStringLiteral("check"), m_kneeDrill, QStringLiteral("--ehr"),
                   url.toString()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("failed")), qPrintable(run.all()));
    }
};

QTEST_GUILESS_MAIN(TestDrillCli)
#include "tst_drillcli.moc"
