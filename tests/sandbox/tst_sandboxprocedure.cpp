#include <functional>

#include <QJsonArray>
#include <QUuid>

#include "../common/resultcheck.h"
#include "sandboxtestclient.h"

using Mutation = std::function<void(QJsonObject &)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

void setReference(QJsonObject &procedure, const QString &element, const QString &reference)
{
    procedure.insert(element, QJsonObject{{QStringLiteral("reference"), reference}});
}

void setReasons(QJsonObject &procedure, const QStringList &conditionIds)
{
    QJsonArray reasons;
    for (const auto &id : conditionIds)
        reasons.append(
            QJsonObject{{QStringLiteral("reference"), QString(QStringLiteral("Condition/") + id)}});
    procedure.insert(QStringLiteral("reasonReference"), reasons);
}

void setCode(QJsonObject &procedure, const QString &code, const QString &display,
             const QString &system = QStringLiteral("http://www.ama-assn.org/go/cpt"))
{
    procedure.insert(QStringLiteral("code"),
                     QJsonObject{{QStringLiteral("coding"),
                                  QJsonArray{QJsonObject{{QStringLiteral("system"), system},
                                                         {QStringLiteral("code"), code},
                                                         {QStringLiteral("display"), display}}}}});
}

QJsonObject withIdentifier(QJsonObject procedure, const QString &value)
{
    procedure.insert(QStringLiteral("identifier"),
                     QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:ietf:rfc:3986")},
                                            {QStringLiteral("value"), value}}});
    return procedure;
}

bool hasIssue(const SandboxReply &reply, const QString &code, const QString &expression)
{
    for (const auto &issueValue : reply.json().value(QStringLiteral("issue")).toArray()) {
        const QJsonObject issue = issueValue.toObject();
        const QJsonObject details = issue.value(QStringLiteral("details")).toObject();
        const QJsonArray codings = details.value(QStringLiteral("coding")).toArray();
        const bool codeMatches =
            std::any_of(codings.begin(), codings.end(), [&code](const QJsonValue &coding) {
                return coding.toObject().value(QStringLiteral("code")).toString() == code;
            });
        const bool expressionMatches =
            expression.isEmpty() || issue.value(QStringLiteral("expression")).toArray().contains(expression);
        if (codeMatches && expressionMatches && !details.value(QStringLiteral("text")).toString().isEmpty())
            return true;
    }
    return false;
}

} // namespace

class TestSandboxProcedure : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void vendorExampleIsCreated();
    void trailingSlashAsInVendorCurl();
    void storedProcedureCanBeRead();
    void ruleViolationsAreRejected_data();
    void ruleViolationsAreRejected();
    void anesthesiaWithPeriodIsCreated();
    void warningsDoNotReject();
    void sameProcedureTwiceIsDuplicate();
    void conditionalCreateReturnsExisting();
    void conditionalCreateNeedsIdentifierCondition();
    void conditionalCreateWithoutValueMatchesNothing_data();
    void conditionalCreateWithoutValueMatchesNothing();
    void procedureSearch();
    void httpErrorsCarryOperationOutcome_data();
    void httpErrorsCarryOperationOutcome();
    void unauthorizedAsksForBearer();

private:
    std::unique_ptr<Sandbox::Server> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
};

void TestSandboxProcedure::init()
{
    m_server = std::make_unique<Sandbox::Server>(testServerOptions());
    QVERIFY_OK(m_server->start());
    QVERIFY(m_server->port() != 0);
    m_client = std::make_unique<SandboxTestClient>(m_server->baseUrl());
}

void TestSandboxProcedure::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void TestSandboxProcedure::vendorExampleIsCreated()
{
    const SandboxReply reply = m_client->post(QStringLiteral("Procedure"), vendorExample());
    QCOMPARE(reply.status, 201);
    QCOMPARE(reply.resourceType(), QStringLiteral("Procedure"));
    const QString id = reply.json().value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY2(id != u"procedure-1001", "the server assigns its own id");
    QVERIFY(!reply.json()
                 .value(QStringLiteral("meta"))
                 .toObject()
                 .value(QStringLiteral("lastUpdated"))
                 .toString()
                 .isEmpty());
    QCOMPARE(reply.header("Location"), (m_server->baseUrl().toString() + QStringLiteral("/Procedure/") + id +
                                        QStringLiteral("/_history/1"))
                                           .toUtf8());
    QVERIFY(reply.header("Content-Type").startsWith("application/fhir+json"));
    QCOMPARE(reply.json()
                 .value(QStringLiteral("subject"))
                 .toObject()
                 .value(QStringLiteral("reference"))
                 .toString(),
             QStringLiteral("Patient/Patient-265"));
    QCOMPARE(m_server->procedureCount(), 1);
}

void TestSandboxProcedure::trailingSlashAsInVendorCurl()
{
    // The vendor's curl example posts to ".../Procedure/".
    const SandboxReply reply = m_client->post(QStringLiteral("Procedure/"), vendorExample());
    QCOMPARE(reply.status, 201);
    QCOMPARE(m_server->procedureCount(), 1);
}

void TestSandboxProcedure::storedProcedureCanBeRead()
{
    const SandboxReply created = m_client->post(QStringLiteral("Procedure"), vendorExample());
    QCOMPARE(created.status, 201);
    const SandboxReply viaLocation = m_client->getUrl(QUrl(QString::fromUtf8(created.header("Location"))));
    QCOMPARE(viaLocation.status, 200);
    QCOMPARE(viaLocation.json(), created.json());
    const QString id = created.json().value(QStringLiteral("id")).toString();
    const SandboxReply read = m_client->get(QStringLiteral("Procedure/") + id);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json(), created.json());
    QCOMPARE(m_client->get(QStringLiteral("Procedure/") + id + QStringLiteral("/_history/2")).status, 404);
}

void TestSandboxProcedure::ruleViolationsAreRejected_data()
{
    QTest::addColumn<Mutation>("mutation");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("expression");

    const QString subject = QStringLiteral("Procedure.subject.reference");
    const QString encounter = QStringLiteral("Procedure.encounter.reference");
    QTest::newRow("500023 unknown patient") << Mutation([](QJsonObject &p) {
        setReference(p, QStringLiteral("subject"), QStringLiteral("Patient/Patient-999"));
    }) << 422 << QStringLiteral("500023") << subject;
    QTest::newRow("500024 unknown encounter") << Mutation([](QJsonObject &p) {
        setReference(p, QStringLiteral("encounter"), QStringLiteral("Encounter/Encounter-999"));
    }) << 422 << QStringLiteral("500024") << encounter;
    QTest::newRow("500024 another patient's encounter") << Mutation([](QJsonObject &p) {
        setReference(p, QStringLiteral("encounter"), QStringLiteral("Encounter/Encounter-808"));
    }) << 422 << QStringLiteral("500024") << encounter;
    QTest::newRow("500009 signed off") << Mutation([](QJsonObject &p) {
        setReference(p, QStringLiteral("encounter"), QStringLiteral("Encounter/Encounter-806"));
    }) << 422 << QStringLiteral("500009")
                                       << encounter;
    QTest::newRow("500010 billed") << Mutation([](QJsonObject &p) {
        setReference(p, QStringLiteral("encounter"), QStringLiteral("Encounter/Encounter-807"));
    }) << 422 << QStringLiteral("500010")
                                   << encounter;
    QTest::newRow("500010 partially billed") << Mutation([](QJsonObject &p) {
        setReference(p, QStringLiteral("subject"), QStringLiteral("Patient/Patient-201"));
        setReference(p, QStringLiteral("encounter"), QStringLiteral("Encounter/Encounter-809"));
        p.remove(QStringLiteral("reasonReference"));
    }) << 422 << QStringLiteral("500010") << encounter;
    QTest::newRow("500037 another patient's diagnosis") << Mutation([](QJsonObject &p) {
        setReasons(p,
                   {QStringLiteral("Condition-Problem-I-1332"), QStringLiteral("Condition-Problem-I-1340")});
    }) << 422 << QStringLiteral("500037") << QStringLiteral("Procedure.reasonReference[1].reference");
    QTest::newRow("500036 diagnosis twice") << Mutation([](QJsonObject &p) {
        setReasons(p,
                   {QStringLiteral("Condition-Problem-I-1332"), QStringLiteral("Condition-Problem-I-1332")});
    }) << 422 << QStringLiteral("500036") << QStringLiteral("Procedure.reasonReference[1].reference");
    QTest::newRow("500032 anesthesia without period") << Mutation([](QJsonObject &p) {
        setCode(p, QStringLiteral("00400"), QStringLiteral("Anesthesia, skin of trunk"));
    }) << 422 << QStringLiteral("500032") << QStringLiteral("Procedure.performedPeriod");
    QTest::newRow("500029 period ends before it starts") << Mutation([](QJsonObject &p) {
        setCode(p, QStringLiteral("00400"), QStringLiteral("Anesthesia, skin of trunk"));
        p.remove(QStringLiteral("performedDateTime"));
        p.insert(QStringLiteral("performedPeriod"),
                 QJsonObject{{QStringLiteral("start"), QStringLiteral("2026-03-14T11:00:00-05:00")},
                             {QStringLiteral("end"), QStringLiteral("2026-03-14T10:00:00-05:00")}});
    }) << 422 << QStringLiteral("500029") << QStringLiteral("Procedure.performedPeriod.end");
    QTest::newRow("500034 dental") << Mutation([](QJsonObject &p) {
        setCode(p, QStringLiteral("D1110"), QStringLiteral("Prophylaxis - adult"));
    }) << 422 << QStringLiteral("500034")
                                   << QStringLiteral("Procedure.code.coding[0].code");
    QTest::newRow("PRO001 not a CPT code")
        << Mutation([](QJsonObject &p) { setCode(p, QStringLiteral("ABC"), QStringLiteral("Something")); })
        << 422 << QStringLiteral("PRO001") << QStringLiteral("Procedure.code.coding[0].code");
    QTest::newRow("PRO001 not the CPT system") << Mutation([](QJsonObject &p) {
        setCode(p, QStringLiteral("20610"), QStringLiteral("Arthrocentesis"),
                QStringLiteral("http://snomed.info/sct"));
    }) << 422 << QStringLiteral("PRO001") << QStringLiteral("Procedure.code.coding[0].system");
    QTest::newRow("500030 no description")
        << Mutation([](QJsonObject &p) { setCode(p, QStringLiteral("20610"), QString()); }) << 422
        << QStringLiteral("500030") << QStringLiteral("Procedure.code.coding[0].display");
    QTest::newRow("PRO005 no offset") << Mutation([](QJsonObject &p) {
        p.insert(QStringLiteral("performedDateTime"), QStringLiteral("2026-03-14T10:00:00"));
    }) << 422 << QStringLiteral("PRO005")
                                      << QStringLiteral("Procedure.performedDateTime");
    QTest::newRow("PRO005 missing") << Mutation([](QJsonObject &p) {
        p.remove(QStringLiteral("performedDateTime"));
    }) << 422 << QStringLiteral("PRO005")
                                    << QStringLiteral("Procedure.performedDateTime");
    QTest::newRow("GEN011 no status")
        << Mutation([](QJsonObject &p) { p.remove(QStringLiteral("status")); }) << 422
        << QStringLiteral("GEN011") << QStringLiteral("Procedure.status");
    QTest::newRow("500018 other status")
        << Mutation([](QJsonObject &p) { p.insert(QStringLiteral("status"), QStringLiteral("preparation")); })
        << 422 << QStringLiteral("500018") << QStringLiteral("Procedure.status");
    QTest::newRow("PRO003 subject not a patient") << Mutation([](QJsonObject &p) {
        setReference(p, QStringLiteral("subject"), QStringLiteral("Group/7"));
    }) << 422 << QStringLiteral("PRO003") << subject;
    QTest::newRow("PRO004 no encounter")
        << Mutation([](QJsonObject &p) { p.remove(QStringLiteral("encounter")); }) << 422
        << QStringLiteral("PRO004") << encounter;
    QTest::newRow("PRO006 reason not a condition") << Mutation([](QJsonObject &p) {
        setReasons(p, {});
        p.insert(QStringLiteral("reasonReference"),
                 QJsonArray{QJsonObject{{QStringLiteral("reference"), QStringLiteral("Observation/1")}}});
    }) << 422 << QStringLiteral("PRO006") << QStringLiteral("Procedure.reasonReference[0].reference");
    QTest::newRow("500001 category not SNOMED") << Mutation([](QJsonObject &p) {
        p.insert(QStringLiteral("category"),
                 QJsonObject{
                     {QStringLiteral("coding"),
                      QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("http://example.org")},
                                             {QStringLiteral("code"), QStringLiteral("x")}}}}});
    }) << 422 << QStringLiteral("500001") << QStringLiteral("Procedure.category.coding[0].system");
}

void TestSandboxProcedure::ruleViolationsAreRejected()
{
    QFETCH(Mutation, mutation);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, expression);

    QJsonObject procedure = vendorExampleJson();
    mutation(procedure);
    const SandboxReply reply = m_client->post(QStringLiteral("Procedure"), toBytes(procedure));
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.resourceType(), QStringLiteral("OperationOutcome"));
    QVERIFY2(hasIssue(reply, code, expression), reply.body.constData());
    QCOMPARE(m_server->procedureCount(), 0);
}

void TestSandboxProcedure::anesthesiaWithPeriodIsCreated()
{
    QJsonObject procedure = vendorExampleJson();
    setCode(procedure, QStringLiteral("00400"), QStringLiteral("Anesthesia, skin of trunk"));
    setReference(procedure, QStringLiteral("subject"), QStringLiteral("Patient/Patient-203"));
    setReference(procedure, QStringLiteral("encounter"), QStringLiteral("Encounter/Encounter-812"));
    procedure.remove(QStringLiteral("reasonReference"));
    procedure.remove(QStringLiteral("performedDateTime"));
    procedure.insert(QStringLiteral("recordedDate"), QStringLiteral("2026-03-13T15:30:00-04:00"));
    procedure.insert(QStringLiteral("performedPeriod"),
                     QJsonObject{{QStringLiteral("start"), QStringLiteral("2026-03-13T13:05:00-04:00")},
                                 {QStringLiteral("end"), QStringLiteral("2026-03-13T14:50:00-04:00")}});
    const SandboxReply reply = m_client->post(QStringLiteral("Procedure"), toBytes(procedure));
    QVERIFY2(reply.status == 201, reply.body.constData());
    QCOMPARE(reply.json()
                 .value(QStringLiteral("performedPeriod"))
                 .toObject()
                 .value(QStringLiteral("end"))
                 .toString(),
             QStringLiteral("2026-03-13T14:50:00-04:00"));
}

void TestSandboxProcedure::warningsDoNotReject()
{
    // Recorded before performed is only a warning (SBD002).
    QJsonObject procedure = vendorExampleJson();
    procedure.insert(QStringLiteral("recordedDate"), QStringLiteral("2026-03-14T09:00:00-05:00"));
    const SandboxReply reply = m_client->post(QStringLiteral("Procedure"), toBytes(procedure));
    QVERIFY2(reply.status == 201, reply.body.constData());
    QCOMPARE(m_server->procedureCount(), 1);
}

void TestSandboxProcedure::sameProcedureTwiceIsDuplicate()
{
    QCOMPARE(m_client->post(QStringLiteral("Procedure"), vendorExample()).status, 201);
    // The same patient, encounter, code and performed start, written with another offset.
    QJsonObject again = vendorExampleJson();
    again.insert(QStringLiteral("performedDateTime"), QStringLiteral("2026-03-14T15:00:00Z"));
    const SandboxReply reply = m_client->post(QStringLiteral("Procedure"), toBytes(again));
    QCOMPARE(reply.status, 422);
    QVERIFY2(hasIssue(reply, QStringLiteral("500002"), {}), reply.body.constData());
    QCOMPARE(m_server->procedureCount(), 1);

    QJsonObject later = vendorExampleJson();
    later.insert(QStringLiteral("performedDateTime"), QStringLiteral("2026-03-14T10:30:00-05:00"));
    QCOMPARE(m_client->post(QStringLiteral("Procedure"), toBytes(later)).status, 201);
    QCOMPARE(m_server->procedureCount(), 2);
}

void TestSandboxProcedure::conditionalCreateReturnsExisting()
{
    const QString value = QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray body = toBytes(withIdentifier(vendorExampleJson(), value));
    const QByteArray condition = "identifier=urn:ietf:rfc:3986|" + value.toUtf8();

    const SandboxReply first = m_client->post(QStringLiteral("Procedure"), body, condition);
    QCOMPARE(first.status, 201);
    const SandboxReply second = m_client->post(QStringLiteral("Procedure"), body, condition);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json().value(QStringLiteral("id")), first.json().value(QStringLiteral("id")));
    QCOMPARE(second.json(), first.json());
    QCOMPARE(m_server->procedureCount(), 1);

    // Without the condition the same line is a duplicate, not a second record.
    QCOMPARE(m_client->post(QStringLiteral("Procedure"), body).status, 422);
    QCOMPARE(m_server->procedureCount(), 1);
}

void TestSandboxProcedure::conditionalCreateNeedsIdentifierCondition()
{
    const SandboxReply reply =
        m_client->post(QStringLiteral("Procedure"), vendorExample(), "patient=Patient-265");
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.resourceType(), QStringLiteral("OperationOutcome"));
    QCOMPARE(m_server->procedureCount(), 0);
}

void TestSandboxProcedure::conditionalCreateWithoutValueMatchesNothing_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::newRow("system only") << QByteArray("identifier=urn:ietf:rfc:3986|");
    QTest::newRow("bar only") << QByteArray("identifier=|");
    QTest::newRow("encoded bar only") << QByteArray("identifier=%7C");
}

void TestSandboxProcedure::conditionalCreateWithoutValueMatchesNothing()
{
    QFETCH(QByteArray, condition);
    const SandboxReply stored = m_client->post(QStringLiteral("Procedure"), vendorExample());
    QCOMPARE(stored.status, 201);

    // A condition without a value used to match every stored Procedure: this other line was answered
    // 200 with the first one and never stored.
    QJsonObject other = vendorExampleJson();
    other.insert(QStringLiteral("performedDateTime"), QStringLiteral("2026-03-14T11:00:00-05:00"));
    const SandboxReply reply = m_client->post(QStringLiteral("Procedure"), toBytes(other), condition);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.resourceType(), QStringLiteral("OperationOutcome"));
    QCOMPARE(m_server->procedureCount(), 1);
}

void TestSandboxProcedure::procedureSearch()
{
    const QString value = QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(m_client->post(QStringLiteral("Procedure"), toBytes(withIdentifier(vendorExampleJson(), value)))
                 .status,
             201);

    SandboxReply reply =
        m_client->get(QStringLiteral("Procedure?patient=Patient-265&encounter=Encounter-805"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(reply.json().value(QStringLiteral("entry")).toArray().size(), 1);

    reply = m_client->get(QStringLiteral("Procedure?identifier=urn:ietf:rfc:3986%7C") + value +
                          QStringLiteral("&_summary=count"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), 1);
    QVERIFY(!reply.json().contains(QStringLiteral("entry")));

    reply = m_client->get(QStringLiteral("Procedure?patient=Patient/Patient-201&_summary=count"));
    QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), 0);

    // "system|" is any identifier of that system (FHIR token search), not "no identifier filter".
    reply = m_client->get(QStringLiteral("Procedure?identifier=urn:ietf:rfc:3986%7C&_summary=count"));
    QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), 1);
    reply = m_client->get(QStringLiteral("Procedure?identifier=urn:other%7C&_summary=count"));
    QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), 0);
    reply = m_client->get(QStringLiteral("Procedure?identifier=urn:other%7C"));
    QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), 0);
}

void TestSandboxProcedure::httpErrorsCarryOperationOutcome_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("status");

    const QByteArray example = vendorExample();
    const QString token = QStringLiteral("test-token");
    const QByteArray fhirJson = "application/fhir+json";
    QTest::newRow("401 no token") << QByteArray("POST") << QStringLiteral("Procedure") << example << fhirJson
                                  << QString() << 401;
    QTest::newRow("401 wrong token") << QByteArray("GET") << QStringLiteral("Patient") << QByteArray()
                                     << QByteArray() << QStringLiteral("test-tokem") << 401;
    QTest::newRow("413 body over 1 MiB") << QByteArray("POST") << QStringLiteral("Procedure")
                                         << QByteArray(1024 * 1024 + 1, ' ') << fhirJson << token << 413;
    QTest::newRow("415 text/plain") << QByteArray("POST") << QStringLiteral("Procedure") << example
                                    << QByteArray("text/plain") << token << 415;
    QTest::newRow("400 not JSON") << QByteArray("POST") << QStringLiteral("Procedure")
                                  << QByteArray("{\"resourceType\":") << fhirJson << token << 400;
    QTest::newRow("400 not a Procedure")
        << QByteArray("POST") << QStringLiteral("Procedure")
        << QByteArray(R"({"resourceType": "Patient", "id": "x"})") << fhirJson << token << 400;
    QTest::newRow("404 unknown type") << QByteArray("GET") << QStringLiteral("Medication/1") << QByteArray()
                                      << QByteArray() << token << 404;
    QTest::newRow("404 unknown procedure")
        << QByteArray("GET") << QStringLiteral("Procedure/Procedure-424242") << QByteArray() << QByteArray()
        << token << 404;
    QTest::newRow("404 unknown patient") << QByteArray("GET") << QStringLiteral("Patient/Patient-999")
                                         << QByteArray() << QByteArray() << token << 404;
    QTest::newRow("405 delete") << QByteArray("DELETE") << QStringLiteral("Procedure/Procedure-1")
                                << QByteArray() << QByteArray() << token << 405;
    QTest::newRow("405 post a patient")
        << QByteArray("POST") << QStringLiteral("Patient") << example << fhirJson << token << 405;
}

void TestSandboxProcedure::httpErrorsCarryOperationOutcome()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, token);
    QFETCH(int, status);

    m_client->setToken(token);
    const SandboxReply reply =
        m_client->send(verb, m_client->request(m_client->url(path), contentType), body, 10000);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.resourceType(), QStringLiteral("OperationOutcome"));
    const QJsonObject issue = reply.json().value(QStringLiteral("issue")).toArray().at(0).toObject();
    QCOMPARE(issue.value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QVERIFY(!issue.value(QStringLiteral("details"))
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toString()
                 .isEmpty());
    QCOMPARE(m_server->procedureCount(), 0);
}

void TestSandboxProcedure::unauthorizedAsksForBearer()
{
    m_client->setToken({});
    const SandboxReply reply = m_client->get(QStringLiteral("Patient"));
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));
    // The FHIR and SMART specifications make the CapabilityStatement public.
    QCOMPARE(m_client->get(QStringLiteral("metadata")).status, 200);
    // Outside the base path there is nothing, token or not.
    SandboxTestClient outside(
        QUrl(m_server->baseUrl().toString(QUrl::RemovePath) + QStringLiteral("/other")));
    QCOMPARE(outside.get(QStringLiteral("Patient")).status, 404);
}

QTEST_GUILESS_MAIN(TestSandboxProcedure)
#include "tst_sandboxprocedure.moc"
