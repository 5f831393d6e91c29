#include <algorithm>
#include <optional>

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "catalog/codecatalog.h"
#include "catalogoptions.h"
#include "clicommand.h"

namespace Cli {

namespace {

const auto Usage = QStringLiteral(
    "Usage: superbill-cli codes import FILE [--strict] [--db FILE]\n"
    "       superbill-cli codes search TEXT [--json] [--limit N] [--with-primary] [--db FILE]\n"
    "       superbill-cli codes synonyms import FILE [--db FILE]\n"
    "       superbill-cli codes synonyms list [--json] [--db FILE]\n"
    "       superbill-cli codes favourite CODE [--remove] [--db FILE]\n");

// The FILE of an import: exactly one, readable; else says what is wrong.
std::optional<QString> importFile(const QCommandLineParser &parser, const QString &command)
{
    if (parser.positionalArguments().size() != 1) {
        err() << command << ": give exactly one FILE\n" << Usage << Qt::flush;
        return std::nullopt;
    }
    QString file = parser.positionalArguments().constFirst();
    const QFileInfo info(file);
    if (!info.isFile() || !info.isReadable()) {
        err() << shown(file) << ": cannot read the file" << Qt::endl;
        return std::nullopt;
    }
    return file;
}

bool openCatalog(Catalog::CodeCatalog &catalog, const QString &path, const QString &command)
{
    if (catalog.open(path))
        return true;
    err() << command << ": " << shown(catalog.errorString()) << Qt::endl;
    return false;
}

// A CSV field, quoted when it must be.
QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    return u'"' + QString(text).replace(u'"', QStringLiteral("\"\"")) + u'"';
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
    const QCommandLineOption databaseOption = catalogDbOption();
    parser.addOptions({strictOption, versionOption, databaseOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The code file."));
    if (const auto exitCode = parseCommandLine(parser, arguments, QStringLiteral("codes import")))
        return *exitCode;
    const std::optional<QString> file = importFile(parser, QStringLiteral("codes import"));
    if (!file)
        return UsageError;
    Catalog::CodeCatalog catalog;
    const QString path = catalogPath(parser, databaseOption);
    if (!openCatalog(catalog, path, QStringLiteral("codes import")))
        return Failure;
    Catalog::ImportOptions options;
    options.strict = parser.isSet(strictOption);
    options.defaultVersion = parser.value(versionOption);
    const Catalog::ImportReport report = catalog.import(*file, options);
    for (const Catalog::ImportIssue &issue : report.issues)
        err() << shown(report.issueLine(issue)) << '\n';
    err().flush();
    if (report.refused) {
        err() << shown(*file) << ": " << shown(report.summary()) << Qt::endl;
        return Failure;
    }
    out() << shown(*file) << ": " << shown(report.summary()) << '\n'
          << "catalog " << shown(path) << ": " << catalog.size() << " codes" << Qt::endl;
    return report.hasErrors() ? Failure : Success;
}

QString matchName(Catalog::SearchMatch match)
{
    switch (match) {
    case Catalog::SearchMatch::ExactCode:
        return QStringLiteral("exact-code");
    case Catalog::SearchMatch::CodePrefix:
        return QStringLiteral("code-prefix");
    case Catalog::SearchMatch::AllWords:
        return QStringLiteral("all-words");
    case Catalog::SearchMatch::SomeWords:
        return QStringLiteral("some-words");
    case Catalog::SearchMatch::Listed:
        return QStringLiteral("listed");
    }
    return {};
}

QString demotionName(Catalog::Demotion demotion)
{
    switch (demotion) {
    case Catalog::Demotion::None:
        return {};
    case Catalog::Demotion::Dental:
        return QStringLiteral("dental");
    case Catalog::Demotion::Inactive:
        return QStringLiteral("inactive");
    case Catalog::Demotion::AddOnWithoutPrimary:
        return QStringLiteral("add-on-without-primary");
    }
    return {};
}

QJsonObject hitJson(const Catalog::SearchIndex::Hit &hit)
{
    QJsonObject object = entryJson(hit.entry);
    object.insert(QStringLiteral("match"), matchName(hit.match));
    QJsonArray matched;
    for (const Catalog::MatchedTerm &term : hit.matched)
        matched.append(QJsonObject{{QStringLiteral("query"), term.query},
                                   {QStringLiteral("term"), term.term},
                                   {QStringLiteral("via"), Catalog::viaName(term.via)}});
    object.insert(QStringLiteral("matched"), matched);
    if (hit.demotion != Catalog::Demotion::None) {
        object.insert(QStringLiteral("demoted"), demotionName(hit.demotion));
        object.insert(QStringLiteral("note"), Catalog::demotionText(hit.demotion));
    }
    return object;
}

// "(knee: major joint)": what the code's own words do not show, so a person sees why it came up.
QString matchNote(const Catalog::SearchIndex::Hit &hit)
{
    QStringList notes;
    for (const Catalog::MatchedTerm &term : hit.matched) {
        if (term.via != Catalog::MatchedTerm::Via::Word && term.via != Catalog::MatchedTerm::Via::InsideWord)
            notes.append(term.query + QStringLiteral(": ") + term.term);
    }
    return notes.isEmpty() ? QString() : u'(' + notes.join(QStringLiteral("; ")) + u')';
}

bool isComplete(const Catalog::SearchIndex::Hit &hit)
{
    return hit.match != Catalog::SearchMatch::SomeWords;
}

int runSearch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Searches the code catalog as the form's code box does: the exact code, codes starting with TEXT,\n"
        "then codes whose descriptions have its words. Case, accents and hyphens are ignored (x-ray, x ray\n"
        "and xray are one), other endings of a word count (biopsy finds biopsies), the synonym table turns\n"
        "what people say into the descriptions' words (knee -> major joint, EKG -> electrocardiogram),\n"
        "and a word of five letters or more may have one typo. Dental, inactive and add-on codes (without\n"
        "--with-primary) come after the others, labelled. With no code having every word, the closest\n"
        "suggestions are listed after a note on stderr. With no TEXT, lists the favourites and then the\n"
        "recently used codes. Without a catalog file, searches the built-in training catalog.\n"
        "Exit status: 0 found, 1 nothing found or the catalog cannot be opened, 2 usage error."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(
        QStringLiteral("json"),
        QStringLiteral("Print the result as JSON, with each code's matched terms (synonyms included)."));
    const QCommandLineOption limitOption(
        QStringLiteral("limit"),
        QStringLiteral("At most N results (default %1).").arg(Catalog::CodeCatalog::DefaultLimit),
        QStringLiteral("N"), QString::number(Catalog::CodeCatalog::DefaultLimit));
    const QCommandLineOption primaryOption(
        QStringLiteral("with-primary"),
        QStringLiteral("A primary code is already on the line: add-on codes rank like the others."));
    const QCommandLineOption databaseOption = catalogDbOption();
    parser.addOptions({jsonOption, limitOption, primaryOption, databaseOption});
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
    const QString path = catalogPath(parser, databaseOption);
    if (!catalog.openOrTraining(path)) {
        err() << "codes search: " << shown(catalog.errorString()) << Qt::endl;
        return Failure;
    }
    const bool haveFile = !catalog.isTraining();
    if (!haveFile && !parser.isSet(jsonOption))
        err() << "(no catalog at " << shown(path)
              << ": searching the built-in training catalog; import one with 'superbill-cli codes import')"
              << Qt::endl;

    Catalog::SearchOptions options;
    options.limit = limit;
    options.primaryCodeOnLine = parser.isSet(primaryOption);
    options.explain = true;
    const QList<Catalog::SearchIndex::Hit> hits = catalog.searchHits(text, options);
    const bool complete = std::any_of(hits.cbegin(), hits.cend(), isComplete);
    if (!text.trimmed().isEmpty() && !complete) {
        if (hits.isEmpty())
            err() << "no code matches \"" << shown(text.simplified()) << '"' << Qt::endl;
        else
            err() << "no code matches \"" << shown(text.simplified())
                  << "\"; the closest suggestions:" << Qt::endl;
    }
    if (parser.isSet(jsonOption)) {
        QJsonArray results;
        for (const Catalog::SearchIndex::Hit &hit : hits)
            results.append(hitJson(hit));
        const QJsonObject document{{QStringLiteral("catalog"), haveFile ? path : QStringLiteral("training")},
                                   {QStringLiteral("query"), text},
                                   {QStringLiteral("allWordsFound"), complete},
                                   {QStringLiteral("results"), results}};
        out() << QJsonDocument(document).toJson(QJsonDocument::Indented);
    } else {
        for (const Catalog::SearchIndex::Hit &hit : hits) {
            const Catalog::CodeEntry &entry = hit.entry;
            out() << shown(entry.code).leftJustified(7) << shown(entry.display);
            if (const QStringList flags = entry.flagNames(); !flags.isEmpty())
                out() << "  [" << flags.join(QStringLiteral(", ")) << ']';
            if (hit.demotion != Catalog::Demotion::None)
                out() << "  -- " << Catalog::demotionText(hit.demotion);
            if (const QString note = matchNote(hit); !note.isEmpty())
                out() << "  " << shown(note);
            out() << '\n';
        }
    }
    out().flush();
    return hits.isEmpty() ? Failure : Success;
}

int runSynonymsImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Adds the practice's own synonyms to the catalog file, on top of the shipped table. FILE is CSV (or\n"
        "tab-separated) with the columns term,expansion and an optional header line; '#' starts a comment.\n"
        "A term is what people type (up to 4 words), the expansion the words the code descriptions use:\n"
        "    term,expansion\n"
        "    bunion,hallux valgus\n"
        "    steroid shot,injection\n"
        "Synonyms map words to words, never to codes. A bad row is reported with its line number and the\n"
        "rest is imported; rows the catalog already has are left alone.\n"
        "Exit status: 0 imported, 1 rows not imported or import refused, 2 usage error or unreadable FILE."));
    parser.addHelpOption();
    const QCommandLineOption databaseOption = catalogDbOption();
    parser.addOption(databaseOption);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The synonym file."));
    if (const auto exitCode = parseCommandLine(parser, arguments, QStringLiteral("codes synonyms import")))
        return *exitCode;
    const std::optional<QString> file = importFile(parser, QStringLiteral("codes synonyms import"));
    if (!file)
        return UsageError;
    Catalog::CodeCatalog catalog;
    const QString path = catalogPath(parser, databaseOption);
    if (!openCatalog(catalog, path, QStringLiteral("codes synonyms import")))
        return Failure;
    const Common::Result<Catalog::ImportReport> report = catalog.importSynonyms(*file);
    if (!report) {
        err() << shown(report.error().text()) << Qt::endl;
        return Failure;
    }
    for (const Catalog::ImportIssue &issue : report->issues)
        err() << shown(report->issueLine(issue)) << '\n';
    err().flush();
    out() << shown(*file) << ": rows read: " << report->rowsRead << "; new synonyms: " << report->imported
          << "; already known: " << report->unchanged;
    if (const int errors = report->errorCount(); errors > 0)
        out() << "; not imported: " << errors;
    out() << ".\ncatalog " << shown(path) << ": " << catalog.practiceSynonyms().size()
          << " synonyms of the practice, " << catalog.index()->synonymCount()
          << " in use with the shipped table" << Qt::endl;
    if (catalog.size() == 0)
        err() << "(the catalog has no codes yet: import your code file with 'superbill-cli codes import')"
              << Qt::endl;
    return report->hasErrors() ? Failure : Success;
}

int runSynonymsList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists the synonyms search uses: the shipped table (resources/catalog/synonyms.csv) and the\n"
        "practice's own, in the term,expansion form 'codes synonyms import' reads."));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print them as JSON."));
    const QCommandLineOption databaseOption = catalogDbOption();
    parser.addOptions({jsonOption, databaseOption});
    if (const auto exitCode = parseCommandLine(parser, arguments, QStringLiteral("codes synonyms list")))
        return *exitCode;
    if (!parser.positionalArguments().isEmpty()) {
        err() << "codes synonyms list: takes no arguments\n" << Usage << Qt::flush;
        return UsageError;
    }
    Catalog::CodeCatalog catalog;
    const QString path = catalogPath(parser, databaseOption);
    if (!catalog.openOrTraining(path)) {
        err() << "codes synonyms list: " << shown(catalog.errorString()) << Qt::endl;
        return Failure;
    }
    const struct
    {
        QString source;
        Catalog::Synonyms synonyms;
    } tables[] = {{QStringLiteral("shipped"), Catalog::SynonymFile::shipped()},
                  {QStringLiteral("practice"), catalog.practiceSynonyms()}};
    if (parser.isSet(jsonOption)) {
        QJsonArray rows;
        for (const auto &table : tables) {
            for (const Catalog::Synonym &synonym : table.synonyms)
                rows.append(QJsonObject{{QStringLiteral("term"), synonym.term},
                                        {QStringLiteral("expansion"), synonym.expansion},
                                        {QStringLiteral("source"), table.source}});
        }
        out()
            << QJsonDocument(QJsonObject{{QStringLiteral("synonyms"), rows}}).toJson(QJsonDocument::Indented);
    } else {
        out() << "term,expansion\n";
        for (const auto &table : tables) {
            out() << "# " << table.source << '\n';
            for (const Catalog::Synonym &synonym : table.synonyms)
                out() << csvField(shown(synonym.term)) << ',' << csvField(shown(synonym.expansion)) << '\n';
        }
    }
    out().flush();
    return Success;
}

int runSynonyms(const QStringList &arguments)
{
    return runAction(
        arguments, QStringLiteral("codes synonyms"),
        {{QStringLiteral("import"), runSynonymsImport}, {QStringLiteral("list"), runSynonymsList}}, Usage);
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
    const QCommandLineOption databaseOption = catalogDbOption();
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
    const QString path = catalogPath(parser, databaseOption);
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
    return runAction(arguments, QStringLiteral("codes"),
                     {{QStringLiteral("import"), runImport},
                      {QStringLiteral("search"), runSearch},
                      {QStringLiteral("synonyms"), runSynonyms},
                      {QStringLiteral("favourite"), runFavourite}},
                     Usage);
}

} // namespace

Command codesCommand()
{
    return {
        0, QStringLiteral("codes"),
        QStringLiteral("Import a code file into the catalog, search it, add the practice's synonyms, or star "
                       "favourite codes."),
        runCodes};
}

const CommandRegistrar codesRegistrar(30, codesCommand);

} // namespace Cli
