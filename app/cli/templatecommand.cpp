#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include "catalogoptions.h"
#include "clicommand.h"
#include "superbill/superbilltemplate.h"

namespace Cli {

namespace {

const auto Usage = QStringLiteral("Usage: superbill-cli template import FILE [--db FILE]\n"
                                  "       superbill-cli template export --out FILE [--db FILE]\n");

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks a superbill template (JSON, see the README) against the code catalog and keeps it in the\n"
        "catalog's file, where the app and 'template export' find it. Unknown, inactive, dental and\n"
        "non-CPT codes are refused, each reported as FILE:LINE: message; then nothing is stored.\n"
        "Exit status: 0 imported, 1 refused, 2 usage error or unreadable FILE."));
    parser.addHelpOption();
    const QCommandLineOption databaseOption = catalogDbOption();
    parser.addOption(databaseOption);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The template (JSON)."));
    if (const auto exitCode = parseCommandLine(parser, arguments, QStringLiteral("template import")))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        err() << "template import: give exactly one FILE\n" << Usage << Qt::flush;
        return UsageError;
    }
    const QString file = parser.positionalArguments().constFirst();
    const auto contents = readInput(file);
    if (!contents) {
        err() << shown(contents.error().text()) << Qt::endl;
        return UsageError;
    }

    const QString path = catalogPath(parser, databaseOption);
    // A new, empty catalog would refuse every code and then stand in for the training catalog.
    if (!QFileInfo::exists(path)) {
        err() << "template import: there is no code catalog at " << shown(path)
              << "; import the practice's codes first (superbill-cli codes import FILE)" << Qt::endl;
        return Failure;
    }
    Catalog::CodeCatalog catalog;
    if (!catalog.open(path)) {
        err() << "template import: " << shown(catalog.errorString()) << Qt::endl;
        return Failure;
    }
    const Superbill::TemplateReading reading = Superbill::importTemplate(catalog, *contents, file);
    if (!reading.ok()) {
        for (const Common::Error &error : reading.errors)
            err() << shown(error.text()) << '\n';
        err() << shown(file) << ": not imported (" << reading.errors.size()
              << (reading.errors.size() == 1 ? " problem" : " problems")
              << "); the template in use is unchanged" << Qt::endl;
        return Failure;
    }
    out() << shown(file) << ": imported \"" << shown(reading.superbill->name) << "\", "
          << reading.superbill->sections.size() << " sections, " << reading.superbill->codeCount()
          << " codes\ncatalog " << path << Qt::endl;
    return Success;
}

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes the superbill template in use: the one imported into the catalog, else the training\n"
        "template shipped with the app.\n"
        "Exit status: 0 written, 1 the catalog or FILE cannot be used, 2 usage error."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Where to write ('-': stdout)."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption databaseOption = catalogDbOption();
    parser.addOptions({outOption, databaseOption});
    if (const auto exitCode = parseCommandLine(parser, arguments, QStringLiteral("template export")))
        return *exitCode;
    if (!parser.isSet(outOption) || !parser.positionalArguments().isEmpty()) {
        err() << "template export: give --out FILE and nothing else\n" << Usage << Qt::flush;
        return UsageError;
    }
    Catalog::CodeCatalog catalog;
    const QString path = catalogPath(parser, databaseOption);
    if (!catalog.openOrTraining(path)) {
        err() << "template export: " << shown(catalog.errorString()) << Qt::endl;
        return Failure;
    }
    const auto superbill = Superbill::templateInUse(catalog);
    if (!superbill) {
        err() << "template export: " << shown(superbill.error().text()) << Qt::endl;
        return Failure;
    }
    const QByteArray json = superbill->toJson();
    const QString target = parser.value(outOption);
    if (target == u"-") {
        out() << QString::fromUtf8(json) << Qt::flush;
        return Success;
    }
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        err() << shown(target) << ": cannot write: " << shown(file.errorString()) << Qt::endl;
        return Failure;
    }
    out() << shown(target) << ": \"" << shown(superbill->name) << "\", " << superbill->codeCount() << " codes"
          << Qt::endl;
    return Success;
}

int runTemplate(const QStringList &arguments)
{
    return runAction(arguments, QStringLiteral("template"),
                     {{QStringLiteral("import"), runImport}, {QStringLiteral("export"), runExport}}, Usage);
}

} // namespace

Command templateCommand()
{
    return {0, QStringLiteral("template"),
            QStringLiteral("Import the practice's superbill template, or export the one in use."),
            runTemplate};
}

const CommandRegistrar templateRegistrar(35, templateCommand);

} // namespace Cli
