#pragma once

#include <memory>

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>

#include "common/result.h"
#include "smartserver.h"

namespace Common {
class Clock;
}

namespace Sandbox {

/// How often the training EHR misbehaves, for drills and tests. Rates are 0..1 per request.
struct FaultSettings
{
    double failRate = 0; ///< answer 500/503 with a retryable EHR code (500003, 500008) without processing
    double dropRate = 0; ///< process the request (a POST is stored), then close the connection unanswered
    double hangRate = 0; ///< never answer and keep the connection open; nothing is processed
    int latencyMs = 0;   ///< delay every answer by this much
    /// Deterministic faults for demonstrations and drills, counted from when the settings were set:
    int failEvery = 0;      ///< the 1st, (N+1)th, ... request answers 500/503 with Retry-After; 0: off
    int dropEveryWrite = 0; ///< the 1st, (N+1)th, ... POST is stored, then its answer is lost; 0: off
    /// The tokens in use expire: the SMART access tokens issued so far (a refresh gives working ones), and
    /// the static token, answered 401 invalid_token until it is renewed.
    bool tokenExpired = false;
    /// The sign-ins so far end: their SMART access tokens are refused and their refresh tokens too
    /// (invalid_grant), the static token as with tokenExpired, until a new sign-in.
    bool signInEnded = false;
    QString refuseNextWrite; ///< an EHR code: the next POST is refused with it instead of processed

    static constexpr int MaxLatencyMs = 10 * 60 * 1000; ///< what the options and the admin path accept

    friend bool operator==(const FaultSettings &, const FaultSettings &) = default;
};

/// How many connections the training EHR serves at once, and how long it waits for a client.
struct ConnectionLimits
{
    /// Served at once; further clients wait in the listen backlog until one closes.
    int maxConnections = 64;
    /// From the connection (or the first byte of a request) to the end of the request's header section.
    int headerTimeoutMs = 10 * 1000;
    /// Silence from the client between requests or within a body, or answers it leaves unread.
    int idleTimeoutMs = 60 * 1000;

    static constexpr int MaxConnections = 10000; ///< what the options accept
};

struct ServerOptions
{
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0: pick a free port
    QString basePath = QStringLiteral("/mps/fhir/R4/V1");
    QString token; // required bearer token (non-empty); opens everything, beside SMART sign-in
    SmartOptions smart;
    QString dataFile;    // SQLite file; empty: in memory
    QString demoDataDir; // empty: the built-in demo data
    FaultSettings faults;
    quint32 seed = 0;
    /// A host that is not loopback is refused unless this is set (plain HTTP on a network).
    bool allowNonLoopback = false;
    /// Request log file (appended); empty: the logging category superbill.sandbox.requests.
    QString logFile;
    /// Write the request log at all.
    bool logRequests = true;
    ConnectionLimits limits;
};

class ServerPrivate;

/**
 * The training EHR: a FHIR R4 server over HTTP/1.1 with demo patients,
 * encounters and diagnoses that enforces the EHR's Procedure rules with the
 * same Rules::Validator the app uses. It runs in the thread that starts it,
 * on that thread's event loop, so the GUI can host it in-process and a test
 * can run several at once.
 */
class Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(ServerOptions options, QObject *parent = nullptr);
    ~Server() override;

    /// Listens; an error with a readable reason (port in use, bad data directory,
    /// non-loopback host without explicit permission, unusable data file ...).
    Common::Status start();
    void stop();
    bool isListening() const;

    QUrl baseUrl() const; // e.g. http://127.0.0.1:PORT/mps/fhir/R4/V1
    quint16 port() const;

    /// Where "now" comes from (the rules, stored times, SMART codes and token expiry); not owned; nullptr:
    /// the system clock.
    void setClock(const Common::Clock *clock);

    void setFaults(const FaultSettings &faults);
    FaultSettings faults() const;
    /// A new bearer token (a sign-in): the old one is refused from now on, and an expired token's fault ends.
    void renewToken(const QString &token);
    /// Offline: the port is closed (connections are refused) until set back; open connections end.
    /// Back online it listens on the same port again, so clients find it at the same address.
    Common::Status setOffline(bool offline);
    bool isOffline() const;

    qsizetype procedureCount() const; // stored Procedures

    /// Back to the demo data: reloads it and deletes every stored Procedure and refusal.
    Common::Status reset();
    /// Serves the demo data of dir (the resources/sandbox format; empty: the built-in set) from now on,
    /// after checking it, and deletes every stored Procedure and refusal. Nothing changes on error.
    Common::Status loadDemoData(const QString &dir);

    const ServerOptions &options() const;
    /// The SMART authorization server in front of the FHIR API.
    const SmartServer &smart() const;

Q_SIGNALS:
    /// A Procedure was stored (also when its response is then dropped by fault injection).
    void procedureStored(const QString &id);
    /// The faults or offline state changed, also when the one-time refuseNextWrite was used up or the
    /// token was renewed.
    void faultsChanged();

private:
    std::unique_ptr<ServerPrivate> d;
};

} // namespace Sandbox
