#include "codecompletiondelegate.h"

#include <algorithm>

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>

#include "codecompletionmodel.h"

namespace Ui {

namespace {
constexpr int NoteGap = 12; // pixels between the description and the note
constexpr qsizetype MaxElided = 512;
} // namespace

QColor CodeCompletionDelegate::noteColor(const QPalette &palette)
{
    // Half way between the text and its background, opaque, so it reads as grey in light and dark themes.
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return QColor((text.red() + base.red()) / 2, (text.green() + base.green()) / 2,
                  (text.blue() + base.blue()) / 2);
}

const CodeCompletionDelegate::Elided &CodeCompletionDelegate::elided(const QFont &font, const QString &text,
                                                                     int width) const
{
    if (font != m_elidedFont) {
        m_elided.clear();
        m_elidedFont = font;
    }
    const auto key = std::make_pair(text, width);
    if (const auto found = m_elided.constFind(key); found != m_elided.cend())
        return *found;
    // Bounded: a long session's searches do not add up.
    if (m_elided.size() >= MaxElided)
        m_elided.clear();
    const QFontMetrics metrics(font);
    const QString shown = metrics.elidedText(text, Qt::ElideRight, width);
    return *m_elided.insert(key, {shown, metrics.horizontalAdvance(shown)});
}

void CodeCompletionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const QString note = index.data(CodeCompletionModel::NoteRole).toString();
    QStyleOptionViewItem row = option;
    initStyleOption(&row, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &row, widget);
    if (note.isEmpty()) {
        // The margin the style leaves around an item's text, as a row without a note always had.
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        area.adjust(margin, 0, -margin, 0);
    }
    // The row's background, selection and icon as the style draws them; the text is ours: the style
    // lays out the whole description to elide it, on every paint of every row.
    const QString text = row.text;
    row.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &row, painter, widget);

    // The note keeps up to half the row; the description takes the rest.
    const int gap = note.isEmpty() ? 0 : NoteGap;
    const int noteWidth =
        note.isEmpty() ? 0 : std::min(elided(row.font, note, QWIDGETSIZE_MAX).width, area.width() / 2);
    const Elided shownText = elided(row.font, text, std::max(0, area.width() - noteWidth - gap));
    const bool selected = row.state & QStyle::State_Selected;
    QPalette::ColorGroup group = row.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(row.state & QStyle::State_Active))
        group = QPalette::Inactive;

    painter->save();
    painter->setFont(row.font);
    painter->setPen(row.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(area.adjusted(0, 0, -(noteWidth + gap), 0), Qt::AlignLeft | Qt::AlignVCenter,
                      shownText.text);
    if (!note.isEmpty()) {
        painter->setPen(selected ? row.palette.color(group, QPalette::HighlightedText)
                                 : noteColor(row.palette));
        const QRect noteArea(area.left() + shownText.width + NoteGap, area.top(), noteWidth, area.height());
        painter->drawText(noteArea, Qt::AlignLeft | Qt::AlignVCenter, elided(row.font, note, noteWidth).text);
    }
    painter->restore();
}

} // namespace Ui
