#pragma once

// Shared by the outbox commands (submit, queue); header-only because the CLI's
// CMakeLists compiles only *command.cpp files.

#include <memory>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

#include "auth/backendservices.h"
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
    QCommandLineOption clientId{
        QStringLiteral("client-id"),
        QStringLiteral(
            "SMART Backend Services client id registered with the EHR (default: SUPERBILL_CLIENT_ID "
            "or auth/client_id in the shared settings). Needs --key-file."),
        QStringLiteral("ID")};
    QCommandLineOption keyFile{
        QStringLiteral("key-file"),
        QStringLiteral("Private key (PEM) of that client, made by 'superbill-cli auth keygen' (default: "
                       "SUPERBILL_KEY_FILE or auth/key_file in the shared settings)."),
        QStringLiteral("KEY.pem")};
    QCommandLineOption scope{QStringLiteral("scope"),
                             QStringLiteral("Scopes asked for with Backend Services (default: \"%1\").")
                                 .arg(Auth::ScopeSet::backendDefaults().toString()),
                             QStringLiteral("SCOPES")};
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
            addSignInTo(parser);
            parser.addOption(dialect);
            parser.addOption(maxTime);
        }
    }

    /// --ehr and the credentials: a bearer token, or a Backend Services client and its key.
    void addSignInTo(QCommandLineParser &parser)
    {
        parser.addOption(ehr);
        parser.addOption(tokenFile);
        parser.addOption(clientId);
        parser.addOption(keyFile);
        parser.addOption(scope);
    }
};

/// How superbill-cli signs in to the EHR, resolved from flags, the environment and the shared settings.
struct Credentials
{
    enum class Method
    {
        None,
        BearerToken,
        BackendServices,
    };
    Method method = Method::None;
    QString token;       ///< the bearer token; never printed
    QString tokenSource; ///< where it came from, for `auth status`
    QString clientId;
    QString keyFile;
    Auth::SigningKey key;
    Auth::ScopeSet scopes = Auth::ScopeSet::backendDefaults();
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

/// The credentials to use: a --token-file, else a Backend Services client id and key file (flags,
/// SUPERBILL_CLIENT_ID/SUPERBILL_KEY_FILE or the shared settings), else SUPERBILL_TOKEN. nullopt after a
/// message (a usage error).
inline std::optional<Credentials> resolveCredentials(const QCommandLineParser &parser,
                                                     const OutboxOptions &options,
                                                     const Ehr::EhrSettings &settings, const QString &command)
{
    Credentials credentials;
    const bool backendFlags = parser.isSet(options.clientId) || parser.isSet(options.keyFile);
    if (parser.isSet(options.tokenFile) && backendFlags) {
        err() << command << ": give either --token-file or --client-id with --key-file, not both" << Qt::endl;
        return std::nullopt;
    }
    if (parser.isSet(options.tokenFile)) {
        const auto fromFile = Ehr::EhrSettings::readTokenFile(parser.value(options.tokenFile));
        if (!fromFile) {
            err() << command << ": " << shown(fromFile.error().text()) << Qt::endl;
            return std::nullopt;
        }
        if (!fromFile->warning.isEmpty())
            err() << command << ": warning: " << shown(fromFile->warning) << Qt::endl;
        credentials.method = Credentials::Method::BearerToken;
        credentials.token = fromFile->token;
        credentials.tokenSource = QStringLiteral("--token-file ") + parser.value(options.tokenFile);
        return credentials;
    }
    credentials.clientId =
        parser.isSet(options.clientId) ? parser.value(options.clientId) : settings.backendClientId;
    credentials.keyFile = parser.isSet(options.keyFile) ? parser.value(options.keyFile) : settings.keyFile;
    if (backendFlags || (!credentials.clientId.isEmpty() && !credentials.keyFile.isEmpty())) {
        if (credentials.clientId.trimmed().isEmpty() || credentials.keyFile.isEmpty()) {
            err() << command << ": SMART Backend Services needs both a client id (--client-id or "
                  << "SUPERBILL_CLIENT_ID) and its private key (--key-file or SUPERBILL_KEY_FILE)"
                  << Qt::endl;
            return std::nullopt;
        }
        const auto keyFile = Auth::SigningKey::readFile(credentials.keyFile);
        if (!keyFile) {
            err() << command << ": " << shown(keyFile.error().text()) << Qt::endl;
            return std::nullopt;
        }
        if (!keyFile->warning.isEmpty())
            err() << command << ": warning: " << shown(keyFile->warning) << Qt::endl;
        credentials.method = Credentials::Method::BackendServices;
        credentials.key = keyFile->key;
        if (parser.isSet(options.scope))
            credentials.scopes = Auth::ScopeSet::parse(parser.value(options.scope));
        if (credentials.scopes.isEmpty()) {
            err() << command << ": --scope is empty" << Qt::endl;
            return std::nullopt;
        }
        return credentials;
    }
    const auto fromEnvironment = Ehr::EhrSettings::tokenFromEnvironment();
    if (!fromEnvironment) {
        err() << command << ": " << shown(fromEnvironment.error().text()) << Qt::endl;
        return std::nullopt;
    }
    credentials.token = *fromEnvironment;
    if (!credentials.token.isEmpty()) {
        credentials.method = Credentials::Method::BearerToken;
        credentials.tokenSource = QStringLiteral("SUPERBILL_TOKEN");
    }
    return credentials;
}

/// A client for the configured EHR that signs in with the resolved credentials; nullptr after a message.
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
    const auto credentials = resolveCredentials(parser, options, settings, command);
    if (!credentials)
        return nullptr;
    if (credentials->method == Credentials::Method::BackendServices) {
        // A child of the client, so it lives exactly as long as the requests that ask it for tokens.
        auto *backend = new Auth::BackendServices(
            {settings.ehrUrl, credentials->clientId, credentials->key, credentials->scopes}, client.get());
        client->setAuthenticator(backend);
    } else {
        client->setTokenProvider([token = credentials->token] { return token; });
    }
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
