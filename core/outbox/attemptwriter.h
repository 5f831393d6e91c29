#pragma once

#include <functional>
#include <memory>

#include <QList>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include "common/result.h"
#include "common/sqlitedatabase.h"
#include "outboxline.h"

namespace Outbox {

/**
 * A thread that writes batches of attempts, in the order given, through a connection of its own to the
 * outbox file; see OutboxStore::recordAttemptsInBackground(). The connection is opened by the thread
 * (a QtSql connection belongs to the thread that made it) at its first batch, and again after an open
 * that failed, so a file that becomes writable is written again.
 */
class AttemptWriter
{
public:
    using Written = Common::Result<QList<qint64>>;
    using Open = std::function<Common::Status(Common::SqliteDatabase &)>;
    using Write = std::function<Written(Common::SqliteDatabase &, const AttemptBatch &, qint64 nowMs)>;

    struct Outcome
    {
        quint64 ticket = 0;
        Written written;
    };

    /// `open` and `write` run on the writer's thread, and so does `wrote`, after each batch: it should only
    /// post the news to the thread that reads the outcomes with takeOutcomes().
    AttemptWriter(Open open, Write write, std::function<void()> wrote);
    /// Writes every batch given, then ends the thread.
    ~AttemptWriter();
    AttemptWriter(const AttemptWriter &) = delete;
    AttemptWriter &operator=(const AttemptWriter &) = delete;

    /// Queues a batch to write at time `nowMs`; returns the ticket its outcome will carry.
    quint64 add(AttemptBatch attempts, qint64 nowMs);
    /// The outcomes of the batches written since the last call, oldest first.
    QList<Outcome> takeOutcomes();
    /// Blocks until every batch given so far is written.
    void waitUntilWritten();

private:
    struct Batch
    {
        quint64 ticket = 0;
        AttemptBatch attempts;
        qint64 nowMs = 0;
    };

    void run();

    const Open m_open;
    const Write m_write;
    const std::function<void()> m_wrote;
    QMutex m_mutex;
    QWaitCondition m_batchGiven;
    QWaitCondition m_batchWritten;
    QList<Batch> m_batches;    ///< given, not yet taken by the thread
    QList<Outcome> m_outcomes; ///< written, not yet taken by the owner
    bool m_writing = false;    ///< the thread holds a batch
    bool m_stopping = false;
    quint64 m_lastTicket = 0;
    std::unique_ptr<QThread> m_thread;
};

} // namespace Outbox
