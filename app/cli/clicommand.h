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
    int order = 0; ///< position in the help listing
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

/// Every command linked into the program, in the order of their `order` keys.
QList<Command> registeredCommands();

/// Adds a command at static-initialisation time; each *command.cpp registers its own,
/// so adding a command never touches main.cpp.
struct CommandRegistrar
{
    CommandRegistrar(int order, Command (*factory)());
};

} // namespace Cli
