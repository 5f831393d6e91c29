#include "clientassertion.h"

#include <QJsonObject>

#include "common/clock.h"
#include "jwt.h"
#include "pkce.h"
#include "signingkey.h"

namespace Auth::ClientAssertion {

Common::Result<QByteArray> make(const SigningKey &key, const QString &clientId, const QUrl &tokenEndpoint,
                                const Common::Clock &clock)
{
    const qint64 now = clock.nowUtc().toSecsSinceEpoch();
    const QJsonObject claims{{QStringLiteral("iss"), clientId},
                             {QStringLiteral("sub"), clientId},
                             {QStringLiteral("aud"), tokenEndpoint.toString()},
                             {QStringLiteral("iat"), now},
                             {QStringLiteral("exp"), now + LifetimeSeconds},
                             {QStringLiteral("jti"), QString::fromLatin1(randomToken(24))}};
    return Jwt::sign(claims, key);
}

} // namespace Auth::ClientAssertion
