#include <QSignalSpy>

#include "../common/sandboxfixture.h"
#include "sandboxtestclient.h"

namespace {

std::unique_ptr<Sandbox::Server> startServer(const Sandbox::FaultSettings &faults, quint32 seed = 1)
{
    Sandbox::ServerOptions options = testServerOptions();
    options.faults = faults;
    options.seed = seed;
    return startTestSandbox(options);
}

Sandbox::FaultSettings failing(double rate)
{
    Sandbox::FaultSettings faults;
    faults.failRate = rate;
    return faults;
}

/// Statuses of count GETs, one after the other.
QList<int> statusSequence(SandboxTestClient &client, int count)
{
    QList<int> statuses;
    for (int i = 0; i < count; ++i)
        statuses.append(client.get(QStringLiteral("Patient/Patient-265")).status);
    return statuses;
}

} // namespace

class TestSandboxFaults : public QObject
{
    Q_OBJECT

private slots:
    void failAnswersRetryableCodes();
    void failSometimesSaysRetryAfter();
    void sameSeedSameFaults();
    void dropStoresThenClosesUnanswered();
    void hangNeverAnswers();
    void latencyDelaysTheAnswer();
    void faultsChangeAtRunTime();
    void adminPathNeedsTokenAndValidBody_data();
    void adminPathNeedsTokenAndValidBody();
    void resetRestoresDemoData();
};

void TestSandboxFaults::failAnswersRetryableCodes()
{
    auto server = startServer(failing(1));
    QVERIFY(server);
    SandboxTestClient client(server->baseUrl());
    QSet<int> statuses;
    for (int i = 0; i < 12; ++i) {
        const SandboxReply reply = client.post(QStringLiteral("Procedure"), vendorExample());
        QVERIFY2(reply.status == 500 || reply.status == 503, qPrintable(QString::number(reply.status)));
        QCOMPARE(reply.resourceType(), QStringLiteral("OperationOutcome"));
        const QStringList codes = reply.ehrCodes();
        QCOMPARE(codes.size(), 1);
        QVERIFY(codes.first() == u"500003" || codes.first() == u"500008");
        QCOMPARE(codes.first() == u"500003", reply.status == 500);
        statuses.insert(reply.status);
    }
    QCOMPARE(statuses, (QSet<int>{500, 503}));
    QCOMPARE(server->procedureCount(), 0);

    const SandboxReply read = client.get(QStringLiteral("Patient/Patient-265"));
    QCOMPARE(read.status, 503);
    QCOMPARE(read.ehrCodes(), QStringList{QStringLiteral("500008")});
}

void TestSandboxFaults::failSometimesSaysRetryAfter()
{
    auto server = startServer(failing(1), 7);
    QVERIFY(server);
    SandboxTestClient client(server->baseUrl());
    int withRetryAfter = 0;
    int without = 0;
    for (int i = 0; i < 20; ++i) {
        const SandboxReply reply = client.get(QStringLiteral("metadata"));
        QCOMPARE(reply.status, 503);
        if (reply.header("Retry-After") == "1")
            ++withRetryAfter;
        else
            ++without;
    }
    QVERIFY(withRetryAfter > 0);
    QVERIFY(without > 0);
}

void TestSandboxFaults::sameSeedSameFaults()
{
    auto first = startServer(failing(0.4), 42);
    auto second = startServer(failing(0.4), 42);
    QVERIFY(first && second);
    SandboxTestClient firstClient(first->baseUrl());
    SandboxTestClient secondClient(second->baseUrl());
    const QList<int> firstStatuses = statusSequence(firstClient, 30);
    const QList<int> secondStatuses = statusSequence(secondClient, 30);
    QCOMPARE(firstStatuses, secondStatuses);
    QVERIFY(firstStatuses.contains(200));
    QVERIFY(firstStatuses.contains(503));
}

void TestSandboxFaults::dropStoresThenClosesUnanswered()
{
    Sandbox::FaultSettings faults;
    faults.dropRate = 1;
    auto server = startServer(faults);
    QVERIFY(server);
    QSignalSpy stored(server.get(), &Sandbox::Server::procedureStored);
    SandboxTestClient client(server->baseUrl());
    const SandboxReply reply = client.post(QStringLiteral("Procedure"), vendorExample(), {}, 10000);
    QVERIFY(!reply.timedOut);
    QCOMPARE(reply.status, 0);
    QVERIFY(reply.error != QNetworkReply::NoError);
    QVERIFY(reply.body.isEmpty());
    // The lost response: the record exists although the client heard nothing.
    QCOMPARE(server->procedureCount(), 1);
    QCOMPARE(stored.count(), 1);

    server->setFaults({});
    const SandboxReply search = client.get(QStringLiteral("Procedure?patient=Patient-265&_summary=count"));
    QCOMPARE(search.status, 200);
    QCOMPARE(search.json().value(QStringLiteral("total")).toInt(), 1);
}

void TestSandboxFaults::hangNeverAnswers()
{
    Sandbox::FaultSettings faults;
    faults.hangRate = 1;
    auto server = startServer(faults);
    QVERIFY(server);
    SandboxTestClient client(server->baseUrl());
    const SandboxReply reply = client.post(QStringLiteral("Procedure"), vendorExample(), {}, 300);
    QVERIFY(reply.timedOut);
    QCOMPARE(server->procedureCount(), 0);

    server->setFaults({});
    QCOMPARE(client.post(QStringLiteral("Procedure"), vendorExample()).status, 201);
    QCOMPARE(server->procedureCount(), 1);
}

void TestSandboxFaults::latencyDelaysTheAnswer()
{
    Sandbox::FaultSettings faults;
    faults.latencyMs = 600;
    auto server = startServer(faults);
    QVERIFY(server);
    SandboxTestClient client(server->baseUrl());
    // The answer cannot come before the latency has passed.
    QVERIFY(client.get(QStringLiteral("metadata"), 100).timedOut);
    const SandboxReply reply = client.get(QStringLiteral("metadata"), 10000);
    QVERIFY(!reply.timedOut);
    QCOMPARE(reply.status, 200);
}

void TestSandboxFaults::faultsChangeAtRunTime()
{
    auto server = startServer({});
    QVERIFY(server);
    SandboxTestClient client(server->baseUrl());
    QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 200);

    SandboxReply reply = client.post(QStringLiteral("$sandbox-faults"), R"({"failRate": 1, "latencyMs": 0})",
                                     {}, 10000, "application/json");
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("failRate")).toDouble(), 1.0);
    QCOMPARE(server->faults().failRate, 1.0);
    QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 503);

    // The admin path itself is never faulted.
    reply = client.get(QStringLiteral("$sandbox-faults"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("failRate")).toDouble(), 1.0);
    reply =
        client.post(QStringLiteral("$sandbox-faults"), R"({"failRate": 0})", {}, 10000, "application/json");
    QCOMPARE(reply.status, 200);
    QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 200);
}

void TestSandboxFaults::adminPathNeedsTokenAndValidBody_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("no token") << QString() << QByteArray(R"({"failRate": 1})") << 401;
    QTest::newRow("wrong token") << QStringLiteral("nope") << QByteArray(R"({"failRate": 1})") << 401;
    QTest::newRow("not JSON") << QStringLiteral("test-token") << QByteArray("failRate=1") << 400;
    QTest::newRow("rate above 1") << QStringLiteral("test-token") << QByteArray(R"({"failRate": 2})") << 400;
    QTest::newRow("negative latency")
        << QStringLiteral("test-token") << QByteArray(R"({"latencyMs": -5})") << 400;
}

void TestSandboxFaults::adminPathNeedsTokenAndValidBody()
{
    QFETCH(QString, token);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    auto server = startServer({});
    QVERIFY(server);
    SandboxTestClient client(server->baseUrl(), token);
    const SandboxReply reply =
        client.post(QStringLiteral("$sandbox-faults"), body, {}, 10000, "application/json");
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.resourceType(), QStringLiteral("OperationOutcome"));
    QCOMPARE(server->faults().failRate, 0.0);
    QCOMPARE(server->faults().latencyMs, 0);
}

void TestSandboxFaults::resetRestoresDemoData()
{
    auto server = startServer({});
    QVERIFY(server);
    SandboxTestClient client(server->baseUrl());
    QCOMPARE(client.post(QStringLiteral("Procedure"), vendorExample()).status, 201);
    QCOMPARE(server->procedureCount(), 1);

    SandboxTestClient anonymous(server->baseUrl(), QString());
    QCOMPARE(anonymous.post(QStringLiteral("$sandbox-reset"), {}).status, 401);
    QCOMPARE(server->procedureCount(), 1);

    const SandboxReply reply = client.post(QStringLiteral("$sandbox-reset"), {});
    QCOMPARE(reply.status, 200);
    QCOMPARE(server->procedureCount(), 0);
    QCOMPARE(client.post(QStringLiteral("Procedure"), vendorExample()).status, 201);
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandboxfaults.moc"
