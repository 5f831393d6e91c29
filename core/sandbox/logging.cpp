#include "logging.h"

namespace Sandbox {

Q_LOGGING_CATEGORY(lcSandbox, "superbill.sandbox")
Q_LOGGING_CATEGORY(lcSandboxRequests, "superbill.sandbox.requests")

} // namespace Sandbox
