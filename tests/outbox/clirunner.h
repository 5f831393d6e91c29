#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>

/// What one superbill-cli run printed and returned.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    QString all() const { return QString::fromUtf8(out + err); }
};

/**
 * Runs superbill-cli while this process keeps its event loop turning, so an
 * in-process training EHR can answer it. Bounded by timeoutMs.
 */
inline CliRun runCli(const QStringList &arguments,
                     const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                     int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SUPERBILL_CLI_EXECUTABLE), arguments);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    run.finished = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}
