#include "trainingtexts.h"

#include <QCoreApplication>

namespace Ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Ui::TrainingTexts", text);
}

} // namespace

BehaviourTexts behaviourTexts(Sandbox::TrainingBehaviour behaviour, const QString &refuseCode)
{
    switch (behaviour) {
    case Sandbox::TrainingBehaviour::Normal:
        break;
    case Sandbox::TrainingBehaviour::Offline:
        return {tr("&Offline (connection refused)"), tr("Training — EHR offline (simulated)"),
                tr("During this drill the EHR is offline.")};
    case Sandbox::TrainingBehaviour::Slow:
        return {tr("&Slow (2 s per answer)"), tr("Training — EHR slow, 2 s per answer (simulated)"),
                tr("During this drill the EHR answers slowly.")};
    case Sandbox::TrainingBehaviour::Failing:
        return {tr("&Failing (500 or 503 on 1 request in 2)"),
                tr("Training — EHR failing 1 request in 2 (simulated)"),
                tr("During this drill the EHR fails one request in two.")};
    case Sandbox::TrainingBehaviour::DropAnswers:
        return {tr("&Drop answers (stored, answer lost)"), tr("Training — EHR answers lost (simulated)"),
                tr("During this drill the EHR's answers are lost.")};
    case Sandbox::TrainingBehaviour::TokenExpired:
        return {tr("&Token expired (the app renews it)"), tr("Training — access token expired (simulated)"),
                tr("During this drill the EHR's access token expires.")};
    case Sandbox::TrainingBehaviour::SignInEnded:
        return {tr("Sign-in &expired (401 until signed in again)"),
                tr("Training — sign-in expired (simulated)"), tr("During this drill your sign-in expires.")};
    case Sandbox::TrainingBehaviour::RefuseNextLine:
        return {refuseCode.isEmpty() ? tr("&Refuse the next line…")
                                     : tr("&Refuse the next line (%1)…").arg(refuseCode),
                tr("Training — the next line will be refused with %1 (simulated)").arg(refuseCode),
                tr("During this drill the EHR refuses a line.")};
    case Sandbox::TrainingBehaviour::Custom:
        return {QString(), tr("Training — EHR faults set by hand (simulated)"), QString()};
    }
    // The banner's usual words keep their place among the main window's, where they are translated.
    return {
        tr("&Normal"),
        QCoreApplication::translate(
            "Ui::MainWindow", "Training — not a real EHR. Demo patients only; nothing here reaches a chart."),
        QString()};
}

} // namespace Ui
