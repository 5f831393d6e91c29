#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "clicommand.h"
#include "common/clock.h"
#include "rules/documentcheck.h"

namespace Cli {

namespace {

int runValidate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks FHIR Procedure JSON files against every rule the EHR enforces.\n"
                       "Exit status: 0 all valid, 1 a file has an error, 2 usage error or unreadable file."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Procedure JSON files ('-' for stdin)."),
                                 QStringLiteral("FILE..."));
    if (const auto exitCode = parseCommandLine(parser, arguments, QStringLiteral("validate")))
        return *exitCode;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err() << "validate: no FILE given; see superbill-cli validate --help" << Qt::endl;
        return UsageError;
    }

    Rules::ValidationContext context;
    context.now = Common::Clock::system().nowUtc();
    bool anyUnreadable = false;
    bool anyInvalid = false;
    QJsonArray report;
    for (const QString &file : files) {
        const auto contents = readInput(file);
        if (!contents) {
            anyUnreadable = true;
            err() << shown(contents.error().text()) << Qt::endl;
            report.append(QJsonObject{{QStringLiteral("file"), file},
                                      {QStringLiteral("valid"), false},
                                      {QStringLiteral("error"), contents.error().code},
                                      {QStringLiteral("findings"), QJsonArray()}});
            continue;
        }
        const Rules::DocumentCheck check = Rules::checkProcedureDocument(*contents, context);
        anyInvalid = anyInvalid || !check.isValid();
        if (parser.isSet(jsonOption)) {
            report.append(QJsonObject{{QStringLiteral("file"), file},
                                      {QStringLiteral("valid"), check.isValid()},
                                      {QStringLiteral("findings"), Model::findingsToJson(check.findings)}});
            continue;
        }
        for (const auto &finding : check.findings)
            out() << findingLine(file, finding) << Qt::endl;
        if (check.isValid())
            out() << shown(file) << ": valid" << Qt::endl;
    }
    if (parser.isSet(jsonOption))
        out() << QJsonDocument(report).toJson(QJsonDocument::Indented);
    out().flush();
    if (anyUnreadable)
        return UsageError;
    return anyInvalid ? Failure : Success;
}

} // namespace

Command validateCommand()
{
    return {0, QStringLiteral("validate"),
            QStringLiteral("Check Procedure JSON files against the EHR's rules."), runValidate};
}

const CommandRegistrar validateRegistrar(10, validateCommand);

} // namespace Cli
