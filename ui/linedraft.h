#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include "model/finding.h"
#include "model/procedureentry.h"
#include "rules/codeclassifier.h"
#include "rules/validator.h"

namespace Ui {

/// One diagnosis of the encounter a line can be linked to.
struct DiagnosisOption
{
    QString id;      ///< Condition id, without "Condition/"
    QString code;    ///< e.g. the ICD-10-CM code
    QString display; ///< what the code means
    /// "I10 — Essential hypertension", or the id when nothing else is known.
    QString label() const;
    friend bool operator==(const DiagnosisOption &, const DiagnosisOption &) = default;
};

/**
 * What the form knows about the encounter a line is entered for: who, which
 * encounter, its state as facts for the Validator, the clinic's time zone and
 * the diagnoses that can be linked.
 */
struct EncounterContext
{
    QString patientId;
    QString patientName; ///< for display only
    QString encounterId;
    QString title;   ///< for display only, e.g. "14 Mar 2026 · Office visit"
    QDateTime start; ///< when the encounter began; the default performed time of a new line
    QTimeZone timeZone;
    Rules::EncounterFacts facts;
    QString stateText; ///< e.g. "Open", "Signed off"
    QList<DiagnosisOption> diagnoses;
    bool diagnosesKnown = false;   ///< when true, links outside `diagnoses` are reported (500037)
    bool pickedAsOnlyOpen = false; ///< chosen for the person: the patient's only open encounter

    bool isValid() const { return !encounterId.isEmpty(); }
    /// The diagnosis with this id, or nullptr.
    const DiagnosisOption *diagnosis(const QString &id) const;
};

/**
 * A superbill line as the form holds it while a person types: plain values,
 * valid or not, times already placed in the clinic's zone. toEntry() turns it
 * into the ProcedureEntry the core validates and the outbox sends.
 */
struct LineDraft
{
    QString code;
    QString display;
    QString version;
    QString categoryCode; ///< empty: no category
    QString status = QLatin1String(Model::Status::Completed);
    QDateTime performed;
    QDateTime periodStart;
    QDateTime periodEnd;
    QDateTime recorded;
    QStringList diagnosisIds; ///< in the order given; duplicates kept so the Validator can name them
    QList<Model::Identifier> identifiers;
    QString ehrId; ///< the EHR's id when correcting a line it already has

    /// The entry as it will be sent; `withPeriod` selects performedPeriod over performedDateTime.
    /// A draft without a client identifier gets a new one each time: give the draft one (see
    /// Model::ProcedureEntry::newClientIdentifier) to keep it across checks.
    Model::ProcedureEntry toEntry(const EncounterContext &encounter, bool withPeriod) const;
    /// The draft for an entry that comes back for correction, times shown in `zone`.
    static LineDraft fromEntry(const Model::ProcedureEntry &entry, const QTimeZone &zone);

    friend bool operator==(const LineDraft &, const LineDraft &) = default;
};

/// The outcome of checking a draft: the entry, whether it needs a period, and every finding.
struct LineCheck
{
    Model::ProcedureEntry entry;
    bool needsPeriod = false;
    Model::Findings findings;

    bool hasErrors() const { return Model::hasErrors(findings); }
};

/// Runs the core Validator on the draft with what the form knows (the encounter's other lines sent
/// or queued included); no rule lives here.
LineCheck checkLine(const LineDraft &draft, const EncounterContext &encounter,
                    const Rules::CodeFlagsLookup &codeFlags, const QDateTime &nowUtc,
                    const QList<Model::ProcedureEntry> &encounterLines = {});

/// Anesthesia time units as a preview: minutes / unit minutes, rounded up; 0 for no time.
qint64 estimatedTimeUnits(qint64 minutes, int unitMinutes);

/// The offset and abbreviation in force at that instant, for display: "−05:00 CDT".
QString offsetText(const QDateTime &value);

/// The zone of a time for a person: its abbreviation in force then ("CDT"), or the offset ("UTC−05:00")
/// where the zone has no letters for it.
QString zoneName(const QDateTime &value);

} // namespace Ui
