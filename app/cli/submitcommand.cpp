#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include "clicommand.h"
#include "clicontext.h"
#include "common/clock.h"
#include "outbox/backoffpolicy.h"
#include "outbox/drain.h"
#include "outbox/sender.h"
#include "rules/documentcheck.h"

namespace Cli {

namespace {

struct Submitted
{
    QString file;
    bool readable = true;
    QString readError; ///< unreadable, too-large
    bool valid = false;
    Model::Findings findings; ///< local validation
    qint64 lineId = 0;
    QString queueError;
};

int runSubmit(const QStringList &arguments)
{
    const QString command = QStringLiteral("submit");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks Procedure JSON files, queues the valid ones in the outbox (filling status, profile and a "
        "client "
        "identifier), then sends them to the EHR unless --no-send.\n"
        "Signing in: SMART Backend Services with --client-id and --key-file (or SUPERBILL_CLIENT_ID and "
        "SUPERBILL_KEY_FILE, or auth/client_id and auth/key_file in the shared settings), or a bearer token "
        "from "
        "SUPERBILL_TOKEN or --token-file; never a token on the command line. See superbill-cli auth --help.\n"
        "Exit status: 0 every file queued and sent (or queued, with --no-send); 1 a file is invalid, the EHR "
        "rejected a line, or a line is still waiting to be sent; 2 usage error, unreadable file or unusable "
        "outbox."));
    parser.addHelpOption();
    OutboxOptions options;
    options.addTo(parser, true);
    const QCommandLineOption noSend(QStringLiteral("no-send"), QStringLiteral("Only queue; send later."));
    parser.addOption(noSend);
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Procedure JSON files ('-' for stdin)."),
                                 QStringLiteral("FILE..."));
    if (const auto exit = parseArguments(parser, arguments, command))
        return *exit;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err() << "submit: no FILE given; see superbill-cli submit --help" << Qt::endl;
        return UsageError;
    }
    const auto settings = resolveSettings(parser, options, command);
    if (!settings)
        return UsageError;
    const auto seconds = maxTimeSeconds(parser, options, command);
    if (!seconds)
        return UsageError;
    const bool json = parser.isSet(options.json);
    const bool send = !parser.isSet(noSend);

    // Settle what is needed to send before queueing, so a bad flag does not leave lines behind unexplained.
    std::unique_ptr<Ehr::EhrClient> client;
    if (send) {
        client = makeClient(parser, options, *settings, command);
        if (!client)
            return UsageError;
    }
    auto store = openStore(*settings, command);
    if (!store)
        return UsageError;

    Rules::ValidationContext context;
    context.now = Common::Clock::system().nowUtc();
    QList<Submitted> results;
    for (const QString &file : files) {
        Submitted submitted;
        submitted.file = file;
        const auto contents = readInput(file);
        if (!contents) {
            err() << shown(contents.error().text()) << Qt::endl;
            submitted.readable = false;
            submitted.readError = contents.error().code;
            results.append(submitted);
            continue;
        }
        const Rules::DocumentCheck check = Rules::checkProcedureDocument(*contents, context, true);
        submitted.valid = check.isValid();
        submitted.findings = check.findings;
        if (submitted.valid) {
            // A file that already carries the identifier of a queued line is that line, not a new one.
            const auto identifier = check.entry->clientIdentifier();
            if (const auto existing = identifier ? store->lineByIdentifier(identifier->value).valueOr({})
                                                 : Outbox::OutboxLine{};
                existing.id > 0) {
                submitted.lineId = existing.id;
            } else if (const auto id = store->enqueue(*check.entry)) {
                submitted.lineId = *id;
            } else {
                submitted.queueError = id.error().message;
            }
        }
        results.append(submitted);
    }

    QList<qint64> queued;
    for (const auto &submitted : std::as_const(results)) {
        if (submitted.lineId > 0)
            queued.append(submitted.lineId);
    }

    QString sendProblem;
    if (send && !queued.isEmpty()) {
        Outbox::Sender sender(store.get(), client.get());
        sender.setBackoff(Outbox::BackoffPolicy::fromEnvironment());
        if (const Common::Status started = sender.start(); !started) {
            sendProblem = started.error().message;
        } else {
            // This run's lines still waiting. Asking the file about every one of them at each check (a few
            // times a second) made a batch of thousands crawl; a line is looked at again when this
            // process's sender changes it, and all that are left once a second (another program may
            // have discarded one).
            QSet<qint64> waiting(queued.cbegin(), queued.cend());
            const auto isWaiting = [&store](qint64 id) {
                const auto line = store->line(id);
                return line && (line->state == Outbox::LineState::Pending ||
                                line->state == Outbox::LineState::Sending);
            };
            QObject::connect(store.get(), &Outbox::OutboxStore::lineChanged, &sender,
                             [&waiting, &isWaiting](qint64 id) {
                                 if (waiting.contains(id) && !isWaiting(id))
                                     waiting.remove(id);
                             });
            QElapsedTimer sinceFullCheck;
            const auto ownLinesDone = [&] {
                if (!sinceFullCheck.isValid() || sinceFullCheck.elapsed() >= 1000) {
                    waiting.removeIf([&isWaiting](qint64 id) { return !isWaiting(id); });
                    sinceFullCheck.start();
                }
                return waiting.isEmpty();
            };
            const Outbox::DrainResult drained =
                Outbox::drainBlocking(sender, *store, std::chrono::seconds(*seconds), ownLinesDone);
            if (drained.reason == Outbox::DrainResult::Reason::Paused)
                sendProblem = drained.message;
            else if (drained.reason == Outbox::DrainResult::Reason::TimedOut)
                sendProblem =
                    QStringLiteral("not all lines could be sent within %1 s; they stay queued").arg(*seconds);
        }
    }

    bool anyUnreadable = false;
    bool anyFailure = false;
    QJsonArray report;
    for (const auto &submitted : std::as_const(results)) {
        anyUnreadable = anyUnreadable || !submitted.readable;
        std::optional<Outbox::OutboxLine> line;
        if (submitted.lineId > 0) {
            if (auto stored = store->line(submitted.lineId))
                line = *stored;
        }
        const bool ok = line && (line->state == Outbox::LineState::Sent ||
                                 (!send && line->state == Outbox::LineState::Pending));
        anyFailure = anyFailure || !ok;
        if (json) {
            QJsonObject item{{QStringLiteral("file"), submitted.file},
                             {QStringLiteral("valid"), submitted.valid},
                             {QStringLiteral("findings"), Model::findingsToJson(submitted.findings)}};
            if (!submitted.readable)
                item.insert(QStringLiteral("error"), submitted.readError);
            if (!submitted.queueError.isEmpty())
                item.insert(QStringLiteral("error"), submitted.queueError);
            if (line)
                item.insert(QStringLiteral("line"), lineJson(*line));
            report.append(item);
            continue;
        }
        if (!submitted.readable)
            continue; // said on stderr when it was read
        for (const auto &finding : submitted.findings)
            out() << findingLine(submitted.file, finding) << Qt::endl;
        if (!submitted.valid) {
            out() << shown(submitted.file) << ": invalid, not queued" << Qt::endl;
            continue;
        }
        if (!line) {
            out() << shown(submitted.file) << ": not queued: " << shown(submitted.queueError) << Qt::endl;
            continue;
        }
        switch (line->state) {
        case Outbox::LineState::Sent:
            out() << shown(submitted.file) << ": sent as Procedure/" << shown(line->ehrId) << " (line "
                  << line->id << ")" << Qt::endl;
            break;
        case Outbox::LineState::NeedsCorrection:
            out() << shown(submitted.file) << ": rejected by the EHR (line " << line->id << ")" << Qt::endl;
            for (const auto &finding : line->findings)
                out() << findingLine(submitted.file, finding) << Qt::endl;
            break;
        case Outbox::LineState::Discarded:
            out() << shown(submitted.file) << ": line " << line->id << " was discarded" << Qt::endl;
            break;
        case Outbox::LineState::Pending:
        case Outbox::LineState::Sending:
            out() << shown(submitted.file) << ": queued as line " << line->id
                  << (send ? QStringLiteral(", not sent yet") : QString())
                  << (line->lastError.isEmpty() ? QString() : QStringLiteral(": ") + shown(line->lastError))
                  << Qt::endl;
            break;
        }
    }
    if (json)
        out() << QJsonDocument(report).toJson(QJsonDocument::Indented);
    out().flush();
    if (!sendProblem.isEmpty())
        err() << "submit: " << shown(sendProblem) << Qt::endl;
    if (anyUnreadable)
        return UsageError;
    return anyFailure ? Failure : Success;
}

} // namespace

Command submitCommand()
{
    return {0, QStringLiteral("submit"),
            QStringLiteral("Queue Procedure JSON files in the outbox and send them."), runSubmit};
}

const CommandRegistrar submitRegistrar(40, submitCommand);

} // namespace Cli
