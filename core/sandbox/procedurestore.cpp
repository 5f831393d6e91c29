#include "procedurestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include "logging.h"

namespace Sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::ProcedureStore", text);
}

// Cumulative: step n takes schema version n to n + 1, in one transaction. Only ever append.
const QList<Common::SqliteMigration> &migrations()
{
    static const QList<Common::SqliteMigration> steps = {
        {.statements =
             {QStringLiteral("CREATE TABLE procedures ("
                             " seq INTEGER PRIMARY KEY,"
                             " id TEXT NOT NULL UNIQUE,"
                             " patient TEXT NOT NULL,"
                             " encounter TEXT NOT NULL,"
                             " code TEXT NOT NULL,"
                             " performed_start INTEGER,"
                             " last_updated TEXT NOT NULL,"
                             " resource TEXT NOT NULL)"),
              QStringLiteral("CREATE INDEX procedures_duplicate ON procedures (patient, encounter, code, "
                             "performed_start)"),
              QStringLiteral("CREATE TABLE procedure_identifiers ("
                             " seq INTEGER NOT NULL REFERENCES procedures (seq) ON DELETE CASCADE,"
                             " system TEXT NOT NULL,"
                             " value TEXT NOT NULL)"),
              QStringLiteral("CREATE INDEX procedure_identifiers_value ON procedure_identifiers (value, "
                             "system)")}},
    };
    return steps;
}

QJsonObject parseResource(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

/// The conditions of a query; identifiers through a subquery.
Common::SqlFilter sqlFilter(const ProcedureQuery &query)
{
    Common::SqlFilter sql;
    if (!query.patientId.isEmpty())
        sql.add(QStringLiteral("patient = :patient"), {{QStringLiteral("patient"), query.patientId}});
    if (!query.encounterId.isEmpty())
        sql.add(QStringLiteral("encounter = :encounter"), {{QStringLiteral("encounter"), query.encounterId}});
    // The SQL form of Fhir::IdentifierToken::matches: an empty value is any value of the system.
    const Fhir::IdentifierToken &token = query.identifier;
    Common::SqlFilter identifier;
    if (!token.value.isEmpty())
        identifier.add(QStringLiteral("value = :value"), {{QStringLiteral("value"), token.value}});
    if (token.system)
        identifier.add(QStringLiteral("system = :system"), {{QStringLiteral("system"), *token.system}});
    if (!token.isUnrestricted())
        sql.add(QStringLiteral("seq IN (SELECT seq FROM procedure_identifiers%1)").arg(identifier.where()),
                identifier.values);
    return sql;
}

} // namespace

ProcedureStore::ProcedureStore()
    : m_db(QStringLiteral("sandbox"))
{
}

Common::Status ProcedureStore::open(const QString &path)
{
    // A trainer told "saved" keeps the line even when the machine loses power. A --data path in a
    // folder that does not exist is more likely a typing error than a wish for new folders.
    if (Common::Status opened = m_db.open(path, {.migrations = migrations(), .createFolder = false});
        !opened) {
        const QString name = path.isEmpty() ? tr("the in-memory database") : QDir::toNativeSeparators(path);
        return Common::makeError(opened.error().code,
                                 tr("cannot use %1: %2").arg(name, opened.error().message), path);
    }
    auto maxSeq = m_db.run(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM procedures"));
    const Common::Status read = !maxSeq          ? Common::Status(maxSeq.error())
                                : maxSeq->next() ? Common::Status()
                                                 : m_db.finished(*maxSeq);
    if (!read) {
        close();
        return read;
    }
    m_nextSeq = maxSeq->value(0).toLongLong() + 1;
    return {};
}

qsizetype ProcedureStore::count() const
{
    return countMatching({});
}

Common::Result<QJsonObject> ProcedureStore::insert(QJsonObject resource, const StoredProcedureKeys &keys,
                                                   const QDateTime &now)
{
    const qint64 seq = m_nextSeq;
    const QString id = QStringLiteral("Procedure-%1").arg(seq);
    const QString lastUpdated = now.toUTC().toString(Qt::ISODateWithMs);
    resource.insert(QStringLiteral("id"), id);
    QJsonObject meta = resource.value(QStringLiteral("meta")).toObject();
    meta.insert(QStringLiteral("versionId"), QStringLiteral("1"));
    meta.insert(QStringLiteral("lastUpdated"), lastUpdated);
    resource.insert(QStringLiteral("meta"), meta);

    Common::Transaction transaction(m_db);
    if (Common::Status begun = transaction.begin(); !begun)
        return begun.error();
    auto inserted = m_db.run(
        QStringLiteral(
            "INSERT INTO procedures (seq, id, patient, encounter, code, performed_start, last_updated, "
            "resource) VALUES (:seq, :id, :patient, :encounter, :code, :performed_start, :last_updated, "
            ":resource)"),
        {{QStringLiteral("seq"), seq},
         {QStringLiteral("id"), id},
         {QStringLiteral("patient"), keys.patientId},
         {QStringLiteral("encounter"), keys.encounterId},
         {QStringLiteral("code"), keys.code},
         {QStringLiteral("performed_start"),
          keys.performedStart.isValid() ? QVariant(keys.performedStart.toMSecsSinceEpoch()) : QVariant()},
         {QStringLiteral("last_updated"), lastUpdated},
         {QStringLiteral("resource"),
          QString::fromUtf8(QJsonDocument(resource).toJson(QJsonDocument::Compact))}});
    if (!inserted)
        return inserted.error();
    auto insertIdentifier = m_db.prepare(QStringLiteral(
        "INSERT INTO procedure_identifiers (seq, system, value) VALUES (:seq, :system, :value)"));
    if (!insertIdentifier)
        return insertIdentifier.error();
    for (const auto &[system, value] : keys.identifiers) {
        if (Common::Status added = m_db.exec(*insertIdentifier, {{QStringLiteral("seq"), seq},
                                                                 {QStringLiteral("system"), system},
                                                                 {QStringLiteral("value"), value}});
            !added)
            return added.error();
    }
    if (Common::Status committed = transaction.commit(); !committed)
        return committed.error();
    m_nextSeq = seq + 1;
    return resource;
}

std::optional<QJsonObject> ProcedureStore::find(const QString &id) const
{
    auto query = m_db.run(QStringLiteral("SELECT resource FROM procedures WHERE id = :id"),
                          {{QStringLiteral("id"), id}});
    if (!query || !query->next())
        return std::nullopt;
    return parseResource(query->value(0));
}

QList<QJsonObject> ProcedureStore::search(const ProcedureQuery &procedureQuery) const
{
    const Common::SqlFilter sql = sqlFilter(procedureQuery);
    auto query = m_db.run(QStringLiteral("SELECT resource FROM procedures%1 ORDER BY seq").arg(sql.where()),
                          sql.values);
    QList<QJsonObject> result;
    if (!query) {
        qCWarning(lcSandbox) << "Procedure search failed:" << query.error().message;
        return result;
    }
    while (query->next())
        result.append(parseResource(query->value(0)));
    return result;
}

qsizetype ProcedureStore::countMatching(const ProcedureQuery &procedureQuery) const
{
    const Common::SqlFilter sql = sqlFilter(procedureQuery);
    auto query = m_db.run(QStringLiteral("SELECT COUNT(*) FROM procedures%1").arg(sql.where()), sql.values);
    if (!query || !query->next())
        return 0;
    return query->value(0).toLongLong();
}

std::optional<QString> ProcedureStore::findDuplicate(const StoredProcedureKeys &keys) const
{
    if (!keys.performedStart.isValid())
        return std::nullopt;
    auto query =
        m_db.run(QStringLiteral("SELECT id FROM procedures WHERE patient = :patient AND encounter = "
                                ":encounter AND code = :code AND performed_start = :performed_start LIMIT 1"),
                 {{QStringLiteral("patient"), keys.patientId},
                  {QStringLiteral("encounter"), keys.encounterId},
                  {QStringLiteral("code"), keys.code},
                  {QStringLiteral("performed_start"), keys.performedStart.toMSecsSinceEpoch()}});
    if (!query || !query->next())
        return std::nullopt;
    return query->value(0).toString();
}

Common::Status ProcedureStore::clear()
{
    Common::Transaction transaction(m_db);
    if (Common::Status begun = transaction.begin(); !begun)
        return begun;
    for (const auto *table : {"procedure_identifiers", "procedures"}) {
        if (auto deleted = m_db.run(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))); !deleted)
            return deleted.error();
    }
    // Ids keep counting so that a client holding an old id never sees it reused in this run.
    return transaction.commit();
}

} // namespace Sandbox
