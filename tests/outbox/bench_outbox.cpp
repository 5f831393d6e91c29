// Benchmarks of the outbox; prints its figures. Built, not registered with CTest.
//   bench_outbox [ENQUEUES] [DRAIN_LINES] [PARALLEL]   (defaults 2000 10000 4)

#include <cstdio>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include "../common/sampleentry.h"
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

double enqueueRate(int count)
{
    QTemporaryDir dir;
    Outbox::OutboxStore store;
    QString error;
    if (!store.open(dir.filePath(QStringLiteral("bench.sqlite")), &error))
        qFatal("%s", qPrintable(error));
    const auto entries = distinctEntries(count);
    QElapsedTimer timer;
    timer.start();
    for (const auto &entry : entries) {
        if (!store.enqueue(entry, &error))
            qFatal("%s", qPrintable(error));
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf(
        "durable enqueues: %d in %.2f s = %.0f lines/s (WAL, synchronous=FULL, one transaction each)\n",
        count, seconds, count / seconds);
    return count / seconds;
}

double drainRate(int count, int parallel)
{
    QTemporaryDir dir;
    Outbox::OutboxStore store;
    QString error;
    if (!store.open(dir.filePath(QStringLiteral("drain.sqlite")), &error))
        qFatal("%s", qPrintable(error));
    for (const auto &entry : distinctEntries(count)) {
        if (!store.enqueue(entry, &error))
            qFatal("%s", qPrintable(error));
    }
    auto sandbox = startSandbox();
    if (!sandbox)
        qFatal("no sandbox");
    Ehr::EhrClient client;
    if (!client.setBaseUrl(sandbox->baseUrl()))
        qFatal("the sandbox address was refused");
    client.setTokenProvider([] { return QLatin1String(SandboxToken); });
    Outbox::Sender sender(&store, &client);
    sender.setParallel(parallel);
    QElapsedTimer timer;
    timer.start();
    if (!sender.start(&error))
        qFatal("%s", qPrintable(error));
    int sent = 0;
    QObject::connect(&sender, &Outbox::Sender::lineFinished, &sender, [&sent] { ++sent; });
    if (!runUntil([&] { return sent == count; }, 600000))
        qFatal("drain did not finish: %d sent", store.counts().sent);
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf(
        "drain: %d lines in %.2f s = %.0f lines/s (%d in flight, in-process training EHR on loopback; "
        "EHR stored %lld)\n",
        count, seconds, count / seconds, parallel, qlonglong(sandbox->procedureCount()));
    return count / seconds;
}

// The ceiling without the outbox: POSTs one after the other, each waiting for its answer.
double postRate(int count)
{
    auto sandbox = startSandbox();
    if (!sandbox)
        qFatal("no sandbox");
    Ehr::EhrClient client;
    if (!client.setBaseUrl(sandbox->baseUrl()))
        qFatal("the sandbox address was refused");
    client.setTokenProvider([] { return QLatin1String(SandboxToken); });
    const auto entries = distinctEntries(count);
    QElapsedTimer timer;
    timer.start();
    for (const auto &entry : entries) {
        bool done = false;
        client.createProcedure(entry, &client, [&done](const Ehr::SubmitResult &) { done = true; });
        if (!runUntil([&done] { return done; }, 10000))
            qFatal("no answer");
    }
    const double seconds = timer.nsecsElapsed() / 1e9;
    std::printf("plain POSTs, one at a time, no outbox: %d in %.2f s = %.0f requests/s (%.1f ms each)\n",
                count, seconds, count / seconds, 1000 * seconds / count);
    return count / seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int enqueues = args.value(1, QStringLiteral("2000")).toInt();
    const int drainLines = args.value(2, QStringLiteral("10000")).toInt();
    const int parallel = args.value(3, QStringLiteral("4")).toInt();
    enqueueRate(enqueues);
    postRate(std::min(drainLines, 1000));
    drainRate(drainLines, parallel);
    return 0;
}
