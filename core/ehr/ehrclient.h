#pragma once

#include <chrono>
#include <functional>
#include <optional>

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include "authenticator.h"
#include "capabilities.h"
#include "common/result.h"
#include "conditionsummary.h"
#include "encountersummary.h"
#include "fhir/dialect.h"
#include "model/procedureentry.h"
#include "patientsummary.h"
#include "readresult.h"
#include "submitresult.h"

class QNetworkAccessManager;

namespace Common {
class Clock;
}

namespace Ehr {

class NetworkJob;

/// Supplies the bearer token for each request; the GUI reads it from the system
/// keychain, the CLI from SUPERBILL_TOKEN or a token file. Empty: no Authorization header.
using TokenProvider = std::function<QString()>;

using PatientList = ListResult<PatientSummary>;
using EncounterList = ListResult<EncounterSummary>;
using ConditionList = ListResult<ConditionSummary>;

/**
 * The app's only door to the EHR's FHIR API, asynchronous throughout: every
 * call returns at once and later calls its callback on the context object's
 * thread (never when the context is gone or the request was cancelled).
 *
 * It refuses plain HTTP to anything but this computer (tokens and patient data
 * must not travel in clear text), never ignores TLS errors, sends
 * `Authorization: Bearer` from the TokenProvider or the Authenticator
 * (never logged; a 401 gets one renewed token and one more try), follows
 * Bundle `next` links only on the same server, and creates Procedures with
 * `If-None-Exist` so that a resend after a lost answer is recorded once.
 * It never retries: the outbox decides what happens next.
 */
class EhrClient : public QObject
{
    Q_OBJECT

public:
    using RequestId = quint64;
    using CapabilitiesCallback = std::function<void(const ReadStatus &, const Capabilities &)>;
    using ResourcesCallback = std::function<void(const ResourceList &)>;
    using SubmitCallback = std::function<void(const SubmitResult &)>;

    explicit EhrClient(QObject *parent = nullptr);
    ~EhrClient() override;

    /// An error for a URL this client will not talk to; requests then end Blocked with its message.
    Common::Status setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    /// Success for a URL this client will talk to: https, or http to a loopback host. Otherwise the
    /// error says why (its path is the address without any user name or password).
    static Common::Status checkTransportSecurity(const QUrl &url);
    /// The addresses a host name resolves to; the default asks the system (QHostInfo).
    using HostResolver = std::function<QList<QHostAddress>(const QString &host)>;
    /// 127.0.0.0/8 and ::1, and "localhost" when every address it resolves to is one of those.
    static bool isLoopbackHost(const QString &host, const HostResolver &resolve = {});

    void setTokenProvider(TokenProvider provider) { m_tokenProvider = std::move(provider); }
    /// Tokens that expire and are renewed (SMART); when set, the TokenProvider is not asked.
    void setAuthenticator(Authenticator *authenticator) { m_authenticator = authenticator; }
    /// Where "now" comes from for its requests (Retry-After dates); not owned; nullptr: the system clock.
    void setClock(const Common::Clock *clock);
    void setDialect(Fhir::Dialect dialect) { m_dialect = dialect; }
    Fhir::Dialect dialect() const { return m_dialect; }
    /// Abort a request when nothing moved for this long (default 30 s).
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds transferTimeout() const { return m_timeout; }
    /// Whether to send If-None-Exist; set by checkCapabilities(), true until known.
    void setConditionalCreate(bool enabled) { m_conditionalCreate = enabled; }
    bool conditionalCreate() const { return m_conditionalCreate; }
    std::optional<Capabilities> capabilities() const { return m_capabilities; }

    /// True after the last exchange got an HTTP answer, false after it got none.
    bool isReachable() const { return m_reachable; }
    int requestsInFlight() const { return int(m_jobs.size()); }

    /// GET [base]/metadata: FHIR version, conditional create. Adjusts conditionalCreate().
    RequestId checkCapabilities(const QObject *context, CapabilitiesCallback done);
    /// Patients by name, MRN ("MRN-104200") or patient id ("Patient-265"); all when text is empty.
    RequestId searchPatients(const QString &text, const QObject *context,
                             std::function<void(const PatientList &)> done);
    RequestId encountersOf(const QString &patientId, const QObject *context,
                           std::function<void(const EncounterList &)> done);
    /// The patient's diagnoses; with an encounter id only those of that encounter.
    RequestId conditionsOf(const QString &patientId, const QString &encounterId, const QObject *context,
                           std::function<void(const ConditionList &)> done);
    /// POST [base]/Procedure in the current dialect. The entry must carry its client identifier.
    RequestId createProcedure(const Model::ProcedureEntry &entry, const QObject *context,
                              SubmitCallback done);
    /// GET [base]/Procedure?identifier=system|value: the EHR's ids of the Procedures with it.
    RequestId findProcedures(const Model::Identifier &identifier, const QObject *context,
                             std::function<void(const ReadStatus &, const QStringList &ids)> done);
    /// Any search, every page followed (at most maxPages).
    RequestId search(const QString &resourceType, const QUrlQuery &query, const QObject *context,
                     ResourcesCallback done);

    /// Stops a request; its callback is not called.
    void cancel(RequestId id);
    void cancelAll();

    static constexpr int MaxPages = 100;

signals:
    void reachableChanged(bool reachable);
    /// The EHR refused the token (401/403) on some request.
    void unauthorized();
    /// The CapabilityStatement was read (see capabilities()).
    void capabilitiesChanged();

private:
    struct Search;

    QUrl resourceUrl(const QString &path, const QUrlQuery &query = {}) const;
    RequestId nextId() { return ++m_lastId; }
    NetworkJob *startJob(RequestId id, const QUrl &url, const QByteArray &verb, const QByteArray &body,
                         const QByteArray &contentType = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {});
    void failLater(RequestId id, const QObject *context, std::function<void()> call);
    void noteTransport(const JobResult &result);
    void fetchPage(RequestId id, const QUrl &url, std::shared_ptr<Search> search);
    bool isSameServer(const QUrl &url) const;
    /// A network access manager with a free connection for one more request.
    QNetworkAccessManager *managerWithRoom();

    /// Each with its requests in flight. Qt 6.4 opens at most six connections to a server per
    /// manager and queues further requests, so more in flight at once (the outbox sends up to 16
    /// lines) get another manager, and connections of their own, up to three.
    QList<QPair<QNetworkAccessManager *, int>> m_managers;
    QUrl m_baseUrl;
    QString m_baseUrlError;
    TokenProvider m_tokenProvider;
    QPointer<Authenticator> m_authenticator;
    const Common::Clock *m_clock;
    Fhir::Dialect m_dialect = Fhir::Dialect::EhrVendor;
    std::chrono::milliseconds m_timeout{30000};
    bool m_conditionalCreate = true;
    bool m_warnedNoConditionalCreate = false;
    std::optional<Capabilities> m_capabilities;
    bool m_reachable = true;
    RequestId m_lastId = 0;
    QHash<RequestId, QPointer<NetworkJob>> m_jobs;
};

/// A ReadStatus for a job that did not end in a 2xx answer.
ReadStatus readStatusOf(const JobResult &result);

} // namespace Ehr
