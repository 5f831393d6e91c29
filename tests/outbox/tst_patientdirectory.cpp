#include <memory>
#include <optional>

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "../common/ehrclientfixture.h"
#include "common/clock.h"
#include "model/ehrcodes.h"
#include "outbox/outboxstore.h"
#include "outbox/patientdirectory.h"
#include "sandboxfixture.h"

using namespace Outbox;

class TestPatientDirectory : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void onlineAnswersComeFromTheEhr();
    void offlineAnswersComeFromTheCache();
    void cacheSurvivesRestart();
    void refusedTokenFallsBackToCache();
    void cacheGivesValidationFacts();
    void destroyedContextCallsNothing();
    void cacheAgeIsOfWhatIsShown();
    void refusalForAClosedEncounterMarksItClosed();
    void refreshThatFindsAnEncounterClosedSaysSo();

private:
    template<typename R, typename Call>
    std::optional<R> wait(Call call);
    void fillCache();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<OutboxStore> m_store;
    std::unique_ptr<Sandbox::Server> m_sandbox;
    std::unique_ptr<Ehr::EhrClient> m_client;
    std::unique_ptr<PatientDirectory> m_directory;
    QString m_token;
};

void TestPatientDirectory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<OutboxStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("outbox.sqlite"))));
    m_sandbox = startSandbox();
    QVERIFY(m_sandbox);
    m_token = QLatin1String(SandboxToken);
    m_client = clientFor(*m_sandbox, m_token, std::chrono::milliseconds(2000));
    QVERIFY(m_client);
    m_directory = std::make_unique<PatientDirectory>(m_client.get(), m_store.get());
}

void TestPatientDirectory::cleanup()
{
    m_directory.reset();
    m_client.reset();
    m_sandbox.reset();
    m_store.reset();
    m_dir.reset();
}

template<typename R, typename Call>
std::optional<R> TestPatientDirectory::wait(Call call)
{
    std::optional<R> result;
    call([&result](const R &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        return std::nullopt;
    return result;
}

void TestPatientDirectory::fillCache()
{
    const auto patients = wait<PatientResult>(
        [this](auto done) { m_directory->searchPatients(QStringLiteral("okafor"), this, done); });
    QVERIFY(patients && !patients->fromCache);
    const auto encounters = wait<EncounterResult>(
        [this](auto done) { m_directory->encountersOf(QStringLiteral("Patient-265"), this, done); });
    QVERIFY(encounters && !encounters->fromCache);
    const auto conditions = wait<ConditionResult>([this](auto done) {
        m_directory->conditionsOf(QStringLiteral("Patient-265"), QString(), this, done);
    });
    QVERIFY(conditions && !conditions->fromCache);
}

void TestPatientDirectory::onlineAnswersComeFromTheEhr()
{
    const auto patients = wait<PatientResult>(
        [this](auto done) { m_directory->searchPatients(QStringLiteral("okafor"), this, done); });
    QVERIFY(patients);
    QVERIFY2(patients->status.ok(), qPrintable(patients->status.errorString));
    QVERIFY(!patients->fromCache);
    QCOMPARE(patients->items.size(), 1);
    QCOMPARE(patients->items.first().id, QStringLiteral("Patient-265"));

    const auto encounters = wait<EncounterResult>(
        [this](auto done) { m_directory->encountersOf(QStringLiteral("Patient-265"), this, done); });
    QVERIFY(encounters);
    QCOMPARE(encounters->items.size(), 3);
    QSet<Model::BillingState> states;
    for (const auto &encounter : encounters->items)
        states.insert(encounter.state.billing);
    QCOMPARE(states, (QSet<Model::BillingState>{Model::BillingState::Open, Model::BillingState::SignedOff,
                                                Model::BillingState::Billed}));

    const auto conditions = wait<ConditionResult>([this](auto done) {
        m_directory->conditionsOf(QStringLiteral("Patient-265"), QStringLiteral("Encounter-805"), this, done);
    });
    QVERIFY(conditions);
    QCOMPARE(conditions->items.size(), 2);
    QCOMPARE(conditions->items.first().code, QStringLiteral("M17.11"));
}

void TestPatientDirectory::offlineAnswersComeFromTheCache()
{
    fillCache();
    m_sandbox->stop();
    QSignalSpy served(m_directory.get(), &PatientDirectory::servedFromCache);

    const auto patients = wait<PatientResult>(
        [this](auto done) { m_directory->searchPatients(QStringLiteral("OKAF"), this, done); });
    QVERIFY(patients);
    QVERIFY(patients->fromCache);
    QCOMPARE(patients->status.kind, Ehr::ReadStatus::Kind::Unreachable);
    QVERIFY(patients->cachedAt.isValid());
    QCOMPARE(patients->items.size(), 1);
    QCOMPARE(patients->items.first().displayName(), QStringLiteral("Okafor, Adaeze Grace"));

    const auto encounters = wait<EncounterResult>(
        [this](auto done) { m_directory->encountersOf(QStringLiteral("Patient-265"), this, done); });
    QVERIFY(encounters && encounters->fromCache);
    QCOMPARE(encounters->items.size(), 3);
    QCOMPARE(encounters->items.first().timeZone, QStringLiteral("America/Chicago"));

    const auto conditions = wait<ConditionResult>([this](auto done) {
        m_directory->conditionsOf(QStringLiteral("Patient-265"), QStringLiteral("Encounter-805"), this, done);
    });
    QVERIFY(conditions && conditions->fromCache);
    QCOMPARE(conditions->items.size(), 2);
    QCOMPARE(served.size(), 3);

    const auto nobody = wait<PatientResult>(
        [this](auto done) { m_directory->searchPatients(QStringLiteral("nobody"), this, done); });
    QVERIFY(nobody && nobody->fromCache && nobody->items.isEmpty());
}

void TestPatientDirectory::cacheSurvivesRestart()
{
    fillCache();
    const QString path = m_store->path();
    m_directory.reset();
    m_store.reset();
    m_sandbox.reset();

    OutboxStore store;
    QVERIFY(store.open(path));
    PatientDirectory directory(m_client.get(), &store);
    std::optional<EncounterResult> encounters;
    directory.encountersOf(QStringLiteral("Patient-265"), this,
                           [&](const EncounterResult &r) { encounters = r; });
    QTRY_VERIFY_WITH_TIMEOUT(encounters.has_value(), 10000);
    QVERIFY(encounters->fromCache);
    QCOMPARE(encounters->items.size(), 3);
}

void TestPatientDirectory::refusedTokenFallsBackToCache()
{
    fillCache();
    m_token = QStringLiteral("expired");
    const auto patients = wait<PatientResult>(
        [this](auto done) { m_directory->searchPatients(QStringLiteral("okafor"), this, done); });
    QVERIFY(patients && patients->fromCache);
    QCOMPARE(patients->status.kind, Ehr::ReadStatus::Kind::Unauthorized);
    QCOMPARE(patients->items.size(), 1);
}

void TestPatientDirectory::cacheGivesValidationFacts()
{
    fillCache();
    OfflineCache &cache = m_directory->cache();
    const auto signedOff = cache.encounter(QStringLiteral("Encounter-806"));
    QVERIFY(signedOff);
    QCOMPARE(signedOff->facts().state.billing, Model::BillingState::SignedOff);
    QVERIFY(!signedOff->acceptsProcedures());
    QVERIFY(cache.encounter(QStringLiteral("Encounter-805"))->acceptsProcedures());
    QCOMPARE(cache.encounter(QStringLiteral("Encounter-807"))->facts().state.admission(),
             Model::ProcedureAdmission::Billed);
    const auto ids = cache.conditionIdsOfPatient(QStringLiteral("Patient-265"));
    QVERIFY(ids);
    QVERIFY(ids->contains(QStringLiteral("Condition-Problem-I-1332")));
    QVERIFY(!cache.conditionIdsOfPatient(QStringLiteral("Patient-201")));
    QVERIFY(cache.clear());
    QVERIFY(!cache.encounter(QStringLiteral("Encounter-806")));
    QVERIFY(!cache.lastRefreshed().isValid());
}

void TestPatientDirectory::destroyedContextCallsNothing()
{
    bool called = false;
    auto context = std::make_unique<QObject>();
    m_directory->searchPatients(QStringLiteral("okafor"), context.get(),
                                [&](const PatientResult &) { called = true; });
    context.reset();
    QTRY_COMPARE(m_client->requestsInFlight(), 0);
    QTest::qWait(20);
    QVERIFY(!called);
    // The answer still refreshed the cache.
    QCOMPARE(m_directory->cache().searchPatients(QStringLiteral("okafor")).size(), 1);
}

void TestPatientDirectory::cacheAgeIsOfWhatIsShown()
{
    const QDateTime morning(QDate(2026, 3, 14), QTime(8, 0), Qt::UTC);
    Common::ManualClock clock(morning);
    OutboxStore store;
    store.setClock(&clock);
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("clocked.sqlite"))));
    PatientDirectory directory(m_client.get(), &store);
    const auto encounters = [&] {
        return wait<EncounterResult>(
            [&](auto done) { directory.encountersOf(QStringLiteral("Patient-265"), this, done); });
    };
    QVERIFY(encounters() && !encounters()->fromCache); // fetched at 08:00
    clock.advance(4 * 3600 * 1000);
    const auto search = [&](const QString &text) {
        return wait<PatientResult>([&](auto done) { directory.searchPatients(text, this, done); });
    };
    QVERIFY(search(QStringLiteral("okafor")) && !search(QStringLiteral("okafor"))->fromCache); // 12:00

    m_sandbox->stop();
    const auto offlineEncounters = encounters();
    QVERIFY(offlineEncounters && offlineEncounters->fromCache);
    QCOMPARE(offlineEncounters->items.size(), 3);
    QCOMPARE(offlineEncounters->cachedAt, morning); // not the noon of the patient search
    const auto offlinePatients = search(QStringLiteral("okafor"));
    QVERIFY(offlinePatients && offlinePatients->fromCache);
    QCOMPARE(offlinePatients->cachedAt, morning.addSecs(4 * 3600));
    const auto conditions = wait<ConditionResult>([&](auto done) {
        directory.conditionsOf(QStringLiteral("Patient-265"), QStringLiteral("Encounter-805"), this, done);
    });
    QVERIFY(conditions && conditions->fromCache && conditions->items.isEmpty());
    QVERIFY(!conditions->cachedAt.isValid()); // never fetched: no date that suggests otherwise
}

void TestPatientDirectory::refusalForAClosedEncounterMarksItClosed()
{
    fillCache();
    QVERIFY(m_directory->checkTakesLines(QStringLiteral("Encounter-805")));
    QSignalSpy closed(m_directory.get(), &PatientDirectory::encounterClosed);
    OutboxLine line;
    line.patientId = QStringLiteral("Patient-265");
    line.encounterId = QStringLiteral("Encounter-805");
    line.state = LineState::NeedsCorrection;
    // Another refusal says nothing about the encounter.
    line.findings = {
        {Model::EhrCode::DentalCptNotAllowed, Model::Severity::Error, QString(), QStringLiteral("dental")}};
    m_directory->noteRefusal(line);
    QCOMPARE(closed.count(), 0);
    line.findings = {{Model::EhrCode::EncounterSignedOff, Model::Severity::Error,
                      QStringLiteral("Procedure.encounter"), QStringLiteral("signed off")}};
    m_directory->noteRefusal(line);
    QCOMPARE(closed.count(), 1);
    const auto encounter = closed.first().first().value<Ehr::EncounterSummary>();
    QCOMPARE(encounter.id, QStringLiteral("Encounter-805"));
    QCOMPARE(encounter.state.billing, Model::BillingState::SignedOff);
    // What else the copy knew stays: the visit's time and zone.
    QVERIFY(encounter.start.isValid());
    QCOMPARE(encounter.timeZone, QStringLiteral("America/Chicago"));
    QVERIFY(!m_directory->cache().encounter(QStringLiteral("Encounter-805"))->acceptsProcedures());
    const Common::Status takes = m_directory->checkTakesLines(QStringLiteral("Encounter-805"));
    QVERIFY(!takes);
    QCOMPARE(takes.error().code, Model::EhrCode::EncounterSignedOff);
    QVERIFY(takes.error().message.contains(QStringLiteral("reopen the encounter")));

    // Billed, for an encounter the copy never had: the answer alone is enough.
    line.encounterId = QStringLiteral("Encounter-999");
    line.findings = {
        {Model::EhrCode::EncounterBilled, Model::Severity::Error, QString(), QStringLiteral("billed")}};
    m_directory->noteRefusal(line);
    QCOMPARE(closed.count(), 2);
    QCOMPARE(closed.last().first().value<Ehr::EncounterSummary>().state.billing, Model::BillingState::Billed);
    QVERIFY(!closed.last().first().value<Ehr::EncounterSummary>().acceptsProcedures());
}

void TestPatientDirectory::refreshThatFindsAnEncounterClosedSaysSo()
{
    fillCache();
    // The copy was made while every encounter of the patient was still open.
    QList<QJsonObject> resources;
    for (const auto &encounter : m_directory->cache().encountersOf(QStringLiteral("Patient-265")))
        resources.append({{QStringLiteral("resourceType"), QStringLiteral("Encounter")},
                          {QStringLiteral("id"), encounter.id},
                          {QStringLiteral("status"), QStringLiteral("in-progress")},
                          {QStringLiteral("subject"), QJsonObject{{QStringLiteral("reference"),
                                                                   QStringLiteral("Patient/Patient-265")}}}});
    QVERIFY(m_directory->cache().replaceEncounters(QStringLiteral("Patient-265"), resources));
    QVERIFY(m_directory->checkTakesLines(QStringLiteral("Encounter-806")));
    QSignalSpy closed(m_directory.get(), &PatientDirectory::encounterClosed);
    const auto encounters = wait<EncounterResult>(
        [this](auto done) { m_directory->encountersOf(QStringLiteral("Patient-265"), this, done); });
    QVERIFY(encounters && !encounters->fromCache);
    QStringList ids;
    for (const auto &arguments : std::as_const(closed))
        ids << arguments.first().value<Ehr::EncounterSummary>().id;
    ids.sort();
    QCOMPARE(ids, (QStringList{QStringLiteral("Encounter-806"), QStringLiteral("Encounter-807")}));
    QVERIFY(!m_directory->checkTakesLines(QStringLiteral("Encounter-806")));
}

QTEST_GUILESS_MAIN(TestPatientDirectory)
#include "tst_patientdirectory.moc"
