#pragma once

#include <QString>

namespace Model {

/// FHIR R4 Encounter.status.
enum class EncounterStatus
{
    Planned,
    Arrived,
    Triaged,
    InProgress,
    OnLeave,
    Finished,
    Cancelled,
    EnteredInError,
    Unknown ///< the code "unknown", and any text that is not an R4 status
};

/// The EHR's billing state of an encounter (the encounter-state extension, docs/rules.md).
enum class BillingState
{
    NotGiven, ///< no extension, or a value the EHR does not define: the status alone decides
    Open,
    SignedOff,
    Billed,
    PartiallyBilled
};

/// Whether the EHR takes a new procedure on an encounter, and if not, why.
enum class ProcedureAdmission
{
    Accepted,
    Billed,       ///< fully or partially billed: 500010
    SignedOff,    ///< signed off: 500009
    NotInProgress ///< planned, not yet started, ended or cancelled: 500009 (the EHR's "closed")
};

/**
 * The state of an encounter as the EHR reports it: the FHIR status and the billing state.
 * admission() is the one place that decides whether procedures may still be added, so the
 * form, the CLI and the training EHR give the same answer for the same encounter.
 */
struct EncounterState
{
    EncounterStatus status = EncounterStatus::Unknown;
    BillingState billing = BillingState::NotGiven;

    /// Billed wins over signed off; otherwise only an encounter in progress takes procedures.
    ProcedureAdmission admission() const;
    bool acceptsProcedures() const { return admission() == ProcedureAdmission::Accepted; }

    friend bool operator==(const EncounterState &, const EncounterState &) = default;
};

/// "in-progress", "entered-in-error", ...
QString encounterStatusCode(EncounterStatus status);
/// The status for a FHIR code; Unknown for anything R4 does not define.
EncounterStatus encounterStatusFromCode(const QString &code);

/// "open", "signed-off", "billed", "partially-billed"; empty for NotGiven.
QString billingStateCode(BillingState state);
/// The billing state for an extension value; NotGiven for an empty or unknown value.
BillingState billingStateFromCode(const QString &code);

} // namespace Model
