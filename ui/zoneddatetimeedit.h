#pragma once

#include <optional>

#include <QDateTime>
#include <QDateTimeEdit>
#include <QElapsedTimer>
#include <QFont>
#include <QPointer>
#include <QTimeZone>

class QFrame;

namespace Ui {

/**
 * A date-time edit that shows wall-clock time in a given zone (the clinic's)
 * and gives back a QDateTime in that zone, whatever the computer's own zone.
 * Tabbing in selects the hour, because the day is usually already right and a
 * clerk types only the time; typing fills a section and moves on to the next,
 * and Tab leaves the field (not the section) so the form's Tab order holds.
 * A whole "2026-03-14 10:30" (or "0314 1030", or "14/03/2026 10:30") typed at
 * once sets the whole value; Alt and the caption's letter land on the day;
 * F4 or Alt+↓ opens a calendar the keyboard can use. The wheel changes nothing
 * until the field has the focus. Left and Right select the previous and next
 * section, Home the year and End the minutes, so Home then 202603080330 types
 * a whole date and time.
 */
class ZonedDateTimeEdit : public QDateTimeEdit
{
    Q_OBJECT

public:
    explicit ZonedDateTimeEdit(QWidget *parent = nullptr);

    /// How a date-time shows in this language (day/month/year in Spanish, ISO order otherwise).
    static QString displayFormat(const QLocale &locale);

    void setZone(const QTimeZone &zone);
    QTimeZone zone() const { return m_zone; }

    /// The value in the zone.
    QDateTime zonedValue() const;
    /// Shows `value` as wall-clock time in the zone; an invalid value keeps the current one.
    void setZonedValue(const QDateTime &value);

    /// A date and a wall-clock time typed as a whole; the time is invalid when only a date was typed.
    struct Typed
    {
        QDate date;
        QTime time;
    };
    /// What typed text means as a whole: "2026-03-14 10:30", "20260314 1030", "0314 1030" (this
    /// year), "14/03/2026 10:30", or a date alone with separators; `current` gives the year when none
    /// is typed. nullopt for anything else (such as "1030", the hour and minute typed section by section).
    static std::optional<Typed> parseTyped(const QString &typed, const QDate &current);
    /// Opens the calendar (F4, Alt+↓): arrows move, Enter takes the day, Esc closes.
    void openCalendar();

    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    /// Tab always leaves the field; sections are reached with the arrow keys or by typing.
    bool focusNextPrevChild(bool next) override;

private:
    QTimeZone m_zone;
    QString m_typed;
    QDateTime m_typedFrom; ///< the value before the typing began
    QElapsedTimer m_typedTimer;
    QPointer<QFrame> m_calendar;
    QFont m_fittedFont;
    int m_missingWidth = 0; ///< what the style's padding leaves the text short of, at m_fittedFont
};

} // namespace Ui
