#pragma once

#include <QAbstractListModel>

#include "codesource.h"

namespace Ui {

/**
 * The rows of the CPT completer: "99213 — Office visit …", favourites and
 * recent codes marked. The completer inserts the code (Qt::EditRole).
 */
class CodeCompletionModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        CodeRole = Qt::UserRole + 1,
        DescriptionRole,
        VersionRole,
        FavouriteRole,
        RecentRole
    };

    using QAbstractListModel::QAbstractListModel;

    void setSuggestions(const QList<CodeSuggestion> &suggestions);
    const QList<CodeSuggestion> &suggestions() const { return m_suggestions; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<CodeSuggestion> m_suggestions;
};

} // namespace Ui
