#include <functional>
#include <limits>

#include <QFile>

#include "../common/resultcheck.h"
#include "sandboxtestclient.h"

namespace {

const QByteArray Base = "/mps/fhir/R4/V1";
constexpr int Attackers = 200;
constexpr qint64 UploadBytes = 4 * 1024 * 1024;
constexpr qint64 ChunkBytes = 64 * 1024;
#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer keeps freed memory in a quarantine of its own (256 MB by default): under it the
// resident figure says little about the server, and only the other checks hold.
constexpr qint64 MaxResidentKiB = std::numeric_limits<qint64>::max();
#else
constexpr qint64 MaxResidentKiB = 150 * 1024;
#endif

/// A field of /proc/self/status in KiB: VmRSS (resident now) or VmHWM (the peak of resident memory).
qint64 statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct AttackResult
{
    bool ended = false;              ///< the server closed every attacker, and answered the normal request
    int normalStatus = 0;            ///< the answer to a normal request sent once the attack was under way
    std::vector<QByteArray> answers; ///< the start of what each attacker received
    qint64 elapsedMs = 0;
};

/**
 * Opens the attackers' connections and calls step(i, socket) every stepMs for each one still connected,
 * until the server has closed them all and has answered a normal request sent meanwhile (at most 60 s).
 * The attackers' read buffers are small, so what the process holds is mostly the server's.
 */
AttackResult attack(const Sandbox::Server &server, int stepMs,
                    const std::function<void(std::size_t, QTcpSocket &)> &step)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < Attackers; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->setReadBufferSize(ChunkBytes);
        socket->connectToHost(QHostAddress::LocalHost, server.port());
        sockets.push_back(std::move(socket));
    }
    SandboxTestClient client(server.baseUrl());
    std::unique_ptr<QNetworkReply> normal;
    AttackResult result;
    result.answers.resize(sockets.size());
    QElapsedTimer timer;
    timer.start();
    while (!result.ended && timer.elapsed() < 60000) {
        bool open = false;
        for (std::size_t i = 0; i < sockets.size(); ++i) {
            QTcpSocket &socket = *sockets[i];
            QByteArray &answer = result.answers[i];
            if (socket.isOpen())
                answer += socket.readAll().left(4096 - answer.size());
            if (socket.state() == QAbstractSocket::ConnectedState)
                step(i, socket);
            open = open || socket.state() != QAbstractSocket::UnconnectedState;
        }
        if (!normal && timer.elapsed() > 200)
            normal.reset(client.manager().get(client.request(client.url(QStringLiteral("metadata")), {})));
        result.ended = !open && normal && normal->isFinished();
        QTest::qWait(stepMs);
    }
    result.elapsedMs = timer.elapsed();
    if (normal && normal->isFinished())
        result.normalStatus = normal->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return result;
}

} // namespace

/**
 * The training EHR's memory under the two attacks a local process can make,
 * measured as this process's peak resident memory (the server runs in it,
 * as in the app). The attackers' own buffers are kept small, so the figure
 * is mostly the server's.
 */
class TestSandboxMemory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tokenlessUploads();
    void slowHeaders();
    void cleanupTestCase();

private:
    qint64 m_startKiB = 0;
};

void TestSandboxMemory::initTestCase()
{
    if (statusKiB("VmHWM") < 0)
        QSKIP("needs /proc/self/status (Linux)");
    m_startKiB = statusKiB("VmRSS");
    qInfo("resident at start: %lld KiB", m_startKiB);
}

void TestSandboxMemory::tokenlessUploads()
{
    Sandbox::Server server(testServerOptions());
    QVERIFY_OK(server.start());
    // Half of them announce 4 MiB (413: too long), half 1 MiB, the most a body may have (401: no token).
    const auto uploadBytes = [](std::size_t attacker) {
        return attacker % 2 ? UploadBytes / 4 : UploadBytes;
    };
    const auto head = [](qint64 length) -> QByteArray {
        return "POST " + Base +
               "/Procedure HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/fhir+json\r\n"
               "Content-Length: " +
               QByteArray::number(length) + "\r\n\r\n";
    };
    const QByteArray chunk(ChunkBytes, ' ');
    std::vector<qint64> sent(Attackers, -1); // -1: the head is not sent yet

    // Each attacker sends its head, then its body as fast as the server takes it, until it has sent
    // everything or the server closed.
    const AttackResult result = attack(server, 1, [&](std::size_t i, QTcpSocket &socket) {
        if (sent[i] < 0) {
            socket.write(head(uploadBytes(i)));
            sent[i] = 0;
        }
        if (sent[i] < uploadBytes(i) && socket.bytesToWrite() < ChunkBytes) {
            socket.write(chunk);
            sent[i] += ChunkBytes;
        }
    });
    const qint64 peak = statusKiB("VmHWM");
    qInfo("%d tokenless uploads of 1 and 4 MiB in %lld ms: resident %lld KiB, peak %lld KiB", Attackers,
          result.elapsedMs, statusKiB("VmRSS"), peak);
    QVERIFY2(result.ended, "the attack did not end within 60 s");
    QCOMPARE(result.normalStatus, 200);
    const std::vector<QByteArray> &answers = result.answers;
    for (std::size_t i = 0; i < answers.size(); ++i)
        QVERIFY2(answers[i].startsWith(i % 2 ? "HTTP/1.1 401 " : "HTTP/1.1 413 "), answers[i].constData());
    QVERIFY2(peak < MaxResidentKiB, qPrintable(QString::number(peak)));
}

void TestSandboxMemory::slowHeaders()
{
    Sandbox::ServerOptions options = testServerOptions();
    options.limits.headerTimeoutMs = 1000;
    Sandbox::Server server(options);
    QVERIFY_OK(server.start());
    std::vector<bool> started(Attackers, false);

    // Each attacker sends its request line, then a header field every 200 ms, and never ends its head.
    const AttackResult result = attack(server, 200, [&](std::size_t i, QTcpSocket &socket) {
        socket.write(started[i] ? QByteArray("X-Slow: 1\r\n")
                                : "GET " + Base + "/metadata HTTP/1.1\r\nHost: localhost\r\n");
        started[i] = true;
    });
    const qint64 peak = statusKiB("VmHWM");
    const std::vector<QByteArray> &answers = result.answers;
    const auto timedOut = std::count_if(answers.cbegin(), answers.cend(), [](const QByteArray &answer) {
        return answer.startsWith("HTTP/1.1 408 ");
    });
    qInfo("%d slow heads in %lld ms, %lld answered 408: resident %lld KiB, peak %lld KiB", Attackers,
          result.elapsedMs, qlonglong(timedOut), statusKiB("VmRSS"), peak);
    QVERIFY2(result.ended, "the attack did not end within 60 s");
    QCOMPARE(result.normalStatus, 200);
    // Every attacker was closed by the server (the loop ended); one that read its answer before the close saw
    // a 408.
    for (const QByteArray &answer : answers)
        QVERIFY2(answer.isEmpty() || answer.startsWith("HTTP/1.1 408 "), answer.constData());
    QVERIFY2(peak < MaxResidentKiB, qPrintable(QString::number(peak)));
}

void TestSandboxMemory::cleanupTestCase()
{
    qInfo("resident at the end: %lld KiB, peak %lld KiB (start %lld KiB)", statusKiB("VmRSS"),
          statusKiB("VmHWM"), m_startKiB);
}

QTEST_GUILESS_MAIN(TestSandboxMemory)
#include "tst_sandboxmemory.moc"
