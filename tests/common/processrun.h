#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>

/// What one run of a program printed and returned.
struct ProcessRun
{
    int exitCode = -1; ///< -1 when it did not start, crashed or was stopped at the time limit
    QString out;
    QString err;
    bool finished = false;

    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
    QString all() const { return out + err; }
};

/**
 * Runs `program` to its end, feeding `input` to its standard input, while this
 * process keeps its event loop turning (so a training EHR in the test's own
 * process can answer it). Bounded by timeoutMs; a program still running then
 * is killed.
 */
inline ProcessRun
runProgram(const QString &program, const QStringList &arguments,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
           const QByteArray &input = {}, int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ProcessRun run;
    if (!process.waitForStarted(10000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    run.finished = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.exitCode = run.finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
