#include <QJsonArray>
#include <QSet>

#include "../common/resultcheck.h"
#include "fhir/extensions.h"
#include "sandboxtestclient.h"

namespace {

QStringList entryIds(const QJsonObject &bundle)
{
    QStringList ids;
    for (const auto &entry : bundle.value(QStringLiteral("entry")).toArray())
        ids.append(entry.toObject()
                       .value(QStringLiteral("resource"))
                       .toObject()
                       .value(QStringLiteral("id"))
                       .toString());
    return ids;
}

QUrl nextLink(const QJsonObject &bundle)
{
    for (const auto &link : bundle.value(QStringLiteral("link")).toArray()) {
        if (link.toObject().value(QStringLiteral("relation")).toString() == u"next")
            return QUrl(link.toObject().value(QStringLiteral("url")).toString());
    }
    return {};
}

QString extensionCode(const QJsonObject &resource, const QString &url)
{
    for (const auto &extension : resource.value(QStringLiteral("extension")).toArray()) {
        if (extension.toObject().value(QStringLiteral("url")).toString() == url)
            return extension.toObject().value(QStringLiteral("valueCode")).toString();
    }
    return {};
}

const QString StateUrl = QLatin1String(Fhir::Urls::EncounterStateExtension);
const QString TimezoneUrl = QLatin1String(Fhir::Urls::TimezoneExtension);

} // namespace

class TestSandboxSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void capabilityStatement();
    void patientPagingFollowsNextLinks_data();
    void patientPagingFollowsNextLinks();
    void patientNameSearch_data();
    void patientNameSearch();
    void patientIdentifierSearch_data();
    void patientIdentifierSearch();
    void patientRead();
    void encountersOfPatient();
    void encounterSearchByStatusAndDate_data();
    void encounterSearchByStatusAndDate();
    void encounterStatesAndTimezones();
    void conditionsOfPatientAndEncounter();
    void headHasNoBody();
    void badSearchParameters_data();
    void badSearchParameters();
    void pageTokenPastTheEnd_data();
    void pageTokenPastTheEnd();

private:
    std::unique_ptr<Sandbox::Server> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
};

// Searches do not change anything: one server for the whole class.
void TestSandboxSearch::initTestCase()
{
    m_server = std::make_unique<Sandbox::Server>(testServerOptions());
    QVERIFY_OK(m_server->start());
    m_client = std::make_unique<SandboxTestClient>(m_server->baseUrl());
}

void TestSandboxSearch::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

void TestSandboxSearch::capabilityStatement()
{
    const SandboxReply reply = m_client->get(QStringLiteral("metadata"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.resourceType(), QStringLiteral("CapabilityStatement"));
    QCOMPARE(reply.json().value(QStringLiteral("fhirVersion")).toString(), QStringLiteral("4.0.1"));
    const QJsonArray resources = reply.json()
                                     .value(QStringLiteral("rest"))
                                     .toArray()
                                     .at(0)
                                     .toObject()
                                     .value(QStringLiteral("resource"))
                                     .toArray();
    QSet<QString> types;
    bool conditionalCreate = false;
    for (const auto &resource : resources) {
        types.insert(resource.toObject().value(QStringLiteral("type")).toString());
        if (resource.toObject().value(QStringLiteral("type")).toString() == u"Procedure")
            conditionalCreate = resource.toObject().value(QStringLiteral("conditionalCreate")).toBool();
    }
    QCOMPARE(types, (QSet<QString>{QStringLiteral("Patient"), QStringLiteral("Encounter"),
                                   QStringLiteral("Condition"), QStringLiteral("Procedure")}));
    QVERIFY(conditionalCreate);
}

void TestSandboxSearch::patientPagingFollowsNextLinks_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("5 per page") << 5;
    QTest::newRow("7 per page") << 7;
    QTest::newRow("all at once") << 100;
}

void TestSandboxSearch::patientPagingFollowsNextLinks()
{
    QFETCH(int, pageSize);
    SandboxReply reply = m_client->get(QStringLiteral("Patient?_count=%1").arg(pageSize));
    QCOMPARE(reply.status, 200);
    const int total = reply.json().value(QStringLiteral("total")).toInt();
    QVERIFY(total >= 20);
    QStringList seen;
    for (int page = 0; page < 50; ++page) {
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("type")).toString(), QStringLiteral("searchset"));
        QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), total);
        const QStringList ids = entryIds(reply.json());
        QVERIFY(ids.size() <= pageSize);
        seen += ids;
        const QUrl next = nextLink(reply.json());
        if (next.isEmpty())
            break;
        QVERIFY(next.toString().startsWith(m_server->baseUrl().toString() + QStringLiteral("/Patient?")));
        reply = m_client->getUrl(next);
    }
    QCOMPARE(seen.size(), total);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), total);
    QVERIFY(seen.contains(QStringLiteral("Patient-265")));
}

void TestSandboxSearch::patientNameSearch_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("family prefix") << QStringLiteral("oka") << QStringList{QStringLiteral("Patient-265")};
    QTest::newRow("second given, upper case")
        << QStringLiteral("GRACE") << QStringList{QStringLiteral("Patient-265")};
    QTest::newRow("part of a hyphenated name")
        << QStringLiteral("luc") << QStringList{QStringLiteral("Patient-205"), QStringLiteral("Patient-214")};
    QTest::newRow("two words") << QStringLiteral("adaeze%20okafor")
                               << QStringList{QStringLiteral("Patient-265")};
    QTest::newRow("not inside a word") << QStringLiteral("kafor") << QStringList{};
    QTest::newRow("nobody") << QStringLiteral("zzz") << QStringList{};
}

void TestSandboxSearch::patientNameSearch()
{
    QFETCH(QString, query);
    QFETCH(QStringList, ids);
    const SandboxReply reply = m_client->get(QStringLiteral("Patient?name=") + query);
    QCOMPARE(reply.status, 200);
    QStringList found = entryIds(reply.json());
    found.sort();
    QCOMPARE(found, ids);
    QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), ids.size());
}

void TestSandboxSearch::patientIdentifierSearch_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("count");
    QTest::newRow("value") << QStringLiteral("MRN-104200") << 1;
    QTest::newRow("system and value") << QStringLiteral("urn:superbill-desk:mrn%7CMRN-104200") << 1;
    QTest::newRow("other system") << QStringLiteral("urn:other%7CMRN-104200") << 0;
    QTest::newRow("unknown") << QStringLiteral("MRN-000000") << 0;
    QTest::newRow("any value of a system") << QStringLiteral("urn:superbill-desk:mrn%7C") << 24;
    QTest::newRow("any value of another system") << QStringLiteral("urn:other%7C") << 0;
}

void TestSandboxSearch::patientIdentifierSearch()
{
    QFETCH(QString, query);
    QFETCH(int, count);
    const SandboxReply reply = m_client->get(QStringLiteral("Patient?identifier=") + query);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QStringLiteral("total")).toInt(), count);
    if (count == 1)
        QCOMPARE(entryIds(reply.json()), QStringList{QStringLiteral("Patient-265")});
}

void TestSandboxSearch::patientRead()
{
    const SandboxReply reply = m_client->get(QStringLiteral("Patient/Patient-265"));
    QCOMPARE(reply.status, 200);
    const QJsonObject patient = reply.json();
    QCOMPARE(patient.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Patient"));
    const QJsonObject name = patient.value(QStringLiteral("name")).toArray().at(0).toObject();
    QVERIFY(!name.value(QStringLiteral("family")).toString().isEmpty());
    QVERIFY(!name.value(QStringLiteral("given")).toArray().isEmpty());
    QVERIFY(!patient.value(QStringLiteral("birthDate")).toString().isEmpty());
    QVERIFY(!patient.value(QStringLiteral("gender")).toString().isEmpty());
    QCOMPARE(patient.value(QStringLiteral("identifier"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("system"))
                 .toString(),
             QStringLiteral("urn:superbill-desk:mrn"));
}

void TestSandboxSearch::encountersOfPatient()
{
    const SandboxReply reply = m_client->get(QStringLiteral("Encounter?patient=Patient-265"));
    QCOMPARE(reply.status, 200);
    QStringList ids = entryIds(reply.json());
    // Most recent first.
    QCOMPARE(ids, (QStringList{QStringLiteral("Encounter-805"), QStringLiteral("Encounter-806"),
                               QStringLiteral("Encounter-807")}));
    const QJsonObject open = reply.json()
                                 .value(QStringLiteral("entry"))
                                 .toArray()
                                 .at(0)
                                 .toObject()
                                 .value(QStringLiteral("resource"))
                                 .toObject();
    QCOMPARE(open.value(QStringLiteral("status")).toString(), QStringLiteral("in-progress"));
    QCOMPARE(extensionCode(open, StateUrl), QStringLiteral("open"));
    QCOMPARE(extensionCode(open, TimezoneUrl), QStringLiteral("America/Chicago"));
    QCOMPARE(open.value(QStringLiteral("type"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toString(),
             QStringLiteral("Office visit"));
    QCOMPARE(open.value(QStringLiteral("period")).toObject().value(QStringLiteral("start")).toString(),
             QStringLiteral("2026-03-14T09:30:00-05:00"));

    const SandboxReply same = m_client->get(QStringLiteral("Encounter?patient=Patient/Patient-265"));
    QCOMPARE(entryIds(same.json()), ids);
}

void TestSandboxSearch::encounterSearchByStatusAndDate_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("open encounter of a patient") << QStringLiteral("patient=Patient-265&status=in-progress")
                                                 << QStringList{QStringLiteral("Encounter-805")};
    QTest::newRow("finished encounters of a patient")
        << QStringLiteral("patient=Patient-265&status=finished")
        << QStringList{QStringLiteral("Encounter-806"), QStringLiteral("Encounter-807")};
    QTest::newRow("local day") << QStringLiteral("patient=Patient-265&date=2026-03-14")
                               << QStringList{QStringLiteral("Encounter-805")};
    QTest::newRow("range") << QStringLiteral("patient=Patient-265&date=ge2026-03-06&date=le2026-03-14")
                           << QStringList{QStringLiteral("Encounter-805"), QStringLiteral("Encounter-806")};
    QTest::newRow("instant") << QStringLiteral("patient=Patient-265&date=gt2026-03-14T14:00:00Z")
                             << QStringList{QStringLiteral("Encounter-805")};
    QTest::newRow("a day in New York")
        << QStringLiteral("date=2026-03-13&status=in-progress&patient=Patient-203")
        << QStringList{QStringLiteral("Encounter-812")};
}

void TestSandboxSearch::encounterSearchByStatusAndDate()
{
    QFETCH(QString, query);
    QFETCH(QStringList, ids);
    const SandboxReply reply = m_client->get(QStringLiteral("Encounter?") + query);
    QCOMPARE(reply.status, 200);
    QCOMPARE(entryIds(reply.json()), ids);
}

void TestSandboxSearch::encounterStatesAndTimezones()
{
    const SandboxReply reply = m_client->get(QStringLiteral("Encounter?_count=200"));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.json().value(QStringLiteral("total")).toInt() >= 40);
    QSet<QString> states;
    QSet<QString> zones;
    QSet<QString> days;
    for (const auto &entry : reply.json().value(QStringLiteral("entry")).toArray()) {
        const QJsonObject encounter = entry.toObject().value(QStringLiteral("resource")).toObject();
        const QString state = extensionCode(encounter, StateUrl);
        states.insert(state);
        zones.insert(extensionCode(encounter, TimezoneUrl));
        days.insert(encounter.value(QStringLiteral("period"))
                        .toObject()
                        .value(QStringLiteral("start"))
                        .toString()
                        .left(10));
        QCOMPARE(encounter.value(QStringLiteral("status")).toString(),
                 state == u"open" ? QStringLiteral("in-progress") : QStringLiteral("finished"));
    }
    QCOMPARE(states, (QSet<QString>{QStringLiteral("open"), QStringLiteral("signed-off"),
                                    QStringLiteral("billed"), QStringLiteral("partially-billed")}));
    QCOMPARE(zones, (QSet<QString>{QStringLiteral("America/Chicago"), QStringLiteral("America/New_York")}));
    QVERIFY(days.size() >= 5);
}

void TestSandboxSearch::conditionsOfPatientAndEncounter()
{
    SandboxReply reply = m_client->get(QStringLiteral("Condition?patient=Patient-265"));
    QCOMPARE(reply.status, 200);
    QStringList ids = entryIds(reply.json());
    QVERIFY(ids.contains(QStringLiteral("Condition-Problem-I-1332")));
    for (const auto &entry : reply.json().value(QStringLiteral("entry")).toArray()) {
        const QJsonObject condition = entry.toObject().value(QStringLiteral("resource")).toObject();
        QCOMPARE(condition.value(QStringLiteral("subject"))
                     .toObject()
                     .value(QStringLiteral("reference"))
                     .toString(),
                 QStringLiteral("Patient/Patient-265"));
        const QJsonObject coding = condition.value(QStringLiteral("code"))
                                       .toObject()
                                       .value(QStringLiteral("coding"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
        QCOMPARE(coding.value(QStringLiteral("system")).toString(),
                 QStringLiteral("http://hl7.org/fhir/sid/icd-10-cm"));
        QVERIFY(!coding.value(QStringLiteral("code")).toString().isEmpty());
        QCOMPARE(condition.value(QStringLiteral("category"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("coding"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("encounter-diagnosis"));
        QVERIFY(condition.value(QStringLiteral("encounter"))
                    .toObject()
                    .value(QStringLiteral("reference"))
                    .toString()
                    .startsWith(QStringLiteral("Encounter/")));
    }
    reply = m_client->get(QStringLiteral("Condition?patient=Patient-265&encounter=Encounter-805"));
    ids = entryIds(reply.json());
    ids.sort();
    QCOMPARE(ids, (QStringList{QStringLiteral("Condition-Problem-I-1332"),
                               QStringLiteral("Condition-Problem-I-1333")}));
    QCOMPARE(m_client->get(QStringLiteral("Condition/Condition-Problem-I-1332")).status, 200);
}

void TestSandboxSearch::headHasNoBody()
{
    const SandboxReply get = m_client->get(QStringLiteral("Patient/Patient-265"));
    const SandboxReply head = m_client->send(
        "HEAD", m_client->request(m_client->url(QStringLiteral("Patient/Patient-265")), {}), {}, 10000);
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(head.header("Content-Length"), QByteArray::number(get.body.size()));
    // The connection is still in step: the next answer is read correctly.
    QCOMPARE(m_client->get(QStringLiteral("Patient/Patient-265")).json(), get.json());
}

void TestSandboxSearch::badSearchParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("negative _count") << QStringLiteral("Patient?_count=-1");
    QTest::newRow("text _count") << QStringLiteral("Patient?_count=ten");
    QTest::newRow("forged _page") << QStringLiteral("Patient?_page=%21%21");
    QTest::newRow("bad date") << QStringLiteral("Encounter?date=yesterday");
    QTest::newRow("unsupported _summary") << QStringLiteral("Procedure?_summary=text");
}

void TestSandboxSearch::badSearchParameters()
{
    QFETCH(QString, query);
    const SandboxReply reply = m_client->get(query);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.resourceType(), QStringLiteral("OperationOutcome"));
}

void TestSandboxSearch::pageTokenPastTheEnd_data()
{
    QTest::addColumn<QByteArray>("offset");
    QTest::newRow("just past the end") << QByteArray("1000");
    // offset + _count would overflow: the "next" link used to lead back to the first page.
    QTest::newRow("largest offset") << QByteArray("9223372036854775807");
}

void TestSandboxSearch::pageTokenPastTheEnd()
{
    QFETCH(QByteArray, offset);
    const QByteArray token = offset.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const SandboxReply reply =
        m_client->get(QStringLiteral("Patient?_count=5&_page=%1").arg(QString::fromLatin1(token)));
    QCOMPARE(reply.status, 200);
    const QJsonObject bundle = reply.json();
    QVERIFY(bundle.value(QStringLiteral("total")).toInt() >= 20);
    QVERIFY(entryIds(bundle).isEmpty());
    QVERIFY2(nextLink(bundle).isEmpty(), reply.body.constData());
    // "previous" leads back into the results: the last page, not another empty one.
    for (const auto &link : bundle.value(QStringLiteral("link")).toArray()) {
        if (link.toObject().value(QStringLiteral("relation")).toString() != u"previous")
            continue;
        const SandboxReply previous =
            m_client->getUrl(QUrl(link.toObject().value(QStringLiteral("url")).toString()));
        QCOMPARE(previous.status, 200);
        QVERIFY2(!entryIds(previous.json()).isEmpty(), previous.body.constData());
    }
}

QTEST_GUILESS_MAIN(TestSandboxSearch)
#include "tst_sandboxsearch.moc"
