#pragma once

#include <QAbstractListModel>

#include "ehr/encountersummary.h"

namespace Ui {

/**
 * A patient's encounters, newest first. Open ones can be selected; signed-off
 * and billed ones stay visible but disabled, with the reason (and the EHR's
 * code for it) in their text and tooltip.
 */
class EncounterListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        EncounterIdRole = Qt::UserRole + 1,
        AcceptsRole,
        ReasonRole
    };

    using QAbstractListModel::QAbstractListModel;

    void setEncounters(const QList<Ehr::EncounterSummary> &encounters);
    const QList<Ehr::EncounterSummary> &encounters() const { return m_encounters; }
    const Ehr::EncounterSummary *encounter(const QString &id) const;
    int rowOf(const QString &id) const;

    /// Why no line can be added to the encounter, or empty when it is open.
    static QString closedReason(const Ehr::EncounterSummary &encounter);
    /// "Open", "Signed off", "Billed", "Partially billed".
    static QString stateText(const Ehr::EncounterSummary &encounter);
    /// "Sat 14 Mar 2026, 09:30" in the encounter's own zone.
    static QString whenText(const Ehr::EncounterSummary &encounter);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QList<Ehr::EncounterSummary> m_encounters;
};

} // namespace Ui
