#include "trainingbanner.h"

#include <QCoreApplication>

#include "theme.h"
#include "trainingtexts.h"
#include "workspace.h"

namespace Ui {

TrainingBanner::TrainingBanner(Workspace &workspace, QWidget *parent)
    : WrappedLabel(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("trainingBannerLabel"));
    setTextFormat(Qt::RichText);
    setAlignment(Qt::AlignCenter);
    connect(&m_workspace, &Workspace::started, this, &TrainingBanner::refresh);
    connect(&m_workspace, &Workspace::trainingReset, this, &TrainingBanner::refresh);
    connect(&m_workspace, &Workspace::trainingBehaviourChanged, this, &TrainingBanner::refresh);
    refresh();
}

QString TrainingBanner::stateText() const
{
    const Sandbox::BehaviourChoice choice = m_workspace.trainingBehaviour();
    return behaviourTexts(choice.behaviour, choice.refuseCode).banner;
}

void TrainingBanner::refresh()
{
    setVisible(m_workspace.isTraining());
    const QString text = stateText();
    const bool simulated = m_workspace.trainingBehaviour().behaviour != Sandbox::TrainingBehaviour::Normal;
    setText(iconText(QStringLiteral(":/icons/training.svg"), text));
    setAccessibleName(simulated ? text + u' ' + tr("Not a real EHR.")
                                : QCoreApplication::translate("Ui::MainWindow", "Training — not a real EHR"));
    setStyleProperty(this, "behaviour", simulated ? QStringLiteral("simulated") : QStringLiteral("normal"));
}

} // namespace Ui
