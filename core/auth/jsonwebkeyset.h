#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QString>

#include "common/result.h"
#include "opensslkey.h"

namespace Auth {

/**
 * Public keys read from a JWK Set ({"keys": [...]}, RFC 7517): what a SMART
 * server checks client assertions against, and what verifies the training
 * EHR's own access tokens. EC P-384 and RSA keys are read; other kinds are
 * skipped, so a set that also carries encryption keys still works.
 */
class JsonWebKeySet
{
public:
    struct Key
    {
        QString keyId;                         ///< kid; may be empty
        std::optional<JwsAlgorithm> algorithm; ///< alg, when the set names it
        OpenSslKey key;
    };

    /// Reads a set; an error when it holds no usable signing key. `source` names it in messages.
    static Common::Result<JsonWebKeySet> fromJson(const QJsonObject &set, const QString &source = {});
    static Common::Result<JsonWebKeySet> readFile(const QString &path);

    const QList<Key> &keys() const { return m_keys; }
    /// The keys that may have made a signature with this header's kid and alg: the one with that kid, or
    /// every key of a fitting kind when the header names none.
    QList<OpenSslKey> candidates(const QString &keyId, JwsAlgorithm algorithm) const;

private:
    QList<Key> m_keys;
};

} // namespace Auth
