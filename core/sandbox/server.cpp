#include "server.h"

#include <functional>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include "common/clock.h"
#include "demodata.h"
#include "faultinjector.h"
#include "fhir/operationoutcome.h"
#include "fhirapi.h"
#include "httpengine.h"
#include "logging.h"
#include "procedurestore.h"
#include "requestlog.h"

namespace Sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::Server", text);
}

const QString FaultsOperation = QStringLiteral("$sandbox-faults");
const QString ResetOperation = QStringLiteral("$sandbox-reset");

constexpr int MaxLatencyMs = FaultSettings::MaxLatencyMs;

// The HTTP library reads a whole body into memory before it hands the request over. Bodies up to this
// size get the ordinary 413 from FhirApi; a connection that sends more without being answered is cut short.
constexpr qint64 MaxUnansweredBytes = 4 * FhirApi::MaxBodySize + 64 * 1024;
// How long the rest of a refused upload is read and thrown away, so that the client sees the 413.
constexpr int DiscardAfterRefusalMs = 5000;
const char *const UnansweredBytesProperty = "superbillUnansweredBytes";

/**
 * Hands the HTTP engine sockets that already carry a size guard. The guard is connected first, so it sees
 * each chunk before the engine reads it.
 */
class GuardedTcpServer : public QTcpServer
{
public:
    using Guard = std::function<void(QTcpSocket *)>;
    explicit GuardedTcpServer(Guard guard)
        : m_guard(std::move(guard))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        m_guard(socket);
        addPendingConnection(socket);
    }

private:
    Guard m_guard;
};

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString normalizedBasePath(const QString &path)
{
    QString result = path.trimmed();
    if (!result.startsWith(u'/'))
        result.prepend(u'/');
    while (result.size() > 1 && result.endsWith(u'/'))
        result.chop(1);
    return result;
}

QJsonObject faultsJson(const FaultSettings &faults)
{
    return {{QStringLiteral("failRate"), faults.failRate},
            {QStringLiteral("dropRate"), faults.dropRate},
            {QStringLiteral("hangRate"), faults.hangRate},
            {QStringLiteral("latencyMs"), faults.latencyMs}};
}

} // namespace

class ServerPrivate
{
public:
    ServerPrivate(Server *q, ServerOptions options)
        : q(q)
        , options(std::move(options))
        , injector(this->options.seed, this->options.faults)
        , api(nullptr, &store, &Common::Clock::system())
        , smart(this->options.smart, &Common::Clock::system())
    {
        this->options.basePath = normalizedBasePath(this->options.basePath);
        log.setEnabled(this->options.logRequests);
    }

    void onRequest(const QHttpServerRequest &request, QTcpSocket *socket);
    void guardRequestSize(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const HttpResponse &response, bool closeAfter);
    HttpResponse admin(const QString &operation, const HttpRequest &request);
    bool loadData(QString *error);

    Server *q;
    ServerOptions options;
    std::optional<DemoData> data;
    ProcedureStore store;
    FaultInjector injector;
    FhirApi api;
    SmartServer smart;
    RequestLog log;
    QPointer<HttpEngine> engine;
    QPointer<QTcpServer> tcpServer;
    QUrl baseUrl;
    quint16 port = 0;
};

bool ServerPrivate::loadData(QString *error)
{
    const QString dir = options.demoDataDir.isEmpty() ? DemoData::builtInDirectory() : options.demoDataDir;
    auto loaded = DemoData::load(dir, error);
    if (!loaded)
        return false;
    data = std::move(loaded);
    api.setData(&*data);
    return true;
}

void ServerPrivate::guardRequestSize(QTcpSocket *socket)
{
    socket->setProperty(UnansweredBytesProperty, qint64(0));
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket]() {
        if (socket->property(UnansweredBytesProperty).isNull()) {
            socket->readAll(); // refused: nothing more reaches the engine
            return;
        }
        const qint64 unanswered =
            socket->property(UnansweredBytesProperty).toLongLong() + socket->bytesAvailable();
        if (unanswered <= MaxUnansweredBytes) {
            socket->setProperty(UnansweredBytesProperty, unanswered);
            return;
        }
        socket->setProperty(UnansweredBytesProperty, QVariant());
        socket->readAll();
        const HttpResponse response =
            FhirApi::outcome(413, QStringLiteral("too-long"), {},
                             tr("The request is over %1 bytes; the limit for a body is %2.")
                                 .arg(MaxUnansweredBytes)
                                 .arg(FhirApi::MaxBodySize));
        socket->write(response.serialize(true));
        log.write("?", tr("(request too large)"), QString::number(response.status), {}, 0);
        QTimer::singleShot(DiscardAfterRefusalMs, socket, [socket]() { socket->abort(); });
    });
}

void ServerPrivate::onRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    const QUrl url = request.url();
    const QString fullPath = url.path(QUrl::FullyDecoded);
    const QList<std::pair<QString, QString>> items = request.query().queryItems(QUrl::FullyDecoded);
    QStringList parameterNames;
    HttpRequest httpRequest;
    for (const auto &[name, value] : items) {
        parameterNames.append(name);
        httpRequest.query.append({name, value});
    }
    httpRequest.method = QVariant::fromValue(request.method()).toString().toUpper().toLatin1();
    httpRequest.contentType = header(request, "content-type");
    httpRequest.ifNoneExist = header(request, "if-none-exist");
    httpRequest.body = request.body();
    const bool closeAfter = header(request, "connection").trimmed().toLower() == "close";
    const QString target = RequestLog::describeTarget(fullPath, parameterNames);
    const QByteArray method = httpRequest.method;
    // HEAD is a GET without the body.
    const bool head = method == "HEAD";
    if (head)
        httpRequest.method = "GET";

    const auto finish = [this, socket, closeAfter, timer, target, method, head](HttpResponse response,
                                                                                int latencyMs) {
        QPointer<QTcpSocket> guard(socket);
        response.headOnly = head;
        const auto write = [this, guard, response, closeAfter, timer, target, method]() {
            if (!guard)
                return;
            respond(guard, response, closeAfter);
            log.write(method, target, QString::number(response.status), response.ehrCode, timer.elapsed());
        };
        if (latencyMs > 0)
            QTimer::singleShot(latencyMs, socket, write);
        else
            write();
    };

    // HTTP/1.1 requires Host; an empty list means the library dropped them all (over 100 fields, or
    // too many bytes), and without this the missing token would be blamed.
    if (request.headers().isEmpty()) {
        finish(FhirApi::outcome(400, QStringLiteral("invalid"), {},
                                tr("The request has no readable header fields: more than 100 of them, "
                                   "too large ones, or none at all (not even Host).")),
               0);
        return;
    }

    const QString &base = options.basePath;
    const bool underBase = fullPath == base || fullPath.startsWith(base + u'/');
    if (!underBase) {
        finish(FhirApi::outcome(404, QStringLiteral("not-found"), {},
                                tr("This server answers under %1 only.").arg(base)),
               0);
        return;
    }
    httpRequest.path = fullPath.mid(base.size());
    while (httpRequest.path.startsWith(u'/'))
        httpRequest.path.remove(0, 1);

    if (const auto answer = smart.handle(httpRequest)) {
        finish(*answer, 0);
        return;
    }
    if (const auto refused = smart.authorize(header(request, "authorization"), httpRequest)) {
        finish(*refused, 0);
        return;
    }
    if (httpRequest.path == FaultsOperation || httpRequest.path == ResetOperation) {
        finish(admin(httpRequest.path, httpRequest), 0);
        return;
    }

    const FaultDecision fault = injector.next(httpRequest.method == "POST");
    switch (fault.kind) {
    case FaultDecision::Kind::Fail: {
        HttpResponse response =
            FhirApi::outcome(fault.httpStatus, QStringLiteral("transient"), fault.ehrCode,
                             fault.ehrCode == u"500003" ? tr("The insert operation failed.")
                                                        : tr("A dependent operation failed."));
        if (fault.retryAfter)
            response.addHeader("Retry-After", "1");
        finish(response, fault.latencyMs);
        return;
    }
    case FaultDecision::Kind::Hang:
        // Nothing is processed and nothing is sent; the connection stays open until the client gives up.
        log.write(method, target, QStringLiteral("hung"), {}, timer.elapsed());
        return;
    case FaultDecision::Kind::Drop: {
        const HttpResponse response = api.handle(httpRequest);
        if (!response.storedId.isEmpty())
            Q_EMIT q->procedureStored(response.storedId);
        QPointer<QTcpSocket> guard(socket);
        const auto drop = [this, guard, timer, target, method, response]() {
            if (guard)
                guard->abort();
            log.write(method, target, QStringLiteral("dropped(%1)").arg(response.status), response.ehrCode,
                      timer.elapsed());
        };
        // Not inside the server library's read handler: it still uses the socket after we return.
        QTimer::singleShot(fault.latencyMs, socket, drop);
        return;
    }
    case FaultDecision::Kind::None:
        break;
    }
    const HttpResponse response = api.handle(httpRequest);
    if (!response.storedId.isEmpty())
        Q_EMIT q->procedureStored(response.storedId);
    finish(response, fault.latencyMs);
}

void ServerPrivate::respond(QTcpSocket *socket, const HttpResponse &response, bool closeAfter)
{
    if (socket->property(UnansweredBytesProperty).isNull())
        return; // already refused as too large
    socket->setProperty(UnansweredBytesProperty, qint64(0));
    socket->write(response.serialize(closeAfter));
    if (closeAfter)
        socket->disconnectFromHost();
}

HttpResponse ServerPrivate::admin(const QString &operation, const HttpRequest &request)
{
    if (operation == ResetOperation) {
        if (request.method != "POST")
            return FhirApi::outcome(405, QStringLiteral("not-supported"), {},
                                    tr("Use POST for %1.").arg(operation));
        QString error;
        if (!q->reset(&error))
            return FhirApi::outcome(500, QStringLiteral("exception"), {}, error);
        return FhirApi::json(200, ::Fhir::OperationOutcome::single(
                                      QStringLiteral("information"), QStringLiteral("informational"), {},
                                      tr("Demo data restored; no procedures stored."))
                                      .toJson());
    }
    if (request.method == "GET")
        return FhirApi::json(200, faultsJson(injector.settings()));
    if (request.method != "POST")
        return FhirApi::outcome(405, QStringLiteral("not-supported"), {},
                                tr("Use GET or POST for %1.").arg(operation));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return FhirApi::outcome(400, QStringLiteral("invalid"), {},
                                tr("Send a JSON object such as {\"failRate\": 0.2, \"latencyMs\": 500}."));
    const QJsonObject body = document.object();
    FaultSettings faults = injector.settings();
    const auto rate = [&body](const QString &name, double *target) -> bool {
        if (!body.contains(name))
            return true;
        const QJsonValue value = body.value(name);
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 1)
            return false;
        *target = value.toDouble();
        return true;
    };
    if (!rate(QStringLiteral("failRate"), &faults.failRate) ||
        !rate(QStringLiteral("dropRate"), &faults.dropRate) ||
        !rate(QStringLiteral("hangRate"), &faults.hangRate))
        return FhirApi::outcome(400, QStringLiteral("invalid"), {}, tr("Each rate is a number from 0 to 1."));
    if (body.contains(QStringLiteral("latencyMs"))) {
        const QJsonValue latency = body.value(QStringLiteral("latencyMs"));
        if (!latency.isDouble() || latency.toDouble() < 0 || latency.toDouble() > MaxLatencyMs)
            return FhirApi::outcome(
                400, QStringLiteral("invalid"), {},
                tr("latencyMs is a number of milliseconds from 0 to %1.").arg(MaxLatencyMs));
        faults.latencyMs = latency.toInt();
    }
    q->setFaults(faults);
    return FhirApi::json(200, faultsJson(injector.settings()));
}

Server::Server(ServerOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<ServerPrivate>(this, std::move(options)))
{
}

Server::~Server()
{
    stop();
}

bool Server::start(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (isListening()) {
        *error = tr("the server is already listening");
        return false;
    }
    if (d->options.token.isEmpty()) {
        *error = tr("a bearer token is required");
        return false;
    }
    if (!d->options.host.isLoopback() && !d->options.allowNonLoopback) {
        *error = tr("%1 is not a loopback address; the training EHR speaks plain HTTP and listens on other "
                    "addresses only when that is asked for explicitly")
                     .arg(d->options.host.toString());
        return false;
    }
    if (!d->loadData(error))
        return false;
    if (!d->store.open(d->options.dataFile, error))
        return false;
    if (!d->log.open(d->options.logFile, error))
        return false;

    auto tcpServer =
        std::make_unique<GuardedTcpServer>([this](QTcpSocket *socket) { d->guardRequestSize(socket); });
    if (!tcpServer->listen(d->options.host, d->options.port)) {
        *error = tr("cannot listen on %1 port %2: %3")
                     .arg(d->options.host.toString())
                     .arg(d->options.port)
                     .arg(tcpServer->errorString());
        d->store.close();
        return false;
    }
    d->port = tcpServer->serverPort();
    d->engine = new HttpEngine(
        [this](const QHttpServerRequest &request, QTcpSocket *socket) { d->onRequest(request, socket); },
        this);
    d->tcpServer = tcpServer.release();
    d->engine->bind(d->tcpServer);

    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(d->options.host.toString());
    url.setPort(d->port);
    url.setPath(d->options.basePath);
    d->baseUrl = url;
    d->api.setBaseUrl(url);
    d->smart.start(url, d->options.token.toUtf8());
    d->api.setSecurity(d->smart.capabilitySecurity());
    qCDebug(lcSandbox).noquote() << "training EHR listening on" << url.toString();
    return true;
}

void Server::stop()
{
    if (!d->engine)
        return;
    if (d->tcpServer)
        d->tcpServer->close();
    // Open connections (keep-alive, or hung by fault injection) end with the server.
    const auto sockets = d->engine->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->abort();
    delete d->engine;
    d->store.close();
    d->port = 0;
    qCDebug(lcSandbox) << "training EHR stopped";
}

bool Server::isListening() const
{
    return d->tcpServer && d->tcpServer->isListening();
}

QUrl Server::baseUrl() const
{
    return d->baseUrl;
}

quint16 Server::port() const
{
    return d->port;
}

void Server::setFaults(const FaultSettings &faults)
{
    d->injector.setSettings(faults);
    d->options.faults = d->injector.settings();
}

FaultSettings Server::faults() const
{
    return d->injector.settings();
}

qsizetype Server::procedureCount() const
{
    return d->store.count();
}

bool Server::reset(QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!d->loadData(error))
        return false;
    return d->store.clear(error);
}

const ServerOptions &Server::options() const
{
    return d->options;
}

const SmartServer &Server::smart() const
{
    return d->smart;
}

} // namespace Sandbox
