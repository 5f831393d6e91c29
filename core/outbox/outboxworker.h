#pragma once

#include <functional>
#include <memory>

#include <QList>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include "common/result.h"
#include "common/sqlitedatabase.h"

namespace Outbox {

/**
 * A thread with a connection of its own to the outbox file, that runs jobs in the order given; see
 * OutboxStore::recordAttemptsInBackground(). A job returns what is to be done with its result on the
 * owner's thread: takeResults() hands those over. The connection is opened by the thread (a QtSql
 * connection belongs to the thread that made it) for its first job, and again after an open that failed,
 * so a file that becomes writable is written again.
 */
class OutboxWorker
{
public:
    /// What a job's result comes to, run on the owner's thread.
    using Result = std::function<void()>;
    /// A job, run on the worker's thread, through the connection when `opened` is ok.
    using Job = std::function<Result(Common::SqliteDatabase &db, const Common::Status &opened)>;
    using Open = std::function<Common::Status(Common::SqliteDatabase &)>;

    /// `open` runs on the worker's thread, and so does `done`, after each job: it should only post the news
    /// to the owner's thread, which then calls takeResults().
    OutboxWorker(Open open, std::function<void()> done);
    /// Runs every job given, then ends the thread.
    ~OutboxWorker();
    OutboxWorker(const OutboxWorker &) = delete;
    OutboxWorker &operator=(const OutboxWorker &) = delete;

    void add(Job job);
    /// The results of the jobs run since the last call, oldest first.
    QList<Result> takeResults();
    /// Blocks until every job given so far has run.
    void waitUntilDone();

private:
    void run();

    const Open m_open;
    const std::function<void()> m_done;
    QMutex m_mutex;
    QWaitCondition m_jobGiven;
    QWaitCondition m_jobDone;
    QList<Job> m_jobs;       ///< given, not yet taken by the thread
    QList<Result> m_results; ///< of jobs run, not yet taken by the owner
    bool m_running = false;  ///< the thread is running a job
    bool m_stopping = false;
    std::unique_ptr<QThread> m_thread;
};

} // namespace Outbox
