#pragma once

#include <optional>

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include "common/clock.h"
#include "outboxline.h"

namespace Outbox {

/**
 * The durable outbox: an SQLite file (WAL, synchronous=FULL, owner-only
 * permissions) that holds every procedure line from the moment a clerk is
 * told "saved" until the EHR has acknowledged it, plus an audit log of every
 * attempt and every person's action, and the offline cache's tables.
 *
 * enqueue() commits before it returns and before anything touches the
 * network, so a crash at any moment loses nothing. Each instance has its own
 * QSqlDatabase connection, so tests and tools can open several stores (also
 * on the same file; SQLite serialises the writers). Not thread-safe: use a
 * store from the thread that opened it.
 */
class OutboxStore : public QObject
{
    Q_OBJECT

public:
    /// The schema this build writes; older files are migrated on open().
    static constexpr int SchemaVersion = 2;

    explicit OutboxStore(QObject *parent = nullptr);
    ~OutboxStore() override;

    /// Opens (creating with mode 0600 when missing) and migrates. False with a reason on failure.
    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QSqlDatabase database() const;
    QString connectionName() const { return m_connectionName; }
    /// Where "now" comes from for due times, attempts and the offline cache; not owned; nullptr: the
    /// system clock.
    void setClock(const Common::Clock *clock) { m_clock = Common::Clock::orSystem(clock); }
    const Common::Clock &clock() const { return *m_clock; }

    int schemaVersion() const;
    QString journalMode() const;
    int synchronousMode() const; ///< 2 = FULL

    /// Queues a line in one committed transaction. The entry must carry its client
    /// identifier, a subject and an encounter; an identifier already queued is refused.
    std::optional<qint64> enqueue(const Model::ProcedureEntry &entry, QString *error);

    /// pending → sending, when it still is pending. False when another sender took it, or (with a
    /// reason in error) when the file cannot be written. Not flushed to disk on its own: losing a
    /// claim in a crash only means the line is resent, harmlessly.
    bool claim(qint64 id, QString *error = nullptr);
    /// Writes what an attempt came to, with its audit row; only for a line that is `sending`.
    bool recordAttempt(qint64 id, const AttemptRecord &record, QString *error = nullptr);
    /// An audit row without a change of state (e.g. the answer that led to a reconciliation).
    bool note(qint64 id, const AttemptRecord &record);
    /// Lines left `sending` by a process that died: back to pending, marked outcome-unknown,
    /// to be resent with the same identifier. Returns how many, or -1 (with a reason) on failure.
    int recoverInterrupted(QString *error = nullptr);

    /// The EHR answers again: pending lines waiting out their back-off become due now (the sender's
    /// doing, so no audit row). Returns how many, or -1 when the file cannot be written.
    int bringWaitingForward();

    /// A person asks to send now: pending or needs-correction → pending, due now.
    bool retry(qint64 id, QString *error);
    /// A person corrected a refused or waiting line: new content, same identifier, pending.
    bool replaceEntry(qint64 id, const Model::ProcedureEntry &entry, QString *error);
    /// A person gives up on a line that is not sent; it stays in the file for the audit.
    bool discard(qint64 id, const QString &reason, QString *error);

    std::optional<OutboxLine> line(qint64 id) const;
    std::optional<OutboxLine> lineByIdentifier(const QString &identifierValue) const;
    /// Lines, oldest first; all states when state is nullopt.
    QList<OutboxLine> lines(std::optional<LineState> state = std::nullopt) const;
    /// Pending lines due at `now`, earliest first.
    QList<qint64> dueLines(const QDateTime &now, int limit) const;
    /// When the earliest pending line is due, or nullopt when none is pending.
    std::optional<QDateTime> nextDue() const;
    QueueCounts counts() const;
    /// The audit log of one line (or of all lines for 0), oldest first.
    QList<AuditEntry> audit(qint64 lineId = 0) const;

signals:
    /// Any change to a line: queued, claimed, attempted, retried, corrected, discarded.
    void lineChanged(qint64 id);
    /// The counts after changes, at most once per turn of the event loop (counting costs a query).
    void countsChanged(const Outbox::QueueCounts &counts);

private:
    bool configure(QString *error);
    bool migrate(QString *error);
    /// One sentence for a person: what the SQLite error means for the outbox file (disk full,
    /// read-only, damaged, busy) and that nothing queued is lost.
    QString writeError(const QSqlError &error) const;
    bool addAudit(qint64 lineId, const QString &event, const AttemptRecord *record, const QString &detail,
                  QSqlError *failure = nullptr);
    void notify(qint64 id);
    /// The line, when a person may still act on it (pending or needs-correction); else nullopt and
    /// refusal (with %1 the id and %2 the state) or "no such line" in error.
    std::optional<OutboxLine> lineForPerson(qint64 id, const QString &refusal, QString *error) const;
    /// Runs a person's prepared update of the line and its audit row in one transaction; on failure
    /// error is `failed` with %1 the id and %2 the reason.
    bool applyForPerson(qint64 id, QSqlQuery &update, const QString &event, const QString &detail,
                        const QString &failed, QString *error);
    qint64 nowMs() const;

    const Common::Clock *m_clock = &Common::Clock::system();
    QString m_connectionName;
    QString m_path;
    bool m_countsPending = false;
};

} // namespace Outbox
