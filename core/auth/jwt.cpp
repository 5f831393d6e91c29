#include "jwt.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include "jsonwebkeyset.h"
#include "signingkey.h"

namespace Auth {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::Jwt)
};

std::optional<QJsonObject> jsonPart(const QByteArray &encoded)
{
    const auto bytes = fromBase64Url(encoded);
    if (!bytes)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes);
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

Common::Result<QByteArray> Jwt::sign(const QJsonObject &claims, const SigningKey &key)
{
    const QJsonObject header{{QStringLiteral("alg"), jwsAlgorithmName(key.algorithm())},
                             {QStringLiteral("typ"), QStringLiteral("JWT")},
                             {QStringLiteral("kid"), key.keyId()}};
    const QByteArray input = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                             base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const auto signature = key.sign(input);
    if (!signature)
        return signature.error();
    return QByteArray(input + '.' + base64Url(*signature));
}

Common::Result<Jwt> Jwt::parse(const QByteArray &compact)
{
    const QList<QByteArray> parts = compact.trimmed().split('.');
    const auto header = parts.size() == 3 ? jsonPart(parts.at(0)) : std::nullopt;
    const auto claims = parts.size() == 3 ? jsonPart(parts.at(1)) : std::nullopt;
    const auto signature = parts.size() == 3 ? fromBase64Url(parts.at(2)) : std::nullopt;
    if (!header || !claims || !signature)
        return Common::makeError(
            QStringLiteral("jwt"),
            Text::tr("not a signed JWT (three base64url parts: header, claims, signature)"));
    Jwt jwt;
    jwt.m_header = *header;
    jwt.m_claims = *claims;
    jwt.m_signingInput = parts.at(0) + '.' + parts.at(1);
    jwt.m_signature = *signature;
    return jwt;
}

std::optional<JwsAlgorithm> Jwt::algorithm() const
{
    return jwsAlgorithmFromName(m_header.value(QStringLiteral("alg")).toString());
}

bool Jwt::verifiedBy(const JsonWebKeySet &keys) const
{
    const auto alg = algorithm();
    if (!alg)
        return false;
    const QList<OpenSslKey> candidates = keys.candidates(keyId(), *alg);
    return std::any_of(candidates.cbegin(), candidates.cend(),
                       [&](const OpenSslKey &key) { return key.verify(*alg, m_signingInput, m_signature); });
}

} // namespace Auth
