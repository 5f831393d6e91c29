#include <algorithm>
#include <csignal>
#include <memory>
#include <sys/resource.h>
#include <sys/stat.h>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "../common/ehrclientfixture.h"
#include "../common/resultcheck.h"
#include "../common/sampleentry.h"
#include "../common/sandboxfixture.h"
#include "../ehr/scriptedserver.h"
#include "outbox/outboxstore.h"
#include "outbox/sender.h"
#include "sandboxfixture.h"

using namespace Outbox;

namespace {

/// What a full disk does to every file this process writes, including through the connection of the
/// store's background thread, which belongs to that thread (PRAGMA query_only cannot reach it): past a
/// file size limit, write() fails with EFBIG as it fails with ENOSPC on a full disk (SIGXFSZ ignored).
/// 1 KiB is less than one page of the outbox, and more than the sender's lock file needs.
bool setDiskFull(bool full)
{
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{};
    if (getrlimit(RLIMIT_FSIZE, &limit) != 0)
        return false;
    limit.rlim_cur = full ? 1024 : limit.rlim_max;
    return setrlimit(RLIMIT_FSIZE, &limit) == 0;
}

Model::ProcedureEntry entryAt(int minute, const QString &encounter = QStringLiteral("Encounter-805"))
{
    auto entry = sampleEntry();
    entry.encounter = Model::Reference::to(QStringLiteral("Encounter"), encounter);
    // The training EHR treats the same patient, encounter, code and time as one procedure.
    entry.performedDateTime = entry.performedDateTime.addSecs(60 * minute);
    entry.recordedDate = {};
    return entry;
}

/// A CapabilityStatement of an R4 server with conditional create of Procedures.
constexpr auto ConditionalCreateCapabilities =
    R"({"resourceType":"CapabilityStatement","fhirVersion":"4.0.1","rest":[{"mode":"server",)"
    R"("resource":[{"type":"Procedure","interaction":[{"code":"create"}],"conditionalCreate":true}]}]})";

BackoffPolicy fastBackoff()
{
    BackoffPolicy policy;
    policy.base = std::chrono::milliseconds(20);
    policy.cap = std::chrono::milliseconds(200);
    return policy;
}

} // namespace

class TestSender : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void backoffGrowsToCapWithJitter_data();
    void backoffGrowsToCapWithJitter();
    void sendsEveryLineOnce();
    void rejectedLineWaitsForPerson();
    void serverFaultsAreRetriedWithBackoff();
    void retryAfterIsHonoured();
    void hugeRetryAfterWaitsTheCap();
    void unauthorizedPausesQueueWithoutCountingAttempts();
    void lostAnswerIsResentAndRecordedOnce();
    void timeoutIsResentAndRecordedOnce();
    void crashedSendingLineIsResentWithSameIdentifier();
    void duplicateRecordIsReconciledByIdentifier();
    void duplicateOfAnotherLineNeedsCorrection();
    void duplicateWhoseSearchFailsIsTriedAgain();
    void insecureUrlPausesQueue();
    void secondSenderOnSameOutboxIsRefused();
    void lockFileIsOwnerOnly();
    void onlineFollowsReachability();
    void waitingLinesGoOnceTheEhrAnswersAgain_data();
    void waitingLinesGoOnceTheEhrAnswersAgain();
    void capabilitiesAreReadBeforeSending();
    void unwritableOutboxPausesUntilWritable();
    void htmlAnswerIsNotTakenAsStored();
    void refusedSenderTakesOverWhenTheOtherEnds();
    void conditionalHitOnAnotherLineIsNotSent();
    void unrecordableAnswerIsResentOnceWritable();
    void linesClaimedAheadGoBackToPending_data();
    void linesClaimedAheadGoBackToPending();
    void linesClaimedAheadByACrashedSenderAreSentOnce();
    void aLineClaimedAheadIsGivenBackToBeDiscarded();

private:
    std::unique_ptr<Sender> makeSender();
    /// Queues `count` lines and starts a sender with one slot against a slow EHR: one line in flight,
    /// more claimed ahead for the slot. Their ids go to `ids`.
    std::unique_ptr<Sender> startWithLinesClaimedAhead(int count, QList<qint64> *ids);
    /// Reads the EHR's CapabilityStatement now, so a test can then pretend it has no conditional create.
    void knowCapabilities();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<OutboxStore> m_store;
    std::unique_ptr<Ehr::EhrClient> m_client;
    std::unique_ptr<Sandbox::Server> m_sandbox;
    QString m_token;
};

void TestSender::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<OutboxStore>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("outbox.sqlite"))));
    m_sandbox = startSandbox();
    QVERIFY(m_sandbox);
    m_token = QLatin1String(SandboxToken);
    m_client = clientFor(*m_sandbox, m_token, std::chrono::milliseconds(3000));
    QVERIFY(m_client);
}

void TestSender::cleanup()
{
    setDiskFull(false);
    m_client.reset();
    m_sandbox.reset();
    m_store.reset();
    m_dir.reset();
}

std::unique_ptr<Sender> TestSender::makeSender()
{
    auto sender = std::make_unique<Sender>(m_store.get(), m_client.get());
    sender->setBackoff(fastBackoff());
    sender->setSeed(42);
    return sender;
}

std::unique_ptr<Sender> TestSender::startWithLinesClaimedAhead(int count, QList<qint64> *ids)
{
    Sandbox::FaultSettings slow;
    slow.latencyMs = 400; // the first line stays in flight while the test looks
    m_sandbox->setFaults(slow);
    for (int i = 0; i < count; ++i)
        ids->append(*m_store->enqueue(entryAt(i)));
    auto sender = makeSender();
    sender->setParallel(1);
    [&] {
        QVERIFY(sender->start());
        // One line in flight, and more claimed for the slot when it frees up.
        QTRY_VERIFY_WITH_TIMEOUT(m_store->counts()->sending > 1, 10000);
        QCOMPARE(sender->inFlight(), 1);
    }();
    return sender;
}

void TestSender::knowCapabilities()
{
    bool done = false;
    m_client->checkCapabilities(this,
                                [&done](const Ehr::ReadStatus &, const Ehr::Capabilities &) { done = true; });
    QTRY_VERIFY(done);
    QVERIFY(m_client->capabilities());
}

void TestSender::backoffGrowsToCapWithJitter_data()
{
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("nominalMs");
    QTest::newRow("1st") << 1 << 2000;
    QTest::newRow("2nd") << 2 << 4000;
    QTest::newRow("5th") << 5 << 32000;
    QTest::newRow("9th") << 9 << 512000;
    QTest::newRow("10th capped") << 10 << 900000;
    QTest::newRow("40th capped") << 40 << 900000;
}

void TestSender::backoffGrowsToCapWithJitter()
{
    QFETCH(int, attempts);
    QFETCH(int, nominalMs);
    const BackoffPolicy policy; // 2 s growing to 15 min, ±25 %
    QRandomGenerator random(1);
    QSet<qint64> seen;
    for (int i = 0; i < 50; ++i) {
        const qint64 delay = policy.delay(attempts, random).count();
        QVERIFY2(delay >= nominalMs * 0.75 - 1 && delay <= std::min(900000.0, nominalMs * 1.25) + 1,
                 qPrintable(QString::number(delay)));
        seen.insert(delay);
    }
    QVERIFY2(seen.size() > 10, "jitter spreads the delays");
    QCOMPARE(policy.delay(attempts, std::chrono::milliseconds(3600000), random).count(), 3600000);
}

void TestSender::sendsEveryLineOnce()
{
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i)
        ids.append(*m_store->enqueue(entryAt(i)));
    auto sender = makeSender();
    QSignalSpy finished(sender.get(), &Sender::lineFinished);
    QSignalSpy counts(sender.get(), &Sender::queueCountsChanged);
    QVERIFY(sender->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->counts()->sent, 6, 10000);
    QCOMPARE(m_sandbox->procedureCount(), 6);
    // Written on the store's background thread: the file says sent just before the news comes.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 6, 5000);
    QVERIFY(!counts.isEmpty());
    for (const qint64 id : ids) {
        const auto line = *m_store->line(id);
        QVERIFY(!line.ehrId.isEmpty());
        QCOMPARE(line.attempts, 1);
        QCOMPARE(line.lastHttpStatus, 201);
        const auto audit = *m_store->audit(id);
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit.last().ehrId, line.ehrId);
    }
}

void TestSender::rejectedLineWaitsForPerson()
{
    const qint64 id = *m_store->enqueue(entryAt(0, QStringLiteral("Encounter-806"))); // signed off
    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::NeedsCorrection, 10000);
    const auto line = *m_store->line(id);
    QCOMPARE(line.lastHttpStatus, 422);
    QVERIFY(!line.findings.isEmpty());
    QCOMPARE(line.findings.first().code, QStringLiteral("500009"));
    QCOMPARE(line.findings.first().path, QStringLiteral("Procedure.encounter.reference"));
    QTest::qWait(200);
    QCOMPARE(m_store->line(id)->attempts, 1); // never retried as is
    QCOMPARE(m_sandbox->procedureCount(), 0);
}

void TestSender::serverFaultsAreRetriedWithBackoff()
{
    Sandbox::FaultSettings faults;
    faults.failRate = 1;
    m_sandbox->setFaults(faults);
    const qint64 id = *m_store->enqueue(entryAt(0));
    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_VERIFY_WITH_TIMEOUT(m_store->line(id)->attempts >= 3, 10000);
    const auto line = *m_store->line(id);
    QVERIFY(line.state == LineState::Pending || line.state == LineState::Sending);
    QVERIFY(line.lastHttpStatus == 500 || line.lastHttpStatus == 503);
    m_sandbox->setFaults({});
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
    QCOMPARE(m_sandbox->procedureCount(), 1);
    for (const auto &entry : *m_store->audit(id)) {
        if (entry.event == u"attempt" && entry.httpStatus >= 500)
            QVERIFY(entry.ehrCode == u"500003" || entry.ehrCode == u"500008");
    }
}

void TestSender::retryAfterIsHonoured()
{
    Common::ManualClock clock(QDateTime(QDate(2026, 3, 14), QTime(16, 0), Qt::UTC));
    OutboxStore store;
    store.setClock(&clock);
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("manual.sqlite"))));
    ScriptedServer server;
    QVERIFY(server.start());
    QVERIFY(m_client->setBaseUrl(server.baseUrl()));
    server.enqueue(
        ScriptedResponse::json(200, "{\"resourceType\":\"CapabilityStatement\",\"fhirVersion\":\"4.0.1\"}"));
    server.enqueue(ScriptedResponse::json(503, {}, {{"Retry-After", "120"}}));
    server.enqueue(ScriptedResponse::json(201, "{\"resourceType\":\"Procedure\",\"id\":\"late\"}"));

    const qint64 id = *store.enqueue(entryAt(0));
    Sender sender(&store, m_client.get());
    sender.setBackoff(fastBackoff());
    QVERIFY(sender.start());
    QTRY_COMPARE_WITH_TIMEOUT(store.line(id)->attempts, 1, 10000);
    QCOMPARE(store.line(id)->state, LineState::Pending);
    QCOMPARE(store.line(id)->nextAttemptAt, clock.nowUtc().addSecs(120));

    clock.advance(119 * 1000);
    sender.wake();
    QTest::qWait(100);
    QCOMPARE(server.requests.size(), 2); // the metadata and the one POST

    clock.advance(1000);
    sender.wake();
    QTRY_COMPARE_WITH_TIMEOUT(store.line(id)->state, LineState::Sent, 10000);
    QCOMPARE(store.line(id)->ehrId, QStringLiteral("late"));
}

void TestSender::hugeRetryAfterWaitsTheCap()
{
    Common::ManualClock clock(QDateTime(QDate(2026, 3, 14), QTime(16, 0), Qt::UTC));
    OutboxStore store;
    store.setClock(&clock);
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("manual.sqlite"))));
    ScriptedServer server;
    QVERIFY(server.start());
    QVERIFY(m_client->setBaseUrl(server.baseUrl()));
    server.enqueue(ScriptedResponse::json(200, ConditionalCreateCapabilities));
    // In milliseconds this overflows 64 bits (to 384 ms when it wraps).
    server.enqueue(ScriptedResponse::json(503, {}, {{"Retry-After", "18446744073709552"}}));

    const qint64 id = *store.enqueue(entryAt(0));
    Sender sender(&store, m_client.get());
    sender.setBackoff(fastBackoff());
    QVERIFY(sender.start());
    QTRY_COMPARE_WITH_TIMEOUT(store.line(id)->attempts, 1, 10000);
    QCOMPARE(store.line(id)->nextAttemptAt,
             clock.nowUtc().addMSecs(fastBackoff().maxRetryAfter.count())); // an hour, not sooner, not never
}

void TestSender::unauthorizedPausesQueueWithoutCountingAttempts()
{
    m_token = QStringLiteral("expired");
    const qint64 first = *m_store->enqueue(entryAt(0));
    const qint64 second = *m_store->enqueue(entryAt(1));
    auto sender = makeSender();
    sender->setParallel(1);
    QSignalSpy paused(sender.get(), &Sender::pausedChanged);
    QSignalSpy credentials(sender.get(), &Sender::credentialsRequired);
    QVERIFY(sender->start());
    QTRY_VERIFY_WITH_TIMEOUT(sender->isPaused(), 10000);
    QCOMPARE(sender->pauseReason(), Sender::PauseReason::Credentials);
    QCOMPARE(paused.size(), 1);
    QCOMPARE(credentials.size(), 1);
    QTest::qWait(150);
    // One request found the token refused; nothing else was tried while paused.
    int refused = 0;
    for (const qint64 id : {first, second}) {
        const auto line = *m_store->line(id);
        QCOMPARE(line.state, LineState::Pending);
        QCOMPARE(line.attempts, 0);
        for (const auto &entry : *m_store->audit(id))
            refused += entry.httpStatus == 401 ? 1 : 0;
    }
    QCOMPARE(refused, 1);
    QCOMPARE(m_sandbox->procedureCount(), 0);

    m_token = QLatin1String(SandboxToken);
    sender->setCredentialsChanged();
    QVERIFY(!sender->isPaused());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->counts()->sent, 2, 10000);
    QCOMPARE(m_store->line(first)->attempts, 1);
    QCOMPARE(paused.last().first().toBool(), false);
}

void TestSender::lostAnswerIsResentAndRecordedOnce()
{
    Sandbox::FaultSettings faults;
    faults.dropRate = 1; // stored, then the connection is closed unanswered
    m_sandbox->setFaults(faults);
    const qint64 id = *m_store->enqueue(entryAt(0));
    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_store->line(id)->attempts >= 1 && m_store->line(id)->state == LineState::Pending, 10000);
    QVERIFY(m_store->line(id)->outcomeUnknown);
    QCOMPARE(m_sandbox->procedureCount(), 1);
    m_sandbox->setFaults({});
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
    QCOMPARE(m_sandbox->procedureCount(), 1);
    const auto line = *m_store->line(id);
    QCOMPARE(line.lastHttpStatus, 200); // the conditional create found the stored one
    QVERIFY(!line.ehrId.isEmpty());
    QVERIFY(!line.outcomeUnknown);
}

void TestSender::timeoutIsResentAndRecordedOnce()
{
    Sandbox::FaultSettings faults;
    faults.hangRate = 1;
    m_sandbox->setFaults(faults);
    m_client->setTransferTimeout(std::chrono::milliseconds(200));
    const qint64 id = *m_store->enqueue(entryAt(0));
    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_VERIFY_WITH_TIMEOUT(m_store->line(id)->attempts >= 1, 10000);
    QVERIFY(m_store->line(id)->outcomeUnknown);
    QVERIFY(m_store->line(id)->lastError.contains(QStringLiteral("did not answer")));
    m_sandbox->setFaults({});
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
    QCOMPARE(m_sandbox->procedureCount(), 1);
}

void TestSender::crashedSendingLineIsResentWithSameIdentifier()
{
    const auto entry = entryAt(0);
    const qint64 id = *m_store->enqueue(entry);
    // A sender claimed it and died before recording anything (maybe after the EHR stored it).
    QCOMPARE(m_store->claim(id).valueOr(false), true);
    std::optional<Ehr::SubmitResult> first;
    m_client->createProcedure(entry, this, [&](const Ehr::SubmitResult &r) { first = r; });
    QTRY_VERIFY(first.has_value());
    QCOMPARE(first->kind, Ehr::SubmitResult::Kind::Created);

    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
    QCOMPARE(m_sandbox->procedureCount(), 1);
    QCOMPARE(m_store->line(id)->ehrId, first->ehrId);
    QCOMPARE(m_store->line(id)->identifier, *entry.clientIdentifier());
    QCOMPARE(m_store->audit(id)->at(1).event, QStringLiteral("recovered"));
}

void TestSender::duplicateRecordIsReconciledByIdentifier()
{
    // An EHR without conditional create answers a resend with DUPLICATE_RECORD.
    knowCapabilities();
    m_client->setConditionalCreate(false);
    const auto entry = entryAt(0);
    const qint64 id = *m_store->enqueue(entry);
    QCOMPARE(m_store->claim(id).valueOr(false), true);
    std::optional<Ehr::SubmitResult> first;
    m_client->createProcedure(entry, this, [&](const Ehr::SubmitResult &r) { first = r; });
    QTRY_VERIFY(first.has_value());
    QCOMPARE(first->kind, Ehr::SubmitResult::Kind::Created);
    // ...and that answer was lost: the line is left as a crash would leave it.

    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
    QCOMPARE(m_store->line(id)->ehrId, first->ehrId);
    QCOMPARE(m_sandbox->procedureCount(), 1);
    const auto audit = *m_store->audit(id);
    QCOMPARE(audit.at(audit.size() - 2).ehrCode, QStringLiteral("500002"));
    QCOMPARE(audit.last().event, QStringLiteral("reconciled"));
    QCOMPARE(audit.last().ehrId, first->ehrId);
}

void TestSender::duplicateOfAnotherLineNeedsCorrection()
{
    knowCapabilities();
    m_client->setConditionalCreate(false);
    const qint64 first = *m_store->enqueue(entryAt(0));
    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(first)->state, LineState::Sent, 10000);
    // The clerk entered the same procedure again: another identifier, same content.
    const qint64 second = *m_store->enqueue(entryAt(0));
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(second)->state, LineState::NeedsCorrection, 10000);
    const auto line = *m_store->line(second);
    QVERIFY(line.ehrId.isEmpty());
    QCOMPARE(line.findings.last().code, QStringLiteral("500002"));
    QCOMPARE(m_sandbox->procedureCount(), 1);
}

void TestSender::duplicateWhoseSearchFailsIsTriedAgain()
{
    const auto entry = entryAt(0);
    const qint64 id = *m_store->enqueue(entry);
    ScriptedServer server;
    QVERIFY(server.start());
    QVERIFY(m_client->setBaseUrl(server.baseUrl()));
    server.enqueue(
        ScriptedResponse::json(200, R"({"resourceType":"CapabilityStatement","fhirVersion":"4.0.1"})"));
    const QByteArray duplicate =
        R"({"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"duplicate",)"
        R"("details":{"coding":[{"code":"500002"}]}}]})";
    server.enqueue(ScriptedResponse::json(400, duplicate));
    server.enqueue(ScriptedResponse::json(503, {})); // the search by identifier fails
    server.enqueue(ScriptedResponse::json(400, duplicate));
    const QJsonObject stored{
        {QStringLiteral("resourceType"), QStringLiteral("Procedure")},
        {QStringLiteral("id"), QStringLiteral("p-9")},
        {QStringLiteral("identifier"),
         QJsonArray{QJsonObject{{QStringLiteral("system"), entry.clientIdentifier()->system},
                                {QStringLiteral("value"), entry.clientIdentifier()->value}}}}};
    server.enqueue(ScriptedResponse::json(
        200, QJsonDocument(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                       {QStringLiteral("entry"),
                                        QJsonArray{QJsonObject{{QStringLiteral("resource"), stored}}}}})
                 .toJson(QJsonDocument::Compact)));
    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
    const auto line = *m_store->line(id);
    QCOMPARE(line.ehrId, QStringLiteral("p-9"));
    QCOMPARE(line.attempts, 2); // the failed search counted as a try; nothing was marked sent before it
    QCOMPARE(server.requests.size(), 5);
}

void TestSender::insecureUrlPausesQueue()
{
    QVERIFY(!m_client->setBaseUrl(QUrl(QStringLiteral("http://example.org/fhir"))));
    const qint64 id = *m_store->enqueue(entryAt(0));
    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_VERIFY_WITH_TIMEOUT(sender->isPaused(), 5000);
    QCOMPARE(sender->pauseReason(), Sender::PauseReason::Configuration);
    QVERIFY(sender->pauseMessage().contains(QStringLiteral("https://")));
    QCOMPARE(m_store->line(id)->attempts, 0);
    QCOMPARE(m_store->line(id)->state, LineState::Pending);

    QVERIFY(m_client->setBaseUrl(m_sandbox->baseUrl()));
    sender->resume();
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
}

void TestSender::secondSenderOnSameOutboxIsRefused()
{
    auto sender = makeSender();
    QVERIFY(sender->start());
    OutboxStore other;
    QVERIFY(other.open(m_store->path()));
    Sender second(&other, m_client.get());
    const Common::Status refused = second.start();
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("already sending")),
             qPrintable(whyFailed(refused)));
    sender.reset();
    const Common::Status started = second.start();
    QVERIFY2(started, qPrintable(whyFailed(started)));
}

void TestSender::lockFileIsOwnerOnly()
{
    // QLockFile creates it with the umask's mode; beside the outbox, only its owner reads anything.
    const mode_t previous = ::umask(022);
    auto sender = makeSender();
    const Common::Status started = sender->start();
    ::umask(previous);
    QVERIFY2(started, qPrintable(whyFailed(started)));
    const QFileInfo lock(m_store->path() + QStringLiteral(".sender.lock"));
    QVERIFY(lock.exists());
    QCOMPARE(lock.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestSender::onlineFollowsReachability()
{
    auto sender = makeSender();
    QSignalSpy online(sender.get(), &Sender::onlineChanged);
    QVERIFY(sender->start());
    m_sandbox->stop();
    const qint64 id = *m_store->enqueue(entryAt(0));
    QTRY_COMPARE_WITH_TIMEOUT(online.size(), 1, 10000);
    QCOMPARE(online.first().first().toBool(), false);
    QVERIFY(!sender->isOnline());
    // The capabilities request at start may be the one that found the EHR gone, before the line's POST.
    QTRY_VERIFY_WITH_TIMEOUT(m_store->line(id)->attempts >= 1, 10000);
    QVERIFY(!m_store->line(id)->outcomeUnknown); // refused connections never reached the EHR
}

void TestSender::waitingLinesGoOnceTheEhrAnswersAgain_data()
{
    QTest::addColumn<bool>("senderProbes");
    QTest::newRow("another request gets an answer") << false;
    QTest::newRow("the sender's own probe gets an answer") << true;
}

void TestSender::waitingLinesGoOnceTheEhrAnswersAgain()
{
    QFETCH(bool, senderProbes);
    auto sender = std::make_unique<Sender>(m_store.get(), m_client.get());
    sender->setProbeInterval(senderProbes ? std::chrono::milliseconds(100) : std::chrono::hours(1));
    BackoffPolicy slow;
    slow.base = std::chrono::minutes(10); // without being brought forward the line would wait 10 minutes
    slow.jitter = 0;
    sender->setBackoff(slow);
    const quint16 port = m_sandbox->port();
    m_sandbox->stop();
    QVERIFY(sender->start());
    const qint64 id = *m_store->enqueue(entryAt(0));
    QTRY_VERIFY_WITH_TIMEOUT(!sender->isOnline() && m_store->line(id)->attempts >= 1, 10000);
    QVERIFY(m_store->line(id)->nextAttemptAt > QDateTime::currentDateTimeUtc().addSecs(60));

    Sandbox::ServerOptions options = m_sandbox->options();
    options.port = port;
    m_sandbox = startTestSandbox(options);
    QVERIFY(m_sandbox);
    if (!senderProbes) {
        bool answered = false;
        m_client->checkCapabilities(this, [&answered](const auto &, const auto &) { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(sender->isOnline(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
    // The sender's doing, not a person's: no "retry" row in the audit.
    for (const auto &entry : *m_store->audit(id))
        QVERIFY(entry.event != u"retry");
}

void TestSender::capabilitiesAreReadBeforeSending()
{
    ScriptedServer server;
    QVERIFY(server.start());
    QVERIFY(m_client->setBaseUrl(server.baseUrl()));
    server.enqueue(
        ScriptedResponse::json(200, "{\"resourceType\":\"CapabilityStatement\",\"fhirVersion\":\"3.0.2\"}"));
    server.enqueue(ScriptedResponse::json(201, "{\"resourceType\":\"Procedure\",\"id\":\"p1\"}"));
    const qint64 id = *m_store->enqueue(entryAt(0));
    auto sender = makeSender();
    QSignalSpy warnings(sender.get(), &Sender::ehrWarning);
    QVERIFY(sender->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().first().toString().contains(QStringLiteral("3.0.2")));
    QCOMPARE(server.requests.first().target, QByteArray("/fhir/metadata"));
    QCOMPARE(server.requests.at(1).method, QByteArray("POST"));
    // No conditional create in that statement: the POST goes without If-None-Exist.
    QVERIFY(!server.requests.at(1).headers.contains("if-none-exist"));
}

void TestSender::unwritableOutboxPausesUntilWritable()
{
    const qint64 id = *m_store->enqueue(entryAt(0));
    // What a full disk does to every write; reads still work.
    QVERIFY(setDiskFull(true));
    auto sender = makeSender();
    sender->setRecheckInterval(std::chrono::milliseconds(50));
    QSignalSpy paused(sender.get(), &Sender::pausedChanged);
    QVERIFY(sender->start());
    QTRY_VERIFY_WITH_TIMEOUT(sender->isPaused(), 5000);
    QCOMPARE(sender->pauseReason(), Sender::PauseReason::Storage);
    QVERIFY2(sender->pauseMessage().contains(QStringLiteral("kept")), qPrintable(sender->pauseMessage()));
    QVERIFY2(sender->pauseMessage().contains(m_store->path()), qPrintable(sender->pauseMessage()));
    QTest::qWait(300); // several retries, one pause
    QCOMPARE(paused.size(), 1);
    QCOMPARE(m_sandbox->procedureCount(), 0);
    QCOMPARE(m_store->line(id)->state, LineState::Pending);

    QVERIFY(setDiskFull(false));
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
    QVERIFY(!sender->isPaused());
    QCOMPARE(m_sandbox->procedureCount(), 1);
}

void TestSender::unrecordableAnswerIsResentOnceWritable()
{
    const qint64 id = *m_store->enqueue(entryAt(0));
    ScriptedServer server;
    QVERIFY(server.start());
    QVERIFY(m_client->setBaseUrl(server.baseUrl()));
    server.enqueue(ScriptedResponse::json(200, ConditionalCreateCapabilities));
    // The EHR stores the line, but the outbox cannot write that down.
    server.handler = [](const RecordedRequest &) {
        setDiskFull(true);
        return ScriptedResponse::json(201, "{\"resourceType\":\"Procedure\",\"id\":\"p1\"}");
    };
    auto sender = makeSender();
    sender->setRecheckInterval(std::chrono::milliseconds(50));
    QVERIFY(sender->start());
    QTRY_VERIFY_WITH_TIMEOUT(sender->isPaused(), 5000);
    QCOMPARE(sender->pauseReason(), Sender::PauseReason::Storage);
    QCOMPARE(m_store->line(id)->state, LineState::Sending); // as a crash would leave it
    // Answers are written in batches at most 50 ms after they arrive: let that write fail too, so the
    // answer is really lost rather than written late once the file is writable again.
    QTest::qWait(500);
    QCOMPARE(m_store->line(id)->state, LineState::Sending);

    server.handler = [](const RecordedRequest &) {
        return ScriptedResponse::json(200, "{\"resourceType\":\"Procedure\",\"id\":\"p1\"}");
    };
    QVERIFY(setDiskFull(false));
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
    QCOMPARE(m_store->line(id)->ehrId, QStringLiteral("p1"));
    QTRY_VERIFY_WITH_TIMEOUT(!sender->isPaused(), 5000);
    QCOMPARE(server.requests.size(), 3); // metadata, the unrecorded create, the resend
    QVERIFY(server.requests.last().headers.contains("if-none-exist"));
}

void TestSender::refusedSenderTakesOverWhenTheOtherEnds()
{
    // superbill-cli queue send holds the outbox when the app starts; the app must send once it ends.
    auto cli = makeSender();
    QVERIFY(cli->start());
    OutboxStore appStore;
    QVERIFY(appStore.open(m_store->path()));
    Sender app(&appStore, m_client.get());
    app.setBackoff(fastBackoff());
    app.setRecheckInterval(std::chrono::milliseconds(50));
    QSignalSpy paused(&app, &Sender::pausedChanged);
    const Common::Status refused = app.start();
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QStringLiteral("already sending")),
             qPrintable(whyFailed(refused)));
    QCOMPARE(app.pauseReason(), Sender::PauseReason::OtherSender);
    QCOMPARE(app.pauseMessage(), refused.error().message);

    cli.reset();
    const qint64 id = *appStore.enqueue(entryAt(0)); // entered in the app afterwards
    QTRY_COMPARE_WITH_TIMEOUT(appStore.line(id)->state, LineState::Sent, 10000);
    QVERIFY(!app.isPaused());
    QCOMPARE(paused.size(), 2);
    QCOMPARE(paused.last().first().toBool(), false);
    QCOMPARE(m_sandbox->procedureCount(), 1);
}

void TestSender::htmlAnswerIsNotTakenAsStored()
{
    const qint64 id = *m_store->enqueue(entryAt(0));
    ScriptedServer server;
    QVERIFY(server.start());
    QVERIFY(m_client->setBaseUrl(server.baseUrl()));
    server.enqueue(ScriptedResponse::json(200, ConditionalCreateCapabilities));
    // A proxy's sign-in page, with a 200, instead of the EHR's answer.
    server.enqueue(ScriptedResponse::json(200, "<html><body>Sign in to the network</body></html>"));
    server.handler = [](const RecordedRequest &request) {
        if (request.method == "GET") // a search by identifier finds nothing: nothing was stored
            return ScriptedResponse::json(200, R"({"resourceType":"Bundle","type":"searchset","entry":[]})");
        return ScriptedResponse::json(201, R"({"resourceType":"Procedure","id":"real"})");
    };
    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->line(id)->state, LineState::Sent, 10000);
    QCOMPARE(m_store->line(id)->ehrId, QStringLiteral("real"));
    QCOMPARE(m_store->line(id)->attempts, 2);
}

void TestSender::conditionalHitOnAnotherLineIsNotSent()
{
    const qint64 id = *m_store->enqueue(entryAt(0));
    ScriptedServer server;
    QVERIFY(server.start());
    QVERIFY(m_client->setBaseUrl(server.baseUrl()));
    server.enqueue(ScriptedResponse::json(200, ConditionalCreateCapabilities));
    // An EHR that ignores the identifier in If-None-Exist "finds" a Procedure of another line.
    server.handler = [](const RecordedRequest &request) {
        if (request.method == "GET")
            return ScriptedResponse::json(200, R"({"resourceType":"Bundle","type":"searchset","entry":[]})");
        return ScriptedResponse::json(
            200,
            R"({"resourceType":"Procedure","id":"someone-else","identifier":)"
            R"([{"system":"urn:ietf:rfc:3986","value":"urn:uuid:00000000-0000-4000-8000-000000000000"}]})");
    };
    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_VERIFY_WITH_TIMEOUT(m_store->line(id)->state != LineState::Pending &&
                                 m_store->line(id)->state != LineState::Sending,
                             10000);
    const auto line = *m_store->line(id);
    QCOMPARE(lineStateName(line.state), lineStateName(LineState::NeedsCorrection));
    QVERIFY(line.ehrId.isEmpty());
    QVERIFY2(line.lastError.contains(QStringLiteral("someone-else")), qPrintable(line.lastError));
}

void TestSender::linesClaimedAheadGoBackToPending_data()
{
    QTest::addColumn<bool>("pause");
    QTest::newRow("stop") << false;
    QTest::newRow("pause") << true;
}

void TestSender::linesClaimedAheadGoBackToPending()
{
    QFETCH(bool, pause);
    QList<qint64> ids;
    auto sender = startWithLinesClaimedAhead(10, &ids);
    if (QTest::currentTestFailed())
        return;
    if (pause)
        sender->setReadOnly(QStringLiteral("reading only"));
    else
        sender->stop();
    // Only the line in flight is still being sent; it finishes and is recorded.
    QCOMPARE(m_store->counts()->sending, 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_store->counts()->sent, 1, 10000);
    QTest::qWait(100);
    QCOMPARE(m_store->counts()->pending, 9);
    for (const qint64 id : ids) {
        const auto line = *m_store->line(id);
        if (line.state == LineState::Sent)
            continue;
        QCOMPARE(line.attempts, 0);
        QVERIFY(!line.outcomeUnknown);
        QCOMPARE(m_store->audit(id)->size(), 1); // queued, nothing since
    }

    m_sandbox->setFaults({});
    if (pause)
        sender->setReadOnly({});
    else
        QVERIFY(sender->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->counts()->sent, 10, 10000);
    QCOMPARE(m_sandbox->procedureCount(), 10);
    for (const qint64 id : ids)
        QCOMPARE(m_store->line(id)->attempts, 1);
}

void TestSender::linesClaimedAheadByACrashedSenderAreSentOnce()
{
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i)
        ids.append(*m_store->enqueue(entryAt(i)));
    // A sender claimed four lines for its slots and died before sending any of them.
    QCOMPARE(m_store->claimDue(m_store->clock().nowUtc(), 4)->size(), 4);

    auto sender = makeSender();
    QVERIFY(sender->start());
    QTRY_COMPARE_WITH_TIMEOUT(m_store->counts()->sent, 6, 10000);
    QCOMPARE(m_sandbox->procedureCount(), 6);
    for (const qint64 id : ids)
        QCOMPARE(m_store->line(id)->attempts, 1);
}

void TestSender::aLineClaimedAheadIsGivenBackToBeDiscarded()
{
    QList<qint64> ids;
    auto sender = startWithLinesClaimedAhead(6, &ids);
    if (QTest::currentTestFailed())
        return;
    const auto inFlight =
        std::find_if(ids.cbegin(), ids.cend(), [&](qint64 id) { return sender->isInFlight(id); });
    QVERIFY(inFlight != ids.cend());
    const auto waiting = std::find_if(ids.cbegin(), ids.cend(), [&](qint64 id) {
        return !sender->isInFlight(id) && m_store->line(id)->state == LineState::Sending;
    });
    QVERIFY(waiting != ids.cend());

    // The line in flight stays the sender's; the one waiting for the slot goes back, and is discarded
    // before the sender looks again.
    QVERIFY(!sender->giveBack(*inFlight));
    QVERIFY(sender->giveBack(*waiting));
    QCOMPARE(m_store->line(*waiting)->state, LineState::Pending);
    QVERIFY(!sender->giveBack(*waiting));
    QVERIFY_OK(m_store->discard(*waiting, QStringLiteral("discarded by the user")));

    m_sandbox->setFaults({});
    QTRY_COMPARE_WITH_TIMEOUT(m_store->counts()->sent, 5, 10000);
    QTest::qWait(100);
    QCOMPARE(m_sandbox->procedureCount(), 5);
    QCOMPARE(m_store->line(*waiting)->state, LineState::Discarded);
    QCOMPARE(m_store->line(*waiting)->attempts, 0);
}

QTEST_GUILESS_MAIN(TestSender)
#include "tst_sender.moc"
