#include <memory>

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "../common/sampleentry.h"
#include "ehr/ehrclient.h"
#include "outbox/outboxstore.h"

namespace {

constexpr int Lines = 500;
constexpr int MaxRounds = 60;
constexpr qint64 MaxTotalMs = 50000;
constexpr quint32 Seed = 20260314;

} // namespace

/**
 * Every line reaches the EHR exactly once although the EHR fails 30 % of
 * requests, loses 10 % of its answers after storing, and the sending process
 * is killed with SIGKILL at random (seeded) moments and restarted.
 */
class TestChaos : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyLineSentExactlyOnceDespiteKills();

private:
    bool startSandbox(QString *error);
    QProcessEnvironment cliEnvironment() const;

    QTemporaryDir m_dir;
    QProcess m_sandbox;
    QUrl m_baseUrl;
    QString m_tokenFile;
    QString m_db;
};

void TestChaos::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_tokenFile = m_dir.filePath(QStringLiteral("token"));
    m_db = m_dir.filePath(QStringLiteral("outbox.sqlite"));
    QFile token(m_tokenFile);
    QVERIFY(token.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    token.write("chaos-token\n");
    token.close();
    QString error;
    QVERIFY2(startSandbox(&error), qPrintable(error));
}

void TestChaos::cleanupTestCase()
{
    if (m_sandbox.state() != QProcess::NotRunning) {
        m_sandbox.terminate();
        if (!m_sandbox.waitForFinished(5000))
            m_sandbox.kill();
        m_sandbox.waitForFinished(5000);
    }
}

bool TestChaos::startSandbox(QString *error)
{
    m_sandbox.setProgram(QStringLiteral(SUPERBILL_SANDBOX_EXECUTABLE));
    m_sandbox.setArguments({QStringLiteral("--token-file"), m_tokenFile, QStringLiteral("--data"),
                            m_dir.filePath(QStringLiteral("ehr.sqlite")), QStringLiteral("--fail-rate"),
                            QStringLiteral("0.3"), QStringLiteral("--drop-rate"), QStringLiteral("0.1"),
                            QStringLiteral("--seed"), QString::number(Seed), QStringLiteral("--quiet")});
    m_sandbox.setProcessChannelMode(QProcess::SeparateChannels);
    m_sandbox.start();
    if (!m_sandbox.waitForStarted(10000)) {
        *error = m_sandbox.errorString();
        return false;
    }
    if (!QTest::qWaitFor([this] { return m_sandbox.canReadLine(); }, 10000)) {
        *error = QStringLiteral("superbill-sandbox printed no address: ") +
                 QString::fromUtf8(m_sandbox.readAllStandardError());
        return false;
    }
    const QString first = QString::fromUtf8(m_sandbox.readLine()).trimmed();
    const QString prefix = QStringLiteral("listening on ");
    if (!first.startsWith(prefix)) {
        *error = QStringLiteral("unexpected first line: ") + first;
        return false;
    }
    m_baseUrl = QUrl(first.mid(prefix.size()));
    return m_baseUrl.isValid();
}

QProcessEnvironment TestChaos::cliEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("SUPERBILL_TOKEN"));
    env.insert(QStringLiteral("SUPERBILL_OUTBOX_BACKOFF_MS"), QStringLiteral("20"));
    env.insert(QStringLiteral("SUPERBILL_OUTBOX_BACKOFF_CAP_MS"), QStringLiteral("400"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    return env;
}

void TestChaos::everyLineSentExactlyOnceDespiteKills()
{
    QStringList identifiers;
    {
        Outbox::OutboxStore store;
        QVERIFY(store.open(m_db));
        const auto base = sampleEntry();
        for (int i = 0; i < Lines; ++i) {
            auto entry = base;
            entry.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
            // Distinct times: the EHR takes the same patient, encounter, code and time as one procedure.
            entry.performedDateTime = base.performedDateTime.addSecs(60LL * i);
            entry.recordedDate = {};
            const auto queued = store.enqueue(entry);
            QVERIFY2(queued, qPrintable(queued ? QString() : queued.error().message));
            identifiers.append(entry.clientIdentifier()->value);
        }
    }

    QRandomGenerator random(Seed);
    QElapsedTimer total;
    total.start();
    int kills = 0;
    int finalExit = -1;
    for (int round = 0; round < MaxRounds && finalExit != 0; ++round) {
        QProcess cli;
        cli.setProcessEnvironment(cliEnvironment());
        cli.start(QStringLiteral(SUPERBILL_CLI_EXECUTABLE),
                  {QStringLiteral("queue"), QStringLiteral("send"), QStringLiteral("--db"), m_db,
                   QStringLiteral("--ehr"), m_baseUrl.toString(), QStringLiteral("--token-file"), m_tokenFile,
                   QStringLiteral("--max-time"), QStringLiteral("30")});
        QVERIFY(cli.waitForStarted(10000));
        const bool lastChance = round == MaxRounds - 1 || total.elapsed() > MaxTotalMs - 30000;
        const int killAfterMs = 50 + int(random.bounded(600));
        if (!lastChance && !cli.waitForFinished(killAfterMs)) {
            cli.kill(); // SIGKILL: no cleanup, lines may be left `sending`
            QVERIFY(cli.waitForFinished(5000));
            ++kills;
            continue;
        }
        if (cli.state() != QProcess::NotRunning)
            QVERIFY2(cli.waitForFinished(40000), "queue send did not finish in time");
        finalExit = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
        if (finalExit != 0)
            qInfo().noquote() << "round" << round << "exit" << finalExit << cli.readAllStandardError();
        QVERIFY2(total.elapsed() < MaxTotalMs + 30000, "chaos rounds took too long");
    }
    qInfo() << "kills:" << kills << "seconds:" << total.elapsed() / 1000.0;
    QCOMPARE(finalExit, 0);
    QVERIFY(kills > 0);

    Outbox::OutboxStore store;
    QVERIFY(store.open(m_db));
    QCOMPARE(store.counts()->sent, Lines);
    int recovered = 0;
    int attempts = 0;
    for (const auto &entry : *store.audit()) {
        recovered += entry.event == u"recovered" ? 1 : 0;
        attempts += entry.event == u"attempt" ? 1 : 0;
    }
    qInfo() << "attempts:" << attempts << "recovered after a kill:" << recovered;
    QVERIFY2(recovered > 0, "no kill left a line `sending`; the crash path was not exercised");

    // Check the EHR with its faults switched off, through its admin operation.
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(m_baseUrl.toString() + QStringLiteral("/$sandbox-faults")));
    request.setRawHeader("Authorization", "Bearer chaos-token");
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = manager.post(request, R"({"failRate":0,"dropRate":0,"hangRate":0})");
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();

    Ehr::EhrClient client;
    QVERIFY(client.setBaseUrl(m_baseUrl));
    client.setTokenProvider([] { return QStringLiteral("chaos-token"); });
    std::optional<Ehr::ResourceList> count;
    QUrlQuery summary;
    summary.addQueryItem(QStringLiteral("_summary"), QStringLiteral("count"));
    client.search(QStringLiteral("Procedure"), summary, this,
                  [&](const Ehr::ResourceList &list) { count = list; });
    QTRY_VERIFY_WITH_TIMEOUT(count.has_value(), 10000);
    QVERIFY2(count->status.ok(), qPrintable(count->status.errorString));
    QCOMPARE(count->total.value_or(-1), qint64(Lines));

    // One search per identifier, all at once; each must find exactly the line's own record.
    const auto lines = *store.lines();
    QHash<qint64, QStringList> found;
    for (const auto &line : lines) {
        client.findProcedures(
            line.identifier, this,
            [&found, id = line.id](const Ehr::ReadStatus &status, const QStringList &ids) {
                found.insert(id,
                             status.ok() ? ids : QStringList{QStringLiteral("error: ") + status.errorString});
            });
    }
    QTRY_COMPARE_WITH_TIMEOUT(found.size(), qsizetype(Lines), 30000);
    QSet<QString> ehrIds;
    for (const auto &line : lines) {
        QCOMPARE(found.value(line.id), QStringList{line.ehrId});
        ehrIds.insert(line.ehrId);
    }
    QCOMPARE(ehrIds.size(), Lines);
}

QTEST_GUILESS_MAIN(TestChaos)
#include "tst_chaos.moc"
