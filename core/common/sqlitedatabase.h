#pragma once

#include <functional>
#include <memory>

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariantMap>

#include "result.h"

class QSqlError;

namespace Common {

class SqliteDatabase;

/**
 * One step of a schema, from version n to n + 1: its statements in order, then `fill` when given
 * (to compute new columns of the rows already there, in C++), all in the migration's transaction.
 */
struct SqliteMigration
{
    QStringList statements;
    std::function<Status(const SqliteDatabase &)> fill = {};
};

/// The statements a connection keeps prepared, by SQL text.
struct KeptStatements;

/**
 * A QSqlQuery on a statement its connection keeps prepared for the next prepare() or run() of the same
 * SQL: parsing a statement costs more than running most of them. When it goes, the statement is reset
 * (so that a query read only in part holds no read transaction open, which would keep the connection
 * on an old snapshot of the file) and given back to its connection, unless it failed. Moves only; the
 * QSqlQuery is not a public base, so that it cannot be moved out by mistake and leave this empty.
 */
class PreparedQuery : private QSqlQuery
{
public:
    PreparedQuery(QSqlQuery query, const std::shared_ptr<KeptStatements> &keeper, const QString &sql);
    PreparedQuery(PreparedQuery &&other) noexcept;
    PreparedQuery &operator=(PreparedQuery &&other) noexcept;
    ~PreparedQuery();

    using QSqlQuery::at;
    using QSqlQuery::finish;
    using QSqlQuery::isActive;
    using QSqlQuery::isNull;
    using QSqlQuery::isSelect;
    using QSqlQuery::isValid;
    using QSqlQuery::lastError;
    using QSqlQuery::lastInsertId;
    using QSqlQuery::lastQuery;
    using QSqlQuery::next;
    using QSqlQuery::numRowsAffected;
    using QSqlQuery::record;
    using QSqlQuery::result;
    using QSqlQuery::value;

    /// For a function that reads a QSqlQuery; the statement stays this object's.
    const QSqlQuery &query() const { return *this; }
    QSqlQuery &query() { return *this; }

private:
    void giveBack();

    std::weak_ptr<KeptStatements> m_keeper;
    QString m_sql;
};

/**
 * One SQLite file (or an in-memory database) through QtSql, opened with the same policy for every
 * store of the program:
 *
 * - a missing folder is created owner-only (0700), a new file owner-only (0600) before SQLite opens
 *   it, and SQLite gives its -wal and -shm side files the same mode;
 * - journal_mode=WAL, and the mode SQLite answers is checked; synchronous FULL (or NORMAL for data
 *   that can be rebuilt); foreign keys on; a busy timeout, because several programs share files;
 * - a schema version (PRAGMA user_version) and cumulative migrations, all in one transaction:
 *   a file is fully migrated or left as it was; a newer schema is refused;
 * - errors as Common::Error with a code a program can act on ("disk-full", "read-only", "damaged",
 *   "busy", ...) and a message naming the file ("the disk holding FILE is full").
 *
 * A file opened while it (or a side file) could not be written stays readable; a write then fails
 * with "read-only", naming the file and its side files, and Transaction::begin() reopens it once they
 * are writable again, because a connection keeps the access it was opened with. Side files left
 * read-only by such a connection are made writable again once the file itself is.
 *
 * Values are bound by name (`:state`); a null QString is bound as '' because text columns are NOT
 * NULL: bind QVariant() for NULL. Statements stay prepared per SQL text (see PreparedQuery); one that
 * is still in use when the same SQL comes again is not shared: the second gets a statement of its own.
 * One object is one connection, used from the thread that opened it.
 */
class SqliteDatabase
{
    Q_DECLARE_TR_FUNCTIONS(Common::SqliteDatabase)

public:
    enum class Durability
    {
        Full,   ///< synchronous=FULL: a commit survives a power cut
        Normal, ///< synchronous=NORMAL: WAL keeps the file consistent; the last commits may be lost
    };

    struct Options
    {
        QList<SqliteMigration> migrations;
        Durability durability = Durability::Full;
        int busyTimeoutMs = 10000;
        /// Create the file's folder (owner-only) when it is missing; else a missing folder is an error.
        bool createFolder = true;
        /// The page size of a file this open creates (0: SQLite's); an existing file keeps its own.
        int newFilePageSize = 0;
    };

    /// A database that lives as long as its connection.
    static inline const QString InMemory = QStringLiteral(":memory:");

    /// `name` starts the names of this object's QtSql connections ("outbox", "catalog").
    explicit SqliteDatabase(const QString &name);
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    /// Opens (creating) and migrates `path`, or InMemory (also for an empty path).
    Status open(const QString &path, Options options);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QSqlDatabase connection() const;
    /// The file and its -wal and -shm side files, as one names them to a person.
    QStringList files() const;

    int schemaVersion() const; ///< -1 when it cannot be read
    QString journalMode() const;
    int synchronousMode() const; ///< 2 = FULL, 1 = NORMAL, -1 when it cannot be read

    Result<PreparedQuery> prepare(const QString &sql) const;
    /// Binds `values` by name (":name" or "name") and runs the prepared query. Give every placeholder a
    /// value each time: a kept statement still holds those of its last run.
    Status exec(QSqlQuery &query, const QVariantMap &values = {}) const;
    Status exec(PreparedQuery &query, const QVariantMap &values = {}) const
    {
        return exec(query.query(), values);
    }
    /// prepare() and exec(); the query is positioned before its first row.
    Result<PreparedQuery> run(const QString &sql, const QVariantMap &values = {}) const;
    /// How SQLite would run `sql` (EXPLAIN QUERY PLAN), one line per step, e.g. "SEARCH t USING INDEX i".
    Result<QStringList> queryPlan(const QString &sql, const QVariantMap &values = {}) const;

    /// Once next() returned false: whether the rows ended, or a damaged page stopped them (an error).
    Status finished(const QSqlQuery &query) const;
    Status finished(const PreparedQuery &query) const { return finished(query.query()); }

    /// What a failed statement means for this file, for a person and for a program.
    Error error(const QSqlError &failure) const;

private:
    friend class Transaction;

    Status openConnection();
    Status configure();
    Status migrate();
    /// Reopens a connection opened, or found, read-only once its files can be written.
    Status reopenIfWritable();
    bool filesWritable() const;
    void restrictFiles() const;
    Error readOnlyError() const;

    QString m_name;
    QString m_connectionName;
    /// Replaced when the connection closes, so that a query still out is not given back to the next one.
    std::shared_ptr<KeptStatements> m_statements;
    QString m_path;
    Options m_options;
    bool m_readOnly = false; ///< opened while its files could not be written
};

/// A WHERE clause made of the conditions a query was given, all of which must hold, with their values.
struct SqlFilter
{
    QStringList conditions;
    QVariantMap values;

    void add(const QString &condition, const QVariantMap &conditionValues = {})
    {
        conditions.append(condition);
        values.insert(conditionValues);
    }
    /// " WHERE a AND b", or nothing when there is no condition.
    QString where() const
    {
        return conditions.isEmpty() ? QString()
                                    : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
};

/**
 * A write transaction (BEGIN IMMEDIATE: waits for another writer up to the busy timeout rather than
 * failing half-way) that rolls back when it goes out of scope without commit(), so every early
 * return leaves the file as it was.
 */
class Transaction
{
public:
    explicit Transaction(SqliteDatabase &database);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    Status begin();
    Status commit();
    void rollback();

private:
    SqliteDatabase &m_database;
    bool m_active = false;
};

} // namespace Common
