#pragma once

#include <QString>

#include "common/result.h"

namespace Ehr {

/**
 * Whether a bearer token can go into an Authorization header as it is. A token is one line of
 * visible ASCII (RFC 6750's b64token and what EHRs hand out): a CR or LF in it would end the header
 * and add others to every request, so any control character, space or non-ASCII character is
 * refused. The error names the position and the character, never the token.
 */
Common::Status checkBearerToken(const QString &token);

} // namespace Ehr
