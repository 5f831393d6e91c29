#include <memory>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "../common/damagedtable.h"
#include "../common/sampleentry.h"
#include "clirunner.h"
#include "fhir/procedurewriter.h"
#include "outbox/outboxstore.h"
#include "sandboxfixture.h"

class TestOutboxCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void submitSendsValidFile();
    void submitRefusesInvalidFile();
    void submitNoSendOnlyQueues();
    void resubmittingSameIdentifierIsOneLine();
    void tokenOnCommandLineIsRefused();
    void usage_data();
    void usage();
    void plainHttpToRemoteEhrIsRefused();
    void refusedTokenLeavesLineQueued();
    void queueSendExitsZeroOnlyWhenAllSent();
    void retryAndDiscardNeedAKnownLine_data();
    void retryAndDiscardNeedAKnownLine();
    void readOnlyOutboxIsSentOnceWritable();
    void damagedOutboxIsAnErrorNotAnEmptyList_data();
    void damagedOutboxIsAnErrorNotAnEmptyList();
    void submitOnFullDiskSaysSo();
    void listNarrowsToAnEncounter();

private:
    /// Queues `count` lines (distinct times, so the EHR takes each as its own) with submit --no-send.
    void queueLines(int count);
    QString writeEntry(const QString &name, const Model::ProcedureEntry &entry);
    QStringList sending(const QStringList &arguments) const;
    QProcessEnvironment environment() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox::Server> m_sandbox;
    QString m_db;
    QString m_tokenFile;
};

void TestOutboxCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sandbox = startSandbox();
    QVERIFY(m_sandbox);
    m_db = m_dir->filePath(QStringLiteral("outbox.sqlite"));
    m_tokenFile = m_dir->filePath(QStringLiteral("token"));
    QFile token(m_tokenFile);
    QVERIFY(token.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    token.write(QByteArray(SandboxToken) + '\n');
}

void TestOutboxCli::cleanup()
{
    m_sandbox.reset();
    m_dir.reset();
}

QProcessEnvironment TestOutboxCli::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SUPERBILL_TOKEN"));
    env.remove(QStringLiteral("SUPERBILL_EHR_URL"));
    env.insert(QStringLiteral("SUPERBILL_DB"), m_db);
    env.insert(QStringLiteral("SUPERBILL_OUTBOX_BACKOFF_MS"), QStringLiteral("20"));
    // Keep the user's shared settings file out of the test.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    return env;
}

QStringList TestOutboxCli::sending(const QStringList &arguments) const
{
    return arguments + QStringList{QStringLiteral("--ehr"), m_sandbox->baseUrl().toString(),
                                   QStringLiteral("--token-file"), m_tokenFile};
}

QString TestOutboxCli::writeEntry(const QString &name, const Model::ProcedureEntry &entry)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(Fhir::ProcedureWriter().toBytes(entry).valueOr({}));
    return path;
}

void TestOutboxCli::submitSendsValidFile()
{
    auto entry = sampleEntry();
    entry.identifiers.clear(); // the CLI fills one
    const QString file = writeEntry(QStringLiteral("line.json"), entry);
    const CliRun run =
        runCli(sending({QStringLiteral("submit"), QStringLiteral("--json"), file}), environment());
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    const QJsonObject item = run.json().array().first().toObject();
    QCOMPARE(item.value(QStringLiteral("valid")).toBool(), true);
    const QJsonObject line = item.value(QStringLiteral("line")).toObject();
    QCOMPARE(line.value(QStringLiteral("state")).toString(), QStringLiteral("sent"));
    QVERIFY(line.value(QStringLiteral("identifier")).toString().startsWith(QStringLiteral("urn:uuid:")));
    QVERIFY(!line.value(QStringLiteral("ehrId")).toString().isEmpty());
    QCOMPARE(m_sandbox->procedureCount(), 1);
}

void TestOutboxCli::submitRefusesInvalidFile()
{
    auto entry = sampleEntry();
    entry.code.code = QStringLiteral("D0120"); // dental
    const QString file = writeEntry(QStringLiteral("dental.json"), entry);
    const CliRun run = runCli(sending({QStringLiteral("submit"), file}), environment());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.all().contains(QStringLiteral("500034")) || run.all().contains(QStringLiteral("PRO001")),
             qPrintable(run.all()));
    QVERIFY(run.all().contains(QStringLiteral("invalid, not queued")));
    const CliRun list =
        runCli({QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--json")}, environment());
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.json().array().size(), 0);
    QCOMPARE(m_sandbox->procedureCount(), 0);
}

void TestOutboxCli::submitNoSendOnlyQueues()
{
    const QString file = writeEntry(QStringLiteral("line.json"), sampleEntry());
    const CliRun run = runCli({QStringLiteral("submit"), QStringLiteral("--no-send"), file}, environment());
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    QVERIFY(run.all().contains(QStringLiteral("queued as line 1")));
    QCOMPARE(m_sandbox->procedureCount(), 0);
    Outbox::OutboxStore store;
    QVERIFY(store.open(m_db));
    QCOMPARE(store.counts()->pending, 1);
}

void TestOutboxCli::resubmittingSameIdentifierIsOneLine()
{
    const QString file = writeEntry(QStringLiteral("line.json"), sampleEntry()); // carries its identifier
    QCOMPARE(runCli({QStringLiteral("submit"), QStringLiteral("--no-send"), file}, environment()).exitCode,
             0);
    const CliRun run = runCli(sending({QStringLiteral("submit"), file}), environment());
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    QVERIFY(run.all().contains(QStringLiteral("(line 1)")));
    QCOMPARE(m_sandbox->procedureCount(), 1);
}

void TestOutboxCli::tokenOnCommandLineIsRefused()
{
    const QString file = writeEntry(QStringLiteral("line.json"), sampleEntry());
    const CliRun run = runCli(
        {QStringLiteral("submit"), QStringLiteral("--token"), QStringLiteral("secret"), file}, environment());
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.all().contains(QStringLiteral("never given on the command line")));
    QVERIFY(!QFile::exists(m_db));
}

void TestOutboxCli::usage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("submit unknown flag") << QStringList{QStringLiteral("submit"), QStringLiteral("--bogus")}
                                         << 2 << QStringLiteral("submit: Unknown option 'bogus'");
    QTest::newRow("queue unknown flag")
        << QStringList{QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--bogus")} << 2
        << QStringLiteral("superbill-cli queue --help");
    QTest::newRow("token=value") << QStringList{QStringLiteral("queue"), QStringLiteral("send"),
                                                QStringLiteral("--token=secret")}
                                 << 2 << QStringLiteral("never given on the command line");
    QTest::newRow("token without value") << QStringList{QStringLiteral("submit"), QStringLiteral("--token")}
                                         << 2 << QStringLiteral("Missing value");
    QTest::newRow("submit help") << QStringList{QStringLiteral("submit"), QStringLiteral("--help")} << 0
                                 << QStringLiteral("Usage: superbill-cli submit");
    QTest::newRow("queue help") << QStringList{QStringLiteral("queue"), QStringLiteral("--help")} << 0
                                << QStringLiteral("Usage: superbill-cli queue");
    QTest::newRow("bad max-time") << QStringList{QStringLiteral("queue"), QStringLiteral("send"),
                                                 QStringLiteral("--max-time"), QStringLiteral("soon")}
                                  << 2 << QStringLiteral("--max-time");
    QTest::newRow("bad dialect") << QStringList{QStringLiteral("submit"), QStringLiteral("--dialect"),
                                                QStringLiteral("r5"), QStringLiteral("x.json")}
                                 << 2 << QStringLiteral("--dialect must be one of");
}

void TestOutboxCli::usage()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const CliRun run = runCli(arguments, environment());
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.all().contains(says), qPrintable(run.all()));
    QVERIFY(!run.all().contains(QStringLiteral("secret")));
    QVERIFY(!QFile::exists(m_db)); // a usage error touches no outbox
}

void TestOutboxCli::plainHttpToRemoteEhrIsRefused()
{
    const CliRun run = runCli({QStringLiteral("queue"), QStringLiteral("send"), QStringLiteral("--ehr"),
                               QStringLiteral("http://example.org/fhir")},
                              environment());
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.all().contains(QStringLiteral("must use https://")), qPrintable(run.all()));
}

void TestOutboxCli::refusedTokenLeavesLineQueued()
{
    const QString file = writeEntry(QStringLiteral("line.json"), sampleEntry());
    QProcessEnvironment env = environment();
    env.insert(QStringLiteral("SUPERBILL_TOKEN"), QStringLiteral("wrong"));
    const CliRun run = runCli(
        {QStringLiteral("submit"), QStringLiteral("--ehr"), m_sandbox->baseUrl().toString(), file}, env);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.all().contains(QStringLiteral("401")), qPrintable(run.all()));
    QVERIFY(!run.all().contains(QStringLiteral("wrong"))); // the token is never printed
    Outbox::OutboxStore store;
    QVERIFY(store.open(m_db));
    const auto line = store.lines()->value(0);
    QCOMPARE(line.state, Outbox::LineState::Pending);
    QCOMPARE(line.attempts, 0);
}

void TestOutboxCli::queueSendExitsZeroOnlyWhenAllSent()
{
    auto good = sampleEntry();
    auto signedOff = sampleEntry();
    signedOff.encounter = Model::Reference::to(QStringLiteral("Encounter"), QStringLiteral("Encounter-806"));
    signedOff.reasonReferences.clear();
    for (const auto &[name, entry] :
         {std::pair{QStringLiteral("a.json"), good}, std::pair{QStringLiteral("b.json"), signedOff}}) {
        // Queued without local knowledge of the encounter, so only the EHR can refuse it.
        const CliRun queued = runCli(
            {QStringLiteral("submit"), QStringLiteral("--no-send"), writeEntry(name, entry)}, environment());
        QVERIFY2(queued.exitCode == 0, qPrintable(queued.all()));
    }
    CliRun run = runCli(sending({QStringLiteral("queue"), QStringLiteral("send")}), environment());
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.all().contains(QStringLiteral("1 sent")), qPrintable(run.all()));
    QVERIFY(run.all().contains(QStringLiteral("1 needs correction")));

    const CliRun discard = runCli({QStringLiteral("queue"), QStringLiteral("discard"), QStringLiteral("2"),
                                   QStringLiteral("--reason"), QStringLiteral("wrong encounter")},
                                  environment());
    QVERIFY2(discard.exitCode == 0, qPrintable(discard.all()));
    run = runCli(sending({QStringLiteral("queue"), QStringLiteral("send")}), environment());
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    const CliRun show = runCli(
        {QStringLiteral("queue"), QStringLiteral("show"), QStringLiteral("2"), QStringLiteral("--json")},
        environment());
    const QJsonArray audit = show.json().object().value(QStringLiteral("audit")).toArray();
    QCOMPARE(audit.last().toObject().value(QStringLiteral("event")).toString(), QStringLiteral("discarded"));
    QCOMPARE(audit.last().toObject().value(QStringLiteral("detail")).toString(),
             QStringLiteral("wrong encounter"));
    QCOMPARE(m_sandbox->procedureCount(), 1);
}

void TestOutboxCli::retryAndDiscardNeedAKnownLine_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("retry unknown") << QStringList{QStringLiteral("queue"), QStringLiteral("retry"),
                                                  QStringLiteral("9")}
                                   << 1;
    QTest::newRow("discard unknown") << QStringList{QStringLiteral("queue"), QStringLiteral("discard"),
                                                    QStringLiteral("9")}
                                     << 1;
    QTest::newRow("retry no id") << QStringList{QStringLiteral("queue"), QStringLiteral("retry")} << 2;
    QTest::newRow("retry bad id") << QStringList{QStringLiteral("queue"), QStringLiteral("retry"),
                                                 QStringLiteral("x")}
                                  << 2;
    QTest::newRow("unknown action") << QStringList{QStringLiteral("queue"), QStringLiteral("flush")} << 2;
    QTest::newRow("bad state") << QStringList{QStringLiteral("queue"), QStringLiteral("list"),
                                              QStringLiteral("--state"), QStringLiteral("lost")}
                               << 2;
}

void TestOutboxCli::retryAndDiscardNeedAKnownLine()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const CliRun run = runCli(arguments, environment());
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(!run.err.isEmpty());
}

void TestOutboxCli::queueLines(int count)
{
    for (int i = 0; i < count; ++i) {
        auto entry = sampleEntry();
        entry.performedDateTime = entry.performedDateTime.addSecs(600LL * i);
        const CliRun queued = runCli({QStringLiteral("submit"), QStringLiteral("--no-send"),
                                      writeEntry(QStringLiteral("line-%1.json").arg(i), entry)},
                                     environment());
        QVERIFY2(queued.exitCode == 0, qPrintable(queued.all()));
    }
}

void TestOutboxCli::readOnlyOutboxIsSentOnceWritable()
{
    queueLines(2);
    QVERIFY(QFile::setPermissions(m_db, QFileDevice::ReadOwner));

    const auto refused =
        runCliBoundByPermissions(sending({QStringLiteral("queue"), QStringLiteral("send")}), environment());
    if (!refused)
        QSKIP("user namespaces are switched off, and root writes a read-only file anyway");
    QCOMPARE(refused->exitCode, 1);
    // A connection opened while the file is read-only leaves its side files read-only too: all three named.
    for (const QString &file :
         {m_db, QString(m_db + QStringLiteral("-wal")), QString(m_db + QStringLiteral("-shm"))})
        QVERIFY2(refused->err.contains(file), qPrintable(refused->all()));
    QVERIFY2(refused->err.contains(QStringLiteral("read-only")), qPrintable(refused->all()));
    QCOMPARE(m_sandbox->procedureCount(), 0);
    QVERIFY(!(QFile::permissions(m_db + QStringLiteral("-shm")) & QFileDevice::WriteOwner));

    // Nothing queued was lost, and the outbox still lists it.
    const auto listed = runCliBoundByPermissions(
        {QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--json")}, environment());
    QVERIFY2(listed->exitCode == 0, qPrintable(listed->all()));
    const QJsonArray lines = listed->json().array();
    QCOMPARE(lines.size(), 2);
    for (const auto &line : lines)
        QCOMPARE(line.toObject().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));

    // The fix a person makes: chmod 600 on the outbox; its side files follow.
    QVERIFY(QFile::setPermissions(m_db, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const auto sent =
        runCliBoundByPermissions(sending({QStringLiteral("queue"), QStringLiteral("send")}), environment());
    QVERIFY2(sent->exitCode == 0, qPrintable(sent->all()));
    QVERIFY2(sent->out.contains(QStringLiteral("2 sent")), qPrintable(sent->all()));
    QCOMPARE(m_sandbox->procedureCount(), 2);
}

void TestOutboxCli::damagedOutboxIsAnErrorNotAnEmptyList_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("list") << QStringList{QStringLiteral("queue"), QStringLiteral("list")};
    QTest::newRow("list --json") << QStringList{QStringLiteral("queue"), QStringLiteral("list"),
                                                QStringLiteral("--json")};
    QTest::newRow("list --state") << QStringList{QStringLiteral("queue"), QStringLiteral("list"),
                                                 QStringLiteral("--state"), QStringLiteral("pending")};
    QTest::newRow("show") << QStringList{QStringLiteral("queue"), QStringLiteral("show"),
                                         QStringLiteral("1")};
    QTest::newRow("show --json") << QStringList{QStringLiteral("queue"), QStringLiteral("show"),
                                                QStringLiteral("1"), QStringLiteral("--json")};
}

void TestOutboxCli::damagedOutboxIsAnErrorNotAnEmptyList()
{
    QFETCH(QStringList, arguments);
    queueLines(4);
    // The rows are lost, the schema and the index the counts come from are not: "4 pending" still reads.
    QVERIFY(damageTable(m_db, QStringLiteral("lines")));
    const CliRun run = runCli(arguments, environment());
    QCOMPARE(run.exitCode, 2); // an unusable outbox, as the help says
    QVERIFY2(run.err.contains(QStringLiteral("is damaged")), qPrintable(run.all()));
    QVERIFY2(run.err.contains(m_db), qPrintable(run.all()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.out)); // no empty list, no "[]"
}

void TestOutboxCli::submitOnFullDiskSaysSo()
{
    QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("disk")));
    QProcessEnvironment env = environment();
    auto later = sampleEntry();
    later.performedDateTime = later.performedDateTime.addSecs(3600);
    env.insert(QStringLiteral("FIRST"), writeEntry(QStringLiteral("first.json"), sampleEntry()));
    env.insert(QStringLiteral("SECOND"), writeEntry(QStringLiteral("second.json"), later));
    // Queue one line, fill the disk to the last byte, queue another; then free the disk and list.
    const auto run =
        runOnSmallDisk(m_dir->filePath(QStringLiteral("disk")), 512,
                       QStringLiteral("export SUPERBILL_DB=\"$DISK/outbox.sqlite\"; "
                                      "\"$CLI\" submit --no-send \"$FIRST\" >/dev/null || exit 98; "
                                      "cat /dev/zero > \"$DISK/filler\" 2>/dev/null; "
                                      "\"$CLI\" submit --no-send \"$SECOND\" 2>&1; echo \"submit exit $?\"; "
                                      "rm \"$DISK/filler\"; echo '--- list'; \"$CLI\" queue list --json"),
                       env);
    if (!run || run->exitCode == 99)
        QSKIP("user namespaces, or tmpfs mounts in them, are switched off: no small disk to fill");
    QVERIFY2(run->exitCode == 0, qPrintable(run->all()));
    const QString outbox = m_dir->filePath(QStringLiteral("disk/outbox.sqlite"));
    QVERIFY2(run->out.contains(QStringLiteral("the disk holding %1 is full").arg(outbox)),
             qPrintable(run->all()));
    QVERIFY2(!run->out.contains(QStringLiteral("disk I/O error")), qPrintable(run->all()));
    QVERIFY2(!run->out.contains(QStringLiteral("submit exit 0")), qPrintable(run->all()));
    // What was queued before the disk filled up is still there.
    const QJsonArray lines =
        QJsonDocument::fromJson(run->out.section(QStringLiteral("--- list"), 1).toUtf8()).array();
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().toObject().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
}

void TestOutboxCli::listNarrowsToAnEncounter()
{
    queueLines(2);
    auto other = sampleEntry();
    other.encounter = Model::Reference::to(QStringLiteral("Encounter"), QStringLiteral("Encounter-900"));
    QCOMPARE(runCli({QStringLiteral("submit"), QStringLiteral("--no-send"),
                     writeEntry(QStringLiteral("o.json"), other)},
                    environment())
                 .exitCode,
             0);
    const CliRun run = runCli({QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--encounter"),
                               QStringLiteral("Encounter-900"), QStringLiteral("--json")},
                              environment());
    QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
    const QJsonArray lines = run.json().array();
    QCOMPARE(lines.size(), 1);
    const QJsonObject line = lines.first().toObject();
    QCOMPARE(line.value(QStringLiteral("encounter")).toString(), QStringLiteral("Encounter-900"));
    QCOMPARE(line.value(QStringLiteral("display")).toString(),
             QStringLiteral("Arthrocentesis, aspiration and/or injection, major joint or bursa"));
    QCOMPARE(line.value(QStringLiteral("performedStart")).toString(),
             QStringLiteral("2026-03-14T10:00:00-05:00"));
}

QTEST_GUILESS_MAIN(TestOutboxCli)
#include "tst_outboxcli.moc"
