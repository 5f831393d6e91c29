#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include "formfield.h"
#include "model/finding.h"

namespace Ui {

/// What the form shows of a line's findings, worked out once so every place that shows them agrees.
struct FindingsView
{
    /// Shown beside each field (EHR findings with their message prefixed).
    QHash<FormField, Model::Findings> byField;
    /// Shown on each linked diagnosis, by its row.
    QHash<int, Model::Findings> byDiagnosis;
    /// Everything shown, for the findings panel.
    Model::Findings visible;
    int errors = 0;   ///< among `visible`
    int warnings = 0; ///< among `visible`
    /// Fields still empty or unfinished whose errors are not shown yet, in form order.
    QList<FormField> missing;
    /// One sentence for the footer and the panel: what stands between the line and the EHR.
    QString summary;
    /// "idle", "missing", "error", "warning" or "ok", for the footer's colour.
    QString state;
};

/**
 * Decides where each finding of a line shows and what the line's summary says, without a widget,
 * so that the footer, the findings panel and the field marks always agree: a field's findings
 * show once it was touched (or after a submit attempt); until then an error only lists the field
 * as still missing. The EHR's findings for a line being corrected always show.
 */
class FindingsPresenter
{
    // The line form's own words: they keep its translation context.
    Q_DECLARE_TR_FUNCTIONS(Ui::LineEditor)

public:
    struct Input
    {
        Model::Findings check; ///< the Validator's
        Model::Findings ehr;   ///< the EHR's, for a line being corrected
        QSet<FormField> touched;
        bool submitAttempted = false;
        bool encounterPicked = false;
        /// The line has a period (anesthesia) instead of a single time.
        bool needsPeriod = false;
        /// Words in CPT code are still a search: "not a code" waits until the field is left.
        bool codeBeingTyped = false;
    };

    static FindingsView present(const Input &input);
    /// The field that shows a finding with this path, as the form stands (period or single time).
    static FormField fieldOnForm(const QString &path, bool needsPeriod, int *diagnosisIndex = nullptr);
    /// "500036: Diagnosis linked twice", one finding a line, for a tooltip.
    static QString tipText(const Model::Findings &findings);
    /// The summary sentence for these counts (the panel without a form uses it too).
    static QString summaryText(int errors, int warnings, const QList<FormField> &missing,
                               bool encounterPicked);
};

} // namespace Ui
