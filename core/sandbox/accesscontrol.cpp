#include "accesscontrol.h"

#include <QCoreApplication>

#include "fhirapi.h"
#include "token.h"

namespace Sandbox {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::AccessControl", text);
}

/// The token of "Authorization: Bearer <token>" (the scheme in any case), or nullopt.
std::optional<QByteArray> bearerToken(const QByteArray &authorization)
{
    static const QByteArray scheme = "bearer ";
    const QByteArray header = authorization.trimmed();
    if (header.size() <= scheme.size() || header.left(scheme.size()).toLower() != scheme)
        return std::nullopt;
    return header.mid(scheme.size()).trimmed();
}
} // namespace

void AccessControl::setStaticToken(const QString &token)
{
    if (m_staticToken) {
        *m_staticToken = token.toUtf8();
        return;
    }
    m_staticToken = std::make_shared<QByteArray>(token.toUtf8());
    addTokenVerifier(
        [expected = m_staticToken](const QByteArray &sent, const RequestHead &) -> std::optional<Admission> {
            if (!expected->isEmpty() && Token::equalsConstantTime(sent, *expected))
                return Admission::allow();
            return std::nullopt;
        });
}

void AccessControl::addTokenVerifier(TokenVerifier verifier)
{
    m_verifiers.append(std::move(verifier));
}

void AccessControl::addOpenPath(const QString &path)
{
    m_openPaths.insert(path);
}

bool AccessControl::isOpenPath(const QString &path) const
{
    return m_openPaths.contains(path);
}

Admission AccessControl::admit(const RequestHead &head) const
{
    if (isOpenPath(head.path))
        return Admission::allow();
    const std::optional<QByteArray> token = bearerToken(head.header("authorization"));
    if (!token)
        return Admission::refuse(unauthorized(false));
    for (const TokenVerifier &verifier : m_verifiers) {
        if (std::optional<Admission> decision = verifier(*token, head))
            return *decision;
    }
    return Admission::refuse(unauthorized(true));
}

bool AccessControl::carriesStaticToken(const RequestHead &head) const
{
    const std::optional<QByteArray> token = bearerToken(head.header("authorization"));
    return token && m_staticToken && !m_staticToken->isEmpty() &&
           Token::equalsConstantTime(*token, *m_staticToken);
}

HttpResponse AccessControl::unauthorized(bool tokenSent)
{
    if (tokenSent)
        return invalidToken(tr("The bearer token is not valid for this server."));
    HttpResponse response =
        FhirApi::outcome(401, QStringLiteral("login"), {},
                         tr("Authorization is required: send \"Authorization: Bearer <token>\"."));
    response.addHeader("WWW-Authenticate", QByteArray("Bearer realm=\"superbill-sandbox\""));
    return response;
}

HttpResponse AccessControl::invalidToken(const QString &why)
{
    HttpResponse response = FhirApi::outcome(401, QStringLiteral("login"), {}, why);
    response.addHeader("WWW-Authenticate",
                       QByteArray("Bearer realm=\"superbill-sandbox\", error=\"invalid_token\""));
    return response;
}

} // namespace Sandbox
