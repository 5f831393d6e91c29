#pragma once

#include <optional>

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

#include "codeclassifier.h"
#include "model/encounterstate.h"
#include "model/finding.h"
#include "model/procedureentry.h"

namespace Rules {

/// What the caller knows about the line's encounter; by default one that exists and is open.
struct EncounterFacts
{
    bool exists = true;
    QString patientId; ///< empty when unknown
    Model::EncounterState state{Model::EncounterStatus::InProgress, Model::BillingState::Open};

    /// Whether the EHR takes procedures on this encounter (it exists and its state admits them).
    bool acceptsProcedures() const { return exists && state.acceptsProcedures(); }
    friend bool operator==(const EncounterFacts &, const EncounterFacts &) = default;
};

/**
 * What the caller knows beyond the line itself. Every member is optional:
 * a rule that needs a fact only runs when the fact is given, so the form,
 * the CLI and the training EHR share one validator with different knowledge.
 */
struct ValidationContext
{
    QDateTime now; ///< for the "in the future" warnings; invalid: not checked
    std::optional<bool> patientExists;
    std::optional<EncounterFacts> encounter;
    std::optional<QSet<QString>> patientConditionIds; ///< ids without "Condition/"
    CodeFlagsLookup codeFlags;                        ///< the code catalog's flags
    /// How people know a condition id ("M17.11"), for messages; ids without a name are shown as ids.
    QHash<QString, QString> conditionNames;
    /// Lines already sent or queued for the same encounter (not the line being checked): the same code
    /// at the same performed time is warned about (500002), since the EHR may take it as a duplicate.
    QList<Model::ProcedureEntry> encounterLines;
};

/**
 * Every rule of docs/rules.md, plus warnings a careful clerk
 * wants. Each finding carries the EHR's own code and the element path, so a
 * form can mark the field and the training EHR can answer as the EHR does.
 */
class Validator
{
public:
    static Model::Findings check(const Model::ProcedureEntry &entry, const ValidationContext &context = {});

    /// True when the line's code needs a performedPeriod (anesthesia by form or by catalog flag).
    static bool needsPeriod(const Model::ProcedureEntry &entry, const ValidationContext &context = {});
};

/// A finding path for the n-th linked diagnosis: "Procedure.reasonReference[n].reference".
QString reasonReferencePath(qsizetype index);

} // namespace Rules
