#pragma once

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
};

} // namespace Ui
