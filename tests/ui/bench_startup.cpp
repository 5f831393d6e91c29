// Start-up against its floor, in one run: a bare Qt Widgets program (startup_bare_window) and
// `superbill --training --quit-after-show` are started alternately, each RUNS times (default 9),
// offscreen, with a home folder of their own. Prints each run, the medians of wall time (spawn to
// exit), CPU time (user and system) and peak resident memory (getrusage of each child, through
// wait4), and the ratios. The goal is on wall time; on a loaded machine the CPU-time ratio moves less.
//   bench_startup [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <QByteArray>
#include <QDir>
#include <QTemporaryDir>

#include "../common/benchgoal.h"

extern char **environ;

namespace {

struct Run
{
    double wallMs = 0;
    double cpuMs = 0;
    double peakMiB = 0;
};

/// Starts program with arguments, waits for it, and reads its wall time and peak memory.
Run runOnce(const char *program, const std::vector<const char *> &arguments)
{
    std::vector<char *> argv{const_cast<char *>(program)};
    for (const char *argument : arguments)
        argv.push_back(const_cast<char *>(argument));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawn(&pid, program, &actions, nullptr, argv.data(), environ) != 0) {
        std::fprintf(stderr, "cannot start %s\n", program);
        std::exit(2);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    const auto end = std::chrono::steady_clock::now();
    posix_spawn_file_actions_destroy(&actions);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "%s failed (status %d)\n", program, status);
        std::exit(2);
    }
    const auto ms = [](const timeval &time) {
        return double(time.tv_sec) * 1e3 + double(time.tv_usec) / 1e3;
    };
    return {std::chrono::duration<double, std::milli>(end - start).count(),
            ms(usage.ru_utime) + ms(usage.ru_stime), usage.ru_maxrss / 1024.0};
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

} // namespace

int main(int argc, char *argv[])
{
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 9;
    // Its own home: the app's settings, training EHR and outbox never touch the user's.
    QTemporaryDir home;
    const auto set = [&home](const char *name, const QString &relative) {
        const QString path = home.filePath(relative);
        QDir().mkpath(path);
        setenv(name, path.toLocal8Bit().constData(), 1);
    };
    set("HOME", QStringLiteral("."));
    set("XDG_CONFIG_HOME", QStringLiteral("config"));
    set("XDG_DATA_HOME", QStringLiteral("data"));
    set("XDG_CACHE_HOME", QStringLiteral("cache"));
    setenv("QT_QPA_PLATFORM", "offscreen", 1);

    const char *bare = STARTUP_BARE_WINDOW;
    const char *app = SUPERBILL_APP;
    const std::vector<const char *> appArguments{"--training", "--quit-after-show"};
    // One start of each first, unmeasured: the app's first start creates its training files.
    runOnce(bare, {});
    runOnce(app, appArguments);

    std::vector<double> bareWall, bareCpu, bareMemory, appWall, appCpu, appMemory;
    for (int i = 0; i < runs; ++i) {
        const Run floor = runOnce(bare, {});
        const Run ours = runOnce(app, appArguments);
        std::printf(
            "run %d: bare window %6.1f ms (CPU %5.1f) %5.1f MiB   superbill --training %6.1f ms (CPU %5.1f) "
            "%5.1f MiB\n",
            i + 1, floor.wallMs, floor.cpuMs, floor.peakMiB, ours.wallMs, ours.cpuMs, ours.peakMiB);
        bareWall.push_back(floor.wallMs);
        bareCpu.push_back(floor.cpuMs);
        appCpu.push_back(ours.cpuMs);
        bareMemory.push_back(floor.peakMiB);
        appWall.push_back(ours.wallMs);
        appMemory.push_back(ours.peakMiB);
    }
    const double wallRatio = median(appWall) / median(bareWall);
    const double memoryRatio = median(appMemory) / median(bareMemory);
    std::printf(
        "medians of %d: bare window %.1f ms, %.1f MiB peak; superbill --training %.1f ms, %.1f MiB peak\n",
        runs, median(bareWall), median(bareMemory), median(appWall), median(appMemory));
    std::printf(
        "CPU time (user + system), medians: bare window %.1f ms, superbill --training %.1f ms, %.2fx\n",
        median(bareCpu), median(appCpu), median(appCpu) / median(bareCpu));
    const QByteArray wallNote = "(" + QByteArray::number(median(appWall), 'f', 0) + " vs " +
                                QByteArray::number(median(bareWall), 'f', 0) + " ms)";
    const QByteArray memoryNote = "(" + QByteArray::number(median(appMemory), 'f', 1) + " vs " +
                                  QByteArray::number(median(bareMemory), 'f', 1) + " MiB)";
    printGoal("startup wall superbill/bare", wallRatio, GoalKind::AtMost, 2.0, "", wallNote.constData());
    printGoal("startup peak RSS superbill/bare", memoryRatio, GoalKind::AtMost, 1.6, "",
              memoryNote.constData());
    return 0;
}
