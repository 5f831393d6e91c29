#include "encounterstate.h"

#include <array>
#include <utility>

namespace Model {

namespace {

constexpr std::array StatusCodes{
    std::pair{EncounterStatus::Planned, "planned"},
    std::pair{EncounterStatus::Arrived, "arrived"},
    std::pair{EncounterStatus::Triaged, "triaged"},
    std::pair{EncounterStatus::InProgress, "in-progress"},
    std::pair{EncounterStatus::OnLeave, "onleave"},
    std::pair{EncounterStatus::Finished, "finished"},
    std::pair{EncounterStatus::Cancelled, "cancelled"},
    std::pair{EncounterStatus::EnteredInError, "entered-in-error"},
    std::pair{EncounterStatus::Unknown, "unknown"},
};

constexpr std::array BillingCodes{
    std::pair{BillingState::Open, "open"},
    std::pair{BillingState::SignedOff, "signed-off"},
    std::pair{BillingState::Billed, "billed"},
    std::pair{BillingState::PartiallyBilled, "partially-billed"},
};

template<typename Enum, std::size_t N>
QString codeOf(const std::array<std::pair<Enum, const char *>, N> &codes, Enum value)
{
    for (const auto &[candidate, code] : codes) {
        if (candidate == value)
            return QLatin1String(code);
    }
    return {};
}

template<typename Enum, std::size_t N>
Enum valueOf(const std::array<std::pair<Enum, const char *>, N> &codes, const QString &code, Enum fallback)
{
    for (const auto &[value, candidate] : codes) {
        if (code == QLatin1String(candidate))
            return value;
    }
    return fallback;
}

} // namespace

ProcedureAdmission EncounterState::admission() const
{
    if (billing == BillingState::Billed || billing == BillingState::PartiallyBilled)
        return ProcedureAdmission::Billed;
    if (billing == BillingState::SignedOff)
        return ProcedureAdmission::SignedOff;
    // docs/rules.md, "When an encounter takes procedures": the vendor's page only says an open
    // encounter, refused once signed off or closed.
    // Before the visit is under way nothing was performed yet, and after it ends the superbill is
    // closed, so "open" is the one status a visit has while procedures are done: in-progress.
    if (status != EncounterStatus::InProgress)
        return ProcedureAdmission::NotInProgress;
    return ProcedureAdmission::Accepted;
}

QString encounterStatusCode(EncounterStatus status)
{
    return codeOf(StatusCodes, status);
}

EncounterStatus encounterStatusFromCode(const QString &code)
{
    return valueOf(StatusCodes, code, EncounterStatus::Unknown);
}

QString billingStateCode(BillingState state)
{
    return codeOf(BillingCodes, state);
}

BillingState billingStateFromCode(const QString &code)
{
    return valueOf(BillingCodes, code, BillingState::NotGiven);
}

} // namespace Model
