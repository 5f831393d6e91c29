#include <sys/stat.h>

#include <QTemporaryDir>

#include "sandbox/accesscontrol.h"
#include "sandboxtestclient.h"

namespace {

const QByteArray Base = "/mps/fhir/R4/V1";
const QByteArray TokenHeader = "Authorization: Bearer test-token\r\n";

/// A raw connection, for what no well-behaved client sends; nullptr when it cannot connect.
std::unique_ptr<QTcpSocket> connectTo(const Sandbox::Server &server)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, server.port());
    QElapsedTimer timer;
    timer.start();
    while (socket->state() != QAbstractSocket::ConnectedState && timer.elapsed() < 5000)
        QTest::qWait(10);
    return socket->state() == QAbstractSocket::ConnectedState ? std::move(socket) : nullptr;
}

QByteArray getRequest(const QByteArray &relative, const QByteArray &extraHeaders = TokenHeader)
{
    return "GET " + Base + '/' + relative + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders + "\r\n";
}

/// Waits until the server has closed the connection, at most timeoutMs.
bool closedByServer(QTcpSocket &socket, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && timer.elapsed() < timeoutMs) {
        QTest::qWait(20);
        socket.readAll();
    }
    return socket.state() == QAbstractSocket::UnconnectedState;
}

int lineCount(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return int(file.readAll().count('\n'));
}

/// Complete HTTP answers at the front of buffer, which are removed from it.
int takeAnswers(QByteArray &buffer)
{
    int answers = 0;
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        const qsizetype lengthAt = buffer.indexOf("Content-Length: ");
        if (headerEnd < 0 || lengthAt < 0 || lengthAt > headerEnd)
            return answers;
        const qsizetype length =
            buffer.mid(lengthAt + 16, buffer.indexOf("\r\n", lengthAt) - lengthAt - 16).toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return answers;
        buffer.remove(0, headerEnd + 4 + length);
        ++answers;
    }
}

QByteArray commaList(int count)
{
    return QByteArrayList(count, "a").join(',');
}

} // namespace

/**
 * The training EHR under abuse: every request is judged from its head before
 * its body is read, connections are capped and timed, a client that reads
 * nothing is not read either, and sizes are bounded.
 */
class TestSandboxLimits : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void refusedFromTheHeadAlone_data();
    void refusedFromTheHeadAlone();
    void continueOnlyOnceAdmitted();
    void ambiguousFramingIsRefused_data();
    void ambiguousFramingIsRefused();
    void connectionsAreCapped();
    void connectionsResetWhileWaitingFreeTheirSlot();
    void slowHeadersAreCutOff();
    void silentConnectionIsClosed();
    void idleConnectionIsClosed();
    void unreadAnswersStopReading();
    void urlLengthIsLimited();
    void searchValuesAreLimited_data();
    void searchValuesAreLimited();
    void findingsAreSummarised();
    void requestLogEscapesControlCharacters();
    void requestLogFileIsOwnerOnly();
    void accessControlTakesOpenPathsAndVerifiers();

private:
    bool start(Sandbox::ServerOptions options);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox::Server> m_server;
};

void TestSandboxLimits::init()
{
    m_server.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

bool TestSandboxLimits::start(Sandbox::ServerOptions options)
{
    m_server = std::make_unique<Sandbox::Server>(options);
    const Common::Status started = m_server->start();
    if (!started)
        qWarning() << started.error().message;
    return started.ok();
}

void TestSandboxLimits::refusedFromTheHeadAlone_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<qint64>("contentLength");
    QTest::addColumn<int>("status");
    const qint64 oneMiB = 1024 * 1024;
    QTest::newRow("no token") << QByteArray() << oneMiB << 401;
    QTest::newRow("wrong token") << QByteArray("Authorization: Bearer not-it\r\n") << oneMiB << 401;
    QTest::newRow("no token, 4 MiB") << QByteArray() << 4 * oneMiB << 413;
    QTest::newRow("no token, 2 GiB") << QByteArray() << (qint64(2) << 30) << 413;
    QTest::newRow("token, 1 MiB and a byte") << TokenHeader << oneMiB + 1 << 413;
}

void TestSandboxLimits::refusedFromTheHeadAlone()
{
    QFETCH(QByteArray, authorization);
    QFETCH(qint64, contentLength);
    QFETCH(int, status);
    QVERIFY(start(testServerOptions()));
    const auto socket = connectTo(*m_server);
    QVERIFY(socket);
    // Only the header section: the answer must not wait for a body that never comes.
    socket->write("POST " + Base + "/Procedure HTTP/1.1\r\nHost: localhost\r\n" + authorization +
                  "Content-Type: application/fhir+json\r\nContent-Length: " +
                  QByteArray::number(contentLength) + "\r\n\r\n");
    const QByteArray answer = readAnswer(*socket, 5000);
    QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
             answer.constData());
    QVERIFY2(answer.contains("\"OperationOutcome\""), answer.constData());
    QVERIFY2(answer.contains("Connection: close\r\n"), answer.constData());
    QVERIFY(closedByServer(*socket, 5000));
    QCOMPARE(m_server->procedureCount(), 0);
}

void TestSandboxLimits::continueOnlyOnceAdmitted()
{
    QVERIFY(start(testServerOptions()));
    const QByteArray example = vendorExample();
    const QByteArray head =
        "POST " + Base +
        "/Procedure HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/fhir+json\r\n"
        "Expect: 100-continue\r\nContent-Length: " +
        QByteArray::number(example.size()) + "\r\n";
    // Without the token the client is told so before it sends the body (curl waits for this).
    const auto refused = connectTo(*m_server);
    QVERIFY(refused);
    refused->write(head + "\r\n");
    const QByteArray refusal = readAnswer(*refused, 5000);
    QVERIFY2(refusal.startsWith("HTTP/1.1 401 "), refusal.constData());
    // With it, "100 Continue" first, then the answer to the body.
    const auto admitted = connectTo(*m_server);
    QVERIFY(admitted);
    admitted->write(head + TokenHeader + "\r\n");
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (!answer.contains("\r\n\r\n") && timer.elapsed() < 5000) {
        QTest::qWait(20);
        answer += admitted->readAll();
    }
    QCOMPARE(answer, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    admitted->write(example);
    answer = readAnswer(*admitted, 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 201 "), answer.constData());
    QCOMPARE(m_server->procedureCount(), 1);
}

void TestSandboxLimits::ambiguousFramingIsRefused_data()
{
    QTest::addColumn<QByteArray>("framing");
    QTest::addColumn<int>("status");
    QTest::newRow("Content-Length and Transfer-Encoding")
        << QByteArray("Content-Length: 2\r\nTransfer-Encoding: chunked\r\n") << 400;
    QTest::newRow("Transfer-Encoding and Content-Length")
        << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 2\r\n") << 400;
    QTest::newRow("two equal lengths") << QByteArray("Content-Length: 2\r\nContent-Length: 2\r\n") << 400;
    QTest::newRow("two lengths") << QByteArray("Content-Length: 2\r\nContent-Length: 40\r\n") << 400;
    QTest::newRow("a list of lengths") << QByteArray("Content-Length: 2, 2\r\n") << 400;
    QTest::newRow("a signed length") << QByteArray("Content-Length: +2\r\n") << 400;
    QTest::newRow("space before the colon") << QByteArray("Content-Length : 2\r\n") << 400;
    QTest::newRow("folded line") << QByteArray("Content-Length: 2\r\n X-Folded: 1\r\n") << 400;
    QTest::newRow("Transfer-Encoding alone") << QByteArray("Transfer-Encoding: chunked\r\n") << 411;
}

void TestSandboxLimits::ambiguousFramingIsRefused()
{
    QFETCH(QByteArray, framing);
    QFETCH(int, status);
    QVERIFY(start(testServerOptions()));
    const auto socket = connectTo(*m_server);
    QVERIFY(socket);
    socket->write("POST " + Base + "/$sandbox-reset HTTP/1.1\r\nHost: localhost\r\n" + TokenHeader + framing +
                  "\r\n{}");
    const QByteArray answer = readAnswer(*socket, 5000);
    QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
             answer.constData());
    QVERIFY2(answer.contains("\"OperationOutcome\""), answer.constData());
    QVERIFY(closedByServer(*socket, 5000));
}

void TestSandboxLimits::connectionsAreCapped()
{
    Sandbox::ServerOptions options = testServerOptions();
    options.limits.maxConnections = 2;
    QVERIFY(start(options));
    auto first = connectTo(*m_server);
    const auto second = connectTo(*m_server);
    QVERIFY(first && second);
    QTest::qWait(200);

    // The kernel completes the connection, but the server does not read it while two are open.
    const auto third = connectTo(*m_server);
    QVERIFY(third);
    third->write(getRequest("metadata"));
    QTest::qWait(1000);
    QVERIFY2(third->bytesAvailable() == 0, third->readAll().constData());

    first->abort();
    const QByteArray answer = readAnswer(*third, 10000);
    QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
}

void TestSandboxLimits::connectionsResetWhileWaitingFreeTheirSlot()
{
    Sandbox::ServerOptions options = testServerOptions();
    options.limits.maxConnections = 1;
    options.limits.headerTimeoutMs = 300;
    QVERIFY(start(options));
    auto occupant = connectTo(*m_server);
    QVERIFY(occupant);
    QTest::qWait(200);
    // Clients that give up while waiting behind the cap: the server accepts their connections already
    // reset, and each must still give its slot back.
    for (int client = 0; client < 3; ++client) {
        auto gaveUp = connectTo(*m_server);
        QVERIFY(gaveUp);
        gaveUp->write(getRequest("metadata"));
        gaveUp->abort();
    }
    occupant->abort();
    QTest::qWait(1000);

    const auto next = connectTo(*m_server);
    QVERIFY(next);
    next->write(getRequest("metadata"));
    const QByteArray answer = readAnswer(*next, 10000);
    QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
}

void TestSandboxLimits::slowHeadersAreCutOff()
{
    Sandbox::ServerOptions options = testServerOptions();
    options.limits.headerTimeoutMs = 500;
    QVERIFY(start(options));
    const auto socket = connectTo(*m_server);
    QVERIFY(socket);
    socket->write("GET " + Base + "/metadata HTTP/1.1\r\n");
    // A field every 100 ms: never silent, never done.
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (answer.isEmpty() && socket->state() == QAbstractSocket::ConnectedState &&
           timer.elapsed() < 10000) {
        socket->write("X-Slow: 1\r\n");
        QTest::qWait(100);
        answer += socket->readAll();
    }
    answer = readAnswer(*socket, 5000, answer);
    QVERIFY2(answer.startsWith("HTTP/1.1 408 "), answer.constData());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(closedByServer(*socket, 5000));
}

void TestSandboxLimits::silentConnectionIsClosed()
{
    Sandbox::ServerOptions options = testServerOptions();
    options.limits.headerTimeoutMs = 300;
    QVERIFY(start(options));
    const auto socket = connectTo(*m_server);
    QVERIFY(socket);
    QVERIFY(closedByServer(*socket, 5000));
}

void TestSandboxLimits::idleConnectionIsClosed()
{
    Sandbox::ServerOptions options = testServerOptions();
    options.limits.idleTimeoutMs = 300;
    QVERIFY(start(options));
    const auto socket = connectTo(*m_server);
    QVERIFY(socket);
    socket->write(getRequest("metadata"));
    const QByteArray answer = readAnswer(*socket, 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.constData());
    QVERIFY(!answer.contains("Connection: close"));
    QVERIFY(closedByServer(*socket, 5000));
}

void TestSandboxLimits::unreadAnswersStopReading()
{
    Sandbox::ServerOptions options = testServerOptions();
    options.logRequests = true;
    options.logFile = m_dir->filePath(QStringLiteral("requests.log"));
    QVERIFY(start(options));
    const auto socket = connectTo(*m_server);
    QVERIFY(socket);
    // Qt would otherwise read everything the server sends into this socket's buffer, and the kernel's
    // receive buffer would grow to megabytes.
    socket->setReadBufferSize(64 * 1024);
    socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 64 * 1024);
    // About 40 kB of requests whose answers (every demo diagnosis, each time) come to about 40 MB.
    const int requests = 400;
    QByteArray pipelined;
    for (int i = 0; i < requests; ++i)
        pipelined += getRequest("Condition?_count=200");
    socket->write(pipelined);

    // Nothing is read here: the server answers until its unsent answers pass 1 MiB (plus what the kernels
    // buffer), then waits.
    int answered = -1;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        QTest::qWait(500);
        const int now = lineCount(options.logFile);
        if (now == answered)
            break;
        answered = now;
    }
    SandboxTestClient client(m_server->baseUrl());
    const SandboxReply one = client.get(QStringLiteral("Condition?_count=200"));
    QCOMPARE(one.status, 200);
    const qint64 answerSize = one.body.size();
    qInfo("%d of %d pipelined answers of %lld bytes produced while the client read nothing", answered,
          requests, answerSize);
    QVERIFY2(answered < requests / 2, qPrintable(QString::number(answered)));
    QVERIFY(answered * answerSize < 24 * 1024 * 1024);

    // Once the client reads, the server goes on, and every request is answered.
    QByteArray buffer;
    int received = 0;
    timer.restart();
    while (received < requests && timer.elapsed() < 60000 &&
           socket->state() == QAbstractSocket::ConnectedState) {
        QTest::qWait(5);
        buffer += socket->readAll();
        received += takeAnswers(buffer);
    }
    QCOMPARE(received, requests);
}

void TestSandboxLimits::urlLengthIsLimited()
{
    QVERIFY(start(testServerOptions()));
    SandboxTestClient client(m_server->baseUrl());
    const QByteArray prefix = Base + "/Patient?name=";
    const QString atLimit = QString::fromLatin1(QByteArray(8192 - prefix.size(), 'a'));
    QCOMPARE(client.get(QStringLiteral("Patient?name=") + atLimit).status, 200);
    const SandboxReply tooLong = client.get(QStringLiteral("Patient?name=a") + atLimit);
    QCOMPARE(tooLong.status, 414);
    QCOMPARE(tooLong.resourceType(), QStringLiteral("OperationOutcome"));
    // The one that took the old server 14.6 s is refused at once.
    const SandboxReply huge =
        client.get(QStringLiteral("Patient?name=") + QString::fromLatin1(commaList(100000)));
    QCOMPARE(huge.status, 414);
}

void TestSandboxLimits::searchValuesAreLimited_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::newRow("20 comma-separated") << QString::fromLatin1("name=" + commaList(20)) << 200;
    QTest::newRow("21 comma-separated") << QString::fromLatin1("name=" + commaList(21)) << 400;
    QTest::newRow("20 repeated") << QString::fromLatin1(QByteArrayList(20, "name=a").join('&')) << 200;
    QTest::newRow("21 repeated") << QString::fromLatin1(QByteArrayList(21, "name=a").join('&')) << 400;
    QTest::newRow("11 and 10") << QString::fromLatin1("name=" + commaList(11) + "&name=" + commaList(10))
                               << 400;
    QTest::newRow("20 of each of two")
        << QString::fromLatin1("name=" + commaList(20) + "&_id=" + commaList(20)) << 200;
}

void TestSandboxLimits::searchValuesAreLimited()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QVERIFY(start(testServerOptions()));
    SandboxTestClient client(m_server->baseUrl());
    const SandboxReply reply = client.get(QStringLiteral("Patient?") + query);
    QCOMPARE(reply.status, status);
    if (status == 400) {
        const QJsonObject issue = reply.json().value(QStringLiteral("issue")).toArray().at(0).toObject();
        QCOMPARE(issue.value(QStringLiteral("expression")).toArray().at(0).toString(),
                 QStringLiteral("name"));
        QVERIFY(issue.value(QStringLiteral("details"))
                    .toObject()
                    .value(QStringLiteral("text"))
                    .toString()
                    .contains(QStringLiteral("20")));
    }
}

void TestSandboxLimits::findingsAreSummarised()
{
    QVERIFY(start(testServerOptions()));
    SandboxTestClient client(m_server->baseUrl());
    QJsonObject procedure = vendorExampleJson();
    // A signed-off encounter: one error, after 500 warnings for elements the EHR ignores.
    procedure.insert(QStringLiteral("encounter"),
                     QJsonObject{{QStringLiteral("reference"), QStringLiteral("Encounter/Encounter-806")}});
    for (int i = 0; i < 500; ++i)
        procedure.insert(QStringLiteral("unknown%1").arg(i, 3, 10, QChar(u'0')), i);
    const SandboxReply reply = client.post(QStringLiteral("Procedure"), toBytes(procedure));
    QCOMPARE(reply.status, 422);
    const QJsonArray issues = reply.json().value(QStringLiteral("issue")).toArray();
    QCOMPARE(issues.size(), 101);
    // The error comes first, whatever its place among the findings.
    QCOMPARE(reply.ehrCodes().value(0), QStringLiteral("500009"));
    const QJsonObject summary = issues.last().toObject();
    QCOMPARE(summary.value(QStringLiteral("severity")).toString(), QStringLiteral("information"));
    const QString text =
        summary.value(QStringLiteral("details")).toObject().value(QStringLiteral("text")).toString();
    // 500 warnings and the error, less the 100 listed.
    QVERIFY2(text.split(u' ').value(0).toInt() >= 401, qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(" more findings")), qPrintable(text));
    QCOMPARE(m_server->procedureCount(), 0);
}

void TestSandboxLimits::requestLogEscapesControlCharacters()
{
    Sandbox::ServerOptions options = testServerOptions();
    options.logRequests = true;
    options.logFile = m_dir->filePath(QStringLiteral("requests.log"));
    QVERIFY(start(options));
    const QByteArray forged =
        "%0A2026-01-01T00:00:00.000Z%20GET%20/forged%20200%20-%201ms%0D%1B%5B31m%00%5Cx0a";
    for (const QByteArray &authorization : {TokenHeader, QByteArray()}) {
        const auto socket = connectTo(*m_server);
        QVERIFY(socket);
        socket->write(getRequest("Procedure/x" + forged, authorization));
        const QByteArray answer = readAnswer(*socket, 5000);
        QVERIFY2(answer.startsWith(authorization.isEmpty() ? "HTTP/1.1 401 " : "HTTP/1.1 404 "),
                 answer.constData());
    }
    m_server.reset();
    QFile file(options.logFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray log = file.readAll();
    const QList<QByteArray> lines = log.split('\n');
    QCOMPARE(lines.size(), 3); // two lines and the empty rest after the last newline
    for (const QByteArray &line : lines.mid(0, 2)) {
        QVERIFY2(
            line.contains("/Procedure/x\\x0a2026-01-01T00:00:00.000Z GET /forged 200 - 1ms\\x0d\\x1b[31m\\x00"
                          "\\\\x0a "),
            line.constData());
        for (const char control : {'\r', '\x1b', '\0'})
            QVERIFY(!line.contains(control));
    }
}

void TestSandboxLimits::requestLogFileIsOwnerOnly()
{
    const mode_t previous = ::umask(022);
    Sandbox::ServerOptions options = testServerOptions();
    options.logRequests = true;
    options.logFile = m_dir->filePath(QStringLiteral("new.log"));
    const bool started = start(options);
    ::umask(previous);
    QVERIFY(started);
    struct stat status = {};
    QCOMPARE(::stat(QFile::encodeName(options.logFile).constData(), &status), 0);
    QCOMPARE(status.st_mode & 0777, mode_t(0600));
}

void TestSandboxLimits::accessControlTakesOpenPathsAndVerifiers()
{
    Sandbox::AccessControl access;
    access.setStaticToken(QStringLiteral("static"));
    access.addOpenPath(QStringLiteral("/base/metadata"));
    // A verifier of its own kind of token that knows the interaction: reads only.
    access.addTokenVerifier([](const QByteArray &token, const Sandbox::RequestHead &head) {
        std::optional<Sandbox::Admission> decision;
        if (!token.startsWith("jwt."))
            return decision;
        if (head.method == "GET")
            decision = Sandbox::Admission::allow();
        else
            decision = Sandbox::Admission::refuse(Sandbox::HttpResponse{403, {}, {}, {}, {}, {}, false});
        return decision;
    });
    const auto head = [](const QByteArray &method, const QString &path, const QByteArray &authorization) {
        Sandbox::RequestHead result;
        result.method = method;
        result.path = path;
        if (!authorization.isEmpty())
            result.headers.append({"Authorization", authorization});
        return result;
    };
    const auto status = [&access](const Sandbox::RequestHead &request) {
        const Sandbox::Admission admission = access.admit(request);
        return admission.allowed() ? 0 : admission.refusal->status;
    };
    QCOMPARE(status(head("GET", QStringLiteral("/base/metadata"), {})), 0);
    QCOMPARE(status(head("GET", QStringLiteral("/base/Patient"), {})), 401);
    QCOMPARE(status(head("GET", QStringLiteral("/base/Patient"), "Bearer static")), 0);
    QCOMPARE(status(head("POST", QStringLiteral("/base/Procedure"), "bearer static")), 0);
    QCOMPARE(status(head("GET", QStringLiteral("/base/Patient"), "Bearer jwt.abc")), 0);
    QCOMPARE(status(head("POST", QStringLiteral("/base/Procedure"), "Bearer jwt.abc")), 403);
    QCOMPARE(status(head("GET", QStringLiteral("/base/Patient"), "Bearer other")), 401);
    QCOMPARE(access.admit(head("GET", QStringLiteral("/base/Patient"), "Bearer other"))
                 .refusal->headers.value(0)
                 .second,
             QByteArray("Bearer realm=\"superbill-sandbox\", error=\"invalid_token\""));
    QCOMPARE(status(head("GET", QStringLiteral("/base/Patient"), "Basic c3RhdGlj")), 401);
}

QTEST_GUILESS_MAIN(TestSandboxLimits)
#include "tst_sandboxlimits.moc"
