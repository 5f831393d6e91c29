#pragma once

#include <functional>

#include <QObject>
#include <QString>

#include "common/result.h"

namespace Ehr {

/**
 * Where an EHR client's access tokens come from when they expire and are
 * renewed (SMART on FHIR): the desktop app's sign-in with its refresh token,
 * or superbill-cli's Backend Services. Each request asks for a token before it
 * is sent, and a request answered 401 asks once for a renewed token and is
 * sent again before the 401 is reported.
 *
 * Callbacks may come at once or later; the token itself is never logged.
 */
class Authenticator : public QObject
{
    Q_OBJECT

public:
    /// An access token, or why there is none (signed out, sign-in refused, token endpoint down).
    using TokenCallback = std::function<void(const Common::Result<QString> &token)>;

    /// The code of an Error that means "no token for now" (the token endpoint is down or busy), not "signed
    /// out": the request counts as not sent and waits for the EHR like any unreachable request.
    static constexpr auto UnavailableCode = "token-unavailable";

    using QObject::QObject;

    /// A token good for the request about to be made, fetching or renewing one first when needed.
    virtual void withToken(TokenCallback done) = 0;
    /// The EHR refused `rejected` (401): a new token, unless another request renewed it already. One
    /// renewal serves every request that was refused the same token.
    virtual void renewRejected(const QString &rejected, TokenCallback done) = 0;
};

} // namespace Ehr
