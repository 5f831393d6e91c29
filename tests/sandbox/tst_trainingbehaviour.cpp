#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>

#include "../common/resultcheck.h"
#include "../common/sandboxfixture.h"
#include "fhir/extensions.h"
#include "sandbox/trainingbehaviour.h"
#include "sandboxtestclient.h"

/// The trainer's named EHR behaviours, each through real HTTP to a training EHR on 127.0.0.1.
class TestTrainingBehaviour : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Sandbox::Server> m_server;

    void apply(const Sandbox::BehaviourChoice &choice)
    {
        const Common::Status status = Sandbox::applyBehaviour(*m_server, choice);
        QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().message));
        QCOMPARE(Sandbox::behaviourOf(m_server->faults(), m_server->isOffline()), choice);
    }

    /// A Procedure that differs from the others by its performed minute, so none is a duplicate.
    static QByteArray procedure(int minute)
    {
        QJsonObject resource = vendorExampleJson();
        resource.insert(QStringLiteral("performedDateTime"),
                        QStringLiteral("2026-03-14T10:%1:00-05:00").arg(minute, 2, 10, QLatin1Char('0')));
        return toBytes(resource);
    }

private slots:
    void init()
    {
        m_server = startTestSandbox(testServerOptions());
        QVERIFY(m_server);
    }
    void cleanup() { m_server.reset(); }

    void namesRoundTrip()
    {
        for (const auto behaviour : Sandbox::trainingBehaviours())
            QCOMPARE(Sandbox::behaviourFromName(Sandbox::behaviourName(behaviour)), behaviour);
        QVERIFY(!Sandbox::behaviourFromName(QStringLiteral("custom")));
        QVERIFY(!Sandbox::behaviourFromName(QStringLiteral("sluggish")));
        Sandbox::FaultSettings byHand;
        byHand.failRate = 0.3;
        QCOMPARE(Sandbox::behaviourOf(byHand, false).behaviour, Sandbox::TrainingBehaviour::Custom);
    }

    void offlineRefusesConnectionsOnTheSamePort()
    {
        SandboxTestClient client(m_server->baseUrl());
        QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 200);
        QSignalSpy changed(m_server.get(), &Sandbox::Server::faultsChanged);
        const quint16 port = m_server->port();
        apply({Sandbox::TrainingBehaviour::Offline, {}});
        QVERIFY(changed.count() >= 1);
        const SandboxReply refused = client.get(QStringLiteral("Patient/Patient-265"));
        QCOMPARE(refused.status, 0);
        QCOMPARE(refused.error, QNetworkReply::ConnectionRefusedError);

        apply({Sandbox::TrainingBehaviour::Normal, {}});
        QCOMPARE(m_server->port(), port);
        QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 200);
    }

    void slowAnswersTwoSecondsLate()
    {
        apply({Sandbox::TrainingBehaviour::Slow, {}});
        SandboxTestClient client(m_server->baseUrl());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(client.get(QStringLiteral("Patient/Patient-265"), 30000).status, 200);
        // The delay is a coarse timer, which may fire up to 5% early.
        QVERIFY2(timer.elapsed() >= Sandbox::SlowAnswerMs * 95 / 100,
                 qPrintable(QString::number(timer.elapsed())));
    }

    void failingFailsOneRequestInTwoWithRetryAfter()
    {
        apply({Sandbox::TrainingBehaviour::Failing, {}});
        SandboxTestClient client(m_server->baseUrl());
        QList<int> statuses;
        for (int minute = 0; minute < 4; ++minute) {
            const SandboxReply reply = client.post(QStringLiteral("Procedure"), procedure(minute));
            statuses.append(reply.status);
            if (reply.status >= 500) {
                QCOMPARE(reply.header("Retry-After"), QByteArray("1"));
                QVERIFY(reply.ehrCodes() == QStringList{QStringLiteral("500003")} ||
                        reply.ehrCodes() == QStringList{QStringLiteral("500008")});
            }
        }
        // The very next request fails, then every second one; a write sees both faults.
        QCOMPARE(statuses, (QList<int>{500, 201, 503, 201}));
        QCOMPARE(m_server->procedureCount(), 2);
    }

    void dropAnswersStoresEachLineOnceAndLosesTheAnswers()
    {
        apply({Sandbox::TrainingBehaviour::DropAnswers, {}});
        SandboxTestClient client(m_server->baseUrl());
        const QByteArray identifier =
            "identifier=urn:ietf:rfc:3986|urn:uuid:5f1d2c8e-8d0a-4c1e-9d8b-2b7c1e4a9f10";
        QJsonObject resource = vendorExampleJson();
        resource.insert(
            QStringLiteral("identifier"),
            QJsonArray{QJsonObject{
                {QStringLiteral("system"), QStringLiteral("urn:ietf:rfc:3986")},
                {QStringLiteral("value"), QStringLiteral("urn:uuid:5f1d2c8e-8d0a-4c1e-9d8b-2b7c1e4a9f10")}}});
        for (int attempt = 0; attempt < 2; ++attempt) {
            const SandboxReply lost = client.post(QStringLiteral("Procedure"), toBytes(resource), identifier);
            QCOMPARE(lost.status, 0);
            QCOMPARE(m_server->procedureCount(), 1);
        }
        // Reads are never dropped, so the class still sees its patients.
        QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 200);
        // Back to normal, the resend with the same identifier is answered with what was stored: exactly once.
        apply({Sandbox::TrainingBehaviour::Normal, {}});
        QCOMPARE(client.post(QStringLiteral("Procedure"), toBytes(resource), identifier).status, 200);
        QCOMPARE(m_server->procedureCount(), 1);
    }

    void tokenExpiredAnswers401UntilANewToken()
    {
        apply({Sandbox::TrainingBehaviour::TokenExpired, {}});
        SandboxTestClient client(m_server->baseUrl());
        for (int request = 0; request < 2; ++request) {
            const SandboxReply expired = client.get(QStringLiteral("Patient/Patient-265"));
            QCOMPARE(expired.status, 401);
            QVERIFY2(expired.header("WWW-Authenticate").contains("error=\"invalid_token\""),
                     expired.header("WWW-Authenticate").constData());
        }
        QCOMPARE(client.post(QStringLiteral("Procedure"), procedure(1)).status, 401);
        QCOMPARE(m_server->procedureCount(), 0);
        // A sign-in: a new token works, the old one no longer does, and the expiry is over.
        QSignalSpy changed(m_server.get(), &Sandbox::Server::faultsChanged);
        m_server->renewToken(QStringLiteral("fresh-token"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(Sandbox::behaviourOf(m_server->faults(), false).behaviour,
                 Sandbox::TrainingBehaviour::Normal);
        QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 401);
        client.setToken(QStringLiteral("fresh-token"));
        QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 200);
    }

    void refuseNextLineWithAChosenCodeAndListIt_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("signed off") << "500009" << 422;
        QTest::newRow("already recorded") << "500002" << 422;
        QTest::newRow("insert failed") << "500003" << 503;
    }

    void refuseNextLineWithAChosenCodeAndListIt()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        apply({Sandbox::TrainingBehaviour::RefuseNextLine, code});
        SandboxTestClient client(m_server->baseUrl());
        // Reads pass; the next write is the one refused.
        QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 200);
        const SandboxReply refused = client.post(QStringLiteral("Procedure"), procedure(1));
        QCOMPARE(refused.status, status);
        QCOMPARE(refused.ehrCodes(), QStringList{code});
        QCOMPARE(m_server->procedureCount(), 0);
        QCOMPARE(client.post(QStringLiteral("Procedure"), procedure(1)).status, 201);

        const QJsonObject bundle = client.get(QStringLiteral("$sandbox-refusals")).json();
        QCOMPARE(bundle.value(QStringLiteral("total")).toInt(), 1);
        const QJsonObject listed =
            bundle.value(QStringLiteral("entry")).toArray().at(0)[QStringLiteral("resource")].toObject();
        QCOMPARE(listed[QStringLiteral("encounter")][QStringLiteral("reference")].toString(),
                 QStringLiteral("Encounter/Encounter-805"));
        const QJsonObject tag =
            listed[QStringLiteral("meta")][QStringLiteral("tag")].toArray().at(0).toObject();
        QCOMPARE(tag.value(QStringLiteral("system")).toString(),
                 QLatin1String(Fhir::Urls::SandboxRefusalTag));
        QCOMPARE(tag.value(QStringLiteral("code")).toString(), code);
    }

    void refusalsOfTheRulesAreListedAndResetEmptiesThem()
    {
        SandboxTestClient client(m_server->baseUrl());
        QJsonObject dental = vendorExampleJson();
        dental[QStringLiteral("code")] =
            QJsonObject{{QStringLiteral("coding"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("system"), QStringLiteral("http://www.ama-assn.org/go/cpt")},
                             {QStringLiteral("code"), QStringLiteral("D1110")},
                             {QStringLiteral("display"), QStringLiteral("Teeth cleaning")}}}}};
        QCOMPARE(client.post(QStringLiteral("Procedure"), toBytes(dental)).status, 422);
        QCOMPARE(
            client.get(QStringLiteral("$sandbox-refusals")).json().value(QStringLiteral("total")).toInt(), 1);
        QCOMPARE(client.post(QStringLiteral("$sandbox-refusals"), {}).status, 405);
        SandboxTestClient anonymous(m_server->baseUrl(), QString());
        QCOMPARE(anonymous.get(QStringLiteral("$sandbox-refusals")).status, 401);
        QVERIFY_OK(m_server->reset());
        QCOMPARE(
            client.get(QStringLiteral("$sandbox-refusals")).json().value(QStringLiteral("total")).toInt(), 0);
    }

    void adminPathTakesTheNewFaults()
    {
        SandboxTestClient client(m_server->baseUrl());
        const SandboxReply set =
            client.post(QStringLiteral("$sandbox-faults"),
                        R"({"failEvery": 2, "refuseNextWrite": "500036", "tokenExpired": false})", {}, 10000,
                        "application/json");
        QCOMPARE(set.status, 200);
        QCOMPARE(m_server->faults().failEvery, 2);
        QCOMPARE(m_server->faults().refuseNextWrite, QStringLiteral("500036"));
        const SandboxReply bad = client.post(QStringLiteral("$sandbox-faults"), R"({"dropEveryWrite": 1.5})",
                                             {}, 10000, "application/json");
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json()
                    .value(QStringLiteral("issue"))
                    .toArray()
                    .at(0)[QStringLiteral("expression")]
                    .toArray()
                    .contains(QStringLiteral("dropEveryWrite")));
        QCOMPARE(m_server->faults().dropEveryWrite, 0);
        const SandboxReply notABool = client.post(QStringLiteral("$sandbox-faults"),
                                                  R"({"signInEnded": "yes"})", {}, 10000, "application/json");
        QCOMPARE(notABool.status, 400);
        QVERIFY2(notABool.body.contains("signInEnded is true or false"), notABool.body.constData());
        QVERIFY(!m_server->faults().signInEnded);
        QCOMPARE(client
                     .post(QStringLiteral("$sandbox-faults"), R"({"signInEnded": true})", {}, 10000,
                           "application/json")
                     .status,
                 200);
        QVERIFY(m_server->faults().signInEnded);
        // The static token this client holds is refused now, until it is renewed.
        QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 401);
    }

    void loadDemoDataChecksTheFolderFirst()
    {
        const Common::Status missing = m_server->loadDemoData(QStringLiteral("/nonexistent/demo"));
        QVERIFY(!missing);
        QVERIFY2(missing.error().message.contains(QStringLiteral("/nonexistent/demo")),
                 qPrintable(missing.error().message));
        SandboxTestClient client(m_server->baseUrl());
        QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 200);
        QVERIFY_OK(m_server->loadDemoData(QStringLiteral(SUPERBILL_SOURCE_DIR "/resources/sandbox")));
        QCOMPARE(m_server->options().demoDataDir, QStringLiteral(SUPERBILL_SOURCE_DIR "/resources/sandbox"));
        QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestTrainingBehaviour)
#include "tst_trainingbehaviour.moc"
