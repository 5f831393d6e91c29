#pragma once

#include <functional>
#include <optional>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "catalog/codeentry.h"
#include "linedraft.h"
#include "outbox/outboxline.h"
#include "superbill/superbilltemplate.h"

namespace Ui {

/// One code of the superbill form as the clerk fills it in, and what the outbox says of it.
struct SheetRow
{
    QString section;
    QString code;
    QString label;   ///< as printed on the form (else the catalog's description)
    QString display; ///< the catalog's description, sent as code.coding.display
    QString version;
    QString categoryCode;
    bool needsPeriod = false; ///< anesthesia or timed: a start and an end instead of one time
    bool ticked = false;
    QStringList diagnosisIds; ///< linked, in pointer order; empty: the first diagnosis (A)
    QDateTime performed;
    QDateTime periodStart;
    QDateTime periodEnd;
    Model::Identifier identifier; ///< given when first ticked, so a check and the submit name one line
    qint64 lineId = 0;            ///< the outbox line this row became (0: none yet)
    std::optional<Outbox::OutboxLine> line;
    LineCheck check; ///< of a ticked row, with the EHR's findings of a refused line after the Validator's

    /// Sent, or queued on its way: shown with its state, and not ticked a second time.
    bool isLocked() const { return line && line->state != Outbox::LineState::NeedsCorrection; }
    /// Refused by the EHR and back on the form to correct.
    bool isRefused() const { return line && line->state == Outbox::LineState::NeedsCorrection; }
};

/**
 * The superbill form without its widgets: the template's codes in form order (and an "Other"
 * section for codes added by search), which are ticked, their pointers into the lettered
 * diagnoses, their times, the Validator's findings of each ticked row, and the outbox lines the
 * encounter already has. Every rule comes from the core Validator (through checkLine); this only
 * holds what the person typed, as LineDraft does for one line.
 */
class SuperbillSheet
{
public:
    /// The template's codes; descriptions and versions from the catalog lookup.
    void setTemplate(const Superbill::SuperbillTemplate &superbill,
                     const std::function<std::optional<Catalog::CodeEntry>(const QString &)> &lookup,
                     const Rules::CodeFlagsLookup &codeFlags);
    /// A new encounter: nothing ticked, no diagnoses, every time at the encounter's start.
    void setEncounter(const EncounterContext &encounter);
    /// What is known about the encounter changed (its state, its diagnoses); the form is kept.
    void updateEncounter(const EncounterContext &encounter);
    const EncounterContext &encounter() const { return m_encounter; }

    const QList<SheetRow> &rows() const { return m_rows; }
    const SheetRow &row(int index) const { return m_rows.at(index); }
    int rowCount() const { return int(m_rows.size()); }
    /// The title of the section that takes codes added by search.
    static QString otherSection();

    /// Rows whose code starts with prefix (case ignored), in form order.
    QList<int> rowsStartingWith(const QString &prefix) const;
    /// The row of a code added from the catalog: its row on the form, else a new row under "Other".
    int addCode(const Catalog::CodeEntry &entry);

    /// False for a locked row (sent or queued).
    bool setTicked(int index, bool ticked);
    void setDiagnosisIds(int index, const QStringList &ids);
    void setPerformed(int index, const QDateTime &performed);
    void setPeriod(int index, const QDateTime &start, const QDateTime &end);

    /// The lettered diagnoses (A first); links to diagnoses no longer among them are dropped.
    void setDiagnoses(const QStringList &conditionIds);
    const QStringList &diagnoses() const { return m_diagnoses; }
    /// "AB" for the row's links; the implicit "A" when it links none and a diagnosis exists.
    QString pointers(int index) const;

    /// Re-runs the Validator on one ticked row, or on every ticked row.
    void check(int index, const QDateTime &nowUtc);
    void checkAll(const QDateTime &nowUtc);
    QList<int> tickedRows() const;
    /// Ticked rows whose check has an error, in form order.
    QList<int> rowsWithErrors() const;

    /// The encounter's outbox lines (oldest first; a refused one with its entry, the others may be
    /// listings): a row sent or on its way is locked with its state, a refused one comes back ticked
    /// with the EHR's findings; a line whose code is not on the form gets a row under "Other".
    void syncOutbox(const QList<Outbox::OutboxLine> &lines);

    /// The ticked rows as the outbox takes them, in form order: new lines, and corrections of refused
    /// ones (their line ids). Call after checkAll().
    QList<Outbox::LineWrite> writes() const;

private:
    LineDraft draftOf(const SheetRow &row, const QDateTime &nowUtc) const;
    void resetTimes(SheetRow &row) const;
    SheetRow rowFor(const QString &section, const QString &code, const QString &label) const;

    std::function<std::optional<Catalog::CodeEntry>(const QString &)> m_lookup;
    Rules::CodeFlagsLookup m_codeFlags;
    EncounterContext m_encounter;
    QList<SheetRow> m_rows;
    qsizetype m_templateRows = 0;
    QStringList m_diagnoses;
};

} // namespace Ui
