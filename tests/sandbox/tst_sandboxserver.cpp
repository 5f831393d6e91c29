#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include "../common/resultcheck.h"
#include "sandboxtestclient.h"

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray smallBundle(const QByteArray &resources)
{
    return R"({"resourceType": "Bundle", "type": "collection", "entry": [)" + resources + "]}";
}

bool writeSmallDemoData(const QString &dir)
{
    return writeFile(dir + QStringLiteral("/patients.json"),
                     smallBundle(R"({"resource": {"resourceType": "Patient", "id": "P-1",
                        "name": [{"family": "Trainer", "given": ["Tess"]}]}})")) &&
           writeFile(
               dir + QStringLiteral("/encounters.json"),
               smallBundle(R"({"resource": {"resourceType": "Encounter", "id": "E-1", "status": "in-progress",
                        "subject": {"reference": "Patient/P-1"}, "period": {"start": "2026-05-04T09:00:00-05:00"}}})")) &&
           writeFile(dir + QStringLiteral("/conditions.json"),
                     smallBundle(R"({"resource": {"resourceType": "Condition", "id": "C-1",
                        "subject": {"reference": "Patient/P-1"}, "encounter": {"reference": "Encounter/E-1"}}})"));
}

QByteArray procedureFor(const QString &patient, const QString &encounter, const QString &condition)
{
    QJsonObject procedure = vendorExampleJson();
    procedure.insert(QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"), patient}});
    procedure.insert(QStringLiteral("encounter"), QJsonObject{{QStringLiteral("reference"), encounter}});
    procedure.insert(QStringLiteral("reasonReference"),
                     QJsonArray{QJsonObject{{QStringLiteral("reference"), condition}}});
    return toBytes(procedure);
}

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void proceduresPersistAcrossRestart();
    void severalServersInOneProcess();
    void startFailsWithReason_data();
    void startFailsWithReason();
    void portInUse();
    void nonLoopbackNeedsPermission();
    void trainerDemoDataDirectory();
    void stopClosesConnections();
    void requestLogHasNoPatientDataOrToken();
    void tooManyHeaderFieldsAreNotMistakenForNoToken_data();
    void tooManyHeaderFieldsAreNotMistakenForNoToken();
    void hugeBodyIsRefusedBeforeItIsRead();

private:
    QTemporaryDir m_dir;
};

void TestSandboxServer::init()
{
    QVERIFY(m_dir.isValid());
}

void TestSandboxServer::proceduresPersistAcrossRestart()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Sandbox::ServerOptions options = testServerOptions();
    options.dataFile = dir.filePath(QStringLiteral("session.sqlite"));
    QString id;
    {
        Sandbox::Server server(options);
        QVERIFY_OK(server.start());
        SandboxTestClient client(server.baseUrl());
        const SandboxReply reply = client.post(QStringLiteral("Procedure"), vendorExample());
        QCOMPARE(reply.status, 201);
        id = reply.json().value(QStringLiteral("id")).toString();
        // What trainees entered is for the owner only, like the outbox; the WAL file inherits the mode.
        for (const QString &file : QStringList{options.dataFile, options.dataFile + QStringLiteral("-wal")}) {
            const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                    QFileDevice::ReadOther | QFileDevice::WriteOther;
            QVERIFY2(QFile::exists(file), qPrintable(file));
            QCOMPARE(QFile::permissions(file) & others, QFileDevice::Permissions());
        }
    }
    QVERIFY(QFile::exists(options.dataFile));

    Sandbox::Server restarted(options);
    QVERIFY_OK(restarted.start());
    QCOMPARE(restarted.procedureCount(), 1);
    SandboxTestClient client(restarted.baseUrl());
    const SandboxReply read = client.get(QStringLiteral("Procedure/") + id);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json().value(QStringLiteral("id")).toString(), id);
    // What was stored before the restart still counts for the duplicate rule, and ids are not reused.
    QCOMPARE(client.post(QStringLiteral("Procedure"), vendorExample()).status, 422);
    QJsonObject later = vendorExampleJson();
    later.insert(QStringLiteral("performedDateTime"), QStringLiteral("2026-03-14T11:00:00-05:00"));
    const SandboxReply second = client.post(QStringLiteral("Procedure"), toBytes(later));
    QCOMPARE(second.status, 201);
    QVERIFY(second.json().value(QStringLiteral("id")).toString() != id);
    QCOMPARE(restarted.procedureCount(), 2);
}

void TestSandboxServer::severalServersInOneProcess()
{
    Sandbox::Server first(testServerOptions());
    Sandbox::Server second(testServerOptions());
    QVERIFY_OK(first.start());
    QVERIFY_OK(second.start());
    QVERIFY(first.port() != second.port());
    SandboxTestClient client(first.baseUrl());
    QCOMPARE(client.post(QStringLiteral("Procedure"), vendorExample()).status, 201);
    QCOMPARE(first.procedureCount(), 1);
    QCOMPARE(second.procedureCount(), 0);
}

void TestSandboxServer::startFailsWithReason_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("demoDataDir");
    QTest::addColumn<QString>("dataFile");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no token") << QString() << QString() << QString() << QStringLiteral("token");
    QTest::newRow("missing demo data directory") << QStringLiteral("t") << QStringLiteral("/nonexistent/demo")
                                                 << QString() << QStringLiteral("/nonexistent/demo");
    QTest::newRow("data file in a missing directory")
        << QStringLiteral("t") << QString() << QStringLiteral("/nonexistent/dir/data.sqlite")
        << QStringLiteral("/nonexistent/dir/data.sqlite");
}

void TestSandboxServer::startFailsWithReason()
{
    QFETCH(QString, token);
    QFETCH(QString, demoDataDir);
    QFETCH(QString, dataFile);
    QFETCH(QString, reason);
    Sandbox::ServerOptions options = testServerOptions();
    options.token = token;
    options.demoDataDir = demoDataDir;
    options.dataFile = dataFile;
    Sandbox::Server server(options);
    const Common::Status started = server.start();
    QVERIFY(!started);
    const QString error = started.error().message;
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY(!server.isListening());
}

void TestSandboxServer::portInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost));
    Sandbox::ServerOptions options = testServerOptions();
    options.port = occupant.serverPort();
    Sandbox::Server server(options);
    const Common::Status started = server.start();
    QVERIFY(!started);
    const QString error = started.error().message;
    QVERIFY2(error.contains(QString::number(occupant.serverPort())), qPrintable(error));
}

void TestSandboxServer::nonLoopbackNeedsPermission()
{
    Sandbox::ServerOptions options = testServerOptions();
    options.host = QHostAddress(QStringLiteral("192.0.2.10"));
    Sandbox::Server server(options);
    const Common::Status started = server.start();
    QVERIFY(!started);
    const QString error = started.error().message;
    QVERIFY2(error.contains(QStringLiteral("loopback")), qPrintable(error));
}

void TestSandboxServer::trainerDemoDataDirectory()
{
    QVERIFY(writeSmallDemoData(m_dir.path()));
    Sandbox::ServerOptions options = testServerOptions();
    options.demoDataDir = m_dir.path();
    Sandbox::Server server(options);
    QVERIFY_OK(server.start());
    SandboxTestClient client(server.baseUrl());
    const SandboxReply patients = client.get(QStringLiteral("Patient"));
    QCOMPARE(patients.json().value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 404);
    const SandboxReply created =
        client.post(QStringLiteral("Procedure"),
                    procedureFor(QStringLiteral("Patient/P-1"), QStringLiteral("Encounter/E-1"),
                                 QStringLiteral("Condition/C-1")));
    QVERIFY2(created.status == 201, created.body.constData());
    // The vendor's example names a patient this data set does not have.
    const SandboxReply rejected = client.post(QStringLiteral("Procedure"), vendorExample());
    QCOMPARE(rejected.status, 422);
    QVERIFY(rejected.ehrCodes().contains(QStringLiteral("500023")));
}

void TestSandboxServer::stopClosesConnections()
{
    Sandbox::FaultSettings faults;
    faults.hangRate = 1;
    Sandbox::ServerOptions options = testServerOptions();
    options.faults = faults;
    Sandbox::Server server(options);
    QVERIFY_OK(server.start());
    SandboxTestClient client(server.baseUrl());
    QNetworkReply *reply = client.manager().get(client.request(client.url(QStringLiteral("metadata")), {}));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QTest::qWait(100);
    QVERIFY(!reply->isFinished());
    server.stop();
    QVERIFY(!server.isListening());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0);
    delete reply;
    // Stopped means stopped: a new request is refused.
    QCOMPARE(client.get(QStringLiteral("metadata"), 5000).status, 0);
}

void TestSandboxServer::requestLogHasNoPatientDataOrToken()
{
    Sandbox::ServerOptions options = testServerOptions();
    options.logRequests = true;
    options.logFile = m_dir.filePath(QStringLiteral("requests.log"));
    {
        Sandbox::Server server(options);
        QVERIFY_OK(server.start());
        SandboxTestClient client(server.baseUrl());
        QCOMPARE(client.get(QStringLiteral("Patient?name=okafor&_count=5")).status, 200);
        QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 200);
        QJsonObject signedOff = vendorExampleJson();
        signedOff.insert(
            QStringLiteral("encounter"),
            QJsonObject{{QStringLiteral("reference"), QStringLiteral("Encounter/Encounter-806")}});
        QCOMPARE(client.post(QStringLiteral("Procedure"), toBytes(signedOff)).status, 422);
        QCOMPARE(client.post(QStringLiteral("Procedure"), vendorExample()).status, 201);
    }
    QFile file(options.logFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString log = QString::fromUtf8(file.readAll());
    const QStringList lines = log.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).contains(QStringLiteral("GET /mps/fhir/R4/V1/Patient?name&_count 200 - ")),
             qPrintable(log));
    QVERIFY2(lines.at(1).contains(QStringLiteral("GET /mps/fhir/R4/V1/Patient/{id} 200")), qPrintable(log));
    QVERIFY2(lines.at(2).contains(QStringLiteral("POST /mps/fhir/R4/V1/Procedure 422 500009 ")),
             qPrintable(log));
    QVERIFY2(lines.at(3).contains(QStringLiteral("POST /mps/fhir/R4/V1/Procedure 201 - ")), qPrintable(log));
    for (const auto &secret :
         {QStringLiteral("okafor"), QStringLiteral("Patient-265"), QStringLiteral("test-token"),
          QStringLiteral("Encounter-806"), QStringLiteral("20610")})
        QVERIFY2(!log.contains(secret, Qt::CaseInsensitive), qPrintable(secret));
}

void TestSandboxServer::tooManyHeaderFieldsAreNotMistakenForNoToken_data()
{
    QTest::addColumn<QByteArray>("filler");
    QByteArray many;
    for (int i = 0; i < 150; ++i)
        many += "X-Filler-" + QByteArray::number(i) + ": x\r\n";
    QTest::newRow("150 fields") << many;
    QTest::newRow("one field of 200 kB") << "X-Filler: " + QByteArray(200 * 1024, 'x') + "\r\n";
}

void TestSandboxServer::tooManyHeaderFieldsAreNotMistakenForNoToken()
{
    QFETCH(QByteArray, filler);
    Sandbox::Server server(testServerOptions());
    QVERIFY_OK(server.start());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 5000);
    // The HTTP library drops every header of a request with too many or too large fields, the token too.
    const QByteArray request =
        "GET " + server.baseUrl().path().toUtf8() +
        "/metadata HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer test-token\r\n" + filler + "\r\n";
    socket.write(request);
    const QByteArray answer = readAnswer(socket, 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 400 "), answer.constData());
    QVERIFY2(answer.contains("header"), answer.constData());
    QVERIFY2(answer.contains("\"OperationOutcome\""), answer.constData());
}

void TestSandboxServer::hugeBodyIsRefusedBeforeItIsRead()
{
    Sandbox::Server server(testServerOptions());
    QVERIFY_OK(server.start());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::ConnectedState, 5000);
    const qint64 announced = qint64(1) << 30; // 1 GiB that the server must not wait for, nor keep
    socket.write("POST " + server.baseUrl().path().toUtf8() +
                 "/Procedure HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer test-token\r\n"
                 "Content-Type: application/fhir+json\r\nContent-Length: " +
                 QByteArray::number(announced) + "\r\n\r\n");
    const QByteArray chunk(256 * 1024, ' ');
    QByteArray answer;
    qint64 sent = 0;
    QElapsedTimer timer;
    timer.start();
    // At most 32 MiB and 20 s: the server answers long before, or the test fails.
    while (answer.isEmpty() && sent < 32 * 1024 * 1024 && timer.elapsed() < 20000 &&
           socket.state() == QAbstractSocket::ConnectedState) {
        if (socket.bytesToWrite() < chunk.size()) {
            socket.write(chunk);
            sent += chunk.size();
        }
        QTest::qWait(2);
        answer += socket.readAll();
    }
    answer = readAnswer(socket, 5000, answer);
    QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.left(200).constData());
    QVERIFY2(answer.contains("\"OperationOutcome\""), answer.constData());
    // The server is still there for everyone else.
    SandboxTestClient client(server.baseUrl());
    QCOMPARE(client.get(QStringLiteral("metadata")).status, 200);
}

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
