#include "smartserver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include "accesscontrol.h"
#include "auth/clientassertion.h"
#include "auth/jwt.h"
#include "auth/pkce.h"
#include "common/clock.h"
#include "fhir/operationoutcome.h"
#include "fhirapi.h"
#include "token.h"

namespace Sandbox {

namespace {

/// A private claim of the access tokens: the generation they were issued in, so a trainer can expire them
/// all at once.
const QString GenerationClaim = QStringLiteral("sbx_generation");

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::SmartServer", text);
}

using Form = QList<std::pair<QString, QString>>;

const QString WellKnownPath = QStringLiteral(".well-known/smart-configuration");
const QString AuthorizePath = QStringLiteral("authorize");
const QString TokenPath = QStringLiteral("token");
const QString JwksPath = QStringLiteral("jwks");
const QString MetadataPath = QStringLiteral("metadata");
const QString AppClientId = QStringLiteral("superbill-desk");
constexpr qint64 CodeLifetimeSeconds = 60;
constexpr qint64 CodeMemorySeconds = 600;
constexpr qint64 AssertionMaxLifetimeSeconds = Auth::ClientAssertion::LifetimeSeconds;
constexpr qint64 ClockSkewSeconds = 60;

struct TrainingUser
{
    const char *id;
    const char *name;
};
// Fictional people: who signs in on the training EHR's page.
constexpr TrainingUser TrainingUsers[] = {{"training-clerk", "Jordan Lee (billing clerk)"},
                                          {"training-physician", "Dr. Sam Ortiz"}};

QString formValue(const Form &form, const QString &name)
{
    for (const auto &[key, value] : form) {
        if (key == name)
            return value;
    }
    return {};
}

QStringList formValues(const Form &form, const QString &name)
{
    QStringList values;
    for (const auto &[key, value] : form) {
        if (key == name)
            values.append(value);
    }
    return values;
}

// application/x-www-form-urlencoded: "+" is a space, so a "+" in a value arrives as %2B.
Form parseForm(const QByteArray &body)
{
    Form form;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const auto decode = [](QByteArray text) { return QUrl::fromPercentEncoding(text.replace('+', ' ')); };
        form.append({decode(pair.left(equals < 0 ? pair.size() : equals)),
                     equals < 0 ? QString() : decode(pair.mid(equals + 1))});
    }
    return form;
}

HttpResponse oauthError(int status, const QString &error, const QString &description)
{
    HttpResponse response = FhirApi::json(
        status, {{QStringLiteral("error"), error}, {QStringLiteral("error_description"), description}});
    response.contentType = "application/json";
    response.ehrCode = error;
    response.addHeader("Cache-Control", "no-store");
    if (status == 401)
        response.addHeader("WWW-Authenticate", "Basic realm=\"superbill-sandbox\"");
    return response;
}

HttpResponse page(int status, const QString &title, const QString &content)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "text/html; charset=utf-8";
    response.body =
        (QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>") +
         title.toHtmlEscaped() +
         QStringLiteral("</title><style>body{font-family:sans-serif;max-width:36em;margin:3em auto;"
                        "line-height:1.4}button{font-size:1em;padding:.4em 1.2em}"
                        ".banner{background:#fde68a;padding:.5em}</style></head><body>"
                        "<p class=\"banner\">Training EHR &mdash; not a real EHR</p><h1>") +
         title.toHtmlEscaped() + QStringLiteral("</h1>") + content + QStringLiteral("</body></html>"))
            .toUtf8();
    response.addHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse redirect(const QUrl &target, const QList<std::pair<QString, QString>> &parameters)
{
    QByteArray query = target.query(QUrl::FullyEncoded).toLatin1();
    for (const auto &[name, value] : parameters) {
        if (!query.isEmpty())
            query += '&';
        query += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    QUrl location = target;
    location.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    HttpResponse response;
    response.status = 302;
    response.addHeader("Location", location.toEncoded());
    response.addHeader("Cache-Control", "no-store");
    return response;
}

// RFC 8252 §7.3: a native app's loopback redirect, on any port.
bool isLoopbackRedirect(const QUrl &url)
{
    const QString host = url.host().toLower();
    return url.isValid() && url.scheme() == u"http" && !url.hasFragment() &&
           (host == u"127.0.0.1" || host == u"::1" || host == u"localhost");
}

// Scopes a person may grant the desktop app here; system/ scopes belong to backend clients.
bool isUserGrantable(const QString &scope)
{
    static const QStringList plain = {QStringLiteral("openid"), QStringLiteral("fhirUser"),
                                      QStringLiteral("offline_access"), QStringLiteral("online_access")};
    return plain.contains(scope) || scope.startsWith(u"user/") || scope.startsWith(u"patient/");
}

Auth::ScopeSet filtered(const Auth::ScopeSet &scopes, const std::function<bool(const QString &)> &keep)
{
    QStringList kept;
    for (const QString &scope : scopes.scopes()) {
        if (keep(scope))
            kept.append(scope);
    }
    return Auth::ScopeSet(kept);
}

/// What a FHIR request does, as a scope letter and the resource type it touches; nullopt for
/// operations on the server itself.
std::optional<std::pair<QString, Auth::ScopeSet::Interaction>> interactionOf(const QByteArray &method,
                                                                             const QString &path)
{
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    if (segments.isEmpty() || segments.first().startsWith(u'$'))
        return std::nullopt;
    const QString &type = segments.first();
    if (method == "POST")
        return std::pair{type, segments.size() == 1 ? Auth::ScopeSet::Create : Auth::ScopeSet::Update};
    if (method == "PUT" || method == "PATCH")
        return std::pair{type, Auth::ScopeSet::Update};
    if (method == "DELETE")
        return std::pair{type, Auth::ScopeSet::Delete};
    if (segments.size() == 1 || segments.at(1) == u"_search")
        return std::pair{type, Auth::ScopeSet::Search};
    return std::pair{type, Auth::ScopeSet::Read};
}

QString interactionName(Auth::ScopeSet::Interaction interaction)
{
    switch (interaction) {
    case Auth::ScopeSet::Create:
        return QStringLiteral("create");
    case Auth::ScopeSet::Read:
        return QStringLiteral("read");
    case Auth::ScopeSet::Update:
        return QStringLiteral("update");
    case Auth::ScopeSet::Delete:
        return QStringLiteral("delete");
    case Auth::ScopeSet::Search:
        return QStringLiteral("search");
    }
    return {};
}

} // namespace

struct SmartServer::Code
{
    QString clientId;
    QString redirectUri;
    Auth::ScopeSet scope;
    QByteArray challenge;
    QString userId;
    QString userName;
    QString nonce;
    qint64 expiresAt = 0;
    bool used = false;
    QString grantId; ///< the grant it was exchanged for, revoked if the code comes back
};

struct SmartServer::Grant
{
    QString id;
    QString clientId;
    Auth::ScopeSet scope;
    QString userId;
    QString userName;
    QString currentRefreshToken;
    int generation = 0;
};

SmartServer::SmartServer(SmartOptions options)
    : m_options(std::move(options))
    , m_clock(&Common::Clock::system())
{
    for (const BackendClient &client : std::as_const(m_options.backendClients))
        m_backendKeys.insert(client.clientId, client.keys);
}

SmartServer::~SmartServer() = default;

void SmartServer::setClock(const Common::Clock *clock)
{
    m_clock = Common::Clock::orSystem(clock);
}

void SmartServer::start(const QUrl &fhirBase)
{
    m_base = fhirBase;
}

qint64 SmartServer::now() const
{
    return m_clock->nowUtc().toSecsSinceEpoch();
}

const Auth::SigningKey &SmartServer::signingKey()
{
    // Made on first use: an RSA key takes a moment, and a server that only sees the static token never
    // needs one.
    if (m_key.isNull()) {
        if (auto key = Auth::SigningKey::generate(Auth::JwsAlgorithm::RS256)) {
            m_key = *key;
            m_ownKeys = Auth::JsonWebKeySet::fromJson(m_key.publicJwks()).valueOr({});
        }
    }
    return m_key;
}

const Auth::JsonWebKeySet &SmartServer::ownKeys()
{
    signingKey();
    return m_ownKeys;
}

QUrl SmartServer::authorizationEndpoint() const
{
    return QUrl(m_base.toString() + u'/' + AuthorizePath);
}

QUrl SmartServer::tokenEndpoint() const
{
    return QUrl(m_base.toString() + u'/' + TokenPath);
}

QStringList SmartServer::openPaths()
{
    return {MetadataPath, WellKnownPath, AuthorizePath, TokenPath, JwksPath};
}

std::optional<HttpResponse> SmartServer::handle(const HttpRequest &request)
{
    const bool get = request.method == "GET";
    if (request.path == WellKnownPath && get)
        return smartConfiguration();
    if (request.path == JwksPath && get)
        return jwks();
    if (request.path == AuthorizePath && (get || request.method == "POST"))
        return authorizationRequest(request);
    if (request.path == TokenPath && request.method == "POST")
        return tokenRequest(request);
    if (request.path == WellKnownPath || request.path == JwksPath || request.path == AuthorizePath ||
        request.path == TokenPath) {
        HttpResponse response = FhirApi::outcome(
            405, QStringLiteral("not-supported"), {},
            tr("%1 is not supported on %2.").arg(QString::fromLatin1(request.method), request.path));
        response.addHeader("Allow", request.path == TokenPath       ? "POST"
                                    : request.path == AuthorizePath ? "GET, POST"
                                                                    : "GET");
        return response;
    }
    return std::nullopt;
}

HttpResponse SmartServer::smartConfiguration() const
{
    const auto list = [](std::initializer_list<const char *> items) {
        QJsonArray array;
        for (const char *item : items)
            array.append(QLatin1String(item));
        return array;
    };
    QJsonObject document{
        {QStringLiteral("issuer"), m_base.toString()},
        {QStringLiteral("jwks_uri"), QString(m_base.toString() + u'/' + JwksPath)},
        {QStringLiteral("authorization_endpoint"), authorizationEndpoint().toString()},
        {QStringLiteral("token_endpoint"), tokenEndpoint().toString()},
        {QStringLiteral("grant_types_supported"),
         list({"authorization_code", "refresh_token", "client_credentials"})},
        {QStringLiteral("token_endpoint_auth_methods_supported"), list({"private_key_jwt", "none"})},
        {QStringLiteral("token_endpoint_auth_signing_alg_values_supported"), list({"ES384", "RS384"})},
        {QStringLiteral("response_types_supported"), list({"code"})},
        {QStringLiteral("code_challenge_methods_supported"), list({"S256"})},
        {QStringLiteral("scopes_supported"),
         list({"openid", "fhirUser", "offline_access", "online_access", "user/*.cruds", "user/*.rs",
               "system/*.cruds", "system/*.rs", "user/*.read", "user/*.write", "system/*.read",
               "system/*.write"})},
        {QStringLiteral("capabilities"),
         list({"launch-standalone", "client-public", "client-confidential-asymmetric", "sso-openid-connect",
               "permission-offline", "permission-online", "permission-user", "permission-v1",
               "permission-v2"})},
    };
    HttpResponse response = FhirApi::json(200, document);
    response.contentType = "application/json";
    return response;
}

HttpResponse SmartServer::jwks()
{
    HttpResponse response = FhirApi::json(200, signingKey().publicJwks());
    response.contentType = "application/json";
    return response;
}

QJsonObject SmartServer::capabilitySecurity() const
{
    const auto uri = [](const QString &name, const QUrl &value) {
        return QJsonObject{{QStringLiteral("url"), name}, {QStringLiteral("valueUri"), value.toString()}};
    };
    return {{QStringLiteral("service"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("coding"),
                  QJsonArray{QJsonObject{
                      {QStringLiteral("system"),
                       QStringLiteral("http://terminology.hl7.org/CodeSystem/restful-security-service")},
                      {QStringLiteral("code"), QStringLiteral("SMART-on-FHIR")}}}},
                 {QStringLiteral("text"),
                  QStringLiteral("SMART on FHIR (OAuth 2.0), or the training bearer token")}}}},
            {QStringLiteral("extension"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("url"),
                  QStringLiteral("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris")},
                 {QStringLiteral("extension"),
                  QJsonArray{uri(QStringLiteral("authorize"), authorizationEndpoint()),
                             uri(QStringLiteral("token"), tokenEndpoint())}}}}},
            {QStringLiteral("description"),
             QStringLiteral("Sign in with SMART on FHIR (see .well-known/smart-configuration), or send "
                            "Authorization: Bearer <training token>.")}};
}

HttpResponse SmartServer::authorizationRequest(const HttpRequest &request)
{
    const bool posted = request.method == "POST";
    const Form form = posted ? parseForm(request.body) : Form(request.query.cbegin(), request.query.cend());
    const QString clientId = formValue(form, QStringLiteral("client_id"));
    const QUrl redirectUri(formValue(form, QStringLiteral("redirect_uri")), QUrl::StrictMode);
    const QString state = formValue(form, QStringLiteral("state"));
    // Without a known client and its own redirect there is nobody safe to send an error to.
    if (clientId != AppClientId && !m_options.publicClients.contains(clientId))
        return page(400, tr("Unknown app"),
                    tr("<p>No app with the client id \"%1\" is registered with this EHR.</p>")
                        .arg(clientId.toHtmlEscaped()));
    if (!isLoopbackRedirect(redirectUri))
        return page(400, tr("Redirect refused"),
                    tr("<p>The redirect_uri \"%1\" is not a loopback address (http://127.0.0.1:PORT/). A "
                       "desktop app is sent back to itself only.</p>")
                        .arg(redirectUri.toString().toHtmlEscaped()));
    const auto refuse = [&](const QString &error, const QString &description) {
        return redirect(redirectUri, {{QStringLiteral("error"), error},
                                      {QStringLiteral("error_description"), description},
                                      {QStringLiteral("state"), state}});
    };
    if (formValue(form, QStringLiteral("response_type")) != u"code")
        return refuse(QStringLiteral("unsupported_response_type"), tr("response_type must be code"));
    if (state.isEmpty())
        return refuse(QStringLiteral("invalid_request"), tr("state is required"));
    const QUrl aud(formValue(form, QStringLiteral("aud")));
    if (aud.adjusted(QUrl::StripTrailingSlash) != m_base)
        return refuse(QStringLiteral("invalid_request"),
                      tr("aud \"%1\" is not this server's FHIR base URL %2")
                          .arg(formValue(form, QStringLiteral("aud")), m_base.toString()));
    const QByteArray challenge = formValue(form, QStringLiteral("code_challenge")).toLatin1();
    if (challenge.isEmpty() || formValue(form, QStringLiteral("code_challenge_method")) != u"S256")
        return refuse(QStringLiteral("invalid_request"),
                      tr("PKCE is required: send code_challenge with code_challenge_method=S256"));
    const Auth::ScopeSet asked = posted ? Auth::ScopeSet(formValues(form, QStringLiteral("grant")))
                                        : Auth::ScopeSet::parse(formValue(form, QStringLiteral("scope")));
    const Auth::ScopeSet scope = filtered(asked, isUserGrantable);

    if (posted || m_options.autoApprove) {
        if (posted && formValue(form, QStringLiteral("decision")) != u"approve")
            return refuse(QStringLiteral("access_denied"), tr("the person declined the sign-in"));
        if (scope.isEmpty())
            return refuse(QStringLiteral("invalid_scope"), tr("no scope that this EHR grants was asked for"));
        const QString userId =
            posted ? formValue(form, QStringLiteral("user")) : QLatin1String(TrainingUsers[0].id);
        QString userName;
        for (const TrainingUser &user : TrainingUsers) {
            if (userId == QLatin1String(user.id))
                userName = QString::fromUtf8(user.name);
        }
        if (userName.isEmpty())
            return refuse(QStringLiteral("access_denied"), tr("unknown training user"));
        // Used codes are remembered a while, so that one coming back revokes what it gave.
        for (auto it = m_codes.begin(); it != m_codes.end();)
            it = it.value()->expiresAt + CodeMemorySeconds < now() ? m_codes.erase(it) : std::next(it);
        auto code = std::make_shared<Code>();
        code->clientId = clientId;
        code->redirectUri = redirectUri.toString();
        code->scope = scope;
        code->challenge = challenge;
        code->userId = userId;
        code->userName = userName;
        code->nonce = formValue(form, QStringLiteral("nonce"));
        code->expiresAt = now() + CodeLifetimeSeconds;
        const QString value = QString::fromLatin1(Auth::randomToken(24));
        m_codes.insert(value, code);
        return redirect(redirectUri, {{QStringLiteral("code"), value}, {QStringLiteral("state"), state}});
    }

    // The sign-in page: the request travels on as hidden fields; each scope can be left unticked.
    QString fields;
    const auto hidden = [&fields](const QString &name, const QString &value) {
        fields += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">\n")
                      .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    for (const char *name : {"response_type", "client_id", "redirect_uri", "state", "aud", "code_challenge",
                             "code_challenge_method", "nonce"})
        hidden(QLatin1String(name), formValue(form, QLatin1String(name)));
    QString scopes;
    for (const QString &item : scope.scopes())
        scopes += QStringLiteral(
                      "<label><input type=\"checkbox\" name=\"grant\" value=\"%1\" checked> %1</label><br>\n")
                      .arg(item.toHtmlEscaped());
    QString users;
    for (const TrainingUser &user : TrainingUsers)
        users += QStringLiteral("<option value=\"%1\">%2</option>")
                     .arg(QLatin1String(user.id), QString::fromUtf8(user.name).toHtmlEscaped());
    return page(200, tr("Sign in to the training EHR"),
                tr("<p><b>%1</b> asks to use the training EHR as you. Untick what it may not do.</p>")
                        .arg(clientId.toHtmlEscaped()) +
                    QStringLiteral("<form method=\"post\" action=\"%1\">\n")
                        .arg(authorizationEndpoint().toString().toHtmlEscaped()) +
                    fields + QStringLiteral("<p><label>") + tr("Sign in as") +
                    QStringLiteral(" <select name=\"user\">") + users +
                    QStringLiteral("</select></label></p><p>") + scopes +
                    QStringLiteral("</p><p><button type=\"submit\" name=\"decision\" value=\"approve\">") +
                    tr("Allow") +
                    QStringLiteral("</button> <button type=\"submit\" name=\"decision\" value=\"deny\">") +
                    tr("Deny") + QStringLiteral("</button></p></form>"));
}

HttpResponse SmartServer::tokenRequest(const HttpRequest &request)
{
    ++m_tokenRequests;
    if (!request.contentType.toLower().startsWith("application/x-www-form-urlencoded"))
        return oauthError(400, QStringLiteral("invalid_request"),
                          tr("send the token request as application/x-www-form-urlencoded"));
    const Form form = parseForm(request.body);
    const QString grantType = formValue(form, QStringLiteral("grant_type"));
    if (grantType == u"authorization_code")
        return authorizationCodeGrant(form);
    if (grantType == u"refresh_token")
        return refreshTokenGrant(form);
    if (grantType == u"client_credentials")
        return clientCredentialsGrant(form);
    return oauthError(400, QStringLiteral("unsupported_grant_type"),
                      tr("grant_type \"%1\" is not supported here").arg(grantType));
}

HttpResponse SmartServer::authorizationCodeGrant(const Form &form)
{
    const QString value = formValue(form, QStringLiteral("code"));
    const std::shared_ptr<Code> code = m_codes.value(value);
    if (!code || code->expiresAt < now())
        return oauthError(400, QStringLiteral("invalid_grant"), tr("the code is unknown or older than 60 s"));
    if (code->used) {
        // RFC 6749 §4.1.2: a code used twice was caught by someone; what it gave is taken back.
        m_revokedGrants.insert(code->grantId);
        return oauthError(400, QStringLiteral("invalid_grant"),
                          tr("the code was used already; the tokens it gave are revoked"));
    }
    if (formValue(form, QStringLiteral("client_id")) != code->clientId)
        return oauthError(400, QStringLiteral("invalid_grant"), tr("the code was issued to another client"));
    if (formValue(form, QStringLiteral("redirect_uri")) != code->redirectUri)
        return oauthError(400, QStringLiteral("invalid_grant"),
                          tr("redirect_uri differs from the one of the authorization request"));
    const QByteArray verifier = formValue(form, QStringLiteral("code_verifier")).toLatin1();
    code->used = true;
    if (verifier.isEmpty() || !Token::equalsConstantTime(Auth::Pkce::challengeOf(verifier), code->challenge))
        return oauthError(400, QStringLiteral("invalid_grant"),
                          tr("the PKCE code_verifier does not match the code_challenge"));
    auto grant = std::make_shared<Grant>();
    grant->generation = m_signInGeneration;
    grant->id = QString::fromLatin1(Auth::randomToken(12));
    grant->clientId = code->clientId;
    grant->scope = code->scope;
    grant->userId = code->userId;
    grant->userName = code->userName;
    code->grantId = grant->id;
    const bool offline = grant->scope.contains(QStringLiteral("offline_access")) ||
                         grant->scope.contains(QStringLiteral("online_access"));
    return tokenAnswer(grant, QStringLiteral("authorization_code"), offline, code->nonce);
}

HttpResponse SmartServer::refreshTokenGrant(const Form &form)
{
    const QString presented = formValue(form, QStringLiteral("refresh_token"));
    const std::shared_ptr<Grant> grant = m_grantsByRefreshToken.value(presented);
    if (!grant || m_revokedGrants.contains(grant->id))
        return oauthError(400, QStringLiteral("invalid_grant"),
                          tr("the refresh token is unknown or revoked"));
    if (formValue(form, QStringLiteral("client_id")) != grant->clientId)
        return oauthError(400, QStringLiteral("invalid_grant"),
                          tr("the refresh token belongs to another client"));
    if (grant->generation < m_signInGeneration)
        return oauthError(400, QStringLiteral("invalid_grant"), tr("the sign-in has ended; sign in again"));
    if (presented != grant->currentRefreshToken) {
        // An old refresh token came back after it was rotated: someone else holds a copy.
        m_revokedGrants.insert(grant->id);
        return oauthError(400, QStringLiteral("invalid_grant"),
                          tr("the refresh token was already used and replaced; the sign-in is revoked"));
    }
    return tokenAnswer(grant, QStringLiteral("refresh_token"), true);
}

HttpResponse SmartServer::clientCredentialsGrant(const Form &form)
{
    if (formValue(form, QStringLiteral("client_assertion_type")) !=
        QLatin1String(Auth::ClientAssertion::Type))
        return oauthError(400, QStringLiteral("invalid_request"),
                          tr("client_credentials needs client_assertion_type=%1")
                              .arg(QLatin1String(Auth::ClientAssertion::Type)));
    const auto assertion = Auth::Jwt::parse(formValue(form, QStringLiteral("client_assertion")).toLatin1());
    if (!assertion)
        return oauthError(401, QStringLiteral("invalid_client"),
                          tr("the client_assertion is not a signed JWT"));
    const QJsonObject claims = assertion->claims();
    const QString clientId = claims.value(QStringLiteral("iss")).toString();
    if (!m_backendKeys.contains(clientId))
        return oauthError(401, QStringLiteral("invalid_client"),
                          tr("no backend client \"%1\" is registered").arg(clientId));
    const QString named = formValue(form, QStringLiteral("client_id"));
    if (claims.value(QStringLiteral("sub")).toString() != clientId || (!named.isEmpty() && named != clientId))
        return oauthError(401, QStringLiteral("invalid_client"),
                          tr("iss, sub and client_id must all be the client id"));
    if (!assertion->algorithm() || *assertion->algorithm() == Auth::JwsAlgorithm::RS256 ||
        !assertion->verifiedBy(m_backendKeys.value(clientId)))
        return oauthError(401, QStringLiteral("invalid_client"),
                          tr("the assertion's signature does not verify with the client's registered keys "
                             "(ES384 or RS384, kid %1)")
                              .arg(assertion->keyId()));
    if (claims.value(QStringLiteral("aud")).toString() != tokenEndpoint().toString())
        return oauthError(
            401, QStringLiteral("invalid_client"),
            tr("the assertion's aud must be the token endpoint %1").arg(tokenEndpoint().toString()));
    const qint64 expires = claims.value(QStringLiteral("exp")).toInteger();
    if (expires < now())
        return oauthError(401, QStringLiteral("invalid_client"), tr("the assertion has expired"));
    if (expires > now() + AssertionMaxLifetimeSeconds + ClockSkewSeconds)
        return oauthError(401, QStringLiteral("invalid_client"),
                          tr("the assertion may live 5 minutes at most"));
    const QString jti = claims.value(QStringLiteral("jti")).toString();
    for (auto it = m_usedAssertionIds.begin(); it != m_usedAssertionIds.end();)
        it = it.value() < now() ? m_usedAssertionIds.erase(it) : std::next(it);
    if (jti.isEmpty() || m_usedAssertionIds.contains(clientId + u' ' + jti))
        return oauthError(401, QStringLiteral("invalid_client"),
                          jti.isEmpty() ? tr("the assertion has no jti")
                                        : tr("the assertion's jti was used before; an assertion works once"));
    m_usedAssertionIds.insert(clientId + u' ' + jti, expires);
    const Auth::ScopeSet scope = filtered(Auth::ScopeSet::parse(formValue(form, QStringLiteral("scope"))),
                                          [](const QString &item) { return item.startsWith(u"system/"); });
    if (scope.isEmpty())
        return oauthError(400, QStringLiteral("invalid_scope"), tr("ask for system/ scopes"));
    auto grant = std::make_shared<Grant>();
    grant->generation = m_signInGeneration;
    grant->id = QString::fromLatin1(Auth::randomToken(12));
    grant->clientId = clientId;
    grant->scope = scope;
    return tokenAnswer(grant, QStringLiteral("client_credentials"), false);
}

Common::Result<QString> SmartServer::accessToken(const Grant &grant)
{
    const qint64 issued = now();
    const QJsonObject claims{{QStringLiteral("iss"), m_base.toString()},
                             {QStringLiteral("aud"), m_base.toString()},
                             {QStringLiteral("sub"), grant.userId.isEmpty() ? grant.clientId : grant.userId},
                             {QStringLiteral("client_id"), grant.clientId},
                             {QStringLiteral("scope"), grant.scope.toString()},
                             {QStringLiteral("sid"), grant.id},
                             {QStringLiteral("iat"), issued},
                             {QStringLiteral("exp"), issued + m_options.accessTokenTtlSeconds},
                             {QStringLiteral("jti"), QString::fromLatin1(Auth::randomToken(12))},
                             {GenerationClaim, m_accessTokenGeneration}};
    const auto token = Auth::Jwt::sign(claims, signingKey());
    if (!token)
        return token.error();
    return QString::fromLatin1(*token);
}

HttpResponse SmartServer::tokenAnswer(const std::shared_ptr<Grant> &grant, const QString &grantType,
                                      bool withRefreshToken, const QString &nonce)
{
    const auto token = accessToken(*grant);
    if (!token)
        return oauthError(500, QStringLiteral("server_error"), token.error().message);
    QJsonObject answer{{QStringLiteral("access_token"), *token},
                       {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                       {QStringLiteral("expires_in"), m_options.accessTokenTtlSeconds},
                       {QStringLiteral("scope"), grant->scope.toString()}};
    if (withRefreshToken) {
        // Standard base64 behind a "+" on purpose: a client that does not percent-encode form values
        // turns it into a space and is refused.
        QByteArray random(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(random.begin(), random.end());
        grant->currentRefreshToken = QStringLiteral("rt+") + QString::fromLatin1(random.toBase64());
        m_grantsByRefreshToken.insert(grant->currentRefreshToken, grant);
        answer.insert(QStringLiteral("refresh_token"), grant->currentRefreshToken);
    }
    if (grant->scope.contains(QStringLiteral("openid")) && !grant->userId.isEmpty()) {
        const qint64 issued = now();
        QJsonObject claims{{QStringLiteral("iss"), m_base.toString()},
                           {QStringLiteral("sub"), grant->userId},
                           {QStringLiteral("aud"), grant->clientId},
                           {QStringLiteral("iat"), issued},
                           {QStringLiteral("exp"), issued + m_options.accessTokenTtlSeconds},
                           {QStringLiteral("name"), grant->userName}};
        if (grant->scope.contains(QStringLiteral("fhirUser")))
            claims.insert(QStringLiteral("fhirUser"),
                          QString(m_base.toString() + QStringLiteral("/Practitioner/") + grant->userId));
        if (!nonce.isEmpty())
            claims.insert(QStringLiteral("nonce"), nonce);
        if (const auto idToken = Auth::Jwt::sign(claims, signingKey()))
            answer.insert(QStringLiteral("id_token"), QString::fromLatin1(*idToken));
    }
    m_issued[grantType] += 1;
    HttpResponse response = FhirApi::json(200, answer);
    response.contentType = "application/json";
    response.addHeader("Cache-Control", "no-store");
    response.addHeader("Pragma", "no-cache");
    return response;
}

void SmartServer::expireAccessTokens()
{
    ++m_accessTokenGeneration;
}

void SmartServer::endSignIns()
{
    ++m_signInGeneration;
    expireAccessTokens();
}

std::optional<Admission> SmartServer::verify(const QByteArray &token, const RequestHead &head)
{
    const auto jwt = Auth::Jwt::parse(token);
    if (!jwt)
        return std::nullopt;
    if (!jwt->verifiedBy(ownKeys()))
        return Admission::refuse(AccessControl::unauthorized(true));
    const QJsonObject claims = jwt->claims();
    if (claims.value(QStringLiteral("iss")).toString() != m_base.toString() ||
        claims.value(QStringLiteral("aud")).toString() != m_base.toString())
        return Admission::refuse(AccessControl::invalidToken(tr("The token was issued for another server.")));
    if (claims.value(QStringLiteral("exp")).toInteger() <= now() ||
        claims.value(GenerationClaim).toInt() < m_accessTokenGeneration)
        return Admission::refuse(AccessControl::invalidToken(tr("The access token has expired.")));
    if (m_revokedGrants.contains(claims.value(QStringLiteral("sid")).toString()))
        return Admission::refuse(
            AccessControl::invalidToken(tr("The sign-in this token belongs to was revoked.")));
    QString below = head.path.mid(m_base.path().size());
    while (below.startsWith(u'/'))
        below.remove(0, 1);
    const auto interaction = interactionOf(head.method == "HEAD" ? QByteArray("GET") : head.method, below);
    if (!interaction)
        return Admission::allow();
    const Auth::ScopeSet scope = Auth::ScopeSet::parse(claims.value(QStringLiteral("scope")).toString());
    if (scope.permits(interaction->first, interaction->second))
        return Admission::allow();
    HttpResponse response =
        FhirApi::outcome(403, QStringLiteral("forbidden"), QStringLiteral("insufficient_scope"),
                         tr("insufficient_scope: the token does not allow %1 on %2 (it needs a scope such as "
                            "user/%2.%3)")
                             .arg(interactionName(interaction->second), interaction->first,
                                  QString(QLatin1Char(char(interaction->second)))));
    response.addHeader("WWW-Authenticate",
                       "Bearer realm=\"superbill-sandbox\", error=\"insufficient_scope\"");
    return Admission::refuse(response);
}

} // namespace Sandbox
