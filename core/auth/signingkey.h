#pragma once

#include <QJsonObject>
#include <QString>

#include "common/result.h"
#include "opensslkey.h"

namespace Auth {

/**
 * A private key that signs JWTs: ES384 (EC P-384) or RS384 (RSA) for SMART
 * Backend Services client assertions, RS256 for the training EHR's access
 * tokens. Its key id is the RFC 7638 thumbprint of the public key, so the
 * JWKS printed for the EHR's administrator and the kid of every assertion
 * agree without anything else to keep. Key material never reaches a message.
 */
class SigningKey
{
public:
    SigningKey() = default;

    /// A new key: EC P-384 for ES384, RSA 3072 for RS384 and RSA 2048 for RS256.
    static Common::Result<SigningKey> generate(JwsAlgorithm algorithm);
    /// A PEM private key (PKCS#8 or traditional). An EC P-384 key signs ES384, an RSA key RS384 unless
    /// rsaAlgorithm says otherwise. `path` only names the key in messages.
    static Common::Result<SigningKey> fromPem(const QByteArray &pem, const QString &path,
                                              JwsAlgorithm rsaAlgorithm = JwsAlgorithm::RS384);
    struct KeyFile;
    /// Reads a PEM key file.
    static Common::Result<KeyFile> readFile(const QString &path);

    /// Writes the key as PKCS#8 PEM to a new file readable by the owner only (0600); refuses an existing
    /// file, so a key in use is never overwritten.
    Common::Status writeNewFile(const QString &path) const;

    bool isNull() const { return m_key.isNull(); }
    JwsAlgorithm algorithm() const { return m_algorithm; }
    QString keyId() const { return m_keyId; }
    /// The public key as a JWK with kid, alg and "use": "sig".
    QJsonObject publicJwk() const;
    /// {"keys": [publicJwk()]}: what the EHR's administrator registers.
    QJsonObject publicJwks() const;

    /// The JWS signature of `input` (raw R||S for ES384).
    Common::Result<QByteArray> sign(const QByteArray &input) const { return m_key.sign(m_algorithm, input); }

private:
    SigningKey(OpenSslKey key, JwsAlgorithm algorithm);

    OpenSslKey m_key;
    JwsAlgorithm m_algorithm = JwsAlgorithm::ES384;
    QString m_keyId;
};

/// A key read from its file, and a warning when others may read the file: the key is a password.
struct SigningKey::KeyFile
{
    SigningKey key;
    QString warning;
};

} // namespace Auth
