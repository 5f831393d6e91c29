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
    QStaticText laidOut(shown);
    laidOut.setTextFormat(Qt::PlainText); // a description with '<' in it is not markup
    laidOut.prepare(QTransform(), font);
    return *m_elided.insert(key, {laidOut, metrics.horizontalAdvance(shown)});
}

QRect CodeCompletionDelegate::textArea(const QStyle *style, const QStyleOptionViewItem &row,
                                       const QWidget *widget)
{
    // Asked for a row without its text: given it, the style lays the whole text out to measure it, and
    // puts a short one in a rect of its own width, which left a short description with a note elided
    // in a wide row. The rect is then widened to the row's far side, less the margin on the near one.
    Q_ASSERT(row.text.isEmpty());
    QRect area = style->subElementRect(QStyle::SE_ItemViewItemText, &row, widget);
    if (row.direction == Qt::RightToLeft)
        area.setLeft(row.rect.left() + (row.rect.right() - area.right()));
    else
        area.setRight(row.rect.right() - (area.left() - row.rect.left()));
    return area;
}

void CodeCompletionDelegate::drawElided(QPainter *painter, const QRect &area, const Elided &text)
{
    // Centred as drawText's Qt::AlignVCenter centres a line.
    const qreal top = area.top() + (area.height() - text.text.size().height()) / 2;
    painter->drawStaticText(QPointF(area.left(), top), text.text);
}

void CodeCompletionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    const QString note = index.data(CodeCompletionModel::NoteRole).toString();
    QStyleOptionViewItem row = option;
    initStyleOption(&row, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The row's background, selection and icon as the style draws them; the text is ours: the style
    // would lay out the whole description, wrapped, to elide it, on every paint of every row.
    const QString text = row.text;
    row.text.clear();
    QRect area = textArea(style, row, widget);
    if (note.isEmpty()) {
        // The margin the style leaves around an item's text, as a row without a note always had.
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        area.adjust(margin, 0, -margin, 0);
    }
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
    drawElided(painter, area, shownText);
    if (!note.isEmpty()) {
        painter->setPen(selected ? row.palette.color(group, QPalette::HighlightedText)
                                 : noteColor(row.palette));
        const QRect noteArea(area.left() + shownText.width + NoteGap, area.top(), noteWidth, area.height());
        drawElided(painter, noteArea, elided(row.font, note, noteWidth));
    }
    painter->restore();
}

} // namespace Ui
