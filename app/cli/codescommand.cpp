#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "catalog/codecatalog.h"
#include "clicommand.h"

namespace Cli {

namespace {

const auto Usage = QStringLiteral("Usage: superbill-cli codes import FILE [--strict] [--db FILE]\n"
                                  "       superbill-cli codes search TEXT [--json] [--limit N] [--db FILE]\n"
                                  "       superbill-cli codes favourite CODE [--remove] [--db FILE]\n");

QCommandLineOption dbOption()
{
    return {QStringLiteral("db"),
            QStringLiteral("The catalog file (default: $SUPERBILL_CATALOG_DB, else %1).")
                .arg(Catalog::CodeCatalog::defaultDatabasePath()),
            QStringLiteral("FILE")};
}

QString databasePath(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    return parser.isSet(option) ? parser.value(option) : Catalog::CodeCatalog::defaultDatabasePath();
}

QJsonObject entryJson(const Catalog::CodeEntry &entry)
{
    return {{QStringLiteral("code"), entry.code},
            {QStringLiteral("display"), entry.display},
            {QStringLiteral("version"), entry.version},
            {QStringLiteral("kind"), Rules::CodeClassifier::kindName(entry.kind)},
            {QStringLiteral("anesthesia"), entry.flags.anesthesia},
            {QStringLiteral("dental"), entry.flags.dental},
            {QStringLiteral("addOn"), entry.flags.addOn},
            {QStringLiteral("inactive"), entry.flags.inactive}};
}

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports a code file (CSV or tab-separated; UTF-8 with or without BOM) into the catalog.\n"
        "Columns: code, display (or description), and optional version, anesthesia, dental, add-on,\n"
        "inactive; a header line names them. Codes missing from a file of the catalog's version or newer\n"
        "are marked inactive, never deleted. A bad row is reported with its line number and the rest is\n"
        "imported, unless --strict is given.\n"
        "Exit status: 0 imported, 1 rows not imported or import refused, 2 usage error or unreadable FILE."));
    parser.addHelpOption();
    const QCommandLineOption strictOption(
        QStringLiteral("strict"), QStringLiteral("Refuse the whole import when any row has an error."));
    const QCommandLineOption versionOption(QStringLiteral("code-version"),
                                           QStringLiteral("Version for rows without one, e.g. 2026."),
                                           QStringLiteral("YEAR"));
    const QCommandLineOption databaseOption = dbOption();
    parser.addOptions({strictOption, versionOption, databaseOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The code file."));
    if (const auto exitCode = parseCommandLine(parser, arguments, QStringLiteral("codes import")))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        err() << "codes import: give exactly one FILE\n" << Usage << Qt::flush;
        return UsageError;
    }
    const QString file = parser.positionalArguments().constFirst();
    const QFileInfo info(file);
    if (!info.isFile() || !info.isReadable()) {
        err() << shown(file) << ": cannot read the file" << Qt::endl;
        return UsageError;
    }

    Catalog::CodeCatalog catalog;
    const QString path = databasePath(parser, databaseOption);
    if (!catalog.open(path)) {
        err() << "codes import: " << shown(catalog.errorString()) << Qt::endl;
        return Failure;
    }
    Catalog::ImportOptions options;
    options.strict = parser.isSet(strictOption);
    options.defaultVersion = parser.value(versionOption);
    const Catalog::ImportReport report = catalog.import(file, options);
    for (const Catalog::ImportIssue &issue : report.issues)
        err() << shown(report.issueLine(issue)) << '\n';
    err().flush();
    if (report.refused) {
        err() << shown(file) << ": " << shown(report.summary()) << Qt::endl;
        return Failure;
    }
    out() << shown(file) << ": " << shown(report.summary()) << '\n'
          << "catalog " << shown(path) << ": " << catalog.size() << " codes" << Qt::endl;
    return report.hasErrors() ? Failure : Success;
}

int runSearch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Searches the code catalog as the form's code box does: exact code, code prefix, words at word\n"
        "starts in any order, then words anywhere; case and accents ignored. With no TEXT, lists the\n"
        "favourites and then the recently used codes. Without a catalog file, searches the built-in\n"
        "training catalog.\n"
        "Exit status: 0 found, 1 nothing found or the catalog cannot be opened, 2 usage error."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the result as JSON."));
    const QCommandLineOption limitOption(
        QStringLiteral("limit"),
        QStringLiteral("At most N results (default %1).").arg(Catalog::CodeCatalog::DefaultLimit),
        QStringLiteral("N"), QString::number(Catalog::CodeCatalog::DefaultLimit));
    const QCommandLineOption databaseOption = dbOption();
    parser.addOptions({jsonOption, limitOption, databaseOption});
    parser.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("A code, part of one, or words."),
                                 QStringLiteral("[TEXT...]"));
    if (const auto exitCode = parseCommandLine(parser, arguments, QStringLiteral("codes search")))
        return *exitCode;
    bool limitOk = false;
    const int limit = parser.value(limitOption).toInt(&limitOk);
    if (!limitOk || limit < 1) {
        err() << "codes search: --limit needs a whole number of 1 or more, not \""
              << shown(parser.value(limitOption)) << "\"" << Qt::endl;
        return UsageError;
    }
    const QString text = parser.positionalArguments().join(u' ');

    Catalog::CodeCatalog catalog;
    const QString path = databasePath(parser, databaseOption);
    if (!catalog.openOrTraining(path)) {
        err() << "codes search: " << shown(catalog.errorString()) << Qt::endl;
        return Failure;
    }
    const bool haveFile = !catalog.isTraining();
    if (!haveFile && !parser.isSet(jsonOption))
        err() << "(no catalog at " << shown(path)
              << ": searching the built-in training catalog; import one with 'superbill-cli codes import')"
              << Qt::endl;

    const Catalog::CodeEntries entries = catalog.search(text, limit);
    if (parser.isSet(jsonOption)) {
        QJsonArray results;
        for (const Catalog::CodeEntry &entry : entries)
            results.append(entryJson(entry));
        const QJsonObject document{{QStringLiteral("catalog"), haveFile ? path : QStringLiteral("training")},
                                   {QStringLiteral("query"), text},
                                   {QStringLiteral("results"), results}};
        out() << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else {
        for (const Catalog::CodeEntry &entry : entries) {
            out() << shown(entry.code).leftJustified(7) << shown(entry.display);
            if (const QStringList flags = entry.flagNames(); !flags.isEmpty())
                out() << "  [" << flags.join(QStringLiteral(", ")) << ']';
            out() << '\n';
        }
    }
    out().flush();
    return entries.isEmpty() ? Failure : Success;
}

int runFavourite(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Stars a code for you (or unstars it with --remove): favourites come first when the form's code\n"
        "box is empty, as in 'codes search' without TEXT. They are kept per user in the catalog file.\n"
        "Exit status: 0 done, 1 the code is not in the catalog or the catalog cannot be written,\n"
        "2 usage error."));
    parser.addHelpOption();
    const QCommandLineOption removeOption(QStringLiteral("remove"), QStringLiteral("Unstar the code."));
    const QCommandLineOption databaseOption = dbOption();
    parser.addOptions({removeOption, databaseOption});
    parser.addPositionalArgument(QStringLiteral("CODE"),
                                 QStringLiteral("A code of the catalog, e.g. 99213."));
    if (const auto exitCode = parseCommandLine(parser, arguments, QStringLiteral("codes favourite")))
        return *exitCode;
    if (parser.positionalArguments().size() != 1) {
        err() << "codes favourite: give exactly one CODE\n" << Usage << Qt::flush;
        return UsageError;
    }
    const QString code = Catalog::normalizedCode(parser.positionalArguments().constFirst());
    const QString path = databasePath(parser, databaseOption);
    if (!QFileInfo::exists(path)) {
        err() << "codes favourite: no catalog at " << path
              << "; import one first with 'superbill-cli codes import FILE'" << Qt::endl;
        return Failure;
    }
    Catalog::CodeCatalog catalog;
    const bool favourite = !parser.isSet(removeOption);
    if (!catalog.open(path) || !catalog.setFavourite(code, favourite)) {
        err() << "codes favourite: " << catalog.errorString() << Qt::endl;
        return Failure;
    }
    out() << code << (favourite ? ": a favourite" : ": no longer a favourite") << Qt::endl;
    return Success;
}

int runCodes(const QStringList &arguments)
{
    const QString action = arguments.value(1);
    QStringList rest = arguments;
    if (action == u"import" || action == u"search" || action == u"favourite") {
        rest.removeAt(1);
        rest[0] += u' ' + action;
        return action == u"import"   ? runImport(rest)
               : action == u"search" ? runSearch(rest)
                                     : runFavourite(rest);
    }
    if (action == u"-h" || action == u"--help" || action == u"help") {
        out()
            << Usage
            << "\nRun 'superbill-cli codes import --help', 'codes search --help' or 'codes favourite --help'."
            << Qt::endl;
        return Success;
    }
    err() << (action.isEmpty() ? QStringLiteral("codes: give import, search or favourite")
                               : QStringLiteral("codes: unknown action \"%1\"").arg(shown(action)))
          << '\n'
          << Usage << Qt::flush;
    return UsageError;
}

} // namespace

Command codesCommand()
{
    return {0, QStringLiteral("codes"),
            QStringLiteral("Import a code file into the catalog, search it, or star favourite codes."),
            runCodes};
}

const CommandRegistrar codesRegistrar(30, codesCommand);

} // namespace Cli
