#include "patientlistmodel.h"

#include <QLocale>

#include "theme.h"

namespace Ui {

void PatientListModel::setPatients(const QList<Ehr::PatientSummary> &patients)
{
    beginResetModel();
    m_patients = patients;
    endResetModel();
}

const Ehr::PatientSummary *PatientListModel::patient(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_patients.at(row);
}

int PatientListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_patients.size(); ++row) {
        if (m_patients.at(row).id == id)
            return row;
    }
    return -1;
}

int PatientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_patients.size());
}

QVariant PatientListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_patients.size())
        return {};
    const Ehr::PatientSummary &patient = m_patients.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QStringList details;
        if (!patient.mrn.isEmpty())
            details << patient.mrn;
        if (patient.birthDate.isValid())
            details << tr("born %1").arg(QLocale().toString(patient.birthDate, QLocale::ShortFormat));
        if (!patient.gender.isEmpty())
            details << patient.gender;
        return QString(patient.displayName() + u'\n' + details.join(QStringLiteral("  ·  ")));
    }
    case Qt::AccessibleTextRole:
        return patient.displayName();
    case Qt::DecorationRole:
        return cachedIcon(QStringLiteral(":/icons/patient.svg"));
    case Qt::ToolTipRole:
        return patient.id;
    case PatientIdRole:
        return patient.id;
    default:
        return {};
    }
}

} // namespace Ui
