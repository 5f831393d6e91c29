#pragma once

#include <optional>
#include <unistd.h>

#include "../common/processrun.h"

using CliRun = ProcessRun;

/// Runs superbill-cli (see runProgram: the test's event loop keeps turning meanwhile).
inline CliRun runCli(const QStringList &arguments,
                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                     int timeoutMs = 60000)
{
    return runProgram(QStringLiteral(SUPERBILL_CLI_EXECUTABLE), arguments, environment, {}, timeoutMs);
}

/// Whether `unshare ARGUMENTS true` works here (user namespaces may be switched off).
inline bool canUnshare(const QStringList &arguments)
{
    return runProgram(QStringLiteral("unshare"), arguments + QStringList{QStringLiteral("true")}).exitCode ==
           0;
}

/**
 * Runs superbill-cli bound by file permissions, as a clerk's account is. Root (CI runs as root) may
 * write any file, so there it runs in a user namespace of its own (`unshare --user`): it still owns
 * root's files but has no power over their modes. nullopt when user namespaces are switched off.
 */
inline std::optional<CliRun> runCliBoundByPermissions(const QStringList &arguments,
                                                      const QProcessEnvironment &environment)
{
    if (::geteuid() != 0)
        return runCli(arguments, environment);
    static const bool possible = canUnshare({QStringLiteral("--user")});
    if (!possible)
        return std::nullopt;
    return runProgram(QStringLiteral("unshare"),
                      QStringList{QStringLiteral("--user"), QStringLiteral(SUPERBILL_CLI_EXECUTABLE)} +
                          arguments,
                      environment);
}

/**
 * Runs the shell `script` with superbill-cli as $CLI and `folder` as $DISK, a disk of `kib` KiB of its
 * own (a tmpfs in a private mount namespace, `unshare --user --map-root-user --mount`), so a test can
 * really fill it. nullopt when user namespaces are switched off; exit status 99 when the tmpfs cannot be
 * mounted there.
 */
inline std::optional<CliRun> runOnSmallDisk(const QString &folder, int kib, const QString &script,
                                            QProcessEnvironment environment)
{
    const QStringList unshare{QStringLiteral("--user"), QStringLiteral("--map-root-user"),
                              QStringLiteral("--mount")};
    static const bool possible = canUnshare(unshare);
    if (!possible)
        return std::nullopt;
    environment.insert(QStringLiteral("CLI"), QStringLiteral(SUPERBILL_CLI_EXECUTABLE));
    environment.insert(QStringLiteral("DISK"), folder);
    const QString mount = QStringLiteral("mount -t tmpfs -o size=%1k tmpfs \"$DISK\" || exit 99; ").arg(kib);
    return runProgram(QStringLiteral("unshare"),
                      unshare + QStringList{QStringLiteral("sh"), QStringLiteral("-c"), mount + script},
                      environment);
}
