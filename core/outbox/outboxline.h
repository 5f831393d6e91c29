#pragma once

#include <optional>

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include "model/finding.h"
#include "model/procedureentry.h"

namespace Outbox {

/**
 * Where a line is on its way to the EHR:
 * pending → sending → sent; or needs-correction (the EHR refused the content,
 * a person must act); or discarded (by a person, kept for the audit).
 */
enum class LineState
{
    Pending,
    Sending,
    Sent,
    NeedsCorrection,
    Discarded
};

QString lineStateName(LineState state); ///< "pending", "sending", "sent", "needs-correction", "discarded"
std::optional<LineState> lineStateFromName(const QString &name);

/// One procedure line in the outbox, as stored.
struct OutboxLine
{
    qint64 id = 0;
    Model::Identifier identifier; ///< the client identifier, also in the Procedure
    QString patientId;
    QString encounterId;
    QString code;             ///< the CPT code, for listings
    QString display;          ///< the code's description, for listings
    QDateTime performedStart; ///< performedDateTime or the period's start, in its own offset
    QDateTime performedEnd;   ///< the end of performedPeriod (anesthesia); invalid otherwise
    QStringList diagnosisIds; ///< the ids of the linked Conditions (reasonReference)
    QByteArray entryJson;     ///< the Procedure as FHIR JSON (ehr-vendor dialect); empty in listings
    LineState state = LineState::Pending;
    int attempts = 0;            ///< answered or unanswered tries (not those refused for credentials)
    bool outcomeUnknown = false; ///< an earlier try may have reached the EHR without an answer
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime nextAttemptAt; ///< for pending lines: not before
    QDateTime sentAt;
    QString lastResult; ///< e.g. "retryable", "rejected", "created"
    int lastHttpStatus = 0;
    QString lastError;
    Model::Findings findings; ///< why the EHR refused it (needs-correction)
    QString ehrId;            ///< the EHR's id once sent

    /// The entry, read back from entryJson.
    std::optional<Model::ProcedureEntry> entry() const;
    /// Pending or sending or needs-correction: not yet done.
    bool isOpen() const
    {
        return state == LineState::Pending || state == LineState::Sending ||
               state == LineState::NeedsCorrection;
    }
};

/// The entries of `lines` that are on `encounterId` and sent or on their way (pending, sending),
/// except line `exceptId`: what a new line on the encounter could duplicate. Each has the code and the
/// start (as performedDateTime) only.
QList<Model::ProcedureEntry> entriesOnEncounter(const QList<OutboxLine> &lines, const QString &encounterId,
                                                qint64 exceptId = -1);

/// Which lines a listing holds: every line unless narrowed to an encounter or to some states.
struct LineFilter
{
    QString encounterId = {};     ///< empty: every encounter
    QList<LineState> states = {}; ///< empty: every state
};

/// How many lines are in each state.
struct QueueCounts
{
    int pending = 0;
    int sending = 0;
    int sent = 0;
    int needsCorrection = 0;
    int discarded = 0;

    int total() const { return pending + sending + sent + needsCorrection + discarded; }
    /// Lines the sender will still send on its own.
    int unsent() const { return pending + sending; }
    friend bool operator==(const QueueCounts &, const QueueCounts &) = default;
};

/// One row of the audit log: an attempt or a person's action on a line. Never holds a token.
struct AuditEntry
{
    qint64 id = 0; ///< the audit row's; 0 for a "queued" read from its line (lines queued since schema 5)
    qint64 lineId = 0;
    QDateTime at;
    QString event; ///< queued, attempt, recovered, reconciled, retry, corrected, discarded
    int httpStatus = 0;
    QString result;
    QString ehrCode;
    QString ehrId;
    QString detail;
};

/// One line of a superbill submitted at once: a new line (lineId 0), or the correction of a line a
/// person may still change (pending or needs-correction), which keeps its identifier.
struct LineWrite
{
    qint64 lineId = 0;
    Model::ProcedureEntry entry;
};

/// What the sender learnt from one attempt, written in one transaction with its audit row.
struct AttemptRecord
{
    LineState newState = LineState::Pending;
    bool countAttempt = true;
    bool outcomeUnknown = false; ///< sets the line's flag; it is only cleared when the line is sent
    QDateTime nextAttemptAt;     ///< for a line going back to pending
    QString event = QStringLiteral("attempt");
    int httpStatus = 0;
    QString result;
    QString ehrCode;
    QString ehrId;
    QString error;
    Model::Findings findings;
};

/// Attempts to record together: each line's id with what its attempt came to.
using AttemptBatch = QList<QPair<qint64, AttemptRecord>>;

} // namespace Outbox

Q_DECLARE_METATYPE(Outbox::QueueCounts)
Q_DECLARE_METATYPE(Outbox::OutboxLine)
