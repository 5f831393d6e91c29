#include "faultinjector.h"

#include <algorithm>

namespace Sandbox {

namespace {
double clampRate(double rate)
{
    return std::clamp(rate, 0.0, 1.0);
}
} // namespace

FaultInjector::FaultInjector(quint32 seed, const FaultSettings &settings)
    : m_random(seed)
{
    setSettings(settings);
}

void FaultInjector::setSettings(const FaultSettings &settings)
{
    m_settings = settings;
    m_settings.failRate = clampRate(settings.failRate);
    m_settings.dropRate = clampRate(settings.dropRate);
    m_settings.hangRate = clampRate(settings.hangRate);
    m_settings.latencyMs = std::max(0, settings.latencyMs);
}

FaultDecision FaultInjector::next(bool forWrite)
{
    FaultDecision decision;
    decision.latencyMs = m_settings.latencyMs;
    // Always draw the same number of values so that one setting does not shift the others' sequence.
    const double draw = m_random.generateDouble();
    const quint32 detail = m_random.generate();
    const double failUpTo = m_settings.failRate;
    const double dropUpTo = failUpTo + m_settings.dropRate;
    const double hangUpTo = dropUpTo + m_settings.hangRate;
    if (draw < failUpTo) {
        decision.kind = FaultDecision::Kind::Fail;
        // An insert that failed only makes sense for a write; a read fails on a dependency.
        if (forWrite && (detail & 1u) == 0) {
            decision.httpStatus = 500;
            decision.ehrCode = QStringLiteral("500003");
        } else {
            decision.httpStatus = 503;
            decision.ehrCode = QStringLiteral("500008");
            decision.retryAfter = (detail & 2u) != 0;
        }
    } else if (draw < dropUpTo) {
        decision.kind = FaultDecision::Kind::Drop;
    } else if (draw < hangUpTo) {
        decision.kind = FaultDecision::Kind::Hang;
    }
    return decision;
}

} // namespace Sandbox
