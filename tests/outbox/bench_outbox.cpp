// Benchmarks of the outbox, each against its floor measured in the same run; prints its figures
// and GOAL lines. Built, not registered with CTest.
//   bench_outbox [ENQUEUES] [DRAIN_LINES] [IN_FLIGHT] [ROUNDS]   (defaults 2000 10000 4 3)
//
// - durable enqueues against raw SQLite one-row commits (WAL, synchronous=FULL) of a row of the
//   same size into a fresh file in the same folder, alternating in rounds so that both see the
//   same disk;
// - a drain of DRAIN_LINES queued lines into the in-process training EHR against plain concurrent
//   POSTs of the same lines (no outbox) at the same number in flight, to a fresh EHR of its own;
//   ROUNDS of each, alternating, so that a change in the machine's load falls on both, and the
//   medians compared;
// - a drain with 50 ms of EHR latency and 8 in flight against its bound, 8 / 0.05 s = 160 lines/s.

#include <algorithm>
#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include "../common/benchgoal.h"
#include "../common/sampleentry.h"
#include "fhir/procedurewriter.h"
#include "outbox/outboxstore.h"
#include "outbox/sender.h"
#include "sandboxfixture.h"

namespace {

// A real event loop: QTest::qWaitFor sleeps 10 ms between rounds, which would be the figure measured.
bool runUntil(const std::function<bool()> &predicate, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (predicate())
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    poll.start(1);
    deadline.start(timeoutMs);
    if (!predicate())
        loop.exec();
    return predicate();
}

QList<Model::ProcedureEntry> distinctEntries(int count)
{
    const auto base = sampleEntry();
    QList<Model::ProcedureEntry> entries;
    entries.reserve(count);
    for (int i = 0; i < count; ++i) {
        auto entry = base;
        entry.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
        entry.performedDateTime = base.performedDateTime.addSecs(60LL * i); // distinct to the EHR
        entry.recordedDate = {};
        entries.append(entry);
    }
    return entries;
}

QByteArray ratioNote(double ours, double floor, const char *unit)
{
    return "(" + QByteArray::number(ours, 'f', 0) + " vs " + QByteArray::number(floor, 'f', 0) + " " + unit +
           ")";
}

/// The floor of a durable enqueue: one row of the same size per commit, WAL, synchronous=FULL.
class RawSqlite
{
public:
    explicit RawSqlite(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), Connection);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("%s", qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        for (const char *statement : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                                      "CREATE TABLE rows (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"}) {
            if (!query.exec(QLatin1String(statement)))
                qFatal("%s", qPrintable(query.lastError().text()));
        }
        m_insert = QSqlQuery(db);
        m_insert.prepare(QStringLiteral("INSERT INTO rows (body) VALUES (?)"));
    }
    ~RawSqlite()
    {
        m_insert = QSqlQuery();
        QSqlDatabase::database(Connection).close();
        QSqlDatabase::removeDatabase(Connection);
    }

    void commitRow(const QString &body)
    {
        m_insert.bindValue(0, body);
        if (!m_insert.exec())
            qFatal("%s", qPrintable(m_insert.lastError().text()));
    }

private:
    static inline const QString Connection = QStringLiteral("bench-raw");
    QSqlQuery m_insert;
};

/// The bytes of a line's record in the outbox's lines table, as SQLite stores it (dbstat): the
/// Procedure JSON and the columns the outbox lists and finds lines by.
qsizetype storedLineBytes(const QString &path)
{
    const QString connection = QStringLiteral("bench-size");
    qsizetype bytes = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            qFatal("%s", qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT sum(payload) / sum(ncell) FROM dbstat WHERE name = 'lines' "
                                       "AND pagetype = 'leaf'")) ||
            !query.next())
            qFatal("dbstat: %s", qPrintable(query.lastError().text()));
        bytes = query.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(connection);
    return bytes;
}

void enqueueAgainstRaw(int count)
{
    QTemporaryDir dir;
    Outbox::OutboxStore store;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    if (const auto opened = store.open(path); !opened)
        qFatal("%s", qPrintable(opened.error().message));
    RawSqlite raw(dir.filePath(QStringLiteral("raw.sqlite")));
    // Lines queued before the timing, to read the size of a stored line from the file.
    constexpr int Unmeasured = 20;
    const auto entries = distinctEntries(count + Unmeasured);
    for (int i = count; i < entries.size(); ++i) {
        if (const auto queued = store.enqueue(entries.at(i)); !queued)
            qFatal("%s", qPrintable(queued.error().message));
    }
    // The raw row holds the line's JSON, padded to the record the outbox stores (less the raw
    // record's own 3-byte header).
    const qsizetype rowBytes = storedLineBytes(path) - 3;
    QStringList bodies;
    for (int i = 0; i < count; ++i)
        bodies.append(QString::fromUtf8(*Fhir::ProcedureWriter().toBytes(entries.at(i), false))
                          .leftJustified(rowBytes, u' '));

    constexpr int Rounds = 10;
    qint64 enqueueNs = 0;
    qint64 rawNs = 0;
    QElapsedTimer timer;
    for (int round = 0; round < Rounds; ++round) {
        const int first = count * round / Rounds;
        const int last = count * (round + 1) / Rounds;
        timer.start();
        for (int i = first; i < last; ++i) {
            if (const auto queued = store.enqueue(entries.at(i)); !queued)
                qFatal("%s", qPrintable(queued.error().message));
        }
        enqueueNs += timer.nsecsElapsed();
        timer.start();
        for (int i = first; i < last; ++i)
            raw.commitRow(bodies.at(i));
        rawNs += timer.nsecsElapsed();
    }
    const double enqueues = count / (enqueueNs / 1e9);
    const double commits = count / (rawNs / 1e9);
    std::printf("durable enqueues: %d in %.2f s = %.0f lines/s (WAL, synchronous=FULL)\n", count,
                enqueueNs / 1e9, enqueues);
    std::printf("raw SQLite one-row FULL commits, %lld-byte rows (a stored line's record), same folder: %d "
                "in %.2f s = %.0f/s\n",
                qlonglong(bodies.value(0).size()), count, rawNs / 1e9, commits);
    printGoal("enqueue/raw", enqueues / commits, GoalKind::AtLeast, 0.8, "",
              ratioNote(enqueues, commits, "per s").constData());
}

std::unique_ptr<Sandbox::Server> sandboxWithLatency(int latencyMs)
{
    Sandbox::FaultSettings faults;
    faults.latencyMs = latencyMs;
    auto sandbox = startSandbox(faults);
    if (!sandbox)
        qFatal("no training EHR");
    return sandbox;
}

double drainRate(int count, int inFlight, int latencyMs = 0)
{
    QTemporaryDir dir;
    Outbox::OutboxStore store;
    if (const auto opened = store.open(dir.filePath(QStringLiteral("drain.sqlite"))); !opened)
        qFatal("%s", qPrintable(opened.error().message));
    // Queued in batches: only the drain is measured.
    constexpr int Batch = 500;
    const auto entries = distinctEntries(count);
    for (int first = 0; first < count; first += Batch) {
        QList<Outbox::LineWrite> writes;
        for (int i = first; i < std::min(count, first + Batch); ++i)
            writes.append({0, entries.at(i)});
        if (const auto queued = store.enqueueAll(writes); !queued)
            qFatal("%s", qPrintable(queued.error().message));
    }
    const auto sandbox = sandboxWithLatency(latencyMs);
    Ehr::EhrClient client;
    if (!client.setBaseUrl(sandbox->baseUrl()))
        qFatal("the sandbox address was refused");
    client.setTokenProvider([] { return QLatin1String(SandboxToken); });
    Outbox::Sender sender(&store, &client);
    sender.setParallel(inFlight);
    QElapsedTimer timer;
    timer.start();
    if (const auto started = sender.start(); !started)
        qFatal("%s", qPrintable(started.error().message));
    int sent = 0;
    QObject::connect(&sender, &Outbox::Sender::lineFinished, &sender, [&sent] { ++sent; });
    if (!runUntil([&] { return sent == count; }, 600000))
        qFatal("drain did not finish: %d sent", store.counts()->sent);
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf(
        "drain: %d lines in %.2f s = %.0f lines/s (%d in flight, EHR latency %d ms; EHR stored %lld)\n",
        count, seconds, count / seconds, inFlight, latencyMs, qlonglong(sandbox->procedureCount()));
    return count / seconds;
}

/// The floor of a drain: the same lines POSTed with no outbox, inFlight at a time.
double plainPostRate(int count, int inFlight)
{
    const auto sandbox = sandboxWithLatency(0);
    Ehr::EhrClient client;
    if (!client.setBaseUrl(sandbox->baseUrl()))
        qFatal("the sandbox address was refused");
    client.setTokenProvider([] { return QLatin1String(SandboxToken); });
    const auto entries = distinctEntries(count);
    int started = 0;
    int answered = 0;
    std::function<void()> postNext = [&] {
        const auto &entry = entries.at(started++);
        client.createProcedure(entry, &client, [&](const Ehr::SubmitResult &) {
            ++answered;
            if (started < count)
                postNext();
        });
    };
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < std::min(inFlight, count); ++i)
        postNext();
    if (!runUntil([&] { return answered == count; }, 600000))
        qFatal("plain POSTs did not finish: %d answered", answered);
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf("plain POSTs, no outbox: %d in %.2f s = %.0f requests/s (%d in flight; EHR stored %lld)\n",
                count, seconds, count / seconds, inFlight, qlonglong(sandbox->procedureCount()));
    return count / seconds;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

QByteArray rates(const QList<double> &values)
{
    QByteArrayList texts;
    for (const double value : values)
        texts.append(QByteArray::number(value, 'f', 0));
    return texts.join(", ");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int enqueues = args.value(1, QStringLiteral("2000")).toInt();
    const int drainLines = args.value(2, QStringLiteral("10000")).toInt();
    const int inFlight = args.value(3, QStringLiteral("4")).toInt();
    const int rounds = std::max(1, args.value(4, QStringLiteral("3")).toInt());

    enqueueAgainstRaw(enqueues);

    QList<double> plain;
    QList<double> drained;
    for (int round = 0; round < rounds; ++round) {
        plain.append(plainPostRate(drainLines, inFlight));
        drained.append(drainRate(drainLines, inFlight));
    }
    const double plainMedian = median(plain);
    const double drainMedian = median(drained);
    std::printf("plain POSTs, medians of %d rounds: %.0f requests/s (%s)\n", rounds, plainMedian,
                rates(plain).constData());
    std::printf("drain, medians of %d rounds: %.0f lines/s (%s)\n", rounds, drainMedian,
                rates(drained).constData());
    printGoal("drain/plain", drainMedian / plainMedian, GoalKind::AtLeast, 0.8, "",
              ratioNote(drainMedian, plainMedian, "lines/s").constData());

    constexpr int LatencyMs = 50;
    constexpr int LatencyInFlight = 8;
    constexpr double Bound = LatencyInFlight * 1000.0 / LatencyMs;
    const double slow = drainRate(std::min(drainLines, 1600), LatencyInFlight, LatencyMs);
    printGoal("drain@50ms,8 in flight/bound", slow / Bound, GoalKind::AtLeast, 0.8, "",
              ratioNote(slow, Bound, "lines/s").constData());
    return 0;
}
