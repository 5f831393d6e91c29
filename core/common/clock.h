#pragma once

#include <QDateTime>

namespace Common {

/**
 * Where the current time comes from. Production code asks a Clock instead of
 * QDateTime::currentDateTimeUtc() so that tests can set the time.
 *
 * One way to hand it over: a class that reads the time has
 * `void setClock(const Common::Clock *clock)`, keeps the pointer (not owned), starts with
 * Clock::system() and goes back to it when given nullptr; a class that owns such objects
 * passes its clock on in its own setClock().
 */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;

    /// The process-wide system clock.
    static const Clock &system();
    /// `clock`, or the system clock for nullptr: what every setClock() stores.
    static const Clock *orSystem(const Clock *clock) { return clock ? clock : &system(); }
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
