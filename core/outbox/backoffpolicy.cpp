#include "backoffpolicy.h"

#include <algorithm>
#include <cmath>

#include <QtGlobal>

namespace Outbox {

std::chrono::milliseconds BackoffPolicy::delay(int attempts, QRandomGenerator &random) const
{
    const int exponent = std::clamp(attempts - 1, 0, 30);
    const double raw = std::min(double(cap.count()), double(base.count()) * std::pow(2.0, exponent));
    const double spread = std::clamp(jitter, 0.0, 1.0);
    const double factor = 1.0 + spread * (2.0 * random.generateDouble() - 1.0);
    const double jittered = std::min(double(cap.count()), raw * factor);
    return std::chrono::milliseconds(std::max<qint64>(0, qint64(std::llround(jittered))));
}

std::chrono::milliseconds BackoffPolicy::delay(int attempts, std::chrono::milliseconds retryAfter,
                                               QRandomGenerator &random) const
{
    return std::max(delay(attempts, random), std::min(retryAfter, maxRetryAfter));
}

BackoffPolicy BackoffPolicy::fromEnvironment()
{
    BackoffPolicy policy;
    bool ok = false;
    const int base = qEnvironmentVariableIntValue("SUPERBILL_OUTBOX_BACKOFF_MS", &ok);
    if (ok && base >= 0)
        policy.base = std::chrono::milliseconds(base);
    const int cap = qEnvironmentVariableIntValue("SUPERBILL_OUTBOX_BACKOFF_CAP_MS", &ok);
    if (ok && cap >= 0)
        policy.cap = std::chrono::milliseconds(cap);
    return policy;
}

} // namespace Outbox
