#include "findingspresenter.h"

#include <algorithm>

#include "common/printable.h"
#include "model/ehrcodes.h"
#include "rules/errorcatalog.h"

namespace Ui {

namespace {

/// The order of the fields on the form, for listing what is still missing.
constexpr FormField FormOrder[] = {FormField::Code,      FormField::Description, FormField::Category,
                                   FormField::Performed, FormField::PeriodStart, FormField::PeriodEnd,
                                   FormField::Diagnoses, FormField::Status,      FormField::Recorded};

} // namespace

FormField FindingsPresenter::fieldOnForm(const QString &path, bool needsPeriod, int *diagnosisIndex)
{
    // The performed time and the anesthesia period take turns on the form, as the code asks.
    const FormField field = fieldForPath(path, diagnosisIndex);
    if (field == FormField::Performed && needsPeriod)
        return FormField::PeriodStart;
    if ((field == FormField::PeriodStart || field == FormField::PeriodEnd) && !needsPeriod)
        return FormField::Performed;
    return field;
}

FindingsView FindingsPresenter::present(const Input &input)
{
    FindingsView view;
    QSet<FormField> waiting;
    const auto collect = [&](const Model::Findings &findings, bool fromEhr) {
        for (Model::Finding finding : findings) {
            int diagnosisIndex = -1;
            const FormField field = fieldOnForm(finding.path, input.needsPeriod, &diagnosisIndex);
            const bool encounterField = field == FormField::Encounter || field == FormField::Patient;
            // Before any encounter is picked the header says so; "patient missing" would only shout.
            if (encounterField && !input.encounterPicked && !fromEhr)
                continue;
            const bool typingWords = field == FormField::Code && input.codeBeingTyped &&
                                     !input.submitAttempted &&
                                     finding.code == Model::EhrCode::InvalidProcedureCode;
            const bool shown = fromEhr || input.submitAttempted || field == FormField::None ||
                               encounterField || input.touched.contains(field);
            if (!shown || typingWords) {
                if (finding.isError())
                    waiting.insert(field);
                continue;
            }
            if (fromEhr)
                finding.message = tr("The EHR answered: %1").arg(finding.message);
            // Each finding says what to do, not only what is wrong.
            if (const QString action = Rules::ErrorCatalog::whatToDo(finding.code); !action.isEmpty())
                finding.message += u' ' + action;
            view.byField[field].append(finding);
            if (diagnosisIndex >= 0)
                view.byDiagnosis[diagnosisIndex].append(finding);
            if (finding.isError())
                ++view.errors;
            else if (finding.severity == Model::Severity::Warning)
                ++view.warnings;
        }
    };
    collect(input.check, false);
    collect(input.ehr, true);
    // In form order, so the panel and the footer list them as a person reads the form.
    for (FormField field : FormOrder) {
        const auto findings = view.byField.value(field);
        view.visible += findings;
        if (waiting.contains(field) && !view.byField.contains(field))
            view.missing.append(field);
    }
    for (FormField field : {FormField::Patient, FormField::Encounter, FormField::None})
        view.visible += view.byField.value(field);

    view.summary = summaryText(view.errors, view.warnings, view.missing, input.encounterPicked);
    if (!input.encounterPicked)
        view.state = QStringLiteral("idle");
    else if (view.errors > 0)
        view.state = QStringLiteral("error");
    else if (!view.missing.isEmpty())
        view.state = QStringLiteral("missing");
    else if (view.warnings > 0)
        view.state = QStringLiteral("warning");
    else
        view.state = QStringLiteral("ok");
    return view;
}

QString FindingsPresenter::tipText(const Model::Findings &findings)
{
    QStringList tips;
    for (const auto &finding : findings)
        tips << Common::printable(finding.code + QStringLiteral(": ") + finding.message);
    return tips.join(u'\n');
}

QString FindingsPresenter::summaryText(int errors, int warnings, const QList<FormField> &missing,
                                       bool encounterPicked)
{
    if (!encounterPicked)
        return tr("Pick an encounter to enter lines");
    QStringList names;
    for (FormField field : missing)
        names << fieldLabel(field);
    const QString stillMissing = tr("Still to fill: %1").arg(names.join(QStringLiteral(", ")));
    QString text;
    if (errors > 0) {
        text = errors == 1 ? tr("1 error to fix") : tr("%n errors to fix", nullptr, errors);
        if (warnings > 0)
            text += warnings == 1 ? tr(", 1 warning") : tr(", %n warnings", nullptr, warnings);
        if (!missing.isEmpty())
            text += QStringLiteral(" · ") + stillMissing;
        return text;
    }
    if (!missing.isEmpty()) {
        text = stillMissing;
        if (warnings > 0)
            text += warnings == 1 ? tr(" · 1 warning") : tr(" · %n warnings", nullptr, warnings);
        return text;
    }
    if (warnings > 0)
        return warnings == 1 ? tr("Ready to submit — 1 warning to confirm")
                             : tr("Ready to submit — %n warnings to confirm", nullptr, warnings);
    return tr("Ready to submit");
}

} // namespace Ui
