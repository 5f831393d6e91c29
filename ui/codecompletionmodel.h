#pragma once

#include <QAbstractListModel>
#include <QSet>

#include "catalog/codeentry.h"

namespace Catalog {
class CodeCatalog;
}

namespace Ui {

/**
 * The rows of the CPT completer, from the code catalog's ranked search:
 * "99213 — Office visit …", favourites starred and recent codes marked. The
 * completer inserts the code (CodeRole). An empty query lists favourites then
 * recent codes, as the catalog orders them.
 */
class CodeCompletionModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        CodeRole = Qt::UserRole + 1,
        DescriptionRole,
        VersionRole
    };

    explicit CodeCompletionModel(QObject *parent = nullptr);

    void setCatalog(const Catalog::CodeCatalog *catalog);
    /// Runs the catalog's search; returns the number of rows.
    int search(const QString &text, int limit);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    const Catalog::CodeCatalog *m_catalog = nullptr;
    Catalog::CodeEntries m_entries;
    QSet<QString> m_favourites;
    QSet<QString> m_recent;
};

} // namespace Ui
