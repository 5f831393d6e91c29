#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QVariantMap>

#include "common/result.h"
#include "common/sqlitedatabase.h"
#include "ehr/conditionsummary.h"
#include "ehr/encountersummary.h"
#include "ehr/patientsummary.h"

namespace Outbox {

class OutboxStore;

/**
 * What the superbill form needs from the EHR (patients, their encounters with
 * billing states, their diagnoses), kept in the outbox file so a clerk can
 * keep entering lines while the EHR is down. Resources are stored as the EHR
 * sent them and read back through the Ehr summaries. The file is owner-only,
 * like the outbox; clear() it when the EHR changes.
 */
class OfflineCache
{
public:
    explicit OfflineCache(OutboxStore &store);

    /// The cache's tables, one step of the outbox file's schema (the outbox runs it in its migrations).
    static Common::SqliteMigration migration();

    /// Adds or refreshes patients (a search result never deletes others).
    Common::Status storePatients(const QList<QJsonObject> &resources);
    /// The patient's encounters as the EHR now lists them (replacing what was cached).
    Common::Status replaceEncounters(const QString &patientId, const QList<QJsonObject> &resources);
    /// The patient's diagnoses (of one encounter, when encounterId is given), replacing what was cached.
    Common::Status replaceConditions(const QString &patientId, const QString &encounterId,
                                     const QList<QJsonObject> &resources);

    // The lists also say, in fetchedAt, when the oldest of what they return came from the EHR
    // (invalid when they return nothing): the age a person should be told.

    /// Patients whose name, MRN or id contain every word of text (all when empty).
    QList<Ehr::PatientSummary> searchPatients(const QString &text, QDateTime *fetchedAt = nullptr) const;
    std::optional<Ehr::PatientSummary> patient(const QString &id) const;
    QList<Ehr::EncounterSummary> encountersOf(const QString &patientId, QDateTime *fetchedAt = nullptr) const;
    std::optional<Ehr::EncounterSummary> encounter(const QString &id) const;
    QList<Ehr::ConditionSummary> conditionsOf(const QString &patientId, const QString &encounterId = {},
                                              QDateTime *fetchedAt = nullptr) const;
    /// The EHR refused a line because the encounter is closed: the cached copy says so too (until the
    /// next fetch). The encounter as now cached, or nullopt when it is not cached.
    std::optional<Ehr::EncounterSummary> markEncounterClosed(const QString &encounterId,
                                                             Model::BillingState state);
    /// For Rules::ValidationContext::patientConditionIds; nullopt when nothing is cached for the patient.
    std::optional<QSet<QString>> conditionIdsOfPatient(const QString &patientId) const;

    /// When the newest cached data was fetched (invalid when the cache is empty).
    QDateTime lastRefreshed() const;
    Common::Status clear();

private:
    /// In one transaction: deleteSql (when given) with deleteValues, then insertSql once per row with
    /// the row's values and the fetch time (:fetched_at).
    Common::Status writeRows(const QString &deleteSql, const QVariantMap &deleteValues,
                             const QString &insertSql, const QList<QVariantMap> &rows);

    OutboxStore &m_store;
};

} // namespace Outbox
