// How long the lines table takes to refresh when the outbox holds a long history; prints its figures.
// Built, not registered with CTest (scripts/bench.sh runs it).
//   bench_outboxlines [SENT_LINES] [REFRESHES]   (defaults 50000 50)

#include <algorithm>
#include <cstdio>

#include <QApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include "../common/sampleentry.h"
#include "../common/sentlinehistory.h"
#include "fhir/procedurereader.h"
#include "fhir/procedurewriter.h"
#include "outbox/outboxstore.h"
#include "outboxlinesmodel.h"

namespace {

double medianMs(QList<qint64> nanoseconds)
{
    std::sort(nanoseconds.begin(), nanoseconds.end());
    return nanoseconds.at(nanoseconds.size() / 2) / 1e6;
}

double refreshMs(Ui::OutboxLinesModel &model, int refreshes)
{
    QList<qint64> times;
    for (int i = 0; i < refreshes; ++i) {
        QElapsedTimer timer;
        timer.start();
        model.refresh();
        times.append(timer.nsecsElapsed());
    }
    return medianMs(times);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int history = argc > 1 ? QByteArray(argv[1]).toInt() : 50000;
    const int refreshes = argc > 2 ? QByteArray(argv[2]).toInt() : 50;

    QTemporaryDir dir;
    Outbox::OutboxStore store;
    if (const auto opened = store.open(dir.filePath(QStringLiteral("bench.sqlite"))); !opened)
        qFatal("%s", qPrintable(opened.error().message));
    const auto entry = sampleEntry();
    if (!addSentHistory(store, history,
                        QString::fromUtf8(Fhir::ProcedureWriter().toBytes(entry, false).valueOr({}))))
        qFatal("cannot write the history");
    // Today's superbill: five lines of the open encounter, two still waiting.
    for (int i = 0; i < 5; ++i) {
        auto line = sampleEntry();
        line.performedDateTime = line.performedDateTime.addSecs(600LL * i);
        if (const auto queued = store.enqueue(line); !queued)
            qFatal("%s", qPrintable(queued.error().message));
    }

    Ui::OutboxLinesModel encounter(Ui::OutboxLinesModel::Filter::Encounter);
    encounter.setStore(&store);
    encounter.setEncounterId(QStringLiteral("Encounter-805"));
    Ui::OutboxLinesModel queue(Ui::OutboxLinesModel::Filter::Attention);
    queue.setStore(&store);
    std::printf("lines table refresh, one encounter (%d rows), %d sent lines in the outbox: median %.3f ms\n",
                encounter.rowCount(), history, refreshMs(encounter, refreshes));
    std::printf("queue view refresh (%d open lines), %d sent lines in the outbox: median %.3f ms\n",
                queue.rowCount(), history, refreshMs(queue, refreshes));

    // What each refresh cost before: every line ever queued read back with its Procedure, and parsed.
    QElapsedTimer timer;
    timer.start();
    auto stored = store.database().run(QStringLiteral("SELECT entry_json FROM lines"));
    int parsed = 0;
    while (stored && stored->next())
        parsed += Fhir::ProcedureReader::read(stored->value(0).toString().toUtf8()).entry ? 1 : 0;
    std::printf("for comparison, what a refresh did before (read and parse all %d stored lines): %.0f ms\n",
                parsed, timer.nsecsElapsed() / 1e6);
    return 0;
}
