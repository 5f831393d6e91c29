#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include "drills/drill.h"
#include "drills/drillchecker.h"
#include "drills/drillresults.h"

class QWidget;

namespace Ui {

class KeystrokeWatcher;
class Workspace;

/**
 * One trainee's attempt at a drill: it resets the training data, records what
 * the drill sets up, makes the training EHR behave as the drill says, then
 * times the trainee and counts their keystrokes and hints until they ask for
 * the check, which reads the training EHR (and the training queue) and scores
 * the attempt into the class's results. The rules of the check live in
 * core/drills; this only drives it.
 */
class DrillSession : public QObject
{
    Q_OBJECT

public:
    DrillSession(Workspace &workspace, QWidget *window, QObject *parent = nullptr);
    ~DrillSession() override;

    /// Starts; started() or failed() follows. An error for a person when it cannot start at all.
    QString start(const Drills::Drill &drill, const QString &trainee);
    /// Stops timing and counting (the drill panel was closed); nothing is recorded.
    void stop();
    bool isRunning() const { return m_running; }

    const Drills::Drill &drill() const { return m_drill; }
    QString trainee() const { return m_trainee; }
    qint64 elapsedSeconds() const;
    int keystrokes() const { return m_keystrokes; }
    int hintsUsed() const { return m_hintsUsed; }
    int hintsLeft() const { return int(m_drill.hints.size()) - m_hintsUsed; }
    /// The next hint (it counts as used), or empty when none is left.
    QString takeHint();

    /// Reads the training EHR and scores the attempt: checked() or failed() follows.
    void check();

    /// The class's results, in the training data folder.
    Drills::DrillResults &results();
    /// "en" or "es": the language the app speaks, for the drill's own texts.
    static QString language();

Q_SIGNALS:
    void started();
    void failed(const QString &message);
    void keystrokesChanged(int keystrokes);
    /// The drill's EHR behaviour ended (normalAfterQueued lines were entered): the EHR answers again.
    void ehrBackToNormal();
    void checked(const Drills::CheckReport &report, const Drills::DrillAttempt &attempt);

private:
    void setUpNext(qsizetype index);
    /// Fetches the drill's patients through the directory, as a clerk's day would have, so the offline copy
    /// has them when the drill's EHR is down or refuses the sign-in.
    void warmUp(qsizetype index);
    void begin();
    void onCountsChanged();

    Workspace &m_workspace;
    KeystrokeWatcher *m_watcher = nullptr;
    Drills::Drill m_drill;
    QString m_trainee;
    Drills::DrillResults m_results;
    QDateTime m_startedAt;
    QElapsedTimer m_clock;
    qint64 m_finalSeconds = -1;
    int m_keystrokes = 0;
    int m_hintsUsed = 0;
    bool m_running = false;
    bool m_settingUp = false;
    bool m_checking = false;
    bool m_backToNormal = false;
    quint64 m_generation = 0; ///< callbacks of an attempt that was restarted are ignored
};

} // namespace Ui
