#pragma once

#include <QByteArray>

namespace Auth {

/**
 * Proof Key for Code Exchange (RFC 7636) with the S256 method: a random
 * verifier kept by the app, and its SHA-256 challenge sent with the
 * authorization request, so a code caught on its way back is useless to
 * anyone without the verifier.
 */
struct Pkce
{
    QByteArray verifier;  ///< 43 base64url characters from 32 random bytes
    QByteArray challenge; ///< base64url(SHA-256(verifier))

    static Pkce generate();
    static QByteArray challengeOf(const QByteArray &verifier);
};

/// `bytes` random bytes from the system generator, base64url without padding: states, nonces, jti.
QByteArray randomToken(int bytes = 32);

} // namespace Auth
