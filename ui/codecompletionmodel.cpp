#include "codecompletionmodel.h"

#include <algorithm>

#include "catalog/codecatalog.h"
#include "common/printable.h"

namespace Ui {

CodeCompletionModel::CodeCompletionModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void CodeCompletionModel::setCatalog(const Catalog::CodeCatalog *catalog)
{
    beginResetModel();
    m_catalog = catalog;
    m_hits.clear();
    m_allWordsFound = true;
    endResetModel();
}

int CodeCompletionModel::search(const QString &text, int limit)
{
    beginResetModel();
    m_hits.clear();
    m_favourites.clear();
    m_recent.clear();
    if (m_catalog) {
        Catalog::SearchOptions options;
        options.limit = limit;
        options.primaryCodeOnLine = m_primaryCodeOnLine;
        options.explain = true;
        m_hits = m_catalog->searchHits(text, options);
        for (const auto &entry : m_catalog->favourites())
            m_favourites.insert(entry.code);
        for (const auto &entry : m_catalog->recent())
            m_recent.insert(entry.code);
    }
    m_allWordsFound = text.trimmed().isEmpty() ||
                      std::any_of(m_hits.cbegin(), m_hits.cend(), [](const Catalog::SearchIndex::Hit &hit) {
                          return hit.match != Catalog::SearchMatch::SomeWords;
                      });
    endResetModel();
    return int(m_hits.size());
}

int CodeCompletionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QString CodeCompletionModel::note(const Catalog::SearchIndex::Hit &hit) const
{
    // What the description itself does not show: the synonym or typo that found it, the number range,
    // and why it comes last.
    QStringList notes;
    for (const Catalog::MatchedTerm &term : hit.matched) {
        if (term.via != Catalog::MatchedTerm::Via::Word && term.via != Catalog::MatchedTerm::Via::InsideWord)
            notes.append(tr("%1: %2").arg(term.query, Common::printable(term.term)));
    }
    if (hit.demotion != Catalog::Demotion::None)
        notes.append(Catalog::demotionText(hit.demotion));
    return notes.join(QStringLiteral(" · "));
}

QVariant CodeCompletionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const Catalog::SearchIndex::Hit &hit = m_hits.at(index.row());
    const Catalog::CodeEntry &entry = hit.entry;
    switch (role) {
    case Qt::DisplayRole: {
        // The catalog and a practice's synonym file come from outside: shown printable.
        QString text =
            Common::printable(entry.code) + QStringLiteral("  —  ") + Common::printable(entry.display);
        if (m_favourites.contains(entry.code))
            text = QStringLiteral("★  ") + text;
        else if (m_recent.contains(entry.code))
            text = QStringLiteral("↺  ") + text;
        return text;
    }
    case Qt::EditRole:
    case CodeRole:
        return entry.code;
    case Qt::ToolTipRole: {
        QString tip = Common::printable(entry.display);
        if (const QStringList flags = entry.flagNames(); !flags.isEmpty())
            tip += u'\n' + flags.join(QStringLiteral(", "));
        if (const QString text = note(hit); !text.isEmpty())
            tip += u'\n' + text;
        return tip;
    }
    case DescriptionRole:
        return entry.display;
    case VersionRole:
        return entry.version;
    case NoteRole:
        return note(hit);
    case DemotedRole:
        return hit.demotion != Catalog::Demotion::None;
    default:
        return {};
    }
}

} // namespace Ui
