#include <csignal>
#include <optional>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>

#include "auth/jsonwebkeyset.h"
#include "common/consolestreams.h"
#include "sandbox/server.h"
#include "sandbox/token.h"
#include "signalwatcher.h"

namespace {

enum ExitCode
{
    Success = 0,
    StartFailed = 1,
    UsageError = 2
};

QString tr(const char *text)
{
    return QCoreApplication::translate("superbill-sandbox", text);
}

QTextStream &out()
{
    return Common::standardOutput();
}

QTextStream &err()
{
    return Common::standardError();
}

int usageError(const QString &message)
{
    err() << "superbill-sandbox: " << message << '\n'
          << tr("Run 'superbill-sandbox --help' for the options.") << Qt::endl;
    return UsageError;
}

std::optional<double> parseRate(const QString &text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < 0 || value > 1)
        return std::nullopt;
    return value;
}

std::optional<QHostAddress> parseHost(const QString &text)
{
    if (text.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return QHostAddress(QHostAddress::LocalHost);
    QHostAddress address;
    if (!address.setAddress(text))
        return std::nullopt;
    return address;
}

QString tokenDirectory()
{
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return runtime.isEmpty() ? QDir::tempPath() : runtime;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("superbill-sandbox"));
    QCoreApplication::setOrganizationName(QStringLiteral("Superbill Desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SUPERBILL_VERSION));
    // The request log goes through Qt logging when there is no --log file: give its lines a time.
    if (qEnvironmentVariableIsEmpty("QT_MESSAGE_PATTERN"))
        qSetMessagePattern(
            QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{if-category}%{category}: %{endif}%{message}"));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "The Superbill Desk training EHR: a FHIR R4 server with fictional demo patients, encounters and "
        "diagnoses that enforces the EHR's Procedure rules.\n\n"
        "Prints 'listening on http://HOST:PORT/BASE' as its first line and runs until SIGINT or SIGTERM.\n"
        "The bearer token is read from --token-file or the environment variable SUPERBILL_SANDBOX_TOKEN "
        "(never from the command line); with neither, a random token is written to a new file readable "
        "only by you, and that file's path is printed.\n"
        "It is a SMART on FHIR server too: BASE/.well-known/smart-configuration, BASE/metadata and "
        "BASE/jwks need no token; BASE/authorize signs people in (PKCE S256, aud = BASE) and BASE/token "
        "issues RS256 access tokens (authorization_code, rotated refresh tokens, client_credentials with a "
        "private_key_jwt for the clients of --client/--client-jwks) that are checked per interaction; "
        "the bearer token above opens everything.\n"
        "Admin operations (token required): POST BASE/$sandbox-faults with {\"failRate\", \"dropRate\", "
        "\"hangRate\", \"latencyMs\"} changes fault injection; POST BASE/$sandbox-reset restores the demo "
        "data and deletes stored procedures."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        tr("Address to listen on (default 127.0.0.1). Anything but loopback "
                                           "serves plain HTTP to the network."),
                                        tr("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        tr("TCP port; 0 picks a free one (default 0)."), tr("port"),
                                        QStringLiteral("0"));
    const QCommandLineOption basePathOption(QStringLiteral("base-path"),
                                            tr("FHIR base path (default /mps/fhir/R4/V1, the vendor's)."),
                                            tr("path"), QStringLiteral("/mps/fhir/R4/V1"));
    const QCommandLineOption tokenFileOption(
        QStringLiteral("token-file"), tr("File whose first line is the bearer token clients must send."),
        tr("file"));
    const QCommandLineOption dataOption(
        QStringLiteral("data"),
        tr("SQLite file that keeps stored procedures across restarts (default: in memory)."), tr("file"));
    const QCommandLineOption demoDataOption(QStringLiteral("demo-data"),
                                            tr("Directory with patients.json, encounters.json and "
                                               "conditions.json (FHIR Bundles) to use instead of "
                                               "the built-in demo data."),
                                            tr("dir"));
    const QCommandLineOption failRateOption(QStringLiteral("fail-rate"),
                                            tr("Share of requests (0-1) answered 500/503 with a retryable "
                                               "EHR code (500003, 500008); some 503s carry "
                                               "Retry-After: 1."),
                                            tr("rate"), QStringLiteral("0"));
    const QCommandLineOption dropRateOption(
        QStringLiteral("drop-rate"),
        tr("Share of requests (0-1) processed (a POST is stored) whose connection is then closed without an "
           "answer: the lost response."),
        tr("rate"), QStringLiteral("0"));
    const QCommandLineOption hangRateOption(
        QStringLiteral("hang-rate"),
        tr("Share of requests (0-1) never answered, the connection left open; nothing is stored."),
        tr("rate"), QStringLiteral("0"));
    const QCommandLineOption latencyOption(
        QStringLiteral("latency-ms"), tr("Delay every answer by this much."), tr("ms"), QStringLiteral("0"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"),
        tr("Seed for fault injection; the same seed and requests give the same faults "
           "(default: random, printed when faults are on)."),
        tr("number"));
    const QCommandLineOption logOption(QStringLiteral("log"),
                                       tr("Append the request log to this file instead of standard error."),
                                       tr("file"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), tr("No request log."));
    const QCommandLineOption accessTokenTtlOption(
        QStringLiteral("access-token-ttl"),
        tr("Lifetime of the SMART access tokens this server issues, in seconds (default 300); short ones "
           "make clients renew them."),
        tr("seconds"), QStringLiteral("300"));
    const QCommandLineOption clientOption(
        QStringLiteral("client"),
        tr("Register a SMART client id. Given together with --client-jwks (the n-th --client-jwks belongs to "
           "the n-th --client) it is a Backend Services client that signs in with a private_key_jwt; without "
           "one it is a public app like the built-in \"superbill-desk\". Repeatable."),
        tr("id"));
    const QCommandLineOption clientJwksOption(
        QStringLiteral("client-jwks"),
        tr("The public JWK Set of a Backend Services client (what 'superbill-cli auth keygen' prints). "
           "Repeatable."),
        tr("file"));
    const QCommandLineOption maxConnectionsOption(
        QStringLiteral("max-connections"),
        tr("Clients served at once (default 64); more wait until one closes."), tr("number"),
        QString::number(Sandbox::ConnectionLimits().maxConnections));
    parser.addOptions({hostOption, portOption, basePathOption, tokenFileOption, dataOption, demoDataOption,
                       failRateOption, dropRateOption, hangRateOption, latencyOption, seedOption, logOption,
                       quietOption, maxConnectionsOption, accessTokenTtlOption, clientOption,
                       clientJwksOption});
    // A token on the command line would show in ps and in shell history.
    QCommandLineOption refusedTokenOption(QStringLiteral("token"), QString(), tr("token"));
    refusedTokenOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(refusedTokenOption);
    // Not process(): it exits with 1 on a bad option, which here means "could not start".
    if (!parser.parse(QCoreApplication::arguments()))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Success);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    if (parser.isSet(refusedTokenOption))
        return usageError(tr("tokens are never given on the command line; use --token-file FILE or the "
                             "environment variable SUPERBILL_SANDBOX_TOKEN"));
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));

    Sandbox::ServerOptions options;
    const auto host = parseHost(parser.value(hostOption));
    if (!host)
        return usageError(tr("--host: \"%1\" is not an IP address").arg(parser.value(hostOption)));
    options.host = *host;
    // Only an explicit --host may leave loopback.
    options.allowNonLoopback = parser.isSet(hostOption);
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535)
        return usageError(tr("--port: \"%1\" is not a port number (0-65535)").arg(parser.value(portOption)));
    options.port = static_cast<quint16>(port);
    options.basePath = parser.value(basePathOption);
    options.dataFile = parser.value(dataOption);
    options.demoDataDir = parser.value(demoDataOption);
    options.logFile = parser.value(logOption);
    options.logRequests = !parser.isSet(quietOption);
    const int maxConnections = parser.value(maxConnectionsOption).toInt(&ok);
    if (!ok || maxConnections < 1 || maxConnections > Sandbox::ConnectionLimits::MaxConnections)
        return usageError(tr("--max-connections: \"%1\" is not a number from 1 to %2")
                              .arg(parser.value(maxConnectionsOption))
                              .arg(Sandbox::ConnectionLimits::MaxConnections));
    options.limits.maxConnections = maxConnections;

    const std::pair<const QCommandLineOption *, double *> rates[] = {
        {&failRateOption, &options.faults.failRate},
        {&dropRateOption, &options.faults.dropRate},
        {&hangRateOption, &options.faults.hangRate}};
    for (const auto &[option, target] : rates) {
        const auto rate = parseRate(parser.value(*option));
        if (!rate)
            return usageError(tr("--%1: \"%2\" is not a number from 0 to 1")
                                  .arg(option->names().constFirst(), parser.value(*option)));
        *target = *rate;
    }
    if (options.faults.failRate + options.faults.dropRate + options.faults.hangRate > 1)
        return usageError(tr("--fail-rate, --drop-rate and --hang-rate add up to more than 1"));
    const int latency = parser.value(latencyOption).toInt(&ok);
    if (!ok || latency < 0 || latency > Sandbox::FaultSettings::MaxLatencyMs)
        return usageError(tr("--latency-ms: \"%1\" is not a number of milliseconds from 0 to %2")
                              .arg(parser.value(latencyOption))
                              .arg(Sandbox::FaultSettings::MaxLatencyMs));
    options.faults.latencyMs = latency;
    if (parser.isSet(seedOption)) {
        options.seed = parser.value(seedOption).toUInt(&ok);
        if (!ok)
            return usageError(tr("--seed: \"%1\" is not a whole number from 0 to 4294967295")
                                  .arg(parser.value(seedOption)));
    } else {
        options.seed = QRandomGenerator::system()->generate();
    }

    const int ttl = parser.value(accessTokenTtlOption).toInt(&ok);
    if (!ok || ttl < 1 || ttl > 24 * 3600)
        return usageError(tr("--access-token-ttl: \"%1\" is not a number of seconds from 1 to 86400")
                              .arg(parser.value(accessTokenTtlOption)));
    options.smart.accessTokenTtlSeconds = ttl;
    const QStringList clients = parser.values(clientOption);
    const QStringList jwksFiles = parser.values(clientJwksOption);
    if (jwksFiles.size() > clients.size())
        return usageError(tr("every --client-jwks needs its --client ID"));
    for (qsizetype i = 0; i < clients.size(); ++i) {
        if (clients.at(i).trimmed().isEmpty())
            return usageError(tr("--client needs a client id"));
        if (i >= jwksFiles.size()) {
            options.smart.publicClients.append(clients.at(i));
            continue;
        }
        const auto keys = Auth::JsonWebKeySet::readFile(jwksFiles.at(i));
        if (!keys)
            return usageError(tr("--client-jwks: %1").arg(keys.error().text()));
        options.smart.backendClients.append({clients.at(i), *keys});
    }

    QString generatedTokenFile;
    if (parser.isSet(tokenFileOption)) {
        const auto token = Sandbox::Token::readFile(parser.value(tokenFileOption));
        if (!token)
            return usageError(token.error().message);
        options.token = *token;
    } else if (const QByteArray fromEnvironment = qgetenv("SUPERBILL_SANDBOX_TOKEN").trimmed();
               !fromEnvironment.isEmpty()) {
        options.token = QString::fromUtf8(fromEnvironment);
    } else {
        options.token = Sandbox::Token::generate();
        const auto written = Sandbox::Token::writeNewFile(tokenDirectory(), options.token);
        if (!written) {
            err() << "superbill-sandbox: " << written.error().message << Qt::endl;
            return StartFailed;
        }
        generatedTokenFile = *written;
    }
    const auto removeGeneratedToken = [&generatedTokenFile]() {
        if (!generatedTokenFile.isEmpty())
            QFile::remove(generatedTokenFile);
    };

    if (!options.host.isLoopback())
        err() << tr("superbill-sandbox: warning: listening on %1 serves plain HTTP (no TLS) to the network; "
                    "the "
                    "token and the demo data travel unencrypted.")
                     .arg(options.host.toString())
              << Qt::endl;

    SignalWatcher signalWatcher({SIGINT, SIGTERM});
    if (!signalWatcher.isValid()) {
        err() << "superbill-sandbox: " << tr("cannot watch for SIGINT and SIGTERM") << Qt::endl;
        removeGeneratedToken();
        return StartFailed;
    }
    QObject::connect(&signalWatcher, &SignalWatcher::received, &app, [](int) { QCoreApplication::quit(); });

    Sandbox::Server server(options);
    if (const Common::Status started = server.start(); !started) {
        err() << "superbill-sandbox: " << started.error().message << Qt::endl;
        removeGeneratedToken();
        return StartFailed;
    }
    // The first line is read by scripts and tests: flush it at once.
    out() << "listening on " << server.baseUrl().toString() << Qt::endl;
    if (!generatedTokenFile.isEmpty())
        out() << "token file " << QDir::toNativeSeparators(generatedTokenFile) << Qt::endl;
    const Sandbox::FaultSettings faults = options.faults;
    if (faults.failRate > 0 || faults.dropRate > 0 || faults.hangRate > 0)
        err() << tr("fault injection: fail %1, drop %2, hang %3, latency %4 ms, seed %5")
                     .arg(faults.failRate)
                     .arg(faults.dropRate)
                     .arg(faults.hangRate)
                     .arg(faults.latencyMs)
                     .arg(options.seed)
              << Qt::endl;

    const int result = QCoreApplication::exec();
    server.stop();
    removeGeneratedToken();
    err() << tr("superbill-sandbox: stopped") << Qt::endl;
    return result;
}
