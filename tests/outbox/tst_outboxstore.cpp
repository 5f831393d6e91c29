#include <memory>

#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "../common/sampleentry.h"
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
    void enqueueIsDurableAcrossReopen();
    void enqueueRefusesIncompleteLines_data();
    void enqueueRefusesIncompleteLines();
    void enqueueRefusesSameIdentifierTwice();
    void claimSucceedsOnceAcrossConnections();
    void recordAttemptMovesStateAndAudits();
    void recordAttemptRequiresSendingLine();
    void sendingLineIsRecoveredAfterCrash();
    void discardKeepsLineForAudit();
    void discardRefusesSentLine();
    void retryMakesNeedsCorrectionPendingNow();
    void replaceEntryKeepsIdentifier();
    void dueLinesFollowNextAttempt();
    void signalsOnChange();
    void migratesOlderSchema();
    void failedMigrationRollsBack();
    void refusesNewerSchema();
    void fullDiskSaysSoAndKeepsLines();
    void damagedFileIsLeftAlone();
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
    QString error;
    QVERIFY2(m_store->open(dbPath(), &error), qPrintable(error));
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
    QString error;
    QVERIFY(m_store->enqueue(sampleEntry(), &error));
    const auto allowed =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QFileInfo info(dbPath() + suffix);
        QVERIFY2(info.exists(), qPrintable(info.filePath()));
        QCOMPARE(info.permissions() & ~allowed, QFileDevice::Permissions());
    }
}

void TestOutboxStore::enqueueIsDurableAcrossReopen()
{
    const auto entry = sampleEntry();
    QString error;
    const auto id = m_store->enqueue(entry, &error);
    QVERIFY2(id, qPrintable(error));
    m_store.reset();

    OutboxStore reopened;
    QVERIFY2(reopened.open(dbPath(), &error), qPrintable(error));
    const auto line = reopened.line(*id);
    QVERIFY(line);
    QCOMPARE(line->state, LineState::Pending);
    QCOMPARE(line->identifier, *entry.clientIdentifier());
    QCOMPARE(line->patientId, QStringLiteral("Patient-265"));
    QCOMPARE(line->encounterId, QStringLiteral("Encounter-805"));
    QCOMPARE(line->code, QStringLiteral("20610"));
    QCOMPARE(line->entry(), entry);
    QCOMPARE(reopened.audit(*id).size(), 1);
    QCOMPARE(reopened.audit(*id).first().event, QStringLiteral("queued"));
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
    QString error;
    QVERIFY(!m_store->enqueue(entry, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(m_store->counts().total(), 0);
}

void TestOutboxStore::enqueueRefusesSameIdentifierTwice()
{
    const auto entry = sampleEntry();
    QString error;
    QVERIFY(m_store->enqueue(entry, &error));
    QVERIFY(!m_store->enqueue(entry, &error));
    QVERIFY2(error.contains(QStringLiteral("already in the outbox")), qPrintable(error));
    QCOMPARE(m_store->counts().pending, 1);
}

void TestOutboxStore::claimSucceedsOnceAcrossConnections()
{
    QString error;
    const auto id = m_store->enqueue(sampleEntry(), &error);
    OutboxStore other;
    QVERIFY2(other.open(dbPath(), &error), qPrintable(error));
    QVERIFY(other.claim(*id));
    QCOMPARE(other.synchronousMode(), 2); // back to FULL for everything else
    QVERIFY(!m_store->claim(*id));
    QCOMPARE(m_store->line(*id)->state, LineState::Sending);
}

void TestOutboxStore::recordAttemptMovesStateAndAudits()
{
    QString error;
    const auto id = *m_store->enqueue(sampleEntry(), &error);

    QVERIFY(m_store->claim(id));
    AttemptRecord retryable;
    retryable.newState = LineState::Pending;
    retryable.outcomeUnknown = true;
    retryable.nextAttemptAt = m_clock->nowUtc().addSecs(2);
    retryable.httpStatus = 0;
    retryable.result = QStringLiteral("retryable");
    retryable.error = QStringLiteral("connection closed");
    QVERIFY(m_store->recordAttempt(id, retryable, &error));
    auto line = *m_store->line(id);
    QCOMPARE(line.state, LineState::Pending);
    QCOMPARE(line.attempts, 1);
    QVERIFY(line.outcomeUnknown);
    QCOMPARE(line.nextAttemptAt, m_clock->nowUtc().addSecs(2));

    QVERIFY(m_store->claim(id));
    AttemptRecord created;
    created.newState = LineState::Sent;
    created.httpStatus = 201;
    created.result = QStringLiteral("created");
    created.ehrId = QStringLiteral("proc-1");
    QVERIFY(m_store->recordAttempt(id, created, &error));
    line = *m_store->line(id);
    QCOMPARE(line.state, LineState::Sent);
    QCOMPARE(line.attempts, 2);
    QVERIFY(!line.outcomeUnknown);
    QCOMPARE(line.ehrId, QStringLiteral("proc-1"));
    QCOMPARE(line.sentAt, m_clock->nowUtc());

    const auto audit = m_store->audit(id);
    QCOMPARE(audit.size(), 3);
    QCOMPARE(audit.at(1).event, QStringLiteral("attempt"));
    QCOMPARE(audit.at(1).detail, QStringLiteral("connection closed"));
    QCOMPARE(audit.at(2).httpStatus, 201);
    QCOMPARE(audit.at(2).ehrId, QStringLiteral("proc-1"));
}

void TestOutboxStore::recordAttemptRequiresSendingLine()
{
    QString error;
    const auto id = *m_store->enqueue(sampleEntry(), &error);
    AttemptRecord created;
    created.newState = LineState::Sent;
    QVERIFY(!m_store->recordAttempt(id, created, &error));
    QCOMPARE(m_store->line(id)->state, LineState::Pending);
    QCOMPARE(m_store->audit(id).size(), 1);
}

void TestOutboxStore::sendingLineIsRecoveredAfterCrash()
{
    QString error;
    const auto entry = sampleEntry();
    const auto id = *m_store->enqueue(entry, &error);
    QVERIFY(m_store->claim(id));
    // The process dies here: the line stays `sending` in the file.
    m_store.reset();

    OutboxStore restarted;
    restarted.setClock(m_clock.get());
    QVERIFY2(restarted.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(restarted.line(id)->state, LineState::Sending);
    QCOMPARE(restarted.recoverInterrupted(), 1);
    const auto line = *restarted.line(id);
    QCOMPARE(line.state, LineState::Pending);
    QVERIFY(line.outcomeUnknown);
    QCOMPARE(line.identifier, *entry.clientIdentifier());
    QCOMPARE(line.attempts, 0);
    QCOMPARE(restarted.dueLines(m_clock->nowUtc(), 10), QList<qint64>{id});
    QCOMPARE(restarted.audit(id).last().event, QStringLiteral("recovered"));
    QCOMPARE(restarted.recoverInterrupted(), 0);
}

void TestOutboxStore::discardKeepsLineForAudit()
{
    QString error;
    const auto id = *m_store->enqueue(sampleEntry(), &error);
    QVERIFY2(m_store->discard(id, QStringLiteral("entered twice"), &error), qPrintable(error));
    QCOMPARE(m_store->line(id)->state, LineState::Discarded);
    QCOMPARE(m_store->lines(LineState::Discarded).size(), 1);
    QCOMPARE(m_store->counts().discarded, 1);
    QVERIFY(m_store->dueLines(m_clock->nowUtc().addYears(1), 10).isEmpty());
    const auto audit = m_store->audit(id);
    QCOMPARE(audit.last().event, QStringLiteral("discarded"));
    QCOMPARE(audit.last().detail, QStringLiteral("entered twice"));
    QVERIFY(!m_store->claim(id));
}

void TestOutboxStore::discardRefusesSentLine()
{
    QString error;
    const auto id = *m_store->enqueue(sampleEntry(), &error);
    QVERIFY(m_store->claim(id));
    QVERIFY(!m_store->discard(id, {}, &error)); // being sent
    AttemptRecord created;
    created.newState = LineState::Sent;
    QVERIFY(m_store->recordAttempt(id, created));
    QVERIFY(!m_store->discard(id, {}, &error));
    QVERIFY(error.contains(QStringLiteral("sent")));
    QCOMPARE(m_store->line(id)->state, LineState::Sent);
}

void TestOutboxStore::retryMakesNeedsCorrectionPendingNow()
{
    QString error;
    const auto id = *m_store->enqueue(sampleEntry(), &error);
    QVERIFY(m_store->claim(id));
    AttemptRecord rejected;
    rejected.newState = LineState::NeedsCorrection;
    rejected.httpStatus = 422;
    rejected.ehrCode = QStringLiteral("500009");
    rejected.findings = {{QStringLiteral("500009"), Model::Severity::Error,
                          QStringLiteral("Procedure.encounter"), QStringLiteral("signed off")}};
    QVERIFY(m_store->recordAttempt(id, rejected));
    QCOMPARE(m_store->line(id)->findings, rejected.findings);
    QVERIFY(m_store->dueLines(m_clock->nowUtc(), 10).isEmpty());

    m_clock->advance(60000);
    QVERIFY2(m_store->retry(id, &error), qPrintable(error));
    QCOMPARE(m_store->line(id)->state, LineState::Pending);
    QCOMPARE(m_store->dueLines(m_clock->nowUtc(), 10), QList<qint64>{id});
    QVERIFY(!m_store->retry(999, &error));
}

void TestOutboxStore::replaceEntryKeepsIdentifier()
{
    QString error;
    const auto original = sampleEntry();
    const auto id = *m_store->enqueue(original, &error);
    auto corrected = sampleEntry(); // a different identifier of its own
    corrected.code.code = QStringLiteral("20611");
    QVERIFY2(m_store->replaceEntry(id, corrected, &error), qPrintable(error));
    const auto line = *m_store->line(id);
    QCOMPARE(line.code, QStringLiteral("20611"));
    QCOMPARE(line.identifier, *original.clientIdentifier());
    QCOMPARE(line.entry()->clientIdentifier(), original.clientIdentifier());
}

void TestOutboxStore::dueLinesFollowNextAttempt()
{
    QString error;
    const auto first = *m_store->enqueue(sampleEntry(), &error);
    const auto second = *m_store->enqueue(sampleEntry(), &error);
    QVERIFY(m_store->claim(first));
    AttemptRecord later;
    later.nextAttemptAt = m_clock->nowUtc().addSecs(30);
    QVERIFY(m_store->recordAttempt(first, later));
    QCOMPARE(m_store->dueLines(m_clock->nowUtc(), 10), QList<qint64>{second});
    QCOMPARE(m_store->nextDue(), m_clock->nowUtc());
    QVERIFY(m_store->claim(second));
    QCOMPARE(m_store->nextDue(), m_clock->nowUtc().addSecs(30));
    m_clock->advance(30000);
    QCOMPARE(m_store->dueLines(m_clock->nowUtc(), 10), QList<qint64>{first});
}

void TestOutboxStore::signalsOnChange()
{
    QSignalSpy lineSpy(m_store.get(), &OutboxStore::lineChanged);
    QSignalSpy countsSpy(m_store.get(), &OutboxStore::countsChanged);
    QString error;
    const auto id = *m_store->enqueue(sampleEntry(), &error);
    QCOMPARE(lineSpy.size(), 1);
    QCOMPARE(lineSpy.first().first().toLongLong(), id);
    QTRY_COMPARE(countsSpy.size(), 1);
    QCOMPARE(countsSpy.last().first().value<QueueCounts>().pending, 1);
    QVERIFY(m_store->claim(id));
    QVERIFY(m_store->claim(id) == false);
    QCOMPARE(lineSpy.size(), 2);
    QTRY_COMPARE(countsSpy.size(), 2);
    QCOMPARE(countsSpy.last().first().value<QueueCounts>().sending, 1);
    // Several changes in one turn of the event loop: one count.
    QVERIFY(m_store->enqueue(sampleEntry(), &error));
    QVERIFY(m_store->enqueue(sampleEntry(), &error));
    QCOMPARE(lineSpy.size(), 4);
    QTRY_COMPARE(countsSpy.size(), 3);
    QCOMPARE(countsSpy.last().first().value<QueueCounts>().pending, 2);
}

void TestOutboxStore::migratesOlderSchema()
{
    QString error;
    const auto id = *m_store->enqueue(sampleEntry(), &error);
    m_store.reset();
    {
        // What a version-1 file looks like: no cache tables.
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE cache_patients")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE cache_encounters")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE cache_conditions")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version=1")));
    }
    OutboxStore store;
    QVERIFY2(store.open(dbPath(), &error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), 2);
    QVERIFY(store.line(id));
    QSqlQuery query(store.database());
    QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM cache_conditions")));
}

void TestOutboxStore::failedMigrationRollsBack()
{
    m_store.reset();
    {
        RawDb raw(dbPath());
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE cache_patients")));
        QVERIFY(raw.exec(QStringLiteral("DROP INDEX cache_encounters_patient")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE cache_encounters")));
        // Left in the way: the migration's CREATE TABLE cache_conditions fails after two statements
        // succeeded.
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version=1")));
    }
    OutboxStore store;
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY2(error.contains(QStringLiteral("schema 2")), qPrintable(error));
    RawDb raw(dbPath());
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    QCOMPARE(
        raw.value(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'cache_patients'")).toInt(),
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
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    QVERIFY(!store.isOpen());
}

void TestOutboxStore::fullDiskSaysSoAndKeepsLines()
{
    QString error;
    const auto first = m_store->enqueue(sampleEntry(), &error);
    QVERIFY2(first, qPrintable(error));
    // SQLite answers "database or disk is full" once the file may not grow.
    QSqlQuery pragma(m_store->database());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA page_count")) && pragma.next());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pragma.value(0).toInt())));
    int refused = 0;
    for (int i = 0; i < 50 && refused == 0; ++i) {
        auto entry = sampleEntry();
        entry.code.display = QString(2000, u'x'); // fills pages quickly
        if (!m_store->enqueue(entry, &error))
            ++refused;
    }
    QCOMPARE(refused, 1);
    QVERIFY2(error.contains(QStringLiteral("disk is full")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("not saved")), qPrintable(error));
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
    QString error;
    QVERIFY(!store.open(dbPath(), &error));
    QVERIFY2(error.contains(QStringLiteral("not an outbox")), qPrintable(error));
    QVERIFY2(error.contains(dbPath()), qPrintable(error));
    QFile file(dbPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage); // never overwritten: it may be a copy someone needs
}

void TestOutboxStore::personActionOnUnwritableFileSaysWhy()
{
    QString error;
    const auto id = m_store->enqueue(sampleEntry(), &error);
    QVERIFY(id);
    QVERIFY(QSqlQuery(m_store->database()).exec(QStringLiteral("PRAGMA query_only=1")));
    QVERIFY(!m_store->discard(*id, QStringLiteral("duplicate"), &error));
    QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error)); // not "being sent"
    QVERIFY(!m_store->retry(*id, &error));
    QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));
    QCOMPARE(m_store->line(*id)->state, LineState::Pending);
}

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "tst_outboxstore.moc"
