#include "zoneddatetimeedit.h"

#include <algorithm>

#include <QCalendarWidget>
#include <QFocusEvent>
#include <QFrame>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace Ui {

namespace {

/// The room QLineEdit keeps between its frame and its text on each side (QLineEditPrivate's horizontal
/// margin), which no API gives.
constexpr int LineEditTextMargin = 2;

} // namespace

ZonedDateTimeEdit::ZonedDateTimeEdit(QWidget *parent)
    : QDateTimeEdit(parent)
    , m_zone(QTimeZone::utc())
{
    // The editor holds naive wall-clock time; UTC has no gaps, so no local DST rule of
    // this computer can shift what the clerk typed for a clinic elsewhere.
    setTimeSpec(Qt::UTC);
    setDisplayFormat(displayFormat(QLocale()));
    setKeyboardTracking(true);
    setCorrectionMode(QAbstractSpinBox::CorrectToNearestValue);
    // The wheel changes the value only once the field has the focus.
    setFocusPolicy(Qt::StrongFocus);
    // The calendar opens with F4 or Alt+↓ (our own, which the keyboard can use); the arrow button too.
    setCalendarPopup(true);
}

QSize ZonedDateTimeEdit::sizeHint() const
{
    return QDateTimeEdit::sizeHint() + QSize(m_missingWidth, 0);
}

void ZonedDateTimeEdit::resizeEvent(QResizeEvent *event)
{
    QDateTimeEdit::resizeEvent(event);
    // Qt sizes the field from the text alone; the style's padding, which presenter mode scales,
    // can then leave the text too little room, and it scrolls. Ask for what is missing; a new font is
    // measured afresh, and a style change at the same font (the thicker focus frame) only adds room.
    if (font() != m_fittedFont) {
        m_fittedFont = font();
        m_missingWidth = 0;
    }
    const QString widest =
        locale().toString(QDateTime(QDate(2000, 12, 28), QTime(20, 58)), QDateTimeEdit::displayFormat());
    const int needed = fontMetrics().horizontalAdvance(widest) + 2 * LineEditTextMargin + 1;
    if (const int missing = needed - lineEdit()->contentsRect().width(); missing > 0) {
        m_missingWidth += missing;
        updateGeometry();
    }
}

QString ZonedDateTimeEdit::displayFormat(const QLocale &locale)
{
    // Spanish readers expect day/month/year; elsewhere the unambiguous ISO order, with a 24-hour clock.
    return locale.language() == QLocale::Spanish ? QStringLiteral("dd/MM/yyyy  HH:mm")
                                                 : QStringLiteral("yyyy-MM-dd  HH:mm");
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

std::optional<ZonedDateTimeEdit::Typed> ZonedDateTimeEdit::parseTyped(const QString &typed,
                                                                      const QDate &current)
{
    const QStringList parts = typed.simplified().split(u' ', Qt::SkipEmptyParts);
    if (parts.isEmpty() || parts.size() > 2)
        return std::nullopt;
    const auto digitsOf = [](const QString &text) {
        QString digits;
        for (const QChar c : text) {
            if (c.isDigit())
                digits += c;
            else if (c != u'-' && c != u'/' && c != u':' && c != u'.')
                return QString();
        }
        return digits;
    };
    const QString datePart = parts.first();
    const QString date = digitsOf(datePart);
    QDate day;
    if (datePart.contains(u'/') && (date.size() == 8 || date.size() == 4)) // 14/03/2026, 14/03
        day = QDate(date.size() == 8 ? date.mid(4, 4).toInt() : current.year(), date.mid(2, 2).toInt(),
                    date.left(2).toInt());
    else if (date.size() == 8) // 2026-03-14, 20260314
        day = QDate(date.left(4).toInt(), date.mid(4, 2).toInt(), date.mid(6, 2).toInt());
    else if (date.size() == 4 && parts.size() == 2) // 0314 1030: month and day of this year
        day = QDate(current.year(), date.left(2).toInt(), date.mid(2, 2).toInt());
    if (!day.isValid() || day.year() < 1900 || day.year() > 2199)
        return std::nullopt;
    if (parts.size() == 1) {
        // A date alone must say it is one, or "1030" would be read as a date.
        if (!datePart.contains(u'-') && !datePart.contains(u'/'))
            return std::nullopt;
        return Typed{day, QTime()};
    }
    const QString time = digitsOf(parts.at(1));
    const QTime clock = time.size() == 4 ? QTime(time.left(2).toInt(), time.mid(2, 2).toInt()) : QTime();
    if (!clock.isValid())
        return std::nullopt;
    return Typed{day, clock};
}

void ZonedDateTimeEdit::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if ((event->key() == Qt::Key_F4 && modifiers == Qt::NoModifier) ||
        (event->key() == Qt::Key_Down && modifiers == Qt::AltModifier)) {
        openCalendar();
        return;
    }
    // Section by section: moving the cursor one character at a time leaves it between sections, where
    // typing changes nothing.
    if (modifiers == Qt::NoModifier) {
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
            m_typed.clear();
            setCurrentSectionIndex(target);
            setSelectedSection(currentSection());
            event->accept();
            return;
        }
    }
    const QString text = event->text();
    const bool typing = modifiers == Qt::NoModifier && text.size() == 1 &&
                        (text.at(0).isDigit() || QStringLiteral("-/:. ").contains(text.at(0)));
    // A pause ends what was typed, so a later "1030" is not read as the end of a date.
    if (!typing || !m_typedTimer.isValid() || m_typedTimer.elapsed() > 2000)
        m_typed.clear();
    if (typing && m_typed.isEmpty())
        m_typedFrom = dateTime();
    QDateTimeEdit::keyPressEvent(event);
    if (!typing)
        return;
    m_typed += text;
    m_typedTimer.start();
    // A whole date and time typed at once is taken as a whole, whichever section the typing began in;
    // the sections it ran through on the way do not count.
    const auto typed = parseTyped(m_typed, m_typedFrom.date());
    if (!typed)
        return;
    if (!typed->time.isValid()) {
        setDateTime(QDateTime(typed->date, m_typedFrom.time(), Qt::UTC));
        return;
    }
    setDateTime(QDateTime(typed->date, typed->time, Qt::UTC));
    m_typed.clear();
    setSelectedSection(QDateTimeEdit::MinuteSection);
}

void ZonedDateTimeEdit::wheelEvent(QWheelEvent *event)
{
    // A wheel turned over a field passed on the way would change a time nobody looked at.
    if (!hasFocus()) {
        event->ignore();
        return;
    }
    QDateTimeEdit::wheelEvent(event);
}

void ZonedDateTimeEdit::openCalendar()
{
    if (!m_calendar) {
        m_calendar = new QFrame(this, Qt::Popup);
        m_calendar->setObjectName(QStringLiteral("calendarPopup"));
        m_calendar->setFrameShape(QFrame::StyledPanel);
        auto *layout = new QVBoxLayout(m_calendar);
        layout->setContentsMargins(2, 2, 2, 2);
        auto *calendar = new QCalendarWidget(m_calendar);
        calendar->setObjectName(QStringLiteral("calendarWidget"));
        calendar->setAccessibleName(tr("Calendar: arrow keys move, Enter takes the day, Esc closes"));
        calendar->setGridVisible(false);
        layout->addWidget(calendar);
        // Enter (activated) or a click takes the day; the time stays.
        connect(calendar, &QCalendarWidget::activated, this, [this](QDate day) {
            m_calendar->hide();
            setDateTime(QDateTime(day, time(), Qt::UTC));
            setFocus(Qt::PopupFocusReason);
        });
        connect(calendar, &QCalendarWidget::clicked, calendar, &QCalendarWidget::activated);
    }
    auto *calendar = m_calendar->findChild<QCalendarWidget *>();
    calendar->setSelectedDate(date());
    m_calendar->adjustSize();
    m_calendar->move(mapToGlobal(QPoint(0, height())));
    m_calendar->show();
    calendar->setFocus(Qt::PopupFocusReason);
}

void ZonedDateTimeEdit::focusInEvent(QFocusEvent *event)
{
    QDateTimeEdit::focusInEvent(event);
    m_typed.clear();
    switch (event->reason()) {
    case Qt::ShortcutFocusReason:
        // Alt and the caption's letter: the date is what is changed on purpose that way.
        setSelectedSection(QDateTimeEdit::DaySection);
        break;
    case Qt::TabFocusReason:
    case Qt::BacktabFocusReason:
    case Qt::OtherFocusReason:
        // Tab, or a finding pointing here: the day is usually right and the hour is typed.
        setSelectedSection(QDateTimeEdit::HourSection);
        break;
    default:
        // A click places the cursor where it was clicked.
        break;
    }
}

bool ZonedDateTimeEdit::focusNextPrevChild(bool next)
{
    return QWidget::focusNextPrevChild(next);
}

} // namespace Ui
