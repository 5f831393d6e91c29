#include "codecompletionmodel.h"

#include <QIcon>

namespace Ui {

void CodeCompletionModel::setSuggestions(const QList<CodeSuggestion> &suggestions)
{
    if (suggestions == m_suggestions)
        return;
    beginResetModel();
    m_suggestions = suggestions;
    endResetModel();
}

int CodeCompletionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_suggestions.size());
}

QVariant CodeCompletionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_suggestions.size())
        return {};
    const CodeSuggestion &suggestion = m_suggestions.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString text = suggestion.code + QStringLiteral("  —  ") + suggestion.display;
        if (suggestion.favourite)
            text = QStringLiteral("★ ") + text;
        return text;
    }
    case Qt::EditRole:
    case CodeRole:
        return suggestion.code;
    case Qt::ToolTipRole:
    case DescriptionRole:
        return suggestion.display;
    case VersionRole:
        return suggestion.version;
    case FavouriteRole:
        return suggestion.favourite;
    case RecentRole:
        return suggestion.recent;
    default:
        return {};
    }
}

} // namespace Ui
