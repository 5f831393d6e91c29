#include <QTest>

#include "fhir/datetime.h"
#include "linedraft.h"

namespace {

Ui::EncounterContext openEncounter()
{
    Ui::EncounterContext encounter;
    encounter.patientId = QStringLiteral("Patient-265");
    encounter.encounterId = QStringLiteral("Encounter-805");
    encounter.timeZone = QTimeZone("America/Chicago");
    encounter.diagnoses = {
        {QStringLiteral("Condition-Problem-I-1332"), QStringLiteral("I10"),
         QStringLiteral("Essential hypertension")},
        {QStringLiteral("Condition-2"), QStringLiteral("E11.9"), QStringLiteral("Type 2 diabetes")}};
    encounter.diagnosesKnown = true;
    return encounter;
}

Ui::LineDraft validDraft()
{
    Ui::LineDraft draft;
    draft.code = QStringLiteral("20610");
    draft.display = QStringLiteral("Arthrocentesis, major joint");
    draft.categoryCode = QStringLiteral("387713003");
    const QTimeZone chicago("America/Chicago");
    draft.performed = QDateTime(QDate(2026, 3, 14), QTime(10, 0), chicago);
    draft.recorded = QDateTime(QDate(2026, 3, 14), QTime(10, 5), chicago);
    draft.diagnosisIds = {QStringLiteral("Condition-Problem-I-1332")};
    return draft;
}

QStringList codes(const Model::Findings &findings)
{
    QStringList result;
    for (const auto &finding : findings)
        result << finding.code;
    return result;
}

const QDateTime Now(QDate(2026, 3, 14), QTime(18, 0), Qt::UTC);

} // namespace

class TestLineDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validLineHasNoFindings()
    {
        const auto check = Ui::checkLine(validDraft(), openEncounter(), {}, Now);
        QVERIFY2(check.findings.isEmpty(), qPrintable(codes(check.findings).join(u',')));
        QVERIFY(!check.needsPeriod);
        QCOMPARE(check.entry.subject.reference, QStringLiteral("Patient/Patient-265"));
        QCOMPARE(check.entry.encounter.reference, QStringLiteral("Encounter/Encounter-805"));
        QCOMPARE(Fhir::formatDateTime(check.entry.performedDateTime),
                 QStringLiteral("2026-03-14T10:00:00-05:00"));
        QCOMPARE(check.entry.category->display, QStringLiteral("Surgical procedure"));
        QVERIFY(check.entry.clientIdentifier().has_value());
        QCOMPARE(check.entry.status, QStringLiteral("completed"));
    }

    void rulesComeFromTheValidator_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("code");
        QTest::newRow("dental") << "dental"
                                << "500034";
        QTest::newRow("anesthesia without period") << "anesthesia"
                                                   << "500032";
        QTest::newRow("duplicate diagnosis") << "duplicate"
                                             << "500036";
        QTest::newRow("unknown diagnosis") << "unknown"
                                           << "500037";
        QTest::newRow("signed off") << "signedoff"
                                    << "500009";
        QTest::newRow("billed") << "billed"
                                << "500010";
        QTest::newRow("no description") << "nodisplay"
                                        << "500030";
        QTest::newRow("hcpcs") << "hcpcs"
                               << "PRO001";
    }

    void rulesComeFromTheValidator()
    {
        QFETCH(QString, change);
        QFETCH(QString, code);
        Ui::LineDraft draft = validDraft();
        Ui::EncounterContext encounter = openEncounter();
        if (change == QLatin1String("dental"))
            draft.code = QStringLiteral("D0120");
        else if (change == QLatin1String("anesthesia"))
            draft.code = QStringLiteral("00400"); // period start/end left empty
        else if (change == QLatin1String("duplicate"))
            draft.diagnosisIds << draft.diagnosisIds.first();
        else if (change == QLatin1String("unknown"))
            draft.diagnosisIds << QStringLiteral("Condition-999");
        else if (change == QLatin1String("signedoff"))
            encounter.facts.state.billing = Model::BillingState::SignedOff;
        else if (change == QLatin1String("billed"))
            encounter.facts.state.billing = Model::BillingState::Billed;
        else if (change == QLatin1String("nodisplay"))
            draft.display.clear();
        else if (change == QLatin1String("hcpcs"))
            draft.code = QStringLiteral("J1100");
        const auto check = Ui::checkLine(draft, encounter, {}, Now);
        QVERIFY2(codes(check.findings).contains(code), qPrintable(codes(check.findings).join(u',')));
        QVERIFY(check.hasErrors());
    }

    void anesthesiaSendsThePeriod()
    {
        Ui::LineDraft draft = validDraft();
        draft.code = QStringLiteral("00400");
        const QTimeZone chicago("America/Chicago");
        draft.periodStart = QDateTime(QDate(2026, 3, 14), QTime(9, 0), chicago);
        draft.periodEnd = QDateTime(QDate(2026, 3, 14), QTime(10, 20), chicago);
        const auto check = Ui::checkLine(draft, openEncounter(), {}, Now);
        QVERIFY(check.needsPeriod);
        QVERIFY2(!check.hasErrors(), qPrintable(codes(check.findings).join(u',')));
        QVERIFY(!check.entry.performedDateTime.isValid());
        QCOMPARE(check.entry.performedPeriod.minutes(), 80);
    }

    void catalogFlagsReachTheValidator()
    {
        Ui::LineDraft draft = validDraft();
        draft.code = QStringLiteral("41899"); // a CPT code a practice flags as dental
        const Rules::CodeFlagsLookup flags = [](const QString &code) -> std::optional<Rules::CodeFlags> {
            if (code == QLatin1String("41899"))
                return Rules::CodeFlags{false, true, false, false, {}};
            return std::nullopt;
        };
        QVERIFY(codes(Ui::checkLine(draft, openEncounter(), flags, Now).findings)
                    .contains(QStringLiteral("500034")));
        QVERIFY(!codes(Ui::checkLine(draft, openEncounter(), {}, Now).findings)
                     .contains(QStringLiteral("500034")));
    }

    void roundTripThroughEntry()
    {
        const Ui::LineDraft draft = validDraft();
        const auto entry = draft.toEntry(openEncounter(), false);
        Ui::LineDraft back = Ui::LineDraft::fromEntry(entry, QTimeZone("America/Chicago"));
        QCOMPARE(back.code, draft.code);
        QCOMPARE(back.display, draft.display);
        QCOMPARE(back.categoryCode, draft.categoryCode);
        QCOMPARE(back.performed, draft.performed);
        QCOMPARE(back.diagnosisIds, draft.diagnosisIds);
        QCOMPARE(back.identifiers, entry.identifiers);
    }

    void aDraftWithAnIdentifierKeepsItAcrossChecks()
    {
        Ui::LineDraft draft = validDraft();
        draft.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
        const auto first = Ui::checkLine(draft, openEncounter(), {}, Now).entry.clientIdentifier();
        draft.code = QStringLiteral("99213");
        const auto second = Ui::checkLine(draft, openEncounter(), {}, Now).entry.clientIdentifier();
        QVERIFY(first.has_value());
        QCOMPARE(second, first);
        QCOMPARE(first->value, draft.identifiers.first().value);
    }

    void otherLinesOfTheEncounterReachTheValidator()
    {
        const Ui::LineDraft draft = validDraft();
        const Model::ProcedureEntry sent = draft.toEntry(openEncounter(), false);
        const auto check = Ui::checkLine(draft, openEncounter(), {}, Now, {sent});
        QCOMPARE(codes(check.findings), QStringList{QStringLiteral("500002")});
        QVERIFY(!check.hasErrors());
    }

    void estimatedTimeUnits_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<int>("unit");
        QTest::addColumn<int>("units");
        QTest::newRow("none") << 0 << 15 << 0;
        QTest::newRow("negative") << -5 << 15 << 0;
        QTest::newRow("one minute") << 1 << 15 << 1;
        QTest::newRow("exact") << 60 << 15 << 4;
        QTest::newRow("rounded up") << 61 << 15 << 5;
        QTest::newRow("ten-minute units") << 75 << 10 << 8;
        QTest::newRow("bad unit") << 30 << 0 << 0;
    }

    void estimatedTimeUnits()
    {
        QFETCH(int, minutes);
        QFETCH(int, unit);
        QFETCH(int, units);
        QCOMPARE(Ui::estimatedTimeUnits(minutes, unit), units);
    }

    void zoneNameNamesTheZone()
    {
        const QTimeZone chicago("America/Chicago");
        QCOMPARE(Ui::zoneName(QDateTime(QDate(2026, 3, 14), QTime(10, 0), chicago)), QStringLiteral("CDT"));
        QCOMPARE(Ui::zoneName(QDateTime(QDate(2026, 1, 14), QTime(10, 0), chicago)), QStringLiteral("CST"));
        QCOMPARE(Ui::zoneName(QDateTime(QDate(2026, 1, 14), QTime(10, 0), Qt::OffsetFromUTC, -3 * 3600)),
                 QStringLiteral("UTC\u221203:00"));
        QCOMPARE(Ui::zoneName(QDateTime(QDate(2026, 1, 14), QTime(10, 0), Qt::UTC)), QStringLiteral("UTC"));
    }

    void offsetText_data()
    {
        QTest::addColumn<QDateTime>("value");
        QTest::addColumn<QString>("text");
        const QTimeZone chicago("America/Chicago");
        QTest::newRow("daylight") << QDateTime(QDate(2026, 3, 14), QTime(10, 0), chicago)
                                  << QStringLiteral("\u221205:00 CDT");
        QTest::newRow("standard") << QDateTime(QDate(2026, 1, 14), QTime(10, 0), chicago)
                                  << QStringLiteral("\u221206:00 CST");
        QTest::newRow("india") << QDateTime(QDate(2026, 1, 14), QTime(10, 0), QTimeZone("Asia/Kolkata"))
                               << QStringLiteral("+05:30 IST");
        QTest::newRow("offset") << QDateTime(QDate(2026, 1, 14), QTime(10, 0), Qt::OffsetFromUTC, -3 * 3600)
                                << QStringLiteral("\u221203:00");
    }

    void offsetText()
    {
        QFETCH(QDateTime, value);
        QFETCH(QString, text);
        QCOMPARE(Ui::offsetText(value), text);
    }
};

QTEST_GUILESS_MAIN(TestLineDraft)
#include "tst_linedraft.moc"
