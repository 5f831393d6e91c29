#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include "common/result.h"
#include "fhir/extensions.h"
#include "model/encounterstate.h"

namespace Sandbox {

/// The shared Fhir::Urls under the names the sandbox has always used.
namespace Urls {
inline constexpr auto EncounterStateExtension = ::Fhir::Urls::EncounterStateExtension;
inline constexpr auto TimezoneExtension = ::Fhir::Urls::TimezoneExtension;
inline constexpr auto Icd10Cm = ::Fhir::Urls::Icd10Cm;
inline constexpr auto MrnSystem = ::Fhir::Urls::MrnSystem;
} // namespace Urls

/// What the server needs to know about one encounter, read once at load time.
struct EncounterInfo
{
    QString id;
    QString patientId;
    Model::EncounterState state; ///< FHIR Encounter.status and the billing state
    QDateTime start;             ///< with its offset
    QString timeZone;
};

/**
 * The training EHR's patients, encounters and diagnoses, read from three FHIR
 * Bundle files (patients.json, encounters.json, conditions.json) in a
 * directory or in the built-in resources. Loading checks every reference and
 * extension so that a trainer's own data set fails with a message that names
 * the file and the entry instead of misbehaving later.
 */
class DemoData
{
public:
    /// The data compiled into the library.
    static QString builtInDirectory();

    /// Reads dir (a directory, or a ":/..." resource path); the error names the file and the entry.
    static Common::Result<DemoData> load(const QString &dir);

    const QList<QJsonObject> &patients() const { return m_patients; }
    const QList<QJsonObject> &encounters() const { return m_encounters; }
    const QList<QJsonObject> &conditions() const { return m_conditions; }

    const QJsonObject *patient(const QString &id) const;
    const QJsonObject *encounter(const QString &id) const;
    const QJsonObject *condition(const QString &id) const;
    const EncounterInfo *encounterInfo(const QString &id) const;
    bool hasPatient(const QString &id) const { return m_patientIndex.contains(id); }

    /// Ids (without "Condition/") of the patient's diagnoses.
    QSet<QString> conditionIdsOfPatient(const QString &patientId) const;
    /// The patient id a condition belongs to.
    QString conditionPatient(const QString &conditionId) const;
    QString conditionEncounter(const QString &conditionId) const;

private:
    QList<QJsonObject> m_patients;
    QList<QJsonObject> m_encounters;
    QList<QJsonObject> m_conditions;
    QHash<QString, qsizetype> m_patientIndex;
    QHash<QString, qsizetype> m_encounterIndex;
    QHash<QString, qsizetype> m_conditionIndex;
    QHash<QString, EncounterInfo> m_encounterInfo;
    QHash<QString, QString> m_conditionPatient;
    QHash<QString, QString> m_conditionEncounter;
    QHash<QString, QSet<QString>> m_patientConditions;
};

} // namespace Sandbox
