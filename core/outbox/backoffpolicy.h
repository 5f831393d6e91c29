#pragma once

#include <chrono>

#include <QRandomGenerator>

namespace Outbox {

/**
 * How long a line waits before its next try: exponential from `base`
 * (2 s, 4 s, 8 s, ...) up to `cap` (15 min), each delay spread by ±jitter so
 * that lines queued together do not hit a recovering EHR together.
 * Retry-After from the EHR is honoured up to maxRetryAfter.
 */
struct BackoffPolicy
{
    std::chrono::milliseconds base{2000};
    std::chrono::milliseconds cap{15 * 60 * 1000};
    double jitter = 0.25; ///< fraction, 0..1
    std::chrono::milliseconds maxRetryAfter{60 * 60 * 1000};

    /// The wait after the n-th failed attempt (n >= 1).
    std::chrono::milliseconds delay(int attempts, QRandomGenerator &random) const;
    /// The wait when the EHR also said Retry-After: never sooner than it asked.
    std::chrono::milliseconds delay(int attempts, std::chrono::milliseconds retryAfter,
                                    QRandomGenerator &random) const;

    /// The defaults, with SUPERBILL_OUTBOX_BACKOFF_MS and SUPERBILL_OUTBOX_BACKOFF_CAP_MS applied
    /// (for drills and tests that cannot wait minutes).
    static BackoffPolicy fromEnvironment();
};

} // namespace Outbox
