#include "trainingbehaviour.h"

#include <QCoreApplication>

namespace Sandbox {

namespace {

struct NamedBehaviour
{
    TrainingBehaviour behaviour;
    const char *name;
};

constexpr NamedBehaviour Names[] = {
    {TrainingBehaviour::Normal, "normal"},
    {TrainingBehaviour::Offline, "offline"},
    {TrainingBehaviour::Slow, "slow"},
    {TrainingBehaviour::Failing, "failing"},
    {TrainingBehaviour::DropAnswers, "drop-answers"},
    {TrainingBehaviour::TokenExpired, "token-expired"},
    {TrainingBehaviour::SignInEnded, "sign-in-ended"},
    {TrainingBehaviour::RefuseNextLine, "refuse-next-line"},
    {TrainingBehaviour::Custom, "custom"},
};

} // namespace

const QList<TrainingBehaviour> &trainingBehaviours()
{
    static const QList<TrainingBehaviour> behaviours{
        TrainingBehaviour::Normal,      TrainingBehaviour::Offline,       TrainingBehaviour::Slow,
        TrainingBehaviour::Failing,     TrainingBehaviour::DropAnswers,   TrainingBehaviour::TokenExpired,
        TrainingBehaviour::SignInEnded, TrainingBehaviour::RefuseNextLine};
    return behaviours;
}

QString behaviourName(TrainingBehaviour behaviour)
{
    for (const auto &named : Names) {
        if (named.behaviour == behaviour)
            return QLatin1String(named.name);
    }
    return {};
}

std::optional<TrainingBehaviour> behaviourFromName(const QString &name)
{
    for (const auto &named : Names) {
        if (name == QLatin1String(named.name) && named.behaviour != TrainingBehaviour::Custom)
            return named.behaviour;
    }
    return std::nullopt;
}

FaultSettings faultsFor(const BehaviourChoice &choice)
{
    FaultSettings faults;
    switch (choice.behaviour) {
    case TrainingBehaviour::Slow:
        faults.latencyMs = SlowAnswerMs;
        break;
    case TrainingBehaviour::Failing:
        faults.failEvery = 2;
        break;
    case TrainingBehaviour::DropAnswers:
        // Every answer, not one in two: Qt's HTTP client resends a request whose connection closed before
        // any answer, so a dropped answer now and then would never reach the app for a class to see.
        faults.dropEveryWrite = 1;
        break;
    case TrainingBehaviour::TokenExpired:
        faults.tokenExpired = true;
        break;
    case TrainingBehaviour::SignInEnded:
        faults.signInEnded = true;
        break;
    case TrainingBehaviour::RefuseNextLine:
        faults.refuseNextWrite = choice.refuseCode;
        break;
    case TrainingBehaviour::Normal:
    case TrainingBehaviour::Offline:
    case TrainingBehaviour::Custom:
        break;
    }
    return faults;
}

BehaviourChoice behaviourOf(const FaultSettings &faults, bool offline)
{
    if (offline)
        return {TrainingBehaviour::Offline, {}};
    for (const TrainingBehaviour behaviour : trainingBehaviours()) {
        if (behaviour == TrainingBehaviour::Offline)
            continue;
        const BehaviourChoice choice{
            behaviour, behaviour == TrainingBehaviour::RefuseNextLine ? faults.refuseNextWrite : QString()};
        if (faultsFor(choice) == faults)
            return choice;
    }
    return {TrainingBehaviour::Custom, {}};
}

Common::Status applyBehaviour(Server &server, const BehaviourChoice &choice)
{
    if (choice.behaviour == TrainingBehaviour::Custom)
        return Common::makeError(QStringLiteral("invalid"),
                                 QCoreApplication::translate("Sandbox::TrainingBehaviour",
                                                             "Custom faults are set with their values."));
    if (choice.behaviour == TrainingBehaviour::RefuseNextLine && choice.refuseCode.isEmpty())
        return Common::makeError(
            QStringLiteral("invalid"),
            QCoreApplication::translate("Sandbox::TrainingBehaviour",
                                        "Choose the EHR code the next line is refused with."));
    if (const Common::Status reached = server.setOffline(choice.behaviour == TrainingBehaviour::Offline);
        !reached)
        return reached;
    server.setFaults(faultsFor(choice));
    return {};
}

} // namespace Sandbox
