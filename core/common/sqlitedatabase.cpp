#include "sqlitedatabase.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QStorageInfo>

#include "paths.h"

namespace Common {

namespace {

// Warnings by default; QT_LOGGING_RULES="superbill.sqlite.info=true" shows the rest.
Q_LOGGING_CATEGORY(lcSqlite, "superbill.sqlite", QtWarningMsg)

const auto Driver = QStringLiteral("QSQLITE");
constexpr auto OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
// Bits QFile reports for the owner twice (as owner and as the current user).
constexpr auto OwnerBits =
    OwnerOnly | QFileDevice::ExeOwner | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
// An I/O error with this little space left is taken for a full disk: SQLite reports ENOSPC as
// SQLITE_FULL only for some writes, and as "disk I/O error" when, say, its -shm file cannot grow.
constexpr qint64 NearlyFullBytes = 1024 * 1024;

// SQLite's primary result codes, as QSQLITE reports them in nativeErrorCode().
enum SqliteCode
{
    SqliteBusy = 5,
    SqliteLocked = 6,
    SqliteReadOnly = 8,
    SqliteIoError = 10,
    SqliteCorrupt = 11,
    SqliteFull = 13,
    SqliteCantOpen = 14,
    SqliteNotADatabase = 26,
};

QAtomicInteger<quint64> connectionCounter;
// Statements kept prepared per connection; a program's SQL texts are far fewer, unless one builds
// values into its SQL, which then only costs a parse as before.
constexpr qsizetype MaxKeptStatements = 64;

QVariant boundValue(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        return QStringLiteral("");
    return value;
}

} // namespace

struct KeptStatements
{
    // Not std::unordered_map: it keeps no hash codes with std::hash<QString>, so walking a bucket hashed
    // again every SQL text in it, thousands of instructions for each statement run.
    QHash<QString, QSqlQuery> bySql;
};

PreparedQuery::PreparedQuery(QSqlQuery query, const std::shared_ptr<KeptStatements> &keeper,
                             const QString &sql)
    : QSqlQuery(std::move(query))
    , m_keeper(keeper)
    , m_sql(sql)
{
}

PreparedQuery::PreparedQuery(PreparedQuery &&other) noexcept
    : QSqlQuery(std::move(other))
    , m_keeper(std::exchange(other.m_keeper, {}))
    , m_sql(std::move(other.m_sql))
{
}

PreparedQuery &PreparedQuery::operator=(PreparedQuery &&other) noexcept
{
    if (this != &other) {
        giveBack();
        QSqlQuery::operator=(std::move(other));
        m_keeper = std::exchange(other.m_keeper, {});
        m_sql = std::move(other.m_sql);
    }
    return *this;
}

PreparedQuery::~PreparedQuery()
{
    giveBack();
}

void PreparedQuery::giveBack()
{
    const auto keeper = std::exchange(m_keeper, {}).lock();
    if (!keeper)
        return;
    // QSQLITE may have finalised a statement that failed; the next use prepares it again.
    const bool failed = lastError().isValid();
    finish();
    if (failed || keeper->bySql.contains(m_sql))
        return;
    if (keeper->bySql.size() >= MaxKeptStatements)
        keeper->bySql.clear();
    keeper->bySql.insert(m_sql, std::move(static_cast<QSqlQuery &>(*this)));
}

SqliteDatabase::SqliteDatabase(const QString &name)
    : m_name(name)
    , m_statements(std::make_shared<KeptStatements>())
{
}

SqliteDatabase::~SqliteDatabase()
{
    close();
}

QSqlDatabase SqliteDatabase::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool SqliteDatabase::isOpen() const
{
    return !m_connectionName.isEmpty() && QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

QStringList SqliteDatabase::files() const
{
    if (m_path == InMemory)
        return {};
    const QString file = QDir::toNativeSeparators(m_path);
    return {file, file + QStringLiteral("-wal"), file + QStringLiteral("-shm")};
}

void SqliteDatabase::close()
{
    m_statements = std::make_shared<KeptStatements>();
    if (m_connectionName.isEmpty() || !QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = connection();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

Status SqliteDatabase::open(const QString &path, Options options)
{
    close();
    m_path = path.isEmpty() ? InMemory : path;
    m_options = std::move(options);
    m_readOnly = false;
    if (!QSqlDatabase::isDriverAvailable(Driver))
        return makeError(
            QStringLiteral("driver-missing"),
            tr("the Qt SQLite driver (QSQLITE) is not installed; on Debian install libqt6sql6-sqlite"));
    if (m_path != InMemory) {
        const QFileInfo info(m_path);
        if (m_options.createFolder) {
            if (auto folder = makePrivateDirectory(info.absolutePath()); !folder)
                return folder.error();
        }
        if (!info.exists()) {
            // Created owner-only before SQLite opens it: SQLite gives its -wal and -shm files the mode of
            // the database file, and a file chmod'ed afterwards was readable by others for a moment.
            QFile file(m_path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerOnly))
                return makeError(
                    QStringLiteral("cannot-create"),
                    tr("cannot create %1: %2").arg(QDir::toNativeSeparators(m_path), file.errorString()),
                    m_path);
        } else {
            restrictFiles();
        }
        m_readOnly = !filesWritable();
        if (m_readOnly)
            qCInfo(lcSqlite) << m_path << "is read-only; reads only until it is writable";
    }
    Status opened = openConnection();
    if (!opened)
        close();
    return opened;
}

Status SqliteDatabase::openConnection()
{
    m_connectionName =
        QStringLiteral("superbill-%1-%2").arg(m_name).arg(connectionCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(Driver, m_connectionName);
        db.setDatabaseName(m_path);
        // Another program (the app, superbill-cli) may be writing: wait for it rather than fail.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_options.busyTimeoutMs));
        if (!db.open()) {
            const Error failure = error(db.lastError());
            return makeError(failure.code,
                             tr("cannot open %1: %2").arg(QDir::toNativeSeparators(m_path), failure.message),
                             m_path);
        }
    }
    if (Status configured = configure(); !configured)
        return configured;
    return migrate();
}

Status SqliteDatabase::configure()
{
    // Before the journal mode, whose change writes a new file's header: after that the size is fixed.
    if (m_options.newFilePageSize > 0) {
        if (auto sized = run(QStringLiteral("PRAGMA page_size=%1").arg(m_options.newFilePageSize)); !sized)
            return sized.error();
    }
    // The first statement that reads the file: one that is not SQLite fails here.
    auto journal = run(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!journal)
        return journal.error();
    const QString mode = journal->next() ? journal->value(0).toString().toLower() : QString();
    // SQLite answers with the mode it actually uses: some file systems cannot do WAL.
    const QString wanted = m_path == InMemory ? QStringLiteral("memory") : QStringLiteral("wal");
    if (mode != wanted) {
        if (m_readOnly)
            return readOnlyError();
        return makeError(QStringLiteral("no-wal"),
                         tr("SQLite would not use write-ahead logging for %1 (journal mode \"%2\"); put it "
                            "on a local disk")
                             .arg(QDir::toNativeSeparators(m_path), mode),
                         m_path);
    }
    const bool full = m_options.durability == Durability::Full;
    for (const QString &pragma :
         {full ? QStringLiteral("PRAGMA synchronous=FULL") : QStringLiteral("PRAGMA synchronous=NORMAL"),
          QStringLiteral("PRAGMA foreign_keys=ON")}) {
        if (auto set = run(pragma); !set)
            return set.error();
    }
    if (synchronousMode() != (full ? 2 : 1))
        return makeError(
            QStringLiteral("sqlite"),
            tr("SQLite did not accept the durability asked for %1").arg(QDir::toNativeSeparators(m_path)),
            m_path);
    return {};
}

Status SqliteDatabase::migrate()
{
    const int newest = int(m_options.migrations.size());
    const int found = schemaVersion();
    if (found < 0)
        return makeError(QStringLiteral("sqlite"),
                         tr("cannot read the schema version of %1").arg(QDir::toNativeSeparators(m_path)),
                         m_path);
    const auto newer = [&](int version) {
        return makeError(QStringLiteral("newer-schema"),
                         tr("%1 was written by a newer Superbill Desk (schema %2; this one knows up to %3); "
                            "update the program. The file was not changed.")
                             .arg(QDir::toNativeSeparators(m_path))
                             .arg(version)
                             .arg(newest),
                         m_path);
    };
    if (found > newest)
        return newer(found);
    if (found == newest)
        return {};
    if (m_readOnly)
        return readOnlyError();

    Transaction transaction(*this);
    if (Status begun = transaction.begin(); !begun)
        return begun;
    // Read again inside the transaction: another program may have migrated the file meanwhile.
    const int version = schemaVersion();
    if (version > newest)
        return newer(version);
    for (int step = version; step < newest; ++step) {
        const SqliteMigration &migration = m_options.migrations.at(step);
        Status done;
        for (const QString &statement : migration.statements) {
            if (auto ran = run(statement); !ran) {
                done = ran.error();
                break;
            }
        }
        if (done && migration.fill)
            done = migration.fill(*this);
        if (!done)
            return makeError(done.error().code,
                             tr("upgrading %1 to schema %2 failed, nothing was changed: %3")
                                 .arg(QDir::toNativeSeparators(m_path))
                                 .arg(step + 1)
                                 .arg(done.error().message),
                             m_path);
    }
    if (auto recorded = run(QStringLiteral("PRAGMA user_version=%1").arg(newest)); !recorded)
        return recorded.error();
    if (Status committed = transaction.commit(); !committed)
        return committed;
    if (version < newest)
        qCInfo(lcSqlite) << m_name << "schema migrated from" << version << "to" << newest;
    return {};
}

int SqliteDatabase::schemaVersion() const
{
    auto query = run(QStringLiteral("PRAGMA user_version"));
    return query && query->next() ? query->value(0).toInt() : -1;
}

QString SqliteDatabase::journalMode() const
{
    auto query = run(QStringLiteral("PRAGMA journal_mode"));
    return query && query->next() ? query->value(0).toString().toLower() : QString();
}

int SqliteDatabase::synchronousMode() const
{
    auto query = run(QStringLiteral("PRAGMA synchronous"));
    return query && query->next() ? query->value(0).toInt() : -1;
}

Result<PreparedQuery> SqliteDatabase::prepare(const QString &sql) const
{
    // A statement is out while its query is in use; the same SQL meanwhile gets one of its own.
    if (const auto kept = m_statements->bySql.find(sql); kept != m_statements->bySql.end()) {
        QSqlQuery query = std::move(kept.value());
        m_statements->bySql.erase(kept);
        return PreparedQuery(std::move(query), m_statements, sql);
    }
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return error(query.lastError());
    return PreparedQuery(std::move(query), m_statements, sql);
}

Status SqliteDatabase::exec(QSqlQuery &query, const QVariantMap &values) const
{
    for (auto value = values.cbegin(); value != values.cend(); ++value) {
        const QString &name = value.key();
        query.bindValue(name.startsWith(u':') ? name : u':' + name, boundValue(value.value()));
    }
    if (!query.exec())
        return error(query.lastError());
    return {};
}

Result<PreparedQuery> SqliteDatabase::run(const QString &sql, const QVariantMap &values) const
{
    auto query = prepare(sql);
    if (!query)
        return query;
    if (Status ran = exec(*query, values); !ran)
        return ran.error();
    return query;
}

Result<QStringList> SqliteDatabase::queryPlan(const QString &sql, const QVariantMap &values) const
{
    auto query = run(QStringLiteral("EXPLAIN QUERY PLAN ") + sql, values);
    if (!query)
        return query.error();
    QStringList steps;
    while (query->next())
        steps.append(query->value(3).toString());
    return steps;
}

Status SqliteDatabase::finished(const QSqlQuery &query) const
{
    if (query.lastError().isValid())
        return error(query.lastError());
    return {};
}

Error SqliteDatabase::error(const QSqlError &failure) const
{
    const QString file = QDir::toNativeSeparators(m_path);
    const QString detail = failure.databaseText().isEmpty() ? failure.text() : failure.databaseText();
    const auto diskFull = [&] {
        return makeError(QStringLiteral("disk-full"),
                         tr("the disk holding %1 is full; free some space").arg(file), m_path);
    };
    const auto nearlyFull = [&] {
        const QStorageInfo storage(QFileInfo(m_path).absolutePath());
        return m_path != InMemory && storage.isValid() && storage.bytesAvailable() < NearlyFullBytes;
    };
    switch (failure.nativeErrorCode().toInt() & 0xff) {
    case SqliteFull:
        return diskFull();
    case SqliteReadOnly:
        return readOnlyError();
    case SqliteIoError:
    case SqliteCantOpen:
        if (nearlyFull())
            return diskFull();
        return makeError(QStringLiteral("disk-error"),
                         tr("the disk reported an error with %1 (%2)").arg(file, detail), m_path);
    case SqliteCorrupt:
    case SqliteNotADatabase:
        return makeError(QStringLiteral("damaged"),
                         tr("%1 is damaged or is not an SQLite database (%2)").arg(file, detail), m_path);
    case SqliteBusy:
    case SqliteLocked:
        return makeError(QStringLiteral("busy"),
                         tr("another program kept %1 busy for too long; try again").arg(file), m_path);
    default:
        return makeError(QStringLiteral("sqlite"), tr("%1: %2").arg(file, detail), m_path);
    }
}

Error SqliteDatabase::readOnlyError() const
{
    const QStringList names = files();
    return makeError(QStringLiteral("read-only"),
                     tr("%1, %2 and %3 are read-only; make all three writable by their owner (chmod 600)")
                         .arg(names.value(0), names.value(1), names.value(2)),
                     m_path);
}

bool SqliteDatabase::filesWritable() const
{
    const QStringList names = files();
    return std::all_of(names.cbegin(), names.cend(), [](const QString &name) {
        const QFileInfo info(name);
        return !info.exists() || info.isWritable();
    });
}

void SqliteDatabase::restrictFiles() const
{
    const QStringList names = files();
    const bool writable = QFileInfo(m_path).isWritable();
    for (const QString &name : names) {
        const QFileInfo info(name);
        if (!info.exists())
            continue;
        // Side files left read-only by a connection opened while the file was read-only would keep
        // every write failing after the file itself is fixed: they follow the file.
        const bool lagging = writable && name != names.first() && !info.isWritable();
        if ((info.permissions() & ~OwnerBits) == 0 && !lagging)
            continue;
        if (QFile::setPermissions(name, writable ? OwnerOnly : QFileDevice::ReadOwner))
            qCInfo(lcSqlite) << "made" << name << "owner-only";
        else
            qCWarning(lcSqlite) << "cannot make" << name << "owner-only";
    }
}

Status SqliteDatabase::reopenIfWritable()
{
    if (!m_readOnly || m_path == InMemory)
        return {};
    restrictFiles();
    if (!filesWritable())
        return readOnlyError();
    qCInfo(lcSqlite) << m_path << "is writable again; reopening it";
    close();
    m_readOnly = false;
    Status reopened = openConnection();
    if (!reopened)
        close();
    return reopened;
}

Transaction::Transaction(SqliteDatabase &database)
    : m_database(database)
{
}

Transaction::~Transaction()
{
    rollback();
}

Status Transaction::begin()
{
    if (m_active)
        return {};
    if (Status writable = m_database.reopenIfWritable(); !writable)
        return writable;
    if (auto begun = m_database.run(QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun.error();
    m_active = true;
    return {};
}

Status Transaction::commit()
{
    if (!m_active)
        return makeError(QStringLiteral("no-transaction"), SqliteDatabase::tr("no transaction to commit"));
    auto committed = m_database.run(QStringLiteral("COMMIT"));
    if (!committed) {
        rollback();
        return committed.error();
    }
    m_active = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    if (auto rolledBack = m_database.run(QStringLiteral("ROLLBACK")); !rolledBack)
        qCDebug(lcSqlite) << "rollback:" << rolledBack.error().message; // SQLite may have rolled back itself
}

} // namespace Common
