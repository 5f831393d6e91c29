// Accepted POST Procedure per second from one client over loopback, with 1 and with 6
// connections, against the training EHR running in its own thread (as in the GUI it shares
// the app's thread; here the client must not slow the server down). Prints the figures.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include "sandbox/server.h"

namespace {

class ServerThread : public QThread
{
public:
    explicit ServerThread(Sandbox::ServerOptions options)
        : m_options(std::move(options))
    {
    }

    /// Starts the thread and waits until the server listens; empty URL on failure.
    QUrl startServer()
    {
        start();
        m_ready.acquire();
        return m_url;
    }

protected:
    void run() override
    {
        Sandbox::Server server(m_options);
        if (const Common::Status started = server.start())
            m_url = server.baseUrl();
        else
            QTextStream(stderr) << "cannot start the sandbox: " << started.error().message << Qt::endl;
        m_ready.release();
        if (m_url.isValid())
            exec();
        server.stop();
    }

private:
    Sandbox::ServerOptions m_options;
    QSemaphore m_ready;
    QUrl m_url;
};

QJsonObject vendorExample()
{
    QFile file(QStringLiteral(SUPERBILL_TEST_DATA "/procedure/vendor-example.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

struct Body
{
    QByteArray json;
    QByteArray ifNoneExist;
};

/// Distinct lines (each performed one minute after the previous one), each with its own identifier.
QList<Body> makeBodies(int count, int firstMinute = 0)
{
    const QJsonObject example = vendorExample();
    const QDateTime first = QDateTime::fromString(QStringLiteral("2026-03-14T10:00:00-05:00"), Qt::ISODate);
    QList<Body> bodies;
    bodies.reserve(count);
    for (int i = 0; i < count; ++i) {
        QJsonObject procedure = example;
        procedure.remove(QStringLiteral("id"));
        const QDateTime performed = first.addSecs(60LL * (firstMinute + i));
        procedure.insert(QStringLiteral("performedDateTime"),
                         performed.toOffsetFromUtc(-5 * 3600).toString(Qt::ISODate));
        procedure.insert(QStringLiteral("recordedDate"),
                         performed.addSecs(300).toOffsetFromUtc(-5 * 3600).toString(Qt::ISODate));
        const QString identifier =
            QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        procedure.insert(
            QStringLiteral("identifier"),
            QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:ietf:rfc:3986")},
                                   {QStringLiteral("value"), identifier}}});
        bodies.append({QJsonDocument(procedure).toJson(QJsonDocument::Compact),
                       "identifier=urn:ietf:rfc:3986|" + identifier.toUtf8()});
    }
    return bodies;
}

struct Result
{
    int accepted = 0;
    int other = 0;
    qint64 elapsedMs = 0;
};

/// POSTs every body with at most `parallel` requests in flight (QNAM opens one connection per request in
/// flight, up to 6).
Result postAll(const QUrl &base, const QList<Body> &bodies, int parallel)
{
    QNetworkAccessManager manager;
    const QUrl url(base.toString() + QStringLiteral("/Procedure"));
    Result result;
    int next = 0;
    int inFlight = 0;
    QEventLoop loop;
    std::function<void()> sendOne;
    sendOne = [&]() {
        const Body &body = bodies.at(next++);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer bench-token");
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/fhir+json"));
        request.setRawHeader("If-None-Exist", body.ifNoneExist);
        QNetworkReply *reply = manager.post(request, body.json);
        ++inFlight;
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply]() {
            --inFlight;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                ++result.accepted;
            else
                ++result.other;
            reply->deleteLater();
            if (next < bodies.size())
                sendOne();
            else if (inFlight == 0)
                loop.quit();
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < parallel && next < bodies.size(); ++i)
        sendOne();
    // A bound on the whole run, so a broken server cannot hang the benchmark.
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("superbill.sandbox.debug=false"));
    QTextStream out(stdout);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 3000;
    QTemporaryDir dir;

    struct Run
    {
        const char *label;
        int parallel;
        bool dataFile;
    };
    const Run runs[] = {{"in memory, 1 connection ", 1, false},
                        {"in memory, 6 connections", 6, false},
                        {"SQLite file, 1 connection ", 1, true},
                        {"SQLite file, 6 connections", 6, true}};
    out << "bench_sandbox: " << count
        << " accepted POST Procedure per run (vendor example, each line distinct, "
        << "If-None-Exist), server in its own thread, client QNetworkAccessManager over 127.0.0.1\n";
    int index = 0;
    for (const Run &run : runs) {
        Sandbox::ServerOptions options;
        options.token = QStringLiteral("bench-token");
        options.logRequests = false;
        if (run.dataFile)
            options.dataFile = dir.filePath(QStringLiteral("bench-%1.sqlite").arg(index++));
        ServerThread thread(options);
        const QUrl base = thread.startServer();
        if (!base.isValid())
            return 1;
        const QList<Body> bodies = makeBodies(count);
        postAll(base, makeBodies(50, count), run.parallel); // warm-up: connections, caches
        const Result result = postAll(base, bodies, run.parallel);
        thread.quit();
        thread.wait();
        const double perSecond = result.elapsedMs > 0 ? 1000.0 * result.accepted / result.elapsedMs : 0;
        out << "  " << run.label << ": " << qRound(perSecond) << " accepted/s (" << result.accepted << " in "
            << result.elapsedMs << " ms, " << result.other << " not accepted)" << Qt::endl;
        if (result.accepted != count)
            return 1;
    }
    return 0;
}
