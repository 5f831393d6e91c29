#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include "common/result.h"

namespace Common {
class Clock;
}

namespace Auth {

class SigningKey;

/**
 * The JWT a SMART Backend Services client authenticates with
 * (private_key_jwt, RFC 7523): iss and sub are the client id, aud the token
 * endpoint, exp five minutes from now at most, a jti never used before, and
 * the key's kid in the header, signed ES384 or RS384.
 */
namespace ClientAssertion {

constexpr qint64 LifetimeSeconds = 300;
inline constexpr auto Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

Common::Result<QByteArray> make(const SigningKey &key, const QString &clientId, const QUrl &tokenEndpoint,
                                const Common::Clock &clock);

} // namespace ClientAssertion

} // namespace Auth
