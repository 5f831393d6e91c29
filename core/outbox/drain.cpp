#include "drain.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include "outboxstore.h"
#include "sender.h"

namespace Outbox {

DrainResult drainBlocking(Sender &sender, OutboxStore &store, std::chrono::milliseconds maxTime,
                          const std::function<bool()> &done, std::chrono::milliseconds settle)
{
    std::function<bool()> finished = done;
    if (!finished)
        finished = [&store] {
            const auto counts = store.counts();
            return counts && counts->unsent() == 0;
        };
    DrainResult result;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    const auto check = [&] {
        if (sender.isPaused()) {
            result = {DrainResult::Reason::Paused, sender.pauseMessage()};
            loop.quit();
        } else if (finished()) {
            result = {DrainResult::Reason::Done, {}};
            loop.quit();
        } else if (clock.elapsed() >= maxTime.count()) {
            result = {DrainResult::Reason::TimedOut, {}};
            loop.quit();
        }
    };
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &loop, check);
    QObject::connect(&sender, &Sender::pausedChanged, &loop, check);
    QObject::connect(&sender, &Sender::idle, &loop, check);
    poll.start();
    QTimer::singleShot(0, &loop, check);
    loop.exec();
    poll.stop();

    sender.stop();
    if (sender.inFlight() > 0) {
        QEventLoop settleLoop;
        QTimer settleTimer;
        settleTimer.setSingleShot(true);
        QObject::connect(&settleTimer, &QTimer::timeout, &settleLoop, &QEventLoop::quit);
        QTimer settlePoll;
        QObject::connect(&settlePoll, &QTimer::timeout, &settleLoop, [&] {
            if (sender.inFlight() == 0)
                settleLoop.quit();
        });
        settleTimer.start(settle);
        settlePoll.start(20);
        settleLoop.exec();
    }
    return result;
}

} // namespace Outbox
