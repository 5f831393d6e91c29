#include "ehrclient.h"

#include <algorithm>

#include <QCoreApplication>
#include <QHostAddress>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTimer>

#include "bearertoken.h"
#include "common/clock.h"
#include "ehrlog.h"
#include "ehrsettings.h"
#include "fhir/extensions.h"
#include "fhir/identifiertoken.h"
#include "fhir/procedurewriter.h"
#include "model/procedureentry.h"
#include "networkjob.h"

namespace Ehr {

namespace {

const QByteArray FhirJson = QByteArrayLiteral("application/fhir+json");

} // namespace

struct EhrClient::Search
{
    QPointer<const QObject> context;
    ResourcesCallback done;
    ResourceList list;
    int pages = 0;
};

ReadStatus readStatusOf(const JobResult &result)
{
    ReadStatus status;
    status.httpStatus = result.httpStatus;
    status.errorString = result.errorString;
    switch (result.transport) {
    case JobResult::Transport::Answered:
        break;
    case JobResult::Transport::NetworkError:
    case JobResult::Transport::Timeout:
        status.kind = ReadStatus::Kind::Unreachable;
        return status;
    case JobResult::Transport::TlsError:
    case JobResult::Transport::Blocked:
        status.kind = ReadStatus::Kind::Blocked;
        return status;
    case JobResult::Transport::Cancelled:
        status.kind = ReadStatus::Kind::Cancelled;
        return status;
    case JobResult::Transport::SignedOut:
        status.kind = ReadStatus::Kind::Unauthorized;
        return status;
    }
    const int code = result.httpStatus;
    if (code >= 200 && code < 300) {
        status.kind = ReadStatus::Kind::Ok;
        return status;
    }
    const Model::Findings findings = outcomeFindings(result.body).valueOr({});
    QStringList texts;
    for (const auto &finding : findings)
        texts.append(finding.code.isEmpty() ? finding.message
                                            : finding.code + QStringLiteral(": ") + finding.message);
    const QString detail =
        texts.isEmpty() ? QString() : QStringLiteral(": ") + texts.join(QStringLiteral("; "));
    if (code == 401 || code == 403) {
        status.kind = ReadStatus::Kind::Unauthorized;
        status.errorString =
            EhrClient::tr("The EHR did not accept the token (HTTP %1)%2").arg(code).arg(detail);
    } else if (code == 429 || code >= 500) {
        status.kind = ReadStatus::Kind::Unreachable;
        status.errorString =
            EhrClient::tr("The EHR is not answering normally (HTTP %1)%2").arg(code).arg(detail);
    } else {
        status.kind = ReadStatus::Kind::Failed;
        status.errorString = EhrClient::tr("The EHR answered HTTP %1%2").arg(code).arg(detail);
    }
    return status;
}

EhrClient::EhrClient(QObject *parent)
    : QObject(parent)
    , m_clock(&Common::Clock::system())
{
    m_baseUrlError = tr("No EHR address is set.");
}

EhrClient::~EhrClient()
{
    cancelAll();
}

void EhrClient::setClock(const Common::Clock *clock)
{
    m_clock = Common::Clock::orSystem(clock);
}

bool EhrClient::isLoopbackHost(const QString &host, const HostResolver &resolve)
{
    const QHostAddress address(host);
    if (!address.isNull())
        return address.isLoopback();
    if (host.compare(u"localhost", Qt::CaseInsensitive) != 0)
        return false;
    // A hosts file or resolver can send "localhost" to another machine, and plain http:// is only safe
    // on this one: every address must be loopback (Qt may connect to any of them).
    const QList<QHostAddress> addresses = resolve ? resolve(host) : QHostInfo::fromName(host).addresses();
    return !addresses.isEmpty() && std::all_of(addresses.cbegin(), addresses.cend(),
                                               [](const QHostAddress &a) { return a.isLoopback(); });
}

Common::Status EhrClient::checkTransportSecurity(const QUrl &url)
{
    const auto refused = [&url](const QString &why) {
        return Common::makeError(QStringLiteral("insecure-address"), why,
                                 url.toDisplayString(QUrl::RemoveUserInfo));
    };
    if (!url.isValid() || url.host().isEmpty())
        return refused(tr("\"%1\" is not a valid EHR address; it should look like "
                          "https://ehr.example.org/mps/fhir/R4/V1.")
                           .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    if (!url.userInfo().isEmpty())
        // It would be sent along, shown and saved with the address; the token is the only credential.
        return refused(tr("%1: the EHR address must not contain a user name or password; the token is given "
                          "separately (keychain, SUPERBILL_TOKEN or --token-file).")
                           .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return {};
    if (scheme == u"http") {
        if (isLoopbackHost(url.host()))
            return {};
        return refused(
            tr("%1 uses plain http://, which would send the token and patient data unencrypted; an EHR "
               "that is not on this computer must use https://.")
                .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    }
    return refused(
        tr("%1: the EHR address must start with https:// (or http:// for an EHR on this computer).")
            .arg(url.toDisplayString(QUrl::RemoveUserInfo)));
}

Common::Status EhrClient::setBaseUrl(const QUrl &url)
{
    if (const Common::Status secure = checkTransportSecurity(url); !secure) {
        m_baseUrl = QUrl();
        m_baseUrlError = secure.error().message;
        return secure;
    }
    QUrl normalized = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    m_baseUrl = normalized;
    m_baseUrlError.clear();
    m_capabilities.reset();
    m_conditionalCreate = true;
    m_warnedNoConditionalCreate = false;
    return {};
}

QUrl EhrClient::resourceUrl(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + u'/' + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

bool EhrClient::isSameServer(const QUrl &url) const
{
    return NetworkJob::isSameServer(m_baseUrl, url);
}

NetworkJob *EhrClient::startJob(RequestId id, const QUrl &url, const QByteArray &verb, const QByteArray &body,
                                const QByteArray &contentType,
                                const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", FhirJson);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray(QByteArrayLiteral("SuperbillDesk/") + QByteArrayLiteral(SUPERBILL_VERSION)));
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    // Asked for every request: the token may have been renewed, or replaced by one that cannot be sent.
    const QString token = m_tokenProvider && !m_authenticator ? m_tokenProvider() : QString();
    const Common::Status tokenOk = checkBearerToken(token);
    if (tokenOk && !token.isEmpty())
        request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + token.toLatin1());
    QNetworkAccessManager *manager = managerWithRoom();
    auto *job = new NetworkJob(manager, request, verb, body, m_timeout, this);
    job->setClock(m_clock);
    job->setAuthenticator(m_authenticator);
    if (!tokenOk)
        job->refuse(tokenOk.error().message);
    m_jobs.insert(id, job);
    connect(job, &QObject::destroyed, this, [this, manager] {
        for (auto &[candidate, inFlight] : m_managers) {
            if (candidate == manager)
                --inFlight;
        }
    });
    // Connected first, so it runs before the caller's handler; deleteLater keeps the job alive for it.
    connect(job, &NetworkJob::finished, this, [this, id, job](const JobResult &result) {
        if (m_jobs.value(id) == job)
            m_jobs.remove(id);
        noteTransport(result);
        job->deleteLater();
    });
    return job;
}

/// QHttpNetworkConnection's channels (connections) per server in Qt 6.4.
constexpr int ConnectionsPerManager = 6;
/// Enough connections for the most lines the outbox sends at once; further requests (a burst of
/// searches) wait in the managers' queues rather than open hundreds of connections to the EHR.
constexpr int MaxManagers =
    (EhrSettings::MaxLinesInFlight + ConnectionsPerManager - 1) / ConnectionsPerManager;

QNetworkAccessManager *EhrClient::managerWithRoom()
{
    const auto leastBusy = std::min_element(m_managers.begin(), m_managers.end(),
                                            [](const auto &a, const auto &b) { return a.second < b.second; });
    if (leastBusy != m_managers.end() &&
        (leastBusy->second < ConnectionsPerManager || m_managers.size() == MaxManagers)) {
        ++leastBusy->second;
        return leastBusy->first;
    }
    auto *manager = new QNetworkAccessManager(this);
    manager->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy); // see NetworkJob::start()
    m_managers.append({manager, 1});
    return manager;
}

void EhrClient::failLater(RequestId id, const QObject *context, std::function<void()> call)
{
    Q_UNUSED(id);
    QTimer::singleShot(0, context, std::move(call));
}

void EhrClient::noteTransport(const JobResult &result)
{
    bool reachable = m_reachable;
    if (result.transport == JobResult::Transport::Answered)
        reachable = true;
    else if (result.transport == JobResult::Transport::NetworkError ||
             result.transport == JobResult::Transport::Timeout)
        reachable = false;
    if (result.answered() && (result.httpStatus == 401 || result.httpStatus == 403))
        emit unauthorized();
    if (reachable != m_reachable) {
        m_reachable = reachable;
        qCInfo(lcEhr) << (reachable ? "EHR reachable" : "EHR unreachable");
        emit reachableChanged(reachable);
    }
}

void EhrClient::cancel(RequestId id)
{
    const QPointer<NetworkJob> job = m_jobs.take(id);
    if (!job)
        return;
    job->disconnect();
    job->abort();
    job->deleteLater();
}

void EhrClient::cancelAll()
{
    const auto ids = m_jobs.keys();
    for (const RequestId id : ids)
        cancel(id);
}

EhrClient::RequestId EhrClient::checkCapabilities(const QObject *context, CapabilitiesCallback done)
{
    if (!context)
        context = this;
    const RequestId id = nextId();
    if (m_baseUrl.isEmpty()) {
        const ReadStatus status{ReadStatus::Kind::Blocked, 0, m_baseUrlError};
        failLater(id, context, [done, status] { done(status, {}); });
        return id;
    }
    NetworkJob *job = startJob(id, resourceUrl(QStringLiteral("metadata")), "GET", {});
    connect(job, &NetworkJob::finished, context, [this, done](const JobResult &result) {
        ReadStatus status = readStatusOf(result);
        Capabilities capabilities;
        if (status.ok()) {
            const auto parsed = Capabilities::fromFhir(QJsonDocument::fromJson(result.body).object());
            if (!parsed) {
                status.kind = ReadStatus::Kind::Failed;
                status.errorString =
                    tr("The EHR's metadata is not a CapabilityStatement: %1").arg(parsed.error().message);
            } else {
                capabilities = *parsed;
                m_capabilities = capabilities;
                m_conditionalCreate = capabilities.conditionalCreate;
                if (!capabilities.isR4())
                    qCWarning(lcEhr) << "EHR reports FHIR version" << capabilities.fhirVersion << "not R4";
                emit capabilitiesChanged();
            }
        }
        done(status, capabilities);
    });
    job->start();
    return id;
}

EhrClient::RequestId EhrClient::search(const QString &resourceType, const QUrlQuery &query,
                                       const QObject *context, ResourcesCallback done)
{
    if (!context)
        context = this;
    const RequestId id = nextId();
    if (m_baseUrl.isEmpty()) {
        ResourceList list;
        list.status = {ReadStatus::Kind::Blocked, 0, m_baseUrlError};
        failLater(id, context, [done, list] { done(list); });
        return id;
    }
    auto search = std::make_shared<Search>();
    search->context = context;
    search->done = std::move(done);
    fetchPage(id, resourceUrl(resourceType, query), search);
    return id;
}

void EhrClient::fetchPage(RequestId id, const QUrl &url, std::shared_ptr<Search> search)
{
    if (!search->context)
        return;
    NetworkJob *job = startJob(id, url, "GET", {});
    connect(job, &NetworkJob::finished, search->context.data(), [this, id, search](const JobResult &result) {
        ++search->pages;
        ReadStatus status = readStatusOf(result);
        QJsonObject bundle;
        if (status.ok()) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(result.body, &parseError);
            bundle = document.object();
            if (bundle.value(QStringLiteral("resourceType")).toString() != u"Bundle") {
                status.kind = ReadStatus::Kind::Failed;
                status.errorString = tr("The EHR's answer to a search is not a FHIR Bundle.");
            }
        }
        if (!status.ok()) {
            search->list.status = status;
            search->list.resources.clear();
            search->done(search->list);
            return;
        }
        if (search->pages == 1 && bundle.contains(QStringLiteral("total")))
            search->list.total = bundle.value(QStringLiteral("total")).toInteger();
        for (const auto &entry : bundle.value(QStringLiteral("entry")).toArray()) {
            const QJsonObject resource = entry.toObject().value(QStringLiteral("resource")).toObject();
            // Included resources and OperationOutcomes are not matches.
            const QString mode = entry.toObject()
                                     .value(QStringLiteral("search"))
                                     .toObject()
                                     .value(QStringLiteral("mode"))
                                     .toString();
            if (!resource.isEmpty() && (mode.isEmpty() || mode == u"match"))
                search->list.resources.append(resource);
        }
        QUrl next;
        for (const auto &link : bundle.value(QStringLiteral("link")).toArray()) {
            if (link.toObject().value(QStringLiteral("relation")).toString() == u"next")
                next = m_baseUrl.resolved(QUrl(link.toObject().value(QStringLiteral("url")).toString()));
        }
        if (next.isValid() && !next.isEmpty()) {
            if (!isSameServer(next)) {
                search->list.status = {ReadStatus::Kind::Failed, result.httpStatus,
                                       tr("The EHR's next page is on another server; it was not followed.")};
                search->done(search->list);
                return;
            }
            if (search->pages < MaxPages) {
                fetchPage(id, next, search);
                return;
            }
            qCWarning(lcEhr) << "search stopped after" << MaxPages << "pages";
        }
        search->list.status = status;
        search->done(search->list);
    });
    job->start();
}

EhrClient::RequestId EhrClient::searchPatients(const QString &text, const QObject *context,
                                               std::function<void(const PatientList &)> done)
{
    QUrlQuery query;
    const QString trimmed = text.trimmed();
    // Names have no digits: text with digits is an MRN ("MRN-104200", "104200") or a patient id
    // ("Patient-265").
    static const QRegularExpression mrnLike(QStringLiteral("^[A-Za-z]{0,4}-?[0-9][0-9-]*$"));
    static const QRegularExpression hasDigit(QStringLiteral("[0-9]"));
    if (mrnLike.match(trimmed).hasMatch())
        query.addQueryItem(
            QStringLiteral("identifier"),
            QString::fromLatin1(
                Fhir::IdentifierToken{QLatin1String(Fhir::Urls::MrnSystem), trimmed}.toQueryValue()));
    else if (Model::isFhirId(trimmed) && hasDigit.match(trimmed).hasMatch())
        query.addQueryItem(QStringLiteral("_id"), trimmed);
    else if (!trimmed.isEmpty())
        query.addQueryItem(QStringLiteral("name"), trimmed);
    return search(QStringLiteral("Patient"), query, context, [done](const ResourceList &list) {
        PatientList result{list.status, {}, {}};
        for (const auto &resource : list.resources) {
            if (auto patient = PatientSummary::fromFhir(resource)) {
                result.items.append(*patient);
                result.resources.append(resource);
            }
        }
        done(result);
    });
}

EhrClient::RequestId EhrClient::encountersOf(const QString &patientId, const QObject *context,
                                             std::function<void(const EncounterList &)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("patient"), patientId);
    return search(QStringLiteral("Encounter"), query, context, [done, patientId](const ResourceList &list) {
        EncounterList result{list.status, {}, {}};
        for (const auto &resource : list.resources) {
            auto encounter = EncounterSummary::fromFhir(resource);
            if (encounter && encounter->patientId == patientId) {
                result.items.append(*encounter);
                result.resources.append(resource);
            }
        }
        done(result);
    });
}

EhrClient::RequestId EhrClient::conditionsOf(const QString &patientId, const QString &encounterId,
                                             const QObject *context,
                                             std::function<void(const ConditionList &)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("patient"), patientId);
    if (!encounterId.isEmpty())
        query.addQueryItem(QStringLiteral("encounter"), QStringLiteral("Encounter/") + encounterId);
    return search(QStringLiteral("Condition"), query, context,
                  [done, patientId, encounterId](const ResourceList &list) {
                      ConditionList result{list.status, {}, {}};
                      for (const auto &resource : list.resources) {
                          auto condition = ConditionSummary::fromFhir(resource);
                          if (condition && condition->patientId == patientId &&
                              (encounterId.isEmpty() || condition->encounterId == encounterId)) {
                              result.items.append(*condition);
                              result.resources.append(resource);
                          }
                      }
                      done(result);
                  });
}

EhrClient::RequestId
EhrClient::findProcedures(const Model::Identifier &identifier, const QObject *context,
                          std::function<void(const ReadStatus &, const QStringList &)> done)
{
    QUrlQuery query;
    // Already encoded: QUrlQuery keeps the escapes as they are.
    const auto token = Fhir::IdentifierToken::of(identifier);
    query.addQueryItem(QStringLiteral("identifier"), QString::fromLatin1(token.toQueryValue()));
    return search(QStringLiteral("Procedure"), query, context, [done, token](const ResourceList &list) {
        QStringList ids;
        for (const auto &resource : list.resources) {
            // A server that ignores the parameter must not make someone else's record ours.
            if (token.matchesAnyOf(resource))
                ids.append(resource.value(QStringLiteral("id")).toString());
        }
        done(list.status, ids);
    });
}

EhrClient::RequestId EhrClient::createProcedure(const Model::ProcedureEntry &entry, const QObject *context,
                                                SubmitCallback done)
{
    if (!context)
        context = this;
    const RequestId id = nextId();
    const auto identifier = entry.clientIdentifier();
    if (m_baseUrl.isEmpty() || !identifier) {
        SubmitResult result;
        result.kind = SubmitResult::Kind::Blocked;
        result.errorString = m_baseUrl.isEmpty()
                                 ? m_baseUrlError
                                 : tr("The line has no client identifier, so a resend could record it twice; "
                                      "it was not sent.");
        failLater(id, context, [done, result] { done(result); });
        return id;
    }
    QList<QPair<QByteArray, QByteArray>> headers;
    if (m_conditionalCreate) {
        headers.append(
            {QByteArrayLiteral("If-None-Exist"), Fhir::IdentifierToken::of(*identifier).toIfNoneExist()});
    } else if (!m_warnedNoConditionalCreate) {
        m_warnedNoConditionalCreate = true;
        qCWarning(lcEhr) << "the EHR does not support conditional create; a resend after a lost answer is "
                            "reconciled by searching the identifier";
    }
    const auto body = Fhir::ProcedureWriter(m_dialect).toBytes(entry, false);
    if (!body) {
        SubmitResult result;
        result.kind = SubmitResult::Kind::Rejected;
        result.ehrCode = body.error().code;
        result.errorString = body.error().text();
        result.findings = {
            {body.error().code, Model::Severity::Error, body.error().path, body.error().message}};
        failLater(id, context, [done, result] { done(result); });
        return id;
    }
    NetworkJob *job =
        startJob(id, resourceUrl(QStringLiteral("Procedure")), "POST", *body, FhirJson, headers);
    connect(job, &NetworkJob::finished, context, [done, identifier](const JobResult &result) {
        const SubmitResult submit = SubmitResult::fromJob(result, identifier);
        qCDebug(lcEhr) << "create Procedure:" << submitKindName(submit.kind) << submit.httpStatus
                       << submit.ehrCode;
        done(submit);
    });
    job->start();
    return id;
}

} // namespace Ehr
