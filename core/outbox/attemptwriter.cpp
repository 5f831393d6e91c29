#include "attemptwriter.h"

#include <QMutexLocker>

namespace Outbox {

AttemptWriter::AttemptWriter(Open open, Write write, std::function<void()> wrote)
    : m_open(std::move(open))
    , m_write(std::move(write))
    , m_wrote(std::move(wrote))
    , m_thread(QThread::create([this] { run(); }))
{
    m_thread->setObjectName(QStringLiteral("outbox attempt writer"));
    m_thread->start();
}

AttemptWriter::~AttemptWriter()
{
    {
        QMutexLocker locker(&m_mutex);
        m_stopping = true;
        m_batchGiven.wakeAll();
    }
    m_thread->wait();
}

quint64 AttemptWriter::add(AttemptBatch attempts, qint64 nowMs)
{
    QMutexLocker locker(&m_mutex);
    m_batches.append({++m_lastTicket, std::move(attempts), nowMs});
    m_batchGiven.wakeAll();
    return m_lastTicket;
}

QList<AttemptWriter::Outcome> AttemptWriter::takeOutcomes()
{
    QMutexLocker locker(&m_mutex);
    return std::exchange(m_outcomes, {});
}

void AttemptWriter::waitUntilWritten()
{
    QMutexLocker locker(&m_mutex);
    while (m_writing || !m_batches.isEmpty())
        m_batchWritten.wait(&m_mutex);
}

void AttemptWriter::run()
{
    Common::SqliteDatabase db(QStringLiteral("outbox-writer"));
    QMutexLocker locker(&m_mutex);
    for (;;) {
        while (m_batches.isEmpty() && !m_stopping)
            m_batchGiven.wait(&m_mutex);
        if (m_batches.isEmpty())
            break;
        const Batch batch = m_batches.takeFirst();
        m_writing = true;
        locker.unlock();
        Common::Status opened;
        if (!db.isOpen())
            opened = m_open(db);
        Written written = opened ? m_write(db, batch.attempts, batch.nowMs) : Written(opened.error());
        locker.relock();
        m_outcomes.append({batch.ticket, std::move(written)});
        m_writing = false;
        m_batchWritten.wakeAll();
        locker.unlock();
        m_wrote();
        locker.relock();
    }
}

} // namespace Outbox
