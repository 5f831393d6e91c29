#pragma once

#include <QHash>
#include <QMenu>

#include "sandbox/trainingbehaviour.h"

class QAction;
class QMainWindow;

namespace Drills {
struct Drill;
}

namespace Ui {

class AppSettings;
class DrillPanel;
class Workspace;

/**
 * The trainer's menu, present only in training mode: reset the demo data
 * (training EHR and training queue, never a real EHR's), make the training
 * EHR misbehave for a class, show its address and token for superbill-cli,
 * load a scenario's demo data, run drills, and sign in again after a
 * simulated expiry.
 */
class TrainingMenu : public QMenu
{
    Q_OBJECT

public:
    TrainingMenu(Workspace &workspace, AppSettings &settings, QMainWindow *window);

    /// The drill panel, once a drill was started.
    DrillPanel *drillPanel() const { return m_drillPanel; }
    bool isDrillPanelShown() const;
    QAction *behaviourAction(Sandbox::TrainingBehaviour behaviour) const
    {
        return m_behaviours.value(behaviour);
    }

public Q_SLOTS:
    /// Asks, then resets.
    void resetDemoData();
    /// Refuse-next-line asks for the code.
    void chooseBehaviour(Sandbox::TrainingBehaviour behaviour);
    void showTrainingEhr();
    /// Asks for a folder, then loads it.
    void loadDemoData();
    /// Asks, then serves the demo data of dir (empty: the built-in data) and empties the training queue.
    void loadDemoDataFrom(const QString &dir);
    void showDrills();
    /// Starts the drill in the drill panel, without asking.
    void startDrill(const Drills::Drill &drill, const QString &trainee);
    void signInAgain();

Q_SIGNALS:
    void drillPanelShown(bool shown);

private:
    DrillPanel *panel();
    bool confirm(const QString &question, const QString &detail, const QString &action);
    void refresh();
    void report(const QString &error, const QString &done);

    Workspace &m_workspace;
    AppSettings &m_settings;
    QMainWindow *m_window;
    QHash<Sandbox::TrainingBehaviour, QAction *> m_behaviours;
    QAction *m_builtInData = nullptr;
    QAction *m_signInAgain = nullptr;
    DrillPanel *m_drillPanel = nullptr;
};

} // namespace Ui
