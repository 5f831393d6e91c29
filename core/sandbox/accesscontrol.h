#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QList>
#include <QSet>
#include <QString>

#include "httpmessage.h"

namespace Sandbox {

/**
 * Who may ask what, decided from a request's head before its body is read.
 * Paths open to everyone (discovery documents) pass; every other request
 * needs "Authorization: Bearer <token>" with a token that one of the
 * verifiers accepts: the server's static token, and any others added (a JWT
 * the server issued, checked against the scope each interaction needs).
 */
class AccessControl
{
public:
    /**
     * Decides on a bearer token of its own kind: allowed, or refused with the
     * answer to send (401 for an expired token, 403 for a missing scope).
     * nullopt: not its kind of token, the next verifier is asked.
     */
    using TokenVerifier =
        std::function<std::optional<Admission>(const QByteArray &token, const RequestHead &head)>;

    /// The static bearer token of the training EHR; it grants everything. Setting it again replaces it (a
    /// trainee's new sign-in): the old one is refused from then on.
    void setStaticToken(const QString &token);
    void addTokenVerifier(TokenVerifier verifier);
    /// A decoded absolute path ("/mps/fhir/R4/V1/metadata") answered without a token.
    void addOpenPath(const QString &path);
    bool isOpenPath(const QString &path) const;

    Admission admit(const RequestHead &head) const;
    /// The request's bearer token is the static token (not a token another verifier knows).
    bool carriesStaticToken(const RequestHead &head) const;

    /// The 401 answer with its WWW-Authenticate challenge; tokenSent: a token came and was not accepted.
    static HttpResponse unauthorized(bool tokenSent);
    /// The 401 for a token that was read and refused (expired, revoked ...), saying why.
    static HttpResponse invalidToken(const QString &why);

private:
    QList<TokenVerifier> m_verifiers;
    std::shared_ptr<QByteArray> m_staticToken; ///< shared with its verifier
    QSet<QString> m_openPaths;
};

} // namespace Sandbox
