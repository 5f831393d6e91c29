#include <QCoreApplication>

#include "clicommand.h"

namespace {

void printUsage(QTextStream &stream)
{
    stream << "Usage: superbill-cli COMMAND [OPTIONS] [ARGS]\n\n"
              "Superbill Desk without a window: checks, converts and sends procedure lines.\n\n"
              "Commands:\n";
    for (const auto &command : Cli::registeredCommands())
        stream << "  " << command.name.leftJustified(10) << command.summary << '\n';
    stream << "\nOptions:\n  -h, --help     Show this help.\n  -v, --version  Show the version.\n\n"
              "Run 'superbill-cli COMMAND --help' for the options of a command.\n";
    stream.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("superbill-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Superbill Desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SUPERBILL_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        printUsage(Cli::err());
        return Cli::UsageError;
    }
    const QString name = arguments.at(1);
    if (name == u"-h" || name == u"--help" || name == u"help") {
        printUsage(Cli::out());
        return Cli::Success;
    }
    if (name == u"-v" || name == u"--version") {
        Cli::out() << "superbill-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return Cli::Success;
    }
    for (const auto &command : Cli::registeredCommands()) {
        if (command.name == name) {
            arguments.removeAt(1);
            arguments[0] += u' ' + name;
            return command.run(arguments);
        }
    }
    Cli::err() << "superbill-cli: unknown command \"" << Cli::shown(name) << "\"\n\n";
    printUsage(Cli::err());
    return Cli::UsageError;
}
