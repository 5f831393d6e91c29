#pragma once

#include <QDateTime>
#include <QDateTimeEdit>
#include <QTimeZone>

namespace Ui {

/**
 * A date-time edit that shows wall-clock time in a given zone (the clinic's)
 * and gives back a QDateTime in that zone, whatever the computer's own zone.
 * Tabbing in selects the hour, because the day is usually already right and a
 * clerk types only the time; typing fills a section and moves on to the next,
 * and Tab leaves the field (not the section) so the form's Tab order holds.
 * Left and Right select the previous and next section, Home the year and End
 * the minutes, so Home then 202603080330 types a whole date and time.
 */
class ZonedDateTimeEdit : public QDateTimeEdit
{
    Q_OBJECT

public:
    explicit ZonedDateTimeEdit(QWidget *parent = nullptr);

    void setZone(const QTimeZone &zone);
    QTimeZone zone() const { return m_zone; }

    /// The value in the zone.
    QDateTime zonedValue() const;
    /// Shows `value` as wall-clock time in the zone; an invalid value keeps the current one.
    void setZonedValue(const QDateTime &value);

protected:
    void focusInEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    /// Tab always leaves the field; sections are reached with the arrow keys or by typing.
    bool focusNextPrevChild(bool next) override;

private:
    QTimeZone m_zone;
};

} // namespace Ui
