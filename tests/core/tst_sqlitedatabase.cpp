#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "../common/resultcheck.h"
#include "common/sqlitedatabase.h"

using Common::SqliteDatabase;
using Common::SqliteMigration;

namespace {

constexpr auto OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
// QFile reports the owner's bits twice, as the owner's and as the current user's.
constexpr auto UserBits = QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;

QFileDevice::Permissions modeOf(const QString &path)
{
    return QFileInfo(path).permissions() & ~UserBits;
}

SqliteMigration notes()
{
    return {
        .statements = {QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")}};
}

/// Sets the process's umask for the scope of a test.
class Umask
{
public:
    explicit Umask(mode_t mask)
        : m_previous(::umask(mask))
    {
    }
    ~Umask() { ::umask(m_previous); }

private:
    mode_t m_previous;
};

} // namespace

class TestSqliteDatabase : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newFileAndFolderAreOwnerOnly();
    void opensInWalAtTheDurabilityAsked_data();
    void opensInWalAtTheDurabilityAsked();
    void inMemoryNeedsNoFile();
    void pageSizeIsChosenForNewFilesOnly();
    void migrationsRunInOrderOnce();
    void failedMigrationLeavesTheFileAsItWas();
    void newerSchemaIsRefused();
    void transactionRollsBackUnlessCommitted();
    void namedPlaceholdersMayRepeat();
    void nullTextIsBoundAsEmpty();
    void statementIsKeptForTheSameSql();
    void sameSqlWhileItsRowsAreReadGetsItsOwnStatement();
    void queryReadInPartDoesNotHoldAnOldSnapshot();
    void failedStatementIsPreparedAgain();
    void fullDiskNamesTheFile();
    void readOnlyNamesTheFileAndItsSideFiles();
    void sideFilesFollowTheFileAgain();
    void damagedFileSaysSo();
    void missingFolderIsAnErrorWhenNotToBeCreated();

private:
    QString path(const QString &name = QStringLiteral("data.sqlite")) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSqliteDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSqliteDatabase::cleanup()
{
    m_dir.reset();
}

void TestSqliteDatabase::newFileAndFolderAreOwnerOnly()
{
    // With a umask that hides nothing, SQLite would make the file and its side files readable by all.
    const Umask permissive(0);
    const QString file = path(QStringLiteral("new/folder/data.sqlite"));
    SqliteDatabase db(QStringLiteral("test"));
    const Common::Status opened = db.open(file, {.migrations = {notes()}});
    QVERIFY2(opened, qPrintable(whyFailed(opened)));
    QVERIFY(db.run(QStringLiteral("INSERT INTO notes (text) VALUES ('x')")));
    for (const QString &created : {path(QStringLiteral("new")), path(QStringLiteral("new/folder"))})
        QCOMPARE(modeOf(created), OwnerOnly | QFileDevice::ExeOwner);
    for (const QString &created : db.files()) {
        QVERIFY2(QFileInfo::exists(created), qPrintable(created));
        QCOMPARE(modeOf(created), OwnerOnly);
    }
}

void TestSqliteDatabase::opensInWalAtTheDurabilityAsked_data()
{
    QTest::addColumn<SqliteDatabase::Durability>("durability");
    QTest::addColumn<int>("synchronous");
    QTest::newRow("full") << SqliteDatabase::Durability::Full << 2;
    QTest::newRow("normal") << SqliteDatabase::Durability::Normal << 1;
}

void TestSqliteDatabase::opensInWalAtTheDurabilityAsked()
{
    QFETCH(SqliteDatabase::Durability, durability);
    QFETCH(int, synchronous);
    SqliteDatabase db(QStringLiteral("test"));
    QVERIFY(db.open(path(), {.migrations = {notes()}, .durability = durability}));
    QCOMPARE(db.journalMode(), QStringLiteral("wal"));
    QCOMPARE(db.synchronousMode(), synchronous);
    QCOMPARE(db.schemaVersion(), 1);
}

void TestSqliteDatabase::inMemoryNeedsNoFile()
{
    SqliteDatabase db(QStringLiteral("test"));
    QVERIFY(db.open({}, {.migrations = {notes()}}));
    QCOMPARE(db.path(), SqliteDatabase::InMemory);
    QCOMPARE(db.journalMode(), QStringLiteral("memory"));
    QVERIFY(db.files().isEmpty());
    QVERIFY(db.run(QStringLiteral("INSERT INTO notes (text) VALUES ('x')")));
    QVERIFY(QDir(m_dir->path()).isEmpty());
}

void TestSqliteDatabase::pageSizeIsChosenForNewFilesOnly()
{
    const auto pageSize = [](const SqliteDatabase &db) {
        auto query = db.run(QStringLiteral("PRAGMA page_size"));
        return query && query->next() ? query->value(0).toInt() : -1;
    };
    const QString created = path(QStringLiteral("created.sqlite"));
    {
        SqliteDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(created, {.migrations = {notes()}, .newFilePageSize = 2048}));
        QCOMPARE(pageSize(db), 2048);
        QVERIFY(db.run(QStringLiteral("INSERT INTO notes (text) VALUES ('kept')")));
    }
    {
        // A file made with SQLite's own page size keeps it, and its rows, when opened with another.
        SqliteDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(path(), {.migrations = {notes()}}));
        QCOMPARE(pageSize(db), 4096);
        QVERIFY(db.run(QStringLiteral("INSERT INTO notes (text) VALUES ('kept')")));
    }
    for (const QString &file : {created, path()}) {
        SqliteDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(file, {.migrations = {notes()}, .newFilePageSize = 1024}));
        QCOMPARE(pageSize(db), file == created ? 2048 : 4096);
        auto kept = db.run(QStringLiteral("SELECT text FROM notes"));
        QVERIFY(kept && kept->next());
        QCOMPARE(kept->value(0).toString(), QStringLiteral("kept"));
    }
}

void TestSqliteDatabase::migrationsRunInOrderOnce()
{
    {
        SqliteDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(path(), {.migrations = {notes()}}));
        QVERIFY(db.run(QStringLiteral("INSERT INTO notes (text) VALUES ('kept')")));
    }
    int filled = 0;
    const SqliteMigration addLength{
        .statements = {QStringLiteral("ALTER TABLE notes ADD COLUMN length INTEGER NOT NULL DEFAULT 0")},
        .fill = [&filled](const SqliteDatabase &db) -> Common::Status {
            ++filled;
            auto updated = db.run(QStringLiteral("UPDATE notes SET length = length(text)"));
            if (!updated)
                return updated.error();
            return {};
        }};
    for (int round = 0; round < 2; ++round) {
        SqliteDatabase db(QStringLiteral("test"));
        const Common::Status opened = db.open(path(), {.migrations = {notes(), addLength}});
        QVERIFY2(opened, qPrintable(whyFailed(opened)));
        QCOMPARE(db.schemaVersion(), 2);
        auto length = db.run(QStringLiteral("SELECT length FROM notes WHERE text = 'kept'"));
        QVERIFY(length && length->next());
        QCOMPARE(length->value(0).toInt(), 4);
    }
    QCOMPARE(filled, 1); // the second open found the file up to date
}

void TestSqliteDatabase::failedMigrationLeavesTheFileAsItWas()
{
    {
        SqliteDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(path(), {.migrations = {notes()}}));
    }
    const SqliteMigration broken{.statements = {QStringLiteral("CREATE TABLE tags (name TEXT)"),
                                                QStringLiteral("CREATE TABLE notes (again TEXT)")}};
    SqliteDatabase db(QStringLiteral("test"));
    const Common::Status opened = db.open(path(), {.migrations = {notes(), broken}});
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(QStringLiteral("schema 2")), qPrintable(whyFailed(opened)));
    QVERIFY2(opened.error().message.contains(QStringLiteral("nothing was changed")),
             qPrintable(whyFailed(opened)));
    QVERIFY(!db.isOpen());

    SqliteDatabase after(QStringLiteral("test"));
    QVERIFY(after.open(path(), {.migrations = {notes()}}));
    QCOMPARE(after.schemaVersion(), 1);
    auto tags = after.run(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'tags'"));
    QVERIFY(tags && tags->next());
    QCOMPARE(tags->value(0).toInt(), 0); // the first statement was rolled back too
}

void TestSqliteDatabase::newerSchemaIsRefused()
{
    {
        SqliteDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(path(), {.migrations = {notes()}}));
        QVERIFY(db.run(QStringLiteral("PRAGMA user_version=7")));
    }
    SqliteDatabase db(QStringLiteral("test"));
    const Common::Status opened = db.open(path(), {.migrations = {notes()}});
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, QStringLiteral("newer-schema"));
    QVERIFY2(opened.error().message.contains(QStringLiteral("schema 7")), qPrintable(whyFailed(opened)));
}

void TestSqliteDatabase::transactionRollsBackUnlessCommitted()
{
    SqliteDatabase db(QStringLiteral("test"));
    QVERIFY(db.open(path(), {.migrations = {notes()}}));
    const auto count = [&db] {
        auto query = db.run(QStringLiteral("SELECT COUNT(*) FROM notes"));
        return query && query->next() ? query->value(0).toInt() : -1;
    };
    {
        Common::Transaction transaction(db);
        QVERIFY(transaction.begin());
        QVERIFY(db.run(QStringLiteral("INSERT INTO notes (text) VALUES ('dropped')")));
        // Leaves the scope without commit(), as an early return does.
    }
    QCOMPARE(count(), 0);
    {
        Common::Transaction transaction(db);
        QVERIFY(transaction.begin());
        QVERIFY(db.run(QStringLiteral("INSERT INTO notes (text) VALUES ('kept')")));
        QVERIFY(transaction.commit());
    }
    QCOMPARE(count(), 1);
}

void TestSqliteDatabase::namedPlaceholdersMayRepeat()
{
    SqliteDatabase db(QStringLiteral("test"));
    QVERIFY(db.open({}, {}));
    auto query = db.run(
        QStringLiteral("SELECT :state, :count + 1, CASE WHEN :state = 'sent' THEN 1 ELSE 0 END, :state"),
        {{QStringLiteral("state"), QStringLiteral("sent")}, {QStringLiteral(":count"), 41}});
    QVERIFY2(query, qPrintable(whyFailed(query)));
    QVERIFY(query->next());
    QCOMPARE(query->value(0).toString(), QStringLiteral("sent"));
    QCOMPARE(query->value(1).toInt(), 42);
    QCOMPARE(query->value(2).toInt(), 1);
    QCOMPARE(query->value(3).toString(), QStringLiteral("sent"));
}

void TestSqliteDatabase::nullTextIsBoundAsEmpty()
{
    SqliteDatabase db(QStringLiteral("test"));
    QVERIFY(db.open({}, {.migrations = {notes()}}));
    const auto inserted = db.run(QStringLiteral("INSERT INTO notes (text) VALUES (:text)"),
                                 {{QStringLiteral("text"), QString()}});
    QVERIFY2(inserted, qPrintable(whyFailed(inserted))); // NOT NULL holds
    auto null = db.run(QStringLiteral("SELECT :nothing IS NULL"), {{QStringLiteral("nothing"), QVariant()}});
    QVERIFY(null && null->next());
    QCOMPARE(null->value(0).toInt(), 1);
}

void TestSqliteDatabase::statementIsKeptForTheSameSql()
{
    SqliteDatabase db(QStringLiteral("test"));
    QVERIFY(db.open({}, {.migrations = {notes()}}));
    const auto sql = QStringLiteral("INSERT INTO notes (text) VALUES (:text)");
    const QSqlResult *first = nullptr;
    {
        auto inserted = db.run(sql, {{QStringLiteral("text"), QStringLiteral("one")}});
        QVERIFY2(inserted, qPrintable(whyFailed(inserted)));
        first = inserted->result();
    }
    auto again = db.run(sql, {{QStringLiteral("text"), QStringLiteral("two")}});
    QVERIFY2(again, qPrintable(whyFailed(again)));
    QCOMPARE(again->result(), first);
    auto texts = db.run(QStringLiteral("SELECT group_concat(text, ',') FROM notes"));
    QVERIFY(texts && texts->next());
    QCOMPARE(texts->value(0).toString(), QStringLiteral("one,two"));
}

void TestSqliteDatabase::sameSqlWhileItsRowsAreReadGetsItsOwnStatement()
{
    SqliteDatabase db(QStringLiteral("test"));
    QVERIFY(db.open({}, {.migrations = {notes()}}));
    for (const auto *text : {"a", "b", "c"})
        QVERIFY(db.run(QStringLiteral("INSERT INTO notes (text) VALUES (:text)"),
                       {{QStringLiteral("text"), QLatin1String(text)}}));
    const auto sql = QStringLiteral("SELECT text FROM notes WHERE text >= :from ORDER BY text");
    auto outer = db.run(sql, {{QStringLiteral("from"), QStringLiteral("a")}});
    QVERIFY(outer);
    QStringList pairs;
    while (outer->next()) {
        auto inner = db.run(sql, {{QStringLiteral("from"), outer->value(0)}});
        QVERIFY(inner);
        while (inner->next())
            pairs.append(outer->value(0).toString() + inner->value(0).toString());
    }
    QVERIFY(db.finished(*outer));
    QCOMPARE(pairs, QStringList({QStringLiteral("aa"), QStringLiteral("ab"), QStringLiteral("ac"),
                                 QStringLiteral("bb"), QStringLiteral("bc"), QStringLiteral("cc")}));
}

void TestSqliteDatabase::queryReadInPartDoesNotHoldAnOldSnapshot()
{
    SqliteDatabase reader(QStringLiteral("reader"));
    SqliteDatabase writer(QStringLiteral("writer"));
    QVERIFY(reader.open(path(), {.migrations = {notes()}}));
    QVERIFY(writer.open(path(), {.migrations = {notes()}}));
    for (const auto *text : {"a", "b"})
        QVERIFY(writer.run(QStringLiteral("INSERT INTO notes (text) VALUES (:text)"),
                           {{QStringLiteral("text"), QLatin1String(text)}}));
    const auto firstText = [&reader] {
        auto query = reader.run(QStringLiteral("SELECT text FROM notes ORDER BY id"));
        return query && query->next() ? query->value(0).toString() : QString();
    };
    QCOMPARE(firstText(), QStringLiteral("a")); // one row of two read; the statement is kept
    QVERIFY(writer.run(QStringLiteral("DELETE FROM notes WHERE text = 'a'")));
    QCOMPARE(firstText(), QStringLiteral("b"));
    // A write from the reader's connection would fail (SQLITE_BUSY_SNAPSHOT) on an old snapshot.
    Common::Transaction transaction(reader);
    const Common::Status begun = transaction.begin();
    QVERIFY2(begun, qPrintable(whyFailed(begun)));
    QVERIFY(reader.run(QStringLiteral("INSERT INTO notes (text) VALUES ('c')")));
    QVERIFY(transaction.commit());
}

void TestSqliteDatabase::failedStatementIsPreparedAgain()
{
    SqliteDatabase db(QStringLiteral("test"));
    QVERIFY(db.open(
        {},
        {.migrations = {{.statements = {QStringLiteral("CREATE TABLE tags (name TEXT NOT NULL UNIQUE)")}}}}));
    const auto sql = QStringLiteral("INSERT INTO tags (name) VALUES (:name)");
    QVERIFY(db.run(sql, {{QStringLiteral("name"), QStringLiteral("x")}}));
    const auto twice = db.run(sql, {{QStringLiteral("name"), QStringLiteral("x")}});
    QVERIFY(!twice);
    QCOMPARE(twice.error().code, QStringLiteral("sqlite"));
    QVERIFY(twice.error().message.contains(QLatin1String("UNIQUE")));
    const auto other = db.run(sql, {{QStringLiteral("name"), QStringLiteral("y")}});
    QVERIFY2(other, qPrintable(whyFailed(other)));
    auto count = db.run(QStringLiteral("SELECT COUNT(*) FROM tags"));
    QVERIFY(count && count->next());
    QCOMPARE(count->value(0).toInt(), 2);
}

void TestSqliteDatabase::fullDiskNamesTheFile()
{
    SqliteDatabase db(QStringLiteral("test"));
    QVERIFY(db.open(path(), {.migrations = {notes()}}));
    // SQLITE_FULL, as on a full disk: the file may not grow past its pages.
    auto pages = db.run(QStringLiteral("PRAGMA page_count"));
    QVERIFY(pages && pages->next());
    QVERIFY(db.run(QStringLiteral("PRAGMA max_page_count=%1").arg(pages->value(0).toInt())));
    std::optional<Common::Error> full;
    for (int i = 0; i < 100 && !full; ++i) {
        if (auto inserted = db.run(QStringLiteral("INSERT INTO notes (text) VALUES (:text)"),
                                   {{QStringLiteral("text"), QString(4000, u'x')}});
            !inserted)
            full = inserted.error();
    }
    QVERIFY(full);
    QCOMPARE(full->code, QStringLiteral("disk-full"));
    QCOMPARE(full->path, path());
    QVERIFY2(full->message.contains(QStringLiteral("the disk holding %1 is full").arg(path())),
             qPrintable(full->message));
}

void TestSqliteDatabase::readOnlyNamesTheFileAndItsSideFiles()
{
    SqliteDatabase db(QStringLiteral("test"));
    QVERIFY(db.open(path(), {.migrations = {notes()}}));
    QVERIFY(db.run(QStringLiteral("PRAGMA query_only=1"))); // SQLITE_READONLY, as a read-only file gives
    Common::Transaction transaction(db);
    const Common::Status refused = transaction.begin(); // a writer's transaction
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, QStringLiteral("read-only"));
    QCOMPARE(db.files().size(), 3);
    for (const QString &file : db.files())
        QVERIFY2(refused.error().message.contains(file), qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(QStringLiteral("chmod 600")),
             qPrintable(refused.error().message));
}

void TestSqliteDatabase::sideFilesFollowTheFileAgain()
{
    {
        SqliteDatabase db(QStringLiteral("test"));
        QVERIFY(db.open(path(), {.migrations = {notes()}}));
    }
    // What a connection opened while the file was read-only leaves behind once the file is fixed.
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile side(path() + suffix);
        QVERIFY(side.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner));
    }
    SqliteDatabase db(QStringLiteral("test"));
    const Common::Status opened = db.open(path(), {.migrations = {notes()}});
    QVERIFY2(opened, qPrintable(whyFailed(opened)));
    for (const QString &file : db.files())
        QCOMPARE(modeOf(file), OwnerOnly);
    QVERIFY(db.run(QStringLiteral("INSERT INTO notes (text) VALUES ('x')")));
}

void TestSqliteDatabase::damagedFileSaysSo()
{
    const QByteArray garbage(8192, '\x5a');
    {
        QFile file(path());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(garbage);
    }
    SqliteDatabase db(QStringLiteral("test"));
    const Common::Status opened = db.open(path(), {.migrations = {notes()}});
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, QStringLiteral("damaged"));
    QVERIFY2(opened.error().message.contains(path()), qPrintable(whyFailed(opened)));
    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage);
}

void TestSqliteDatabase::missingFolderIsAnErrorWhenNotToBeCreated()
{
    SqliteDatabase db(QStringLiteral("test"));
    const QString file = path(QStringLiteral("typo/data.sqlite"));
    const Common::Status opened = db.open(file, {.migrations = {notes()}, .createFolder = false});
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(file), qPrintable(whyFailed(opened)));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("typo"))));
}

QTEST_GUILESS_MAIN(TestSqliteDatabase)
#include "tst_sqlitedatabase.moc"
