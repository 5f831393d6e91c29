#include <QTest>

#include "encounterlistmodel.h"
#include "encounterpicker.h"

namespace {

Ehr::EncounterSummary encounter(const QString &id, Model::BillingState state, const QString &status, int day)
{
    Ehr::EncounterSummary summary;
    summary.id = id;
    summary.patientId = QStringLiteral("Patient-265");
    summary.state = {Model::encounterStatusFromCode(status), state};
    summary.timeZone = QStringLiteral("America/Chicago");
    summary.start = QDateTime(QDate(2026, 3, day), QTime(9, 30), QTimeZone("America/Chicago"));
    summary.type = QStringLiteral("Office visit");
    return summary;
}

} // namespace

class TestEncounterListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void closedEncountersSayWhyInTheirText_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("accepts");
        QTest::addColumn<QString>("code");
        QTest::newRow("open") << int(Model::BillingState::Open) << "in-progress" << true << "";
        QTest::newRow("signed off") << int(Model::BillingState::SignedOff) << "finished" << false << "500009";
        QTest::newRow("billed") << int(Model::BillingState::Billed) << "finished" << false << "500010";
        QTest::newRow("partially billed")
            << int(Model::BillingState::PartiallyBilled) << "in-progress" << false << "500010";
        QTest::newRow("finished but open state")
            << int(Model::BillingState::Open) << "finished" << false << "500009";
    }

    void closedEncountersSayWhyInTheirText()
    {
        QFETCH(int, state);
        QFETCH(QString, status);
        QFETCH(bool, accepts);
        QFETCH(QString, code);
        Ui::EncounterListModel model;
        model.setEncounters({encounter(QStringLiteral("E-1"), Model::BillingState(state), status, 14)});
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex index = model.index(0);
        // Every encounter can be reached and opened (a closed one read-only); whether it takes lines,
        // and why not, is in its text.
        QVERIFY(model.flags(index) & Qt::ItemIsEnabled);
        QVERIFY(model.flags(index) & Qt::ItemIsSelectable);
        QCOMPARE(index.data(Ui::EncounterListModel::AcceptsRole).toBool(), accepts);
        if (!code.isEmpty())
            QVERIFY(index.data().toString().contains(code));
        const QString reason = index.data(Ui::EncounterListModel::ReasonRole).toString();
        QCOMPARE(reason.isEmpty(), accepts);
        if (!code.isEmpty()) {
            QVERIFY(reason.contains(code));
            QVERIFY(index.data(Qt::ToolTipRole).toString().contains(code));
        }
    }

    void newestFirstWithTheClinicTime()
    {
        Ui::EncounterListModel model;
        model.setEncounters(
            {encounter(QStringLiteral("E-old"), Model::BillingState::Open, QStringLiteral("in-progress"), 5),
             encounter(QStringLiteral("E-new"), Model::BillingState::Open, QStringLiteral("in-progress"),
                       14)});
        QCOMPARE(model.index(0).data(Ui::EncounterListModel::EncounterIdRole).toString(),
                 QStringLiteral("E-new"));
        QCOMPARE(model.rowOf(QStringLiteral("E-old")), 1);
        QVERIFY(model.index(0).data().toString().contains(QStringLiteral("09:30")));
    }

    void contextTakesTheEncounterZoneAndItsOwnDiagnosesFirst()
    {
        const auto summary = encounter(QStringLiteral("Encounter-805"), Model::BillingState::Open,
                                       QStringLiteral("in-progress"), 14);
        Ehr::PatientSummary patient;
        patient.id = QStringLiteral("Patient-265");
        patient.family = QStringLiteral("Okafor");
        const QList<Ehr::ConditionSummary> conditions{
            {QStringLiteral("C-other"), QStringLiteral("I10"), QStringLiteral("Hypertension"),
             QStringLiteral("Patient-265"), QStringLiteral("Encounter-806")},
            {QStringLiteral("C-own"), QStringLiteral("M17.11"), QStringLiteral("Osteoarthritis"),
             QStringLiteral("Patient-265"), QStringLiteral("Encounter-805")},
        };
        const auto context =
            Ui::makeEncounterContext(patient, summary, conditions, true, QTimeZone("Europe/Berlin"));
        QCOMPARE(context.timeZone.id(), QByteArray("America/Chicago"));
        QCOMPARE(context.diagnoses.value(0).id, QStringLiteral("C-own"));
        QCOMPARE(context.diagnoses.value(1).id, QStringLiteral("C-other"));
        QVERIFY(context.diagnosesKnown);
        QVERIFY(context.facts.acceptsProcedures());
        QCOMPARE(context.facts.patientId, QStringLiteral("Patient-265"));

        auto withoutZone = summary;
        withoutZone.timeZone.clear();
        QCOMPARE(Ui::makeEncounterContext(patient, withoutZone, {}, false, QTimeZone("Europe/Berlin"))
                     .timeZone.id(),
                 QByteArray("Europe/Berlin"));
    }
};

QTEST_MAIN(TestEncounterListModel)
#include "tst_encounterlistmodel.moc"
