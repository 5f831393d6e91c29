#include "zoneddatetimeedit.h"

#include <algorithm>

#include <QFocusEvent>
#include <QKeyEvent>

namespace Ui {

ZonedDateTimeEdit::ZonedDateTimeEdit(QWidget *parent)
    : QDateTimeEdit(parent)
    , m_zone(QTimeZone::utc())
{
    // The editor holds naive wall-clock time; UTC has no gaps, so no local DST rule of
    // this computer can shift what the clerk typed for a clinic elsewhere.
    setTimeSpec(Qt::UTC);
    setDisplayFormat(QStringLiteral("yyyy-MM-dd  HH:mm"));
    setCalendarPopup(true);
    setKeyboardTracking(true);
    setCorrectionMode(QAbstractSpinBox::CorrectToNearestValue);
}

void ZonedDateTimeEdit::setZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    const QDateTime current = zonedValue();
    m_zone = zone;
    setZonedValue(current);
}

QDateTime ZonedDateTimeEdit::zonedValue() const
{
    const QDateTime wall = dateTime();
    return QDateTime(wall.date(), QTime(wall.time().hour(), wall.time().minute()), m_zone);
}

void ZonedDateTimeEdit::setZonedValue(const QDateTime &value)
{
    if (!value.isValid())
        return;
    const QDateTime local = value.toTimeZone(m_zone);
    setDateTime(QDateTime(local.date(), QTime(local.time().hour(), local.time().minute()), Qt::UTC));
}

void ZonedDateTimeEdit::focusInEvent(QFocusEvent *event)
{
    QDateTimeEdit::focusInEvent(event);
    if (event->reason() == Qt::TabFocusReason || event->reason() == Qt::ShortcutFocusReason)
        setSelectedSection(QDateTimeEdit::HourSection);
}

void ZonedDateTimeEdit::keyPressEvent(QKeyEvent *event)
{
    // Section by section: moving the cursor one character at a time leaves it between sections, where
    // typing changes nothing.
    if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
        int target = -1;
        switch (event->key()) {
        case Qt::Key_Home:
            target = 0;
            break;
        case Qt::Key_End:
            target = sectionCount() - 1;
            break;
        case Qt::Key_Left:
            target = std::max(0, currentSectionIndex() - 1);
            break;
        case Qt::Key_Right:
            target = std::min(sectionCount() - 1, currentSectionIndex() + 1);
            break;
        default:
            break;
        }
        if (target >= 0) {
            setCurrentSectionIndex(target);
            setSelectedSection(currentSection());
            event->accept();
            return;
        }
    }
    QDateTimeEdit::keyPressEvent(event);
}

bool ZonedDateTimeEdit::focusNextPrevChild(bool next)
{
    return QWidget::focusNextPrevChild(next);
}

} // namespace Ui
