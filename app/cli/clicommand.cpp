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

int runAction(const QStringList &arguments, const QString &command, const QList<Action> &actions,
              const QString &usage)
{
    const QString name = arguments.value(1);
    for (const Action &action : actions) {
        if (action.name != name)
            continue;
        QStringList rest = arguments;
        rest.removeAt(1);
        rest[0] += u' ' + name;
        return action.run(rest);
    }
    QStringList names;
    for (const Action &action : actions)
        names << action.name;
    if (name == u"-h" || name == u"--help" || name == u"help") {
        out() << usage << "\nRun 'superbill-cli " << command
              << " ACTION --help' (ACTION: " << names.join(QStringLiteral(", "))
              << ") for the options of each." << Qt::endl;
        return Success;
    }
    err() << (name.isEmpty() ? QStringLiteral("%1: give %2").arg(command, names.join(QStringLiteral(" or ")))
                             : QStringLiteral("%1: unknown action \"%2\"").arg(command, name))
          << '\n'
          << usage << Qt::flush;
    return UsageError;
}

} // namespace Cli
