#include <memory>
#include <optional>

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include "../common/sampleentry.h"
#include "common/clock.h"
#include "ehr/ehrclient.h"
#include "fhir/extensions.h"
#include "fhir/procedurereader.h"
#include "scriptedserver.h"
#include "submitandwait.h"

using namespace Ehr;
using Kind = SubmitResult::Kind;

namespace {

QByteArray bundle(const QList<QJsonObject> &resources, const QString &next = {},
                  std::optional<int> total = {})
{
    QJsonArray entries;
    for (const auto &resource : resources)
        entries.append(QJsonObject{{QStringLiteral("resource"), resource}});
    QJsonObject json{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                     {QStringLiteral("type"), QStringLiteral("searchset")},
                     {QStringLiteral("entry"), entries}};
    if (total)
        json.insert(QStringLiteral("total"), *total);
    if (!next.isEmpty())
        json.insert(QStringLiteral("link"),
                    QJsonArray{QJsonObject{{QStringLiteral("relation"), QStringLiteral("next")},
                                           {QStringLiteral("url"), next}}});
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

QJsonObject patient(const QString &id, const QString &family)
{
    return {{QStringLiteral("resourceType"), QStringLiteral("Patient")},
            {QStringLiteral("id"), id},
            {QStringLiteral("name"),
             QJsonArray{QJsonObject{{QStringLiteral("family"), family},
                                    {QStringLiteral("given"), QJsonArray{QStringLiteral("Ann")}}}}}};
}

} // namespace

class TestEhrClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void transportSecurity_data();
    void transportSecurity();
    void localhostMustResolveToLoopbackOnly_data();
    void localhostMustResolveToLoopbackOnly();
    void tokenThatCannotBeSentIsRefused_data();
    void tokenThatCannotBeSentIsRefused();
    void refusedUrlSendsNothing();
    void createSendsHeadersAndBody();
    void createResultKinds_data();
    void createResultKinds();
    void retryAfterIsPassedOn();
    void retryAfterDateIsReadWithTheClientsClock();
    void unauthorizedIsSignalled();
    void capabilitiesSwitchOffConditionalCreate();
    void timeoutGivesRetryableUnknownOutcome();
    void timeoutRestartsOnProgress();
    void sixteenRequestsAreAllInFlightAtOnce();
    void closedConnectionIsUnknownOutcome();
    void refusedConnectionIsUnreachable();
    void searchFollowsNextLinks();
    void searchRefusesNextLinkElsewhere();
    void readsEncountersAndConditions();
    void findProceduresChecksIdentifier();
    void redirectElsewhereDoesNotLeakToken();
    void redirectOnSameServerIsFollowed();
    void cancelledRequestCallsNothing();
    void destroyedContextCallsNothing();

private:
    SubmitResult submitAndWait(const Model::ProcedureEntry &entry);
    /// How a patient search ends; Cancelled when it did not end within 10 s.
    ReadStatus::Kind patientSearchKind();

    std::unique_ptr<ScriptedServer> m_server;
    std::unique_ptr<EhrClient> m_client;
};

void TestEhrClient::init()
{
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->start());
    m_client = std::make_unique<EhrClient>();
    QVERIFY(m_client->setBaseUrl(m_server->baseUrl()));
    m_client->setTokenProvider([] { return QStringLiteral("secret-token"); });
    m_client->setTransferTimeout(std::chrono::milliseconds(5000));
}

void TestEhrClient::cleanup()
{
    m_client.reset();
    m_server.reset();
}

SubmitResult TestEhrClient::submitAndWait(const Model::ProcedureEntry &entry)
{
    return ::submitAndWait(*m_client, entry, this);
}

ReadStatus::Kind TestEhrClient::patientSearchKind()
{
    std::optional<ReadStatus> status;
    m_client->searchPatients(QStringLiteral("Smith"), this,
                             [&](const PatientList &list) { status = list.status; });
    if (!QTest::qWaitFor([&] { return status.has_value(); }, 10000))
        return ReadStatus::Kind::Cancelled;
    return status->kind;
}

void TestEhrClient::transportSecurity_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https remote") << "https://ehr.example.org/fhir" << true;
    QTest::newRow("http remote") << "http://example.org/fhir" << false;
    QTest::newRow("http private lan") << "http://192.168.1.20/fhir" << false;
    QTest::newRow("http loopback v4") << "http://127.0.0.1:8080/fhir" << true;
    QTest::newRow("http loopback 127/8") << "http://127.1.2.3/fhir" << true;
    QTest::newRow("http loopback v6") << "http://[::1]:8080/fhir" << true;
    QTest::newRow("http localhost") << "http://localhost:8080/fhir" << true;
    QTest::newRow("http localhost lookalike") << "http://localhost.example.org/fhir" << false;
    QTest::newRow("ftp") << "ftp://ehr.example.org/fhir" << false;
    QTest::newRow("no host") << "https:///fhir" << false;
    QTest::newRow("password in address") << "https://clerk:hunter2@ehr.example.org/fhir" << false;
    QTest::newRow("user in address") << "http://clerk@127.0.0.1:8080/fhir" << false;
    QTest::newRow("loopback as user, remote host") << "http://127.0.0.1@ehr.example.org/fhir" << false;
    QTest::newRow("http loopback decimal") << "http://2130706433:8080/fhir" << true;
    QTest::newRow("http trailing-dot lookalike") << "http://127.0.0.1.example.org/fhir" << false;
    QTest::newRow("http unspecified address") << "http://0.0.0.0:8080/fhir" << false;
    QTest::newRow("bad port") << "https://ehr.example.org:99999/fhir" << false;
}

void TestEhrClient::transportSecurity()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    const Common::Status set = m_client->setBaseUrl(QUrl(url));
    QCOMPARE(set.ok(), accepted);
    const QString error = set.ok() ? QString() : set.error().message;
    QCOMPARE(error.isEmpty(), accepted);
    if (url == u"http://example.org/fhir")
        QVERIFY2(error.contains(QStringLiteral("https://")), qPrintable(error));
    QVERIFY2(!error.contains(QStringLiteral("hunter2")), qPrintable(error)); // never shown, never saved
    if (url.contains(u'@') && !accepted)
        QVERIFY2(error.contains(QStringLiteral("user name")), qPrintable(error));
    if (url.contains(QStringLiteral("99999")))
        QVERIFY2(error.contains(QStringLiteral("ehr.example.org")), qPrintable(error));
}

void TestEhrClient::localhostMustResolveToLoopbackOnly_data()
{
    QTest::addColumn<QStringList>("addresses");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1 and ::1")
        << QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("::1")} << true;
    QTest::newRow("127.0.1.1") << QStringList{QStringLiteral("127.0.1.1")} << true;
    QTest::newRow("one address elsewhere")
        << QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("192.168.1.20")} << false;
    QTest::newRow("only elsewhere") << QStringList{QStringLiteral("203.0.113.7")} << false;
    QTest::newRow("does not resolve") << QStringList{} << false;
}

void TestEhrClient::localhostMustResolveToLoopbackOnly()
{
    QFETCH(QStringList, addresses);
    QFETCH(bool, loopback);
    const auto resolve = [&addresses](const QString &host) {
        QList<QHostAddress> result;
        if (host.compare(u"localhost", Qt::CaseInsensitive) == 0) {
            for (const auto &address : addresses)
                result.append(QHostAddress(address));
        }
        return result;
    };
    QCOMPARE(EhrClient::isLoopbackHost(QStringLiteral("localhost"), resolve), loopback);
    QCOMPARE(EhrClient::isLoopbackHost(QStringLiteral("LocalHost"), resolve), loopback);
    // Addresses are what they are, whatever a resolver says.
    QVERIFY(EhrClient::isLoopbackHost(QStringLiteral("127.0.0.1"), resolve));
    QVERIFY(!EhrClient::isLoopbackHost(QStringLiteral("192.168.1.20"), resolve));
}

void TestEhrClient::tokenThatCannotBeSentIsRefused_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("CRLF and a header") << "secret\r\nX-Injected: yes";
    QTest::newRow("LF") << "secret\nX-Injected: yes";
    QTest::newRow("NUL") << QString(QStringLiteral("secret") + QChar(0) + QStringLiteral("more"));
    QTest::newRow("ESC") << "secret\x1b[31m";
}

void TestEhrClient::tokenThatCannotBeSentIsRefused()
{
    // A CR or LF would end the Authorization header and add others to every request: nothing is sent.
    QFETCH(QString, token);
    m_client->setTokenProvider([token] { return token; });
    const SubmitResult result = submitAndWait(sampleEntry());
    QCOMPARE(result.kind, Kind::Blocked);
    QVERIFY2(result.errorString.contains(QStringLiteral("control character")),
             qPrintable(result.errorString));
    QVERIFY(!result.errorString.contains(QStringLiteral("secret")));
    QVERIFY(m_server->requests.isEmpty());
    QCOMPARE(patientSearchKind(), ReadStatus::Kind::Blocked);
    QVERIFY(m_server->requests.isEmpty());
}

void TestEhrClient::refusedUrlSendsNothing()
{
    const Common::Status set = m_client->setBaseUrl(QUrl(QStringLiteral("http://example.org/fhir")));
    QVERIFY(!set);
    const SubmitResult result = submitAndWait(sampleEntry());
    QCOMPARE(result.kind, Kind::Blocked);
    QCOMPARE(result.errorString, set.error().message);
    QVERIFY(m_server->requests.isEmpty());
    QCOMPARE(patientSearchKind(), ReadStatus::Kind::Blocked);
}

void TestEhrClient::createSendsHeadersAndBody()
{
    m_server->enqueue(ScriptedResponse::json(201, R"({"resourceType":"Procedure","id":"p-1"})"));
    const auto entry = sampleEntry();
    const SubmitResult result = submitAndWait(entry);
    QCOMPARE(result.kind, Kind::Created);
    QCOMPARE(result.ehrId, QStringLiteral("p-1"));
    QCOMPARE(m_server->requests.size(), 1);
    const RecordedRequest &request = m_server->requests.first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/fhir/Procedure"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer secret-token"));
    QCOMPARE(request.headers.value("content-type"), QByteArray("application/fhir+json"));
    QCOMPARE(request.headers.value("accept"), QByteArray("application/fhir+json"));
    QCOMPARE(request.headers.value("if-none-exist"),
             QByteArray("identifier=urn:ietf:rfc:3986|") + entry.clientIdentifier()->value.toUtf8());
    const auto sent = Fhir::ProcedureReader::read(request.body).entry;
    QVERIFY(sent);
    QCOMPARE(sent->clientIdentifier(), entry.clientIdentifier());
    QCOMPARE(sent->code, entry.code);
}

void TestEhrClient::createResultKinds_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kind");
    const QByteArray stored = R"({"resourceType":"Procedure","id":"p-2"})";
    auto outcome = [](const char *code) -> QByteArray {
        return QByteArray(
                   R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid",)"
                   R"("details":{"coding":[{"code":")") +
               code + R"("}],"text":"t"}}]})";
    };
    QTest::newRow("created") << 201 << stored << int(Kind::Created);
    QTest::newRow("already recorded") << 200 << stored << int(Kind::AlreadyRecorded);
    QTest::newRow("duplicate") << 400 << outcome("500002") << int(Kind::AlreadyRecorded);
    QTest::newRow("rejected") << 422 << outcome("500010") << int(Kind::Rejected);
    QTest::newRow("retryable") << 500 << outcome("500003") << int(Kind::Retryable);
    QTest::newRow("unauthorized") << 401 << QByteArray() << int(Kind::Unauthorized);
}

void TestEhrClient::createResultKinds()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, kind);
    m_server->enqueue(ScriptedResponse::json(status, body));
    const SubmitResult result = submitAndWait(sampleEntry());
    QCOMPARE(submitKindName(result.kind), submitKindName(Kind(kind)));
    QCOMPARE(result.httpStatus, status);
}

void TestEhrClient::retryAfterIsPassedOn()
{
    m_server->enqueue(ScriptedResponse::json(503, {}, {{"Retry-After", "7"}}));
    const SubmitResult result = submitAndWait(sampleEntry());
    QCOMPARE(result.kind, Kind::Retryable);
    QVERIFY(result.retryAfter);
    QCOMPARE(result.retryAfter->count(), 7);
}

void TestEhrClient::retryAfterDateIsReadWithTheClientsClock()
{
    // The EHR says "after 16:00:30"; it is 16:00:00 by the clock the client was given, not by this machine's.
    Common::ManualClock clock(QDateTime(QDate(2026, 3, 14), QTime(16, 0), Qt::UTC));
    m_client->setClock(&clock);
    m_server->enqueue(ScriptedResponse::json(503, {}, {{"Retry-After", "Sat, 14 Mar 2026 16:00:30 GMT"}}));
    const SubmitResult result = submitAndWait(sampleEntry());
    QCOMPARE(result.kind, Kind::Retryable);
    QVERIFY(result.retryAfter);
    QCOMPARE(result.retryAfter->count(), 30);
}

void TestEhrClient::unauthorizedIsSignalled()
{
    QSignalSpy spy(m_client.get(), &EhrClient::unauthorized);
    m_server->enqueue(ScriptedResponse::json(401, {}));
    QCOMPARE(submitAndWait(sampleEntry()).kind, Kind::Unauthorized);
    QCOMPARE(spy.size(), 1);
}

void TestEhrClient::capabilitiesSwitchOffConditionalCreate()
{
    m_server->enqueue(
        ScriptedResponse::json(200, R"({"resourceType":"CapabilityStatement","fhirVersion":"4.0.1",
        "rest":[{"mode":"server","resource":[{"type":"Procedure","interaction":[{"code":"create"}],
        "conditionalCreate":false}]}]})"));
    std::optional<ReadStatus> status;
    Capabilities capabilities;
    m_client->checkCapabilities(this, [&](const ReadStatus &s, const Capabilities &c) {
        status = s;
        capabilities = c;
    });
    QTRY_VERIFY(status.has_value());
    QVERIFY2(status->ok(), qPrintable(status->errorString));
    QVERIFY(capabilities.isR4());
    QVERIFY(capabilities.procedureCreate);
    QVERIFY(!capabilities.conditionalCreate);
    QVERIFY(!m_client->conditionalCreate());

    m_server->enqueue(ScriptedResponse::json(201, R"({"id":"p-3"})"));
    QCOMPARE(submitAndWait(sampleEntry()).kind, Kind::Created);
    QVERIFY(!m_server->requests.last().headers.contains("if-none-exist"));
}

void TestEhrClient::timeoutGivesRetryableUnknownOutcome()
{
    m_client->setTransferTimeout(std::chrono::milliseconds(300));
    m_server->enqueue(ScriptedResponse::hang());
    const SubmitResult result = submitAndWait(sampleEntry());
    QCOMPARE(result.kind, Kind::Retryable);
    QVERIFY(result.outcomeUnknown);
    QVERIFY2(result.errorString.contains(QStringLiteral("did not answer")), qPrintable(result.errorString));
}

void TestEhrClient::timeoutRestartsOnProgress()
{
    m_client->setTransferTimeout(std::chrono::milliseconds(400));
    // About 1.2 s in all, but never 400 ms without a byte.
    QByteArray body = R"({"resourceType":"Procedure","id":"slow","text":")" + QByteArray(4000, 'x') + "\"}";
    m_server->enqueue(ScriptedResponse::drip(201, body, 8, 150));
    const SubmitResult result = submitAndWait(sampleEntry());
    QCOMPARE(submitKindName(result.kind), submitKindName(Kind::Created));
    QCOMPARE(result.ehrId, QStringLiteral("slow"));
}

void TestEhrClient::sixteenRequestsAreAllInFlightAtOnce()
{
    // A QNetworkAccessManager opens six connections to a server and queues the rest; the outbox
    // sends up to 16 lines at once, and each must reach the EHR without waiting for another. A burst
    // beyond that (a search per line) waits in the client rather than open a connection each.
    m_server->handler = [](const RecordedRequest &) { return ScriptedResponse::hang(); };
    QList<EhrClient::RequestId> ids;
    for (int i = 0; i < 24; ++i) {
        auto entry = sampleEntry();
        entry.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
        ids.append(m_client->createProcedure(entry, this, [](const SubmitResult &) {}));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requests.size(), 18, 30000);
    QTest::qWait(300);
    QCOMPARE(m_server->requests.size(), 18);
    QCOMPARE(m_client->requestsInFlight(), 24);
    for (const auto id : std::as_const(ids))
        m_client->cancel(id);
}

void TestEhrClient::closedConnectionIsUnknownOutcome()
{
    // Qt's HTTP layer itself resends once on a connection closed before any answer byte;
    // If-None-Exist makes that harmless. Every try here is closed unanswered.
    m_server->handler = [](const RecordedRequest &) { return ScriptedResponse::close(); };
    const SubmitResult result = submitAndWait(sampleEntry());
    QCOMPARE(submitKindName(result.kind), submitKindName(Kind::Retryable));
    QVERIFY(result.outcomeUnknown);
    QVERIFY(!m_server->requests.isEmpty());
    for (const auto &request : std::as_const(m_server->requests))
        QVERIFY(request.headers.contains("if-none-exist"));
    qInfo() << "requests seen for one job:" << m_server->requests.size();
}

void TestEhrClient::refusedConnectionIsUnreachable()
{
    const QUrl url = m_server->baseUrl();
    m_server->close();
    QSignalSpy spy(m_client.get(), &EhrClient::reachableChanged);
    const SubmitResult result = submitAndWait(sampleEntry());
    QCOMPARE(result.kind, Kind::Retryable);
    QVERIFY(!result.outcomeUnknown);
    QVERIFY(!m_client->isReachable());
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.first().first().toBool(), false);
    QVERIFY(result.errorString.contains(QStringLiteral("127.0.0.1")));
}

void TestEhrClient::searchFollowsNextLinks()
{
    const QString next = m_server->baseUrl().toString() + QStringLiteral("/Patient?page=2");
    m_server->enqueue(ScriptedResponse::json(
        200, bundle({patient(QStringLiteral("a"), QStringLiteral("Adams"))}, next, 2)));
    m_server->enqueue(
        ScriptedResponse::json(200, bundle({patient(QStringLiteral("b"), QStringLiteral("Baker"))})));
    std::optional<PatientList> list;
    m_client->searchPatients(QStringLiteral("Ann"), this, [&](const PatientList &l) { list = l; });
    QTRY_VERIFY(list.has_value());
    QVERIFY2(list->ok(), qPrintable(list->status.errorString));
    QCOMPARE(list->items.size(), 2);
    QCOMPARE(list->items.at(0).displayName(), QStringLiteral("Adams, Ann"));
    QCOMPARE(list->items.at(1).id, QStringLiteral("b"));
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(m_server->requests.at(0).target, QByteArray("/fhir/Patient?name=Ann"));
    QCOMPARE(m_server->requests.at(1).target, QByteArray("/fhir/Patient?page=2"));
    QCOMPARE(m_server->requests.at(1).headers.value("authorization"), QByteArray("Bearer secret-token"));
}

void TestEhrClient::searchRefusesNextLinkElsewhere()
{
    m_server->enqueue(
        ScriptedResponse::json(200, bundle({patient(QStringLiteral("a"), QStringLiteral("Adams"))},
                                           QStringLiteral("https://evil.example.org/Patient?p=2"))));
    std::optional<PatientList> list;
    m_client->searchPatients(QString(), this, [&](const PatientList &l) { list = l; });
    QTRY_VERIFY(list.has_value());
    QCOMPARE(list->status.kind, ReadStatus::Kind::Failed);
    QVERIFY(list->status.errorString.contains(QStringLiteral("another server")));
    QCOMPARE(m_server->requests.size(), 1);
}

void TestEhrClient::readsEncountersAndConditions()
{
    const QJsonObject encounter{
        {QStringLiteral("resourceType"), QStringLiteral("Encounter")},
        {QStringLiteral("id"), QStringLiteral("Encounter-805")},
        {QStringLiteral("status"), QStringLiteral("in-progress")},
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/Patient-265")}}},
        {QStringLiteral("period"),
         QJsonObject{{QStringLiteral("start"), QStringLiteral("2026-03-14T09:30:00-05:00")}}},
        {QStringLiteral("extension"),
         QJsonArray{QJsonObject{{QStringLiteral("url"), QLatin1String(Fhir::Urls::EncounterStateExtension)},
                                {QStringLiteral("valueCode"), QStringLiteral("signed-off")}},
                    QJsonObject{{QStringLiteral("url"), QLatin1String(Fhir::Urls::TimezoneExtension)},
                                {QStringLiteral("valueCode"), QStringLiteral("America/Chicago")}}}}};
    QJsonObject otherPatients = encounter;
    otherPatients.insert(QStringLiteral("id"), QStringLiteral("Encounter-1"));
    otherPatients.insert(QStringLiteral("subject"),
                         QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/x")}});
    m_server->enqueue(ScriptedResponse::json(200, bundle({encounter, otherPatients})));
    std::optional<EncounterList> encounters;
    m_client->encountersOf(QStringLiteral("Patient-265"), this,
                           [&](const EncounterList &l) { encounters = l; });
    QTRY_VERIFY(encounters.has_value());
    QCOMPARE(m_server->requests.last().target, QByteArray("/fhir/Encounter?patient=Patient-265"));
    QCOMPARE(encounters->items.size(), 1); // the server's stray answer is filtered out
    const EncounterSummary &e = encounters->items.first();
    QCOMPARE(e.state.billing, Model::BillingState::SignedOff);
    QCOMPARE(e.timeZone, QStringLiteral("America/Chicago"));
    QVERIFY(e.zone().isValid());
    QCOMPARE(e.start, QDateTime(QDate(2026, 3, 14), QTime(14, 30), Qt::UTC));
    QVERIFY(!e.acceptsProcedures());
    QCOMPARE(e.facts().state, e.state);
    QCOMPARE(e.facts().patientId, QStringLiteral("Patient-265"));

    const QJsonObject condition{
        {QStringLiteral("resourceType"), QStringLiteral("Condition")},
        {QStringLiteral("id"), QStringLiteral("Condition-Problem-I-1332")},
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/Patient-265")}}},
        {QStringLiteral("encounter"),
         QJsonObject{{QStringLiteral("reference"), QStringLiteral("Encounter/Encounter-805")}}},
        {QStringLiteral("code"),
         QJsonObject{
             {QStringLiteral("coding"),
              QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("http://snomed.info/sct")},
                                     {QStringLiteral("code"), QStringLiteral("1")}},
                         QJsonObject{{QStringLiteral("system"), QLatin1String(Fhir::Urls::Icd10Cm)},
                                     {QStringLiteral("code"), QStringLiteral("M17.11")},
                                     {QStringLiteral("display"), QStringLiteral("Osteoarthritis")}}}}}}};
    m_server->enqueue(ScriptedResponse::json(200, bundle({condition})));
    std::optional<ConditionList> conditions;
    m_client->conditionsOf(QStringLiteral("Patient-265"), QStringLiteral("Encounter-805"), this,
                           [&](const ConditionList &l) { conditions = l; });
    QTRY_VERIFY(conditions.has_value());
    QCOMPARE(conditions->items.size(), 1);
    QCOMPARE(conditions->items.first().code, QStringLiteral("M17.11"));
    QCOMPARE(conditions->items.first().display, QStringLiteral("Osteoarthritis"));
    QCOMPARE(conditions->items.first().encounterId, QStringLiteral("Encounter-805"));
}

void TestEhrClient::findProceduresChecksIdentifier()
{
    const auto entry = sampleEntry();
    const auto identifier = *entry.clientIdentifier();
    const QJsonObject ours{
        {QStringLiteral("resourceType"), QStringLiteral("Procedure")},
        {QStringLiteral("id"), QStringLiteral("p-ours")},
        {QStringLiteral("identifier"), QJsonArray{QJsonObject{{QStringLiteral("system"), identifier.system},
                                                              {QStringLiteral("value"), identifier.value}}}}};
    const QJsonObject theirs{{QStringLiteral("resourceType"), QStringLiteral("Procedure")},
                             {QStringLiteral("id"), QStringLiteral("p-theirs")}};
    m_server->enqueue(ScriptedResponse::json(200, bundle({theirs, ours})));
    std::optional<QStringList> ids;
    m_client->findProcedures(identifier, this,
                             [&](const ReadStatus &, const QStringList &found) { ids = found; });
    QTRY_VERIFY(ids.has_value());
    QCOMPARE(*ids, QStringList{QStringLiteral("p-ours")});
    QVERIFY(m_server->requests.last().target.startsWith("/fhir/Procedure?identifier="));
}

void TestEhrClient::redirectElsewhereDoesNotLeakToken()
{
    ScriptedServer elsewhere;
    QVERIFY(elsewhere.start());
    elsewhere.handler = [](const RecordedRequest &) {
        return ScriptedResponse::json(200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}");
    };
    const QByteArray location = elsewhere.baseUrl().toEncoded() + "/Patient";
    m_server->enqueue(ScriptedResponse::json(307, {}, {{"Location", location}}));
    std::optional<PatientList> list;
    m_client->searchPatients(QString(), this, [&](const PatientList &l) { list = l; });
    QTRY_VERIFY(list.has_value());
    QVERIFY2(elsewhere.requests.isEmpty(), "a redirect to another server was followed (with the token)");
    QCOMPARE(list->status.kind, ReadStatus::Kind::Blocked);
    QVERIFY2(list->status.errorString.contains(QStringLiteral("another server")),
             qPrintable(list->status.errorString));
}

void TestEhrClient::redirectOnSameServerIsFollowed()
{
    const QByteArray location = m_server->baseUrl().toEncoded() + "/Patient?moved=1";
    m_server->enqueue(ScriptedResponse::json(307, {}, {{"Location", location}}));
    m_server->enqueue(
        ScriptedResponse::json(200, bundle({patient(QStringLiteral("a"), QStringLiteral("Adams"))})));
    std::optional<PatientList> list;
    m_client->searchPatients(QString(), this, [&](const PatientList &l) { list = l; });
    QTRY_VERIFY(list.has_value());
    QVERIFY2(list->ok(), qPrintable(list->status.errorString));
    QCOMPARE(list->items.size(), 1);
    QCOMPARE(m_server->requests.size(), 2);
    QCOMPARE(m_server->requests.last().target, QByteArray("/fhir/Patient?moved=1"));
    QCOMPARE(m_server->requests.last().headers.value("authorization"), QByteArray("Bearer secret-token"));
}

void TestEhrClient::cancelledRequestCallsNothing()
{
    m_server->enqueue(ScriptedResponse::hang());
    bool called = false;
    const auto id =
        m_client->createProcedure(sampleEntry(), this, [&](const SubmitResult &) { called = true; });
    QTRY_COMPARE(m_server->requests.size(), 1);
    m_client->cancel(id);
    QCOMPARE(m_client->requestsInFlight(), 0);
    QTest::qWait(100);
    QVERIFY(!called);
}

void TestEhrClient::destroyedContextCallsNothing()
{
    m_server->enqueue(ScriptedResponse::json(201, R"({"id":"p"})"));
    bool called = false;
    auto context = std::make_unique<QObject>();
    m_client->createProcedure(sampleEntry(), context.get(), [&](const SubmitResult &) { called = true; });
    context.reset();
    QTRY_COMPARE(m_client->requestsInFlight(), 0);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestEhrClient)
#include "tst_ehrclient.moc"
