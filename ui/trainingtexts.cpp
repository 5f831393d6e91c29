#include "trainingtexts.h"

#include <QCoreApplication>

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too: outside
// the module's namespace, where lupdate finds it even in a function with a qualified return type
// (Common::Status f()), after which lupdate has lost track of the namespace.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Ui::TrainingTexts)
};

} // namespace

namespace Ui {

BehaviourTexts behaviourTexts(Sandbox::TrainingBehaviour behaviour, const QString &refuseCode)
{
    switch (behaviour) {
    case Sandbox::TrainingBehaviour::Normal:
        break;
    case Sandbox::TrainingBehaviour::Offline:
        return {Text::tr("&Offline (connection refused)"), Text::tr("Training — EHR offline (simulated)"),
                Text::tr("During this drill the EHR is offline.")};
    case Sandbox::TrainingBehaviour::Slow:
        return {Text::tr("&Slow (2 s per answer)"),
                Text::tr("Training — EHR slow, 2 s per answer (simulated)"),
                Text::tr("During this drill the EHR answers slowly.")};
    case Sandbox::TrainingBehaviour::Failing:
        return {Text::tr("&Failing (500 or 503 on 1 request in 2)"),
                Text::tr("Training — EHR failing 1 request in 2 (simulated)"),
                Text::tr("During this drill the EHR fails one request in two.")};
    case Sandbox::TrainingBehaviour::DropAnswers:
        return {Text::tr("&Drop answers (stored, answer lost)"),
                Text::tr("Training — EHR answers lost (simulated)"),
                Text::tr("During this drill the EHR's answers are lost.")};
    case Sandbox::TrainingBehaviour::TokenExpired:
        return {Text::tr("&Token expired (the app renews it)"),
                Text::tr("Training — access token expired (simulated)"),
                Text::tr("During this drill the EHR's access token expires.")};
    case Sandbox::TrainingBehaviour::SignInEnded:
        return {Text::tr("Sign-in &expired (401 until signed in again)"),
                Text::tr("Training — sign-in expired (simulated)"),
                Text::tr("During this drill your sign-in expires.")};
    case Sandbox::TrainingBehaviour::RefuseNextLine:
        return {refuseCode.isEmpty() ? Text::tr("&Refuse the next line…")
                                     : Text::tr("&Refuse the next line (%1)…").arg(refuseCode),
                Text::tr("Training — the next line will be refused with %1 (simulated)").arg(refuseCode),
                Text::tr("During this drill the EHR refuses a line.")};
    case Sandbox::TrainingBehaviour::Custom:
        return {QString(), Text::tr("Training — EHR faults set by hand (simulated)"), QString()};
    }
    // The banner's usual words keep their place among the main window's, where they are translated.
    return {
        Text::tr("&Normal"),
        QCoreApplication::translate(
            "Ui::MainWindow", "Training — not a real EHR. Demo patients only; nothing here reaches a chart."),
        QString()};
}

} // namespace Ui
