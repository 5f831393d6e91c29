#pragma once

#include <QAbstractListModel>

#include "formfield.h"
#include "model/finding.h"

namespace Ui {

/**
 * The findings of the line being edited, for the findings panel: errors
 * first, then warnings, each with the field it belongs to.
 */
class FindingsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        CodeRole = Qt::UserRole + 1,
        NameRole, ///< the EHR's name for the code, e.g. DENTAL_CPT_NOT_ALLOWED
        MessageRole,
        SeverityRole, ///< Model::Severity as int
        FieldRole,    ///< FormField as int
        FieldLabelRole,
        DiagnosisIndexRole,
    };

    using QAbstractListModel::QAbstractListModel;

    void setFindings(const Model::Findings &findings);
    int errorCount() const;
    int warningCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Model::Findings m_findings;
};

} // namespace Ui
