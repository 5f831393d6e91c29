#include <cstring>

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimeZone>

#include "fhir/datetime.h"
#include "fhir/operationoutcome.h"
#include "fhir/plainprocedurereader.h"
#include "fhir/procedurereader.h"
#include "fhir/procedurewriter.h"
#include "testdata.h"

using Model::ProcedureEntry;

namespace {

/// What the writer wrote, parsed back; fails the running test when it refused or wrote bad JSON.
QJsonObject written(const ProcedureEntry &entry, Fhir::Dialect dialect = Fhir::Dialect::EhrVendor)
{
    const auto bytes = Fhir::ProcedureWriter(dialect).toBytes(entry);
    if (!bytes) {
        QTest::qFail(qPrintable(bytes.error().text()), __FILE__, __LINE__);
        return {};
    }
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(*bytes, &error).object();
    if (error.error != QJsonParseError::NoError)
        QTest::qFail(qPrintable(error.errorString()), __FILE__, __LINE__);
    return json;
}

/// A line that uses every element the writer knows, each text holding `text`.
ProcedureEntry entryWithText(const QString &text)
{
    ProcedureEntry entry;
    entry.id = text;
    entry.profiles = {text, QString()};
    entry.status = text;
    entry.category = Model::Coding{text, text, text, text};
    entry.code = {text, QString(), text, text};
    entry.subject = {text};
    entry.encounter = {text};
    entry.performedPeriod = {QDateTime(QDate(2026, 3, 14), QTime(9, 0, 0, 250), QTimeZone("America/Chicago")),
                             QDateTime(QDate(2026, 3, 14), QTime(10, 0), Qt::UTC)};
    entry.recordedDate = QDateTime(QDate(2026, 3, 14), QTime(11, 0), Qt::OffsetFromUTC, 5 * 3600 + 1800);
    entry.reasonReferences = {{text}, {}};
    entry.identifiers = {{text, text}, {}};
    return entry;
}

/// The reader's answer for these bytes is the full reader's, which reads through QJsonDocument,
/// whether or not the plain path read them; and what QJsonDocument refuses stays refused.
bool readsAsTheFullReader(const QByteArray &json)
{
    const auto read = Fhir::ProcedureReader::read(json);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return !read.entry && read.problems.size() == 1;
    const auto full = Fhir::ProcedureReader::read(document.object());
    return read.entry == full.entry && read.problems == full.problems &&
           read.recordedDialect == full.recordedDialect;
}

} // namespace

class TestProcedureFhir : public QObject
{
    Q_OBJECT

private slots:
    void goldenFilesRoundTrip_data();
    void goldenFilesRoundTrip();
    void writesTheBytesQJsonDocumentWrites_data();
    void writesTheBytesQJsonDocumentWrites();
    void randomTextSurvivesWriteAndRead();
    void refusesUnpairedSurrogates_data();
    void refusesUnpairedSurrogates();
    void plainPathReadsAsTheFullReader_data();
    void plainPathReadsAsTheFullReader();
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
    QCOMPARE(written(*read.entry, Fhir::Dialect(dialect)), golden);
    // Byte for byte what QJsonDocument writes of the golden resource, indented and compact.
    const Fhir::ProcedureWriter writer{Fhir::Dialect(dialect)};
    QCOMPARE(writer.toBytes(*read.entry, true).valueOr({}),
             QJsonDocument(golden).toJson(QJsonDocument::Indented));
    QCOMPARE(writer.toBytes(*read.entry, false).valueOr({}),
             QJsonDocument(golden).toJson(QJsonDocument::Compact));
}

void TestProcedureFhir::writesTheBytesQJsonDocumentWrites_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("dialect");

    QString controls;
    for (char16_t unit = 0; unit < 0x20; ++unit)
        controls += QChar(unit);
    QTest::newRow("plain") << QStringLiteral("Patient/Patient-265") << int(Fhir::Dialect::EhrVendor);
    QTest::newRow("control characters") << controls << int(Fhir::Dialect::EhrVendor);
    QTest::newRow("quotes, backslash, slash, DEL")
        << QStringLiteral("say \"hi\" \\ a/b \x7f") << int(Fhir::Dialect::R4Strict);
    QTest::newRow("line and paragraph separators")
        << QStringLiteral("a\u2028b\u2029c") << int(Fhir::Dialect::EhrVendor);
    QTest::newRow("accents, CJK, noncharacters")
        << QStringLiteral("Pe\u00f1a \u00e9t\u00e9 \u6f22\u5b57 \ufffe\uffff")
        << int(Fhir::Dialect::R4Strict);
    QTest::newRow("outside the BMP") << QString::fromUcs4(U"\U0001F9B7 tooth \U0010FFFF")
                                     << int(Fhir::Dialect::EhrVendor);
}

void TestProcedureFhir::writesTheBytesQJsonDocumentWrites()
{
    QFETCH(QString, text);
    QFETCH(int, dialect);

    const ProcedureEntry entry = entryWithText(text);
    const Fhir::ProcedureWriter writer{Fhir::Dialect(dialect)};
    for (const bool indented : {true, false}) {
        const auto bytes = writer.toBytes(entry, indented);
        QVERIFY2(bytes, bytes ? "" : qPrintable(bytes.error().text()));
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(*bytes, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(*bytes, parsed.toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact));
    }
    const QJsonObject json = written(entry, Fhir::Dialect(dialect));
    QCOMPARE(json.value(QStringLiteral("status")).toString(), text);
    QCOMPARE(json.value(QStringLiteral("identifier")).toArray().at(1).toObject(), QJsonObject());
    QCOMPARE(json.value(QStringLiteral("meta")).toObject().value(QStringLiteral("profile")).toArray().at(1),
             QJsonValue(QString()));
}

void TestProcedureFhir::randomTextSurvivesWriteAndRead()
{
    QRandomGenerator random(20261201); // fixed seed: the same texts on every run
    for (int round = 0; round < 500; ++round) {
        QString text;
        const int length = random.bounded(40);
        for (int i = 0; i < length; ++i) {
            // Mostly ASCII and its control characters, some of everything else, never a lone surrogate.
            const char32_t point =
                random.bounded(4) != 0 ? random.bounded(0x80) : random.bounded(0x10000 - 0x800 + 0x100000);
            const char32_t valid = point < 0xd800 ? point : point + 0x800;
            text += QString::fromUcs4(&valid, 1);
        }
        const ProcedureEntry entry = entryWithText(text);
        const auto bytes = Fhir::ProcedureWriter().toBytes(entry, false);
        QVERIFY(bytes);
        QCOMPARE(*bytes, QJsonDocument::fromJson(*bytes).toJson(QJsonDocument::Compact));
        const auto read = Fhir::ProcedureReader::read(*bytes);
        QVERIFY(read.entry);
        QCOMPARE(read.entry->code.display, text);
        QCOMPARE(read.entry->identifiers.at(0).value, text);
    }
}

void TestProcedureFhir::refusesUnpairedSurrogates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");

    const QChar high(0xd83e);
    const QChar low(0xdd37);
    QTest::newRow("high alone, last")
        << QStringLiteral("tooth ") + high << "Procedure.code.coding[0].display";
    QTest::newRow("high before a letter") << QString(high) + u'x' << "Procedure.reasonReference[1].reference";
    QTest::newRow("low alone") << QString(low) << "Procedure.meta.profile[0]";
    QTest::newRow("low before high") << QString(low) + high << "Procedure.identifier[0].value";
}

void TestProcedureFhir::refusesUnpairedSurrogates()
{
    QFETCH(QString, text);
    QFETCH(QString, path);

    ProcedureEntry entry = entryWithText(QStringLiteral("fine"));
    if (path.startsWith(QLatin1String("Procedure.code")))
        entry.code.display = text;
    else if (path.startsWith(QLatin1String("Procedure.reasonReference")))
        entry.reasonReferences[1] = {text};
    else if (path.startsWith(QLatin1String("Procedure.meta")))
        entry.profiles[0] = text;
    else
        entry.identifiers[0].value = text;
    for (const bool indented : {true, false}) {
        const auto bytes = Fhir::ProcedureWriter().toBytes(entry, indented);
        QVERIFY(!bytes);
        QCOMPARE(bytes.error().code, QStringLiteral("500001"));
        QCOMPARE(bytes.error().path, path);
        QVERIFY2(bytes.error().message.contains(QLatin1String("surrogate")),
                 qPrintable(bytes.error().message));
    }
    // The reader refuses the same text sent as JSON escapes, so what it reads can always be written.
    QString escaped;
    for (const QChar unit : text)
        escaped += QStringLiteral("\\u%1").arg(unit.unicode(), 4, 16, QLatin1Char('0'));
    const auto read = Fhir::ProcedureReader::read(
        QStringLiteral(R"({"resourceType":"Procedure","status":"%1"})").arg(escaped).toUtf8());
    QVERIFY(read.entry);
    QVERIFY(read.entry->status.isEmpty());
    QCOMPARE(read.problems.size(), 1);
    QCOMPARE(read.problems.at(0).path, QStringLiteral("Procedure.status"));
    QVERIFY(Fhir::ProcedureWriter().toBytes(*read.entry));
}

void TestProcedureFhir::plainPathReadsAsTheFullReader_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("plain"); // read without QJsonDocument

    for (const char *file : {"vendor-example.json", "vendor-example-r4-strict.json", "anesthesia-period.json",
                             "dental-line.json", "operationoutcome-dental.json"})
        QTest::newRow(file) << readTestData(QStringLiteral("procedure/") + QLatin1String(file))
                            << (std::strcmp(file, "operationoutcome-dental.json") != 0);
    for (const auto &[name, text] :
         {std::pair{"written, control characters", QStringLiteral("a\tb\nc\u0001\u001f\"\\/")},
          std::pair{"written, accents and CJK", QStringLiteral("Pe\u00f1a \u6f22\u5b57 \u2028")},
          std::pair{"written, outside the BMP", QString::fromUcs4(U"\U0001F9B7")}}) {
        for (const auto dialect : {Fhir::Dialect::EhrVendor, Fhir::Dialect::R4Strict})
            QTest::newRow(name)
                << Fhir::ProcedureWriter(dialect).toBytes(entryWithText(text), false).valueOr({}) << true;
    }
    const auto procedure = [](const char *members) -> QByteArray {
        return QByteArray(R"({"resourceType":"Procedure",)") + members + '}';
    };
    QTest::newRow("escapes") << procedure(R"("id":"\u0041\/\u00e9\ud83e\udd37\u0000")") << true;
    QTest::newRow("unpaired high surrogate") << procedure(R"("id":"\ud83e")") << false;
    QTest::newRow("unpaired low surrogate") << procedure(R"("id":"\udd37x")") << false;
    QTest::newRow("high surrogate, then a letter escape") << procedure(R"("id":"\ud83e\u0041")") << false;
    QTest::newRow("noncharacter") << procedure("\"id\":\"\xef\xbf\xbe\"") << true;
    QTest::newRow("raw tab") << procedure("\"id\":\"a\tb\"") << false;
    QTest::newRow("raw DEL") << procedure("\"id\":\"a\x7f\"") << true;
    QTest::newRow("overlong UTF-8") << procedure("\"id\":\"\xc0\x80\"") << false;
    QTest::newRow("truncated UTF-8") << procedure("\"id\":\"\xe2\x82\"") << false;
    QTest::newRow("UTF-8 surrogate") << procedure("\"id\":\"\xed\xa0\x80\"") << false;
    QTest::newRow("bad escape") << procedure(R"("id":"\x41")") << false;
    QTest::newRow("duplicate key") << procedure(R"("status":"completed","status":"entered-in-error")")
                                   << false;
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf" + procedure(R"("status":"completed")"))
                                     << false;
    QTest::newRow("trailing garbage") << QByteArray(procedure(R"("status":"completed")") + "x") << false;
    QTest::newRow("spaces around") << QByteArray(" \r\n\t" + procedure(R"( "status" : "completed" )") + "\n ")
                                   << true;
    QTest::newRow("number") << procedure(R"("status":1)") << false;
    QTest::newRow("null") << procedure(R"("id":null)") << false;
    QTest::newRow("unknown key") << procedure(R"("note":"x")") << false;
    QTest::newRow("userSelected") << procedure(R"("code":{"coding":[{"code":"20610","userSelected":true}]})")
                                  << false;
    QTest::newRow("concept text") << procedure(R"("code":{"coding":[{"code":"20610"}],"text":"knee"})")
                                  << true;
    QTest::newRow("no coding") << procedure(R"("category":{})") << false;
    QTest::newRow("empty coding") << procedure(R"("code":{"coding":[]})") << false;
    QTest::newRow("two codings") << procedure(R"("code":{"coding":[{"code":"1"},{"code":"2"}]})") << false;
    QTest::newRow("both performed")
        << procedure(
               R"("performedDateTime":"2026-03-14T10:00:00Z","performedPeriod":{"start":"2026-03-14T10:00:00Z"})")
        << false;
    QTest::newRow("empty period") << procedure(R"("performedPeriod":{})") << true;
    QTest::newRow("offset unknown") << procedure(R"("performedDateTime":"2026-03-14T10:00:00-00:00")")
                                    << false;
    QTest::newRow("date only") << procedure(R"("recordedDate":"2026-03-14")") << false;
    QTest::newRow("two recorded dates")
        << procedure(
               R"("recordedDate":"2026-03-14T10:00:00Z","extension":[{"url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-Procedure.recorded","valueDateTime":"2026-03-14T11:00:00Z"}])")
        << false;
    QTest::newRow("same recorded date twice")
        << procedure(
               R"("extension":[{"url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-Procedure.recorded","valueDateTime":"2026-03-14T11:00:00Z"}],"recordedDate":"2026-03-14T11:00:00Z")")
        << true;
    QTest::newRow("extension without a date")
        << procedure(
               R"("extension":[{"url":"http://hl7.org/fhir/5.0/StructureDefinition/extension-Procedure.recorded"}])")
        << true;
    QTest::newRow("another extension")
        << procedure(R"("extension":[{"url":"http://example.org/x"}])") << false;
    QTest::newRow("reference display, identifier use")
        << procedure(
               R"("subject":{"reference":"Patient/1","display":"Jane"},"identifier":[{"use":"official","value":"v"}])")
        << true;
    QTest::newRow("meta with another key")
        << procedure(R"("meta":{"profile":["p"],"versionId":"1"})") << false;
    QTest::newRow("no resourceType") << QByteArray(R"({"status":"completed"})") << false;
    QTest::newRow("another resource") << QByteArray(R"({"resourceType":"Patient"})") << false;
    QTest::newRow("array") << QByteArray(R"([{"resourceType":"Procedure"}])") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestProcedureFhir::plainPathReadsAsTheFullReader()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, plain);
    QCOMPARE(Fhir::readPlainProcedure(json).has_value(), plain);
    QVERIFY(readsAsTheFullReader(json));
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
    const QJsonObject strict = written(*read.entry, Fhir::Dialect::R4Strict);
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
    const QJsonObject json = written(entry);
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
    const QJsonObject json = written(entry);
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
        QVERIFY2(readsAsTheFullReader(mutated), mutated.constData());
        const auto read = Fhir::ProcedureReader::read(mutated);
        if (read.entry) {
            ++parsed;
            // Whatever was read can be written again.
            QVERIFY(!Fhir::ProcedureWriter().toBytes(*read.entry).valueOr({}).isEmpty());
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
