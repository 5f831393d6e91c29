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
        QString second = stateText(encounter);
        if (!encounter.type.isEmpty())
            second = encounter.type + QStringLiteral("  ·  ") + second;
        return QString(whenText(encounter) + u'\n' + second);
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
    // Closed encounters stay in the list so the clerk sees why they cannot be chosen.
    return m_encounters.at(index.row()).acceptsProcedures() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                                            : Qt::ItemNeverHasChildren;
}

} // namespace Ui
