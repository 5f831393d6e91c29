#include "tokenresponse.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include "ehr/authenticator.h"
#include "jwt.h"

namespace Auth {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::TokenResponse)
};

} // namespace

Common::Result<TokenResponse> TokenResponse::fromJson(const QJsonObject &answer, const ScopeSet &requested)
{
    TokenResponse response;
    response.accessToken = answer.value(QStringLiteral("access_token")).toString();
    response.tokenType = answer.value(QStringLiteral("token_type")).toString();
    if (response.accessToken.isEmpty())
        return Common::makeError(QStringLiteral("invalid_response"),
                                 Text::tr("the token endpoint's answer holds no access_token"));
    if (response.tokenType.compare(u"bearer", Qt::CaseInsensitive) != 0)
        return Common::makeError(
            QStringLiteral("invalid_response"),
            Text::tr("the token endpoint gave a \"%1\" token; only Bearer tokens are used")
                .arg(response.tokenType));
    // Some servers send numbers as strings.
    const QJsonValue expires = answer.value(QStringLiteral("expires_in"));
    response.expiresIn = expires.isString() ? expires.toString().toLongLong() : expires.toInteger();
    const QString granted = answer.value(QStringLiteral("scope")).toString();
    response.scope = granted.isEmpty() ? requested : ScopeSet::parse(granted);
    response.refreshToken = answer.value(QStringLiteral("refresh_token")).toString();
    response.idToken = answer.value(QStringLiteral("id_token")).toString();
    response.patient = answer.value(QStringLiteral("patient")).toString();
    response.encounter = answer.value(QStringLiteral("encounter")).toString();
    response.fhirUser = answer.value(QStringLiteral("fhirUser")).toString();
    if (response.fhirUser.isEmpty() && !response.idToken.isEmpty()) {
        // Display only: the id_token is not verified here, and nothing is decided by it.
        if (const auto jwt = Jwt::parse(response.idToken.toLatin1()))
            response.fhirUser = jwt->claims().value(QStringLiteral("fhirUser")).toString();
    }
    return response;
}

QString TokenResponse::userDisplayName() const
{
    if (!idToken.isEmpty()) {
        if (const auto jwt = Jwt::parse(idToken.toLatin1())) {
            const QJsonObject claims = jwt->claims();
            for (const char *claim : {"name", "preferred_username"}) {
                const QString name = claims.value(QLatin1String(claim)).toString().trimmed();
                if (!name.isEmpty())
                    return name;
            }
        }
    }
    return fhirUser;
}

Common::Error tokenErrorFrom(int httpStatus, const QByteArray &body)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const QString error = answer.value(QStringLiteral("error")).toString();
    const QString description = answer.value(QStringLiteral("error_description")).toString();
    if (error.isEmpty())
        return Common::makeError(
            QStringLiteral("http-%1").arg(httpStatus),
            Text::tr("the token endpoint answered HTTP %1 without an OAuth error").arg(httpStatus));
    return Common::makeError(error,
                             description.isEmpty()
                                 ? Text::tr("the token endpoint refused: %1").arg(error)
                                 : Text::tr("the token endpoint refused (%1): %2").arg(error, description));
}

Common::Error classifyTokenError(Common::Error error)
{
    if (error.code == u"unreachable" || error.code.startsWith(u"http-5") ||
        error.code == u"temporarily_unavailable" || error.code == u"server_error")
        error.code = QLatin1String(Ehr::Authenticator::UnavailableCode);
    return error;
}

} // namespace Auth
