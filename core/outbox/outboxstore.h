#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantMap>

#include "common/clock.h"
#include "common/result.h"
#include "common/sqlitedatabase.h"
#include "outboxline.h"
#include "outboxworker.h"

namespace Outbox {

/**
 * The durable outbox: an SQLite file (WAL, synchronous=FULL, owner-only
 * permissions) that holds every procedure line from the moment a clerk is
 * told "saved" until the EHR has acknowledged it, plus an audit log of every
 * attempt and every person's action, and the offline cache's tables.
 *
 * enqueue() commits before it returns and before anything touches the
 * network, so a crash at any moment loses nothing. Each instance has its own
 * connections (Common::SqliteDatabase), so tests and tools can open several
 * stores (also on the same file; SQLite serialises the writers). Not
 * thread-safe: use a store from the thread that opened it (its background
 * writes run on a thread of their own, with a connection of their own).
 */
class OutboxStore : public QObject
{
    Q_OBJECT

public:
    /// The schema this build writes; older files are migrated on open().
    static constexpr int SchemaVersion = 6;
    /// countsChanged comes at most this often while lines keep changing.
    static constexpr std::chrono::milliseconds CountsInterval{100};

    explicit OutboxStore(QObject *parent = nullptr);
    ~OutboxStore() override;

    /// Opens (creating it owner-only, in an owner-only folder) and migrates.
    Common::Status open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const { return m_db.path(); }
    /// The connection, shared with the offline cache (same file) and open to tests.
    Common::SqliteDatabase &database() { return m_db; }
    const Common::SqliteDatabase &database() const { return m_db; }
    /// Where "now" comes from for due times, attempts and the offline cache; not owned; nullptr: the
    /// system clock.
    void setClock(const Common::Clock *clock) { m_clock = Common::Clock::orSystem(clock); }
    const Common::Clock &clock() const { return *m_clock; }

    int schemaVersion() const { return m_db.schemaVersion(); }
    QString journalMode() const { return m_db.journalMode(); }
    int synchronousMode() const { return m_db.synchronousMode(); } ///< 2 = FULL

    /// Queues a line in one committed transaction and returns its id. The entry must carry its client
    /// identifier, a subject and an encounter; an identifier already queued is refused.
    Common::Result<qint64> enqueue(const Model::ProcedureEntry &entry);
    /// Queues new lines and corrections together in one committed transaction, in the given order:
    /// every line or none. Returns the lines' ids in the same order; the error's path names the
    /// first line that cannot go ("line 3").
    Common::Result<QList<qint64>> enqueueAll(const QList<LineWrite> &writes);

    /// pending → sending, when it still is pending: true; false when another sender took it; an error
    /// when the file cannot be written.
    Common::Result<bool> claim(qint64 id);
    /// Claims up to `limit` pending lines due at `now` in one transaction, earliest first, and returns
    /// them with their entries, ready to send.
    Common::Result<QList<OutboxLine>> claimDue(const QDateTime &now, int limit);
    /// Lines claimed but never sent: sending → pending as they were (no attempt counted, due as before);
    /// a line no longer `sending` is left alone.
    /// Not flushed to disk: should the release be lost, the next start recovers them as interrupted.
    Common::Status release(const QList<qint64> &ids);
    /// Writes what an attempt came to, with its audit row; only for a line that is `sending`.
    Common::Status recordAttempt(qint64 id, const AttemptRecord &record);
    /// Writes what several attempts came to, with their audit rows, in one transaction (one disk
    /// flush for all). A line that is not `sending` is left alone; returns the ids written.
    Common::Result<QList<qint64>> recordAttempts(const AttemptBatch &attempts);
    /// What recordAttempts() does with its result, called on this thread (after lineChanged for each
    /// line written) unless `context` is gone by then.
    using AttemptsRecorded = std::function<void(const Common::Result<QList<qint64>> &)>;
    /// recordAttempts() on a thread of its own, through a connection of its own (FULL as well), so that
    /// neither its SQL nor its disk flush holds up this thread, whose event loop sends the lines. Batches
    /// are written in the order given; `recorded` comes later, from this thread's event loop (or from
    /// finishBackgroundWork()).
    void recordAttemptsInBackground(const AttemptBatch &attempts, QObject *context,
                                    AttemptsRecorded recorded);
    using LinesClaimed = std::function<void(const Common::Result<QList<OutboxLine>> &)>;
    /// claimDue() on the same thread as recordAttemptsInBackground(), after the batches given before it, and
    /// through its connection (FULL: a flush that this thread does not wait for); `claimed` comes later,
    /// from this thread's event loop, after lineChanged for each line.
    void claimDueInBackground(const QDateTime &now, int limit, QObject *context, LinesClaimed claimed);
    /// Waits until everything given to the background thread is done, and calls what comes of it now.
    void finishBackgroundWork();
    /// An audit row without a change of state (e.g. the answer that led to a reconciliation).
    Common::Status note(qint64 id, const AttemptRecord &record);
    /// Lines left `sending` by a process that died: back to pending, marked outcome-unknown,
    /// to be resent with the same identifier. Returns how many.
    Common::Result<int> recoverInterrupted();

    /// The EHR answers again: pending lines waiting out their back-off become due now (the sender's
    /// doing, so no audit row). Returns how many.
    Common::Result<int> bringWaitingForward();

    /// A person asks to send now: pending or needs-correction → pending, due now.
    Common::Status retry(qint64 id);
    /// A person corrected a refused or waiting line: new content, same identifier, pending.
    Common::Status replaceEntry(qint64 id, const Model::ProcedureEntry &entry);
    /// A person gives up on a line that is not sent; it stays in the file for the audit.
    Common::Status discard(qint64 id, const QString &reason);

    /// One line with its entry; the error code "no-such-line" when there is none.
    Common::Result<OutboxLine> line(qint64 id) const;
    Common::Result<OutboxLine> lineByIdentifier(const QString &identifierValue) const;
    /// Lines, oldest first, found by encounter and state in SQL; for listings, so without their
    /// entry (entryJson is empty: line() has it) and without parsing any JSON but a refusal's findings.
    Common::Result<QList<OutboxLine>> lines(const LineFilter &filter = {}) const;
    /// How SQLite finds lines() (EXPLAIN QUERY PLAN), so a test can check that it reads one
    /// encounter's rows through an index rather than the whole history.
    Common::Result<QStringList> linesQueryPlan(const LineFilter &filter) const;
    /// Pending lines due at `now`, earliest first.
    QList<qint64> dueLines(const QDateTime &now, int limit) const;
    /// When the earliest pending line is due, or nullopt when none is pending.
    std::optional<QDateTime> nextDue() const;
    Common::Result<QueueCounts> counts() const;
    /// The audit log of one line (or of all lines for 0), oldest first.
    Common::Result<QList<AuditEntry>> audit(qint64 lineId = 0) const;

signals:
    /// Any change to a line: queued, claimed, attempted, retried, corrected, discarded.
    void lineChanged(qint64 id);
    /// The counts after changes: at most once per turn of the event loop, and while lines keep changing
    /// at most once per CountsInterval (counting scans the whole file's index; a drain changes lines
    /// hundreds of times a second).
    void countsChanged(const Outbox::QueueCounts &counts);

private:
    Common::Status addAudit(qint64 lineId, const QString &event, const AttemptRecord *record,
                            const QString &detail);
    void notify(qint64 id);
    void emitCounts();
    void runInBackground(OutboxWorker::Job job);
    /// What comes of the background jobs done so far.
    void deliverBackgroundResults();
    /// The line, when a person may still act on it (pending or needs-correction); else an error, with
    /// refusal (%1 the id, %2 the state) as its message when the line is in another state.
    Common::Result<OutboxLine> lineForPerson(qint64 id, const QString &refusal) const;
    /// Runs a person's update of the line (which re-checks the state) and its audit row in one
    /// transaction; on failure the message is `failed` with %1 the id and %2 the reason.
    Common::Status applyForPerson(qint64 id, const QString &update, const QVariantMap &values,
                                  const QString &event, const QString &detail, const QString &failed);
    Common::Result<QList<OutboxLine>> readLines(const QString &sql, const QVariantMap &values,
                                                bool withEntry) const;
    /// pending → sending, on the claims connection, for the pending lines that `which` (a condition,
    /// maybe with ORDER BY and LIMIT) selects; they come back with their entries.
    Common::Result<QList<OutboxLine>> claimLines(const QString &which, const QVariantMap &values);
    qint64 nowMs() const;
    /// Why a new line cannot be queued (no identifier, patient or encounter), or ok.
    Common::Status checkNewLine(const Model::ProcedureEntry &entry) const;
    /// Inserts a new line inside the caller's transaction; its "queued" audit row is read from it.
    Common::Result<qint64> insertLine(const Model::ProcedureEntry &entry, qint64 now);
    /// The id of the line queued with this identifier, if any; reads the identifier index alone.
    Common::Result<std::optional<qint64>> queuedLineId(const QString &identifierValue) const;

    const Common::Clock *m_clock = &Common::Clock::system();
    Common::SqliteDatabase m_db;
    /// A second connection to the same file, at synchronous=NORMAL, for claims only (see claim()).
    Common::SqliteDatabase m_claims;
    QTimer m_countsTimer;
    QElapsedTimer m_sinceCounts;
    /// Started by the first background job; ended (after its last job) by close().
    std::unique_ptr<OutboxWorker> m_worker;
};

} // namespace Outbox
