#include "wrappedlabel.h"

#include <QEvent>

namespace Ui {

namespace {
// A window's layouts ask for a handful of widths in one pass; a resize brings new ones.
constexpr qsizetype RememberedWidths = 4;
} // namespace

WrappedLabel::WrappedLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
}

int WrappedLabel::heightForWidth(int width) const
{
    // setText() is not virtual: a change of text is seen here.
    if (const QString shown = text(); shown != m_measuredText) {
        m_measuredText = shown;
        m_heights.clear();
    }
    for (const Height &known : std::as_const(m_heights)) {
        if (known.width == width)
            return known.height;
    }
    if (m_heights.size() >= RememberedWidths)
        m_heights.removeFirst();
    m_heights.append({width, QLabel::heightForWidth(width)});
    return m_heights.constLast().height;
}

bool WrappedLabel::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::Polish:
    case QEvent::ContentsRectChange:
    case QEvent::LayoutDirectionChange:
        m_heights.clear();
        break;
    default:
        break;
    }
    return QLabel::event(event);
}

} // namespace Ui
