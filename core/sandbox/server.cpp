#include "server.h"

#include <functional>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include "accesscontrol.h"
#include "common/clock.h"
#include "demodata.h"
#include "faultinjector.h"
#include "fhir/operationoutcome.h"
#include "fhirapi.h"
#include "httpconnection.h"
#include "httpengine.h"
#include "logging.h"
#include "procedurestore.h"
#include "refusaljournal.h"
#include "requestlog.h"

namespace Sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::Server", text);
}

const QString FaultsOperation = QStringLiteral("$sandbox-faults");
const QString ResetOperation = QStringLiteral("$sandbox-reset");
const QString RefusalsOperation = QStringLiteral("$sandbox-refusals");

/// Search values per parameter, counting repeated parameters and comma-separated values alike: each is
/// a separate match over the data, and a few thousand of them once held the server for seconds.
constexpr int MaxValuesPerParameter = 20;

QString normalizedBasePath(const QString &path)
{
    QString result = path.trimmed();
    if (!result.startsWith(u'/'))
        result.prepend(u'/');
    while (result.size() > 1 && result.endsWith(u'/'))
        result.chop(1);
    return result;
}

} // namespace

class ServerPrivate
{
public:
    ServerPrivate(Server *q, ServerOptions options)
        : q(q)
        , options(std::move(options))
        , injector(this->options.seed, this->options.faults)
        , api(nullptr, &store)
        , smart(this->options.smart)
    {
        this->options.basePath = normalizedBasePath(this->options.basePath);
        access.setStaticToken(this->options.token);
        // Discovery and the sign-in itself need no token; the SMART server checks the access tokens it
        // issued.
        for (const QString &open : SmartServer::openPaths())
            access.addOpenPath(this->options.basePath + u'/' + open);
        access.addTokenVerifier(
            [this](const QByteArray &token, const RequestHead &head) { return smart.verify(token, head); });
        log.setEnabled(this->options.logRequests);
    }

    Admission admit(const RequestHead &head) const;
    void onRequest(HttpConnection *connection, const RequestHead &head, const QByteArray &body);
    void logRefusal(const RequestHead &head, const HttpResponse &answer);
    HttpResponse admin(const QString &operation, const HttpRequest &request);
    Common::Status loadData();

    Server *q;
    ServerOptions options;
    std::optional<DemoData> data;
    ProcedureStore store;
    RefusalJournal refusals;
    FaultInjector injector;
    FhirApi api;
    SmartServer smart;
    AccessControl access;
    RequestLog log;
    QPointer<HttpEngine> engine;
    QUrl baseUrl;
    quint16 port = 0;
    bool offline = false;
};

Common::Status ServerPrivate::loadData()
{
    const QString dir = options.demoDataDir.isEmpty() ? DemoData::builtInDirectory() : options.demoDataDir;
    Common::Result<DemoData> loaded = DemoData::load(dir);
    if (!loaded)
        return loaded.error();
    data = std::move(loaded).value();
    api.setData(&*data);
    return {};
}

Admission ServerPrivate::admit(const RequestHead &head) const
{
    const QString &base = options.basePath;
    const bool underBase = head.path == base || head.path.startsWith(base + u'/');
    if (!underBase && !access.isOpenPath(head.path))
        return Admission::refuse(FhirApi::outcome(404, QStringLiteral("not-found"), {},
                                                  tr("This server answers under %1 only.").arg(base)));
    const Admission admission = access.admit(head);
    if (!admission.allowed())
        return admission;
    QHash<QString, int> values;
    for (const auto &[name, value] : head.query) {
        int &count = values[name];
        count += int(value.count(u',')) + 1;
        if (count > MaxValuesPerParameter)
            return Admission::refuse(FhirApi::outcome(400, QStringLiteral("too-costly"), {},
                                                      tr("Search parameter %1 has more than %2 values "
                                                         "(repeated parameters and comma-separated values "
                                                         "count alike).")
                                                          .arg(name)
                                                          .arg(MaxValuesPerParameter),
                                                      name));
    }
    return Admission::allow();
}

void ServerPrivate::logRefusal(const RequestHead &head, const HttpResponse &answer)
{
    QStringList parameterNames;
    for (const auto &item : head.query)
        parameterNames.append(item.first);
    const QString target =
        head.path.isEmpty() ? QStringLiteral("?") : RequestLog::describeTarget(head.path, parameterNames);
    log.write(head.method.isEmpty() ? QByteArray("?") : head.method, target, QString::number(answer.status),
              answer.ehrCode, 0);
}

void ServerPrivate::onRequest(HttpConnection *connection, const RequestHead &head, const QByteArray &body)
{
    QElapsedTimer timer;
    timer.start();
    QStringList parameterNames;
    HttpRequest httpRequest;
    for (const auto &[name, value] : head.query) {
        parameterNames.append(name);
        httpRequest.query.append({name, value});
    }
    httpRequest.method = head.method;
    httpRequest.contentType = head.header("content-type");
    httpRequest.ifNoneExist = head.header("if-none-exist");
    httpRequest.body = body;
    const QString target = RequestLog::describeTarget(head.path, parameterNames);
    const QByteArray method = httpRequest.method;
    // HEAD is a GET without the body.
    const bool headOnly = method == "HEAD";
    if (headOnly)
        httpRequest.method = "GET";

    QPointer<HttpConnection> guard(connection);
    const auto finish = [this, guard, timer, target, method, headOnly](HttpResponse response, int latencyMs) {
        response.headOnly = headOnly;
        const auto write = [this, guard, response, timer, target, method]() {
            if (!guard)
                return;
            // Logged first: answering may go straight on to the client's next pipelined request.
            log.write(method, target, QString::number(response.status), response.ehrCode, timer.elapsed());
            guard->respond(response);
        };
        if (latencyMs > 0)
            QTimer::singleShot(latencyMs, guard, write);
        else
            write();
    };

    // Below the base path; an open path outside it (admit() lets only those through) keeps its whole path.
    httpRequest.path =
        head.path.startsWith(options.basePath) ? head.path.mid(options.basePath.size()) : head.path;
    while (httpRequest.path.startsWith(u'/'))
        httpRequest.path.remove(0, 1);

    if (const auto answer = smart.handle(httpRequest)) {
        finish(*answer, 0);
        return;
    }
    if (httpRequest.path == FaultsOperation || httpRequest.path == ResetOperation ||
        httpRequest.path == RefusalsOperation) {
        finish(admin(httpRequest.path, httpRequest), 0);
        return;
    }

    const FaultDecision fault = injector.next(httpRequest.method == "POST");
    if (fault.usedOneTimeFault)
        Q_EMIT q->faultsChanged();
    switch (fault.kind) {
    case FaultDecision::Kind::Unauthorized:
        // A SMART token was expired or revoked once, when the fault was set, and its renewal must work;
        // the static token has no renewal but a new sign-in, so it stays refused until then.
        if (!access.carriesStaticToken(head))
            break;
        finish(fault.response(), fault.latencyMs);
        return;
    case FaultDecision::Kind::Fail:
        finish(fault.response(), fault.latencyMs);
        return;
    case FaultDecision::Kind::Refuse: {
        const HttpResponse response = fault.response();
        refusals.note(httpRequest, response, Common::Clock::system().nowUtc());
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
        const auto drop = [this, guard, timer, target, method, response]() {
            if (guard)
                guard->abort();
            log.write(method, target, QStringLiteral("dropped(%1)").arg(response.status), response.ehrCode,
                      timer.elapsed());
        };
        QTimer::singleShot(fault.latencyMs, guard, drop);
        return;
    }
    case FaultDecision::Kind::None:
        break;
    }
    const HttpResponse response = api.handle(httpRequest);
    if (!response.storedId.isEmpty())
        Q_EMIT q->procedureStored(response.storedId);
    refusals.note(httpRequest, response, Common::Clock::system().nowUtc());
    finish(response, fault.latencyMs);
}

HttpResponse ServerPrivate::admin(const QString &operation, const HttpRequest &request)
{
    if (operation == RefusalsOperation) {
        if (request.method != "GET")
            return FhirApi::outcome(405, QStringLiteral("not-supported"), {},
                                    tr("Use GET for %1.").arg(operation));
        return refusals.bundle();
    }
    if (operation == ResetOperation) {
        if (request.method != "POST")
            return FhirApi::outcome(405, QStringLiteral("not-supported"), {},
                                    tr("Use POST for %1.").arg(operation));
        if (const Common::Status reset = q->reset(); !reset)
            return FhirApi::outcome(500, QStringLiteral("exception"), {}, reset.error().message);
        return FhirApi::json(200, ::Fhir::OperationOutcome::single(
                                      QStringLiteral("information"), QStringLiteral("informational"), {},
                                      tr("Demo data restored; no procedures stored."))
                                      .toJson());
    }
    if (request.method == "GET")
        return FhirApi::json(200, faultSettingsToJson(injector.settings()));
    if (request.method != "POST")
        return FhirApi::outcome(405, QStringLiteral("not-supported"), {},
                                tr("Use GET or POST for %1.").arg(operation));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return FhirApi::outcome(400, QStringLiteral("invalid"), {},
                                tr("Send a JSON object such as {\"failRate\": 0.2, \"latencyMs\": 500}."));
    const auto faults = faultSettingsFromJson(document.object(), injector.settings());
    if (!faults)
        return FhirApi::outcome(400, QStringLiteral("invalid"), {}, faults.error().message,
                                faults.error().path);
    q->setFaults(*faults);
    return FhirApi::json(200, faultSettingsToJson(injector.settings()));
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

Common::Status Server::start()
{
    const auto refused = [](const QString &message) {
        return Common::makeError(QStringLiteral("invalid"), message);
    };
    if (isListening())
        return Common::makeError(QStringLiteral("listening"), tr("the server is already listening"));
    if (d->options.token.isEmpty())
        return refused(tr("a bearer token is required"));
    const ConnectionLimits &limits = d->options.limits;
    if (limits.maxConnections < 1 || limits.maxConnections > ConnectionLimits::MaxConnections)
        return refused(tr("the connection limit %1 is not from 1 to %2")
                           .arg(limits.maxConnections)
                           .arg(ConnectionLimits::MaxConnections));
    if (limits.headerTimeoutMs < 1 || limits.idleTimeoutMs < 1)
        return refused(tr("the header and idle timeouts must be positive"));
    if (!d->options.host.isLoopback() && !d->options.allowNonLoopback)
        return refused(tr("%1 is not a loopback address; the training EHR speaks plain HTTP and listens on "
                          "other addresses only when that is asked for explicitly")
                           .arg(d->options.host.toString()));
    if (const Common::Status loaded = d->loadData(); !loaded)
        return loaded;
    if (const Common::Status opened = d->store.open(d->options.dataFile); !opened)
        return opened;
    if (const Common::Status logOpened = d->log.open(d->options.logFile); !logOpened)
        return logOpened;

    HttpHooks hooks;
    hooks.admit = [this](const RequestHead &head) { return d->admit(head); };
    hooks.handle = [this](HttpConnection *connection, const RequestHead &head, const QByteArray &body) {
        d->onRequest(connection, head, body);
    };
    hooks.refused = [this](const RequestHead &head, const HttpResponse &answer) {
        d->logRefusal(head, answer);
    };
    auto engine =
        std::make_unique<HttpEngine>(d->options.limits, FhirApi::MaxBodySize, std::move(hooks), this);
    const Common::Result<quint16> listening = engine->listen(d->options.host, d->options.port);
    if (!listening) {
        d->store.close();
        return listening.error();
    }
    d->port = *listening;
    d->engine = engine.release();

    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(d->options.host.toString());
    url.setPort(d->port);
    url.setPath(d->options.basePath);
    d->baseUrl = url;
    d->api.setBaseUrl(url);
    d->smart.start(url);
    d->api.setSecurity(d->smart.capabilitySecurity());
    qCDebug(lcSandbox).noquote() << "training EHR listening on" << url.toString();
    return {};
}

void Server::stop()
{
    if (!d->engine)
        return;
    // Open connections (keep-alive, or hung by fault injection) end with the server.
    delete d->engine;
    d->offline = false;
    d->store.close();
    d->port = 0;
    qCDebug(lcSandbox) << "training EHR stopped";
}

bool Server::isListening() const
{
    return d->engine && d->engine->isListening();
}

QUrl Server::baseUrl() const
{
    return d->baseUrl;
}

quint16 Server::port() const
{
    return d->port;
}

void Server::setClock(const Common::Clock *clock)
{
    d->api.setClock(clock);
    d->smart.setClock(clock);
}

void Server::setFaults(const FaultSettings &faults)
{
    const FaultSettings before = d->injector.settings();
    if (faults.signInEnded && !before.signInEnded)
        d->smart.endSignIns();
    else if (faults.tokenExpired && !before.tokenExpired)
        d->smart.expireAccessTokens();
    d->injector.setSettings(faults);
    d->options.faults = d->injector.settings();
    Q_EMIT faultsChanged();
}

void Server::renewToken(const QString &token)
{
    d->options.token = token;
    d->access.setStaticToken(token);
    FaultSettings faults = d->injector.settings();
    faults.tokenExpired = false;
    faults.signInEnded = false;
    setFaults(faults);
}

Common::Status Server::setOffline(bool offline)
{
    if (!d->engine)
        return Common::makeError(QStringLiteral("not-running"), tr("the server is not running"));
    if (offline == d->offline)
        return {};
    if (offline) {
        d->engine->close();
    } else if (const Common::Result<quint16> listening = d->engine->listen(d->options.host, d->port);
               !listening) {
        return listening.error();
    }
    d->offline = offline;
    qCDebug(lcSandbox) << "training EHR" << (offline ? "offline" : "back online");
    Q_EMIT faultsChanged();
    return {};
}

bool Server::isOffline() const
{
    return d->offline;
}

FaultSettings Server::faults() const
{
    return d->injector.settings();
}

qsizetype Server::procedureCount() const
{
    return d->store.count();
}

Common::Status Server::reset()
{
    if (const Common::Status loaded = d->loadData(); !loaded)
        return loaded;
    d->refusals.clear();
    return d->store.clear();
}

Common::Status Server::loadDemoData(const QString &dir)
{
    const QString previous = d->options.demoDataDir;
    d->options.demoDataDir = dir;
    const Common::Status reloaded = reset();
    if (!reloaded)
        d->options.demoDataDir = previous;
    return reloaded;
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
