#pragma once

#include "../common/processrun.h"

using CliRun = ProcessRun;

/// Runs superbill-cli (see runProgram: the test's event loop keeps turning meanwhile).
inline CliRun runCli(const QStringList &arguments,
                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                     int timeoutMs = 60000)
{
    return runProgram(QStringLiteral(SUPERBILL_CLI_EXECUTABLE), arguments, environment, {}, timeoutMs);
}
