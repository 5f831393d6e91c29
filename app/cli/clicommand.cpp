#include "clicommand.h"

#include <QFile>

#include <algorithm>
#include <cstdio>

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
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString findingLine(const QString &file, const Model::Finding &finding)
{
    const QString path = finding.path.isEmpty() ? QStringLiteral("(document)") : finding.path;
    return file + QStringLiteral(": ") + finding.code + u' ' + Model::severityName(finding.severity) + u' ' + path +
           QStringLiteral(": ") + finding.message;
}

bool readInput(const QString &file, QByteArray &contents)
{
    QFile input(file);
    const bool opened = file == u"-" ? input.open(stdin, QIODevice::ReadOnly) : input.open(QIODevice::ReadOnly);
    if (!opened) {
        err() << file << ": cannot read: " << input.errorString() << Qt::endl;
        return false;
    }
    contents = input.readAll();
    return true;
}

} // namespace Cli
