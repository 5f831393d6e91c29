#include "clicommand.h"

#include <algorithm>
#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include "common/consolestreams.h"

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
    return file + QStringLiteral(": ") + finding.code + u' ' + Model::severityName(finding.severity) + u' ' +
           path + QStringLiteral(": ") + finding.message;
}

std::optional<int> parseCommandLine(QCommandLineParser &parser, const QStringList &arguments,
                                    const QString &command)
{
    if (!parser.parse(arguments)) {
        err() << command << ": " << parser.errorText() << " See superbill-cli " << command << " --help"
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

bool readInput(const QString &file, QByteArray &contents)
{
    QFile input(file);
    const bool opened =
        file == u"-" ? input.open(stdin, QIODevice::ReadOnly) : input.open(QIODevice::ReadOnly);
    if (!opened) {
        err() << file << ": cannot read: " << input.errorString() << Qt::endl;
        return false;
    }
    contents = input.readAll();
    return true;
}

} // namespace Cli
