#pragma once

#include <QString>

#include "sandbox/trainingbehaviour.h"

namespace Ui {

/// What the app says about one of the training EHR's behaviours, in each place that names it.
struct BehaviourTexts
{
    QString menu;   ///< the Training menu's item, with its Alt key: "&Offline (connection refused)"
    QString banner; ///< the yellow banner while it is on: "Training — EHR offline (simulated)"
    QString drill;  ///< a drill's panel: "During this drill the EHR is offline."
};

/// Normal has the banner's usual text and no drill sentence; refuseCode fills the refusal's texts.
BehaviourTexts behaviourTexts(Sandbox::TrainingBehaviour behaviour, const QString &refuseCode = {});

} // namespace Ui
