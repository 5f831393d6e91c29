#include <memory>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include "../common/ehrclientfixture.h"
#include "../common/sampleentry.h"
#include "../common/sandboxfixture.h"
#include "ehr/encountersummary.h"
#include "fhir/extensions.h"
#include "model/encounterstate.h"
#include "rules/validator.h"
#include "submitandwait.h"

namespace {

constexpr auto Token = "encounter-state-token";

// Every FHIR R4 Encounter.status, and whether the EHR takes procedures on it while billing is open.
const QList<std::pair<QString, bool>> Statuses{
    {QStringLiteral("planned"), false},   {QStringLiteral("arrived"), false},
    {QStringLiteral("triaged"), false},   {QStringLiteral("in-progress"), true},
    {QStringLiteral("onleave"), false},   {QStringLiteral("finished"), false},
    {QStringLiteral("cancelled"), false}, {QStringLiteral("entered-in-error"), false},
    {QStringLiteral("unknown"), false},
};

// Every billing state ("" is no extension), and the code it is refused with whatever the status.
const QList<std::pair<QString, QString>> BillingStates{
    {QString(), QString()},
    {QStringLiteral("open"), QString()},
    {QStringLiteral("signed-off"), QStringLiteral("500009")},
    {QStringLiteral("billed"), QStringLiteral("500010")},
    {QStringLiteral("partially-billed"), QStringLiteral("500010")},
};

QString encounterId(const QString &status, const QString &billing)
{
    return QStringLiteral("E-%1-%2").arg(status, billing.isEmpty() ? QStringLiteral("none") : billing);
}

QJsonObject encounterResource(const QString &status, const QString &billing)
{
    QJsonObject encounter{
        {QStringLiteral("resourceType"), QStringLiteral("Encounter")},
        {QStringLiteral("id"), encounterId(status, billing)},
        {QStringLiteral("status"), status},
        {QStringLiteral("subject"),
         QJsonObject{{QStringLiteral("reference"), QStringLiteral("Patient/P-1")}}},
        {QStringLiteral("period"),
         QJsonObject{{QStringLiteral("start"), QStringLiteral("2026-03-14T09:00:00-05:00")}}}};
    if (!billing.isEmpty())
        encounter.insert(QStringLiteral("extension"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("url"), QLatin1String(Fhir::Urls::EncounterStateExtension)},
                             {QStringLiteral("valueCode"), billing}}});
    return encounter;
}

bool writeBundle(const QString &path, const QList<QJsonObject> &resources)
{
    QJsonArray entries;
    for (const auto &resource : resources)
        entries.append(QJsonObject{{QStringLiteral("resource"), resource}});
    QFile file(path);
    const QByteArray bytes =
        QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                  {QStringLiteral("type"), QStringLiteral("collection")},
                                  {QStringLiteral("entry"), entries}})
            .toJson();
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

/**
 * Every Encounter.status crossed with every billing state: the form (EncounterSummary and the
 * Validator) and the training EHR over HTTP give the same answer, and that answer is the one
 * docs/rules.md states.
 */
class TestEncounterState : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void formAndTrainingEhrAgree_data();
    void formAndTrainingEhrAgree();
    void codesRoundTrip();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox::Server> m_server;
    std::unique_ptr<Ehr::EhrClient> m_client;
    QString m_token = QLatin1String(Token);
};

void TestEncounterState::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QList<QJsonObject> encounters;
    for (const auto &[status, accepts] : Statuses) {
        for (const auto &[billing, code] : BillingStates)
            encounters.append(encounterResource(status, billing));
    }
    QVERIFY(writeBundle(m_dir.filePath(QStringLiteral("patients.json")),
                        {QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Patient")},
                                     {QStringLiteral("id"), QStringLiteral("P-1")}}}));
    QVERIFY(writeBundle(m_dir.filePath(QStringLiteral("encounters.json")), encounters));
    QVERIFY(writeBundle(m_dir.filePath(QStringLiteral("conditions.json")), {}));

    Sandbox::ServerOptions options;
    options.token = m_token;
    options.logRequests = false;
    options.demoDataDir = m_dir.path();
    m_server = startTestSandbox(options);
    QVERIFY(m_server);
    m_client = clientFor(*m_server, m_token, std::chrono::milliseconds(10000));
    QVERIFY(m_client);
}

void TestEncounterState::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

void TestEncounterState::formAndTrainingEhrAgree_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("billing");
    QTest::addColumn<QString>("code"); // empty: accepted
    for (const auto &[status, acceptsWhenOpen] : Statuses) {
        for (const auto &[billing, billingCode] : BillingStates) {
            const QString code = !billingCode.isEmpty() ? billingCode
                                 : acceptsWhenOpen      ? QString()
                                                        : QStringLiteral("500009");
            QTest::addRow("%s, %s", qPrintable(status),
                          billing.isEmpty() ? "no billing state" : qPrintable(billing))
                << status << billing << code;
        }
    }
}

void TestEncounterState::formAndTrainingEhrAgree()
{
    QFETCH(QString, status);
    QFETCH(QString, billing);
    QFETCH(QString, code);

    const auto summary = Ehr::EncounterSummary::fromFhir(encounterResource(status, billing));
    QVERIFY(summary);
    QCOMPARE(summary->acceptsProcedures(), code.isEmpty());
    QCOMPARE(summary->facts().acceptsProcedures(), code.isEmpty());

    Model::ProcedureEntry entry = sampleEntry();
    entry.subject = Model::Reference::to(QStringLiteral("Patient"), QStringLiteral("P-1"));
    entry.encounter = Model::Reference::to(QStringLiteral("Encounter"), summary->id);
    entry.reasonReferences.clear();
    Rules::ValidationContext context;
    context.encounter = summary->facts();
    const Model::Findings findings = Rules::Validator::check(entry, context);
    QCOMPARE(Model::firstErrorCode(findings), code);

    const Ehr::SubmitResult result = submitAndWait(*m_client, entry, this);
    if (code.isEmpty()) {
        QCOMPARE(result.httpStatus, 201);
    } else {
        QCOMPARE(result.httpStatus, 422);
        QCOMPARE(result.ehrCode, code);
    }
}

void TestEncounterState::codesRoundTrip()
{
    for (const auto &[status, accepts] : Statuses)
        QCOMPARE(Model::encounterStatusCode(Model::encounterStatusFromCode(status)), status);
    for (const auto &[billing, code] : BillingStates)
        QCOMPARE(Model::billingStateCode(Model::billingStateFromCode(billing)), billing);
    QCOMPARE(Model::encounterStatusFromCode(QStringLiteral("in progress")), Model::EncounterStatus::Unknown);
    QCOMPARE(Model::billingStateFromCode(QStringLiteral("closed")), Model::BillingState::NotGiven);
}

QTEST_GUILESS_MAIN(TestEncounterState)
#include "tst_encounterstate.moc"
