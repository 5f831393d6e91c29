#include "codecompletiondelegate.h"

#include <algorithm>

#include <QApplication>
#include <QPainter>

#include "codecompletionmodel.h"

namespace Ui {

namespace {
constexpr int NoteGap = 12; // pixels between the description and the note
} // namespace

QColor CodeCompletionDelegate::noteColor(const QPalette &palette)
{
    // Half way between the text and its background, opaque, so it reads as grey in light and dark themes.
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return QColor((text.red() + base.red()) / 2, (text.green() + base.green()) / 2,
                  (text.blue() + base.blue()) / 2);
}

void CodeCompletionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const QString note = index.data(CodeCompletionModel::NoteRole).toString();
    if (note.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem row = option;
    initStyleOption(&row, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &row, widget);
    // The row's background, selection and icon as the style draws them; the text is ours.
    const QString text = row.text;
    row.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &row, painter, widget);

    const QFontMetrics metrics(row.font);
    // The note keeps up to half the row; the description takes the rest.
    const int noteWidth = std::min(metrics.horizontalAdvance(note), area.width() / 2);
    const int textWidth = std::max(0, area.width() - noteWidth - NoteGap);
    const QString shownText = metrics.elidedText(text, Qt::ElideRight, textWidth);
    const QString shownNote = metrics.elidedText(note, Qt::ElideRight, noteWidth);
    const bool selected = row.state & QStyle::State_Selected;

    painter->save();
    painter->setFont(row.font);
    painter->setPen(row.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(area.adjusted(0, 0, -(noteWidth + NoteGap), 0), Qt::AlignLeft | Qt::AlignVCenter,
                      shownText);
    painter->setPen(selected ? row.palette.color(QPalette::HighlightedText) : noteColor(row.palette));
    const QRect noteArea(area.left() + metrics.horizontalAdvance(shownText) + NoteGap, area.top(), noteWidth,
                         area.height());
    painter->drawText(noteArea, Qt::AlignLeft | Qt::AlignVCenter, shownNote);
    painter->restore();
}

} // namespace Ui
