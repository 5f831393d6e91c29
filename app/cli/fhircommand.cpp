#include <QCommandLineParser>

#include "clicommand.h"
#include "common/clock.h"
#include "fhir/procedurewriter.h"
#include "rules/documentcheck.h"

namespace Cli {

namespace {

int runFhir(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints a Procedure exactly as the app would send it: the defaults filled in (status completed,\n"
        "the US Core profile, a client identifier) and written in the chosen dialect.\n"
        "Exit status: 0 printed, 1 the Procedure has an error (findings on stderr), 2 usage error."));
    parser.addHelpOption();
    const QCommandLineOption dialectOption(
        QStringLiteral("dialect"),
        QStringLiteral("How recordedDate is written: ehr-vendor (top level, the default) or r4-strict "
                       "(R5 cross-version extension)."),
        QStringLiteral("DIALECT"), Fhir::dialectName(Fhir::Dialect::EhrVendor));
    parser.addOption(dialectOption);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A Procedure JSON file ('-' for stdin)."));
    if (const auto exitCode = parseCommandLine(parser, arguments, QStringLiteral("fhir")))
        return *exitCode;

    const auto dialect = Fhir::dialectFromName(parser.value(dialectOption));
    if (!dialect) {
        err() << "fhir: unknown dialect \"" << shown(parser.value(dialectOption)) << "\"; use "
              << Fhir::dialectNames().join(QStringLiteral(" or ")) << Qt::endl;
        return UsageError;
    }
    if (parser.positionalArguments().size() != 1) {
        err() << "fhir: give exactly one FILE; see superbill-cli fhir --help" << Qt::endl;
        return UsageError;
    }
    const QString file = parser.positionalArguments().constFirst();
    const auto contents = readInput(file);
    if (!contents) {
        err() << shown(contents.error().text()) << Qt::endl;
        return UsageError;
    }

    Rules::ValidationContext context;
    context.now = Common::Clock::system().nowUtc();
    const Rules::DocumentCheck check = Rules::checkProcedureDocument(*contents, context, true);
    for (const auto &finding : check.findings)
        err() << findingLine(file, finding) << Qt::endl;
    if (!check.isValid())
        return Failure;
    const auto json = Fhir::ProcedureWriter(*dialect).toBytes(*check.entry);
    if (!json) {
        const Common::Error &refusal = json.error();
        err() << findingLine(file, {refusal.code, Model::Severity::Error, refusal.path, refusal.message})
              << Qt::endl;
        return Failure;
    }
    out() << *json;
    out().flush();
    return Success;
}

} // namespace

Command fhirCommand()
{
    return {0, QStringLiteral("fhir"), QStringLiteral("Print a Procedure as the app would send it."),
            runFhir};
}

const CommandRegistrar fhirRegistrar(20, fhirCommand);

} // namespace Cli
