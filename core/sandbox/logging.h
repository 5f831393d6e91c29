#pragma once

#include <QLoggingCategory>

namespace Sandbox {

Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
/// The request log when no log file is given: one info line per request, no token, no body.
Q_DECLARE_LOGGING_CATEGORY(lcSandboxRequests)

} // namespace Sandbox
