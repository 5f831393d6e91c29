#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

#include "formfield.h"

class QLabel;

namespace Ui {

class ZonedDateTimeEdit;

/**
 * When a procedure was performed: one date-time, or for anesthesia a start and an end with the
 * minutes between them and an estimate of the time units. Times are wall-clock times in the
 * clinic's zone, each shown with the offset in force at that instant.
 *
 * The caption ("Performed" or "Anesthesia") is a separate label for the owner's form layout; it
 * follows the mode. Switching to anesthesia starts the period at the time already given, unless
 * the person set the period.
 */
class ProcedureTimeEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ProcedureTimeEditor(QWidget *parent = nullptr);

    QLabel *caption() const { return m_caption; }
    ZonedDateTimeEdit *performedEdit() const { return m_performedEdit; }
    ZonedDateTimeEdit *startEdit() const { return m_startEdit; }
    ZonedDateTimeEdit *endEdit() const { return m_endEdit; }

    void setZone(const QTimeZone &zone);
    QTimeZone zone() const;
    /// Anesthesia time-unit length for the estimate (default 15).
    void setUnitMinutes(int minutes);

    bool isPeriodMode() const { return m_periodMode; }
    void setPeriodMode(bool period);

    QDateTime performed() const;
    QDateTime periodStart() const;
    QDateTime periodEnd() const;
    /// Every time at `performed` (a new encounter or the default for a new line); no signal.
    void reset(const QDateTime &performed);
    /// The times of a line opened for correction; invalid values keep what is shown. No signal.
    void load(const QDateTime &performed, const QDateTime &start, const QDateTime &end);
    /// A new line keeps the performed time (lines of one superbill usually share it), and the
    /// period starts there again. No signal.
    void restartPeriod();

Q_SIGNALS:
    /// The person changed a time: Performed, PeriodStart or PeriodEnd.
    void edited(Ui::FormField field);

private:
    void updateLabels();

    bool m_periodMode = false;
    bool m_quiet = false;
    bool m_startSet = false;
    bool m_endSet = false;
    int m_unitMinutes = 15;
    QLabel *m_caption = nullptr;
    QWidget *m_performedRow = nullptr;
    QWidget *m_periodRow = nullptr;
    ZonedDateTimeEdit *m_performedEdit = nullptr;
    ZonedDateTimeEdit *m_startEdit = nullptr;
    ZonedDateTimeEdit *m_endEdit = nullptr;
    QLabel *m_performedOffsetLabel = nullptr;
    QLabel *m_startOffsetLabel = nullptr;
    QLabel *m_endOffsetLabel = nullptr;
    QLabel *m_minutesLabel = nullptr;
    QLabel *m_unitsLabel = nullptr;
};

} // namespace Ui
