#pragma once

#include <functional>
#include <optional>

#include <QString>
#include <QStringList>
#include <QTextStream>

#include "common/result.h"
#include "model/finding.h"

class QCommandLineParser;

namespace Cli {

/// Exit codes shared by every subcommand.
enum ExitCode
{
    Success = 0,
    Failure = 1,
    UsageError = 2
};

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

/// "FILE: CODE severity path: message", the line format of validate and fhir, with every part shown
/// through Common::printable (file names, files and the EHR may carry control characters).
QString findingLine(const QString &file, const Model::Finding &finding);

/// Text from a file, the EHR or a catalog as it may reach the terminal: Common::printable.
QString shown(const QString &text);

/// Parses like QCommandLineParser::process(), which exits with 1 on a bad option, but answers a bad
/// option with UsageError (2) as every command documents, and prints --help itself. An exit code to
/// return at once, or nullopt to go on.
std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                                    const QString &command);

/// The most a Procedure file, or standard input, may hold: a line is a few kilobytes, and reading
/// stops here so that /dev/zero or a wrong file cannot fill the memory.
inline constexpr qint64 MaxInputBytes = 4 * 1024 * 1024;

/// Reads FILE, or standard input for "-", up to MaxInputBytes; the error's path is the file.
Common::Result<QByteArray> readInput(const QString &file);

/// Every command linked into the program, in the order of their `order` keys.
QList<Command> registeredCommands();

/// Adds a command at static-initialisation time; each *command.cpp registers its own,
/// so adding a command never touches main.cpp.
struct CommandRegistrar
{
    CommandRegistrar(int order, Command (*factory)());
};

} // namespace Cli
