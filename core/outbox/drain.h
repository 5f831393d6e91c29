#pragma once

#include <chrono>
#include <functional>

#include <QString>

namespace Outbox {

class OutboxStore;
class Sender;

/// How a blocking drain ended.
struct DrainResult
{
    enum class Reason
    {
        Done,     ///< done() said so (by default: no line pending or sending)
        Paused,   ///< the queue paused (credentials, configuration); see message
        TimedOut, ///< maxTime passed first
    };
    Reason reason = Reason::Done;
    QString message;
};

/**
 * For programs without a window (superbill-cli): runs the event loop while a
 * started sender works, until done() holds (checked a few times a second),
 * the queue pauses, or maxTime passes. Then stops the sender and waits, at
 * most `settle`, for requests in flight to be recorded, so the process can
 * exit leaving no line `sending`.
 */
DrainResult drainBlocking(Sender &sender, OutboxStore &store, std::chrono::milliseconds maxTime,
                          const std::function<bool()> &done = {},
                          std::chrono::milliseconds settle = std::chrono::seconds(35));

} // namespace Outbox
