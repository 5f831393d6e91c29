#include <csignal>

#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>

#include "../common/processrun.h"
#include "sandboxtestclient.h"

namespace {

const QString Executable = QStringLiteral(SUPERBILL_SANDBOX_EXECUTABLE);

/// Reads one line of standard output, waiting at most timeoutMs.
QString readLine(QProcess &process, int timeoutMs = 10000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!process.canReadLine() && !deadline.hasExpired()) {
        if (!process.waitForReadyRead(static_cast<int>(std::max<qint64>(1, deadline.remainingTime()))))
            break;
    }
    return process.canReadLine() ? QString::fromUtf8(process.readLine()).trimmed() : QString();
}

using Run = ProcessRun;

Run runToEnd(const QStringList &arguments)
{
    return runProgram(Executable, arguments, QProcessEnvironment::systemEnvironment(), {}, 10000);
}

QUrl listeningUrl(const QString &line)
{
    static const QRegularExpression pattern(
        QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+/mps/fhir/R4/V1)$"));
    const auto match = pattern.match(line);
    return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
}

bool stopWith(QProcess &process, int signalNumber)
{
    ::kill(static_cast<pid_t>(process.processId()), signalNumber);
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(5000);
        return false;
    }
    return true;
}

} // namespace

class TestSandboxProcess : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void servesAndStopsCleanly_data();
    void servesAndStopsCleanly();
    void capsConnectionsAsAsked();
    void generatesTokenFileWhenNoneGiven();
    void readsTokenFile();
    void refusesTokenOnCommandLine();
    void rejectsBadOptions_data();
    void rejectsBadOptions();
    void helpDocumentsEveryOption();
    void printsVersion();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
};

void TestSandboxProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SUPERBILL_SANDBOX_TOKEN"), QStringLiteral("process-token"));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir->path());
    m_process.setProcessEnvironment(environment);
}

void TestSandboxProcess::cleanup()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

void TestSandboxProcess::servesAndStopsCleanly_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << SIGTERM;
    QTest::newRow("SIGINT") << SIGINT;
}

void TestSandboxProcess::servesAndStopsCleanly()
{
    QFETCH(int, signalNumber);
    m_process.start(Executable, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--log"),
                                 m_dir->filePath(QStringLiteral("requests.log"))});
    QVERIFY(m_process.waitForStarted(10000));
    const QString first = readLine(m_process);
    const QUrl base = listeningUrl(first);
    QVERIFY2(base.isValid(), qPrintable(first));

    SandboxTestClient client(base, QStringLiteral("process-token"));
    QCOMPARE(client.get(QStringLiteral("metadata")).status, 200);
    const SandboxReply created = client.post(QStringLiteral("Procedure"), vendorExample());
    QCOMPARE(created.status, 201);
    QVERIFY(created.header("Location").startsWith(base.toString().toUtf8()));

    QVERIFY(stopWith(m_process, signalNumber));
    QCOMPARE(m_process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process.exitCode(), 0);
    QFile log(m_dir->filePath(QStringLiteral("requests.log")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QCOMPARE(log.readAll().count('\n'), 2);
    QCOMPARE(log.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestSandboxProcess::capsConnectionsAsAsked()
{
    m_process.start(Executable,
                    {QStringLiteral("--quiet"), QStringLiteral("--max-connections"), QStringLiteral("1")});
    QVERIFY(m_process.waitForStarted(10000));
    const QUrl base = listeningUrl(readLine(m_process));
    QVERIFY(base.isValid());
    QTcpSocket occupant;
    occupant.connectToHost(QHostAddress::LocalHost, quint16(base.port()));
    QVERIFY(occupant.waitForConnected(5000));
    SandboxTestClient client(base, QStringLiteral("process-token"));
    QVERIFY(client.get(QStringLiteral("metadata"), 1500).timedOut);
    occupant.abort();
    QCOMPARE(client.get(QStringLiteral("metadata")).status, 200);
    QVERIFY(stopWith(m_process, SIGTERM));
}

void TestSandboxProcess::generatesTokenFileWhenNoneGiven()
{
    QProcessEnvironment environment = m_process.processEnvironment();
    environment.remove(QStringLiteral("SUPERBILL_SANDBOX_TOKEN"));
    m_process.setProcessEnvironment(environment);
    m_process.start(Executable, {QStringLiteral("--quiet")});
    QVERIFY(m_process.waitForStarted(10000));
    const QUrl base = listeningUrl(readLine(m_process));
    QVERIFY(base.isValid());
    const QString second = readLine(m_process);
    QVERIFY2(second.startsWith(QStringLiteral("token file ")), qPrintable(second));
    const QString path = second.mid(QStringLiteral("token file ").size());
    QVERIFY(path.startsWith(m_dir->path()));
    QFile file(path);
    QCOMPARE(file.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString token = QString::fromUtf8(file.readAll()).trimmed();
    QVERIFY(token.size() >= 32);

    SandboxTestClient client(base, token);
    QCOMPARE(client.get(QStringLiteral("Patient/Patient-265")).status, 200);
    QVERIFY(stopWith(m_process, SIGTERM));
    QCOMPARE(m_process.exitCode(), 0);
    const QByteArray everything = m_process.readAll() + m_process.readAllStandardError();
    QVERIFY(!everything.contains(token.toUtf8()));
    QVERIFY2(!QFile::exists(path), "the generated token file is removed on a clean exit");
}

void TestSandboxProcess::readsTokenFile()
{
    const QString path = m_dir->filePath(QStringLiteral("token"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("from-a-file\n");
    file.close();
    m_process.start(Executable, {QStringLiteral("--quiet"), QStringLiteral("--token-file"), path});
    QVERIFY(m_process.waitForStarted(10000));
    const QUrl base = listeningUrl(readLine(m_process));
    QVERIFY(base.isValid());
    QCOMPARE(SandboxTestClient(base, QStringLiteral("from-a-file")).get(QStringLiteral("Patient")).status,
             200);
    // The file wins over the environment.
    QCOMPARE(SandboxTestClient(base, QStringLiteral("process-token")).get(QStringLiteral("Patient")).status,
             401);
    QVERIFY(stopWith(m_process, SIGTERM));
    QCOMPARE(m_process.exitCode(), 0);
}

void TestSandboxProcess::refusesTokenOnCommandLine()
{
    const Run run = runToEnd({QStringLiteral("--token"), QStringLiteral("secret")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(QStringLiteral("--token-file")), qPrintable(run.err));
    QVERIFY(!run.err.contains(QStringLiteral("secret")));
}

void TestSandboxProcess::rejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("rate over 1") << QStringList{QStringLiteral("--fail-rate"), QStringLiteral("2")}
                                 << QStringLiteral("--fail-rate");
    QTest::newRow("rates add up over 1") << QStringList{QStringLiteral("--drop-rate"), QStringLiteral("0.6"),
                                                        QStringLiteral("--hang-rate"), QStringLiteral("0.6")}
                                         << QStringLiteral("add up");
    QTest::newRow("port out of range")
        << QStringList{QStringLiteral("--port"), QStringLiteral("70000")} << QStringLiteral("--port");
    QTest::newRow("host not an address")
        << QStringList{QStringLiteral("--host"), QStringLiteral("not an address")}
        << QStringLiteral("--host");
    QTest::newRow("missing token file")
        << QStringList{QStringLiteral("--token-file"), QStringLiteral("/nonexistent/t")}
        << QStringLiteral("/nonexistent/t");
    // QCommandLineParser::process() would exit with 1, which here means "could not start".
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus")} << QStringLiteral("bogus");
    QTest::newRow("option without its value")
        << QStringList{QStringLiteral("--port")} << QStringLiteral("port");
    QTest::newRow("latency over the admin limit")
        << QStringList{QStringLiteral("--latency-ms"), QStringLiteral("99999999")}
        << QStringLiteral("--latency-ms");
    QTest::newRow("no connections") << QStringList{QStringLiteral("--max-connections"), QStringLiteral("0")}
                                    << QStringLiteral("--max-connections");
    QTest::newRow("connections not a number")
        << QStringList{QStringLiteral("--max-connections"), QStringLiteral("many")}
        << QStringLiteral("--max-connections");
    QTest::newRow("bad seed") << QStringList{QStringLiteral("--seed"), QStringLiteral("-4")}
                              << QStringLiteral("--seed");
    QTest::newRow("zero token lifetime")
        << QStringList{QStringLiteral("--access-token-ttl"), QStringLiteral("0")}
        << QStringLiteral("--access-token-ttl");
    QTest::newRow("client keys without a client")
        << QStringList{QStringLiteral("--client-jwks"), QStringLiteral("/nonexistent/keys.json")}
        << QStringLiteral("--client");
    QTest::newRow("unreadable client keys")
        << QStringList{QStringLiteral("--client"), QStringLiteral("backend"), QStringLiteral("--client-jwks"),
                       QStringLiteral("/nonexistent/keys.json")}
        << QStringLiteral("/nonexistent/keys.json");
}

void TestSandboxProcess::rejectsBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const Run run = runToEnd(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
}

void TestSandboxProcess::helpDocumentsEveryOption()
{
    const Run run = runToEnd({QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    for (const auto &option : {QStringLiteral("--host"),
                               QStringLiteral("--port"),
                               QStringLiteral("--base-path"),
                               QStringLiteral("--token-file"),
                               QStringLiteral("--data"),
                               QStringLiteral("--demo-data"),
                               QStringLiteral("--fail-rate"),
                               QStringLiteral("--drop-rate"),
                               QStringLiteral("--hang-rate"),
                               QStringLiteral("--latency-ms"),
                               QStringLiteral("--seed"),
                               QStringLiteral("--log"),
                               QStringLiteral("--quiet"),
                               QStringLiteral("--max-connections"),
                               QStringLiteral("--version"),
                               QStringLiteral("SUPERBILL_SANDBOX_TOKEN"),
                               QStringLiteral("$sandbox-faults"),
                               QStringLiteral("$sandbox-reset"),
                               QStringLiteral("--access-token-ttl"),
                               QStringLiteral("--client"),
                               QStringLiteral("--client-jwks")})
        QVERIFY2(run.out.contains(option), qPrintable(option));
    QVERIFY(!run.out.contains(QStringLiteral("--token ")));
}

void TestSandboxProcess::printsVersion()
{
    const Run run = runToEnd({QStringLiteral("--version")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral(SUPERBILL_VERSION)), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "tst_sandboxprocess.moc"
