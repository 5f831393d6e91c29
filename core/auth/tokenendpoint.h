#pragma once

#include <chrono>
#include <functional>
#include <utility>

#include <QList>
#include <QString>
#include <QUrl>

#include "common/result.h"
#include "tokenresponse.h"

class QNetworkAccessManager;
class QObject;

namespace Auth {

/// Name/value pairs of an application/x-www-form-urlencoded body, in order.
using FormFields = QList<std::pair<QString, QString>>;

/**
 * One POST to a token endpoint. Every form value is percent-encoded (a "+"
 * in a refresh token must reach the server as "+", not as a space), the
 * request never follows a redirect elsewhere and never ignores TLS errors
 * (it is an Ehr::NetworkJob), and the answer is a TokenResponse or an Error
 * whose code is the OAuth error ("invalid_grant", "invalid_client") or
 * "unreachable" when no answer came.
 */
namespace TokenEndpoint {

using Callback = std::function<void(const Common::Result<TokenResponse> &)>;

/// The body, each name and value percent-encoded (RFC 3986 unreserved characters kept).
QByteArray formEncode(const FormFields &fields);

/// Posts `fields`; calls done on `context`'s thread unless context is gone. `requested` stands in for a
/// granted scope the answer does not repeat.
void post(QNetworkAccessManager *manager, const QUrl &endpoint, const FormFields &fields,
          const ScopeSet &requested, QObject *context, Callback done,
          std::chrono::milliseconds timeout = std::chrono::seconds(30));

} // namespace TokenEndpoint

} // namespace Auth
