#pragma once

#include <QDateTime>

namespace Common {

/**
 * Where the current time comes from. Production code asks a Clock instead of
 * QDateTime::currentDateTimeUtc() so that tests can set the time.
 */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;

    /// The process-wide system clock.
    static const Clock &system();
};

/// A clock that only moves when told to; for tests and deterministic tools.
class ManualClock : public Clock
{
public:
    explicit ManualClock(QDateTime now)
        : m_now(std::move(now))
    {
    }
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advance(qint64 msecs) { m_now = m_now.addMSecs(msecs); }

private:
    QDateTime m_now;
};

} // namespace Common
