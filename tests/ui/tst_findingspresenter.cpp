#include <QTest>

#include "findingspresenter.h"

using Ui::FindingsPresenter;
using Ui::FormField;

namespace {

Model::Finding error(const QString &code, const QString &path)
{
    return {code, Model::Severity::Error, path, QStringLiteral("message ") + code};
}

Model::Finding warning(const QString &code, const QString &path)
{
    return {code, Model::Severity::Warning, path, QStringLiteral("message ") + code};
}

/// What an empty line on an open encounter gets from the Validator.
Model::Findings emptyLine()
{
    return {error(QStringLiteral("PRO001"), QStringLiteral("Procedure.code.coding[0].code")),
            error(QStringLiteral("500030"), QStringLiteral("Procedure.code.coding[0].display"))};
}

} // namespace

class TestFindingsPresenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anUntouchedFormListsWhatIsMissingNotErrors()
    {
        FindingsPresenter::Input input;
        input.encounterPicked = true;
        input.check = emptyLine();
        const Ui::FindingsView view = FindingsPresenter::present(input);
        QCOMPARE(view.errors, 0);
        QVERIFY(view.visible.isEmpty());
        QCOMPARE(view.missing, (QList<FormField>{FormField::Code, FormField::Description}));
        QCOMPARE(view.state, QStringLiteral("missing"));
        QCOMPARE(view.summary, QStringLiteral("Still to fill: CPT code, Description"));
    }

    void aSubmitAttemptShowsEveryError()
    {
        FindingsPresenter::Input input;
        input.encounterPicked = true;
        input.check = emptyLine();
        input.submitAttempted = true;
        const Ui::FindingsView view = FindingsPresenter::present(input);
        QCOMPARE(view.errors, 2);
        QCOMPARE(view.visible.size(), 2);
        QVERIFY(view.missing.isEmpty());
        QCOMPARE(view.summary, QStringLiteral("2 errors to fix"));
        QCOMPARE(view.byField.value(FormField::Code).size(), 1);
    }

    void wordsInTheCodeAreASearchUntilTheFieldIsLeft()
    {
        FindingsPresenter::Input input;
        input.encounterPicked = true;
        input.check = emptyLine();
        input.touched = {FormField::Code};
        input.codeBeingTyped = true;
        QCOMPARE(FindingsPresenter::present(input).errors, 0);
        input.codeBeingTyped = false;
        const Ui::FindingsView left = FindingsPresenter::present(input);
        QCOMPARE(left.errors, 1);
        QCOMPARE(left.byField.value(FormField::Code).first().code, QStringLiteral("PRO001"));
        // Any other finding on the code shows at once (a dental code, while it is typed).
        input.codeBeingTyped = true;
        input.check = {error(QStringLiteral("500034"), QStringLiteral("Procedure.code.coding[0].code"))};
        QCOMPARE(FindingsPresenter::present(input).errors, 1);
    }

    void countsSummaryAndMarksAgree()
    {
        FindingsPresenter::Input input;
        input.encounterPicked = true;
        input.touched = {FormField::Performed, FormField::Diagnoses};
        input.check = {
            warning(QStringLiteral("SBD001"), QStringLiteral("Procedure.performedDateTime")),
            error(QStringLiteral("500036"), QStringLiteral("Procedure.reasonReference[1].reference"))};
        const Ui::FindingsView view = FindingsPresenter::present(input);
        QCOMPARE(view.errors, 1);
        QCOMPARE(view.warnings, 1);
        QCOMPARE(view.visible.size(), 2);
        QCOMPARE(view.byDiagnosis.value(1).first().code, QStringLiteral("500036"));
        QCOMPARE(view.summary, QStringLiteral("1 error to fix, 1 warning"));
        input.check.removeLast();
        QCOMPARE(FindingsPresenter::present(input).summary,
                 QStringLiteral("Ready to submit — 1 warning to confirm"));
    }

    void theEhrsFindingsAlwaysShow()
    {
        FindingsPresenter::Input input;
        input.encounterPicked = true;
        input.ehr = {error(QStringLiteral("500002"), QStringLiteral("Procedure"))};
        const Ui::FindingsView view = FindingsPresenter::present(input);
        QCOMPARE(view.errors, 1);
        QVERIFY(view.byField.value(FormField::None)
                    .first()
                    .message.startsWith(QStringLiteral("The EHR answered")));
    }

    void thePeriodTakesThePerformedTimesFindings()
    {
        QCOMPARE(FindingsPresenter::fieldOnForm(QStringLiteral("Procedure.performedDateTime"), true),
                 FormField::PeriodStart);
        QCOMPARE(FindingsPresenter::fieldOnForm(QStringLiteral("Procedure.performedPeriod.end"), false),
                 FormField::Performed);
    }

    void noEncounterSaysSo()
    {
        FindingsPresenter::Input input;
        input.check = {error(QStringLiteral("PRO004"), QStringLiteral("Procedure.encounter.reference"))};
        const Ui::FindingsView view = FindingsPresenter::present(input);
        QVERIFY(view.visible.isEmpty());
        QCOMPARE(view.state, QStringLiteral("idle"));
        QCOMPARE(view.summary, QStringLiteral("Pick an encounter to enter lines"));
    }
};

QTEST_MAIN(TestFindingsPresenter)
#include "tst_findingspresenter.moc"
