#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "clicommand.h"
#include "clicontext.h"
#include "outbox/backoffpolicy.h"
#include "outbox/drain.h"
#include "outbox/sender.h"

namespace Cli {

namespace {

const QString QueueName = QStringLiteral("queue");

void printLine(const Outbox::OutboxLine &line)
{
    out() << QString::number(line.id).rightJustified(6) << "  "
          << Outbox::lineStateName(line.state).leftJustified(16)
          << QString::number(line.attempts).rightJustified(3) << "  " << shown(line.code).leftJustified(6)
          << "  " << shown(line.encounterId).leftJustified(16) << "  "
          << (line.ehrId.isEmpty() ? QStringLiteral("-") : shown(line.ehrId));
    if (line.state == Outbox::LineState::Pending && line.nextAttemptAt.isValid() && line.attempts > 0)
        out() << "  next " << line.nextAttemptAt.toLocalTime().toString(Qt::ISODate);
    if (!line.lastError.isEmpty() && line.state != Outbox::LineState::Sent)
        out() << "  " << shown(line.lastError);
    out() << Qt::endl;
    if (line.state == Outbox::LineState::NeedsCorrection) {
        for (const auto &finding : line.findings)
            out() << findingLine(QStringLiteral("        line %1").arg(line.id), finding) << Qt::endl;
    }
}

std::optional<qint64> lineIdArgument(const QStringList &positional, const QString &action)
{
    bool ok = false;
    const qint64 id = positional.value(1).toLongLong(&ok);
    if (positional.size() != 2 || !ok || id <= 0) {
        err() << "queue " << action << ": give one line ID (see superbill-cli queue list)" << Qt::endl;
        return std::nullopt;
    }
    return id;
}

/// An outbox that cannot be read is unusable (2): an empty listing would say there is nothing in it.
int unreadable(const QString &action, const Common::Error &error)
{
    err() << "queue " << action << ": " << shown(error.message) << Qt::endl;
    return UsageError;
}

int list(Outbox::OutboxStore &store, bool json, const Outbox::LineFilter &filter)
{
    const auto lines = store.lines(filter);
    if (!lines)
        return unreadable(QStringLiteral("list"), lines.error());
    if (json) {
        QJsonArray array;
        for (const auto &line : *lines)
            array.append(lineJson(line));
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        out().flush();
        return Success;
    }
    const auto counts = store.counts();
    if (!counts)
        return unreadable(QStringLiteral("list"), counts.error());
    out() << "    ID  STATE           TRY  CODE    ENCOUNTER         EHR ID" << Qt::endl;
    for (const auto &line : *lines)
        printLine(line);
    out() << counts->total() << " line(s): " << counts->pending << " pending, " << counts->sending
          << " sending, " << counts->sent << " sent, " << counts->needsCorrection << " needs correction, "
          << counts->discarded << " discarded" << Qt::endl;
    return Success;
}

int show(Outbox::OutboxStore &store, bool json, qint64 id)
{
    const auto line = store.line(id);
    if (!line && line.error().code == u"no-such-line") {
        err() << "queue show: there is no line " << id << " in the outbox" << Qt::endl;
        return Failure;
    }
    if (!line)
        return unreadable(QStringLiteral("show"), line.error());
    const auto auditLog = store.audit(id);
    if (!auditLog)
        return unreadable(QStringLiteral("show"), auditLog.error());
    const QList<Outbox::AuditEntry> &audit = *auditLog;
    if (json) {
        QJsonObject object = lineJson(*line);
        QJsonArray events;
        for (const auto &entry : audit) {
            events.append(QJsonObject{{QStringLiteral("at"), entry.at.toString(Qt::ISODateWithMs)},
                                      {QStringLiteral("event"), entry.event},
                                      {QStringLiteral("httpStatus"), entry.httpStatus},
                                      {QStringLiteral("result"), entry.result},
                                      {QStringLiteral("ehrCode"), entry.ehrCode},
                                      {QStringLiteral("ehrId"), entry.ehrId},
                                      {QStringLiteral("detail"), entry.detail}});
        }
        object.insert(QStringLiteral("audit"), events);
        out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        out().flush();
        return Success;
    }
    printLine(*line);
    out() << "identifier " << shown(line->identifier.value) << Qt::endl;
    for (const auto &entry : audit) {
        out() << entry.at.toLocalTime().toString(Qt::ISODate) << "  " << shown(entry.event).leftJustified(11)
              << (entry.httpStatus ? QString::number(entry.httpStatus) : QStringLiteral("-")).leftJustified(5)
              << shown(entry.result).leftJustified(22) << shown(entry.ehrCode).leftJustified(8)
              << shown(entry.ehrId) << "  " << shown(entry.detail) << Qt::endl;
    }
    return Success;
}

int sendAll(Ehr::EhrClient &client, Outbox::OutboxStore &store, int seconds, bool json)
{
    Outbox::Sender sender(&store, &client);
    sender.setBackoff(Outbox::BackoffPolicy::fromEnvironment());
    if (const Common::Status started = sender.start(); !started) {
        err() << "queue send: " << shown(started.error().message) << Qt::endl;
        return Failure;
    }
    const Outbox::DrainResult drained = Outbox::drainBlocking(sender, store, std::chrono::seconds(seconds));
    const auto countsRead = store.counts();
    if (!countsRead)
        return unreadable(QStringLiteral("send"), countsRead.error());
    const Outbox::QueueCounts &counts = *countsRead;
    if (json) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("sent"), counts.sent},
                                           {QStringLiteral("pending"), counts.pending + counts.sending},
                                           {QStringLiteral("needsCorrection"), counts.needsCorrection},
                                           {QStringLiteral("discarded"), counts.discarded},
                                           {QStringLiteral("paused"),
                                            drained.reason == Outbox::DrainResult::Reason::Paused},
                                           {QStringLiteral("message"), drained.message}})
                     .toJson(QJsonDocument::Indented);
    } else {
        out() << counts.sent << " sent, " << counts.pending + counts.sending << " pending, "
              << counts.needsCorrection << " needs correction, " << counts.discarded << " discarded"
              << Qt::endl;
    }
    out().flush();
    switch (drained.reason) {
    case Outbox::DrainResult::Reason::Paused:
        err() << "queue send: stopped: " << shown(drained.message) << Qt::endl;
        break;
    case Outbox::DrainResult::Reason::TimedOut:
        err() << "queue send: " << counts.pending + counts.sending << " line(s) still waiting after "
              << seconds << " s; run it again later" << Qt::endl;
        break;
    case Outbox::DrainResult::Reason::Done:
        break;
    }
    if (counts.needsCorrection > 0)
        err() << "queue send: " << counts.needsCorrection
              << " line(s) need a correction; see superbill-cli queue list" << Qt::endl;
    return counts.pending + counts.sending + counts.needsCorrection == 0 ? Success : Failure;
}

int runQueue(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows and works the outbox.\n"
        "  list            every line with its state (--state, --encounter to filter)\n"
        "  show ID         one line with its audit log\n"
        "  send            send until nothing is left to send or --max-time passes;\n"
        "                  exit 0 only when every line is sent (discarded lines aside)\n"
        "  retry ID        send a pending or needs-correction line again now\n"
        "  discard ID      give up on a line that is not sent (it stays in the audit log)\n"
        "Exit status: 0 done; 1 a line is not sent, or refused the action; 2 usage error or an\n"
        "outbox that cannot be opened or read (damaged, or not an outbox)."));
    parser.addHelpOption();
    OutboxOptions options;
    options.addTo(parser, true);
    const QCommandLineOption stateOption(
        QStringLiteral("state"),
        QStringLiteral("list: only lines in this state (pending, sending, sent, "
                       "needs-correction, discarded)."),
        QStringLiteral("STATE"));
    const QCommandLineOption reasonOption(
        QStringLiteral("reason"), QStringLiteral("discard: why, for the audit."), QStringLiteral("TEXT"));
    const QCommandLineOption encounterOption(
        QStringLiteral("encounter"), QStringLiteral("list: only the lines of this encounter (its id)."),
        QStringLiteral("ID"));
    parser.addOption(stateOption);
    parser.addOption(encounterOption);
    parser.addOption(reasonOption);
    parser.addPositionalArgument(QStringLiteral("ACTION"),
                                 QStringLiteral("list, show, send, retry or discard."),
                                 QStringLiteral("list|show ID|send|retry ID|discard ID"));
    if (const auto exit = parseArguments(parser, arguments, QueueName))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    static const QStringList actions = {QStringLiteral("list"), QStringLiteral("show"),
                                        QStringLiteral("send"), QStringLiteral("retry"),
                                        QStringLiteral("discard")};
    if (!actions.contains(action)) {
        err() << "queue: give an action: " << actions.join(QStringLiteral(", "))
              << "; see superbill-cli queue --help" << Qt::endl;
        return UsageError;
    }
    if ((action == u"list" || action == u"send") && positional.size() > 1) {
        err() << "queue " << action << ": unexpected argument \"" << shown(positional.at(1)) << "\""
              << Qt::endl;
        return UsageError;
    }
    Outbox::LineFilter filter;
    filter.encounterId = parser.value(encounterOption);
    if (parser.isSet(stateOption)) {
        const auto state = Outbox::lineStateFromName(parser.value(stateOption));
        if (!state) {
            err() << "queue list: unknown state \"" << shown(parser.value(stateOption)) << "\"" << Qt::endl;
            return UsageError;
        }
        filter.states = {*state};
    }
    std::optional<qint64> id;
    if (action == u"show" || action == u"retry" || action == u"discard") {
        id = lineIdArgument(positional, action);
        if (!id)
            return UsageError;
    }
    const auto settings = resolveSettings(parser, options, QueueName);
    if (!settings)
        return UsageError;
    // Everything send needs is settled before the outbox is opened, so a usage error touches no file.
    std::optional<int> seconds;
    std::unique_ptr<Ehr::EhrClient> client;
    if (action == u"send") {
        seconds = maxTimeSeconds(parser, options, QueueName);
        if (!seconds)
            return UsageError;
        client = makeClient(parser, options, *settings, QueueName);
        if (!client)
            return UsageError;
    }
    auto store = openStore(*settings, QueueName);
    if (!store)
        return UsageError;
    const bool json = parser.isSet(options.json);

    if (action == u"list")
        return list(*store, json, filter);
    if (action == u"show")
        return show(*store, json, *id);
    if (action == u"send")
        return sendAll(*client, *store, *seconds, json);

    if (action == u"retry") {
        if (const Common::Status retried = store->retry(*id); !retried) {
            err() << "queue retry: " << shown(retried.error().message) << Qt::endl;
            return Failure;
        }
        out() << "line " << *id << " will be sent at the next queue send (or by the running app)" << Qt::endl;
        return Success;
    }
    const auto line = store->line(*id);
    if (const Common::Status discarded = store->discard(*id, parser.value(reasonOption)); !discarded) {
        err() << "queue discard: " << shown(discarded.error().message) << Qt::endl;
        return Failure;
    }
    out() << "line " << *id << " discarded; it stays in the outbox's audit log" << Qt::endl;
    if (line && line->outcomeUnknown)
        err() << "queue discard: warning: an earlier try of line " << *id
              << " may have reached the EHR without an answer; check the encounter in the EHR" << Qt::endl;
    return Success;
}

} // namespace

Command queueCommand()
{
    return {0, QStringLiteral("queue"), QStringLiteral("List, send, retry or discard outbox lines."),
            runQueue};
}

const CommandRegistrar queueRegistrar(50, queueCommand);

} // namespace Cli
