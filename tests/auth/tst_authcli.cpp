#include <memory>

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include "../common/processrun.h"
#include "../common/sampleentry.h"
#include "../common/sandboxfixture.h"
#include "../common/smartregistrationfacts.h"
#include "auth/jsonwebkeyset.h"
#include "outbox/outboxstore.h"

namespace {

const QString Cli = QStringLiteral(SUPERBILL_CLI_EXECUTABLE);
const QString Client = QStringLiteral("billing-robot");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// The base64 body lines of a PEM file: what would show if the key leaked in any form.
QList<QByteArray> pemBodyLines(const QByteArray &pem)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : pem.split('\n')) {
        if (!line.startsWith("-----") && line.trimmed().size() >= 16)
            lines.append(line.trimmed());
    }
    return lines;
}

} // namespace

/**
 * superbill-cli's SMART Backend Services, run as a program against the training EHR on 127.0.0.1:
 * keygen, auth status, a long queue send that outlives several access tokens, and no token or key
 * in its output, the logs, ps, the outbox or ehr.ini.
 */
class TestAuthCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keygenWritesAPrivateKeyAndPrintsTheJwks_data();
    void keygenWritesAPrivateKeyAndPrintsTheJwks();
    void keygenNeverOverwrites();
    void statusSignsInAndNeverPrintsTheToken();
    void statusReadsEnvironmentAndSharedSettings();
    void refusesConflictingOrIncompleteCredentials_data();
    void refusesConflictingOrIncompleteCredentials();
    void unregisteredClientStopsTheQueue();
    void longQueueSendRenewsTheToken();
    void helpSaysHowToRegister();

private:
    QProcessEnvironment environment() const;
    /// Makes a key with `auth keygen` and starts a training EHR that knows its JWKS.
    void startWithKey(int accessTokenTtl = 300, int latencyMs = 0);
    QStringList signIn() const;
    void enqueue(int lines);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox::Server> m_sandbox;
    QString m_key;
    QString m_db;
    QString m_log;
};

void TestAuthCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_key = m_dir->filePath(QStringLiteral("robot.pem"));
    m_db = m_dir->filePath(QStringLiteral("outbox.sqlite"));
    m_log = m_dir->filePath(QStringLiteral("sandbox.log"));
}

void TestAuthCli::cleanup()
{
    m_sandbox.reset();
    m_dir.reset();
}

QProcessEnvironment TestAuthCli::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"SUPERBILL_TOKEN", "SUPERBILL_EHR_URL", "SUPERBILL_CLIENT_ID", "SUPERBILL_KEY_FILE"})
        env.remove(QLatin1String(name));
    env.insert(QStringLiteral("SUPERBILL_DB"), m_db);
    env.insert(QStringLiteral("SUPERBILL_OUTBOX_BACKOFF_MS"), QStringLiteral("20"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    // Everything the program logs, debug included, so that the secret check sees it all.
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true;qt.*.debug=false"));
    return env;
}

void TestAuthCli::startWithKey(int accessTokenTtl, int latencyMs)
{
    const ProcessRun keygen =
        runProgram(Cli, {QStringLiteral("auth"), QStringLiteral("keygen"), QStringLiteral("--out"), m_key},
                   environment());
    QVERIFY2(keygen.exitCode == 0, qPrintable(keygen.all()));
    const auto keys = Auth::JsonWebKeySet::fromJson(keygen.json().object());
    QVERIFY(keys.ok());
    Sandbox::ServerOptions options;
    options.token = QStringLiteral("static-training-token");
    options.logFile = m_log;
    options.faults.latencyMs = latencyMs;
    options.smart.accessTokenTtlSeconds = accessTokenTtl;
    options.smart.backendClients.append({Client, *keys});
    m_sandbox = startTestSandbox(options);
    QVERIFY(m_sandbox);
}

QStringList TestAuthCli::signIn() const
{
    return {QStringLiteral("--ehr"),       m_sandbox->baseUrl().toString(),
            QStringLiteral("--client-id"), Client,
            QStringLiteral("--key-file"),  m_key};
}

void TestAuthCli::enqueue(int lines)
{
    Outbox::OutboxStore store;
    const Common::Status opened = store.open(m_db);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    const Model::ProcedureEntry base = sampleEntry();
    for (int i = 0; i < lines; ++i) {
        Model::ProcedureEntry entry = sampleEntry();
        entry.performedDateTime = base.performedDateTime.addSecs(60LL * i);
        const Common::Result<qint64> queued = store.enqueue(entry);
        QVERIFY2(queued.ok(), qPrintable(queued.ok() ? QString() : queued.error().message));
    }
}

void TestAuthCli::keygenWritesAPrivateKeyAndPrintsTheJwks_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QString>("kty");
    QTest::newRow("ES384") << QStringLiteral("ES384") << QStringLiteral("EC");
    QTest::newRow("RS384") << QStringLiteral("RS384") << QStringLiteral("RSA");
}

void TestAuthCli::keygenWritesAPrivateKeyAndPrintsTheJwks()
{
    QFETCH(QString, alg);
    QFETCH(QString, kty);
    const ProcessRun run = runProgram(Cli,
                                      {QStringLiteral("auth"), QStringLiteral("keygen"),
                                       QStringLiteral("--out"), m_key, QStringLiteral("--alg"), alg},
                                      environment());
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    QCOMPARE(QFile::permissions(m_key) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QJsonObject jwk = run.json().object().value(QStringLiteral("keys")).toArray().first().toObject();
    QCOMPARE(jwk.value(QStringLiteral("kty")).toString(), kty);
    QCOMPARE(jwk.value(QStringLiteral("alg")).toString(), alg);
    QCOMPARE(jwk.value(QStringLiteral("use")).toString(), QStringLiteral("sig"));
    QVERIFY(!jwk.value(QStringLiteral("kid")).toString().isEmpty());
    QVERIFY(!jwk.contains(QStringLiteral("d")) && !jwk.contains(QStringLiteral("p")));
    const QByteArray pem = readAll(m_key);
    QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
    for (const QByteArray &line : pemBodyLines(pem))
        QVERIFY(!run.all().toUtf8().contains(line));
}

void TestAuthCli::keygenNeverOverwrites()
{
    QFile existing(m_key);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("an old key the EHR still uses\n");
    existing.close();
    const ProcessRun run =
        runProgram(Cli, {QStringLiteral("auth"), QStringLiteral("keygen"), QStringLiteral("--out"), m_key},
                   environment());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("never overwritten")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QCOMPARE(readAll(m_key), QByteArray("an old key the EHR still uses\n"));
    const ProcessRun badAlg = runProgram(Cli,
                                         {QStringLiteral("auth"), QStringLiteral("keygen"),
                                          QStringLiteral("--out"), m_dir->filePath(QStringLiteral("new.pem")),
                                          QStringLiteral("--alg"), QStringLiteral("HS256")},
                                         environment());
    QCOMPARE(badAlg.exitCode, 2);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("new.pem"))));
}

void TestAuthCli::statusSignsInAndNeverPrintsTheToken()
{
    startWithKey();
    const ProcessRun run = runProgram(
        Cli,
        QStringList{QStringLiteral("auth"), QStringLiteral("status"), QStringLiteral("--json")} + signIn(),
        environment());
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    const QJsonObject report = run.json().object();
    QCOMPARE(report.value(QStringLiteral("method")).toString(), QStringLiteral("backend-services"));
    QCOMPARE(report.value(QStringLiteral("signedIn")).toBool(), true);
    QCOMPARE(report.value(QStringLiteral("clientId")).toString(), Client);
    QCOMPARE(report.value(QStringLiteral("grantedScopes")).toString(),
             QStringLiteral("system/Procedure.c system/Patient.rs system/Encounter.rs system/Condition.rs"));
    const QJsonObject discovery = report.value(QStringLiteral("discovery")).toObject();
    QCOMPARE(discovery.value(QStringLiteral("tokenEndpoint")).toString(),
             m_sandbox->smart().tokenEndpoint().toString());
    QCOMPARE(discovery.value(QStringLiteral("authorizationEndpoint")).toString(),
             m_sandbox->smart().authorizationEndpoint().toString());
    const qint64 left = report.value(QStringLiteral("expiresInSeconds")).toInteger();
    QVERIFY2(left > 250 && left <= 300, qPrintable(QString::number(left)));
    // Access tokens and assertions are JWTs, which all start with the base64 of '{"'.
    QVERIFY(!run.all().contains(QStringLiteral("eyJ")));
    QCOMPARE(m_sandbox->smart().tokensIssued(QStringLiteral("client_credentials")), 1);

    const ProcessRun text = runProgram(
        Cli, QStringList{QStringLiteral("auth"), QStringLiteral("status")} + signIn(), environment());
    QCOMPARE(text.exitCode, 0);
    for (const char *label : {"Method:", "Authorization:", "Token:", "Granted scopes:", "Expires:"})
        QVERIFY2(text.out.contains(QLatin1String(label)), qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("SMART Backend Services")));
    QVERIFY(!text.all().contains(QStringLiteral("eyJ")));
}

void TestAuthCli::statusReadsEnvironmentAndSharedSettings()
{
    startWithKey();
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("SUPERBILL_EHR_URL"), m_sandbox->baseUrl().toString());
    env.insert(QStringLiteral("SUPERBILL_CLIENT_ID"), Client);
    env.insert(QStringLiteral("SUPERBILL_KEY_FILE"), m_key);
    const ProcessRun fromEnvironment =
        runProgram(Cli, {QStringLiteral("auth"), QStringLiteral("status"), QStringLiteral("--json")}, env);
    QVERIFY2(fromEnvironment.exitCode == 0, qPrintable(fromEnvironment.all()));

    QDir().mkpath(m_dir->filePath(QStringLiteral("config/superbill-desk")));
    {
        QSettings ini(m_dir->filePath(QStringLiteral("config/superbill-desk/ehr.ini")), QSettings::IniFormat);
        ini.setValue(QStringLiteral("ehr/url"), m_sandbox->baseUrl().toString());
        ini.setValue(QStringLiteral("auth/client_id"), Client);
        ini.setValue(QStringLiteral("auth/key_file"), m_key);
    }
    const ProcessRun fromIni = runProgram(
        Cli, {QStringLiteral("auth"), QStringLiteral("status"), QStringLiteral("--json")}, environment());
    QVERIFY2(fromIni.exitCode == 0, qPrintable(fromIni.all()));
    QCOMPARE(fromIni.json().object().value(QStringLiteral("clientId")).toString(), Client);
    QCOMPARE(m_sandbox->smart().tokensIssued(QStringLiteral("client_credentials")), 2);
}

void TestAuthCli::refusesConflictingOrIncompleteCredentials_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("says");
    const QString url = QStringLiteral("http://127.0.0.1:9/fhir");
    QTest::newRow("token file and client") << QStringList{QStringLiteral("--ehr"),        url,
                                                          QStringLiteral("--token-file"), QStringLiteral("t"),
                                                          QStringLiteral("--client-id"),  Client}
                                           << QStringLiteral("not both");
    QTest::newRow("client without key")
        << QStringList{QStringLiteral("--ehr"), url, QStringLiteral("--client-id"), Client}
        << QStringLiteral("--key-file");
    QTest::newRow("unreadable key") << QStringList{QStringLiteral("--ehr"),
                                                   url,
                                                   QStringLiteral("--client-id"),
                                                   Client,
                                                   QStringLiteral("--key-file"),
                                                   QStringLiteral("/nonexistent/k.pem")}
                                    << QStringLiteral("/nonexistent/k.pem");
}

void TestAuthCli::refusesConflictingOrIncompleteCredentials()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, says);
    for (const QStringList &command : {QStringList{QStringLiteral("auth"), QStringLiteral("status")},
                                       QStringList{QStringLiteral("queue"), QStringLiteral("send")}}) {
        const ProcessRun run = runProgram(Cli, command + arguments, environment());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
    }
    QVERIFY(!QFile::exists(m_db));
}

void TestAuthCli::unregisteredClientStopsTheQueue()
{
    startWithKey();
    enqueue(2);
    QStringList arguments = signIn();
    arguments[3] = QStringLiteral("not-registered");
    const ProcessRun run = runProgram(
        Cli, QStringList{QStringLiteral("queue"), QStringLiteral("send")} + arguments, environment());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("invalid_client")), qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("0 sent, 2 pending")));
    QCOMPARE(m_sandbox->procedureCount(), 0);
}

void TestAuthCli::longQueueSendRenewsTheToken()
{
    // Tokens of 5 s (renewed a second before they expire), answers taking 400 ms, 40 lines 4 at a time:
    // the send takes several token lifetimes.
    startWithKey(5, 400);
    enqueue(40);
    QSettings(m_dir->filePath(QStringLiteral("config/superbill-desk/ehr.ini")), QSettings::IniFormat)
        .setValue(QStringLiteral("auth/key_file"), m_key);

    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(Cli, QStringList{QStringLiteral("queue"), QStringLiteral("send"),
                                   QStringLiteral("--max-time"), QStringLiteral("120")} +
                           signIn());
    QVERIFY(process.waitForStarted(10000));
    // What `ps` shows of the running program: its command line names the key file, never a secret.
    QByteArray commandLines;
    const bool finished = QTest::qWaitFor(
        [&] {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(process.processId()));
            if (cmdline.open(QIODevice::ReadOnly))
                commandLines += cmdline.readAll() + '\n';
            return process.state() == QProcess::NotRunning;
        },
        120000);
    QVERIFY(finished);
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitCode() == 0, qPrintable(out + err));
    QVERIFY(out.contains(QStringLiteral("40 sent, 0 pending")));
    QCOMPARE(m_sandbox->procedureCount(), 40);
    const int tokens = m_sandbox->smart().tokensIssued(QStringLiteral("client_credentials"));
    QVERIFY2(tokens >= 2,
             qPrintable(QStringLiteral("%1 token(s) for a send of several lifetimes").arg(tokens)));
    QVERIFY(commandLines.contains("--key-file"));

    // No token, assertion or key anywhere a person or another program could read it.
    const QList<QByteArray> secrets = QList<QByteArray>{"eyJ", "PRIVATE KEY"} + pemBodyLines(readAll(m_key));
    const QList<std::pair<QString, QByteArray>> places{
        {QStringLiteral("stdout+stderr"), (out + err).toUtf8()},
        {QStringLiteral("ps"), commandLines},
        {QStringLiteral("sandbox log"), readAll(m_log)},
        {QStringLiteral("ehr.ini"),
         readAll(m_dir->filePath(QStringLiteral("config/superbill-desk/ehr.ini")))},
        {QStringLiteral("outbox"), readAll(m_db) + readAll(m_db + QStringLiteral("-wal"))}};
    QVERIFY(!readAll(m_log).isEmpty());
    for (const auto &[place, contents] : places) {
        for (const QByteArray &secret : secrets)
            QVERIFY2(!contents.contains(secret), qPrintable(place + QStringLiteral(" holds a secret")));
    }
}

void TestAuthCli::helpSaysHowToRegister()
{
    const ProcessRun run = runProgram(Cli, {QStringLiteral("auth"), QStringLiteral("--help")}, environment());
    QCOMPARE(run.exitCode, 0);
    const QString help = run.out.simplified();
    for (const char *fact :
         {"keygen", "status", "JWK Set", "--client-id", "--key-file", "SUPERBILL_CLIENT_ID",
          "SUPERBILL_KEY_FILE", "system/Procedure.c", "refresh token"})
        QVERIFY2(help.contains(QLatin1String(fact)), fact);
    // The same as the desktop app's Settings dialog says (tst_settingsdialog).
    for (const QString &fact : smartRegistrationFacts())
        QVERIFY2(help.contains(fact), qPrintable(fact));
    const ProcessRun submit =
        runProgram(Cli, {QStringLiteral("submit"), QStringLiteral("--help")}, environment());
    for (const char *option : {"--client-id", "--key-file", "--scope", "--token-file"})
        QVERIFY2(submit.out.contains(QLatin1String(option)), option);
}

QTEST_GUILESS_MAIN(TestAuthCli)
#include "tst_authcli.moc"
