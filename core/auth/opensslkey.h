#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include "common/result.h"

typedef struct evp_pkey_st EVP_PKEY;

namespace Auth {

/// The JWS signature algorithms this program signs and verifies (RFC 7518): the two SMART Backend
/// Services names, and RS256 for the training EHR's own access tokens.
enum class JwsAlgorithm
{
    ES384,
    RS384,
    RS256,
};

QString jwsAlgorithmName(JwsAlgorithm algorithm);
std::optional<JwsAlgorithm> jwsAlgorithmFromName(const QString &name);

/**
 * An OpenSSL 3 key (EVP_PKEY), private or public, shared between copies. The
 * JWS operations live here so that the raw R||S form of an ECDSA signature
 * (RFC 7518 §3.4) and the DER form OpenSSL speaks are converted in one place.
 */
class OpenSslKey
{
public:
    OpenSslKey() = default;
    explicit OpenSslKey(EVP_PKEY *adopted);

    bool isNull() const { return !m_key; }
    EVP_PKEY *get() const { return m_key.get(); }
    bool isEc() const;
    bool isRsa() const;

    /// A signature in JWS form (raw R||S for ECDSA, PKCS#1 v1.5 for RSA).
    Common::Result<QByteArray> sign(JwsAlgorithm algorithm, const QByteArray &input) const;
    /// Whether `signature` (JWS form) signs `input` with this key.
    bool verify(JwsAlgorithm algorithm, const QByteArray &input, const QByteArray &signature) const;

    /// The public half as a JWK ({"kty","crv","x","y"} or {"kty","n","e"}), without kid, alg or use.
    QJsonObject publicJwk() const;
    /// RFC 7638 thumbprint of the public JWK, base64url: a key id that anyone can recompute.
    QString thumbprint() const;

    /// The newest OpenSSL error, for messages (never key material).
    static QString lastError();

private:
    std::shared_ptr<EVP_PKEY> m_key;
};

/// Base64url without padding (RFC 7515 §2).
QByteArray base64Url(const QByteArray &bytes);
/// Decodes base64url (padding optional); nullopt for anything else.
std::optional<QByteArray> fromBase64Url(const QByteArray &text);

} // namespace Auth
