#include <memory>

#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "../common/damagedtable.h"
#include "../common/resultcheck.h"
#include "../common/sampleentry.h"
#include "fhir/procedurewriter.h"
#include "outbox/offlinecache.h"
#include "outbox/outboxstore.h"

using namespace Outbox;

namespace {

/// Runs SQL on the file through a connection of its own, as another program would.
class RawDb
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_counter))
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawDb()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        return query.exec(sql);
    }
    /// Back to the lines table of schema 2: no listing columns, no index for them.
    bool dropListingColumns()
    {
        return exec(QStringLiteral("DROP INDEX lines_encounter")) &&
               exec(QStringLiteral("ALTER TABLE lines DROP COLUMN display")) &&
               exec(QStringLiteral("ALTER TABLE lines DROP COLUMN performed_start")) &&
               exec(QStringLiteral("ALTER TABLE lines DROP COLUMN performed_end")) &&
               exec(QStringLiteral("ALTER TABLE lines DROP COLUMN diagnoses"));
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name); }
    QVariant value(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

} // namespace

class TestOutboxStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void opensInWalWithFullSync();
    void createsFileOwnerOnly();
    void createsFolderOwnerOnly();
    void enqueueIsDurableAcrossReopen();
    void enqueueRefusesIncompleteLines_data();
    void enqueueRefusesIncompleteLines();
    void enqueueRefusesSameIdentifierTwice();
    void claimSucceedsOnceAcrossConnections();
    void recordAttemptMovesStateAndAudits();
    void recordAttemptRequiresSendingLine();
    void sendingLineIsRecoveredAfterCrash();
    void releasedLinesArePendingAsBefore();
    void backgroundWorkRunsInOrderAndReportsOnThisThread();
    void backgroundWorkOfAGoneContextIsWrittenUnreported();
    void closeWaitsForBackgroundWork();
    void queuedIsReadFromTheLine();
    void discardKeepsLineForAudit();
    void discardRefusesSentLine();
    void retryMakesNeedsCorrectionPendingNow();
    void replaceEntryKeepsIdentifier();
    void enqueueAllKeepsOrderInOneTransaction();
    void enqueueAllIsAllOrNothing();
    void enqueueAllCorrectsRefusedLinesWithTheNewOnes();
    void dueLinesFollowNextAttempt();
    void signalsOnChange();
    void listingColumnsFollowTheEntry();
    void migratesOlderSchema();
    void migrationFillsListingColumns();
    void schema3FileKeepsEveryLineAndId();
    void theStateRuleNeedsNoTemporaryTable();
    void encounterListingReadsOnlyItsRows();
    void failedMigrationRollsBack();
    void refusesNewerSchema();
    void fullDiskSaysSoAndKeepsLines();
    void damagedFileIsLeftAlone();
    void damagedLinesAreAnErrorNotAnEmptyList();
    void personActionOnUnwritableFileSaysWhy();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("outbox.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Common::ManualClock> m_clock;
    std::unique_ptr<OutboxStore> m_store;
};

void TestOutboxStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock = std::make_unique<Common::ManualClock>(QDateTime(QDate(2026, 3, 14), QTime(15, 0), Qt::UTC));
    m_store = std::make_unique<OutboxStore>();
    m_store->setClock(m_clock.get());
    const Common::Status opened = m_store->open(dbPath());
    QVERIFY2(opened, qPrintable(whyFailed(opened)));
}

void TestOutboxStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestOutboxStore::opensInWalWithFullSync()
{
    QCOMPARE(m_store->journalMode(), QStringLiteral("wal"));
    QCOMPARE(m_store->synchronousMode(), 2);
    QCOMPARE(m_store->schemaVersion(), OutboxStore::SchemaVersion);
}

void TestOutboxStore::createsFileOwnerOnly()
{
    QVERIFY(m_store->enqueue(sampleEntry()));
    const auto allowed =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QFileInfo info(dbPath() + suffix);
        QVERIFY2(info.exists(), qPrintable(info.filePath()));
        QCOMPARE(info.permissions() & ~allowed, QFileDevice::Permissions());
    }
}

void TestOutboxStore::createsFolderOwnerOnly()
{
    // The data folder holds patient data: a folder the outbox creates is the owner's alone.
    const QString folder = m_dir->filePath(QStringLiteral("share/superbill-desk"));
    OutboxStore store;
    const Common::Status opened = store.open(folder + QStringLiteral("/outbox.sqlite"));
    QVERIFY2(opened, qPrintable(whyFailed(opened)));
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
    for (const QString &created : {m_dir->filePath(QStringLiteral("share")), folder}) {
        const auto permissions = QFileInfo(created).permissions() &
                                 ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
        QCOMPARE(permissions, ownerOnly);
    }
}

void TestOutboxStore::enqueueIsDurableAcrossReopen()
{
    const auto entry = sampleEntry();
    const auto id = m_store->enqueue(entry);
    QVERIFY2(id, qPrintable(whyFailed(id)));
    m_store.reset();

    OutboxStore reopened;
    QVERIFY(reopened.open(dbPath()));
    const auto line = reopened.line(*id);
    QVERIFY(line);
    QCOMPARE(line->state, LineState::Pending);
    QCOMPARE(line->identifier, *entry.clientIdentifier());
    QCOMPARE(line->patientId, QStringLiteral("Patient-265"));
    QCOMPARE(line->encounterId, QStringLiteral("Encounter-805"));
    QCOMPARE(line->code, QStringLiteral("20610"));
    QCOMPARE(line->entry(), entry);
    QCOMPARE(reopened.audit(*id)->size(), 1);
    QCOMPARE(reopened.audit(*id)->first().event, QStringLiteral("queued"));
    // Stored as text, as the Procedure is written, for any other program reading the file.
    RawDb raw(dbPath());
    QCOMPARE(raw.value(QStringLiteral("SELECT typeof(entry_json) FROM lines")).toString(),
             QStringLiteral("text"));
    QCOMPARE(raw.value(QStringLiteral("SELECT entry_json FROM lines")).toString().toUtf8(),
             *Fhir::ProcedureWriter(Fhir::Dialect::EhrVendor).toBytes(entry, false));
}

void TestOutboxStore::enqueueRefusesIncompleteLines_data()
{
    QTest::addColumn<QString>("broken");
    QTest::newRow("no identifier") << QStringLiteral("identifier");
    QTest::newRow("no subject") << QStringLiteral("subject");
    QTest::newRow("no encounter") << QStringLiteral("encounter");
}

void TestOutboxStore::enqueueRefusesIncompleteLines()
{
    QFETCH(QString, broken);
    auto entry = sampleEntry();
    if (broken == u"identifier")
        entry.identifiers.clear();
    else if (broken == u"subject")
        entry.subject = {};
    else
        entry.encounter = {};
    const auto queued = m_store->enqueue(entry);
    QVERIFY(!queued);
    QVERIFY(!queued.error().message.isEmpty());
    QCOMPARE(m_store->counts()->total(), 0);
}

void TestOutboxStore::enqueueRefusesSameIdentifierTwice()
{
    const auto entry = sampleEntry();
    QVERIFY(m_store->enqueue(entry));
    const auto again = m_store->enqueue(entry);
    QVERIFY(!again);
    QVERIFY2(again.error().message.contains(QStringLiteral("already in the outbox")),
             qPrintable(whyFailed(again)));
    QCOMPARE(again.error().code, QStringLiteral("already-queued"));
    QCOMPARE(m_store->counts()->pending, 1);

    // In a superbill, the line already queued is named, and none of the others is saved.
    auto other = sampleEntry();
    other.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
    const auto batch = m_store->enqueueAll({{0, other}, {0, entry}});
    QVERIFY(!batch);
    QCOMPARE(batch.error().code, QStringLiteral("already-queued"));
    QCOMPARE(batch.error().path, QStringLiteral("line 2"));
    QCOMPARE(m_store->counts()->total(), 1);
    QVERIFY(m_store->enqueue(other));
}

void TestOutboxStore::claimSucceedsOnceAcrossConnections()
{
    const auto id = m_store->enqueue(sampleEntry());
    OutboxStore other;
    QVERIFY(other.open(dbPath()));
    QCOMPARE(other.claim(*id).valueOr(false), true);
    QCOMPARE(other.synchronousMode(), 2); // a claim never lowers the outbox's durability
    const auto second = m_store->claim(*id);
    QVERIFY2(second, qPrintable(whyFailed(second))); // not an error: another sender has it
    QCOMPARE(*second, false);
    QCOMPARE(m_store->line(*id)->state, LineState::Sending);
}

void TestOutboxStore::recordAttemptMovesStateAndAudits()
{
    const auto id = *m_store->enqueue(sampleEntry());

    QCOMPARE(m_store->claim(id).valueOr(false), true);
    AttemptRecord retryable;
    retryable.newState = LineState::Pending;
    retryable.outcomeUnknown = true;
    retryable.nextAttemptAt = m_clock->nowUtc().addSecs(2);
    retryable.httpStatus = 0;
    retryable.result = QStringLiteral("retryable");
    retryable.error = QStringLiteral("connection closed");
    QVERIFY(m_store->recordAttempt(id, retryable));
    auto line = *m_store->line(id);
    QCOMPARE(line.state, LineState::Pending);
    QCOMPARE(line.attempts, 1);
    QVERIFY(line.outcomeUnknown);
    QCOMPARE(line.nextAttemptAt, m_clock->nowUtc().addSecs(2));
    QCOMPARE(line.lastError, QStringLiteral("connection closed"));

    QCOMPARE(m_store->claim(id).valueOr(false), true);
    AttemptRecord created;
    created.newState = LineState::Sent;
    created.httpStatus = 201;
    created.result = QStringLiteral("created");
    created.ehrId = QStringLiteral("proc-1");
    QVERIFY(m_store->recordAttempt(id, created));
    line = *m_store->line(id);
    QCOMPARE(line.state, LineState::Sent);
    QCOMPARE(line.attempts, 2);
    QVERIFY(!line.outcomeUnknown);
    QCOMPARE(line.ehrId, QStringLiteral("proc-1"));
    QCOMPARE(line.sentAt, m_clock->nowUtc());

    // An attempt without an EHR id keeps the one already known.
    QVERIFY(QSqlQuery(m_store->database().connection())
                .exec(QStringLiteral("UPDATE lines SET state = 'sending' WHERE id = %1").arg(id)));
    AttemptRecord reconciled;
    reconciled.newState = LineState::Sent;
    reconciled.countAttempt = false;
    QVERIFY(m_store->recordAttempt(id, reconciled));
    QCOMPARE(m_store->line(id)->ehrId, QStringLiteral("proc-1"));

    const auto audit = *m_store->audit(id);
    QCOMPARE(audit.size(), 4);
    QCOMPARE(audit.at(1).event, QStringLiteral("attempt"));
    QCOMPARE(audit.at(1).detail, QStringLiteral("connection closed"));
    QCOMPARE(audit.at(2).httpStatus, 201);
    QCOMPARE(audit.at(2).ehrId, QStringLiteral("proc-1"));
}

void TestOutboxStore::recordAttemptRequiresSendingLine()
{
    const auto id = *m_store->enqueue(sampleEntry());
    AttemptRecord created;
    created.newState = LineState::Sent;
    QVERIFY(!m_store->recordAttempt(id, created));
    QCOMPARE(m_store->line(id)->state, LineState::Pending);
    QCOMPARE(m_store->audit(id)->size(), 1);
}

void TestOutboxStore::sendingLineIsRecoveredAfterCrash()
{
    const auto entry = sampleEntry();
    const auto id = *m_store->enqueue(entry);
    QCOMPARE(m_store->claim(id).valueOr(false), true);
    // The process dies here: the line stays `sending` in the file.
    m_store.reset();

    OutboxStore restarted;
    restarted.setClock(m_clock.get());
    QVERIFY(restarted.open(dbPath()));
    QCOMPARE(restarted.line(id)->state, LineState::Sending);
    QCOMPARE(restarted.recoverInterrupted().valueOr(-1), 1);
    const auto line = *restarted.line(id);
    QCOMPARE(line.state, LineState::Pending);
    QVERIFY(line.outcomeUnknown);
    QCOMPARE(line.identifier, *entry.clientIdentifier());
    QCOMPARE(line.attempts, 0);
    QCOMPARE(restarted.dueLines(m_clock->nowUtc(), 10), QList<qint64>{id});
    QCOMPARE(restarted.audit(id)->last().event, QStringLiteral("recovered"));
    QCOMPARE(restarted.recoverInterrupted().valueOr(-1), 0);
}

void TestOutboxStore::releasedLinesArePendingAsBefore()
{
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        auto entry = sampleEntry();
        entry.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
        ids.append(*m_store->enqueue(entry));
    }
    const QDateTime due = m_store->line(ids.at(1))->nextAttemptAt;
    const auto claimed = m_store->claimDue(m_clock->nowUtc(), 2);
    QVERIFY2(claimed, qPrintable(whyFailed(claimed)));
    QCOMPARE(claimed->size(), 2);
    // The first is sent and answered; the second was claimed ahead and never sent.
    AttemptRecord sent;
    sent.newState = LineState::Sent;
    sent.httpStatus = 201;
    sent.ehrId = QStringLiteral("proc-1");
    QVERIFY(m_store->recordAttempt(ids.at(0), sent));
    m_clock->advance(5000);

    QSignalSpy changed(m_store.get(), &OutboxStore::lineChanged);
    const Common::Status released = m_store->release({ids.at(0), ids.at(1)});
    QVERIFY2(released, qPrintable(whyFailed(released)));
    QCOMPARE(m_store->line(ids.at(0))->state, LineState::Sent);
    const auto line = *m_store->line(ids.at(1));
    QCOMPARE(line.state, LineState::Pending);
    QCOMPARE(line.attempts, 0);
    QVERIFY(!line.outcomeUnknown);
    QCOMPARE(line.nextAttemptAt, due);
    QCOMPARE(m_store->audit(ids.at(1))->size(), 1); // queued, nothing since
    QCOMPARE(m_store->dueLines(m_clock->nowUtc(), 10), (QList<qint64>{ids.at(1), ids.at(2)}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toLongLong(), ids.at(1));
    QCOMPARE(m_store->recoverInterrupted().valueOr(-1), 0);
}

void TestOutboxStore::backgroundWorkRunsInOrderAndReportsOnThisThread()
{
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        auto entry = sampleEntry();
        entry.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
        ids.append(*m_store->enqueue(entry));
    }
    QObject context;
    QStringList heard;
    QList<OutboxLine> claimed;
    QSignalSpy changed(m_store.get(), &OutboxStore::lineChanged);
    m_store->claimDueInBackground(
        m_clock->nowUtc(), 2, &context, [&](const Common::Result<QList<OutboxLine>> &lines) {
            QVERIFY(QThread::currentThread() == context.thread());
            QVERIFY2(lines, qPrintable(whyFailed(lines)));
            claimed = *lines;
            heard.append(QStringLiteral("claimed after %1 changes").arg(changed.size()));
        });
    AttemptRecord sent;
    sent.newState = LineState::Sent;
    sent.httpStatus = 201;
    sent.ehrId = QStringLiteral("proc-1");
    // Given after the claim: written after it, so the first line is `sending` by then.
    m_store->recordAttemptsInBackground(
        {{ids.at(0), sent}}, &context, [&](const Common::Result<QList<qint64>> &written) {
            QVERIFY2(written, qPrintable(whyFailed(written)));
            QCOMPARE(*written, QList<qint64>{ids.at(0)});
            heard.append(QStringLiteral("written after %1 changes").arg(changed.size()));
        });
    QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 2, 5000);
    // Each line's lineChanged comes before the news of the job that changed it.
    QCOMPARE(heard, (QStringList{QStringLiteral("claimed after 2 changes"),
                                 QStringLiteral("written after 3 changes")}));
    QCOMPARE(claimed.size(), 2);
    QCOMPARE(claimed.at(0).id, ids.at(0));
    QCOMPARE(claimed.at(1).id, ids.at(1));
    QVERIFY(claimed.at(1).entry()); // ready to send: with its entry
    QCOMPARE(m_store->line(ids.at(0))->state, LineState::Sent);
    QCOMPARE(m_store->line(ids.at(0))->ehrId, QStringLiteral("proc-1"));
    QCOMPARE(m_store->line(ids.at(1))->state, LineState::Sending);
    QCOMPARE(m_store->line(ids.at(2))->state, LineState::Pending);
    QCOMPARE(m_store->audit(ids.at(0))->size(), 2); // queued, the attempt
}

void TestOutboxStore::backgroundWorkOfAGoneContextIsWrittenUnreported()
{
    const auto id = *m_store->enqueue(sampleEntry());
    QCOMPARE(m_store->claim(id).valueOr(false), true);
    AttemptRecord sent;
    sent.newState = LineState::Sent;
    sent.httpStatus = 201;
    bool reported = false;
    {
        QObject gone;
        m_store->recordAttemptsInBackground(
            {{id, sent}}, &gone, [&reported](const Common::Result<QList<qint64>> &) { reported = true; });
    }
    QSignalSpy changed(m_store.get(), &OutboxStore::lineChanged);
    m_store->finishBackgroundWork();
    QCOMPARE(m_store->line(id)->state, LineState::Sent);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!reported);
}

void TestOutboxStore::closeWaitsForBackgroundWork()
{
    QList<qint64> ids;
    for (int i = 0; i < 20; ++i) {
        auto entry = sampleEntry();
        entry.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
        ids.append(*m_store->enqueue(entry));
    }
    const auto claimed = m_store->claimDue(m_clock->nowUtc(), 20);
    QCOMPARE(claimed.valueOr({}).size(), 20);
    int reported = 0;
    for (const qint64 id : std::as_const(ids)) {
        AttemptRecord sent;
        sent.newState = LineState::Sent;
        sent.httpStatus = 201;
        sent.ehrId = QStringLiteral("proc-%1").arg(id);
        m_store->recordAttemptsInBackground({{id, sent}}, m_store.get(),
                                            [&reported](const Common::Result<QList<qint64>> &written) {
                                                reported += written ? int(written->size()) : 0;
                                            });
    }
    m_store->close(); // without a turn of the event loop
    QCOMPARE(reported, 20);
    QVERIFY(m_store->open(dbPath()));
    QCOMPARE(m_store->counts()->sent, 20);
    QCOMPARE(m_store->line(ids.last())->ehrId, QStringLiteral("proc-%1").arg(ids.last()));
}

void TestOutboxStore::queuedIsReadFromTheLine()
{
    auto first = sampleEntry();
    const qint64 a = *m_store->enqueue(first);
    m_clock->advance(1000);
    const QDateTime queuedAt = m_clock->nowUtc();
    auto second = sampleEntry();
    second.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
    const qint64 b = *m_store->enqueue(second);
    // An enqueue writes its line and nothing else.
    RawDb raw(dbPath());
    QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM audit")).toInt(), 0);

    const auto audit = m_store->audit(b);
    QVERIFY2(audit, qPrintable(whyFailed(audit)));
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->first().event, QStringLiteral("queued"));
    QCOMPARE(audit->first().lineId, b);
    QCOMPARE(audit->first().at, queuedAt);
    QCOMPARE(audit->first().at, m_store->line(b)->createdAt);

    // Rows written later come after each line's "queued", in the order they were written.
    m_clock->advance(1000);
    QCOMPARE(m_store->claimDue(m_clock->nowUtc(), 1)->size(), 1);
    AttemptRecord sent;
    sent.newState = LineState::Sent;
    sent.httpStatus = 201;
    QVERIFY(m_store->recordAttempt(a, sent));
    m_clock->advance(1000);
    auto third = sampleEntry();
    third.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
    const qint64 c = *m_store->enqueue(third);
    m_clock->advance(1000);
    QVERIFY(m_store->discard(b, QStringLiteral("entered twice")));
    QList<std::pair<qint64, QString>> trail;
    for (const AuditEntry &entry : m_store->audit().valueOr({}))
        trail.append({entry.lineId, entry.event});
    QCOMPARE(trail, (QList<std::pair<qint64, QString>>{{a, QStringLiteral("queued")},
                                                       {b, QStringLiteral("queued")},
                                                       {a, QStringLiteral("attempt")},
                                                       {c, QStringLiteral("queued")},
                                                       {b, QStringLiteral("discarded")}}));

    // When a line was queued never changes, so neither does its "queued" row.
    QVERIFY(!raw.exec(QStringLiteral("UPDATE lines SET created_at = 0 WHERE id = %1").arg(b)));
    QVERIFY(!raw.exec(QStringLiteral("UPDATE lines SET audit_has_queued = 1 WHERE id = %1").arg(b)));
    QCOMPARE(m_store->line(b)->createdAt, queuedAt);
    QVERIFY(raw.exec(QStringLiteral("UPDATE lines SET updated_at = 0 WHERE id = %1").arg(b)));
}

void TestOutboxStore::discardKeepsLineForAudit()
{
    const auto id = *m_store->enqueue(sampleEntry());
    const Common::Status discarded = m_store->discard(id, QStringLiteral("entered twice"));
    QVERIFY2(discarded, qPrintable(whyFailed(discarded)));
    QCOMPARE(m_store->line(id)->state, LineState::Discarded);
    QCOMPARE(m_store->lines({.states = {LineState::Discarded}})->size(), 1);
    QCOMPARE(m_store->counts()->discarded, 1);
    QVERIFY(m_store->dueLines(m_clock->nowUtc().addYears(1), 10).isEmpty());
    const auto audit = *m_store->audit(id);
    QCOMPARE(audit.last().event, QStringLiteral("discarded"));
    QCOMPARE(audit.last().detail, QStringLiteral("entered twice"));
    QCOMPARE(m_store->claim(id).valueOr(true), false);
}

void TestOutboxStore::discardRefusesSentLine()
{
    const auto id = *m_store->enqueue(sampleEntry());
    QCOMPARE(m_store->claim(id).valueOr(false), true);
    QVERIFY(!m_store->discard(id, {})); // being sent
    AttemptRecord created;
    created.newState = LineState::Sent;
    QVERIFY(m_store->recordAttempt(id, created));
    const Common::Status refused = m_store->discard(id, {});
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QStringLiteral("sent")));
    QCOMPARE(m_store->line(id)->state, LineState::Sent);
}

void TestOutboxStore::retryMakesNeedsCorrectionPendingNow()
{
    const auto id = *m_store->enqueue(sampleEntry());
    QCOMPARE(m_store->claim(id).valueOr(false), true);
    AttemptRecord rejected;
    rejected.newState = LineState::NeedsCorrection;
    rejected.httpStatus = 422;
    rejected.ehrCode = QStringLiteral("500009");
    rejected.findings = {{QStringLiteral("500009"), Model::Severity::Error,
                          QStringLiteral("Procedure.encounter"), QStringLiteral("signed off")}};
    QVERIFY(m_store->recordAttempt(id, rejected));
    QCOMPARE(m_store->line(id)->findings, rejected.findings);
    QCOMPARE(m_store->lines()->first().findings, rejected.findings);
    QVERIFY(m_store->dueLines(m_clock->nowUtc(), 10).isEmpty());

    m_clock->advance(60000);
    const Common::Status retried = m_store->retry(id);
    QVERIFY2(retried, qPrintable(whyFailed(retried)));
    QCOMPARE(m_store->line(id)->state, LineState::Pending);
    QCOMPARE(m_store->dueLines(m_clock->nowUtc(), 10), QList<qint64>{id});
    const Common::Status unknown = m_store->retry(999);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, QStringLiteral("no-such-line"));
}

void TestOutboxStore::replaceEntryKeepsIdentifier()
{
    const auto original = sampleEntry();
    const auto id = *m_store->enqueue(original);
    auto corrected = sampleEntry(); // a different identifier of its own
    corrected.code.code = QStringLiteral("20611");
    const Common::Status replaced = m_store->replaceEntry(id, corrected);
    QVERIFY2(replaced, qPrintable(whyFailed(replaced)));
    const auto line = *m_store->line(id);
    QCOMPARE(line.code, QStringLiteral("20611"));
    QCOMPARE(line.identifier, *original.clientIdentifier());
    QCOMPARE(line.entry()->clientIdentifier(), original.clientIdentifier());
    RawDb raw(dbPath());
    QCOMPARE(raw.value(QStringLiteral("SELECT typeof(entry_json) FROM lines")).toString(),
             QStringLiteral("text"));
}

void TestOutboxStore::enqueueAllKeepsOrderInOneTransaction()
{
    QList<LineWrite> writes;
    for (const char *code : {"99213", "20610", "96372", "85025"}) {
        auto entry = sampleEntry();
        entry.code.code = QLatin1String(code);
        writes.append({0, entry});
    }
    QSignalSpy changed(m_store.get(), &OutboxStore::lineChanged);
    const auto ids = m_store->enqueueAll(writes);
    QVERIFY2(ids.ok(), ids.ok() ? "" : qPrintable(ids.error().text()));
    QCOMPARE(ids->size(), 4);
    QCOMPARE(changed.count(), 4);
    QStringList codes;
    for (const auto &line : m_store->lines().valueOr({}))
        codes << line.code;
    QCOMPARE(codes, (QStringList{QStringLiteral("99213"), QStringLiteral("20610"), QStringLiteral("96372"),
                                 QStringLiteral("85025")}));
    for (qsizetype i = 0; i < writes.size(); ++i)
        QCOMPARE(m_store->line(ids->at(i))->identifier, *writes.at(i).entry.clientIdentifier());
    QCOMPARE(m_store->audit().valueOr({}).size(), 4);
}

void TestOutboxStore::enqueueAllIsAllOrNothing()
{
    auto good = sampleEntry();
    auto noEncounter = sampleEntry();
    noEncounter.encounter = {};
    auto result = m_store->enqueueAll({{0, good}, {0, sampleEntry()}, {0, noEncounter}});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().path, QStringLiteral("line 3"));
    QVERIFY(m_store->lines().valueOr({}).isEmpty());

    // The same identifier twice in one batch.
    result = m_store->enqueueAll({{0, good}, {0, good}});
    QVERIFY(!result.ok());
    QCOMPARE(result.error().path, QStringLiteral("line 2"));
    QVERIFY(m_store->lines().valueOr({}).isEmpty());

    // A file that cannot be written keeps none of them.
    RawDb raw(dbPath());
    QVERIFY(raw.exec(
        QStringLiteral("CREATE TRIGGER refuse_third BEFORE INSERT ON lines WHEN "
                       "(SELECT COUNT(*) FROM lines) >= 2 BEGIN SELECT RAISE(ABORT, 'refused'); END")));
    result = m_store->enqueueAll({{0, sampleEntry()}, {0, sampleEntry()}, {0, sampleEntry()}});
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.startsWith(QStringLiteral("None of the 3 lines was saved")),
             qPrintable(result.error().message));
    QVERIFY(m_store->lines().valueOr({}).isEmpty());
    QVERIFY(m_store->audit().valueOr({}).isEmpty());
}

void TestOutboxStore::enqueueAllCorrectsRefusedLinesWithTheNewOnes()
{
    const auto original = sampleEntry();
    const qint64 refused = *m_store->enqueue(original);
    QCOMPARE(m_store->claim(refused).valueOr(false), true);
    AttemptRecord rejected;
    rejected.newState = LineState::NeedsCorrection;
    QVERIFY(m_store->recordAttempt(refused, rejected));
    auto corrected = sampleEntry();
    corrected.code.code = QStringLiteral("20611");
    const auto ids = m_store->enqueueAll({{0, sampleEntry()}, {refused, corrected}});
    QVERIFY2(ids.ok(), ids.ok() ? "" : qPrintable(ids.error().text()));
    QCOMPARE(ids->at(1), refused);
    const auto line = *m_store->line(refused);
    QCOMPARE(line.state, LineState::Pending);
    QCOMPARE(line.code, QStringLiteral("20611"));
    QCOMPARE(line.identifier, *original.clientIdentifier());
    QCOMPARE(m_store->lines().valueOr({}).size(), 2);

    // A sent line is not changed, and nothing else of the batch is kept.
    QCOMPARE(m_store->claim(refused).valueOr(false), true);
    AttemptRecord created;
    created.newState = LineState::Sent;
    QVERIFY(m_store->recordAttempt(refused, created));
    const auto again = m_store->enqueueAll({{0, sampleEntry()}, {refused, corrected}});
    QVERIFY(!again.ok());
    QVERIFY(again.error().message.contains(QStringLiteral("sent")));
    QCOMPARE(m_store->lines().valueOr({}).size(), 2);
}

void TestOutboxStore::dueLinesFollowNextAttempt()
{
    const auto first = *m_store->enqueue(sampleEntry());
    const auto second = *m_store->enqueue(sampleEntry());
    QCOMPARE(m_store->claim(first).valueOr(false), true);
    AttemptRecord later;
    later.nextAttemptAt = m_clock->nowUtc().addSecs(30);
    QVERIFY(m_store->recordAttempt(first, later));
    QCOMPARE(m_store->dueLines(m_clock->nowUtc(), 10), QList<qint64>{second});
    QCOMPARE(m_store->nextDue(), m_clock->nowUtc());
    QCOMPARE(m_store->claim(second).valueOr(false), true);
    QCOMPARE(m_store->nextDue(), m_clock->nowUtc().addSecs(30));
    m_clock->advance(30000);
    QCOMPARE(m_store->dueLines(m_clock->nowUtc(), 10), QList<qint64>{first});
}

void TestOutboxStore::signalsOnChange()
{
    QSignalSpy lineSpy(m_store.get(), &OutboxStore::lineChanged);
    QSignalSpy countsSpy(m_store.get(), &OutboxStore::countsChanged);
    const auto id = *m_store->enqueue(sampleEntry());
    QCOMPARE(lineSpy.size(), 1);
    QCOMPARE(lineSpy.first().first().toLongLong(), id);
    QTRY_COMPARE(countsSpy.size(), 1);
    QCOMPARE(countsSpy.last().first().value<QueueCounts>().pending, 1);
    QCOMPARE(m_store->claim(id).valueOr(false), true);
    QCOMPARE(m_store->claim(id).valueOr(true), false);
    QCOMPARE(lineSpy.size(), 2);
    QTRY_COMPARE(countsSpy.size(), 2);
    QCOMPARE(countsSpy.last().first().value<QueueCounts>().sending, 1);
    // Several changes in one turn of the event loop: one count.
    QVERIFY(m_store->enqueue(sampleEntry()));
    QVERIFY(m_store->enqueue(sampleEntry()));
    QCOMPARE(lineSpy.size(), 4);
    QTRY_COMPARE(countsSpy.size(), 3);
    QCOMPARE(countsSpy.last().first().value<QueueCounts>().pending, 2);
}

void TestOutboxStore::listingColumnsFollowTheEntry()
{
    auto entry = sampleEntry();
    const auto id = *m_store->enqueue(entry);
    const auto listed = m_store->lines();
    QVERIFY2(listed, qPrintable(whyFailed(listed)));
    QCOMPARE(listed->size(), 1);
    const OutboxLine line = listed->first();
    QCOMPARE(line.id, id);
    QCOMPARE(line.display,
             QStringLiteral("Arthrocentesis, aspiration and/or injection, major joint or bursa"));
    QCOMPARE(line.performedStart, entry.performedDateTime);
    QCOMPARE(line.performedStart.offsetFromUtc(), -5 * 3600); // shown in the clinic's own time
    QVERIFY(!line.performedEnd.isValid());
    QCOMPARE(line.diagnosisIds, QStringList{QStringLiteral("Condition-Problem-I-1332")});
    QVERIFY(line.entryJson.isEmpty()); // a listing reads no Procedure JSON

    // An anesthesia line, as corrected by a person: the columns follow.
    entry.code = {QStringLiteral("http://www.ama-assn.org/go/cpt"),
                  {},
                  QStringLiteral("00400"),
                  QStringLiteral("Anesthesia for procedures on the skin")};
    entry.performedPeriod.start = entry.performedDateTime;
    entry.performedPeriod.end = entry.performedDateTime.addSecs(45 * 60);
    entry.performedDateTime = {};
    entry.reasonReferences.append(Model::Reference::to(QStringLiteral("Condition"), QStringLiteral("c2")));
    QVERIFY(m_store->replaceEntry(id, entry));
    const OutboxLine corrected = m_store->lines()->first();
    QCOMPARE(corrected.display, QStringLiteral("Anesthesia for procedures on the skin"));
    QCOMPARE(corrected.performedStart, entry.performedPeriod.start);
    QCOMPARE(corrected.performedEnd, entry.performedPeriod.end);
    QCOMPARE(corrected.diagnosisIds,
             (QStringList{QStringLiteral("Condition-Problem-I-1332"), QStringLiteral("c2")}));
}

void TestOutboxStore::migratesOlderSchema()
{
    const auto id = *m_store->enqueue(sampleEntry());
    m_store.reset();
    {
        // What a version-1 file looks like: no cache tables, no listing columns.
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE cache_patients")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE cache_encounters")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE cache_conditions")));
        QVERIFY(raw.dropListingColumns());
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version=1")));
    }
    OutboxStore store;
    const Common::Status opened = store.open(dbPath());
    QVERIFY2(opened, qPrintable(whyFailed(opened)));
    QCOMPARE(store.schemaVersion(), OutboxStore::SchemaVersion);
    QVERIFY(store.line(id));
    QVERIFY(QSqlQuery(store.database().connection())
                .exec(QStringLiteral("SELECT COUNT(*) FROM cache_conditions")));
}

void TestOutboxStore::migrationFillsListingColumns()
{
    auto anesthesia = sampleEntry();
    anesthesia.performedPeriod.start = anesthesia.performedDateTime;
    anesthesia.performedPeriod.end = anesthesia.performedDateTime.addSecs(3600);
    anesthesia.performedDateTime = {};
    const auto first = *m_store->enqueue(sampleEntry());
    const auto second = *m_store->enqueue(anesthesia);
    m_store.reset();
    {
        // A version-2 file: lines kept only as JSON.
        RawDb raw(dbPath());
        QVERIFY(raw.dropListingColumns());
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version=2")));
    }
    OutboxStore store;
    const Common::Status opened = store.open(dbPath());
    QVERIFY2(opened, qPrintable(whyFailed(opened)));
    const auto lines = *store.lines();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).id, first);
    QCOMPARE(lines.at(0).display,
             QStringLiteral("Arthrocentesis, aspiration and/or injection, major joint or bursa"));
    QCOMPARE(lines.at(0).performedStart, sampleEntry().performedDateTime);
    QCOMPARE(lines.at(0).diagnosisIds, QStringList{QStringLiteral("Condition-Problem-I-1332")});
    QCOMPARE(lines.at(1).id, second);
    QCOMPARE(lines.at(1).performedStart, anesthesia.performedPeriod.start);
    QCOMPARE(lines.at(1).performedEnd, anesthesia.performedPeriod.end);
}

void TestOutboxStore::theStateRuleNeedsNoTemporaryTable()
{
    const auto queued = m_store->enqueue(sampleEntry());
    QVERIFY2(queued, qPrintable(whyFailed(queued)));
    m_store.reset();
    RawDb raw(dbPath());
    // SQLite's own steps for a new line and for a change of state: none builds a temporary table.
    for (const QString &statement :
         {QStringLiteral(
              "INSERT INTO lines (identifier_system, identifier, patient_id, encounter_id, entry_json, "
              "state, created_at, updated_at, next_attempt_at) VALUES ('s', 'i', 'p', 'e', '{}', "
              "'pending', 1, 1, 1)"),
          QStringLiteral("UPDATE lines SET state = 'sending' WHERE id = 1")}) {
        QSqlQuery explain(raw.db());
        QVERIFY2(explain.exec(QStringLiteral("EXPLAIN ") + statement),
                 qPrintable(explain.lastError().text()));
        QStringList steps;
        while (explain.next())
            steps << explain.value(1).toString();
        QVERIFY2(!steps.isEmpty(), qPrintable(statement));
        QVERIFY2(!steps.contains(QStringLiteral("OpenEphemeral")), qPrintable(statement));
    }
    // The rule still holds.
    QVERIFY(raw.exec(QStringLiteral("UPDATE lines SET state = 'sent' WHERE id = 1")));
    QVERIFY(!raw.exec(QStringLiteral("UPDATE lines SET state = 'lost' WHERE id = 1")));
    QCOMPARE(raw.value(QStringLiteral("SELECT state FROM lines WHERE id = 1")).toString(),
             QStringLiteral("sent"));
}

void TestOutboxStore::schema3FileKeepsEveryLineAndId()
{
    m_store.reset();
    QVERIFY(QFile::remove(dbPath()));
    auto sentEntry = sampleEntry();
    sentEntry.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
    auto pendingEntry = sampleEntry();
    pendingEntry.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
    const auto json = [](const Model::ProcedureEntry &entry) {
        return QString::fromUtf8(*Fhir::ProcedureWriter(Fhir::Dialect::EhrVendor).toBytes(entry, false))
            .replace(u'\'', QStringLiteral("''"));
    };
    {
        // A file as schema 3 wrote it: AUTOINCREMENT ids, an index of the audit by line. Line 8 was sent,
        // line 9 is pending; ids start at 7, as after lines queued in a file since replaced.
        RawDb raw(dbPath());
        const QStringList schema3 = {
            QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral(
                "CREATE TABLE lines (id INTEGER PRIMARY KEY AUTOINCREMENT, identifier_system TEXT NOT NULL, "
                "identifier TEXT NOT NULL UNIQUE, patient_id TEXT NOT NULL, encounter_id TEXT NOT NULL, code "
                "TEXT NOT NULL DEFAULT '', entry_json TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN "
                "('pending','sending','sent','needs-correction','discarded')), attempts INTEGER NOT NULL "
                "DEFAULT 0, outcome_unknown INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, "
                "updated_at INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL, sent_at INTEGER, last_result "
                "TEXT NOT NULL DEFAULT '', last_http_status INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT "
                "NULL DEFAULT '', findings_json TEXT NOT NULL DEFAULT '[]', ehr_id TEXT NOT NULL DEFAULT '', "
                "display TEXT NOT NULL DEFAULT '', performed_start TEXT NOT NULL DEFAULT '', performed_end "
                "TEXT NOT NULL DEFAULT '', diagnoses TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX lines_due ON lines (state, next_attempt_at)"),
            QStringLiteral(
                "CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, line_id INTEGER NOT "
                "NULL REFERENCES lines (id), at INTEGER NOT NULL, event TEXT NOT NULL, http_status "
                "INTEGER NOT NULL DEFAULT 0, result TEXT NOT NULL DEFAULT '', ehr_code TEXT NOT "
                "NULL DEFAULT '', ehr_id TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX audit_line ON audit (line_id)"),
            QStringLiteral("CREATE INDEX lines_encounter ON lines (encounter_id, state)"),
            QStringLiteral(
                "INSERT INTO lines (id, identifier_system, identifier, patient_id, encounter_id, code, "
                "entry_json, state, attempts, created_at, updated_at, next_attempt_at, sent_at, last_result, "
                "last_http_status, ehr_id, display, performed_start, diagnoses) VALUES (8, "
                "'urn:ietf:rfc:3986', '%1', 'Patient-1', 'Encounter-805', '20610', '%2', 'sent', 1, 1, 2, 2, "
                "2, 'created', 201, 'Procedure-77', 'Arthrocentesis', '2026-03-14T09:30:00Z', "
                "'Condition-Problem-I-1332')")
                .arg(sentEntry.clientIdentifier()->value, json(sentEntry)),
            QStringLiteral("INSERT INTO lines (id, identifier_system, identifier, patient_id, encounter_id, "
                           "code, entry_json, state, created_at, updated_at, next_attempt_at) VALUES (9, "
                           "'urn:ietf:rfc:3986', '%1', 'Patient-1', 'Encounter-805', '20610', '%2', "
                           "'pending', 3, 3, 3)")
                .arg(pendingEntry.clientIdentifier()->value, json(pendingEntry)),
            QStringLiteral("INSERT INTO audit (id, line_id, at, event) VALUES (7, 8, 1, 'queued')"),
            QStringLiteral("INSERT INTO audit (id, line_id, at, event, http_status, result, ehr_id) VALUES "
                           "(8, 8, 2, 'sent', 201, 'created', 'Procedure-77')"),
            QStringLiteral("INSERT INTO audit (id, line_id, at, event) VALUES (9, 9, 3, 'queued')"),
            QStringLiteral("PRAGMA user_version=3")};
        for (const QString &statement : schema3)
            QVERIFY2(raw.exec(statement), qPrintable(statement));
        for (const QString &statement : OfflineCache::migration().statements)
            QVERIFY2(raw.exec(statement), qPrintable(statement));
        QCOMPARE(raw.value(QStringLiteral("SELECT seq FROM sqlite_sequence WHERE name = 'lines'")).toInt(),
                 9);
    }
    OutboxStore store;
    store.setClock(m_clock.get());
    const Common::Status opened = store.open(dbPath());
    QVERIFY2(opened, qPrintable(whyFailed(opened)));
    QCOMPARE(store.schemaVersion(), OutboxStore::SchemaVersion);

    const auto lines = store.lines();
    QVERIFY2(lines, qPrintable(whyFailed(lines)));
    QCOMPARE(lines->size(), 2);
    QCOMPARE(lines->at(0).id, 8);
    QCOMPARE(lines->at(0).state, LineState::Sent);
    QCOMPARE(lines->at(0).ehrId, QStringLiteral("Procedure-77"));
    QCOMPARE(lines->at(0).identifier, *sentEntry.clientIdentifier());
    QCOMPARE(lines->at(0).diagnosisIds, QStringList{QStringLiteral("Condition-Problem-I-1332")});
    QCOMPARE(lines->at(1).id, 9);
    QCOMPARE(lines->at(1).state, LineState::Pending);
    QCOMPARE(store.line(9)->entryJson, json(pendingEntry).toUtf8());
    const auto audit = store.audit();
    QVERIFY2(audit, qPrintable(whyFailed(audit)));
    QCOMPARE(audit->size(), 3);
    QCOMPARE(audit->at(1).id, 8);
    QCOMPARE(audit->at(1).lineId, 8);
    QCOMPARE(audit->at(1).event, QStringLiteral("sent"));
    QCOMPARE(audit->at(1).ehrId, QStringLiteral("Procedure-77"));
    QCOMPARE(store.audit(9)->size(), 1);

    // Still exactly once: a line already there is refused, the pending one is sent, new ids follow on.
    const auto again = store.enqueue(sentEntry);
    QVERIFY(!again);
    QCOMPARE(again.error().code, QStringLiteral("already-queued"));
    QCOMPARE(store.claimDue(m_clock->nowUtc(), 10)->size(), 1);
    const auto next = store.enqueue(sampleEntry());
    QVERIFY2(next, qPrintable(whyFailed(next)));
    QCOMPARE(*next, 10);
    AttemptRecord sent;
    sent.newState = LineState::Sent;
    sent.httpStatus = 201;
    QVERIFY(store.recordAttempt(9, sent));
    QCOMPARE(store.audit(9)->last().id, 10);
    // The lines queued before the upgrade keep their own "queued" row, once; a new line's is read from it.
    const auto events = [&store](qint64 id) {
        QStringList events;
        for (const AuditEntry &entry : store.audit(id).valueOr({}))
            events << entry.event;
        return events;
    };
    QCOMPARE(events(9), (QStringList{QStringLiteral("queued"), QStringLiteral("attempt")}));
    QCOMPARE(events(*next), QStringList{QStringLiteral("queued")});
    QCOMPARE(store.audit()->size(), 5);

    RawDb raw(dbPath());
    QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE sql LIKE '%AUTOINCREMENT%'"))
                 .toInt(),
             0);
    QCOMPARE(raw.value(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE '%_old'")).toInt(),
             0);
    // Ids are never given twice because no line or audit row is ever deleted.
    QVERIFY(!raw.exec(QStringLiteral("DELETE FROM lines WHERE id = 10")));
    QVERIFY(!raw.exec(QStringLiteral("DELETE FROM audit WHERE id = 10")));
    QCOMPARE(store.lines()->size(), 3);
}

void TestOutboxStore::encounterListingReadsOnlyItsRows()
{
    // 50,000 lines sent in other encounters, as a practice's outbox holds after a year or two. Their
    // Procedure JSON is unreadable on purpose: listing an encounter must not need it.
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("BEGIN")));
        QVERIFY(raw.exec(QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) "
            "INSERT INTO lines (identifier_system, identifier, patient_id, encounter_id, code, entry_json, "
            "state, "
            "created_at, updated_at, next_attempt_at, sent_at, display, performed_start) "
            "SELECT 'urn:ietf:rfc:3986', 'urn:uuid:history-' || i, 'Patient-1', 'Encounter-old-' || (i % "
            "5000), "
            "'99213', 'not json', 'sent', 0, 0, 0, 0, 'Office visit', '2025-01-02T09:00:00-06:00' FROM n")));
        QVERIFY(raw.exec(QStringLiteral("COMMIT")));
    }
    const auto first = *m_store->enqueue(sampleEntry());
    const auto second = *m_store->enqueue(sampleEntry());
    QVERIFY(m_store->discard(second, {}));
    const auto third = *m_store->enqueue(sampleEntry());

    const LineFilter shown{
        QStringLiteral("Encounter-805"),
        {LineState::Pending, LineState::Sending, LineState::Sent, LineState::NeedsCorrection}};
    const auto lines = m_store->lines(shown);
    QVERIFY2(lines, qPrintable(whyFailed(lines)));
    QCOMPARE(lines->size(), 2);
    QCOMPARE(lines->at(0).id, first);
    QCOMPARE(lines->at(1).id, third);
    QCOMPARE(lines->at(1).display,
             QStringLiteral("Arthrocentesis, aspiration and/or injection, major joint or bursa"));

    // Found through the encounter's index, not by reading the history.
    const auto plan = m_store->linesQueryPlan(shown);
    QVERIFY2(plan, qPrintable(whyFailed(plan)));
    const QString steps = plan->join(QStringLiteral(" | "));
    QVERIFY2(steps.contains(QStringLiteral("USING INDEX lines_encounter (encounter_id=? AND state=?)")),
             qPrintable(steps));
    QVERIFY2(!steps.contains(QStringLiteral("SCAN lines")), qPrintable(steps));
    // The queue's view (open lines of every encounter) goes by state, not through the history either.
    const auto open =
        m_store->linesQueryPlan({{}, {LineState::Pending, LineState::Sending, LineState::NeedsCorrection}});
    QVERIFY2(open && !open->join(u' ').contains(QStringLiteral("SCAN lines")), qPrintable(open->join(u' ')));
    QCOMPARE(m_store->lines({{}, {LineState::Pending}})->size(), 2);
}

void TestOutboxStore::failedMigrationRollsBack()
{
    m_store.reset();
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE cache_patients")));
        QVERIFY(raw.exec(QStringLiteral("DROP INDEX cache_encounters_patient")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE cache_encounters")));
        QVERIFY(raw.dropListingColumns());
        // Left in the way: the migration's CREATE TABLE cache_conditions fails after two statements
        // succeeded.
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version=1")));
    }
    OutboxStore store;
    const Common::Status opened = store.open(dbPath());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(QStringLiteral("schema 2")), qPrintable(whyFailed(opened)));
    RawDb raw(dbPath());
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    QCOMPARE(
        raw.value(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'cache_patients'")).toInt(),
        0);
    QCOMPARE(
        raw.value(QStringLiteral("SELECT COUNT(*) FROM pragma_table_info('lines') WHERE name = 'display'"))
            .toInt(),
        0);
}

void TestOutboxStore::refusesNewerSchema()
{
    m_store.reset();
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version=99")));
    }
    OutboxStore store;
    const Common::Status opened = store.open(dbPath());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(QStringLiteral("newer")), qPrintable(whyFailed(opened)));
    QVERIFY(!store.isOpen());
}

void TestOutboxStore::fullDiskSaysSoAndKeepsLines()
{
    const auto first = m_store->enqueue(sampleEntry());
    QVERIFY2(first, qPrintable(whyFailed(first)));
    // SQLite answers SQLITE_FULL, as on a full disk, once the file may not grow.
    QSqlQuery pragma(m_store->database().connection());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA page_count")) && pragma.next());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pragma.value(0).toInt())));
    std::optional<Common::Error> refused;
    for (int i = 0; i < 50 && !refused; ++i) {
        auto entry = sampleEntry();
        entry.code.display = QString(2000, u'x'); // fills pages quickly
        if (const auto queued = m_store->enqueue(entry); !queued)
            refused = queued.error();
    }
    QVERIFY(refused);
    QCOMPARE(refused->code, QStringLiteral("disk-full"));
    QVERIFY2(refused->message.contains(QStringLiteral("the disk holding %1 is full").arg(dbPath())),
             qPrintable(refused->message));
    QVERIFY2(refused->message.contains(QStringLiteral("not saved")), qPrintable(refused->message));
    QVERIFY(m_store->line(*first)); // what was queued stays
    QCOMPARE(m_store->line(*first)->state, LineState::Pending);
}

void TestOutboxStore::damagedFileIsLeftAlone()
{
    m_store.reset();
    const QByteArray garbage(8192, '\x5a');
    {
        QFile file(dbPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(garbage);
    }
    OutboxStore store;
    const Common::Status opened = store.open(dbPath());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(QStringLiteral("not an outbox")), qPrintable(whyFailed(opened)));
    QVERIFY2(opened.error().message.contains(dbPath()), qPrintable(whyFailed(opened)));
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage); // never overwritten: it may be a copy someone needs
}

void TestOutboxStore::damagedLinesAreAnErrorNotAnEmptyList()
{
    for (int i = 0; i < 4; ++i)
        QVERIFY(m_store->enqueue(sampleEntry()));
    m_store.reset();
    damageTable(dbPath(), QStringLiteral("lines"));

    OutboxStore store;
    QVERIFY(store.open(dbPath()));
    const auto lines = store.lines();
    QVERIFY(!lines);
    QCOMPARE(lines.error().code, QStringLiteral("damaged"));
    QVERIFY2(lines.error().message.contains(dbPath()), qPrintable(whyFailed(lines)));
    QVERIFY(!store.line(1));
    QCOMPARE(store.line(1).error().code, QStringLiteral("damaged")); // not "no such line"
}

void TestOutboxStore::personActionOnUnwritableFileSaysWhy()
{
    const auto id = m_store->enqueue(sampleEntry());
    QVERIFY(id);
    QVERIFY(QSqlQuery(m_store->database().connection()).exec(QStringLiteral("PRAGMA query_only=1")));
    for (const Common::Status &refused :
         {m_store->discard(*id, QStringLiteral("duplicate")), m_store->retry(*id)}) {
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, QStringLiteral("read-only")); // not "being sent"
        // The side files too: a connection opened while the file was read-only leaves them read-only.
        for (const QString &file : {dbPath(), QString(dbPath() + QStringLiteral("-wal")),
                                    QString(dbPath() + QStringLiteral("-shm"))})
            QVERIFY2(refused.error().message.contains(file), qPrintable(refused.error().message));
    }
    QCOMPARE(m_store->line(*id)->state, LineState::Pending);
}

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "tst_outboxstore.moc"
