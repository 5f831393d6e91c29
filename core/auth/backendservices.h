#pragma once

#include <optional>

#include <QDateTime>
#include <QList>
#include <QUrl>

#include "common/clock.h"
#include "ehr/authenticator.h"
#include "scopeset.h"
#include "signingkey.h"
#include "smartconfiguration.h"

class QNetworkAccessManager;

namespace Auth {

/**
 * SMART Backend Services for superbill-cli, unattended: discovery, then
 * client_credentials with a private_key_jwt assertion (ClientAssertion) at the
 * token endpoint. A new token is fetched when the old one is within 30 s of
 * its expiry (a fifth of its lifetime for tokens shorter than 150 s) or after
 * the EHR refused it, so a long queue send never dies on expiry. One fetch
 * runs at a time and serves every request waiting for it.
 */
class BackendServices : public Ehr::Authenticator
{
    Q_OBJECT

public:
    struct Settings
    {
        QUrl fhirBase;
        QString clientId;
        SigningKey key;
        ScopeSet scopes = ScopeSet::backendDefaults();
    };

    explicit BackendServices(Settings settings, QObject *parent = nullptr);
    ~BackendServices() override;

    void withToken(TokenCallback done) override;
    void renewRejected(const QString &rejected, TokenCallback done) override;

    std::optional<SmartConfiguration> configuration() const { return m_configuration; }
    ScopeSet grantedScopes() const { return m_granted; }
    /// When the current token expires; invalid without one (or when the server gave no expires_in).
    QDateTime expiresAt() const { return m_expiresAt; }

    /// When a token issued at `issued` for `lifetimeSeconds` is renewed: 30 s before it expires, or a
    /// fifth of its lifetime before for short-lived tokens. Invalid when the lifetime is unknown (0).
    static QDateTime renewalTime(const QDateTime &issued, qint64 lifetimeSeconds);

private:
    static const Common::Clock &clock() { return Common::Clock::system(); }
    bool hasUsableToken() const;
    void fetch();
    void requestToken();
    void finish(const Common::Result<QString> &token);

    Settings m_settings;
    QNetworkAccessManager *m_manager;
    std::optional<SmartConfiguration> m_configuration;
    QList<TokenCallback> m_waiting;
    bool m_fetching = false;
    QString m_accessToken;
    ScopeSet m_granted;
    QDateTime m_expiresAt;
    QDateTime m_renewAt;
};

} // namespace Auth
