#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

#include "auth/jsonwebkeyset.h"
#include "auth/scopeset.h"
#include "auth/signingkey.h"
#include "httpmessage.h"

namespace Common {
class Clock;
}

namespace Sandbox {

/// A SMART Backend Services client the training EHR knows: its id and the public keys it signs with.
struct BackendClient
{
    QString clientId;
    Auth::JsonWebKeySet keys;
};

/// The training EHR's SMART settings (see SmartServer).
struct SmartOptions
{
    int accessTokenTtlSeconds = 300;
    /// Public clients (the desktop app) besides the built-in "superbill-desk".
    QStringList publicClients;
    QList<BackendClient> backendClients;
    /// The app's training mode: the sign-in page approves itself at once, with every scope asked for.
    bool autoApprove = false;
};

/**
 * The training EHR as a SMART on FHIR authorization server (SMART App Launch
 * 2.x), so that training, the tests and demos go through the same sign-in a
 * real EHR asks for:
 *
 * - [base]/.well-known/smart-configuration and [base]/jwks, public;
 * - [base]/authorize: a small sign-in page (approved at once with autoApprove) for public clients with
 *   a loopback redirect (RFC 8252), PKCE S256 required, aud must be the FHIR base URL;
 * - [base]/token: authorization_code (60 s single-use codes, the PKCE verifier checked), refresh_token
 *   (offline_access; rotated, and a reused old one revokes the whole grant) and client_credentials with
 *   a private_key_jwt assertion checked against the client's registered JWKS (a jti is accepted once);
 * - access tokens are RS256 JWTs checked on every FHIR request against the server's own key (iss, aud,
 *   exp, a grant not revoked) and the scope of the interaction: reads need .r/.s, POST Procedure needs
 *   Procedure.c. A missing scope is 403 insufficient_scope, an expired or foreign token 401
 *   invalid_token. The static training token still opens everything.
 */
class SmartServer
{
public:
    explicit SmartServer(SmartOptions options);
    ~SmartServer();

    /// Where "now" comes from for codes, assertions and token expiry; not owned; nullptr: the system clock.
    void setClock(const Common::Clock *clock);

    /// The FHIR base URL (iss and aud of its tokens), once listening.
    void start(const QUrl &fhirBase);

    /// Paths below the base answered without a token: metadata and the SMART endpoints.
    static QStringList openPaths();
    /// The answer for a SMART endpoint; nullopt when `request` is for the FHIR API.
    std::optional<HttpResponse> handle(const HttpRequest &request);
    /**
     * An AccessControl verifier, from the request's head: nullopt when `token` is not a JWT (another
     * verifier may know it), else admitted, or refused with 401 invalid_token (forged, foreign, expired,
     * revoked) or 403 insufficient_scope (the interaction's scope was not granted).
     */
    std::optional<Admission> verify(const QByteArray &token, const RequestHead &head);
    /// rest.security of the CapabilityStatement: SMART-on-FHIR with the OAuth URIs extension.
    QJsonObject capabilitySecurity() const;

    QUrl authorizationEndpoint() const;
    QUrl tokenEndpoint() const;
    /// Tokens issued so far, per grant type; for the tests that count renewals.
    int tokensIssued(const QString &grantType) const { return m_issued.value(grantType); }
    /// Requests to the token endpoint, refused ones included.
    int tokenRequests() const { return m_tokenRequests; }

    /// Every access token issued so far expires now (a trainer's "token expired"); refreshing still works.
    void expireAccessTokens();
    /// Every sign-in so far ends: its access tokens expire and its refresh token is refused (invalid_grant),
    /// so its holder signs in again. Later sign-ins are not affected.
    void endSignIns();

private:
    struct Code;
    struct Grant;

    HttpResponse smartConfiguration() const;
    HttpResponse jwks();
    HttpResponse authorizationRequest(const HttpRequest &request);
    HttpResponse tokenRequest(const HttpRequest &request);
    HttpResponse authorizationCodeGrant(const QList<std::pair<QString, QString>> &form);
    HttpResponse refreshTokenGrant(const QList<std::pair<QString, QString>> &form);
    HttpResponse clientCredentialsGrant(const QList<std::pair<QString, QString>> &form);
    HttpResponse tokenAnswer(const std::shared_ptr<Grant> &grant, const QString &grantType,
                             bool withRefreshToken, const QString &nonce = {});
    Common::Result<QString> accessToken(const Grant &grant);
    const Auth::SigningKey &signingKey();
    /// What its /jwks serves, the keys its access tokens are checked against.
    const Auth::JsonWebKeySet &ownKeys();
    qint64 now() const;

    SmartOptions m_options;
    const Common::Clock *m_clock;
    QUrl m_base;
    Auth::SigningKey m_key;
    Auth::JsonWebKeySet m_ownKeys;
    QHash<QString, Auth::JsonWebKeySet> m_backendKeys;
    QHash<QString, std::shared_ptr<Code>> m_codes;
    QHash<QString, std::shared_ptr<Grant>> m_grantsByRefreshToken;
    QSet<QString> m_revokedGrants;
    QHash<QString, qint64> m_usedAssertionIds; ///< jti -> its exp, forgotten after that
    QHash<QString, int> m_issued;
    int m_tokenRequests = 0;
    int m_accessTokenGeneration = 0; ///< access tokens of an older generation are expired
    int m_signInGeneration = 0;      ///< grants of an older generation have ended
};

} // namespace Sandbox
