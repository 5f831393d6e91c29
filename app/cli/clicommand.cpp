#include "clicommand.h"

#include <algorithm>
#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include "common/consolestreams.h"
#include "common/printable.h"

namespace Cli {

namespace {
QList<Command> &registry()
{
    static QList<Command> commands;
    return commands;
}
} // namespace

CommandRegistrar::CommandRegistrar(int order, Command (*factory)())
{
    Command command = factory();
    command.order = order;
    registry().append(command);
}

QList<Command> registeredCommands()
{
    QList<Command> commands = registry();
    std::stable_sort(commands.begin(), commands.end(),
                     [](const Command &a, const Command &b) { return a.order < b.order; });
    return commands;
}

QTextStream &out()
{
    return Common::standardOutput();
}

QTextStream &err()
{
    return Common::standardError();
}

QString findingLine(const QString &file, const Model::Finding &finding)
{
    const QString path = finding.path.isEmpty() ? QStringLiteral("(document)") : finding.path;
    return shown(file) + QStringLiteral(": ") + shown(finding.code) + u' ' +
           Model::severityName(finding.severity) + u' ' + shown(path) + QStringLiteral(": ") +
           shown(finding.message);
}

QString shown(const QString &text)
{
    return Common::printable(text);
}

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                                    const QString &command)
{
    if (!parser.parse(arguments)) {
        err() << command << ": " << shown(parser.errorText()) << " See superbill-cli " << command << " --help"
              << Qt::endl;
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt's usage line names the program only; name the command too.
        QString help = parser.helpText();
        const QString usage = QStringLiteral("Usage: ") + QCoreApplication::arguments().value(0);
        if (help.startsWith(usage))
            help.replace(0, usage.size(), QStringLiteral("Usage: superbill-cli ") + command);
        out() << help;
        out().flush();
        return Success;
    }
    return std::nullopt;
}

Common::Result<QByteArray> readInput(const QString &file)
{
    const bool standardInput = file == u"-";
    QFile input(file);
    const bool opened =
        standardInput ? input.open(stdin, QIODevice::ReadOnly) : input.open(QIODevice::ReadOnly);
    if (!opened)
        return Common::makeError(QStringLiteral("unreadable"),
                                 QStringLiteral("cannot read: %1").arg(input.errorString()), file);
    // Read one byte past the limit rather than trusting size(): pipes and devices report none, and a
    // pipe gives what it has in pieces.
    QByteArray contents;
    while (contents.size() <= MaxInputBytes) {
        const QByteArray piece = input.read(MaxInputBytes + 1 - contents.size());
        if (piece.isEmpty())
            break;
        contents += piece;
    }
    if (contents.size() > MaxInputBytes)
        return Common::makeError(QStringLiteral("too-large"),
                                 QStringLiteral("%1 more than 4 MiB; a Procedure file is a few kilobytes")
                                     .arg(standardInput ? QStringLiteral("standard input holds")
                                                        : QStringLiteral("the file holds")),
                                 file);
    if (input.error() != QFileDevice::NoError)
        return Common::makeError(QStringLiteral("unreadable"),
                                 QStringLiteral("cannot read: %1").arg(input.errorString()), file);
    return contents;
}

} // namespace Cli
