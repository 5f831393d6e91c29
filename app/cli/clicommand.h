#pragma once

#include "model/finding.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace Cli {

/// Exit codes shared by every subcommand.
enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

/// One `superbill-cli NAME ...` subcommand; run() gets the arguments after NAME
/// with argv[0] first, ready for a QCommandLineParser.
struct Command
{
    QString name;
    QString summary;
    std::function<int(const QStringList &arguments)> run;
};

QTextStream &out();
QTextStream &err();

/// "FILE: CODE severity path: message", the line format of validate and fhir.
QString findingLine(const QString &file, const Model::Finding &finding);

/// Reads FILE, or standard input for "-". On failure returns false and says why on stderr.
bool readInput(const QString &file, QByteArray &contents);

Command fhirCommand();
Command validateCommand();

} // namespace Cli
