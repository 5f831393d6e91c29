#include "codecompletionmodel.h"

#include "catalog/codecatalog.h"

namespace Ui {

CodeCompletionModel::CodeCompletionModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void CodeCompletionModel::setCatalog(const Catalog::CodeCatalog *catalog)
{
    beginResetModel();
    m_catalog = catalog;
    m_entries.clear();
    endResetModel();
}

int CodeCompletionModel::search(const QString &text, int limit)
{
    beginResetModel();
    m_entries.clear();
    m_favourites.clear();
    m_recent.clear();
    if (m_catalog) {
        m_entries = m_catalog->search(text, limit);
        for (const auto &entry : m_catalog->favourites())
            m_favourites.insert(entry.code);
        for (const auto &entry : m_catalog->recent())
            m_recent.insert(entry.code);
    }
    endResetModel();
    return int(m_entries.size());
}

int CodeCompletionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant CodeCompletionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Catalog::CodeEntry &entry = m_entries.at(index.row());
    const bool favourite = m_favourites.contains(entry.code);
    const bool recent = m_recent.contains(entry.code);
    switch (role) {
    case Qt::DisplayRole: {
        QString text = entry.code + QStringLiteral("  —  ") + entry.display;
        if (favourite)
            text = QStringLiteral("★  ") + text;
        else if (recent)
            text = QStringLiteral("↺  ") + text;
        if (!entry.isActive())
            text += tr("  (inactive)");
        return text;
    }
    case Qt::EditRole:
    case CodeRole:
        return entry.code;
    case Qt::ToolTipRole: {
        const QStringList flags = entry.flagNames();
        return flags.isEmpty() ? entry.display
                               : entry.display + QStringLiteral("\n") + flags.join(QStringLiteral(", "));
    }
    case DescriptionRole:
        return entry.display;
    case VersionRole:
        return entry.version;
    default:
        return {};
    }
}

} // namespace Ui
