#pragma once

#include <QDockWidget>

#include "drillsession.h"

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

namespace Ui {

class Workspace;

/**
 * The side panel of a running drill: the instructions, hints on request,
 * the time and keystrokes so far, and Check, which lists what is right and
 * what is wrong in plain words with the score. Try again starts the same
 * drill afresh.
 */
class DrillPanel : public QDockWidget
{
    Q_OBJECT

public:
    DrillPanel(Workspace &workspace, QWidget *window);

    DrillSession &session() { return m_session; }
    /// Starts the drill for the trainee; false (after saying why) when it cannot.
    bool start(const Drills::Drill &drill, const QString &trainee);

public Q_SLOTS:
    void showHint();
    void check();
    void tryAgain();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void updateProgress();
    void showReport(const Drills::CheckReport &report, const Drills::DrillAttempt &attempt);
    void setMessage(const QString &text);

    DrillSession m_session;
    QTimer *m_tick = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_instructions = nullptr;
    QLabel *m_ehr = nullptr;
    QPushButton *m_hintButton = nullptr;
    QLabel *m_hints = nullptr;
    QLabel *m_progress = nullptr;
    QPushButton *m_checkButton = nullptr;
    QLabel *m_message = nullptr;
    QListWidget *m_results = nullptr;
    QLabel *m_score = nullptr;
    QPushButton *m_retryButton = nullptr;
};

/// "1 min 35 s", "42 s".
QString durationText(qint64 seconds);

} // namespace Ui
