#pragma once

#include <chrono>
#include <optional>

#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include "browser.h"
#include "ehr/authenticator.h"
#include "pkce.h"
#include "scopeset.h"
#include "smartconfiguration.h"
#include "tokenresponse.h"

class QNetworkAccessManager;

namespace Common {
class Clock;
}

namespace Auth {

class LoopbackReceiver;
class SecretStore;

/**
 * The desktop app signed in to an EHR with SMART on FHIR: a standalone launch
 * as a public native client, authorization code with PKCE S256 and a loopback
 * redirect (RFC 8252), and then the tokens.
 *
 * - The access token lives in memory only. The refresh token goes to the
 *   SecretStore (the system keychain) under the EHR and the client id; a
 *   rotated one is stored before the new access token is used.
 * - Tokens are refreshed at 80% of their life, and once more when the EHR
 *   answers 401. One refresh runs at a time; every request waiting for a
 *   token waits for it. A refused refresh (invalid_grant) signs out and asks
 *   for a sign-in (signInRequired), never retrying by itself.
 * - What was granted is kept: without Procedure.c the app is read-only.
 */
class SmartSession : public Ehr::Authenticator
{
    Q_OBJECT

public:
    enum class State
    {
        SignedOut,
        SigningIn, ///< a sign-in, a restore or a refresh is under way; requests wait for it
        SignedIn,
    };

    struct Settings
    {
        QUrl fhirBase; ///< exactly as configured: it is sent as aud
        QString clientId = defaultClientId();
        quint16 redirectPort = 0; ///< 0: a free port each time
        ScopeSet scopes;          ///< empty: ScopeSet::appDefaults() in the server's syntax
        std::chrono::milliseconds signInTimeout = std::chrono::minutes(5);
    };

    SmartSession(Settings settings, SecretStore *secrets, BrowserLauncher browser, QObject *parent = nullptr);
    ~SmartSession() override;

    static QString defaultClientId() { return QStringLiteral("superbill-desk"); }
    /// Where "now" comes from for token expiry and refreshes; not owned; nullptr: the system clock.
    void setClock(const Common::Clock *clock);
    /// At 80% of the token's life; invalid when the lifetime is unknown.
    static QDateTime refreshTime(const QDateTime &issued, qint64 lifetimeSeconds);

    /// Signs in again with a stored refresh token, silently; without one (or when it is refused) starts an
    /// interactive sign-in when `signInIfNeeded`, else just stays signed out.
    void start(bool signInIfNeeded);
    /// Opens the EHR's sign-in page in the browser and waits (5 minutes at most) for its answer.
    void signIn();
    /// Forgets the tokens, the stored refresh token too.
    void signOut();

    void withToken(TokenCallback done) override;
    void renewRejected(const QString &rejected, TokenCallback done) override;

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    std::optional<SmartConfiguration> configuration() const { return m_configuration; }
    ScopeSet grantedScopes() const { return m_granted; }
    /// Whether the grant lets lines be sent (Procedure create).
    bool canCreateProcedures() const;
    /// "Jordan Lee" from the id_token, else the fhirUser reference; empty when signed out.
    QString userDisplayName() const { return m_user; }
    QString fhirUser() const { return m_response.fhirUser; }
    QString patient() const { return m_response.patient; }
    QString encounter() const { return m_response.encounter; }
    QDateTime expiresAt() const { return m_expiresAt; }
    /// Where the sign-in is kept (keychain, or this session only and why).
    QString storageNote() const;
    /// Whether the next start can sign in again without the sign-in page (a keychain keeps the refresh
    /// token).
    bool keepsSignInAcrossRuns() const;
    /// The key of the stored refresh token: one per EHR and client id.
    QString secretKey() const;

Q_SIGNALS:
    void stateChanged();
    /// An interactive sign-in ended without signing in (refused, timed out, wrong state ...).
    void signInFailed(const QString &message);
    /// The session ended (refresh refused, token expired without a refresh token): sign in again.
    void signInRequired(const QString &message);

private:
    const Common::Clock &clock() const { return *m_clock; }
    void withConfiguration(std::function<void(const Common::Status &)> next);
    void exchangeCode(const QString &code);
    void refresh();
    void accept(const TokenResponse &response, const QDateTime &asked);
    void publish(const TokenResponse &response, const QDateTime &asked);
    void failSignIn(const Common::Error &error);
    void endSession(const QString &message);
    void setState(State state);
    void flush(const Common::Result<QString> &token);
    ScopeSet requestedScopes() const;

    Settings m_settings;
    const Common::Clock *m_clock;
    QPointer<SecretStore> m_secrets;
    BrowserLauncher m_browser;
    QNetworkAccessManager *m_manager;
    std::optional<SmartConfiguration> m_configuration;
    State m_state = State::SignedOut;
    bool m_busy = false;      ///< a sign-in, restore or refresh runs: new requests wait
    bool m_signingIn = false; ///< an interactive sign-in runs (page open, or its code being exchanged)
    bool m_refreshing = false;
    quint64 m_grant = 0; ///< changes with each new sign-in or sign-out; a refresh of an older one is dropped
    QList<TokenCallback> m_waiting;
    LoopbackReceiver *m_receiver = nullptr;
    Pkce m_pkce;
    QUrl m_redirectUri;
    ScopeSet m_requested;
    QString m_accessToken;
    QString m_refreshToken;
    TokenResponse m_response;
    ScopeSet m_granted;
    QString m_user;
    QDateTime m_expiresAt;
    QDateTime m_refreshAt;
    QTimer m_refreshTimer;
};

} // namespace Auth
