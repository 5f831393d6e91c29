#pragma once

#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QTimeZone>

#include "common/result.h"
#include "model/encounterstate.h"
#include "model/finding.h"
#include "rules/validator.h"

namespace Ehr {

/// The billing state an EHR refusal proves an encounter is in: 500009 signed off, 500010 billed;
/// nullopt when none of the findings says that the encounter is closed.
std::optional<Model::BillingState> closedStateFromRefusal(const Model::Findings &findings);

/**
 * What the superbill form needs of a FHIR Encounter: whose it is, whether it
 * still takes procedures (status and billing state), the clinic's time zone
 * for entering times, when it started and what kind of visit it was.
 */
struct EncounterSummary
{
    QString id;
    QString patientId;
    Model::EncounterState state; ///< FHIR Encounter.status and the EHR's billing state
    QString timeZone;            ///< IANA id from the timezone extension, or empty
    QDateTime start;
    QString type; ///< a short text for the kind of visit

    /// The clinic's zone, or invalid when the EHR did not say.
    QTimeZone zone() const;
    /// What the validator needs to know of it.
    Rules::EncounterFacts facts() const;
    /// True when the EHR would take a new procedure on it.
    bool acceptsProcedures() const { return state.acceptsProcedures(); }

    static Common::Result<EncounterSummary> fromFhir(const QJsonObject &resource);

    friend bool operator==(const EncounterSummary &, const EncounterSummary &) = default;
};

} // namespace Ehr

Q_DECLARE_METATYPE(Ehr::EncounterSummary)
