#include "offlinecache.h"

#include <algorithm>

#include <QJsonDocument>
#include <QSqlError>
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
QList<T> readResources(QSqlQuery &query, QDateTime *fetchedAt)
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

bool execOrWarn(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qCWarning(lcOutbox) << "offline cache:" << query.lastError().text();
    return false;
}

} // namespace

OfflineCache::OfflineCache(OutboxStore &store)
    : m_store(store)
{
}

bool OfflineCache::storePatients(const QList<QJsonObject> &resources)
{
    QList<QVariantList> rows;
    for (const auto &resource : resources) {
        if (const auto patient = Ehr::PatientSummary::fromFhir(resource))
            rows.append({patient->id, searchTextOf(*patient), toText(resource)});
    }
    return writeRows(
        {}, {},
        QStringLiteral("INSERT OR REPLACE INTO cache_patients (id, search_text, resource, fetched_at) "
                       "VALUES (?, ?, ?, ?)"),
        rows);
}

bool OfflineCache::replaceEncounters(const QString &patientId, const QList<QJsonObject> &resources)
{
    QList<QVariantList> rows;
    for (const auto &resource : resources) {
        const auto encounter = Ehr::EncounterSummary::fromFhir(resource);
        if (encounter && encounter->patientId == patientId)
            rows.append({encounter->id, patientId, toText(resource)});
    }
    return writeRows(QStringLiteral("DELETE FROM cache_encounters WHERE patient_id = ?"), {patientId},
                     QStringLiteral("INSERT OR REPLACE INTO cache_encounters (id, patient_id, resource, "
                                    "fetched_at) VALUES (?, ?, ?, ?)"),
                     rows);
}

bool OfflineCache::replaceConditions(const QString &patientId, const QString &encounterId,
                                     const QList<QJsonObject> &resources)
{
    QList<QVariantList> rows;
    for (const auto &resource : resources) {
        const auto condition = Ehr::ConditionSummary::fromFhir(resource);
        if (condition && condition->patientId == patientId)
            rows.append({condition->id, patientId, condition->encounterId, toText(resource)});
    }
    const QString deleteSql =
        encounterId.isEmpty()
            ? QStringLiteral("DELETE FROM cache_conditions WHERE patient_id = ?")
            : QStringLiteral("DELETE FROM cache_conditions WHERE patient_id = ? AND encounter_id = ?");
    const QVariantList deleteValues =
        encounterId.isEmpty() ? QVariantList{patientId} : QVariantList{patientId, encounterId};
    return writeRows(deleteSql, deleteValues,
                     QStringLiteral("INSERT OR REPLACE INTO cache_conditions (id, patient_id, encounter_id, "
                                    "resource, fetched_at) VALUES (?, ?, COALESCE(?, ''), ?, ?)"),
                     rows);
}

bool OfflineCache::writeRows(const QString &deleteSql, const QVariantList &deleteValues,
                             const QString &insertSql, const QList<QVariantList> &rows)
{
    QSqlDatabase db = m_store.database();
    if (!db.transaction())
        return false;
    const qint64 now = m_store.clock().nowUtc().toMSecsSinceEpoch();
    QSqlQuery query(db);
    bool ok = true;
    if (!deleteSql.isEmpty()) {
        query.prepare(deleteSql);
        for (const QVariant &value : deleteValues)
            query.addBindValue(value);
        ok = execOrWarn(query);
    }
    if (ok)
        query.prepare(insertSql);
    for (qsizetype i = 0; ok && i < rows.size(); ++i) {
        for (const QVariant &value : rows.at(i))
            query.addBindValue(value);
        query.addBindValue(now);
        ok = execOrWarn(query);
    }
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit();
}

QList<Ehr::PatientSummary> OfflineCache::searchPatients(const QString &text, QDateTime *fetchedAt) const
{
    QStringList conditions;
    const QStringList words = text.toCaseFolded().split(u' ', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i)
        conditions.append(QStringLiteral("instr(search_text, ?) > 0"));
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT resource, fetched_at FROM cache_patients%1 ORDER BY search_text")
                      .arg(conditions.isEmpty()
                               ? QString()
                               : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "))));
    for (const auto &word : words)
        query.addBindValue(word);
    if (fetchedAt)
        *fetchedAt = {};
    if (!execOrWarn(query))
        return {};
    return readResources<Ehr::PatientSummary>(query, fetchedAt);
}

std::optional<Ehr::PatientSummary> OfflineCache::patient(const QString &id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT resource FROM cache_patients WHERE id = ?"));
    query.addBindValue(id);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    if (auto patient = Ehr::PatientSummary::fromFhir(fromText(query.value(0))))
        return *patient;
    return std::nullopt;
}

QList<Ehr::EncounterSummary> OfflineCache::encountersOf(const QString &patientId, QDateTime *fetchedAt) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT resource, fetched_at FROM cache_encounters WHERE patient_id = ?"));
    query.addBindValue(patientId);
    if (fetchedAt)
        *fetchedAt = {};
    if (!execOrWarn(query))
        return {};
    QList<Ehr::EncounterSummary> encounters = readResources<Ehr::EncounterSummary>(query, fetchedAt);
    // Most recent first, as a clerk picks today's visit.
    std::stable_sort(encounters.begin(), encounters.end(),
                     [](const auto &a, const auto &b) { return a.start > b.start; });
    return encounters;
}

std::optional<Ehr::EncounterSummary> OfflineCache::encounter(const QString &id) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT resource FROM cache_encounters WHERE id = ?"));
    query.addBindValue(id);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    if (auto encounter = Ehr::EncounterSummary::fromFhir(fromText(query.value(0))))
        return *encounter;
    return std::nullopt;
}

std::optional<Ehr::EncounterSummary> OfflineCache::markEncounterClosed(const QString &encounterId,
                                                                       Model::BillingState state)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT resource FROM cache_encounters WHERE id = ?"));
    query.addBindValue(encounterId);
    if (!execOrWarn(query) || !query.next())
        return std::nullopt;
    QJsonObject resource = fromText(query.value(0));
    query.finish();
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
    QSqlQuery update(m_store.database());
    update.prepare(QStringLiteral("UPDATE cache_encounters SET resource = ? WHERE id = ?"));
    update.addBindValue(toText(resource));
    update.addBindValue(encounterId);
    if (!execOrWarn(update))
        return std::nullopt;
    auto encounter = Ehr::EncounterSummary::fromFhir(resource);
    return encounter ? std::optional<Ehr::EncounterSummary>(*encounter) : std::nullopt;
}

QList<Ehr::ConditionSummary> OfflineCache::conditionsOf(const QString &patientId, const QString &encounterId,
                                                        QDateTime *fetchedAt) const
{
    QSqlQuery query(m_store.database());
    if (encounterId.isEmpty()) {
        query.prepare(QStringLiteral(
            "SELECT resource, fetched_at FROM cache_conditions WHERE patient_id = ? ORDER BY id"));
        query.addBindValue(patientId);
    } else {
        query.prepare(QStringLiteral("SELECT resource, fetched_at FROM cache_conditions WHERE patient_id = ? "
                                     "AND encounter_id = ? ORDER BY id"));
        query.addBindValue(patientId);
        query.addBindValue(encounterId);
    }
    if (fetchedAt)
        *fetchedAt = {};
    if (!execOrWarn(query))
        return {};
    return readResources<Ehr::ConditionSummary>(query, fetchedAt);
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
    QSqlQuery query(m_store.database());
    if (!query.exec(
            QStringLiteral("SELECT MAX(t) FROM (SELECT MAX(fetched_at) AS t FROM cache_patients UNION ALL "
                           "SELECT MAX(fetched_at) FROM cache_encounters UNION ALL SELECT MAX(fetched_at) "
                           "FROM cache_conditions)")) ||
        !query.next() || query.value(0).isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC);
}

bool OfflineCache::clear()
{
    QSqlDatabase db = m_store.database();
    if (!db.transaction())
        return false;
    QSqlQuery query(db);
    const bool ok = query.exec(QStringLiteral("DELETE FROM cache_patients")) &&
                    query.exec(QStringLiteral("DELETE FROM cache_encounters")) &&
                    query.exec(QStringLiteral("DELETE FROM cache_conditions"));
    if (!ok) {
        db.rollback();
        return false;
    }
    return db.commit();
}

} // namespace Outbox
