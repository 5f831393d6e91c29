#pragma once

#include <QWidget>

#include "formfield.h"
#include "model/finding.h"

class QLabel;
class QListView;

namespace Ui {

class FindingsModel;

/**
 * The side panel listing every finding of the line being edited, each with
 * the EHR's code, the field and the message. Activating one asks for its
 * field to be focused.
 */
class FindingsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FindingsPanel(QWidget *parent = nullptr);

    void setFindings(const Model::Findings &findings);
    /// The line's summary, as the form's footer shows it (see FindingsView).
    void setSummary(const QString &summary, const QString &state);
    FindingsModel *model() const { return m_model; }
    /// Folded under the form on a small screen, in a row or two: the explanation an empty list
    /// shows beside the form is left out, rather than cut off.
    void setFolded(bool folded);

Q_SIGNALS:
    void fieldRequested(Ui::FormField field, int diagnosisIndex);

private:
    /// The explanation of an empty list, when the list is empty and there is room for it.
    void showEmptyExplanation();

    FindingsModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_empty = nullptr;
    bool m_folded = false;
};

} // namespace Ui
