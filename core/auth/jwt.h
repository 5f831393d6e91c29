#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonObject>

#include "common/result.h"
#include "opensslkey.h"

namespace Auth {

class JsonWebKeySet;
class SigningKey;

/**
 * A JSON Web Token in compact JWS form (RFC 7519, RFC 7515): header, claims
 * and signature. sign() makes one (typ JWT, alg and kid from the key); parse()
 * reads one without trusting it, and verifiedBy() checks its signature. The
 * claims are then checked by whoever knows what they must say (iss, aud, exp).
 */
class Jwt
{
public:
    static Common::Result<QByteArray> sign(const QJsonObject &claims, const SigningKey &key);
    /// Reads header and claims; an error for anything that is not three base64url JSON parts.
    static Common::Result<Jwt> parse(const QByteArray &compact);

    const QJsonObject &header() const { return m_header; }
    const QJsonObject &claims() const { return m_claims; }
    std::optional<JwsAlgorithm> algorithm() const;
    QString keyId() const { return m_header.value(QStringLiteral("kid")).toString(); }

    /// Whether a key of the set that fits the header's kid and alg made the signature. "none" and any
    /// algorithm not listed in JwsAlgorithm are refused.
    bool verifiedBy(const JsonWebKeySet &keys) const;

private:
    QJsonObject m_header;
    QJsonObject m_claims;
    QByteArray m_signingInput;
    QByteArray m_signature;
};

} // namespace Auth
