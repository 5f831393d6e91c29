#include "superbillsheet.h"

#include <QCoreApplication>
#include <QHash>

#include "superbill/pointers.h"

namespace Ui {

QString SuperbillSheet::otherSection()
{
    return QCoreApplication::translate("Ui::SuperbillSheet", "Other");
}

SheetRow SuperbillSheet::rowFor(const QString &section, const QString &code, const QString &label) const
{
    SheetRow row;
    row.section = section;
    row.code = code;
    if (const auto entry = m_lookup ? m_lookup(code) : std::nullopt) {
        row.display = entry->display;
        row.version = entry->version;
    }
    row.label = label.isEmpty() ? row.display : label;
    Model::ProcedureEntry probe;
    probe.code.code = code;
    Rules::ValidationContext context;
    context.codeFlags = m_codeFlags;
    row.needsPeriod = Rules::Validator::needsPeriod(probe, context);
    resetTimes(row);
    return row;
}

void SuperbillSheet::setTemplate(
    const Superbill::SuperbillTemplate &superbill,
    const std::function<std::optional<Catalog::CodeEntry>(const QString &)> &lookup,
    const Rules::CodeFlagsLookup &codeFlags)
{
    m_lookup = lookup;
    m_codeFlags = codeFlags;
    m_rows.clear();
    for (const Superbill::TemplateSection &section : superbill.sections) {
        for (const Superbill::TemplateCode &code : section.codes) {
            SheetRow row = rowFor(section.title, code.code, code.label);
            row.categoryCode = code.categoryCode;
            // The template asks for a start and end only where the catalog makes the code anesthesia
            // (the import checks that); both say the same, so either opens the period.
            row.needsPeriod = row.needsPeriod || code.timeRequired;
            m_rows.append(row);
        }
    }
    m_templateRows = m_rows.size();
}

void SuperbillSheet::resetTimes(SheetRow &row) const
{
    row.performed = m_encounter.start;
    row.periodStart = m_encounter.start;
    row.periodEnd = m_encounter.start;
}

void SuperbillSheet::setEncounter(const EncounterContext &encounter)
{
    m_encounter = encounter;
    m_rows.resize(m_templateRows);
    for (SheetRow &row : m_rows) {
        row.ticked = false;
        row.diagnosisIds.clear();
        row.identifier = {};
        row.lineId = 0;
        row.line.reset();
        row.check = {};
        resetTimes(row);
    }
    m_diagnoses.clear();
}

void SuperbillSheet::updateEncounter(const EncounterContext &encounter)
{
    m_encounter = encounter;
}

QList<int> SuperbillSheet::rowsStartingWith(const QString &prefix) const
{
    QList<int> found;
    for (int i = 0; i < rowCount(); ++i) {
        if (m_rows.at(i).code.startsWith(prefix, Qt::CaseInsensitive))
            found.append(i);
    }
    return found;
}

int SuperbillSheet::addCode(const Catalog::CodeEntry &entry)
{
    for (int i = 0; i < rowCount(); ++i) {
        if (m_rows.at(i).code == entry.code && !m_rows.at(i).isLocked())
            return i;
    }
    m_rows.append(rowFor(otherSection(), entry.code, {}));
    return rowCount() - 1;
}

bool SuperbillSheet::setTicked(int index, bool ticked)
{
    SheetRow &row = m_rows[index];
    if (row.isLocked())
        return false;
    row.ticked = ticked;
    if (ticked && row.identifier.isEmpty())
        row.identifier = Model::ProcedureEntry::newClientIdentifier();
    if (!ticked)
        row.check = {};
    return true;
}

void SuperbillSheet::setDiagnosisIds(int index, const QStringList &ids)
{
    m_rows[index].diagnosisIds = ids;
}

void SuperbillSheet::setPerformed(int index, const QDateTime &performed)
{
    m_rows[index].performed = performed;
}

void SuperbillSheet::setPeriod(int index, const QDateTime &start, const QDateTime &end)
{
    m_rows[index].periodStart = start;
    m_rows[index].periodEnd = end;
}

void SuperbillSheet::setDiagnoses(const QStringList &conditionIds)
{
    m_diagnoses = conditionIds;
    for (SheetRow &row : m_rows)
        row.diagnosisIds.removeIf([this](const QString &id) { return !m_diagnoses.contains(id); });
}

QString SuperbillSheet::pointers(int index) const
{
    const QStringList &ids = m_rows.at(index).diagnosisIds;
    if (ids.isEmpty())
        return m_diagnoses.isEmpty() ? QString() : QString(Superbill::Pointers::letter(0));
    return Superbill::Pointers::text(ids, m_diagnoses);
}

LineDraft SuperbillSheet::draftOf(const SheetRow &row, const QDateTime &nowUtc) const
{
    LineDraft draft;
    draft.code = row.code;
    draft.display = row.display;
    draft.version = row.version;
    draft.categoryCode = row.categoryCode;
    draft.performed = row.performed;
    draft.periodStart = row.periodStart;
    draft.periodEnd = row.periodEnd;
    draft.recorded = m_encounter.timeZone.isValid() ? nowUtc.toTimeZone(m_encounter.timeZone) : nowUtc;
    // A row without pointers is for the first diagnosis, as on the paper form.
    draft.diagnosisIds = row.diagnosisIds.isEmpty() && !m_diagnoses.isEmpty()
                             ? QStringList{m_diagnoses.first()}
                             : row.diagnosisIds;
    if (!row.identifier.isEmpty())
        draft.identifiers = {row.identifier};
    return draft;
}

void SuperbillSheet::check(int index, const QDateTime &nowUtc)
{
    SheetRow &row = m_rows[index];
    row.check = row.ticked && !row.isLocked()
                    ? checkLine(draftOf(row, nowUtc), m_encounter, m_codeFlags, nowUtc)
                    : LineCheck{};
}

void SuperbillSheet::checkAll(const QDateTime &nowUtc)
{
    for (int i = 0; i < rowCount(); ++i)
        check(i, nowUtc);
}

QList<int> SuperbillSheet::tickedRows() const
{
    QList<int> ticked;
    for (int i = 0; i < rowCount(); ++i) {
        if (m_rows.at(i).ticked && !m_rows.at(i).isLocked())
            ticked.append(i);
    }
    return ticked;
}

QList<int> SuperbillSheet::rowsWithErrors() const
{
    QList<int> rows;
    for (const int i : tickedRows()) {
        if (m_rows.at(i).check.hasErrors())
            rows.append(i);
    }
    return rows;
}

void SuperbillSheet::syncOutbox(const QList<Outbox::OutboxLine> &lines)
{
    QHash<qint64, Outbox::LineState> before;
    for (SheetRow &row : m_rows) {
        if (row.line)
            before.insert(row.line->id, row.line->state);
        row.line.reset();
    }
    QList<bool> taken(m_rows.size(), false);
    for (const Outbox::OutboxLine &line : lines) {
        if (line.state == Outbox::LineState::Discarded)
            continue;
        int index = -1;
        for (int i = 0; i < rowCount() && index < 0; ++i) {
            if (m_rows.at(i).code == line.code && !taken.value(i))
                index = i;
        }
        if (index < 0) {
            m_rows.append(rowFor(otherSection(), line.code, line.display));
            index = rowCount() - 1;
        }
        taken.resize(m_rows.size(), false);
        taken[index] = true;
        SheetRow &row = m_rows[index];
        const bool news = !before.contains(line.id) || before.value(line.id) != line.state;
        row.line = line;
        row.lineId = line.id;
        if (row.isLocked()) {
            row.ticked = false;
            row.check = {};
            continue;
        }
        const std::optional<Model::ProcedureEntry> entry = news ? line.entry() : std::nullopt;
        if (!entry)
            continue;
        // Refused: back on the form as it was sent, to correct.
        const LineDraft sent = LineDraft::fromEntry(*entry, m_encounter.timeZone);
        row.ticked = true;
        row.identifier = line.identifier;
        row.categoryCode = sent.categoryCode;
        if (sent.performed.isValid())
            row.performed = sent.performed;
        if (sent.periodStart.isValid())
            row.periodStart = sent.periodStart;
        if (sent.periodEnd.isValid())
            row.periodEnd = sent.periodEnd;
        row.diagnosisIds = sent.diagnosisIds;
        for (const QString &id : sent.diagnosisIds) {
            if (!m_diagnoses.contains(id))
                m_diagnoses.append(id);
        }
    }
    for (SheetRow &row : m_rows) {
        if (row.line || row.lineId == 0)
            continue;
        // Its line left the encounter (discarded): the row is free again, for a new line.
        row.lineId = 0;
        row.ticked = false;
        row.identifier = {};
        row.check = {};
    }
}

QList<Outbox::LineWrite> SuperbillSheet::writes() const
{
    QList<Outbox::LineWrite> writes;
    for (const int i : tickedRows()) {
        const SheetRow &row = m_rows.at(i);
        writes.append({row.isRefused() ? row.line->id : 0, row.check.entry});
    }
    return writes;
}

} // namespace Ui
