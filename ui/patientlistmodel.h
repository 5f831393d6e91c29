#pragma once

#include <QAbstractListModel>

#include "ehr/patientsummary.h"

namespace Ui {

/// Patients found by the search, two lines each: the name, then MRN, birth date and gender.
class PatientListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        PatientIdRole = Qt::UserRole + 1
    };

    using QAbstractListModel::QAbstractListModel;

    void setPatients(const QList<Ehr::PatientSummary> &patients);
    const QList<Ehr::PatientSummary> &patients() const { return m_patients; }
    const Ehr::PatientSummary *patient(const QString &id) const;
    /// The row of the patient, or -1.
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<Ehr::PatientSummary> m_patients;
};

} // namespace Ui
