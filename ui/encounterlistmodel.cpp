#include "encounterlistmodel.h"

#include <algorithm>

#include <QLocale>

#include "theme.h"

namespace Ui {

void EncounterListModel::setEncounters(const QList<Ehr::EncounterSummary> &encounters)
{
    beginResetModel();
    m_encounters = encounters;
    std::stable_sort(m_encounters.begin(), m_encounters.end(),
                     [](const auto &a, const auto &b) { return a.start > b.start; });
    endResetModel();
}

bool EncounterListModel::updateEncounter(const Ehr::EncounterSummary &encounter)
{
    const int row = rowOf(encounter.id);
    if (row < 0)
        return false;
    Ehr::EncounterSummary updated = encounter;
    // A refusal tells only the state; what the list knew of the visit stays.
    const Ehr::EncounterSummary &known = m_encounters.at(row);
    if (!updated.start.isValid())
        updated.start = known.start;
    if (updated.type.isEmpty())
        updated.type = known.type;
    if (updated.timeZone.isEmpty())
        updated.timeZone = known.timeZone;
    if (updated.patientId.isEmpty())
        updated.patientId = known.patientId;
    m_encounters[row] = updated;
    Q_EMIT dataChanged(index(row), index(row));
    return true;
}

const Ehr::EncounterSummary *EncounterListModel::encounter(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_encounters.at(row);
}

int EncounterListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_encounters.size(); ++row) {
        if (m_encounters.at(row).id == id)
            return row;
    }
    return -1;
}

QString EncounterListModel::closedReason(const Ehr::EncounterSummary &encounter)
{
    switch (encounter.state.admission()) {
    case Model::ProcedureAdmission::Accepted:
        break;
    case Model::ProcedureAdmission::Billed:
        return tr("Billed: the EHR takes no more procedures for it (500010).");
    case Model::ProcedureAdmission::SignedOff:
        return tr("Signed off: the EHR takes no more procedures for it (500009).");
    case Model::ProcedureAdmission::NotInProgress:
        return tr("Status \"%1\": the EHR takes procedures only while an encounter is in progress (500009).")
            .arg(Model::encounterStatusCode(encounter.state.status));
    }
    return {};
}

QString EncounterListModel::shortReason(const Ehr::EncounterSummary &encounter)
{
    const bool billed = encounter.state.admission() == Model::ProcedureAdmission::Billed;
    return tr("%1: no lines (%2)")
        .arg(stateText(encounter), billed ? QStringLiteral("500010") : QStringLiteral("500009"));
}

QString EncounterListModel::stateText(const Ehr::EncounterSummary &encounter)
{
    switch (encounter.state.billing) {
    case Model::BillingState::SignedOff:
        return tr("Signed off");
    case Model::BillingState::Billed:
        return tr("Billed");
    case Model::BillingState::PartiallyBilled:
        return tr("Partially billed");
    case Model::BillingState::Open:
    case Model::BillingState::NotGiven:
        break;
    }
    return encounter.acceptsProcedures() ? tr("Open") : tr("Closed");
}

QString EncounterListModel::whenText(const Ehr::EncounterSummary &encounter)
{
    if (!encounter.start.isValid())
        return tr("Date not given");
    const QTimeZone zone = encounter.zone();
    const QDateTime local = zone.isValid() ? encounter.start.toTimeZone(zone) : encounter.start;
    return QLocale().toString(local.date(), QStringLiteral("ddd d MMM yyyy")) + QStringLiteral(", ") +
           QLocale().toString(local.time(), QStringLiteral("HH:mm"));
}

int EncounterListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_encounters.size());
}

QVariant EncounterListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_encounters.size())
        return {};
    const Ehr::EncounterSummary &encounter = m_encounters.at(index.row());
    const bool open = encounter.acceptsProcedures();
    switch (role) {
    case Qt::DisplayRole: {
        // The reason a closed one takes no lines is in the list itself, on a line of its own so that
        // a narrow list does not cut it off.
        QString text = whenText(encounter) + u'\n';
        if (!encounter.type.isEmpty())
            text += encounter.type + (open ? QStringLiteral("  ·  ") : QStringLiteral("\n"));
        return QString(text + (open ? stateText(encounter) : shortReason(encounter)));
    }
    case Qt::DecorationRole:
        return cachedIcon(open ? QStringLiteral(":/icons/encounter.svg")
                               : QStringLiteral(":/icons/encounter-locked.svg"));
    case Qt::ToolTipRole: {
        QString tip = encounter.id;
        if (!encounter.timeZone.isEmpty())
            tip += QStringLiteral(" · ") + encounter.timeZone;
        if (!open)
            tip += u'\n' + closedReason(encounter);
        return tip;
    }
    case Qt::AccessibleTextRole:
        return QString(whenText(encounter) + QStringLiteral(", ") + stateText(encounter));
    case EncounterIdRole:
        return encounter.id;
    case AcceptsRole:
        return open;
    case ReasonRole:
        return closedReason(encounter);
    default:
        return {};
    }
}

Qt::ItemFlags EncounterListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_encounters.size())
        return Qt::NoItemFlags;
    // Closed encounters can be reached and opened too, read-only, to see their lines.
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace Ui
