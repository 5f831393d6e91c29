#include <memory>
#include <optional>

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include "../common/ehrclientfixture.h"
#include "../common/sampleentry.h"
#include "../common/sandboxfixture.h"
#include "ehr/ehrclient.h"
#include "fhir/procedurereader.h"
#include "sandbox/server.h"
#include "submitandwait.h"

using namespace Ehr;
using Kind = SubmitResult::Kind;

namespace {

constexpr auto Token = "ehr-test-token";

} // namespace

/// The client against the training EHR over real HTTP on 127.0.0.1: every result kind the EHR can produce.
class TestEhrSandbox : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void capabilitiesSayR4WithConditionalCreate();
    void createdThenAlreadyRecorded();
    void rejectedWithFindings_data();
    void rejectedWithFindings();
    void duplicateWithoutConditionalCreate();
    void serverFaultIsRetryableWithCode();
    void retryAfterFromServer();
    void wrongTokenIsUnauthorized();
    void lostAnswerIsRetryableUnknown();
    void hangTimesOut();
    void searchesFollowPages();
    void searchPatientsByNameMrnOrId_data();
    void searchPatientsByNameMrnOrId();
    void readsTheDemoEncounter();
    void findsProcedureByIdentifier();
    void identifierWithQueryCharacters_data();
    void identifierWithQueryCharacters();

private:
    SubmitResult submit(const Model::ProcedureEntry &entry);

    std::unique_ptr<Sandbox::Server> m_server;
    std::unique_ptr<EhrClient> m_client;
    QString m_token;
};

void TestEhrSandbox::init()
{
    Sandbox::ServerOptions options;
    options.token = QLatin1String(Token);
    options.logRequests = false;
    options.seed = 11;
    m_server = startTestSandbox(options);
    QVERIFY(m_server);
    m_token = QLatin1String(Token);
    m_client = clientFor(*m_server, m_token, std::chrono::milliseconds(3000));
    QVERIFY(m_client);
}

void TestEhrSandbox::cleanup()
{
    m_client.reset();
    m_server.reset();
}

SubmitResult TestEhrSandbox::submit(const Model::ProcedureEntry &entry)
{
    return ::submitAndWait(*m_client, entry, this);
}

void TestEhrSandbox::capabilitiesSayR4WithConditionalCreate()
{
    m_client->setConditionalCreate(false);
    std::optional<Capabilities> capabilities;
    m_client->checkCapabilities(this, [&](const ReadStatus &status, const Capabilities &c) {
        QVERIFY2(status.ok(), qPrintable(status.errorString));
        capabilities = c;
    });
    QTRY_VERIFY(capabilities.has_value());
    QVERIFY(capabilities->isR4());
    QVERIFY(capabilities->procedureCreate);
    QVERIFY(capabilities->conditionalCreate);
    QVERIFY(m_client->conditionalCreate());
}

void TestEhrSandbox::createdThenAlreadyRecorded()
{
    const auto entry = sampleEntry();
    const SubmitResult created = submit(entry);
    QCOMPARE(submitKindName(created.kind), submitKindName(Kind::Created));
    QCOMPARE(created.httpStatus, 201);
    QVERIFY(!created.ehrId.isEmpty());

    const SubmitResult again = submit(entry);
    QCOMPARE(submitKindName(again.kind), submitKindName(Kind::AlreadyRecorded));
    QCOMPARE(again.httpStatus, 200);
    QCOMPARE(again.ehrId, created.ehrId);
    QCOMPARE(m_server->procedureCount(), 1);
}

void TestEhrSandbox::rejectedWithFindings_data()
{
    QTest::addColumn<QString>("encounter");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("path");
    QTest::newRow("signed off") << "Encounter-806"
                                << "500009"
                                << "Procedure.encounter.reference";
    QTest::newRow("billed") << "Encounter-807"
                            << "500010"
                            << "Procedure.encounter.reference";
    QTest::newRow("unknown encounter") << "Encounter-1"
                                       << "500024"
                                       << "Procedure.encounter.reference";
}

void TestEhrSandbox::rejectedWithFindings()
{
    QFETCH(QString, encounter);
    QFETCH(QString, code);
    QFETCH(QString, path);
    auto entry = sampleEntry();
    entry.encounter = Model::Reference::to(QStringLiteral("Encounter"), encounter);
    const SubmitResult result = submit(entry);
    QCOMPARE(submitKindName(result.kind), submitKindName(Kind::Rejected));
    QCOMPARE(result.ehrCode, code);
    QVERIFY(!result.findings.isEmpty());
    QCOMPARE(result.findings.first().code, code);
    QCOMPARE(result.findings.first().path, path);
    QVERIFY(!result.findings.first().message.isEmpty());
    QCOMPARE(m_server->procedureCount(), 0);
}

void TestEhrSandbox::duplicateWithoutConditionalCreate()
{
    m_client->setConditionalCreate(false);
    QCOMPARE(submit(sampleEntry()).kind, Kind::Created);
    const SubmitResult duplicate = submit(sampleEntry()); // same content, other identifier
    QCOMPARE(submitKindName(duplicate.kind), submitKindName(Kind::AlreadyRecorded));
    QCOMPARE(duplicate.ehrCode, QStringLiteral("500002"));
    QVERIFY(duplicate.ehrId.isEmpty());
}

void TestEhrSandbox::serverFaultIsRetryableWithCode()
{
    Sandbox::FaultSettings faults;
    faults.failRate = 1;
    m_server->setFaults(faults);
    const SubmitResult result = submit(sampleEntry());
    QCOMPARE(submitKindName(result.kind), submitKindName(Kind::Retryable));
    QVERIFY(result.httpStatus == 500 || result.httpStatus == 503);
    QVERIFY(result.ehrCode == u"500003" || result.ehrCode == u"500008");
    QVERIFY(!result.outcomeUnknown);
    QCOMPARE(m_server->procedureCount(), 0);
}

void TestEhrSandbox::retryAfterFromServer()
{
    Sandbox::FaultSettings faults;
    faults.failRate = 1;
    m_server->setFaults(faults);
    // The training EHR adds Retry-After to some of its failures (seeded, so the same ones every run).
    std::optional<SubmitResult> withRetryAfter;
    for (int i = 0; i < 20 && !withRetryAfter; ++i) {
        const SubmitResult result = submit(sampleEntry());
        QCOMPARE(result.kind, Kind::Retryable);
        if (result.retryAfter)
            withRetryAfter = result;
    }
    QVERIFY(withRetryAfter);
    QCOMPARE(withRetryAfter->retryAfter->count(), 1);
}

void TestEhrSandbox::wrongTokenIsUnauthorized()
{
    QSignalSpy spy(m_client.get(), &EhrClient::unauthorized);
    m_token = QStringLiteral("not-the-token");
    const SubmitResult result = submit(sampleEntry());
    QCOMPARE(submitKindName(result.kind), submitKindName(Kind::Unauthorized));
    QCOMPARE(result.httpStatus, 401);
    QCOMPARE(spy.size(), 1);
    QVERIFY(!result.errorString.contains(QStringLiteral("not-the-token")));

    std::optional<PatientList> patients;
    m_client->searchPatients(QString(), this, [&](const PatientList &list) { patients = list; });
    QTRY_VERIFY(patients.has_value());
    QCOMPARE(patients->status.kind, ReadStatus::Kind::Unauthorized);
    QCOMPARE(m_server->procedureCount(), 0);
}

void TestEhrSandbox::lostAnswerIsRetryableUnknown()
{
    Sandbox::FaultSettings faults;
    faults.dropRate = 1;
    m_server->setFaults(faults);
    const SubmitResult result = submit(sampleEntry());
    QCOMPARE(submitKindName(result.kind), submitKindName(Kind::Retryable));
    QVERIFY(result.outcomeUnknown);
    QCOMPARE(m_server->procedureCount(), 1); // stored although nobody heard of it
}

void TestEhrSandbox::hangTimesOut()
{
    Sandbox::FaultSettings faults;
    faults.hangRate = 1;
    m_server->setFaults(faults);
    m_client->setTransferTimeout(std::chrono::milliseconds(250));
    const SubmitResult result = submit(sampleEntry());
    QCOMPARE(submitKindName(result.kind), submitKindName(Kind::Retryable));
    QVERIFY(result.outcomeUnknown);
    QVERIFY(!m_client->isReachable());
}

void TestEhrSandbox::searchesFollowPages()
{
    std::optional<ResourceList> paged;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("_count"), QStringLiteral("5"));
    m_client->search(QStringLiteral("Patient"), query, this, [&](const ResourceList &list) { paged = list; });
    QTRY_VERIFY(paged.has_value());
    QVERIFY2(paged->status.ok(), qPrintable(paged->status.errorString));
    QCOMPARE(paged->resources.size(), 24);
    QSet<QString> ids;
    for (const auto &resource : paged->resources)
        ids.insert(resource.value(QStringLiteral("id")).toString());
    QCOMPARE(ids.size(), 24);

    std::optional<PatientList> byName;
    m_client->searchPatients(QStringLiteral("okafor"), this, [&](const PatientList &list) { byName = list; });
    QTRY_VERIFY(byName.has_value());
    QCOMPARE(byName->items.size(), 1);
    QCOMPARE(byName->items.first().id, QStringLiteral("Patient-265"));
}

void TestEhrSandbox::searchPatientsByNameMrnOrId_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("name") << "Okafor";
    QTest::newRow("mrn as shown") << "MRN-104200";
    QTest::newRow("patient id") << "Patient-265";
}

void TestEhrSandbox::searchPatientsByNameMrnOrId()
{
    QFETCH(QString, text);
    std::optional<PatientList> found;
    m_client->searchPatients(text, this, [&](const PatientList &list) { found = list; });
    QTRY_VERIFY(found.has_value());
    QVERIFY2(found->status.ok(), qPrintable(found->status.errorString));
    QCOMPARE(found->items.size(), 1);
    QCOMPARE(found->items.first().id, QStringLiteral("Patient-265"));
}

void TestEhrSandbox::readsTheDemoEncounter()
{
    std::optional<EncounterList> encounters;
    m_client->encountersOf(QStringLiteral("Patient-265"), this,
                           [&](const EncounterList &list) { encounters = list; });
    QTRY_VERIFY(encounters.has_value());
    const auto open = std::find_if(encounters->items.cbegin(), encounters->items.cend(),
                                   [](const EncounterSummary &e) { return e.id == u"Encounter-805"; });
    QVERIFY(open != encounters->items.cend());
    QCOMPARE(open->state.status, Model::EncounterStatus::InProgress);
    QCOMPARE(open->state.billing, Model::BillingState::Open);
    QCOMPARE(open->timeZone, QStringLiteral("America/Chicago"));
    QVERIFY(open->acceptsProcedures());
    QVERIFY(open->start.isValid());

    std::optional<ConditionList> conditions;
    m_client->conditionsOf(QStringLiteral("Patient-265"), QStringLiteral("Encounter-805"), this,
                           [&](const ConditionList &list) { conditions = list; });
    QTRY_VERIFY(conditions.has_value());
    QStringList ids;
    for (const auto &condition : conditions->items)
        ids.append(condition.id);
    QVERIFY(ids.contains(QStringLiteral("Condition-Problem-I-1332")));
    QVERIFY(!ids.contains(QStringLiteral("Condition-Problem-I-1334"))); // another encounter's
}

void TestEhrSandbox::findsProcedureByIdentifier()
{
    const auto entry = sampleEntry();
    const SubmitResult created = submit(entry);
    QCOMPARE(created.kind, Kind::Created);
    std::optional<QStringList> found;
    m_client->findProcedures(*entry.clientIdentifier(), this,
                             [&](const ReadStatus &, const QStringList &ids) { found = ids; });
    QTRY_VERIFY(found.has_value());
    QCOMPARE(*found, QStringList{created.ehrId});
}

void TestEhrSandbox::identifierWithQueryCharacters_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("ampersand") << "urn:test:line&encounter=Encounter-806";
    QTest::newRow("hash") << "urn:test:line#2";
    QTest::newRow("plus") << "urn:test:a+b";
    QTest::newRow("percent") << "urn:test:50%25off";
    QTest::newRow("pipe") << "urn:test:a|b";
}

void TestEhrSandbox::identifierWithQueryCharacters()
{
    // A file given to superbill-cli submit may carry any client identifier; If-None-Exist and the
    // search must still name exactly that one.
    QFETCH(QString, value);
    auto entry = sampleEntry();
    entry.identifiers = {{QLatin1String(Model::Systems::Rfc3986), value}};
    const SubmitResult created = submit(entry);
    QVERIFY2(created.kind == Kind::Created, qPrintable(created.errorString));
    const SubmitResult again = submit(entry);
    QVERIFY2(again.kind == Kind::AlreadyRecorded, qPrintable(again.errorString));
    QCOMPARE(again.ehrId, created.ehrId);
    QCOMPARE(m_server->procedureCount(), 1);
    std::optional<QStringList> found;
    m_client->findProcedures(*entry.clientIdentifier(), this,
                             [&](const ReadStatus &, const QStringList &ids) { found = ids; });
    QTRY_VERIFY(found.has_value());
    QCOMPARE(*found, QStringList{created.ehrId});
}

QTEST_GUILESS_MAIN(TestEhrSandbox)
#include "tst_ehrsandbox.moc"
