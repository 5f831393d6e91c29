#pragma once

#include "wrappedlabel.h"

namespace Ui {

class Workspace;

/**
 * The yellow banner of training mode: it says that this is not a real EHR
 * and, while the trainer simulates one, how the training EHR misbehaves
 * ("Training — EHR offline (simulated)"). Hidden with a real EHR.
 */
class TrainingBanner : public WrappedLabel
{
    Q_OBJECT

public:
    explicit TrainingBanner(Workspace &workspace, QWidget *parent = nullptr);

    /// The banner's words for the training EHR's current behaviour.
    QString stateText() const;

private:
    void refresh();

    Workspace &m_workspace;
};

} // namespace Ui
