#pragma once

#include <QJsonObject>
#include <QRandomGenerator>

#include "common/result.h"
#include "httpmessage.h"
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
        Hang,
        Unauthorized, ///< answer 401 invalid_token without processing (an expired static token)
        Refuse,       ///< answer with ehrCode's refusal without processing
    };
    Kind kind = Kind::None;
    int httpStatus = 0;      ///< Fail: 500 or 503; Refuse: the status the EHR gives that code
    QString ehrCode;         ///< Fail: 500003 or 500008; Refuse: the chosen code
    bool retryAfter = false; ///< Fail: send Retry-After: 1
    int latencyMs = 0;
    bool usedOneTimeFault = false; ///< the settings changed: a one-time fault is now spent

    /// The answer for Fail, Unauthorized and Refuse.
    HttpResponse response() const;
};

/**
 * Draws the fault for each request from a generator seeded once, so that a
 * drill or a test with the same seed and the same requests sees the same
 * failures in the same order. The deterministic faults (failEvery,
 * dropEveryWrite), an expired token and the one-time refuseNextWrite come
 * first, so a trainer's demonstration happens on the very next request.
 */
class FaultInjector
{
public:
    explicit FaultInjector(quint32 seed, const FaultSettings &settings = {});

    /// Also restarts the counts of failEvery and dropEveryWrite.
    void setSettings(const FaultSettings &settings);
    const FaultSettings &settings() const { return m_settings; }

    /// forWrite: a request that would store something (POST), which may fail with 500003.
    FaultDecision next(bool forWrite);

private:
    bool deterministicFault(bool forWrite, FaultDecision *decision);

    QRandomGenerator m_random;
    FaultSettings m_settings;
    qint64 m_requests = 0;
    qint64 m_writes = 0;
};

/// The settings as the admin path shows them.
QJsonObject faultSettingsToJson(const FaultSettings &settings);
/// `current` with the members `body` gives, each checked (rates 0..1, latencyMs 0..MaxLatencyMs, counts
/// 0..1000, refuseNextWrite an EHR code); an error names the member that is wrong.
Common::Result<FaultSettings> faultSettingsFromJson(const QJsonObject &body, FaultSettings current);

} // namespace Sandbox
