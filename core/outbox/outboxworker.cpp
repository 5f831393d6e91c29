#include "outboxworker.h"

#include <QMutexLocker>

namespace Outbox {

OutboxWorker::OutboxWorker(Open open, std::function<void()> done)
    : m_open(std::move(open))
    , m_done(std::move(done))
    , m_thread(QThread::create([this] { run(); }))
{
    m_thread->setObjectName(QStringLiteral("outbox worker"));
    m_thread->start();
}

OutboxWorker::~OutboxWorker()
{
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_jobGiven.wakeAll();
    }
    m_thread->wait();
}

void OutboxWorker::add(Job job)
{
    QMutexLocker locker(&m_mutex);
    m_jobs.append(std::move(job));
    m_jobGiven.wakeAll();
}

QList<OutboxWorker::Result> OutboxWorker::takeResults()
{
    QMutexLocker locker(&m_mutex);
    return std::exchange(m_results, {});
}

void OutboxWorker::waitUntilDone()
{
    QMutexLocker locker(&m_mutex);
    while (m_running || !m_jobs.isEmpty())
        m_jobDone.wait(&m_mutex);
}

void OutboxWorker::run()
{
    Common::SqliteDatabase db(QStringLiteral("outbox-worker"));
    QMutexLocker locker(&m_mutex);
    for (;;) {
        while (m_jobs.isEmpty() && !m_stopping)
            m_jobGiven.wait(&m_mutex);
        if (m_jobs.isEmpty())
            break;
        const Job job = m_jobs.takeFirst();
        m_running = true;
        locker.unlock();
        Common::Status opened;
        if (!db.isOpen())
            opened = m_open(db);
        Result result = job(db, opened);
        locker.relock();
        m_results.append(std::move(result));
        m_running = false;
        m_jobDone.wakeAll();
        locker.unlock();
        m_done();
        locker.relock();
    }
}

} // namespace Outbox
