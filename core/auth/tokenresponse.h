#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include "common/result.h"
#include "scopeset.h"

namespace Auth {

/**
 * A token endpoint's successful answer (RFC 6749 §5.1 with SMART's
 * additions): the access token, how long it lives, the scopes actually
 * granted, a refresh token when offline access was granted, and the launch
 * context (patient, encounter, fhirUser). Never logged.
 */
struct TokenResponse
{
    QString accessToken;
    QString tokenType;
    qint64 expiresIn = 0; ///< seconds; 0 when the server did not say
    ScopeSet scope;       ///< granted; the requested scopes when the answer leaves scope out (RFC 6749)
    QString refreshToken;
    QString idToken;
    QString patient;
    QString encounter;
    QString fhirUser;

    /// Reads an answer; `requested` stands in for a missing scope.
    static Common::Result<TokenResponse> fromJson(const QJsonObject &answer, const ScopeSet &requested);
    /// "Dr Ana Ruiz": the id_token's name claims, else the fhirUser reference ("Practitioner/123"). The
    /// id_token is only read for display here, never trusted for anything else.
    QString userDisplayName() const;
};

/// A token endpoint's error answer (RFC 6749 §5.2) as an Error: code = the OAuth error
/// ("invalid_grant"), message = its description in a sentence.
Common::Error tokenErrorFrom(int httpStatus, const QByteArray &body);

/// The error with Ehr::Authenticator::UnavailableCode when it says the token endpoint could not be reached
/// or failed on its side (no answer, 5xx, temporarily_unavailable): try again later, nobody signed out.
Common::Error classifyTokenError(Common::Error error);

} // namespace Auth
