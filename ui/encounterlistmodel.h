#pragma once

#include <QAbstractListModel>

#include "ehr/encountersummary.h"

namespace Ui {

/**
 * A patient's encounters, newest first. Signed-off and billed ones say why they
 * take no lines (with the EHR's code) in their text; they can still be chosen,
 * to see their lines read-only.
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
    /// Replaces the encounter with the same id; false when it is not listed.
    bool updateEncounter(const Ehr::EncounterSummary &encounter);
    const QList<Ehr::EncounterSummary> &encounters() const { return m_encounters; }
    const Ehr::EncounterSummary *encounter(const QString &id) const;
    int rowOf(const QString &id) const;

    /// Why no line can be added to the encounter, or empty when it is open.
    static QString closedReason(const Ehr::EncounterSummary &encounter);
    /// "Signed off: no lines (500009)", for the list itself.
    static QString shortReason(const Ehr::EncounterSummary &encounter);
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
