#pragma once

// Shared by the outbox commands (submit, queue); header-only because the CLI's
// CMakeLists compiles only *command.cpp files.

#include <memory>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include "clicommand.h"
#include "ehr/ehrclient.h"
#include "ehr/ehrsettings.h"
#include "outbox/outboxline.h"
#include "outbox/outboxstore.h"

namespace Cli {

/// The options every outbox command shares, and what they resolve to.
struct OutboxOptions
{
    QCommandLineOption ehr{
        QStringLiteral("ehr"),
        QStringLiteral("EHR FHIR base URL (default: SUPERBILL_EHR_URL or the shared settings)."),
        QStringLiteral("URL")};
    QCommandLineOption db{QStringLiteral("db"),
                          QStringLiteral("Outbox database (default: SUPERBILL_DB or %1).")
                              .arg(Ehr::EhrSettings::defaultDatabasePath()),
                          QStringLiteral("FILE")};
    QCommandLineOption tokenFile{
        QStringLiteral("token-file"),
        QStringLiteral("File whose first line is the bearer token (default: the SUPERBILL_TOKEN variable)."),
        QStringLiteral("FILE")};
    QCommandLineOption dialect{QStringLiteral("dialect"),
                               QStringLiteral("How recordedDate is written: %1.")
                                   .arg(Fhir::dialectNames().join(QStringLiteral(", "))),
                               QStringLiteral("DIALECT")};
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("Print the result as JSON.")};
    QCommandLineOption maxTime{QStringLiteral("max-time"),
                               QStringLiteral("Stop sending after this many seconds (default 120)."),
                               QStringLiteral("SECONDS"), QStringLiteral("120")};
    // A token on the command line would show in ps and in shell history: refused with a message.
    QCommandLineOption token{QStringLiteral("token"), QString(), QStringLiteral("TOKEN")};

    void addTo(QCommandLineParser &parser, bool sending)
    {
        parser.addOption(db);
        parser.addOption(json);
        token.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(token);
        if (sending) {
            parser.addOption(ehr);
            parser.addOption(tokenFile);
            parser.addOption(dialect);
            parser.addOption(maxTime);
        }
    }
};

/// parseCommandLine(), and a token given on the command line is a usage error (2): it would show in
/// ps and in the shell's history.
inline std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                         const QString &command)
{
    if (const auto exit = parseCommandLine(parser, arguments, command))
        return exit;
    if (parser.isSet(QStringLiteral("token"))) {
        err() << command
              << ": tokens are never given on the command line; use --token-file FILE or the SUPERBILL_TOKEN "
                 "environment variable"
              << Qt::endl;
        return UsageError;
    }
    return std::nullopt;
}

/// The settings with the flags applied; nullopt (after a message) for a bad flag value.
inline std::optional<Ehr::EhrSettings> resolveSettings(const QCommandLineParser &parser,
                                                       const OutboxOptions &options, const QString &command)
{
    Ehr::EhrSettings settings = Ehr::EhrSettings::fromEnvironment();
    if (parser.isSet(options.db))
        settings.databasePath = parser.value(options.db);
    if (parser.isSet(options.ehr))
        settings.ehrUrl = QUrl(parser.value(options.ehr));
    if (parser.isSet(options.dialect)) {
        const auto dialect = Fhir::dialectFromName(parser.value(options.dialect));
        if (!dialect) {
            err() << command << ": --dialect must be one of "
                  << Fhir::dialectNames().join(QStringLiteral(", ")) << Qt::endl;
            return std::nullopt;
        }
        settings.dialect = *dialect;
    }
    return settings;
}

/// Opens the outbox; nullptr after a message.
inline std::unique_ptr<Outbox::OutboxStore> openStore(const Ehr::EhrSettings &settings,
                                                      const QString &command)
{
    auto store = std::make_unique<Outbox::OutboxStore>();
    if (const Common::Status opened = store->open(settings.databasePath); !opened) {
        err() << command << ": " << shown(opened.error().message) << Qt::endl;
        return nullptr;
    }
    return store;
}

/// A client for the configured EHR with the token from --token-file or SUPERBILL_TOKEN; nullptr after a
/// message.
inline std::unique_ptr<Ehr::EhrClient> makeClient(const QCommandLineParser &parser,
                                                  const OutboxOptions &options,
                                                  const Ehr::EhrSettings &settings, const QString &command)
{
    if (settings.ehrUrl.isEmpty()) {
        err() << command << ": no EHR address; give --ehr URL or set SUPERBILL_EHR_URL" << Qt::endl;
        return nullptr;
    }
    auto client = std::make_unique<Ehr::EhrClient>();
    if (const Common::Status address = client->setBaseUrl(settings.ehrUrl); !address) {
        err() << command << ": " << shown(address.error().message) << Qt::endl;
        return nullptr;
    }
    QString token;
    if (parser.isSet(options.tokenFile)) {
        const auto fromFile = Ehr::EhrSettings::readTokenFile(parser.value(options.tokenFile));
        if (!fromFile) {
            err() << command << ": " << shown(fromFile.error().text()) << Qt::endl;
            return nullptr;
        }
        if (!fromFile->warning.isEmpty())
            err() << command << ": warning: " << shown(fromFile->warning) << Qt::endl;
        token = fromFile->token;
    } else {
        const auto fromEnvironment = Ehr::EhrSettings::tokenFromEnvironment();
        if (!fromEnvironment) {
            err() << command << ": " << shown(fromEnvironment.error().text()) << Qt::endl;
            return nullptr;
        }
        token = *fromEnvironment;
    }
    client->setTokenProvider([token] { return token; });
    client->setDialect(settings.dialect);
    client->setTransferTimeout(std::chrono::milliseconds(settings.transferTimeoutMs));
    return client;
}

inline std::optional<int> maxTimeSeconds(const QCommandLineParser &parser, const OutboxOptions &options,
                                         const QString &command)
{
    bool ok = false;
    const int seconds = parser.value(options.maxTime).toInt(&ok);
    if (!ok || seconds < 0) {
        err() << command << ": --max-time must be a whole number of seconds" << Qt::endl;
        return std::nullopt;
    }
    return seconds;
}

inline QJsonObject lineJson(const Outbox::OutboxLine &line)
{
    const auto time = [](const QDateTime &value) {
        return value.isValid() ? QJsonValue(value.toString(Qt::ISODateWithMs)) : QJsonValue();
    };
    return {{QStringLiteral("id"), line.id},
            {QStringLiteral("state"), Outbox::lineStateName(line.state)},
            {QStringLiteral("identifier"), line.identifier.value},
            {QStringLiteral("patient"), line.patientId},
            {QStringLiteral("encounter"), line.encounterId},
            {QStringLiteral("code"), line.code},
            {QStringLiteral("display"), line.display},
            {QStringLiteral("performedStart"), line.performedStart.isValid()
                                                   ? QJsonValue(line.performedStart.toString(Qt::ISODate))
                                                   : QJsonValue()},
            {QStringLiteral("attempts"), line.attempts},
            {QStringLiteral("outcomeUnknown"), line.outcomeUnknown},
            {QStringLiteral("ehrId"), line.ehrId},
            {QStringLiteral("lastResult"), line.lastResult},
            {QStringLiteral("lastHttpStatus"), line.lastHttpStatus},
            {QStringLiteral("lastError"), line.lastError},
            {QStringLiteral("createdAt"), time(line.createdAt)},
            {QStringLiteral("nextAttemptAt"), time(line.nextAttemptAt)},
            {QStringLiteral("sentAt"), time(line.sentAt)},
            {QStringLiteral("findings"), Model::findingsToJson(line.findings)}};
}

} // namespace Cli
