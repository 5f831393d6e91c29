#pragma once

#include <utility>

#include <QFont>
#include <QHash>
#include <QStaticText>
#include <QStyledItemDelegate>

namespace Ui {

/**
 * Paints a row of the CPT completer: the code and description as usual, then
 * CodeCompletionModel::NoteRole (the synonym that found the code, or why it
 * comes last) in the palette's grey for secondary text, elided first when the
 * row is too narrow.
 */
class CodeCompletionDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    /// The colour the note is painted in, for a row in this palette.
    static QColor noteColor(const QPalette &palette);

private:
    struct Elided
    {
        QStaticText text;
        int width = 0;
    };
    /// text elided to width in font, laid out, and the width it takes, remembered: the same rows come
    /// back key after key, and eliding a long description and shaping what is shown was most of a
    /// row's painting.
    const Elided &elided(const QFont &font, const QString &text, int width) const;
    static void drawElided(QPainter *painter, const QRect &area, const Elided &text);
    /// Where the style puts the text of row, whose text is already taken out, as wide as the row.
    static QRect textArea(const QStyle *style, const QStyleOptionViewItem &row, const QWidget *widget);

    mutable QHash<std::pair<QString, int>, Elided> m_elided;
    mutable QFont m_elidedFont;
};

} // namespace Ui
