#include "findingsmodel.h"

#include <algorithm>

#include "common/printable.h"
#include "rules/errorcatalog.h"
#include "theme.h"

namespace Ui {

void FindingsModel::setFindings(const Model::Findings &findings)
{
    Model::Findings sorted = findings;
    // Findings may come from the EHR: what is shown has its control characters escaped.
    for (Model::Finding &finding : sorted) {
        finding.code = Common::printable(finding.code);
        finding.message = Common::printable(finding.message);
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const Model::Finding &a, const Model::Finding &b) {
        return int(a.severity) < int(b.severity);
    });
    if (sorted == m_findings)
        return;
    beginResetModel();
    m_findings = sorted;
    endResetModel();
}

int FindingsModel::errorCount() const
{
    return int(
        std::count_if(m_findings.cbegin(), m_findings.cend(), [](const auto &f) { return f.isError(); }));
}

int FindingsModel::warningCount() const
{
    return int(std::count_if(m_findings.cbegin(), m_findings.cend(),
                             [](const auto &f) { return f.severity == Model::Severity::Warning; }));
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_findings.size())
        return {};
    const Model::Finding &finding = m_findings.at(index.row());
    int diagnosisIndex = -1;
    const FormField field = fieldForPath(finding.path, &diagnosisIndex);
    switch (role) {
    case Qt::DisplayRole:
        return QString(finding.code + QStringLiteral(" · ") + fieldLabel(field) + u'\n' + finding.message);
    case Qt::DecorationRole:
        return cachedIcon(finding.isError() ? QStringLiteral(":/icons/error.svg")
                          : finding.severity == Model::Severity::Warning
                              ? QStringLiteral(":/icons/warning.svg")
                              : QStringLiteral(":/icons/info.svg"));
    case Qt::ToolTipRole:
        return QString(finding.code + QStringLiteral(" · ") + fieldLabel(field) + u'\n' + finding.message);
    case Qt::AccessibleTextRole:
        return QString(Model::severityName(finding.severity) + u' ' + finding.code + u' ' +
                       fieldLabel(field) + u' ' + finding.message);
    case CodeRole:
        return finding.code;
    case NameRole: {
        const auto info = Rules::ErrorCatalog::instance().lookup(finding.code);
        return info.known ? info.name : QString();
    }
    case MessageRole:
        return finding.message;
    case SeverityRole:
        return int(finding.severity);
    case FieldRole:
        return int(field);
    case FieldLabelRole:
        return fieldLabel(field);
    case DiagnosisIndexRole:
        return diagnosisIndex;
    default:
        return {};
    }
}

} // namespace Ui
