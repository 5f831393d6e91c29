#include <QCommandLineParser>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include "clicommand.h"
#include "clicontext.h"
#include "drills/drill.h"
#include "drills/drillchecker.h"
#include "drills/snapshotreader.h"

namespace Cli {

namespace {

const QString DrillName = QStringLiteral("drill");

QString mark(Drills::CheckItem::Verdict verdict)
{
    switch (verdict) {
    case Drills::CheckItem::Verdict::Right:
        return QStringLiteral("[right]");
    case Drills::CheckItem::Verdict::Wrong:
        return QStringLiteral("[WRONG]");
    case Drills::CheckItem::Verdict::NotChecked:
        break;
    }
    return QStringLiteral("[not checked]");
}

int list(const QStringList &folders, bool json)
{
    const Drills::DrillList drills = Drills::loadDrills(folders);
    for (const auto &problem : drills.problems)
        err() << "drill list: " << problem.text() << Qt::endl;
    if (json) {
        QJsonArray array;
        for (const auto &drill : drills.drills)
            array.append(QJsonObject{{QStringLiteral("id"), drill.id},
                                     {QStringLiteral("title"), drill.title.en},
                                     {QStringLiteral("ehr"), Sandbox::behaviourName(drill.ehr.behaviour)},
                                     {QStringLiteral("file"), drill.filePath}});
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
    } else {
        for (const auto &drill : drills.drills)
            out() << drill.id.leftJustified(30) << "  "
                  << Sandbox::behaviourName(drill.ehr.behaviour).leftJustified(16) << "  " << drill.title.en
                  << Qt::endl;
    }
    out().flush();
    return drills.problems.isEmpty() ? Success : Failure;
}

int check(const QCommandLineParser &parser, const OutboxOptions &options, const QString &file,
          const QString &language)
{
    const auto drill = Drills::loadDrill(file);
    if (!drill) {
        err() << "drill check: " << drill.error().text() << Qt::endl;
        return UsageError;
    }
    Ehr::EhrSettings settings = Ehr::EhrSettings::fromEnvironment();
    if (parser.isSet(options.ehr))
        settings.ehrUrl = QUrl(parser.value(options.ehr));
    if (parser.isSet(options.db))
        settings.databasePath = parser.value(options.db);
    const auto seconds = maxTimeSeconds(parser, options, DrillName);
    if (!seconds)
        return UsageError;
    auto client = makeClient(parser, options, settings, DrillName);
    if (!client)
        return UsageError;
    std::unique_ptr<Outbox::OutboxStore> store;
    if (parser.isSet(options.db)) {
        // Checking must not create an outbox that is not there.
        if (!QFileInfo::exists(settings.databasePath)) {
            err() << "drill check: there is no outbox " << settings.databasePath << Qt::endl;
            return UsageError;
        }
        store = openStore(settings, DrillName);
        if (!store)
            return UsageError;
    }

    std::optional<Common::Result<Drills::EhrSnapshot>> read;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(std::chrono::seconds(*seconds));
    Drills::SnapshotReader::read(*client, *drill, &loop, [&read, &loop](const auto &result) {
        read = result;
        loop.quit();
    });
    if (!read)
        loop.exec();
    if (!read) {
        client->cancelAll();
        err() << "drill check: the EHR did not answer within " << *seconds << " s" << Qt::endl;
        return UsageError;
    }
    if (!read->ok()) {
        err() << "drill check: " << read->error().text() << Qt::endl;
        return UsageError;
    }
    Drills::EhrSnapshot snapshot = read->value();
    if (store) {
        Common::Result<QList<Outbox::OutboxLine>> queued = store->lines();
        if (!queued.ok()) {
            err() << "drill check: " << queued.error().text() << Qt::endl;
            return UsageError;
        }
        snapshot.outbox = std::move(queued).value();
    }
    const Drills::CheckReport report = Drills::checkDrill(*drill, snapshot, language);

    if (parser.isSet(options.json)) {
        QJsonObject object = report.toJson();
        object.insert(QStringLiteral("drill"), drill->id);
        object.insert(QStringLiteral("title"), drill->title.text(language));
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        out().flush();
    } else {
        out() << drill->id << ": " << drill->title.text(language) << Qt::endl;
        for (const auto &item : report.items)
            out() << "  " << mark(item.verdict) << ' ' << item.text << Qt::endl;
        out() << "score " << report.percent() << "% (" << report.right() << " of " << report.checked()
              << " right): " << (report.correct() ? "correct" : "not correct") << Qt::endl;
    }
    return report.correct() ? Success : Failure;
}

int runDrill(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Scored training exercises.\n"
        "  drill list [FOLDER...]          the built-in drills and those of the folders\n"
        "  drill check FILE --ehr URL      compares what the (training) EHR holds with the drill's expected "
        "result, field by field\n"
        "check reads the Procedures of the drill's encounters, the patients' diagnoses and the training "
        "EHR's "
        "refused lines; with --db it also looks at a trainee's outbox (discarded lines, lines still "
        "waiting). "
        "The token comes from SUPERBILL_TOKEN or --token-file, never from the command line.\n"
        "Exit status: 0 the result is correct (list: every file read); 1 something is wrong; 2 usage error, "
        "unreadable drill or an EHR that cannot be read."));
    parser.addHelpOption();
    OutboxOptions options;
    parser.addOption(options.ehr);
    parser.addOption(options.tokenFile);
    parser.addOption(options.json);
    options.token.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(options.token);
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("The trainee's outbox, to check discarded and waiting lines."),
                                QStringLiteral("FILE"));
    parser.addOption(db);
    const QCommandLineOption maxTime(
        QStringLiteral("max-time"),
        QStringLiteral("Give up on the EHR after this many seconds (default 30)."), QStringLiteral("SECONDS"),
        QStringLiteral("30"));
    parser.addOption(maxTime);
    const QCommandLineOption languageOption(
        QStringLiteral("language"), QStringLiteral("Language of the drill's texts: en (default) or es."),
        QStringLiteral("LANG"), QStringLiteral("en"));
    parser.addOption(languageOption);
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("list or check."),
                                 QStringLiteral("list|check"));
    if (const auto exit = parseArguments(parser, arguments, DrillName))
        return *exit;
    options.db = db;
    options.maxTime = maxTime;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QString language = parser.value(languageOption);
    if (language != u"en" && language != u"es") {
        err() << "drill: --language must be en or es" << Qt::endl;
        return UsageError;
    }
    if (action == u"list")
        return list(QStringList{Drills::builtInDrillsFolder()} + positional.mid(1),
                    parser.isSet(options.json));
    if (action == u"check") {
        if (positional.size() != 2) {
            err() << "drill check: give one drill FILE; see superbill-cli drill --help" << Qt::endl;
            return UsageError;
        }
        return check(parser, options, positional.at(1), language);
    }
    err() << "drill: give list or check; see superbill-cli drill --help" << Qt::endl;
    return UsageError;
}

} // namespace

Command drillCommand()
{
    return {0, DrillName, QStringLiteral("List drills, or check a drill's result against a training EHR."),
            runDrill};
}

const CommandRegistrar drillRegistrar(70, drillCommand);

} // namespace Cli
