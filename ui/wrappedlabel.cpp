#include "wrappedlabel.h"

#include <algorithm>

#include <QEvent>

namespace Ui {

namespace {
// A window's layouts ask for a handful of widths in one pass; a resize brings new ones.
constexpr qsizetype RememberedWidths = 4;
constexpr qsizetype RememberedTexts = 4;
} // namespace

WrappedLabel::WrappedLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
}

WrappedLabel::Measurement &WrappedLabel::measurement() const
{
    // setText() is not virtual: a change of text is seen here.
    const QString shown = text();
    if (!m_measurements.isEmpty() && m_measurements.constLast().text == shown)
        return m_measurements.last();
    const auto known = std::find_if(m_measurements.begin(), m_measurements.end(),
                                    [&shown](const Measurement &measured) { return measured.text == shown; });
    Measurement measured = known != m_measurements.end() ? std::move(*known) : Measurement{shown, {}, {}, {}};
    if (known != m_measurements.end())
        m_measurements.erase(known);
    else if (m_measurements.size() >= RememberedTexts)
        m_measurements.removeFirst();
    m_measurements.append(std::move(measured));
    return m_measurements.last();
}

QSize WrappedLabel::sizeHint() const
{
    Measurement &measured = measurement();
    if (!measured.hint.isValid())
        measured.hint = QLabel::sizeHint();
    return measured.hint;
}

QSize WrappedLabel::minimumSizeHint() const
{
    Measurement &measured = measurement();
    if (!measured.minimum.isValid())
        measured.minimum = QLabel::minimumSizeHint();
    return measured.minimum;
}

int WrappedLabel::heightForWidth(int width) const
{
    QList<Height> &heights = measurement().heights;
    for (const Height &known : std::as_const(heights)) {
        if (known.width == width)
            return known.height;
    }
    if (heights.size() >= RememberedWidths)
        heights.removeFirst();
    heights.append({width, QLabel::heightForWidth(width)});
    return heights.constLast().height;
}

bool WrappedLabel::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::Polish:
    case QEvent::ContentsRectChange:
    case QEvent::LayoutDirectionChange:
        m_measurements.clear();
        break;
    default:
        break;
    }
    return QLabel::event(event);
}

} // namespace Ui
