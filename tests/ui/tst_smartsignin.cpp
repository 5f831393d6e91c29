#include <memory>

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include "../common/refreshelsewhere.h"
#include "../common/resultcheck.h"
#include "../common/sampleentry.h"
#include "appsettings.h"
#include "auth/secretstore.h"
#include "auth/smartsession.h"
#include "common/clock.h"
#include "ehr/ehrsettings.h"
#include "mainwindow.h"
#include "outbox/outboxstore.h"
#include "sandbox/server.h"
#include "tokenstore.h"
#include "workspace.h"

using namespace std::chrono_literals;

namespace {

constexpr int SlowMachineTimeoutMs = 30000;
const QString TestBrowser = QStringLiteral(SUPERBILL_TEST_BROWSER);

QString capturedLog;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    capturedLog += QLatin1String(context.category ? context.category : "") + u' ' + message + u'\n';
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

/**
 * The app signed in with SMART: the real main window and workspace against the training EHR's SMART
 * server over 127.0.0.1, the sign-in page followed by a SUPERBILL_BROWSER program. Training signs in
 * without a browser; the queue waits while signed out and for a read-only grant; a revoked refresh
 * token asks for a sign-in and the queue resumes after it; tokens never leave memory and the keychain.
 */
class TestSmartSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void signsInThroughTheBrowserAndShowsWho();
    void trainingSignsInWithoutABrowser();
    void queueWaitsWhileSignedOutAndResumesAfterSignIn();
    void readOnlyGrantKeepsLinesQueued();
    void revokedSignInAsksAgainAndResumes();
    void tokensNeverLeaveMemoryAndKeychain();

private:
    void startServer();
    void startApp(bool signInAtStart, bool training = false);
    QLabel *signedInLabel() const { return m_window->findChild<QLabel *>(QStringLiteral("signedInLabel")); }
    qint64 submitLine(int minute);
    Outbox::LineState stateOf(qint64 id) const { return m_workspace->store()->line(id)->state; }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox::Server> m_server;
    std::unique_ptr<Auth::MemorySecretStore> m_secrets;
    std::unique_ptr<Common::ManualClock> m_clock;
    std::unique_ptr<Ui::AppSettings> m_settings;
    std::unique_ptr<Ui::TokenStore> m_tokens;
    std::unique_ptr<Ui::Workspace> m_workspace;
    std::unique_ptr<Ui::MainWindow> m_window;
};

void TestSmartSignIn::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSmartSignIn::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("SUPERBILL_BROWSER", TestBrowser.toUtf8());
    qputenv("TEST_BROWSER_LOG", m_dir->filePath(QStringLiteral("browser.log")).toUtf8());
    qunsetenv("TEST_BROWSER_UNTICK");
    m_secrets = std::make_unique<Auth::MemorySecretStore>();
    m_clock = std::make_unique<Common::ManualClock>(QDateTime::currentDateTimeUtc());
    startServer();
}

void TestSmartSignIn::cleanup()
{
    m_window.reset();
    m_workspace.reset();
    m_tokens.reset();
    m_settings.reset();
    m_server.reset();
    m_secrets.reset();
    m_dir.reset();
}

void TestSmartSignIn::startServer()
{
    Sandbox::ServerOptions options;
    options.token = QStringLiteral("static-token");
    options.logRequests = true;
    options.logFile = m_dir->filePath(QStringLiteral("ehr.log"));
    m_server = std::make_unique<Sandbox::Server>(options);
    QVERIFY_OK(m_server->start());
}

void TestSmartSignIn::startApp(bool signInAtStart, bool training)
{
    m_settings = std::make_unique<Ui::AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_tokens = std::make_unique<Ui::TokenStore>(Ui::TokenStore::Backend::SessionOnly);
    Ui::Workspace::Options options;
    options.training = training;
    options.connection.mode = training ? Ui::EhrMode::Training : Ui::EhrMode::Ehr;
    options.connection.baseUrl = m_server->baseUrl();
    options.connection.signIn = Ui::SignInMethod::Smart;
    m_settings->setConnection(options.connection);
    options.dataDir = m_dir->path();
    options.outboxPath = m_dir->filePath(QStringLiteral("outbox.sqlite"));
    options.backoff = Outbox::BackoffPolicy{100ms, 400ms, 0.0, 1000ms};
    options.probeIntervalMs = 100;
    options.secrets = m_secrets.get();
    options.browser = Auth::Browser::fromEnvironment({});
    options.signInAtStart = signInAtStart;
    m_workspace = std::make_unique<Ui::Workspace>();
    m_workspace->setClock(m_clock.get());
    QString error;
    QVERIFY2(m_workspace->start(options, {}, &error), qPrintable(error));
    m_window = std::make_unique<Ui::MainWindow>(*m_settings, *m_tokens, *m_workspace);
    m_window->show();
}

qint64 TestSmartSignIn::submitLine(int minute)
{
    Model::ProcedureEntry entry = sampleEntry();
    entry.performedDateTime = entry.performedDateTime.addSecs(60LL * minute);
    const QString error = m_workspace->submit(-1, entry);
    if (!error.isEmpty())
        qWarning("submit: %s", qPrintable(error));
    return m_workspace->store()->lineByIdentifier(entry.clientIdentifier()->value)->id;
}

void TestSmartSignIn::signsInThroughTheBrowserAndShowsWho()
{
    startApp(true);
    QTRY_COMPARE_WITH_TIMEOUT(signedInLabel()->text(),
                              QStringLiteral("Signed in as Jordan Lee (billing clerk)"),
                              SlowMachineTimeoutMs);
    QVERIFY(signedInLabel()->isVisible());
    QVERIFY(signedInLabel()->toolTip().contains(QStringLiteral("user/Procedure.c")));
    // No keychain here: the app says the sign-in lasts for this session only.
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("session only")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("signInAction"))->isEnabled());
    const qint64 id = submitLine(0);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), Outbox::LineState::Sent, SlowMachineTimeoutMs);
    QCOMPARE(m_server->procedureCount(), 1);
    QVERIFY(readAll(m_dir->filePath(QStringLiteral("browser.log"))).contains("app answered 200"));
}

void TestSmartSignIn::trainingSignsInWithoutABrowser()
{
    qputenv("SUPERBILL_BROWSER", "/nonexistent/browser");
    startApp(true, true);
    QTRY_COMPARE_WITH_TIMEOUT(signedInLabel()->text(),
                              QStringLiteral("Signed in as Jordan Lee (billing clerk)"),
                              SlowMachineTimeoutMs);
    QVERIFY(m_workspace->session()->canCreateProcedures());
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("signInAction"))->isEnabled());
    const qint64 id = submitLine(0);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), Outbox::LineState::Sent, SlowMachineTimeoutMs);
    QCOMPARE(m_workspace->trainingServer()->procedureCount(), 1);
    QCOMPARE(m_workspace->trainingServer()->smart().tokensIssued(QStringLiteral("authorization_code")), 1);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("browser.log"))));
}

void TestSmartSignIn::queueWaitsWhileSignedOutAndResumesAfterSignIn()
{
    startApp(false);
    QTRY_COMPARE_WITH_TIMEOUT(signedInLabel()->text(), QStringLiteral("Not signed in"), SlowMachineTimeoutMs);
    const qint64 first = submitLine(0);
    const qint64 second = submitLine(1);
    QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->sendingProblem().isEmpty(), SlowMachineTimeoutMs);
    QCOMPARE(stateOf(first), Outbox::LineState::Pending);
    QCOMPARE(stateOf(second), Outbox::LineState::Pending);
    QCOMPARE(m_server->procedureCount(), 0);

    m_window->findChild<QAction *>(QStringLiteral("signInAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(first), Outbox::LineState::Sent, SlowMachineTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(second), Outbox::LineState::Sent, SlowMachineTimeoutMs);
    QVERIFY(m_workspace->sendingProblem().isEmpty());
    QCOMPARE(m_server->procedureCount(), 2);
}

void TestSmartSignIn::readOnlyGrantKeepsLinesQueued()
{
    qputenv("TEST_BROWSER_UNTICK", "user/Procedure.c");
    startApp(true);
    QTRY_VERIFY_WITH_TIMEOUT(signedInLabel()->text().contains(QStringLiteral("read-only")),
                             SlowMachineTimeoutMs);
    const qint64 id = submitLine(0);
    QTRY_VERIFY_WITH_TIMEOUT(m_workspace->sendingProblem().contains(QStringLiteral("create procedures")),
                             SlowMachineTimeoutMs);
    QTest::qWait(1000);
    QCOMPARE(stateOf(id), Outbox::LineState::Pending);
    QCOMPARE(m_workspace->store()->line(id)->attempts, 0);
    QCOMPARE(m_server->procedureCount(), 0);
    // Reading still works: the patient list comes from the EHR.
    QTRY_VERIFY_WITH_TIMEOUT(m_workspace->isOnline(), SlowMachineTimeoutMs);

    // A new sign-in that grants it sends the waiting line.
    qunsetenv("TEST_BROWSER_UNTICK");
    m_workspace->signIn();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), Outbox::LineState::Sent, SlowMachineTimeoutMs);
}

void TestSmartSignIn::revokedSignInAsksAgainAndResumes()
{
    startApp(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_workspace->session()->isSignedIn(), SlowMachineTimeoutMs);
    // A copy of the refresh token is used elsewhere first: the EHR revokes the whole sign-in when the
    // app's own (now rotated) one comes back.
    const auto stolen = refreshElsewhere(*m_server, *m_secrets, *m_workspace->session());
    QVERIFY(stolen && stolen->ok());

    m_clock->advance(241 * 1000); // the app's token is due for its refresh
    const qint64 id = submitLine(0);
    QTRY_COMPARE_WITH_TIMEOUT(signedInLabel()->text(), QStringLiteral("Not signed in"), SlowMachineTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(QStringLiteral("Sign in")),
                             SlowMachineTimeoutMs);
    QCOMPARE(stateOf(id), Outbox::LineState::Pending);
    QCOMPARE(m_server->procedureCount(), 0);

    m_window->findChild<QAction *>(QStringLiteral("signInAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), Outbox::LineState::Sent, SlowMachineTimeoutMs);
    QCOMPARE(m_server->smart().tokensIssued(QStringLiteral("authorization_code")), 2);
}

void TestSmartSignIn::tokensNeverLeaveMemoryAndKeychain()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.*.debug=false"));
    capturedLog.clear();
    const QtMessageHandler previous = qInstallMessageHandler(capture);
    startApp(true);
    QTRY_VERIFY_WITH_TIMEOUT(m_workspace->session()->isSignedIn(), SlowMachineTimeoutMs);
    const qint64 id = submitLine(0);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), Outbox::LineState::Sent, SlowMachineTimeoutMs);
    std::optional<Common::Result<QString>> access;
    m_workspace->session()->withToken([&access](const Common::Result<QString> &token) { access = token; });
    std::optional<Common::Result<QString>> refresh;
    m_secrets->read(m_workspace->session()->secretKey(),
                    [&refresh](const Common::Result<QString> &value) { refresh = value; });
    m_window.reset();
    m_workspace.reset();
    m_settings->sync();
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(access && access->ok() && refresh && refresh->ok());
    QVERIFY(!capturedLog.isEmpty());
    const QList<QByteArray> secrets{access->value().toUtf8(), refresh->value().toUtf8(),
                                    // the part after "rt+", which a careless encoding would turn into " "
                                    refresh->value().mid(3).toUtf8()};
    const QList<std::pair<QString, QByteArray>> places{
        {QStringLiteral("log"), capturedLog.toUtf8()},
        {QStringLiteral("ps"), readAll(QStringLiteral("/proc/self/cmdline"))},
        {QStringLiteral("browser's log"), readAll(m_dir->filePath(QStringLiteral("browser.log")))},
        {QStringLiteral("EHR's request log"), readAll(m_dir->filePath(QStringLiteral("ehr.log")))},
        {QStringLiteral("app settings"), readAll(m_settings->fileName())},
        {QStringLiteral("ehr.ini"), readAll(Ehr::EhrSettings::configFilePath())},
        {QStringLiteral("outbox"),
         QByteArray(readAll(m_dir->filePath(QStringLiteral("outbox.sqlite"))) +
                    readAll(m_dir->filePath(QStringLiteral("outbox.sqlite-wal"))))}};
    for (const auto &[place, contents] : places) {
        for (const QByteArray &secret : secrets)
            QVERIFY2(!contents.contains(secret), qPrintable(place + QStringLiteral(" holds a token")));
        QVERIFY2(!contents.contains("eyJ"), qPrintable(place + QStringLiteral(" holds a JWT")));
    }
}

QTEST_MAIN(TestSmartSignIn)
#include "tst_smartsignin.moc"
