#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimeZone>

#include "fhir/datetime.h"
#include "fhir/operationoutcome.h"
#include "fhir/procedurereader.h"
#include "fhir/procedurewriter.h"
#include "testdata.h"

using Model::ProcedureEntry;

class TestProcedureFhir : public QObject
{
    Q_OBJECT

private slots:
    void goldenFilesRoundTrip_data();
    void goldenFilesRoundTrip();
    void vendorExampleReadsEveryElement();
    void writesStrictDialect();
    void readsRecordedDateFromBothDialects();
    void writesDaylightSavingCorrectOffsets();
    void writesPeriodInsteadOfDateTime();
    void fillDefaultsAddsStatusProfileAndIdentifier();
    void malformedInputNamesThePlace_data();
    void malformedInputNamesThePlace();
    void unknownElementsAreWarnedAbout();
    void truncatedInputNeverCrashes();
    void mutatedInputNeverCrashes();
    void readsOperationOutcome();
    void operationOutcomeFromFindingsRoundTrips();
    void rejectsNonOutcome_data();
    void rejectsNonOutcome();
};

void TestProcedureFhir::goldenFilesRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("dialect");

    QTest::newRow("vendor example") << "procedure/vendor-example.json" << int(Fhir::Dialect::EhrVendor);
    QTest::newRow("vendor example, r4-strict")
        << "procedure/vendor-example-r4-strict.json" << int(Fhir::Dialect::R4Strict);
    QTest::newRow("anesthesia period") << "procedure/anesthesia-period.json" << int(Fhir::Dialect::EhrVendor);
}

void TestProcedureFhir::goldenFilesRoundTrip()
{
    QFETCH(QString, file);
    QFETCH(int, dialect);

    const QJsonObject golden = readTestJson(file);
    const auto read = Fhir::ProcedureReader::read(golden);
    QVERIFY(read.entry);
    QVERIFY2(read.problems.isEmpty(), qPrintable(read.problems.value(0).message));
    QCOMPARE(Fhir::ProcedureWriter(Fhir::Dialect(dialect)).toJson(*read.entry), golden);
}

void TestProcedureFhir::vendorExampleReadsEveryElement()
{
    const auto read =
        Fhir::ProcedureReader::read(readTestData(QStringLiteral("procedure/vendor-example.json")));
    QVERIFY(read.entry);
    const ProcedureEntry &entry = *read.entry;
    QCOMPARE(entry.id, QStringLiteral("procedure-1001"));
    QCOMPARE(entry.status, QStringLiteral("completed"));
    QVERIFY(entry.category);
    QCOMPARE(entry.category->code, QStringLiteral("387713003"));
    QCOMPARE(entry.code.code, QStringLiteral("20610"));
    QCOMPARE(entry.code.version, QStringLiteral("2023"));
    QCOMPARE(entry.subject.id(), QStringLiteral("Patient-265"));
    QCOMPARE(entry.encounter.type(), QStringLiteral("Encounter"));
    QCOMPARE(entry.performedDateTime, QDateTime(QDate(2026, 3, 14), QTime(15, 0), Qt::UTC));
    QCOMPARE(entry.performedDateTime.offsetFromUtc(), -5 * 3600);
    QCOMPARE(entry.recordedDate, QDateTime(QDate(2026, 3, 14), QTime(15, 5), Qt::UTC));
    QCOMPARE(entry.reasonReferences.size(), 1);
    QCOMPARE(entry.reasonReferences.at(0).id(), QStringLiteral("Condition-Problem-I-1332"));
    QVERIFY(!entry.usesPeriod());
    QCOMPARE(read.recordedDialect, Fhir::Dialect::EhrVendor);
}

void TestProcedureFhir::writesStrictDialect()
{
    const auto read =
        Fhir::ProcedureReader::read(readTestJson(QStringLiteral("procedure/vendor-example.json")));
    QVERIFY(read.entry);
    const QJsonObject strict = Fhir::ProcedureWriter(Fhir::Dialect::R4Strict).toJson(*read.entry);
    QVERIFY(!strict.contains(QStringLiteral("recordedDate")));
    const QJsonObject extension = strict.value(QStringLiteral("extension")).toArray().at(0).toObject();
    QCOMPARE(extension.value(QStringLiteral("url")).toString(), QLatin1String(Fhir::RecordedExtensionUrl));
    QCOMPARE(extension.value(QStringLiteral("valueDateTime")).toString(),
             QStringLiteral("2026-03-14T10:05:00-05:00"));
}

void TestProcedureFhir::readsRecordedDateFromBothDialects()
{
    const auto vendor =
        Fhir::ProcedureReader::read(readTestJson(QStringLiteral("procedure/vendor-example.json")));
    const auto strict =
        Fhir::ProcedureReader::read(readTestJson(QStringLiteral("procedure/vendor-example-r4-strict.json")));
    QVERIFY(vendor.entry && strict.entry);
    QCOMPARE(strict.recordedDialect, Fhir::Dialect::R4Strict);
    QCOMPARE(strict.entry->recordedDate, vendor.entry->recordedDate);
    QCOMPARE(*strict.entry, *vendor.entry);
}

void TestProcedureFhir::writesDaylightSavingCorrectOffsets()
{
    const QTimeZone chicago("America/Chicago");
    ProcedureEntry entry;
    entry.performedDateTime = QDateTime(QDate(2026, 3, 14), QTime(10, 0), chicago);
    entry.recordedDate = QDateTime(QDate(2026, 1, 14), QTime(10, 0), chicago);
    const QJsonObject json = Fhir::ProcedureWriter().toJson(entry);
    QCOMPARE(json.value(QStringLiteral("performedDateTime")).toString(),
             QStringLiteral("2026-03-14T10:00:00-05:00"));
    QCOMPARE(json.value(QStringLiteral("recordedDate")).toString(),
             QStringLiteral("2026-01-14T10:00:00-06:00"));
}

void TestProcedureFhir::writesPeriodInsteadOfDateTime()
{
    const QTimeZone newYork("America/New_York");
    ProcedureEntry entry;
    entry.performedDateTime = QDateTime(QDate(2026, 3, 14), QTime(9, 0), newYork);
    entry.performedPeriod = {QDateTime(QDate(2026, 3, 14), QTime(9, 0), newYork),
                             QDateTime(QDate(2026, 3, 14), QTime(10, 15), newYork)};
    const QJsonObject json = Fhir::ProcedureWriter().toJson(entry);
    QVERIFY(!json.contains(QStringLiteral("performedDateTime")));
    const QJsonObject period = json.value(QStringLiteral("performedPeriod")).toObject();
    QCOMPARE(period.value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-14T09:00:00-04:00"));
    QCOMPARE(period.value(QStringLiteral("end")).toString(), QStringLiteral("2026-03-14T10:15:00-04:00"));
    QCOMPARE(entry.performedPeriod.minutes(), 75);
}

void TestProcedureFhir::fillDefaultsAddsStatusProfileAndIdentifier()
{
    ProcedureEntry entry;
    entry.fillDefaults();
    QCOMPARE(entry.status, QStringLiteral("completed"));
    QCOMPARE(entry.profiles, QStringList{QLatin1String(Model::Systems::UsCoreProcedureProfile)});
    const auto identifier = entry.clientIdentifier();
    QVERIFY(identifier);
    QVERIFY(identifier->value.startsWith(QStringLiteral("urn:uuid:")));
    QCOMPARE(identifier->value.size(), 9 + 36);

    ProcedureEntry again = entry;
    again.fillDefaults();
    QCOMPARE(again, entry); // idempotent: a second fill keeps the same identifier

    ProcedureEntry errorEntry;
    errorEntry.status = QStringLiteral("entered-in-error");
    errorEntry.fillDefaults();
    QCOMPARE(errorEntry.status, QStringLiteral("entered-in-error"));
}

void TestProcedureFhir::malformedInputNamesThePlace_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("hasEntry");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("messageContains");

    QTest::newRow("not json") << QByteArray("{\"resourceType\": ") << false << "500001"
                              << ""
                              << "offset 17";
    QTest::newRow("array") << QByteArray("[1,2]") << false << "500001"
                           << ""
                           << "not an object";
    QTest::newRow("no resourceType") << QByteArray("{}") << false << "500001"
                                     << "Procedure.resourceType"
                                     << "missing";
    QTest::newRow("other resource") << QByteArray(R"({"resourceType":"Patient"})") << false << "500001"
                                    << "Procedure.resourceType"
                                    << "\"Patient\"";
    QTest::newRow("resourceType number") << QByteArray(R"({"resourceType":7})") << false << "500001"
                                         << "Procedure.resourceType"
                                         << "a number";
    QTest::newRow("status number") << QByteArray(R"({"resourceType":"Procedure","status":1})") << true
                                   << "500018"
                                   << "Procedure.status"
                                   << "a string";
    QTest::newRow("code string") << QByteArray(R"({"resourceType":"Procedure","code":"20610"})") << true
                                 << "PRO001"
                                 << "Procedure.code"
                                 << "an object";
    QTest::newRow("two codings")
        << QByteArray(R"({"resourceType":"Procedure","code":{"coding":[{"code":"20610"},{"code":"20611"}]}})")
        << true << "PRO001"
        << "Procedure.code.coding"
        << "exactly one";
    QTest::newRow("empty coding") << QByteArray(R"({"resourceType":"Procedure","code":{"coding":[]}})")
                                  << true << "PRO001"
                                  << "Procedure.code.coding"
                                  << "is empty";
    QTest::newRow("coding code number")
        << QByteArray(R"({"resourceType":"Procedure","code":{"coding":[{"code":20610}]}})") << true
        << "PRO001"
        << "Procedure.code.coding[0].code"
        << "a number";
    QTest::newRow("subject array") << QByteArray(R"({"resourceType":"Procedure","subject":[]})") << true
                                   << "PRO003"
                                   << "Procedure.subject"
                                   << "an array";
    QTest::newRow("encounter reference null")
        << QByteArray(R"({"resourceType":"Procedure","encounter":{"reference":null}})") << true << "PRO004"
        << "Procedure.encounter.reference"
        << "null";
    QTest::newRow("performed date only")
        << QByteArray(R"({"resourceType":"Procedure","performedDateTime":"2026-03-14"})") << true << "PRO005"
        << "Procedure.performedDateTime"
        << "only a date";
    QTest::newRow("performed offset unknown")
        << QByteArray(R"({"resourceType":"Procedure","performedDateTime":"2026-03-14T10:00:00-00:00"})")
        << true << "PRO005"
        << "Procedure.performedDateTime"
        << "-00:00";
    QTest::newRow("period start offset unknown")
        << QByteArray(
               R"({"resourceType":"Procedure","performedPeriod":{"start":"2026-03-14T10:00:00.5-00:00","end":"2026-03-14T11:00:00Z"}})")
        << true << "PRO005"
        << "Procedure.performedPeriod.start"
        << "offset is unknown";
    QTest::newRow("period end garbage")
        << QByteArray(
               R"({"resourceType":"Procedure","performedPeriod":{"start":"2026-03-14T10:00:00Z","end":"soon"}})")
        << true << "PRO005"
        << "Procedure.performedPeriod.end"
        << "not a date-time";
    QTest::newRow("both performed")
        << QByteArray(
               R"({"resourceType":"Procedure","performedDateTime":"2026-03-14T10:00:00Z","performedPeriod":{}})")
        << true << "PRO005"
        << "Procedure.performed[x]"
        << "exactly one";
    QTest::newRow("recorded bad") << QByteArray(R"({"resourceType":"Procedure","recordedDate":"noon"})")
                                  << true << "PRO005"
                                  << "Procedure.recordedDate"
                                  << "not a date-time";
    QTest::newRow("reason not array")
        << QByteArray(R"({"resourceType":"Procedure","reasonReference":{}})") << true << "PRO006"
        << "Procedure.reasonReference"
        << "an array";
    QTest::newRow("reason item string")
        << QByteArray(R"({"resourceType":"Procedure","reasonReference":[{"reference":"Condition/1"},"x"]})")
        << true << "PRO006"
        << "Procedure.reasonReference[1]"
        << "an object";
    QTest::newRow("extension conflicts")
        << QByteArray(
               R"({"resourceType":"Procedure","recordedDate":"2026-03-14T10:00:00Z","extension":[{"url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-Procedure.recorded","valueDateTime":"2026-03-14T11:00:00Z"}]})")
        << true << "PRO005"
        << "Procedure.extension[0]"
        << "different recorded date";
    QTest::newRow("identifier value number")
        << QByteArray(
               R"({"resourceType":"Procedure","identifier":[{"system":"urn:ietf:rfc:3986","value":5}]})")
        << true << "500001"
        << "Procedure.identifier[0].value"
        << "a number";
}

void TestProcedureFhir::malformedInputNamesThePlace()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, hasEntry);
    QFETCH(QString, code);
    QFETCH(QString, path);
    QFETCH(QString, messageContains);

    const auto read = Fhir::ProcedureReader::read(json);
    QCOMPARE(read.entry.has_value(), hasEntry);
    QVERIFY(!read.problems.isEmpty());
    const Model::Finding &problem = read.problems.constFirst();
    QCOMPARE(problem.code, code);
    QCOMPARE(problem.path, path);
    QCOMPARE(problem.severity, Model::Severity::Error);
    QVERIFY2(problem.message.contains(messageContains), qPrintable(problem.message));
}

void TestProcedureFhir::unknownElementsAreWarnedAbout()
{
    const auto read = Fhir::ProcedureReader::read(QByteArray(
        R"({"resourceType":"Procedure","note":[{"text":"x"}],"subject":{"reference":"Patient/1","type":"Patient"}})"));
    QVERIFY(read.entry);
    QCOMPARE(read.problems.size(), 2);
    for (const auto &problem : read.problems) {
        QCOMPARE(problem.code, QStringLiteral("SBD004"));
        QCOMPARE(problem.severity, Model::Severity::Warning);
    }
    QCOMPARE(read.problems.at(0).path, QStringLiteral("Procedure.subject.type"));
    QCOMPARE(read.problems.at(1).path, QStringLiteral("Procedure.note"));
}

void TestProcedureFhir::truncatedInputNeverCrashes()
{
    const QByteArray example = readTestData(QStringLiteral("procedure/anesthesia-period.json")).trimmed();
    for (qsizetype length = 0; length < example.size(); ++length) {
        const auto read = Fhir::ProcedureReader::read(example.left(length));
        // Every strict prefix of a JSON object is invalid JSON, and must be said so.
        QVERIFY(!read.entry);
        QCOMPARE(read.problems.size(), 1);
    }
}

void TestProcedureFhir::mutatedInputNeverCrashes()
{
    const QByteArray example = readTestData(QStringLiteral("procedure/vendor-example.json"));
    const QByteArray alphabet("{}[]\":,0123456789-TZ.aez \\");
    QRandomGenerator random(20261125); // fixed seed: the same mutations on every run
    int parsed = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray mutated = example;
        const int edits = 1 + random.bounded(4);
        for (int edit = 0; edit < edits; ++edit) {
            const auto position = random.bounded(qsizetype(mutated.size()));
            mutated[position] = alphabet.at(random.bounded(qsizetype(alphabet.size())));
        }
        const auto read = Fhir::ProcedureReader::read(mutated);
        if (read.entry) {
            ++parsed;
            // Whatever was read can be written again.
            QVERIFY(!Fhir::ProcedureWriter().toBytes(*read.entry).isEmpty());
        } else {
            QVERIFY(!read.problems.isEmpty());
        }
        const auto outcome = Fhir::readOperationOutcome(mutated);
        QVERIFY(outcome.ok() || !outcome.error().message.isEmpty());
    }
    QVERIFY(parsed > 0); // the mutations reached the element readers, not only the JSON parser
}

void TestProcedureFhir::readsOperationOutcome()
{
    const auto read =
        Fhir::readOperationOutcome(readTestData(QStringLiteral("procedure/operationoutcome-dental.json")));
    QVERIFY2(read, qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(read->issues.size(), 2);
    const Fhir::OutcomeIssue &dental = read->issues.at(0);
    QCOMPARE(dental.severity, QStringLiteral("error"));
    QCOMPARE(dental.code, QStringLiteral("business-rule"));
    QCOMPARE(dental.ehrCode(), QStringLiteral("500034"));
    QVERIFY(dental.text().startsWith(QStringLiteral("The selected CPT code is classified as dental")));
    QCOMPARE(dental.expressions, QStringList{QStringLiteral("Procedure.code.coding[0].code")});
    const Fhir::OutcomeIssue &slow = read->issues.at(1);
    QCOMPARE(slow.ehrCode(), QString());
    QCOMPARE(slow.text(), QStringLiteral("Request took longer than usual"));

    const Model::Findings findings = read->toFindings();
    QCOMPARE(findings.at(0).code, QStringLiteral("500034"));
    QCOMPARE(findings.at(0).severity, Model::Severity::Error);
    QCOMPARE(findings.at(1).severity, Model::Severity::Warning);
}

void TestProcedureFhir::operationOutcomeFromFindingsRoundTrips()
{
    const Model::Findings findings{
        {QStringLiteral("500032"), Model::Severity::Error, QStringLiteral("Procedure.performedPeriod"),
         QStringLiteral("needs a period")},
        {QStringLiteral("500002"), Model::Severity::Error, QString(), QStringLiteral("duplicate")}};
    const Fhir::OperationOutcome outcome = Fhir::OperationOutcome::fromFindings(findings);
    QCOMPARE(outcome.issues.at(1).code, QStringLiteral("duplicate"));
    const auto read = Fhir::readOperationOutcome(outcome.toJson());
    QVERIFY(read);
    QCOMPARE(read->toFindings(), findings);
}

void TestProcedureFhir::rejectsNonOutcome_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("html") << QByteArray("<html>Bad Gateway</html>") << "not valid JSON";
    QTest::newRow("procedure") << QByteArray(R"({"resourceType":"Procedure"})") << "not OperationOutcome";
    QTest::newRow("no issues") << QByteArray(R"({"resourceType":"OperationOutcome"})") << "issue";
    QTest::newRow("number") << QByteArray("42") << "not valid JSON";
}

void TestProcedureFhir::rejectsNonOutcome()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorContains);
    const auto read = Fhir::readOperationOutcome(json);
    QVERIFY(!read);
    QVERIFY2(read.error().message.contains(errorContains), qPrintable(read.error().message));
}

QTEST_GUILESS_MAIN(TestProcedureFhir)
#include "tst_procedurefhir.moc"
