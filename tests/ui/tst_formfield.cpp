#include <QTest>

#include "formfield.h"

using Ui::FormField;

class TestFormField : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldForPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("field");
        QTest::addColumn<int>("diagnosisIndex");
        QTest::newRow("code") << "Procedure.code.coding[0].code" << int(FormField::Code) << -1;
        QTest::newRow("code system") << "Procedure.code.coding[0].system" << int(FormField::Code) << -1;
        QTest::newRow("display") << "Procedure.code.coding[0].display" << int(FormField::Description) << -1;
        QTest::newRow("category") << "Procedure.category.coding[0].code" << int(FormField::Category) << -1;
        QTest::newRow("status") << "Procedure.status" << int(FormField::Status) << -1;
        QTest::newRow("performed") << "Procedure.performedDateTime" << int(FormField::Performed) << -1;
        QTest::newRow("period") << "Procedure.performedPeriod" << int(FormField::PeriodStart) << -1;
        QTest::newRow("period start")
            << "Procedure.performedPeriod.start" << int(FormField::PeriodStart) << -1;
        QTest::newRow("period end") << "Procedure.performedPeriod.end" << int(FormField::PeriodEnd) << -1;
        QTest::newRow("recorded") << "Procedure.recordedDate" << int(FormField::Recorded) << -1;
        QTest::newRow("recorded r4-strict") << "Procedure.extension('http://hl7.org/fhir/5.0/"
                                               "StructureDefinition/extension-Procedure.recorded')"
                                            << int(FormField::Recorded) << -1;
        QTest::newRow("recorded extension as read")
            << "Procedure.extension[0].valueDateTime" << int(FormField::Recorded) << -1;
        QTest::newRow("subject") << "Procedure.subject.reference" << int(FormField::Patient) << -1;
        QTest::newRow("encounter") << "Procedure.encounter.reference" << int(FormField::Encounter) << -1;
        QTest::newRow("second diagnosis")
            << "Procedure.reasonReference[1].reference" << int(FormField::Diagnoses) << 1;
        QTest::newRow("diagnoses") << "Procedure.reasonReference" << int(FormField::Diagnoses) << -1;
        QTest::newRow("identifier") << "Procedure.identifier" << int(FormField::None) << -1;
        QTest::newRow("empty") << "" << int(FormField::None) << -1;
        QTest::newRow("prefix only") << "Procedure.statusReason" << int(FormField::None) << -1;
    }

    void fieldForPath()
    {
        QFETCH(QString, path);
        QFETCH(int, field);
        QFETCH(int, diagnosisIndex);
        int index = 42;
        QCOMPARE(int(Ui::fieldForPath(path, &index)), field);
        QCOMPARE(index, diagnosisIndex);
    }

    void everyFieldHasALabel()
    {
        for (int f = int(FormField::None); f <= int(FormField::Diagnoses); ++f)
            QVERIFY2(!Ui::fieldLabel(FormField(f)).isEmpty(), qPrintable(QString::number(f)));
    }
};

QTEST_GUILESS_MAIN(TestFormField)
#include "tst_formfield.moc"
