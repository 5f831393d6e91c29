// Typing into the real line form, offscreen: for each key, the time from the key event until the
// findings are shown (the form re-checks the whole line, marks its fields, and the findings panel
// beside it is repainted), over LINES complete lines of 16 keystrokes each, the README's
// `20610` Tab `s` Tab `1030` Tab Enter Enter Ctrl+Enter. The floor beside it: the same number of
// keys typed into a bare QLineEdit in the same window.
//   bench_typing [LINES]   (default 100)
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

#include <QApplication>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QTest>

#include "../common/benchgoal.h"
#include "catalog/codecatalog.h"
#include "common/clock.h"
#include "findingspanel.h"
#include "lineeditor.h"
#include "sampleencounter.h"
#include "theme.h"

namespace {

struct Key
{
    Qt::Key key;
    Qt::KeyboardModifiers modifiers = Qt::NoModifier;
};

std::vector<Key> completeLine()
{
    std::vector<Key> keys;
    const auto text = [&keys](const char *characters) {
        for (const char *c = characters; *c; ++c)
            keys.push_back({Qt::Key(QChar::fromLatin1(*c).toUpper().unicode())});
    };
    text("20610");
    keys.push_back({Qt::Key_Tab});
    text("s");
    keys.push_back({Qt::Key_Tab});
    text("1030");
    keys.push_back({Qt::Key_Tab});
    keys.push_back({Qt::Key_Return});
    keys.push_back({Qt::Key_Return});
    keys.push_back({Qt::Key_Return, Qt::ControlModifier});
    return keys;
}

struct KeyTime
{
    double wallMs = 0;
    double cpuMs = 0; ///< this thread's CPU time: the wall time less the waits for a busy machine's cores
};

double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

/// From sending the key to the widget with focus until the events it caused, repaints included,
/// are handled.
KeyTime timedKey(const Key &key, QWidget *target = nullptr)
{
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadCpuMs();
    QTest::keyClick(target ? target : QApplication::focusWidget(), key.key, key.modifiers);
    QCoreApplication::processEvents();
    return {timer.nsecsElapsed() / 1e6, threadCpuMs() - cpuStart};
}

double percentile(std::vector<double> values, double fraction)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(fraction * double(values.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Ui::applyTheme(app); // the form as the app draws it
    const int lines = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 100;

    Common::ManualClock clock(QDateTime(QDate(2026, 3, 14), QTime(18, 0), Qt::UTC));
    Catalog::CodeCatalog catalog;
    if (!catalog.loadTrainingCatalog())
        qFatal("%s", qPrintable(catalog.errorString()));
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *editor = new Ui::LineEditor(&window);
    auto *findings = new Ui::FindingsPanel(&window);
    auto *bare = new QLineEdit(&window);
    layout->addWidget(editor, 3);
    layout->addWidget(findings, 1);
    layout->addWidget(bare);
    QObject::connect(editor, &Ui::LineEditor::findingsChanged, findings, &Ui::FindingsPanel::setFindings);
    int submitted = 0;
    editor->setSubmitHandler([&submitted](qint64, const Model::ProcedureEntry &) {
        ++submitted;
        return QString();
    });
    editor->setClock(&clock);
    editor->setCatalog(&catalog);
    editor->setEncounter(sampleEncounter());
    window.resize(1280, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    if (!QTest::qWaitForWindowActive(&window))
        qFatal("the window did not become active");

    const std::vector<Key> line = completeLine();
    std::vector<double> formWall, formCpu, floorWall, floorCpu;
    std::vector<std::vector<double>> byPosition(line.size());
    for (int round = 0; round <= lines; ++round) { // round 0 warms up and is not counted
        editor->focusCode();
        for (size_t position = 0; position < line.size(); ++position) {
            const KeyTime time = timedKey(line[position]);
            if (round == 0)
                continue;
            formWall.push_back(time.wallMs);
            formCpu.push_back(time.cpuMs);
            byPosition[position].push_back(time.cpuMs);
        }
        bare->clear();
        for (size_t i = 0; i < line.size(); ++i) {
            const KeyTime time = timedKey({Qt::Key_A}, bare);
            if (round == 0)
                continue;
            floorWall.push_back(time.wallMs);
            floorCpu.push_back(time.cpuMs);
        }
    }
    if (submitted != lines + 1)
        qFatal("%d of %d lines were submitted: the keys no longer make a complete line", submitted,
               lines + 1);

    std::printf("typing into the line form: %zu keys in %d complete lines, key event to findings shown\n",
                formWall.size(), lines);
    std::printf("  wall time: median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                percentile(formWall, 0.5), percentile(formWall, 0.9), percentile(formWall, 0.99),
                percentile(formWall, 1.0));
    std::printf("  CPU time:  median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                percentile(formCpu, 0.5), percentile(formCpu, 0.9), percentile(formCpu, 0.99),
                percentile(formCpu, 1.0));
    std::printf("  CPU median per key of the line:");
    for (const auto &times : byPosition)
        std::printf(" %.2f", percentile(times, 0.5));
    std::printf(" ms\n");
    std::printf("the same number of keys into a bare QLineEdit: wall p99 %.3f ms, CPU p99 %.3f ms\n",
                percentile(floorWall, 0.99), percentile(floorCpu, 0.99));
    // On a shared, loaded machine the wall time mostly measures waiting for a core (the bare
    // QLineEdit's wall p99 shows how much); the CPU time is what the form itself costs.
    const QByteArray note = "(wall p99 " + QByteArray::number(percentile(formWall, 0.99), 'f', 2) +
                            " ms; bare QLineEdit wall p99 " +
                            QByteArray::number(percentile(floorWall, 0.99), 'f', 2) + " ms)";
    printGoal("typing p99 key to findings, CPU", percentile(formCpu, 0.99), GoalKind::AtMost, 2.0, " ms",
              note.constData());
    return 0;
}
