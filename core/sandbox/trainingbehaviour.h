#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "common/result.h"
#include "server.h"

namespace Sandbox {

/// The EHR behaviours a trainer picks for the training EHR (Training → EHR behaviour, a drill's "ehr").
enum class TrainingBehaviour
{
    Normal,
    Offline,        ///< connections refused
    Slow,           ///< every answer 2 s late
    Failing,        ///< 1 request in 2 answers 500 or 503 with Retry-After
    DropAnswers,    ///< every POST is processed (stored) and its answer lost
    TokenExpired,   ///< the access tokens in use expire: a SMART client renews its own, the static one is
                    ///< refused (401 invalid_token) until renewed
    SignInEnded,    ///< the sign-ins end: every client gets 401 and a SMART refresh is refused until a new
                    ///< sign-in
    RefuseNextLine, ///< the next POST is refused with a chosen EHR code
    Custom,         ///< faults set some other way (options, the admin path); never chosen
};

struct BehaviourChoice
{
    TrainingBehaviour behaviour = TrainingBehaviour::Normal;
    QString refuseCode; ///< RefuseNextLine: the EHR code

    friend bool operator==(const BehaviourChoice &, const BehaviourChoice &) = default;
};

inline constexpr int SlowAnswerMs = 2000;

/// The behaviours a trainer can choose, in menu order (without Custom).
const QList<TrainingBehaviour> &trainingBehaviours();
/// "normal", "offline", "slow", "failing", "drop-answers", "token-expired", "sign-in-ended",
/// "refuse-next-line", "custom".
QString behaviourName(TrainingBehaviour behaviour);
std::optional<TrainingBehaviour> behaviourFromName(const QString &name);

/// The fault settings that make the behaviour (Offline: none; it closes the port instead).
FaultSettings faultsFor(const BehaviourChoice &choice);
/// What a server with these settings does, as a trainer would name it.
BehaviourChoice behaviourOf(const FaultSettings &faults, bool offline);
/// Sets the server's faults and offline state to the choice.
Common::Status applyBehaviour(Server &server, const BehaviourChoice &choice);

} // namespace Sandbox
