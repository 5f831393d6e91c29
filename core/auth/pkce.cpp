#include "pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include "opensslkey.h"

namespace Auth {

QByteArray randomToken(int bytes)
{
    QByteArray random(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    return base64Url(random);
}

Pkce Pkce::generate()
{
    Pkce pkce;
    pkce.verifier = randomToken(32);
    pkce.challenge = challengeOf(pkce.verifier);
    return pkce;
}

QByteArray Pkce::challengeOf(const QByteArray &verifier)
{
    return base64Url(QCryptographicHash::hash(verifier, QCryptographicHash::Sha256));
}

} // namespace Auth
