#include <memory>

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include "../common/refreshelsewhere.h"
#include "../common/sampleentry.h"
#include "../common/sandboxfixture.h"
#include "auth/loopbackreceiver.h"
#include "auth/secretstore.h"
#include "auth/smartsession.h"
#include "common/clock.h"
#include "ehr/ehrclient.h"
#include "outbox/outboxstore.h"
#include "outbox/sender.h"

namespace {

const QString TestBrowser = QStringLiteral(SUPERBILL_TEST_BROWSER);

/// A keychain whose writes finish only when the test says so, to see what waits for them.
class HeldSecretStore : public Auth::MemorySecretStore
{
public:
    void write(const QString &key, const QString &value, WriteDone done) override
    {
        ++writes;
        held = [this, key, value, done] { Auth::MemorySecretStore::write(key, value, done); };
    }
    void release()
    {
        if (held)
            std::exchange(held, {})();
    }
    int writes = 0;
    std::function<void()> held;
};

Common::Result<QString> tokenNow(Auth::SmartSession &session)
{
    std::optional<Common::Result<QString>> token;
    session.withToken([&token](const Common::Result<QString> &result) { token = result; });
    if (!QTest::qWaitFor([&token] { return token.has_value(); }, 20000))
        qWarning("no token answer within 20 s");
    return token.value_or(Common::makeError(QStringLiteral("timeout"), QStringLiteral("no answer")));
}

} // namespace

/**
 * The desktop app's SMART sign-in against the training EHR over HTTP on 127.0.0.1, driven by a
 * SUPERBILL_BROWSER program that follows the sign-in page: state, aud, refresh at 80% while lines
 * are sent, rotation stored before use, a revoked refresh token, a grant without Procedure.c, the
 * loopback listener's one redirect and its timeout.
 */
class TestSmartSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void signsInThroughTheBrowserCommand();
    void forgedStateIsRefused();
    void wrongAudIsRefused();
    void grantWithoutProcedureCreate();
    void refreshesSilentlyWhileLinesAreSent();
    void rotatedRefreshTokenIsStoredBeforeUse();
    void revokedRefreshTokenAsksForSignInOnce();
    void restoresFromTheStoredRefreshToken();
    void signingInAgainKeepsServingTheCurrentToken();
    void listenerTakesOneRedirectOnLoopback();
    void signInTimesOut();

private:
    void startServer(int ttlSeconds = 300, int latencyMs = 0);
    std::unique_ptr<Auth::SmartSession> makeSession(Auth::SecretStore *secrets, const QUrl &base = {},
                                                    const Common::Clock *clock = nullptr);
    bool signIn(Auth::SmartSession &session);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox::Server> m_server;
    Auth::MemorySecretStore m_secrets;
};

void TestSmartSession::init()
{
    qputenv("SUPERBILL_BROWSER", TestBrowser.toUtf8());
    qunsetenv("TEST_BROWSER_UNTICK");
    qunsetenv("TEST_BROWSER_STATE");
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("TEST_BROWSER_LOG", m_dir->filePath(QStringLiteral("browser.log")).toUtf8());
    startServer();
}

void TestSmartSession::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

void TestSmartSession::startServer(int ttlSeconds, int latencyMs)
{
    Sandbox::ServerOptions options;
    options.token = QStringLiteral("static-token");
    options.logRequests = false;
    options.faults.latencyMs = latencyMs;
    options.smart.accessTokenTtlSeconds = ttlSeconds;
    m_server = startTestSandbox(options);
    QVERIFY(m_server);
}

std::unique_ptr<Auth::SmartSession>
TestSmartSession::makeSession(Auth::SecretStore *secrets, const QUrl &base, const Common::Clock *clock)
{
    Auth::SmartSession::Settings settings;
    settings.fhirBase = base.isEmpty() ? m_server->baseUrl() : base;
    auto session =
        std::make_unique<Auth::SmartSession>(settings, secrets, Auth::Browser::fromEnvironment({}));
    session->setClock(clock);
    return session;
}

bool TestSmartSession::signIn(Auth::SmartSession &session)
{
    session.signIn();
    return QTest::qWaitFor([&session] { return session.state() != Auth::SmartSession::State::SigningIn; },
                           30000) &&
           session.isSignedIn();
}

void TestSmartSession::signsInThroughTheBrowserCommand()
{
    auto session = makeSession(&m_secrets);
    QSignalSpy failed(session.get(), &Auth::SmartSession::signInFailed);
    QVERIFY2(signIn(*session), qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
    QVERIFY(session->canCreateProcedures());
    QCOMPARE(session->grantedScopes(), Auth::ScopeSet::appDefaults());
    QCOMPARE(session->userDisplayName(), QStringLiteral("Jordan Lee (billing clerk)"));
    QCOMPARE(session->fhirUser(),
             m_server->baseUrl().toString() + QStringLiteral("/Practitioner/training-clerk"));
    QCOMPARE(session->configuration()->source, Auth::SmartConfiguration::Source::WellKnown);
    const QDateTime expected = QDateTime::currentDateTimeUtc().addSecs(300);
    QVERIFY(qAbs(session->expiresAt().secsTo(expected)) < 30);

    std::optional<Common::Result<QString>> stored;
    m_secrets.read(session->secretKey(), [&stored](const Common::Result<QString> &value) { stored = value; });
    QVERIFY(stored && stored->ok() && stored->value().startsWith(u"rt+"));

    Ehr::EhrClient client;
    QVERIFY(client.setBaseUrl(m_server->baseUrl()));
    client.setAuthenticator(session.get());
    std::optional<Ehr::PatientList> patients;
    client.searchPatients({}, this, [&patients](const Ehr::PatientList &list) { patients = list; });
    QTRY_VERIFY_WITH_TIMEOUT(patients.has_value(), 20000);
    QVERIFY2(patients->status.ok(), qPrintable(patients->status.errorString));
    QVERIFY(!patients->items.isEmpty());
    QCOMPARE(m_server->smart().tokensIssued(QStringLiteral("authorization_code")), 1);
}

void TestSmartSession::forgedStateIsRefused()
{
    qputenv("TEST_BROWSER_STATE", "forged-by-someone-else");
    auto session = makeSession(&m_secrets);
    QSignalSpy failed(session.get(), &Auth::SmartSession::signInFailed);
    QVERIFY(!signIn(*session));
    QCOMPARE(failed.size(), 1);
    // The browser was told the answer was refused, on a page that says why.
    const auto browserLog = [this] {
        QFile log(m_dir->filePath(QStringLiteral("browser.log")));
        return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
    };
    QTRY_VERIFY_WITH_TIMEOUT(browserLog().contains("app answered 400"), 10000);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("state")),
             qPrintable(failed.first().first().toString()));
    // The code that came with the forged answer was never exchanged.
    QCOMPARE(m_server->smart().tokenRequests(), 0);
    QVERIFY(!tokenNow(*session).ok());
}

void TestSmartSession::wrongAudIsRefused()
{
    // The same server under another name: a token for it would be a token for someone else.
    auto session = makeSession(&m_secrets, QUrl(m_server->baseUrl().toString().replace(
                                               QStringLiteral("/V1"), QStringLiteral("/V1/."))));
    QSignalSpy failed(session.get(), &Auth::SmartSession::signInFailed);
    QVERIFY(!signIn(*session));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("aud")),
             qPrintable(failed.first().first().toString()));
    QCOMPARE(m_server->smart().tokenRequests(), 0);
}

void TestSmartSession::grantWithoutProcedureCreate()
{
    qputenv("TEST_BROWSER_UNTICK", "user/Procedure.c");
    auto session = makeSession(&m_secrets);
    QVERIFY(signIn(*session));
    QVERIFY(!session->canCreateProcedures());
    QVERIFY(session->grantedScopes().permits(QStringLiteral("Procedure"), Auth::ScopeSet::Search));
}

void TestSmartSession::refreshesSilentlyWhileLinesAreSent()
{
    // Tokens of 5 s, refreshed at 4 s; 24 lines sent 2 at a time, each answer taking 400 ms.
    startServer(5, 400);
    auto session = makeSession(&m_secrets);
    QVERIFY(signIn(*session));
    QSignalSpy required(session.get(), &Auth::SmartSession::signInRequired);
    Ehr::EhrClient client;
    QVERIFY(client.setBaseUrl(m_server->baseUrl()));
    client.setAuthenticator(session.get());
    Outbox::OutboxStore store;
    QVERIFY(store.open(m_dir->filePath(QStringLiteral("outbox.sqlite"))).ok());
    const Model::ProcedureEntry base = sampleEntry();
    for (int i = 0; i < 24; ++i) {
        Model::ProcedureEntry entry = sampleEntry();
        entry.performedDateTime = base.performedDateTime.addSecs(60LL * i);
        QVERIFY(store.enqueue(entry).ok());
    }
    Outbox::Sender sender(&store, &client);
    sender.setParallel(2);
    QVERIFY(sender.start().ok());
    QTRY_COMPARE_WITH_TIMEOUT(store.counts()->sent, 24, 60000);
    QVERIFY(!sender.isPaused());
    QVERIFY(m_server->smart().tokensIssued(QStringLiteral("refresh_token")) >= 1);
    QCOMPARE(required.size(), 0);
    QCOMPARE(m_server->procedureCount(), 24);
}

void TestSmartSession::rotatedRefreshTokenIsStoredBeforeUse()
{
    HeldSecretStore secrets;
    Common::ManualClock clock(QDateTime::currentDateTimeUtc());
    auto session = makeSession(&secrets, {}, &clock);
    session->signIn();
    QTRY_VERIFY_WITH_TIMEOUT(secrets.held, 30000);
    secrets.release();
    QTRY_VERIFY_WITH_TIMEOUT(session->isSignedIn(), 20000);
    const Common::Result<QString> first = tokenNow(*session);
    QVERIFY(first.ok());

    clock.advance(241 * 1000); // past 80% of 300 s
    std::optional<Common::Result<QString>> second;
    session->withToken([&second](const Common::Result<QString> &token) { second = token; });
    QTRY_VERIFY_WITH_TIMEOUT(secrets.held, 20000);
    QCOMPARE(secrets.writes, 2);
    QTest::qWait(200);
    QVERIFY2(!second.has_value(),
             "the new access token was used before the rotated refresh token was stored");
    secrets.release();
    QTRY_VERIFY_WITH_TIMEOUT(second.has_value(), 20000);
    QVERIFY(second->ok());
    QVERIFY(second->value() != first.value());
    QCOMPARE(m_server->smart().tokensIssued(QStringLiteral("refresh_token")), 1);
}

void TestSmartSession::revokedRefreshTokenAsksForSignInOnce()
{
    Common::ManualClock clock(QDateTime::currentDateTimeUtc());
    auto session = makeSession(&m_secrets, {}, &clock);
    QVERIFY(signIn(*session));
    QSignalSpy required(session.get(), &Auth::SmartSession::signInRequired);

    // Someone else uses a copy of the refresh token first: the server rotates it for them.
    const auto stolen = refreshElsewhere(*m_server, m_secrets, *session);
    QVERIFY(stolen && stolen->ok());

    clock.advance(241 * 1000);
    const int requestsBefore = m_server->smart().tokenRequests();
    const Common::Result<QString> refused = tokenNow(*session);
    QVERIFY(!refused.ok());
    QCOMPARE(required.size(), 1);
    QCOMPARE(session->state(), Auth::SmartSession::State::SignedOut);
    QCOMPARE(m_server->smart().tokenRequests(), requestsBefore + 1);
    // The stored refresh token is gone, and asking again does not ask the EHR again.
    std::optional<Common::Result<QString>> after;
    m_secrets.read(session->secretKey(), [&after](const Common::Result<QString> &value) { after = value; });
    QVERIFY(after && !after->ok());
    for (int i = 0; i < 3; ++i)
        QVERIFY(!tokenNow(*session).ok());
    QCOMPARE(m_server->smart().tokenRequests(), requestsBefore + 1);
    QCOMPARE(required.size(), 1);
    // The thief's sign-in was revoked too: reuse ends the whole grant.
    Ehr::EhrClient client;
    QVERIFY(client.setBaseUrl(m_server->baseUrl()));
    const QString stolenToken = stolen->value().accessToken;
    client.setTokenProvider([stolenToken] { return stolenToken; });
    std::optional<Ehr::PatientList> patients;
    client.searchPatients({}, this, [&patients](const Ehr::PatientList &list) { patients = list; });
    QTRY_VERIFY_WITH_TIMEOUT(patients.has_value(), 20000);
    QCOMPARE(patients->status.kind, Ehr::ReadStatus::Kind::Unauthorized);
}

void TestSmartSession::restoresFromTheStoredRefreshToken()
{
    {
        auto first = makeSession(&m_secrets);
        QVERIFY(signIn(*first));
    }
    qputenv("SUPERBILL_BROWSER", "/nonexistent/browser"); // a second sign-in page would fail
    auto session = makeSession(&m_secrets);
    session->start(true);
    QTRY_VERIFY_WITH_TIMEOUT(session->state() != Auth::SmartSession::State::SigningIn, 20000);
    QVERIFY(session->isSignedIn());
    QCOMPARE(session->userDisplayName(), QStringLiteral("Jordan Lee (billing clerk)"));
    QCOMPARE(m_server->smart().tokensIssued(QStringLiteral("refresh_token")), 1);
    QCOMPARE(m_server->smart().tokensIssued(QStringLiteral("authorization_code")), 1);
}

void TestSmartSession::signingInAgainKeepsServingTheCurrentToken()
{
    Common::ManualClock clock(QDateTime::currentDateTimeUtc());
    auto session = makeSession(&m_secrets, {}, &clock);
    QVERIFY(signIn(*session));
    const Common::Result<QString> before = tokenNow(*session);
    QVERIFY(before.ok());
    // A second sign-in whose page nobody answers yet.
    qputenv("SUPERBILL_BROWSER", "true");
    session->signIn();
    QCOMPARE(session->state(), Auth::SmartSession::State::SigningIn);
    std::optional<Common::Result<QString>> during;
    session->withToken([&during](const Common::Result<QString> &token) { during = token; });
    QVERIFY(during.has_value());
    QCOMPARE(during->value(), before.value());
    // Due for a refresh: the grant about to be replaced is not refreshed meanwhile.
    clock.advance(241 * 1000);
    const int requests = m_server->smart().tokenRequests();
    QCOMPARE(tokenNow(*session).value(), before.value());
    QTest::qWait(300);
    QCOMPARE(m_server->smart().tokenRequests(), requests);
}

void TestSmartSession::listenerTakesOneRedirectOnLoopback()
{
    Auth::LoopbackReceiver receiver;
    QVERIFY(receiver.listen(0).ok());
    QCOMPARE(receiver.redirectUri().host(), QStringLiteral("127.0.0.1"));
    std::optional<Common::Result<QString>> code;
    receiver.waitForCode("the-state", std::chrono::minutes(1),
                         [&code](const Common::Result<QString> &result) { code = result; });
    const auto get = [&receiver](const QByteArray &target) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, receiver.redirectUri().port());
        if (!socket.waitForConnected(5000))
            return QByteArray();
        socket.write("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        const bool closed = QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            5000);
        answer += socket.readAll();
        return closed ? answer : QByteArray("still open: ") + answer;
    };
    QVERIFY(get("/favicon.ico").startsWith("HTTP/1.1 404"));
    QVERIFY(receiver.isListening());
    QVERIFY(!code.has_value());
    const QByteArray page = get("/?code=abc%2B1&state=the-state");
    QVERIFY(page.startsWith("HTTP/1.1 200"));
    QVERIFY(page.contains("close this window"));
    QVERIFY(code && code->ok());
    QCOMPARE(code->value(), QStringLiteral("abc+1"));
    QVERIFY(!receiver.isListening());
    QVERIFY(get("/?code=again&state=the-state").isEmpty()); // closed: nobody answers
}

void TestSmartSession::signInTimesOut()
{
    Auth::SmartSession::Settings settings;
    settings.fhirBase = m_server->baseUrl();
    settings.signInTimeout = std::chrono::milliseconds(800);
    QUrl opened;
    Auth::SmartSession session(settings, &m_secrets, [&opened](const QUrl &url) {
        opened = url; // a person who never comes back
        return Common::Status();
    });
    QSignalSpy failed(&session, &Auth::SmartSession::signInFailed);
    session.signIn();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("minutes")),
             qPrintable(failed.first().first().toString()));
    // What the authorize request carried.
    const QUrlQuery query(opened);
    QCOMPARE(query.queryItemValue(QStringLiteral("response_type")), QStringLiteral("code"));
    QCOMPARE(query.queryItemValue(QStringLiteral("client_id")), QStringLiteral("superbill-desk"));
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(query.queryItemValue(QStringLiteral("aud"), QUrl::FullyDecoded), m_server->baseUrl().toString());
    QCOMPARE(query.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
    QVERIFY(query.queryItemValue(QStringLiteral("state")).size() >= 32);
    const QUrl redirect(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, redirect.port());
    QVERIFY(!socket.waitForConnected(2000)); // the listener closed with the sign-in
    QCOMPARE(session.state(), Auth::SmartSession::State::SignedOut);
}

QTEST_GUILESS_MAIN(TestSmartSession)
#include "tst_smartsession.moc"
