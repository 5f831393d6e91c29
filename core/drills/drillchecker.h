#pragma once

#include <optional>

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "drill.h"
#include "outbox/outboxline.h"

namespace Drills {

/// What the training EHR (and the trainee's outbox, when known) holds for a drill's encounters.
struct EhrSnapshot
{
    /// Stored Procedures (FHIR JSON) per encounter id, in the order they were recorded.
    QHash<QString, QList<QJsonObject>> procedures;
    /// Procedures the EHR refused, tagged with the codes (see Sandbox::RefusalJournal); nullopt when the
    /// EHR does not keep them (not a training EHR).
    std::optional<QList<QJsonObject>> refusals;
    /// The trainee's outbox lines; nullopt when it was not given (the command line without --db).
    std::optional<QList<Outbox::OutboxLine>> outbox;
    /// Condition id → ICD-10 code, to name diagnoses as a clerk sees them.
    QHash<QString, QString> diagnosisCodes;
};

/// One thing the check looked at.
struct CheckItem
{
    enum class Verdict
    {
        Right,
        Wrong,
        NotChecked, ///< the snapshot lacks what it needs; counts neither way
    };
    Verdict verdict = Verdict::Right;
    QString field;   ///< code, category, performed, period, diagnoses, order, missing, extra, refused,
                     ///< discarded, queue
    QString subject; ///< "20610 on Encounter-805"
    QString text;    ///< in plain words, e.g. "code 20611 — expected 20610: the note says no ultrasound"

    friend bool operator==(const CheckItem &, const CheckItem &) = default;
};

/// Everything the check found, in the order of the drill's expected result.
struct CheckReport
{
    QList<CheckItem> items;

    int right() const;
    int wrong() const;
    /// Right and wrong items (not the unchecked ones).
    int checked() const { return right() + wrong(); }
    bool correct() const { return wrong() == 0 && right() > 0; }
    /// Right items out of the checked ones, rounded down: 100 only when all are right.
    int percent() const;
    /// The texts of the wrong items.
    QStringList mistakes() const;
    QJsonObject toJson() const;
};

/**
 * Compares what the training EHR holds against a drill's expected result,
 * field by field, and says what is right and what is wrong in plain words.
 * Each expected Procedure is paired with the recorded one that matches it
 * best (the same code first), so a single wrong field is named as that field
 * and not as a missing line plus an extra one. Texts from the drill (why a
 * value is expected) come in `language` ("en" or "es").
 */
CheckReport checkDrill(const Drill &drill, const EhrSnapshot &snapshot, const QString &language = {});

} // namespace Drills
