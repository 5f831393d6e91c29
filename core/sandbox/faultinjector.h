#pragma once

#include <QRandomGenerator>

#include "server.h"

namespace Sandbox {

/// What fault injection does to one request.
struct FaultDecision
{
    enum class Kind
    {
        None,
        Fail,
        Drop,
        Hang
    };
    Kind kind = Kind::None;
    int httpStatus = 0;      ///< Fail: 500 or 503
    QString ehrCode;         ///< Fail: 500003 or 500008
    bool retryAfter = false; ///< Fail: send Retry-After: 1
    int latencyMs = 0;
};

/**
 * Draws the fault for each request from a generator seeded once, so that a
 * drill or a test with the same seed and the same requests sees the same
 * failures in the same order.
 */
class FaultInjector
{
public:
    explicit FaultInjector(quint32 seed, const FaultSettings &settings = {});

    void setSettings(const FaultSettings &settings);
    const FaultSettings &settings() const { return m_settings; }

    /// forWrite: a request that would store something (POST), which may fail with 500003.
    FaultDecision next(bool forWrite);

private:
    QRandomGenerator m_random;
    FaultSettings m_settings;
};

} // namespace Sandbox
