#include "trainingmenu.h"

#include <QAction>
#include <QActionGroup>
#include <QDir>
#include <QFileDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include "appsettings.h"
#include "drillpanel.h"
#include "drillsdialog.h"
#include "ehr/ehrclient.h"
#include "outbox/sender.h"
#include "refusecodedialog.h"
#include "theme.h"
#include "trainingehrdialog.h"
#include "trainingtexts.h"
#include "workspace.h"

namespace Ui {

namespace {

} // namespace

TrainingMenu::TrainingMenu(Workspace &workspace, AppSettings &settings, QMainWindow *window)
    // The Alt key is a letter no other menu and no field caption of the window uses.
    : QMenu(tr("Tra&ining"), window)
    , m_workspace(workspace)
    , m_settings(settings)
    , m_window(window)
{
    setObjectName(QStringLiteral("trainingMenu"));
    menuAction()->setObjectName(QStringLiteral("trainingMenuAction"));
    const auto add = [this](QMenu *menu, const QString &icon, const QString &text, const QString &name) {
        QAction *action = menu->addAction(icon.isEmpty() ? QIcon() : cachedIcon(icon), text);
        action->setObjectName(name);
        return action;
    };
    connect(add(this, QStringLiteral(":/icons/refresh.svg"), tr("&Reset demo data…"),
                QStringLiteral("resetDemoDataAction")),
            &QAction::triggered, this, &TrainingMenu::resetDemoData);

    QMenu *behaviour = addMenu(tr("EHR &behaviour"));
    behaviour->setObjectName(QStringLiteral("ehrBehaviourMenu"));
    auto *group = new QActionGroup(this);
    for (const Sandbox::TrainingBehaviour choice : Sandbox::trainingBehaviours()) {
        // "refuse-next-line" → behaviourRefuseNextLineAction
        QString name;
        for (const QString &part : Sandbox::behaviourName(choice).split(u'-'))
            name += part.left(1).toUpper() + part.mid(1);
        QAction *action =
            add(behaviour, {}, behaviourTexts(choice).menu, QStringLiteral("behaviour%1Action").arg(name));
        action->setCheckable(true);
        group->addAction(action);
        m_behaviours.insert(choice, action);
        connect(action, &QAction::triggered, this, [this, choice] { chooseBehaviour(choice); });
        if (choice == Sandbox::TrainingBehaviour::Normal)
            behaviour->addSeparator();
    }
    addSeparator();
    connect(add(this, QStringLiteral(":/icons/encounter.svg"), tr("&Load demo data…"),
                QStringLiteral("loadDemoDataAction")),
            &QAction::triggered, this, &TrainingMenu::loadDemoData);
    m_builtInData = add(this, {}, tr("Use built-&in demo data"), QStringLiteral("builtInDemoDataAction"));
    connect(m_builtInData, &QAction::triggered, this, [this] { loadDemoDataFrom(QString()); });
    connect(add(this, QStringLiteral(":/icons/info.svg"), tr("Show training EHR &address and token…"),
                QStringLiteral("showTrainingEhrAction")),
            &QAction::triggered, this, &TrainingMenu::showTrainingEhr);
    addSeparator();
    QAction *drills =
        add(this, QStringLiteral(":/icons/submit.svg"), tr("&Drills…"), QStringLiteral("drillsAction"));
    drills->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_window->addAction(drills);
    connect(drills, &QAction::triggered, this, &TrainingMenu::showDrills);
    m_signInAgain = add(this, QStringLiteral(":/icons/resend.svg"), tr("&Sign in again"),
                        QStringLiteral("signInAgainAction"));
    connect(m_signInAgain, &QAction::triggered, this, &TrainingMenu::signInAgain);

    connect(&m_workspace, &Workspace::started, this, &TrainingMenu::refresh);
    connect(&m_workspace, &Workspace::trainingReset, this, &TrainingMenu::refresh);
    connect(&m_workspace, &Workspace::trainingBehaviourChanged, this, &TrainingMenu::refresh);
    connect(&m_workspace, &Workspace::sendingProblemChanged, this, &TrainingMenu::refresh);
    refresh();
}

void TrainingMenu::refresh()
{
    const bool training = m_workspace.isTraining();
    menuAction()->setVisible(training);
    const Sandbox::BehaviourChoice choice = m_workspace.trainingBehaviour();
    for (auto it = m_behaviours.cbegin(); it != m_behaviours.cend(); ++it)
        it.value()->setChecked(it.key() == choice.behaviour);
    if (QAction *refuse = m_behaviours.value(Sandbox::TrainingBehaviour::RefuseNextLine)) {
        refuse->setText(behaviourTexts(Sandbox::TrainingBehaviour::RefuseNextLine,
                                       choice.behaviour == Sandbox::TrainingBehaviour::RefuseNextLine
                                           ? choice.refuseCode
                                           : QString())
                            .menu);
    }
    m_builtInData->setEnabled(!m_workspace.options().trainingDemoData.isEmpty());
    const Outbox::Sender *sender = m_workspace.sender();
    m_signInAgain->setEnabled((sender && sender->pauseReason() == Outbox::Sender::PauseReason::Credentials) ||
                              choice.behaviour == Sandbox::TrainingBehaviour::SignInEnded);
    if (!training && m_drillPanel)
        m_drillPanel->close();
}

bool TrainingMenu::confirm(const QString &question, const QString &detail, const QString &action)
{
    QMessageBox box(QMessageBox::Question, tr("Superbill Desk — Training"), question, QMessageBox::NoButton,
                    m_window);
    box.setObjectName(QStringLiteral("trainingConfirmBox"));
    box.setInformativeText(detail);
    QPushButton *yes = box.addButton(action, QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("trainingConfirmButton"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == yes;
}

void TrainingMenu::report(const QString &error, const QString &done)
{
    if (!error.isEmpty())
        QMessageBox::warning(m_window, tr("Superbill Desk — Training"), error);
    else
        m_window->statusBar()->showMessage(done, 8000);
}

void TrainingMenu::resetDemoData()
{
    if (!confirm(
            tr("Reset the demo data?"),
            tr("The training EHR gets its demo patients back with no procedures, behaves normally again, and "
               "the training queue is emptied, with any line being typed. A real EHR's queue and settings "
               "are "
               "not touched."),
            tr("&Reset")))
        return;
    report(m_workspace.resetTraining(), tr("Demo data restored; the training queue is empty."));
}

void TrainingMenu::chooseBehaviour(Sandbox::TrainingBehaviour behaviour)
{
    Sandbox::BehaviourChoice choice{behaviour, {}};
    if (behaviour == Sandbox::TrainingBehaviour::RefuseNextLine) {
        RefuseCodeDialog dialog(m_window);
        dialog.setCode(m_workspace.trainingBehaviour().refuseCode);
        if (dialog.exec() != QDialog::Accepted || dialog.code().isEmpty()) {
            refresh();
            return;
        }
        choice.refuseCode = dialog.code();
    }
    report(m_workspace.setTrainingBehaviour(choice),
           tr("Training EHR: %1").arg(behaviourTexts(behaviour).menu.remove(u'&')));
    refresh();
}

void TrainingMenu::showTrainingEhr()
{
    const Ehr::EhrClient *client = m_workspace.client();
    TrainingEhrDialog dialog(client ? client->baseUrl() : QUrl(), m_workspace.trainingToken(), m_window);
    dialog.exec();
}

void TrainingMenu::loadDemoData()
{
    const QString dir = QFileDialog::getExistingDirectory(
        m_window, tr("Demo data folder (patients.json, encounters.json, conditions.json)"),
        m_workspace.options().trainingDemoData);
    if (!dir.isEmpty())
        loadDemoDataFrom(dir);
}

void TrainingMenu::loadDemoDataFrom(const QString &dir)
{
    const QString name = dir.isEmpty() ? tr("the built-in demo data") : QDir::toNativeSeparators(dir);
    if (!confirm(tr("Use %1?").arg(name),
                 tr("The training EHR serves it from now on, with no procedures, and the training queue is "
                    "emptied. "
                    "A real EHR's queue and settings are not touched."),
                 tr("&Load")))
        return;
    const QString error = m_workspace.loadTrainingData(dir);
    if (error.isEmpty()) {
        TrainingSettings settings = m_settings.training();
        settings.demoDataDir = dir;
        m_settings.setTraining(settings);
        m_settings.sync();
    }
    report(error, tr("The training EHR now serves %1.").arg(name));
    refresh();
}

DrillPanel *TrainingMenu::panel()
{
    if (!m_drillPanel) {
        m_drillPanel = new DrillPanel(m_workspace, m_window);
        m_drillPanel->hide();
        connect(m_drillPanel, &QDockWidget::visibilityChanged, this, &TrainingMenu::drillPanelShown);
        m_window->addDockWidget(Qt::RightDockWidgetArea, m_drillPanel);
    }
    return m_drillPanel;
}

void TrainingMenu::showDrills()
{
    DrillsDialog dialog(m_settings, panel()->session().results(), m_window);
    if (dialog.exec() != QDialog::Accepted || !dialog.drill())
        return;
    const Drills::Drill drill = *dialog.drill();
    const QString trainee = dialog.trainee();
    if (!confirm(
            tr("Start \"%1\"?").arg(drill.title.text(DrillSession::language())),
            tr("Starting a drill resets the demo data and empties the training queue, with any line being "
               "typed."),
            tr("&Start")))
        return;
    startDrill(drill, trainee);
}

void TrainingMenu::startDrill(const Drills::Drill &drill, const QString &trainee)
{
    panel()->start(drill, trainee);
}

bool TrainingMenu::isDrillPanelShown() const
{
    return m_drillPanel && !m_drillPanel->isHidden();
}

void TrainingMenu::signInAgain()
{
    m_workspace.signInAgain();
    m_window->statusBar()->showMessage(tr("Signed in again; the queue goes on."), 6000);
    refresh();
}

} // namespace Ui
