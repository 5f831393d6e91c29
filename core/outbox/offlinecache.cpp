#include "offlinecache.h"

#include <algorithm>

#include <QJsonDocument>
#include <QSqlQuery>

#include "fhir/extensions.h"
#include "outboxlog.h"
#include "outboxstore.h"

namespace Outbox {

namespace {

QString toText(const QJsonObject &resource)
{
    return QString::fromUtf8(QJsonDocument(resource).toJson(QJsonDocument::Compact));
}

QJsonObject fromText(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QString searchTextOf(const Ehr::PatientSummary &patient)
{
    const QString text = patient.family + u' ' + patient.given + u' ' + patient.mrn + u' ' + patient.id;
    return text.toCaseFolded();
}

// Reads column 0 (the resource) of every row through T::fromFhir, and notes the oldest column 1
// (fetched_at) in fetchedAt.
template<typename T>
QList<T> readResources(Common::PreparedQuery &query, QDateTime *fetchedAt)
{
    QList<T> items;
    std::optional<qint64> oldest;
    while (query.next()) {
        if (auto item = T::fromFhir(fromText(query.value(0)))) {
            items.append(*item);
            const qint64 at = query.value(1).toLongLong();
            oldest = oldest ? std::min(*oldest, at) : at;
        }
    }
    if (fetchedAt)
        *fetchedAt = oldest ? QDateTime::fromMSecsSinceEpoch(*oldest, Qt::UTC) : QDateTime();
    return items;
}

// A cache that cannot be read answers nothing, as when it is empty; the EHR is asked first anyway.
std::optional<Common::PreparedQuery> runOrWarn(const Common::SqliteDatabase &db, const QString &sql,
                                               const QVariantMap &values = {})
{
    auto query = db.run(sql, values);
    if (!query) {
        qCWarning(lcOutbox) << "offline cache:" << query.error().code << query.error().message;
        return std::nullopt;
    }
    return std::move(*query);
}

} // namespace

OfflineCache::OfflineCache(OutboxStore &store)
    : m_store(store)
{
}

Common::SqliteMigration OfflineCache::migration()
{
    return {.statements = {
                QStringLiteral(R"(CREATE TABLE cache_patients (
                id TEXT PRIMARY KEY,
                search_text TEXT NOT NULL,
                resource TEXT NOT NULL,
                fetched_at INTEGER NOT NULL))"),
                QStringLiteral(R"(CREATE TABLE cache_encounters (
                id TEXT PRIMARY KEY,
                patient_id TEXT NOT NULL,
                resource TEXT NOT NULL,
                fetched_at INTEGER NOT NULL))"),
                QStringLiteral("CREATE INDEX cache_encounters_patient ON cache_encounters (patient_id)"),
                QStringLiteral(R"(CREATE TABLE cache_conditions (
                id TEXT PRIMARY KEY,
                patient_id TEXT NOT NULL,
                encounter_id TEXT NOT NULL DEFAULT '',
                resource TEXT NOT NULL,
                fetched_at INTEGER NOT NULL))"),
                QStringLiteral(
                    "CREATE INDEX cache_conditions_patient ON cache_conditions (patient_id, encounter_id)")}};
}

Common::Status OfflineCache::storePatients(const QList<QJsonObject> &resources)
{
    QList<QVariantMap> rows;
    for (const auto &resource : resources) {
        if (const auto patient = Ehr::PatientSummary::fromFhir(resource))
            rows.append({{QStringLiteral("id"), patient->id},
                         {QStringLiteral("search_text"), searchTextOf(*patient)},
                         {QStringLiteral("resource"), toText(resource)}});
    }
    return writeRows(
        {}, {},
        QStringLiteral("INSERT OR REPLACE INTO cache_patients (id, search_text, resource, fetched_at) "
                       "VALUES (:id, :search_text, :resource, :fetched_at)"),
        rows);
}

Common::Status OfflineCache::replaceEncounters(const QString &patientId, const QList<QJsonObject> &resources)
{
    QList<QVariantMap> rows;
    for (const auto &resource : resources) {
        const auto encounter = Ehr::EncounterSummary::fromFhir(resource);
        if (encounter && encounter->patientId == patientId)
            rows.append({{QStringLiteral("id"), encounter->id},
                         {QStringLiteral("patient"), patientId},
                         {QStringLiteral("resource"), toText(resource)}});
    }
    return writeRows(
        QStringLiteral("DELETE FROM cache_encounters WHERE patient_id = :patient"),
        {{QStringLiteral("patient"), patientId}},
        QStringLiteral("INSERT OR REPLACE INTO cache_encounters (id, patient_id, resource, fetched_at) "
                       "VALUES (:id, :patient, :resource, :fetched_at)"),
        rows);
}

Common::Status OfflineCache::replaceConditions(const QString &patientId, const QString &encounterId,
                                               const QList<QJsonObject> &resources)
{
    QList<QVariantMap> rows;
    for (const auto &resource : resources) {
        const auto condition = Ehr::ConditionSummary::fromFhir(resource);
        if (condition && condition->patientId == patientId)
            rows.append({{QStringLiteral("id"), condition->id},
                         {QStringLiteral("patient"), patientId},
                         {QStringLiteral("encounter"), condition->encounterId},
                         {QStringLiteral("resource"), toText(resource)}});
    }
    const QString deleteSql =
        encounterId.isEmpty()
            ? QStringLiteral("DELETE FROM cache_conditions WHERE patient_id = :patient")
            : QStringLiteral(
                  "DELETE FROM cache_conditions WHERE patient_id = :patient AND encounter_id = :encounter");
    QVariantMap deleteValues{{QStringLiteral("patient"), patientId}};
    if (!encounterId.isEmpty())
        deleteValues.insert(QStringLiteral("encounter"), encounterId);
    return writeRows(
        deleteSql, deleteValues,
        QStringLiteral("INSERT OR REPLACE INTO cache_conditions (id, patient_id, encounter_id, resource, "
                       "fetched_at) VALUES (:id, :patient, :encounter, :resource, :fetched_at)"),
        rows);
}

Common::Status OfflineCache::writeRows(const QString &deleteSql, const QVariantMap &deleteValues,
                                       const QString &insertSql, const QList<QVariantMap> &rows)
{
    Common::SqliteDatabase &db = m_store.database();
    Common::Transaction transaction(db);
    Common::Status written = transaction.begin();
    if (written && !deleteSql.isEmpty()) {
        if (auto deleted = db.run(deleteSql, deleteValues); !deleted)
            written = deleted.error();
    }
    auto insert = db.prepare(insertSql);
    if (written && !insert)
        written = insert.error();
    const qint64 now = m_store.clock().nowUtc().toMSecsSinceEpoch();
    for (qsizetype i = 0; written && i < rows.size(); ++i) {
        QVariantMap values = rows.at(i);
        values.insert(QStringLiteral("fetched_at"), now);
        written = db.exec(*insert, values);
    }
    if (written)
        written = transaction.commit();
    if (!written)
        qCWarning(lcOutbox) << "offline cache not written:" << written.error().code;
    return written;
}

QList<Ehr::PatientSummary> OfflineCache::searchPatients(const QString &text, QDateTime *fetchedAt) const
{
    Common::SqlFilter sql;
    const QStringList words = text.toCaseFolded().split(u' ', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i)
        sql.add(QStringLiteral("instr(search_text, :word%1) > 0").arg(i),
                {{QStringLiteral("word%1").arg(i), words.at(i)}});
    if (fetchedAt)
        *fetchedAt = {};
    auto query =
        runOrWarn(m_store.database(),
                  QStringLiteral("SELECT resource, fetched_at FROM cache_patients%1 ORDER BY search_text")
                      .arg(sql.where()),
                  sql.values);
    if (!query)
        return {};
    return readResources<Ehr::PatientSummary>(*query, fetchedAt);
}

std::optional<Ehr::PatientSummary> OfflineCache::patient(const QString &id) const
{
    auto query =
        runOrWarn(m_store.database(), QStringLiteral("SELECT resource FROM cache_patients WHERE id = :id"),
                  {{QStringLiteral("id"), id}});
    if (!query || !query->next())
        return std::nullopt;
    if (auto patient = Ehr::PatientSummary::fromFhir(fromText(query->value(0))))
        return *patient;
    return std::nullopt;
}

QList<Ehr::EncounterSummary> OfflineCache::encountersOf(const QString &patientId, QDateTime *fetchedAt) const
{
    if (fetchedAt)
        *fetchedAt = {};
    auto query = runOrWarn(
        m_store.database(),
        QStringLiteral("SELECT resource, fetched_at FROM cache_encounters WHERE patient_id = :patient"),
        {{QStringLiteral("patient"), patientId}});
    if (!query)
        return {};
    QList<Ehr::EncounterSummary> encounters = readResources<Ehr::EncounterSummary>(*query, fetchedAt);
    // Most recent first, as a clerk picks today's visit.
    std::stable_sort(encounters.begin(), encounters.end(),
                     [](const auto &a, const auto &b) { return a.start > b.start; });
    return encounters;
}

std::optional<Ehr::EncounterSummary> OfflineCache::encounter(const QString &id) const
{
    auto query =
        runOrWarn(m_store.database(), QStringLiteral("SELECT resource FROM cache_encounters WHERE id = :id"),
                  {{QStringLiteral("id"), id}});
    if (!query || !query->next())
        return std::nullopt;
    if (auto encounter = Ehr::EncounterSummary::fromFhir(fromText(query->value(0))))
        return *encounter;
    return std::nullopt;
}

std::optional<Ehr::EncounterSummary> OfflineCache::markEncounterClosed(const QString &encounterId,
                                                                       Model::BillingState state)
{
    auto query =
        runOrWarn(m_store.database(), QStringLiteral("SELECT resource FROM cache_encounters WHERE id = :id"),
                  {{QStringLiteral("id"), encounterId}});
    if (!query || !query->next())
        return std::nullopt;
    QJsonObject resource = fromText(query->value(0));
    query->finish();
    QJsonArray extensions;
    for (const auto &item : resource.value(QStringLiteral("extension")).toArray()) {
        if (item.toObject().value(QStringLiteral("url")).toString() !=
            QLatin1String(Fhir::Urls::EncounterStateExtension))
            extensions.append(item);
    }
    extensions.append(QJsonObject{{QStringLiteral("url"), QLatin1String(Fhir::Urls::EncounterStateExtension)},
                                  {QStringLiteral("valueCode"), Model::billingStateCode(state)}});
    resource.insert(QStringLiteral("extension"), extensions);
    // The fetch time stays: the person is told how old the rest of the copy is.
    if (!runOrWarn(m_store.database(),
                   QStringLiteral("UPDATE cache_encounters SET resource = :resource WHERE id = :id"),
                   {{QStringLiteral("resource"), toText(resource)}, {QStringLiteral("id"), encounterId}}))
        return std::nullopt;
    auto encounter = Ehr::EncounterSummary::fromFhir(resource);
    return encounter ? std::optional<Ehr::EncounterSummary>(*encounter) : std::nullopt;
}

QList<Ehr::ConditionSummary> OfflineCache::conditionsOf(const QString &patientId, const QString &encounterId,
                                                        QDateTime *fetchedAt) const
{
    if (fetchedAt)
        *fetchedAt = {};
    QVariantMap values{{QStringLiteral("patient"), patientId}};
    if (!encounterId.isEmpty())
        values.insert(QStringLiteral("encounter"), encounterId);
    auto query = runOrWarn(
        m_store.database(),
        QStringLiteral("SELECT resource, fetched_at FROM cache_conditions WHERE patient_id = :patient%1 "
                       "ORDER BY id")
            .arg(encounterId.isEmpty() ? QString() : QStringLiteral(" AND encounter_id = :encounter")),
        values);
    if (!query)
        return {};
    return readResources<Ehr::ConditionSummary>(*query, fetchedAt);
}

std::optional<QSet<QString>> OfflineCache::conditionIdsOfPatient(const QString &patientId) const
{
    const auto conditions = conditionsOf(patientId);
    if (conditions.isEmpty())
        return std::nullopt;
    QSet<QString> ids;
    for (const auto &condition : conditions)
        ids.insert(condition.id);
    return ids;
}

QDateTime OfflineCache::lastRefreshed() const
{
    auto query = runOrWarn(
        m_store.database(),
        QStringLiteral("SELECT MAX(t) FROM (SELECT MAX(fetched_at) AS t FROM cache_patients UNION ALL "
                       "SELECT MAX(fetched_at) FROM cache_encounters UNION ALL SELECT MAX(fetched_at) "
                       "FROM cache_conditions)"));
    if (!query || !query->next() || query->value(0).isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(query->value(0).toLongLong(), Qt::UTC);
}

Common::Status OfflineCache::clear()
{
    Common::SqliteDatabase &db = m_store.database();
    Common::Transaction transaction(db);
    Common::Status cleared = transaction.begin();
    for (const auto *table : {"cache_patients", "cache_encounters", "cache_conditions"}) {
        if (!cleared)
            break;
        if (auto deleted = db.run(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table))); !deleted)
            cleared = deleted.error();
    }
    return cleared ? transaction.commit() : cleared;
}

} // namespace Outbox
