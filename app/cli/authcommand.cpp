#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTimer>

#include "auth/backendservices.h"
#include "auth/discovery.h"
#include "clicommand.h"
#include "clicontext.h"
#include "common/clock.h"

namespace Cli {

namespace {

const QString AuthName = QStringLiteral("auth");
constexpr int SignInTimeoutMs = 60000;

// The same facts as the desktop app's Settings dialog: what to register, and how tokens are kept fresh.
const char *const Registration =
    "Registering with the EHR (its administrator does this once):\n"
    "  superbill-cli, unattended: a SMART Backend Services client (a \"system\" app that signs its own\n"
    "    requests). Register the JWK Set that 'auth keygen' prints; the EHR answers with a client id.\n"
    "    Give it with --client-id and the key with --key-file, or SUPERBILL_CLIENT_ID and\n"
    "    SUPERBILL_KEY_FILE, or auth/client_id and auth/key_file in the shared ehr.ini. Scopes:\n"
    "    system/Procedure.c system/Patient.rs system/Encounter.rs system/Condition.rs (--scope).\n"
    "  The desktop app (Settings, sign-in method \"SMART sign-in\"): a public native app, no client\n"
    "    secret, PKCE S256, redirect http://127.0.0.1/ on any free port (or http://127.0.0.1:PORT/ when\n"
    "    the EHR registers a fixed port). Scopes: openid fhirUser offline_access user/Patient.rs\n"
    "    user/Encounter.rs user/Condition.rs user/Procedure.c user/Procedure.rs (the v1 names, such as\n"
    "    user/Procedure.write, when the EHR lists only permission-v1). Without user/Procedure.c lines\n"
    "    are kept in the queue and not sent.\n"
    "  Both send the FHIR base URL as aud, exactly as configured. Access tokens live minutes: the app\n"
    "    renews them with its refresh token (kept in the system keychain) at 80% of their life,\n"
    "    superbill-cli with a new signed assertion 30 s before expiry; both once more after a 401.\n"
    "  Tokens and keys never go on a command line, into a log, the outbox or ehr.ini.";

int keygen(const QCommandLineParser &parser, const QCommandLineOption &outFile, const QCommandLineOption &alg)
{
    if (!parser.isSet(outFile)) {
        err() << "auth keygen: give --out KEY.pem, the file for the new private key" << Qt::endl;
        return UsageError;
    }
    const auto algorithm = Auth::jwsAlgorithmFromName(parser.value(alg).toUpper());
    if (!algorithm || *algorithm == Auth::JwsAlgorithm::RS256) {
        err() << "auth keygen: --alg must be ES384 or RS384" << Qt::endl;
        return UsageError;
    }
    const auto key = Auth::SigningKey::generate(*algorithm);
    if (!key) {
        err() << "auth keygen: " << key.error().message << Qt::endl;
        return Failure;
    }
    if (const auto written = key->writeNewFile(parser.value(outFile)); !written) {
        err() << "auth keygen: " << shown(written.error().text()) << Qt::endl;
        return Failure;
    }
    out() << QJsonDocument(key->publicJwks()).toJson(QJsonDocument::Indented);
    out().flush();
    err() << "auth keygen: private key written to " << shown(parser.value(outFile))
          << " (readable by you only); register the JWK Set above with the EHR" << Qt::endl;
    return Success;
}

/// Runs the event loop until done() is called or the time is up; false on timeout.
bool waitFor(const std::function<void(std::function<void()>)> &start)
{
    QEventLoop loop;
    bool finished = false;
    QTimer::singleShot(SignInTimeoutMs, &loop, &QEventLoop::quit);
    start([&] {
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return finished;
}

QString methodText(const Credentials &credentials)
{
    switch (credentials.method) {
    case Credentials::Method::BackendServices:
        return QStringLiteral("SMART Backend Services (client_credentials, private_key_jwt %1)")
            .arg(Auth::jwsAlgorithmName(credentials.key.algorithm()));
    case Credentials::Method::BearerToken:
        return QStringLiteral("bearer token from %1").arg(credentials.tokenSource);
    case Credentials::Method::None:
        break;
    }
    return QStringLiteral("none (no client id and key, no token)");
}

int status(const QCommandLineParser &parser, const OutboxOptions &options, const Ehr::EhrSettings &settings)
{
    const auto credentials = resolveCredentials(parser, options, settings, AuthName);
    if (!credentials)
        return UsageError;
    if (const Common::Status secure = Ehr::EhrClient::checkTransportSecurity(settings.ehrUrl); !secure) {
        err() << "auth status: " << shown(secure.error().message) << Qt::endl;
        return UsageError;
    }

    std::optional<Auth::SmartConfiguration> configuration;
    QString problem;
    std::unique_ptr<Auth::BackendServices> backend;
    QDateTime expiresAt;
    Auth::ScopeSet granted;
    bool signedIn = false;
    if (credentials->method == Credentials::Method::BackendServices) {
        backend = std::make_unique<Auth::BackendServices>(Auth::BackendServices::Settings{
            settings.ehrUrl, credentials->clientId, credentials->key, credentials->scopes});
        const bool answered = waitFor([&](std::function<void()> done) {
            backend->withToken([&, done](const Common::Result<QString> &token) {
                signedIn = token.ok();
                if (!token)
                    problem = token.error().message;
                done();
            });
        });
        if (!answered)
            problem = QStringLiteral("no answer within %1 s").arg(SignInTimeoutMs / 1000);
        configuration = backend->configuration();
        expiresAt = backend->expiresAt();
        granted = backend->grantedScopes();
    } else {
        QNetworkAccessManager manager;
        QObject context;
        waitFor([&](std::function<void()> done) {
            Auth::Discovery::discover(&manager, settings.ehrUrl, &context,
                                      [&, done](const Common::Result<Auth::SmartConfiguration> &found) {
                                          if (found)
                                              configuration = *found;
                                          else
                                              problem = found.error().message;
                                          done();
                                      });
        });
        signedIn = credentials->method == Credentials::Method::BearerToken;
        if (!signedIn)
            problem =
                QStringLiteral("no credentials: give --client-id and --key-file (see superbill-cli auth "
                               "--help), or a bearer token in SUPERBILL_TOKEN or --token-file");
    }

    const qint64 secondsLeft =
        expiresAt.isValid() ? Common::Clock::system().nowUtc().secsTo(expiresAt) : qint64(-1);
    if (parser.isSet(options.json)) {
        QJsonObject report{
            {QStringLiteral("ehr"), settings.ehrUrl.toString()},
            {QStringLiteral("method"),
             credentials->method == Credentials::Method::BackendServices ? QStringLiteral("backend-services")
             : credentials->method == Credentials::Method::BearerToken   ? QStringLiteral("bearer-token")
                                                                         : QStringLiteral("none")},
            {QStringLiteral("signedIn"), signedIn}};
        if (credentials->method == Credentials::Method::BackendServices) {
            report.insert(QStringLiteral("clientId"), credentials->clientId);
            report.insert(QStringLiteral("keyId"), credentials->key.keyId());
            report.insert(QStringLiteral("algorithm"), Auth::jwsAlgorithmName(credentials->key.algorithm()));
            report.insert(QStringLiteral("grantedScopes"), granted.toString());
        }
        if (configuration)
            report.insert(QStringLiteral("discovery"), configuration->toJson());
        if (expiresAt.isValid()) {
            report.insert(QStringLiteral("expiresAt"), expiresAt.toString(Qt::ISODate));
            report.insert(QStringLiteral("expiresInSeconds"), secondsLeft);
        }
        if (!problem.isEmpty())
            report.insert(QStringLiteral("error"), problem);
        out() << QJsonDocument(report).toJson(QJsonDocument::Indented);
    } else {
        // Endpoints and scopes come from the EHR: printed escaped, like every text from the network.
        const auto row = [](const char *label, const QString &value) {
            out() << QString::fromLatin1(label).leftJustified(16) << shown(value) << '\n';
        };
        row("EHR:", settings.ehrUrl.toString());
        row("Method:", methodText(*credentials));
        if (configuration) {
            row("Discovery:", configuration->source == Auth::SmartConfiguration::Source::WellKnown
                                  ? QStringLiteral(".well-known/smart-configuration")
                                  : QStringLiteral("CapabilityStatement (OAuth URIs)"));
            row("Authorization:", configuration->authorizationEndpoint.toString());
            row("Token:", configuration->tokenEndpoint.toString());
        }
        if (credentials->method == Credentials::Method::BackendServices) {
            row("Client id:", credentials->clientId);
            row("Key id:", credentials->key.keyId());
            if (signedIn) {
                row("Granted scopes:", granted.toString());
                row("Expires:", expiresAt.isValid() ? QStringLiteral("%1 (in %2 s)")
                                                          .arg(expiresAt.toLocalTime().toString(Qt::ISODate))
                                                          .arg(secondsLeft)
                                                    : QStringLiteral("not said by the EHR"));
            }
        } else if (credentials->method == Credentials::Method::BearerToken) {
            row("Expires:", QStringLiteral("unknown (a bearer token does not say)"));
        }
        out().flush();
        if (!problem.isEmpty())
            err() << "auth status: " << shown(problem) << Qt::endl;
    }
    out().flush();
    return signedIn ? Success : Failure;
}

int runAuth(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral(
            "Signs superbill-cli in to an EHR with SMART on FHIR, and shows how it is signed in.\n"
            "  keygen --out KEY.pem [--alg ES384|RS384]\n"
            "                  make a new private key (readable by you only; an existing file is\n"
            "                  never overwritten) and print its public JWK Set for the EHR\n"
            "  status [--json] sign in if needed, then print the discovered endpoints, the method\n"
            "                  in use, the granted scopes and the expiry; never the token\n"
            "Exit status: 0 done (status: signed in); 1 failed (status: not signed in); 2 usage "
            "error.\n\n") +
        QLatin1String(Registration));
    parser.addHelpOption();
    OutboxOptions options;
    options.addSignInTo(parser);
    parser.addOption(options.json);
    options.token.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(options.token);
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("keygen: the new private key file."),
                                       QStringLiteral("KEY.pem"));
    const QCommandLineOption algOption(
        QStringLiteral("alg"), QStringLiteral("keygen: ES384 (EC P-384, the default) or RS384 (RSA 3072)."),
        QStringLiteral("ALG"), QStringLiteral("ES384"));
    parser.addOption(outOption);
    parser.addOption(algOption);
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("keygen or status."),
                                 QStringLiteral("keygen|status"));
    if (const auto exit = parseArguments(parser, arguments, AuthName))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1 || (action != u"keygen" && action != u"status")) {
        err() << "auth: give one action: keygen or status; see superbill-cli auth --help" << Qt::endl;
        return UsageError;
    }
    if (action == u"keygen")
        return keygen(parser, outOption, algOption);
    Ehr::EhrSettings settings = Ehr::EhrSettings::fromEnvironment();
    if (parser.isSet(options.ehr))
        settings.ehrUrl = QUrl(parser.value(options.ehr));
    if (settings.ehrUrl.isEmpty()) {
        err() << "auth status: no EHR address; give --ehr URL or set SUPERBILL_EHR_URL" << Qt::endl;
        return UsageError;
    }
    return status(parser, options, settings);
}

} // namespace

Command authCommand()
{
    return {0, AuthName, QStringLiteral("Sign in with SMART on FHIR: make a key, show the sign-in."),
            runAuth};
}

const CommandRegistrar authRegistrar(60, authCommand);

} // namespace Cli
