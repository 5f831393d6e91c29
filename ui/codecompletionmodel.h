#pragma once

#include <QAbstractListModel>
#include <QSet>

#include "catalog/searchindex.h"

namespace Catalog {
class CodeCatalog;
}

namespace Ui {

/**
 * The rows of the CPT completer, from the code catalog's ranked search:
 * "99213 — Office visit …", favourites starred and recent codes marked. The
 * completer inserts the code (CodeRole). NoteRole says what the code's own
 * words do not show: the synonym or typo that found it ("knee: major joint")
 * and why it cannot go on this superbill as it stands ("dental: …");
 * CodeCompletionDelegate paints it in grey. An empty query lists favourites
 * then recent codes, as the catalog orders them.
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
        NoteRole,
        DemotedRole ///< true for a dental, inactive or add-on code shown last
    };

    explicit CodeCompletionModel(QObject *parent = nullptr);

    void setCatalog(const Catalog::CodeCatalog *catalog);
    /// A primary code is on the line already: add-on codes rank like the others.
    void setPrimaryCodeOnLine(bool primary) { m_primaryCodeOnLine = primary; }
    /// Runs the catalog's search; returns the number of rows.
    int search(const QString &text, int limit);
    /// False when the last search found no code with every word: the rows are the closest suggestions.
    bool allWordsFound() const { return m_allWordsFound; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QString note(const Catalog::SearchIndex::Hit &hit) const;

    const Catalog::CodeCatalog *m_catalog = nullptr;
    QList<Catalog::SearchIndex::Hit> m_hits;
    QSet<QString> m_favourites;
    QSet<QString> m_recent;
    bool m_primaryCodeOnLine = false;
    bool m_allWordsFound = true;
};

} // namespace Ui
