#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "../common/resultcheck.h"
#include "sandbox/demodata.h"
#include "sandbox/faultinjector.h"
#include "sandbox/requestlog.h"
#include "sandbox/token.h"

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray bundle(const QByteArray &resource)
{
    return R"({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": )" + resource + "}]}";
}

const QByteArray GoodPatient = R"({"resourceType": "Patient", "id": "P-1"})";
const QByteArray GoodEncounter = R"({"resourceType": "Encounter", "id": "E-1", "status": "in-progress",
    "subject": {"reference": "Patient/P-1"}, "period": {"start": "2026-05-04T09:00:00-05:00"}})";
const QByteArray GoodCondition =
    R"({"resourceType": "Condition", "id": "C-1", "subject": {"reference": "Patient/P-1"}})";

} // namespace

class TestSandboxData : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void builtInDemoData();
    void vendorExampleContext();
    void loadErrorsNameFileAndEntry_data();
    void loadErrorsNameFileAndEntry();
    void stateWithoutExtension();
    void tokensCompareAndGenerate();
    void tokenFileIsOwnerOnly();
    void requestLogTargetRedactsPatientIds_data();
    void requestLogTargetRedactsPatientIds();
    void faultInjectorIsDeterministic();
    void faultRatesAreClamped();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSandboxData::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestSandboxData::builtInDemoData()
{
    const auto data = Sandbox::DemoData::load(Sandbox::DemoData::builtInDirectory());
    QVERIFY2(data, qPrintable(whyFailed(data)));
    QVERIFY(data->patients().size() >= 20);
    QVERIFY(data->encounters().size() >= 40);
    QSet<Model::BillingState> states;
    QSet<QString> zones;
    QSet<QString> patientsWithOpenEncounter;
    for (const auto &encounter : data->encounters()) {
        const auto *info = data->encounterInfo(encounter.value(QStringLiteral("id")).toString());
        QVERIFY(info);
        states.insert(info->state.billing);
        zones.insert(info->timeZone);
        if (info->state.acceptsProcedures())
            patientsWithOpenEncounter.insert(info->patientId);
    }
    QCOMPARE(states.size(), 4);
    QCOMPARE(zones, (QSet<QString>{QStringLiteral("America/Chicago"), QStringLiteral("America/New_York")}));
    QCOMPARE(patientsWithOpenEncounter.size(), data->patients().size());
    for (const auto &condition : data->conditions()) {
        const QJsonObject coding = condition.value(QStringLiteral("code"))
                                       .toObject()
                                       .value(QStringLiteral("coding"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
        QCOMPARE(coding.value(QStringLiteral("system")).toString(), QLatin1String(Sandbox::Urls::Icd10Cm));
        QVERIFY(!coding.value(QStringLiteral("display")).toString().isEmpty());
        QVERIFY(!data->conditionEncounter(condition.value(QStringLiteral("id")).toString()).isEmpty());
    }
}

void TestSandboxData::vendorExampleContext()
{
    const auto data = Sandbox::DemoData::load(Sandbox::DemoData::builtInDirectory());
    QVERIFY(data);
    QVERIFY(data->hasPatient(QStringLiteral("Patient-265")));
    const auto *encounter = data->encounterInfo(QStringLiteral("Encounter-805"));
    QVERIFY(encounter);
    QCOMPARE(encounter->patientId, QStringLiteral("Patient-265"));
    QVERIFY(encounter->state.acceptsProcedures());
    QCOMPARE(encounter->timeZone, QStringLiteral("America/Chicago"));
    QVERIFY(data->conditionIdsOfPatient(QStringLiteral("Patient-265"))
                .contains(QStringLiteral("Condition-Problem-I-1332")));
    QCOMPARE(data->conditionPatient(QStringLiteral("Condition-Problem-I-1332")),
             QStringLiteral("Patient-265"));
}

void TestSandboxData::loadErrorsNameFileAndEntry_data()
{
    QTest::addColumn<QByteArray>("patients");
    QTest::addColumn<QByteArray>("encounters");
    QTest::addColumn<QByteArray>("conditions");
    QTest::addColumn<QString>("mentions");

    const QByteArray p = bundle(GoodPatient);
    const QByteArray e = bundle(GoodEncounter);
    const QByteArray c = bundle(GoodCondition);
    QTest::newRow("valid") << p << e << c << QString();
    QTest::newRow("missing file") << p << e << QByteArray() << QStringLiteral("conditions.json");
    QTest::newRow("not JSON") << QByteArray("{") << e << c << QStringLiteral("patients.json");
    QTest::newRow("wrong resource type")
        << bundle(GoodEncounter) << e << c << QStringLiteral("not a Patient");
    QTest::newRow("duplicate id") << QByteArray("[" + GoodPatient + "," + GoodPatient + "]") << e << c
                                  << QStringLiteral("entry 1 (P-1)");
    QTest::newRow("encounter of nobody")
        << p << bundle(QByteArray(GoodEncounter).replace("Patient/P-1", "Patient/P-9")) << c
        << QStringLiteral("encounters.json, entry 0 (E-1)");
    QTest::newRow("unknown state")
        << p
        << bundle(
               QByteArray(GoodEncounter)
                   .replace(
                       "\"status\"",
                       R"("extension": [{"url": "https://superbill-desk.example.org/fhir/StructureDefinition/encounter-state", "valueCode": "closed"}], "status")"))
        << c << QStringLiteral("closed");
    QTest::newRow("unknown time zone")
        << p
        << bundle(
               QByteArray(GoodEncounter)
                   .replace(
                       "\"status\"",
                       R"("extension": [{"url": "http://hl7.org/fhir/StructureDefinition/timezone", "valueCode": "Mars/Olympus"}], "status")"))
        << c << QStringLiteral("Mars/Olympus");
    QTest::newRow("id with a final newline")
        << bundle(QByteArray(GoodPatient).replace("\"P-1\"", "\"P-1\\n\"")) << e << c
        << QStringLiteral("not a FHIR id");
    QTest::newRow("start without offset") << p << bundle(QByteArray(GoodEncounter).replace("-05:00", "")) << c
                                          << QStringLiteral("period.start");
    QTest::newRow("condition of another patient's encounter")
        << QByteArray("[" + GoodPatient + R"(, {"resourceType": "Patient", "id": "P-2"}])") << e
        << bundle(R"({"resourceType": "Condition", "id": "C-1", "subject": {"reference": "Patient/P-2"},
                      "encounter": {"reference": "Encounter/E-1"}})")
        << QStringLiteral("Condition.encounter");
}

void TestSandboxData::loadErrorsNameFileAndEntry()
{
    QFETCH(QByteArray, patients);
    QFETCH(QByteArray, encounters);
    QFETCH(QByteArray, conditions);
    QFETCH(QString, mentions);
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("patients.json")), patients));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("encounters.json")), encounters));
    if (!conditions.isEmpty())
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("conditions.json")), conditions));
    const auto data = Sandbox::DemoData::load(m_dir->path());
    if (mentions.isEmpty()) {
        QVERIFY2(data, qPrintable(whyFailed(data)));
        return;
    }
    QVERIFY(!data);
    QVERIFY2(data.error().message.contains(mentions), qPrintable(data.error().message));
}

void TestSandboxData::stateWithoutExtension()
{
    const QByteArray finished = QByteArray(GoodEncounter).replace("in-progress", "finished");
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("patients.json")), bundle(GoodPatient)));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("encounters.json")), bundle(finished)));
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("conditions.json")), bundle(GoodCondition)));
    const auto data = Sandbox::DemoData::load(m_dir->path());
    QVERIFY(data);
    QCOMPARE(data->encounterInfo(QStringLiteral("E-1"))->state.billing, Model::BillingState::NotGiven);
    QVERIFY(!data->encounterInfo(QStringLiteral("E-1"))->state.acceptsProcedures());
}

void TestSandboxData::tokensCompareAndGenerate()
{
    QVERIFY(Sandbox::Token::equalsConstantTime("abc", "abc"));
    QVERIFY(!Sandbox::Token::equalsConstantTime("abc", "abd"));
    QVERIFY(!Sandbox::Token::equalsConstantTime("abc", "abcd"));
    QVERIFY(!Sandbox::Token::equalsConstantTime("abc", ""));
    const QString first = Sandbox::Token::generate();
    const QString second = Sandbox::Token::generate();
    QVERIFY(first.size() >= 40);
    QVERIFY(first != second);
}

void TestSandboxData::tokenFileIsOwnerOnly()
{
    const auto written = Sandbox::Token::writeNewFile(m_dir->path(), QStringLiteral("s3cret"));
    QVERIFY2(written, qPrintable(whyFailed(written)));
    const QString path = *written;
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther |
                                            QFileDevice::ExeGroup | QFileDevice::ExeOther;
    QCOMPARE(QFile(path).permissions() & others, QFileDevice::Permissions());
    QCOMPARE(Sandbox::Token::readFile(path).valueOr({}), QStringLiteral("s3cret"));
    // A second file never overwrites the first.
    const auto another = Sandbox::Token::writeNewFile(m_dir->path(), QStringLiteral("other"));
    QVERIFY2(another, qPrintable(whyFailed(another)));
    QVERIFY(*another != path);
    const auto missing = Sandbox::Token::readFile(m_dir->filePath(QStringLiteral("missing")));
    QVERIFY(!missing);
    QVERIFY(missing.error().message.contains(QStringLiteral("missing")));
}

void TestSandboxData::requestLogTargetRedactsPatientIds_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("target");
    QTest::newRow("patient") << QStringLiteral("/b/Patient/Patient-265") << QStringList{}
                             << QStringLiteral("/b/Patient/{id}");
    QTest::newRow("condition") << QStringLiteral("/b/Condition/Condition-Problem-I-1332") << QStringList{}
                               << QStringLiteral("/b/Condition/{id}");
    QTest::newRow("procedure id kept")
        << QStringLiteral("/b/Procedure/Procedure-4/_history/1") << QStringList{}
        << QStringLiteral("/b/Procedure/Procedure-4/_history/1");
    QTest::newRow("names only") << QStringLiteral("/b/Patient")
                                << QStringList{QStringLiteral("name"), QStringLiteral("_count")}
                                << QStringLiteral("/b/Patient?name&_count");
}

void TestSandboxData::requestLogTargetRedactsPatientIds()
{
    QFETCH(QString, path);
    QFETCH(QStringList, names);
    QFETCH(QString, target);
    QCOMPARE(Sandbox::RequestLog::describeTarget(path, names), target);
}

void TestSandboxData::faultInjectorIsDeterministic()
{
    Sandbox::FaultSettings settings;
    settings.failRate = 0.2;
    settings.dropRate = 0.2;
    settings.hangRate = 0.2;
    Sandbox::FaultInjector first(99, settings);
    Sandbox::FaultInjector second(99, settings);
    QSet<int> kinds;
    for (int i = 0; i < 200; ++i) {
        const auto a = first.next(i % 2 == 0);
        const auto b = second.next(i % 2 == 0);
        QCOMPARE(static_cast<int>(a.kind), static_cast<int>(b.kind));
        QCOMPARE(a.httpStatus, b.httpStatus);
        QCOMPARE(a.ehrCode, b.ehrCode);
        QCOMPARE(a.retryAfter, b.retryAfter);
        kinds.insert(static_cast<int>(a.kind));
    }
    QCOMPARE(kinds.size(), 4);
}

void TestSandboxData::faultRatesAreClamped()
{
    Sandbox::FaultSettings settings;
    settings.failRate = 3;
    settings.latencyMs = -10;
    Sandbox::FaultInjector injector(1, settings);
    QCOMPARE(injector.settings().failRate, 1.0);
    QCOMPARE(injector.settings().latencyMs, 0);
    QCOMPARE(static_cast<int>(injector.next(false).kind),
             static_cast<int>(Sandbox::FaultDecision::Kind::Fail));
}

QTEST_GUILESS_MAIN(TestSandboxData)
#include "tst_sandboxdata.moc"
