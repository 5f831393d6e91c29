#include "trainingbanner.h"

#include "theme.h"
#include "workspace.h"

namespace Ui {

TrainingBanner::TrainingBanner(Workspace &workspace, QWidget *parent)
    : QLabel(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("trainingBannerLabel"));
    setTextFormat(Qt::RichText);
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    connect(&m_workspace, &Workspace::started, this, &TrainingBanner::refresh);
    connect(&m_workspace, &Workspace::trainingReset, this, &TrainingBanner::refresh);
    connect(&m_workspace, &Workspace::trainingBehaviourChanged, this, &TrainingBanner::refresh);
    refresh();
}

QString TrainingBanner::stateText() const
{
    const Sandbox::BehaviourChoice choice = m_workspace.trainingBehaviour();
    switch (choice.behaviour) {
    case Sandbox::TrainingBehaviour::Normal:
        break;
    case Sandbox::TrainingBehaviour::Offline:
        return tr("Training — EHR offline (simulated)");
    case Sandbox::TrainingBehaviour::Slow:
        return tr("Training — EHR slow, 2 s per answer (simulated)");
    case Sandbox::TrainingBehaviour::Failing:
        return tr("Training — EHR failing 1 request in 2 (simulated)");
    case Sandbox::TrainingBehaviour::DropAnswers:
        return tr("Training — EHR answers lost (simulated)");
    case Sandbox::TrainingBehaviour::TokenExpired:
        return tr("Training — sign-in expired (simulated)");
    case Sandbox::TrainingBehaviour::RefuseNextLine:
        return tr("Training — the next line will be refused with %1 (simulated)").arg(choice.refuseCode);
    case Sandbox::TrainingBehaviour::Custom:
        return tr("Training — EHR faults set by hand (simulated)");
    }
    return tr("Training — not a real EHR. Demo patients only; nothing here reaches a chart.");
}

void TrainingBanner::refresh()
{
    setVisible(m_workspace.isTraining());
    const QString text = stateText();
    const bool simulated = m_workspace.trainingBehaviour().behaviour != Sandbox::TrainingBehaviour::Normal;
    setText(iconText(QStringLiteral(":/icons/training.svg"), text));
    setAccessibleName(simulated ? text + u' ' + tr("Not a real EHR.") : tr("Training — not a real EHR"));
    setStyleProperty(this, "behaviour", simulated ? QStringLiteral("simulated") : QStringLiteral("normal"));
}

} // namespace Ui
