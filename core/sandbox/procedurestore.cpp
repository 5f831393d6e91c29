#include "procedurestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include "logging.h"

namespace Sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::ProcedureStore", text);
}

constexpr int SchemaVersion = 1;

// Cumulative: step n takes schema version n-1 to n.
const char *const Migrations[] = {
    "CREATE TABLE procedures ("
    " seq INTEGER PRIMARY KEY,"
    " id TEXT NOT NULL UNIQUE,"
    " patient TEXT NOT NULL,"
    " encounter TEXT NOT NULL,"
    " code TEXT NOT NULL,"
    " performed_start INTEGER,"
    " last_updated TEXT NOT NULL,"
    " resource TEXT NOT NULL);"
    "CREATE INDEX procedures_duplicate ON procedures (patient, encounter, code, performed_start);"
    "CREATE TABLE procedure_identifiers ("
    " seq INTEGER NOT NULL REFERENCES procedures (seq) ON DELETE CASCADE,"
    " system TEXT NOT NULL,"
    " value TEXT NOT NULL);"
    "CREATE INDEX procedure_identifiers_value ON procedure_identifiers (value, system);",
};

QString sqlError(const QSqlQuery &query)
{
    return query.lastError().text();
}

bool exec(QSqlDatabase &db, const QString &statement, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(statement)) {
        *error = sqlError(query);
        return false;
    }
    return true;
}

QJsonObject parseResource(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

/// WHERE clause and values for a query; identifiers via a subquery.
std::pair<QString, QVariantList> whereClause(const ProcedureQuery &query)
{
    QStringList conditions;
    QVariantList values;
    if (!query.patientId.isEmpty()) {
        conditions.append(QStringLiteral("patient = ?"));
        values.append(query.patientId);
    }
    if (!query.encounterId.isEmpty()) {
        conditions.append(QStringLiteral("encounter = ?"));
        values.append(query.encounterId);
    }
    // The SQL form of Fhir::IdentifierToken::matches: an empty value is any value of the system.
    const Fhir::IdentifierToken &token = query.identifier;
    if (!token.isUnrestricted()) {
        QStringList parts;
        if (!token.value.isEmpty()) {
            parts.append(QStringLiteral("value = ?"));
            values.append(token.value);
        }
        if (token.system) {
            parts.append(QStringLiteral("system = ?"));
            values.append(*token.system);
        }
        conditions.append(QStringLiteral("seq IN (SELECT seq FROM procedure_identifiers WHERE ") +
                          parts.join(QStringLiteral(" AND ")) + u')');
    }
    return {conditions.isEmpty() ? QString()
                                 : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")),
            values};
}

} // namespace

ProcedureStore::ProcedureStore()
    : m_connectionName(QStringLiteral("superbill-sandbox-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

ProcedureStore::~ProcedureStore()
{
    close();
}

QSqlDatabase ProcedureStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool ProcedureStore::open(const QString &path, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    close();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        *error = tr("the Qt SQLite driver (QSQLITE) is not installed; install libqt6sql6-sqlite");
        return false;
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path.isEmpty() ? QStringLiteral(":memory:") : path);
        const bool opened = db.open();
        // Owner only, set before WAL mode: SQLite gives the -wal and -shm files the database's mode.
        if (opened && !path.isEmpty() &&
            !QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            qCWarning(lcSandbox) << "cannot make the data file readable by its owner only";
        if (!opened) {
            *error = tr("cannot open %1: %2")
                         .arg(path.isEmpty() ? tr("the in-memory database") : QDir::toNativeSeparators(path),
                              db.lastError().text());
        } else if (!migrate(error)) {
            *error = tr("cannot use %1: %2").arg(QDir::toNativeSeparators(path), *error);
        } else {
            return true;
        }
    }
    close();
    return false;
}

void ProcedureStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool ProcedureStore::migrate(QString *error)
{
    QSqlDatabase db = database();
    if (!exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), error))
        return false;
    if (db.databaseName() != u":memory:") {
        QSqlQuery journal(db);
        if (!journal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !journal.next()) {
            *error = sqlError(journal);
            return false;
        }
        // SQLite answers with the mode it actually uses; a file system without shared memory stays in DELETE.
        if (journal.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0)
            qCWarning(lcSandbox) << "SQLite journal mode is" << journal.value(0).toString()
                                 << "instead of WAL";
        // A trainer told "saved" keeps the line even when the machine loses power.
        if (!exec(db, QStringLiteral("PRAGMA synchronous = FULL"), error))
            return false;
    }
    QSqlQuery versionQuery(db);
    if (!versionQuery.exec(QStringLiteral("PRAGMA user_version")) || !versionQuery.next()) {
        *error = sqlError(versionQuery);
        return false;
    }
    const int version = versionQuery.value(0).toInt();
    versionQuery.finish();
    if (version > SchemaVersion) {
        *error = tr("the data file has schema version %1; this program knows up to %2")
                     .arg(version)
                     .arg(SchemaVersion);
        return false;
    }
    if (version < SchemaVersion) {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        bool ok = true;
        for (int step = version; ok && step < SchemaVersion; ++step) {
            const QStringList statements =
                QString::fromLatin1(Migrations[step]).split(u';', Qt::SkipEmptyParts);
            for (const auto &statement : statements) {
                if (!statement.trimmed().isEmpty() && !exec(db, statement, error)) {
                    ok = false;
                    break;
                }
            }
        }
        ok = ok && exec(db, QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion), error);
        if (!ok || !db.commit()) {
            if (ok)
                *error = db.lastError().text();
            db.rollback();
            return false;
        }
    }
    QSqlQuery maxSeq(db);
    if (!maxSeq.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM procedures")) || !maxSeq.next()) {
        *error = sqlError(maxSeq);
        return false;
    }
    m_nextSeq = maxSeq.value(0).toLongLong() + 1;
    return true;
}

qsizetype ProcedureStore::count() const
{
    return countMatching({});
}

std::optional<QJsonObject> ProcedureStore::insert(QJsonObject resource, const StoredProcedureKeys &keys,
                                                  const QDateTime &now, QString *error)
{
    QSqlDatabase db = database();
    const qint64 seq = m_nextSeq;
    const QString id = QStringLiteral("Procedure-%1").arg(seq);
    const QString lastUpdated = now.toUTC().toString(Qt::ISODateWithMs);
    resource.insert(QStringLiteral("id"), id);
    QJsonObject meta = resource.value(QStringLiteral("meta")).toObject();
    meta.insert(QStringLiteral("versionId"), QStringLiteral("1"));
    meta.insert(QStringLiteral("lastUpdated"), lastUpdated);
    resource.insert(QStringLiteral("meta"), meta);

    if (!db.transaction()) {
        *error = db.lastError().text();
        return std::nullopt;
    }
    QSqlQuery insertProcedure(db);
    insertProcedure.prepare(
        QStringLiteral("INSERT INTO procedures (seq, id, patient, encounter, code, performed_start, "
                       "last_updated, resource) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insertProcedure.addBindValue(seq);
    insertProcedure.addBindValue(id);
    insertProcedure.addBindValue(keys.patientId);
    insertProcedure.addBindValue(keys.encounterId);
    insertProcedure.addBindValue(keys.code);
    insertProcedure.addBindValue(
        keys.performedStart.isValid() ? QVariant(keys.performedStart.toMSecsSinceEpoch()) : QVariant());
    insertProcedure.addBindValue(lastUpdated);
    insertProcedure.addBindValue(QString::fromUtf8(QJsonDocument(resource).toJson(QJsonDocument::Compact)));
    bool ok = insertProcedure.exec();
    if (!ok)
        *error = sqlError(insertProcedure);
    for (qsizetype i = 0; ok && i < keys.identifiers.size(); ++i) {
        QSqlQuery insertIdentifier(db);
        insertIdentifier.prepare(
            QStringLiteral("INSERT INTO procedure_identifiers (seq, system, value) VALUES (?, ?, ?)"));
        insertIdentifier.addBindValue(seq);
        insertIdentifier.addBindValue(keys.identifiers.at(i).first);
        insertIdentifier.addBindValue(keys.identifiers.at(i).second);
        ok = insertIdentifier.exec();
        if (!ok)
            *error = sqlError(insertIdentifier);
    }
    if (!ok || !db.commit()) {
        if (ok)
            *error = db.lastError().text();
        db.rollback();
        return std::nullopt;
    }
    m_nextSeq = seq + 1;
    return resource;
}

std::optional<QJsonObject> ProcedureStore::find(const QString &id) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT resource FROM procedures WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return parseResource(query.value(0));
}

QList<QJsonObject> ProcedureStore::search(const ProcedureQuery &procedureQuery) const
{
    const auto [where, values] = whereClause(procedureQuery);
    QSqlQuery query(database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT resource FROM procedures") + where +
                  QStringLiteral(" ORDER BY seq"));
    for (const auto &value : values)
        query.addBindValue(value);
    QList<QJsonObject> result;
    if (!query.exec()) {
        qCWarning(lcSandbox) << "Procedure search failed:" << query.lastError().text();
        return result;
    }
    while (query.next())
        result.append(parseResource(query.value(0)));
    return result;
}

qsizetype ProcedureStore::countMatching(const ProcedureQuery &procedureQuery) const
{
    const auto [where, values] = whereClause(procedureQuery);
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM procedures") + where);
    for (const auto &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

std::optional<QString> ProcedureStore::findDuplicate(const StoredProcedureKeys &keys) const
{
    if (!keys.performedStart.isValid())
        return std::nullopt;
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT id FROM procedures WHERE patient = ? AND encounter = ? AND code = ? AND "
                       "performed_start = ? LIMIT 1"));
    query.addBindValue(keys.patientId);
    query.addBindValue(keys.encounterId);
    query.addBindValue(keys.code);
    query.addBindValue(keys.performedStart.toMSecsSinceEpoch());
    if (!query.exec() || !query.next())
        return std::nullopt;
    return query.value(0).toString();
}

bool ProcedureStore::clear(QString *error)
{
    QSqlDatabase db = database();
    QString ignored;
    if (!error)
        error = &ignored;
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    if (!exec(db, QStringLiteral("DELETE FROM procedure_identifiers"), error) ||
        !exec(db, QStringLiteral("DELETE FROM procedures"), error) || !db.commit()) {
        db.rollback();
        return false;
    }
    // Ids keep counting so that a client holding an old id never sees it reused in this run.
    return true;
}

} // namespace Sandbox
