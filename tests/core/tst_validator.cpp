#include <QTimeZone>

#include "../common/findingtext.h"
#include "fhir/datetime.h"
#include "rules/categories.h"
#include "rules/documentcheck.h"
#include "rules/validator.h"
#include "testdata.h"

using Model::ProcedureEntry;
using Model::Severity;

namespace {

const QTimeZone Chicago("America/Chicago");

QDateTime chicago(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), Chicago);
}

ProcedureEntry validLine()
{
    ProcedureEntry entry;
    entry.status = QStringLiteral("completed");
    entry.category = Model::Coding{QLatin1String(Model::Systems::Snomed),
                                   {},
                                   QStringLiteral("387713003"),
                                   QStringLiteral("Surgical procedure")};
    entry.code = {QLatin1String(Model::Systems::Cpt), QStringLiteral("2026"), QStringLiteral("20610"),
                  QStringLiteral("Arthrocentesis, major joint")};
    entry.subject = Model::Reference::to(QStringLiteral("Patient"), QStringLiteral("Patient-265"));
    entry.encounter = Model::Reference::to(QStringLiteral("Encounter"), QStringLiteral("Encounter-805"));
    entry.performedDateTime = chicago(3, 14, 10);
    entry.recordedDate = chicago(3, 14, 10, 5);
    entry.reasonReferences = {{QStringLiteral("Condition/C-1")}, {QStringLiteral("Condition/C-2")}};
    return entry;
}

ProcedureEntry anesthesiaLine(const QDateTime &start, const QDateTime &end)
{
    ProcedureEntry entry = validLine();
    entry.code.code = QStringLiteral("00400");
    entry.code.display = QStringLiteral("Anesthesia, skin of trunk");
    entry.performedDateTime = {};
    entry.performedPeriod = {start, end};
    entry.recordedDate = std::max(start, end).addSecs(600);
    return entry;
}

template<typename Change>
ProcedureEntry validLineWith(Change change)
{
    ProcedureEntry entry = validLine();
    change(entry);
    return entry;
}

bool containsFinding(const Model::Findings &findings, const QString &code, const QString &path,
                     Severity severity)
{
    return std::any_of(findings.cbegin(), findings.cend(), [&](const Model::Finding &finding) {
        return finding.code == code && finding.path == path && finding.severity == severity &&
               !finding.message.isEmpty();
    });
}

} // namespace

class TestValidator : public QObject
{
    Q_OBJECT

private slots:
    void validLineHasNoFindings();
    void everyRule_data();
    void everyRule();
    void contextRules_data();
    void contextRules();
    void catalogFlagsAddToTheCodeForm();
    void futureTimesAreWarnedAbout();
    void sameCodeAtTheSameTimeOnTheEncounterIsWarnedAbout();
    void categoryIsSuggestedFromTheCode_data();
    void categoryIsSuggestedFromTheCode();
    void daylightSavingGapAndRepeatedHour_data();
    void daylightSavingGapAndRepeatedHour();
    void referencesAreWholeStrings_data();
    void referencesAreWholeStrings();
    void documentCheckReportsEachProblemOnce();
    void vendorExampleIsValid();
};

void TestValidator::validLineHasNoFindings()
{
    QCOMPARE(Rules::Validator::check(validLine()), Model::Findings());
    QCOMPARE(Rules::Validator::check(anesthesiaLine(chicago(3, 14, 9, 10), chicago(3, 14, 10, 25))),
             Model::Findings());
}

void TestValidator::everyRule_data()
{
    QTest::addColumn<ProcedureEntry>("entry");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Severity>("severity");

    const auto error = Severity::Error;
    const auto warning = Severity::Warning;

    QTest::newRow("status missing") << validLineWith([](auto &e) { e.status.clear(); }) << "GEN011"
                                    << "Procedure.status" << error;
    QTest::newRow("status preliminary")
        << validLineWith([](auto &e) { e.status = QStringLiteral("preparation"); }) << "500018"
        << "Procedure.status" << error;
    QTest::newRow("status wrong case")
        << validLineWith([](auto &e) { e.status = QStringLiteral("Completed"); }) << "500018"
        << "Procedure.status" << error;
    QTest::newRow("category other system")
        << validLineWith([](auto &e) { e.category->system = QStringLiteral("http://loinc.org"); }) << "500001"
        << "Procedure.category.coding[0].system" << error;
    QTest::newRow("category unknown code")
        << validLineWith([](auto &e) { e.category->code = QStringLiteral("123456"); }) << "500001"
        << "Procedure.category.coding[0].code" << error;
    QTest::newRow("code missing") << validLineWith([](auto &e) { e.code.code.clear(); }) << "PRO001"
                                  << "Procedure.code.coding[0].code" << error;
    QTest::newRow("code four digits")
        << validLineWith([](auto &e) { e.code.code = QStringLiteral("2061"); }) << "PRO001"
        << "Procedure.code.coding[0].code" << error;
    QTest::newRow("code six digits") << validLineWith([](auto &e) { e.code.code = QStringLiteral("206100"); })
                                     << "PRO001"
                                     << "Procedure.code.coding[0].code" << error;
    QTest::newRow("code lower case suffix")
        << validLineWith([](auto &e) { e.code.code = QStringLiteral("0001t"); }) << "PRO001"
        << "Procedure.code.coding[0].code" << error;
    QTest::newRow("hcpcs level ii") << validLineWith([](auto &e) { e.code.code = QStringLiteral("J1100"); })
                                    << "PRO001"
                                    << "Procedure.code.coding[0].code" << error;
    QTest::newRow("code system icd") << validLineWith([](auto &e) {
        e.code.system = QStringLiteral("http://hl7.org/fhir/sid/icd-10-cm");
    }) << "PRO001"
                                     << "Procedure.code.coding[0].system" << error;
    QTest::newRow("code system missing") << validLineWith([](auto &e) { e.code.system.clear(); }) << "PRO001"
                                         << "Procedure.code.coding[0].system" << error;
    QTest::newRow("display missing") << validLineWith([](auto &e) { e.code.display.clear(); }) << "500030"
                                     << "Procedure.code.coding[0].display" << error;
    QTest::newRow("display blank") << validLineWith([](auto &e) { e.code.display = QStringLiteral("  "); })
                                   << "500030"
                                   << "Procedure.code.coding[0].display" << error;
    QTest::newRow("dental cdt") << validLineWith([](auto &e) { e.code.code = QStringLiteral("D1110"); })
                                << "500034"
                                << "Procedure.code.coding[0].code" << error;
    QTest::newRow("subject missing") << validLineWith([](auto &e) { e.subject = {}; }) << "PRO003"
                                     << "Procedure.subject.reference" << error;
    QTest::newRow("subject wrong type")
        << validLineWith([](auto &e) { e.subject.reference = QStringLiteral("Practitioner/7"); }) << "PRO003"
        << "Procedure.subject.reference" << error;
    QTest::newRow("subject absolute url")
        << validLineWith([](auto &e) { e.subject.reference = QStringLiteral("https://x/Patient/7"); })
        << "PRO003"
        << "Procedure.subject.reference" << error;
    QTest::newRow("encounter missing") << validLineWith([](auto &e) { e.encounter = {}; }) << "PRO004"
                                       << "Procedure.encounter.reference" << error;
    QTest::newRow("encounter without id")
        << validLineWith([](auto &e) { e.encounter.reference = QStringLiteral("Encounter/"); }) << "PRO004"
        << "Procedure.encounter.reference" << error;
    QTest::newRow("performed missing") << validLineWith([](auto &e) { e.performedDateTime = {}; }) << "PRO005"
                                       << "Procedure.performedDateTime" << error;
    QTest::newRow("performed without offset") << validLineWith([](auto &e) {
        e.performedDateTime = QDateTime(QDate(2026, 3, 14), QTime(10, 0), Qt::LocalTime);
    }) << "PRO005"
                                              << "Procedure.performedDateTime" << error;
    QTest::newRow("period on non-anesthesia code") << validLineWith([](auto &e) {
        e.performedDateTime = {};
        e.performedPeriod = {chicago(3, 14, 10), chicago(3, 14, 11)};
    }) << "PRO005"
                                                   << "Procedure.performedDateTime" << error;
    QTest::newRow("anesthesia with single time")
        << validLineWith([](auto &e) { e.code.code = QStringLiteral("01402"); }) << "500032"
        << "Procedure.performedPeriod" << error;
    QTest::newRow("anesthesia lowest code")
        << validLineWith([](auto &e) { e.code.code = QStringLiteral("00100"); }) << "500032"
        << "Procedure.performedPeriod" << error;
    QTest::newRow("anesthesia highest code")
        << validLineWith([](auto &e) { e.code.code = QStringLiteral("01999"); }) << "500032"
        << "Procedure.performedPeriod" << error;
    QTest::newRow("anesthesia without end") << anesthesiaLine(chicago(3, 14, 9), {}) << "500032"
                                            << "Procedure.performedPeriod.end" << error;
    QTest::newRow("anesthesia without start") << anesthesiaLine({}, chicago(3, 14, 9)) << "500032"
                                              << "Procedure.performedPeriod.start" << error;
    QTest::newRow("anesthesia end before start")
        << anesthesiaLine(chicago(3, 14, 10), chicago(3, 14, 9)) << "500029"
        << "Procedure.performedPeriod.end" << error;
    QTest::newRow("anesthesia start without offset")
        << anesthesiaLine(QDateTime(QDate(2026, 3, 14), QTime(9, 0), Qt::LocalTime), chicago(3, 14, 10))
        << "PRO005"
        << "Procedure.performedPeriod.start" << error;
    QTest::newRow("anesthesia over a day")
        << anesthesiaLine(chicago(3, 14, 9), chicago(3, 15, 10)) << "SBD003"
        << "Procedure.performedPeriod.end" << warning;
    QTest::newRow("anesthesia zero minutes")
        << anesthesiaLine(chicago(3, 14, 9), chicago(3, 14, 9)) << "SBD005"
        << "Procedure.performedPeriod.end" << warning;
    QTest::newRow("recorded without offset") << validLineWith([](auto &e) {
        e.recordedDate = QDateTime(QDate(2026, 3, 14), QTime(11, 0), Qt::LocalTime);
    }) << "PRO005"
                                             << "Procedure.recordedDate" << error;
    QTest::newRow("recorded before performed")
        << validLineWith([](auto &e) { e.recordedDate = chicago(3, 14, 9); }) << "SBD002"
        << "Procedure.recordedDate" << warning;
    QTest::newRow("reason not a condition")
        << validLineWith([](auto &e) { e.reasonReferences.append({QStringLiteral("Observation/O-1")}); })
        << "PRO006"
        << "Procedure.reasonReference[2].reference" << error;
    QTest::newRow("reason empty") << validLineWith([](auto &e) {
        e.reasonReferences.append(Model::Reference{});
    }) << "PRO006"
                                  << "Procedure.reasonReference[2].reference" << error;
    QTest::newRow("reason twice") << validLineWith([](auto &e) {
        e.reasonReferences.append({QStringLiteral("Condition/C-1")});
    }) << "500036"
                                  << "Procedure.reasonReference[2].reference" << error;
}

void TestValidator::everyRule()
{
    QFETCH(ProcedureEntry, entry);
    QFETCH(QString, code);
    QFETCH(QString, path);
    QFETCH(Severity, severity);

    const Model::Findings findings = Rules::Validator::check(entry);
    QVERIFY2(containsFinding(findings, code, path, severity), qPrintable(describeFindings(findings)));
    // One broken rule gives one finding, so the form marks one field.
    QVERIFY2(findings.size() == 1, qPrintable(describeFindings(findings)));
    QCOMPARE(Model::hasErrors(findings), severity == Severity::Error);
}

void TestValidator::contextRules_data()
{
    QTest::addColumn<int>("situation");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");

    QTest::newRow("unknown patient") << 0 << "500023"
                                     << "Procedure.subject.reference";
    QTest::newRow("unknown encounter") << 1 << "500024"
                                       << "Procedure.encounter.reference";
    QTest::newRow("encounter of another patient") << 2 << "500024"
                                                  << "Procedure.encounter.reference";
    QTest::newRow("encounter signed off") << 3 << "500009"
                                          << "Procedure.encounter.reference";
    QTest::newRow("encounter billed") << 4 << "500010"
                                      << "Procedure.encounter.reference";
    QTest::newRow("diagnosis not the patient's") << 5 << "500037"
                                                 << "Procedure.reasonReference[1].reference";
}

void TestValidator::contextRules()
{
    QFETCH(int, situation);
    QFETCH(QString, code);
    QFETCH(QString, path);

    Rules::ValidationContext context;
    context.patientExists = true;
    context.encounter = Rules::EncounterFacts{true, QStringLiteral("Patient-265")};
    context.patientConditionIds = QSet<QString>{QStringLiteral("C-1"), QStringLiteral("C-2")};
    QCOMPARE(Rules::Validator::check(validLine(), context), Model::Findings());

    switch (situation) {
    case 0:
        context.patientExists = false;
        break;
    case 1:
        context.encounter->exists = false;
        break;
    case 2:
        context.encounter->patientId = QStringLiteral("Patient-1");
        break;
    case 3:
        context.encounter->state.billing = Model::BillingState::SignedOff;
        break;
    case 4:
        context.encounter->state.billing = Model::BillingState::Billed;
        break;
    case 5:
        context.patientConditionIds->remove(QStringLiteral("C-2"));
        break;
    }
    const Model::Findings findings = Rules::Validator::check(validLine(), context);
    QVERIFY2(containsFinding(findings, code, path, Severity::Error), qPrintable(describeFindings(findings)));
    QCOMPARE(findings.size(), 1);
}

void TestValidator::catalogFlagsAddToTheCodeForm()
{
    Rules::ValidationContext context;
    context.codeFlags = [](const QString &code) -> std::optional<Rules::CodeFlags> {
        Rules::CodeFlags flags;
        if (code == u"99999")
            flags.anesthesia = true;
        else if (code == u"41899")
            flags.dental = true;
        else if (code == u"20610")
            flags.inactive = true;
        else
            return std::nullopt;
        return flags;
    };

    auto flaggedAnesthesia = validLineWith([](auto &e) { e.code.code = QStringLiteral("99999"); });
    auto findings = Rules::Validator::check(flaggedAnesthesia, context);
    QVERIFY2(containsFinding(findings, QStringLiteral("500032"), QStringLiteral("Procedure.performedPeriod"),
                             Severity::Error),
             qPrintable(describeFindings(findings)));
    QVERIFY(Rules::Validator::needsPeriod(flaggedAnesthesia, context));
    QVERIFY(!Rules::Validator::needsPeriod(flaggedAnesthesia));

    findings = Rules::Validator::check(validLineWith([](auto &e) { e.code.code = QStringLiteral("41899"); }),
                                       context);
    QVERIFY(containsFinding(findings, QStringLiteral("500034"),
                            QStringLiteral("Procedure.code.coding[0].code"), Severity::Error));

    findings = Rules::Validator::check(validLine(), context);
    QVERIFY(containsFinding(findings, QStringLiteral("SBD006"),
                            QStringLiteral("Procedure.code.coding[0].code"), Severity::Warning));
    QVERIFY(!Model::hasErrors(findings));
}

void TestValidator::futureTimesAreWarnedAbout()
{
    Rules::ValidationContext context;
    context.now = chicago(3, 14, 9).toUTC();
    const Model::Findings findings = Rules::Validator::check(validLine(), context);
    QVERIFY(containsFinding(findings, QStringLiteral("SBD001"), QStringLiteral("Procedure.performedDateTime"),
                            Severity::Warning));
    QVERIFY(containsFinding(findings, QStringLiteral("SBD001"), QStringLiteral("Procedure.recordedDate"),
                            Severity::Warning));

    context.now = chicago(3, 14, 9, 58).toUTC(); // within the clock-skew allowance
    QVERIFY(!containsFinding(Rules::Validator::check(validLine(), context), QStringLiteral("SBD001"),
                             QStringLiteral("Procedure.performedDateTime"), Severity::Warning));
}

void TestValidator::sameCodeAtTheSameTimeOnTheEncounterIsWarnedAbout()
{
    Rules::ValidationContext context;
    QVERIFY(!containsFinding(Rules::Validator::check(validLine(), context), QStringLiteral("500002"),
                             QStringLiteral("Procedure.code.coding[0].code"), Severity::Warning));
    // Another code, or the same code at another time: nothing to say.
    context.encounterLines = {
        validLineWith([](ProcedureEntry &e) { e.code.code = QStringLiteral("99213"); }),
        validLineWith([](ProcedureEntry &e) { e.performedDateTime = chicago(3, 14, 11); })};
    QVERIFY(!containsFinding(Rules::Validator::check(validLine(), context), QStringLiteral("500002"),
                             QStringLiteral("Procedure.code.coding[0].code"), Severity::Warning));
    // The same code at the same instant, whatever zone it was written in: a warning, never an error.
    context.encounterLines.append(
        validLineWith([](ProcedureEntry &e) { e.performedDateTime = e.performedDateTime.toUTC(); }));
    const Model::Findings findings = Rules::Validator::check(validLine(), context);
    QVERIFY(containsFinding(findings, QStringLiteral("500002"),
                            QStringLiteral("Procedure.code.coding[0].code"), Severity::Warning));
    QVERIFY(!Model::hasErrors(findings));
    // An anesthesia line compares its start.
    const ProcedureEntry anesthesia = anesthesiaLine(chicago(3, 14, 9), chicago(3, 14, 10));
    context.encounterLines = {anesthesiaLine(chicago(3, 14, 9), chicago(3, 14, 11))};
    QVERIFY(containsFinding(Rules::Validator::check(anesthesia, context), QStringLiteral("500002"),
                            QStringLiteral("Procedure.code.coding[0].code"), Severity::Warning));
}

void TestValidator::categoryIsSuggestedFromTheCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("category");
    QTest::newRow("surgery") << "20610"
                             << "387713003";
    QTest::newRow("radiology") << "73562"
                               << "103693007";
    QTest::newRow("laboratory") << "85025"
                                << "103693007";
    QTest::newRow("psychiatry") << "90834"
                                << "24642003";
    QTest::newRow("counselling") << "99401"
                                 << "409063005";
    QTest::newRow("education") << "98960"
                               << "409073007";
    QTest::newRow("chiropractic") << "98941"
                                  << "46947000";
    QTest::newRow("office visit says nothing") << "99213"
                                               << "";
    QTest::newRow("anesthesia says nothing") << "00400"
                                             << "";
    QTest::newRow("category II") << "1234F"
                                 << "";
    QTest::newRow("words") << "knee"
                           << "";
}

void TestValidator::categoryIsSuggestedFromTheCode()
{
    QFETCH(QString, code);
    QFETCH(QString, category);
    const Rules::ProcedureCategory *suggested = Rules::suggestedCategory(code);
    QCOMPARE(suggested ? suggested->code : QString(), category);
}

void TestValidator::daylightSavingGapAndRepeatedHour_data()
{
    QTest::addColumn<ProcedureEntry>("entry");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QString>("messageContains");

    // 2026-03-08 02:00-02:59 does not exist in Chicago; 2026-11-01 01:00-01:59 happens twice.
    const QDateTime gap = chicago(3, 8, 2, 30);
    const QDateTime repeated = chicago(11, 1, 1, 30);
    const auto error = Severity::Error;
    QTest::newRow("performed in the gap") << validLineWith([&](auto &e) {
        e.performedDateTime = gap;
        e.recordedDate = chicago(3, 8, 4);
    }) << "PRO005"
                                          << "Procedure.performedDateTime" << error
                                          << "does not exist in America/Chicago";
    QTest::newRow("recorded in the gap") << validLineWith([&](auto &e) {
        e.performedDateTime = chicago(3, 8, 1);
        e.recordedDate = gap;
    }) << "PRO005"
                                         << "Procedure.recordedDate" << error << "02:30";
    QTest::newRow("anesthesia start in the gap")
        << anesthesiaLine(gap, chicago(3, 8, 4)) << "PRO005"
        << "Procedure.performedPeriod.start" << error << "does not exist";
    QTest::newRow("anesthesia end in the gap")
        << anesthesiaLine(chicago(3, 8, 1), gap) << "PRO005"
        << "Procedure.performedPeriod.end" << error << "does not exist";
    QTest::newRow("performed in the repeated hour") << validLineWith([&](auto &e) {
        e.performedDateTime = repeated;
        e.recordedDate = chicago(11, 1, 3);
    }) << "SBD008"
                                                    << "Procedure.performedDateTime" << Severity::Warning
                                                    << "happens twice";
    QTest::newRow("anesthesia end in the repeated hour")
        << anesthesiaLine(chicago(11, 1, 0, 30), repeated) << "SBD008"
        << "Procedure.performedPeriod.end" << Severity::Warning << Fhir::formatDateTime(repeated);
}

void TestValidator::daylightSavingGapAndRepeatedHour()
{
    QFETCH(ProcedureEntry, entry);
    QFETCH(QString, code);
    QFETCH(QString, path);
    QFETCH(Severity, severity);
    QFETCH(QString, messageContains);

    const Model::Findings findings = Rules::Validator::check(entry);
    const auto found = std::find_if(findings.cbegin(), findings.cend(), [&](const Model::Finding &finding) {
        return finding.code == code && finding.path == path && finding.severity == severity;
    });
    QVERIFY2(found != findings.cend(), qPrintable(describeFindings(findings)));
    QVERIFY2(found->message.contains(messageContains), qPrintable(found->message));
    // A time that does not exist is not a missing time.
    for (const auto &finding : findings)
        QVERIFY2(!finding.message.contains(QStringLiteral("required")),
                 qPrintable(describeFindings(findings)));
}

void TestValidator::referencesAreWholeStrings_data()
{
    QTest::addColumn<ProcedureEntry>("entry");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");

    QTest::newRow("patient id with a final newline")
        << validLineWith([](auto &e) { e.subject.reference = QStringLiteral("Patient/Patient-265\n"); })
        << "PRO003"
        << "Procedure.subject.reference";
    QTest::newRow("encounter id with a final newline")
        << validLineWith([](auto &e) { e.encounter.reference = QStringLiteral("Encounter/E-1\n"); })
        << "PRO004"
        << "Procedure.encounter.reference";
    QTest::newRow("condition id with a final newline")
        << validLineWith([](auto &e) { e.reasonReferences.append({QStringLiteral("Condition/C-3\n")}); })
        << "PRO006"
        << "Procedure.reasonReference[2].reference";
}

void TestValidator::referencesAreWholeStrings()
{
    QFETCH(ProcedureEntry, entry);
    QFETCH(QString, code);
    QFETCH(QString, path);

    const Model::Findings findings = Rules::Validator::check(entry);
    QVERIFY2(containsFinding(findings, code, path, Severity::Error), qPrintable(describeFindings(findings)));
}

void TestValidator::documentCheckReportsEachProblemOnce()
{
    const QByteArray json = R"({"resourceType":"Procedure","status":"completed",
        "code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"20610","display":"x"}]},
        "subject":{"reference":"Patient/1"},"encounter":{"reference":"Encounter/2"},
        "performedDateTime":"2026-03-14"})";
    const Rules::DocumentCheck check = Rules::checkProcedureDocument(json);
    QVERIFY(!check.isValid());
    QCOMPARE(check.findings.size(), 1);
    QCOMPARE(check.findings.at(0).code, QStringLiteral("PRO005"));
    QVERIFY2(check.findings.at(0).message.contains(QStringLiteral("only a date")),
             qPrintable(check.findings.at(0).message));
}

void TestValidator::vendorExampleIsValid()
{
    const Rules::DocumentCheck check =
        Rules::checkProcedureDocument(readTestData(QStringLiteral("procedure/vendor-example.json")));
    QVERIFY2(check.isValid(), qPrintable(describeFindings(check.findings)));
    QCOMPARE(check.findings, Model::Findings());
}

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
