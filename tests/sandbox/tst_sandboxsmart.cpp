#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

#include "../common/resultcheck.h"
#include "auth/clientassertion.h"
#include "auth/jwt.h"
#include "auth/pkce.h"
#include "auth/signingkey.h"
#include "auth/tokenendpoint.h"
#include "common/clock.h"
#include "sandboxtestclient.h"

namespace {

const QString AppClient = QStringLiteral("superbill-desk");
const QString BackendClient = QStringLiteral("billing-robot");
const QString Redirect = QStringLiteral("http://127.0.0.1:50123/");

/// The query of a redirect's Location, decoded.
QUrlQuery locationQuery(const SandboxReply &reply)
{
    return QUrlQuery(QUrl::fromEncoded(reply.header("Location")));
}

QString queryValue(const QUrlQuery &query, const char *name)
{
    return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
}

/// Every <input name value> of the sign-in page's form, checkboxes included (ticked as served).
QList<std::pair<QString, QString>> formInputs(const QByteArray &html)
{
    static const QRegularExpression input(
        QStringLiteral("<input[^>]*name=\"([^\"]*)\"[^>]*value=\"([^\"]*)\""));
    QList<std::pair<QString, QString>> fields;
    auto matches = input.globalMatch(QString::fromUtf8(html));
    while (matches.hasNext()) {
        const auto match = matches.next();
        const auto unescape = [](QString text) {
            return text.replace(QStringLiteral("&quot;"), QStringLiteral("\""))
                .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
                .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
                .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        };
        fields.append({unescape(match.captured(1)), unescape(match.captured(2))});
    }
    return fields;
}

} // namespace

/**
 * The training EHR as a SMART server, over real HTTP on 127.0.0.1: discovery without a token, the
 * sign-in page, PKCE, aud, single-use codes, rotated refresh tokens, Backend Services assertions with
 * jti replay refused, and JWT access tokens checked per interaction.
 */
class TestSandboxSmart : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void discoveryNeedsNoToken();
    void signsInWithPkceAndUsesTheToken();
    void refusesAWrongPkceVerifier();
    void requiresPkceS256();
    void refusesAWrongAud();
    void refusesUnknownClientsAndForeignRedirects();
    void codesWorkOnce();
    void codesLiveSixtySeconds();
    void grantWithoutProcedureCreateIsRefused403();
    void rotatesRefreshTokensAndRevokesOnReuse();
    void refreshTokenPlusMustBeEncoded();
    void expiredTokenIsInvalidToken();
    void backendServicesAssertion();
    void replayedAssertionIsRefused();
    void badAssertionsAreRefused_data();
    void badAssertionsAreRefused();
    void staticTokenStillWorks();
    void trainerExpiresTheAccessTokensAndARefreshRenewsThem();
    void trainerEndsTheSignInsUntilANewOne();

private:
    struct Tokens
    {
        int status = 0;
        QJsonObject answer;
        QString access() const { return answer.value(QStringLiteral("access_token")).toString(); }
        QString refresh() const { return answer.value(QStringLiteral("refresh_token")).toString(); }
    };

    void startServer();
    QList<std::pair<QString, QString>> authorizeParameters(const Auth::Pkce &pkce,
                                                           const QString &aud = {}) const;
    SandboxReply approve(QList<std::pair<QString, QString>> parameters, const QString &dropScope = {});
    /// Signs in through the page and exchanges the code; the token answer.
    Tokens signIn(const QString &dropScope = {});
    Tokens postToken(const QList<std::pair<QString, QString>> &fields);
    Tokens refresh(const QString &refreshToken);
    SandboxReply postForm(const QUrl &url, const QByteArray &body);
    SandboxReply getWith(const QString &token, const QString &relative);

    Auth::SigningKey m_backendKey;
    std::unique_ptr<Sandbox::Server> m_server;
    std::unique_ptr<SandboxTestClient> m_client;
};

void TestSandboxSmart::init()
{
    if (m_backendKey.isNull())
        m_backendKey = *Auth::SigningKey::generate(Auth::JwsAlgorithm::ES384);
    startServer();
}

void TestSandboxSmart::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void TestSandboxSmart::startServer()
{
    m_client.reset();
    Sandbox::ServerOptions options = testServerOptions();
    options.smart.backendClients.append(
        {BackendClient, *Auth::JsonWebKeySet::fromJson(m_backendKey.publicJwks())});
    m_server = std::make_unique<Sandbox::Server>(options);
    QVERIFY_OK(m_server->start());
    m_client = std::make_unique<SandboxTestClient>(m_server->baseUrl(), QString());
}

QList<std::pair<QString, QString>> TestSandboxSmart::authorizeParameters(const Auth::Pkce &pkce,
                                                                         const QString &aud) const
{
    return {{QStringLiteral("response_type"), QStringLiteral("code")},
            {QStringLiteral("client_id"), AppClient},
            {QStringLiteral("redirect_uri"), Redirect},
            {QStringLiteral("scope"), Auth::ScopeSet::appDefaults().toString()},
            {QStringLiteral("state"), QStringLiteral("state-1")},
            {QStringLiteral("aud"), aud.isEmpty() ? m_server->baseUrl().toString() : aud},
            {QStringLiteral("code_challenge"), QString::fromLatin1(pkce.challenge)},
            {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
}

SandboxReply TestSandboxSmart::approve(QList<std::pair<QString, QString>> parameters,
                                       const QString &dropScope)
{
    QUrl url = m_server->smart().authorizationEndpoint();
    QUrlQuery query;
    for (const auto &[name, value] : parameters)
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(query);
    QNetworkRequest request(url);
    // The redirects go to the app's loopback listener, which is not running here.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    const SandboxReply page = m_client->send("GET", request, {}, 10000);
    if (page.status != 200)
        return page;
    auto fields = formInputs(page.body);
    fields.removeIf(
        [&dropScope](const auto &field) { return field.first == u"grant" && field.second == dropScope; });
    fields.append({QStringLiteral("user"), QStringLiteral("training-clerk")});
    fields.append({QStringLiteral("decision"), QStringLiteral("approve")});
    return postForm(m_server->smart().authorizationEndpoint(), Auth::TokenEndpoint::formEncode(fields));
}

TestSandboxSmart::Tokens TestSandboxSmart::signIn(const QString &dropScope)
{
    const Auth::Pkce pkce = Auth::Pkce::generate();
    const SandboxReply redirect = approve(authorizeParameters(pkce), dropScope);
    const QString code = queryValue(locationQuery(redirect), "code");
    if (redirect.status != 302 || code.isEmpty()) {
        qWarning("sign-in page answered %d: %s", redirect.status, redirect.body.constData());
        return {};
    }
    return postToken({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                      {QStringLiteral("code"), code},
                      {QStringLiteral("redirect_uri"), Redirect},
                      {QStringLiteral("client_id"), AppClient},
                      {QStringLiteral("code_verifier"), QString::fromLatin1(pkce.verifier)}});
}

SandboxReply TestSandboxSmart::postForm(const QUrl &url, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    return m_client->send("POST", request, body, 10000);
}

TestSandboxSmart::Tokens TestSandboxSmart::postToken(const QList<std::pair<QString, QString>> &fields)
{
    const SandboxReply reply =
        postForm(m_server->smart().tokenEndpoint(), Auth::TokenEndpoint::formEncode(fields));
    return {reply.status, reply.json()};
}

SandboxReply TestSandboxSmart::getWith(const QString &token, const QString &relative)
{
    m_client->setToken(token);
    const SandboxReply reply = m_client->get(relative);
    m_client->setToken({});
    return reply;
}

void TestSandboxSmart::discoveryNeedsNoToken()
{
    const SandboxReply configuration = m_client->get(QStringLiteral(".well-known/smart-configuration"));
    QCOMPARE(configuration.status, 200);
    const QJsonObject document = configuration.json();
    QCOMPARE(document.value(QStringLiteral("token_endpoint")).toString(),
             m_server->smart().tokenEndpoint().toString());
    QCOMPARE(document.value(QStringLiteral("code_challenge_methods_supported")).toArray(),
             QJsonArray{QStringLiteral("S256")});
    QVERIFY(document.value(QStringLiteral("grant_types_supported"))
                .toArray()
                .contains(QStringLiteral("client_credentials")));

    const SandboxReply metadata = m_client->get(QStringLiteral("metadata"));
    QCOMPARE(metadata.status, 200);
    QVERIFY(metadata.body.contains("oauth-uris"));
    QVERIFY(metadata.body.contains(m_server->smart().authorizationEndpoint().toEncoded()));

    const SandboxReply jwks = m_client->get(QStringLiteral("jwks"));
    QCOMPARE(jwks.status, 200);
    QCOMPARE(
        jwks.json().value(QStringLiteral("keys")).toArray().first().toObject().value(QStringLiteral("alg")),
        QJsonValue(QStringLiteral("RS256")));
    // Everything else still needs a token.
    QCOMPARE(m_client->get(QStringLiteral("Patient")).status, 401);
}

void TestSandboxSmart::signsInWithPkceAndUsesTheToken()
{
    const Tokens tokens = signIn();
    QCOMPARE(tokens.status, 200);
    QCOMPARE(tokens.answer.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(tokens.answer.value(QStringLiteral("expires_in")).toInt(), 300);
    QCOMPARE(tokens.answer.value(QStringLiteral("scope")).toString(),
             Auth::ScopeSet::appDefaults().toString());
    QVERIFY(!tokens.refresh().isEmpty());
    const auto idToken =
        Auth::Jwt::parse(tokens.answer.value(QStringLiteral("id_token")).toString().toLatin1());
    QVERIFY(idToken.ok());
    QCOMPARE(idToken->claims().value(QStringLiteral("aud")).toString(), AppClient);
    QVERIFY(idToken->claims()
                .value(QStringLiteral("fhirUser"))
                .toString()
                .endsWith(u"/Practitioner/training-clerk"));

    const auto access = Auth::Jwt::parse(tokens.access().toLatin1());
    QVERIFY(access.ok());
    QCOMPARE(access->claims().value(QStringLiteral("aud")).toString(), m_server->baseUrl().toString());
    QCOMPARE(getWith(tokens.access(), QStringLiteral("Patient")).status, 200);
    m_client->setToken(tokens.access());
    QCOMPARE(m_client->post(QStringLiteral("Procedure"), vendorExample()).status, 201);
    m_client->setToken({});
    QCOMPARE(m_server->smart().tokensIssued(QStringLiteral("authorization_code")), 1);
}

void TestSandboxSmart::refusesAWrongPkceVerifier()
{
    const Auth::Pkce pkce = Auth::Pkce::generate();
    const SandboxReply redirect = approve(authorizeParameters(pkce));
    QCOMPARE(redirect.status, 302);
    const Tokens tokens =
        postToken({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                   {QStringLiteral("code"), queryValue(locationQuery(redirect), "code")},
                   {QStringLiteral("redirect_uri"), Redirect},
                   {QStringLiteral("client_id"), AppClient},
                   {QStringLiteral("code_verifier"), QString::fromLatin1(Auth::Pkce::generate().verifier)}});
    QCOMPARE(tokens.status, 400);
    QCOMPARE(tokens.answer.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    QVERIFY(
        tokens.answer.value(QStringLiteral("error_description")).toString().contains(QStringLiteral("PKCE")));
    QVERIFY(tokens.access().isEmpty());
}

void TestSandboxSmart::requiresPkceS256()
{
    auto parameters = authorizeParameters(Auth::Pkce::generate());
    parameters.removeIf([](const auto &item) { return item.first == u"code_challenge_method"; });
    parameters.append({QStringLiteral("code_challenge_method"), QStringLiteral("plain")});
    const SandboxReply refused = approve(parameters);
    QCOMPARE(refused.status, 302);
    const QUrlQuery query = locationQuery(refused);
    QCOMPARE(queryValue(query, "error"), QStringLiteral("invalid_request"));
    QCOMPARE(queryValue(query, "state"), QStringLiteral("state-1"));
    QVERIFY(!query.hasQueryItem(QStringLiteral("code")));
}

void TestSandboxSmart::refusesAWrongAud()
{
    QUrl localhost = m_server->baseUrl();
    localhost.setHost(QStringLiteral("localhost"));
    const SandboxReply refused = approve(authorizeParameters(Auth::Pkce::generate(), localhost.toString()));
    QCOMPARE(refused.status, 302);
    QCOMPARE(queryValue(locationQuery(refused), "error"), QStringLiteral("invalid_request"));
    QVERIFY(queryValue(locationQuery(refused), "error_description").contains(QStringLiteral("aud")));
    // A trailing slash is the same address.
    const SandboxReply slash =
        approve(authorizeParameters(Auth::Pkce::generate(), m_server->baseUrl().toString() + u'/'));
    QVERIFY(locationQuery(slash).hasQueryItem(QStringLiteral("code")));
}

void TestSandboxSmart::refusesUnknownClientsAndForeignRedirects()
{
    auto unknown = authorizeParameters(Auth::Pkce::generate());
    unknown[1].second = QStringLiteral("someone-else");
    const SandboxReply page = approve(unknown);
    QCOMPARE(page.status, 400);
    QVERIFY(page.header("Location").isEmpty());
    auto foreign = authorizeParameters(Auth::Pkce::generate());
    foreign[2].second = QStringLiteral("https://attacker.example/callback");
    const SandboxReply refused = approve(foreign);
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.header("Location").isEmpty());
}

void TestSandboxSmart::codesWorkOnce()
{
    const Auth::Pkce pkce = Auth::Pkce::generate();
    const SandboxReply redirect = approve(authorizeParameters(pkce));
    const QList<std::pair<QString, QString>> exchange{
        {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
        {QStringLiteral("code"), queryValue(locationQuery(redirect), "code")},
        {QStringLiteral("redirect_uri"), Redirect},
        {QStringLiteral("client_id"), AppClient},
        {QStringLiteral("code_verifier"), QString::fromLatin1(pkce.verifier)}};
    const Tokens first = postToken(exchange);
    QCOMPARE(first.status, 200);
    const Tokens second = postToken(exchange);
    QCOMPARE(second.status, 400);
    QCOMPARE(second.answer.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    // A code used twice was caught by someone: what it gave is taken back.
    QCOMPARE(getWith(first.access(), QStringLiteral("Patient")).status, 401);
}

void TestSandboxSmart::codesLiveSixtySeconds()
{
    Common::ManualClock clock(QDateTime::currentDateTimeUtc());
    m_server->setClock(&clock);
    const Auth::Pkce pkce = Auth::Pkce::generate();
    const SandboxReply redirect = approve(authorizeParameters(pkce));
    QCOMPARE(redirect.status, 302);
    clock.advance(61 * 1000);
    const Tokens late = postToken({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                   {QStringLiteral("code"), queryValue(locationQuery(redirect), "code")},
                                   {QStringLiteral("redirect_uri"), Redirect},
                                   {QStringLiteral("client_id"), AppClient},
                                   {QStringLiteral("code_verifier"), QString::fromLatin1(pkce.verifier)}});
    QCOMPARE(late.status, 400);
    QCOMPARE(late.answer.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    QVERIFY(
        late.answer.value(QStringLiteral("error_description")).toString().contains(QStringLiteral("60 s")));
    m_server->setClock(nullptr);
}

void TestSandboxSmart::grantWithoutProcedureCreateIsRefused403()
{
    const Tokens tokens = signIn(QStringLiteral("user/Procedure.c"));
    QCOMPARE(tokens.status, 200);
    QVERIFY(!tokens.answer.value(QStringLiteral("scope")).toString().contains(QStringLiteral("Procedure.c")));
    QCOMPARE(getWith(tokens.access(), QStringLiteral("Procedure?patient=Patient-265")).status, 200);
    m_client->setToken(tokens.access());
    const SandboxReply refused = m_client->post(QStringLiteral("Procedure"), vendorExample());
    m_client->setToken({});
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.resourceType(), QStringLiteral("OperationOutcome"));
    QCOMPARE(refused.ehrCodes(), QStringList{QStringLiteral("insufficient_scope")});
    QVERIFY(refused.header("WWW-Authenticate").contains("insufficient_scope"));
    QCOMPARE(m_server->procedureCount(), 0);
}

TestSandboxSmart::Tokens TestSandboxSmart::refresh(const QString &refreshToken)
{
    return postToken({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                      {QStringLiteral("refresh_token"), refreshToken},
                      {QStringLiteral("client_id"), AppClient}});
}

void TestSandboxSmart::rotatesRefreshTokensAndRevokesOnReuse()
{
    const Tokens first = signIn();
    const Tokens second = refresh(first.refresh());
    QCOMPARE(second.status, 200);
    QVERIFY(!second.refresh().isEmpty());
    QVERIFY(second.refresh() != first.refresh());
    QCOMPARE(getWith(second.access(), QStringLiteral("Patient")).status, 200);

    const Tokens reused = refresh(first.refresh());
    QCOMPARE(reused.status, 400);
    QCOMPARE(reused.answer.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    // The whole sign-in is revoked: the newest refresh token and its access token too.
    QCOMPARE(refresh(second.refresh()).status, 400);
    QCOMPARE(getWith(second.access(), QStringLiteral("Patient")).status, 401);
}

void TestSandboxSmart::refreshTokenPlusMustBeEncoded()
{
    const Tokens tokens = signIn();
    QVERIFY(tokens.refresh().contains(u'+'));
    // A client that writes the value as it is: the "+" arrives as a space.
    const QByteArray careless = "grant_type=refresh_token&client_id=" + AppClient.toLatin1() +
                                "&refresh_token=" + tokens.refresh().toLatin1();
    QCOMPARE(postForm(m_server->smart().tokenEndpoint(), careless).status, 400);
    const Tokens encoded = postToken({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                      {QStringLiteral("refresh_token"), tokens.refresh()},
                                      {QStringLiteral("client_id"), AppClient}});
    QCOMPARE(encoded.status, 200);
}

void TestSandboxSmart::expiredTokenIsInvalidToken()
{
    Common::ManualClock clock(QDateTime::currentDateTimeUtc());
    m_server->setClock(&clock);
    const Tokens tokens = signIn();
    QCOMPARE(getWith(tokens.access(), QStringLiteral("Patient")).status, 200);
    clock.advance(299 * 1000);
    QCOMPARE(getWith(tokens.access(), QStringLiteral("Patient")).status, 200);
    clock.advance(2 * 1000);
    const SandboxReply expired = getWith(tokens.access(), QStringLiteral("Patient"));
    QCOMPARE(expired.status, 401);
    QVERIFY2(expired.header("WWW-Authenticate").contains("error=\"invalid_token\""),
             expired.header("WWW-Authenticate").constData());
    QCOMPARE(expired.resourceType(), QStringLiteral("OperationOutcome"));
    m_server->setClock(nullptr);
}

void TestSandboxSmart::backendServicesAssertion()
{
    const auto assertion = Auth::ClientAssertion::make(
        m_backendKey, BackendClient, m_server->smart().tokenEndpoint(), Common::Clock::system());
    QVERIFY(assertion.ok());
    const auto jwt = Auth::Jwt::parse(*assertion);
    QCOMPARE(jwt->header().value(QStringLiteral("alg")).toString(), QStringLiteral("ES384"));
    QCOMPARE(jwt->keyId(), m_backendKey.keyId());
    const QJsonObject claims = jwt->claims();
    QCOMPARE(claims.value(QStringLiteral("iss")), claims.value(QStringLiteral("sub")));
    QVERIFY(claims.value(QStringLiteral("exp")).toInteger() -
                claims.value(QStringLiteral("iat")).toInteger() <=
            300);
    const Tokens tokens =
        postToken({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                   {QStringLiteral("scope"), Auth::ScopeSet::backendDefaults().toString()},
                   {QStringLiteral("client_assertion_type"), QLatin1String(Auth::ClientAssertion::Type)},
                   {QStringLiteral("client_assertion"), QString::fromLatin1(*assertion)}});
    QCOMPARE(tokens.status, 200);
    QVERIFY(tokens.refresh().isEmpty());
    QCOMPARE(tokens.answer.value(QStringLiteral("scope")).toString(),
             Auth::ScopeSet::backendDefaults().toString());
    m_client->setToken(tokens.access());
    QCOMPARE(m_client->post(QStringLiteral("Procedure"), vendorExample()).status, 201);
    // system/Procedure.c creates; it does not read.
    QCOMPARE(m_client->get(QStringLiteral("Procedure")).status, 403);
}

void TestSandboxSmart::replayedAssertionIsRefused()
{
    const auto assertion = Auth::ClientAssertion::make(
        m_backendKey, BackendClient, m_server->smart().tokenEndpoint(), Common::Clock::system());
    const QList<std::pair<QString, QString>> fields{
        {QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
        {QStringLiteral("scope"), Auth::ScopeSet::backendDefaults().toString()},
        {QStringLiteral("client_assertion_type"), QLatin1String(Auth::ClientAssertion::Type)},
        {QStringLiteral("client_assertion"), QString::fromLatin1(*assertion)}};
    QCOMPARE(postToken(fields).status, 200);
    const Tokens replayed = postToken(fields);
    QCOMPARE(replayed.status, 401);
    QCOMPARE(replayed.answer.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
    QVERIFY(replayed.answer.value(QStringLiteral("error_description"))
                .toString()
                .contains(QStringLiteral("jti")));
}

void TestSandboxSmart::badAssertionsAreRefused_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("wrong aud") << QStringLiteral("aud");
    QTest::newRow("unregistered key") << QStringLiteral("key");
    QTest::newRow("unknown client") << QStringLiteral("client");
    QTest::newRow("lives too long") << QStringLiteral("exp");
}

void TestSandboxSmart::badAssertionsAreRefused()
{
    QFETCH(QString, what);
    const Auth::SigningKey otherKey = *Auth::SigningKey::generate(Auth::JwsAlgorithm::ES384);
    const Auth::SigningKey &key = what == u"key" ? otherKey : m_backendKey;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString client = what == u"client" ? QStringLiteral("nobody") : BackendClient;
    const QJsonObject claims{{QStringLiteral("iss"), client},
                             {QStringLiteral("sub"), client},
                             {QStringLiteral("aud"), what == u"aud"
                                                         ? m_server->baseUrl().toString()
                                                         : m_server->smart().tokenEndpoint().toString()},
                             {QStringLiteral("exp"), now + (what == u"exp" ? 3600 : 120)},
                             {QStringLiteral("jti"), QString::fromLatin1(Auth::randomToken())}};
    const Tokens tokens =
        postToken({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                   {QStringLiteral("scope"), QStringLiteral("system/Procedure.c")},
                   {QStringLiteral("client_assertion_type"), QLatin1String(Auth::ClientAssertion::Type)},
                   {QStringLiteral("client_assertion"), QString::fromLatin1(*Auth::Jwt::sign(claims, key))}});
    QCOMPARE(tokens.status, 401);
    QCOMPARE(tokens.answer.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
}

void TestSandboxSmart::staticTokenStillWorks()
{
    QCOMPARE(getWith(QStringLiteral("test-token"), QStringLiteral("Patient")).status, 200);
    QCOMPARE(getWith(QStringLiteral("wrong-token"), QStringLiteral("Patient")).status, 401);
}

void TestSandboxSmart::trainerExpiresTheAccessTokensAndARefreshRenewsThem()
{
    const Tokens before = signIn();
    QCOMPARE(getWith(before.access(), QStringLiteral("Patient")).status, 200);
    Sandbox::FaultSettings faults;
    faults.tokenExpired = true;
    m_server->setFaults(faults);

    const SandboxReply expired = getWith(before.access(), QStringLiteral("Patient"));
    QCOMPARE(expired.status, 401);
    QVERIFY2(expired.header("WWW-Authenticate").contains("error=\"invalid_token\""),
             expired.header("WWW-Authenticate").constData());
    // The refresh a SMART client makes on that 401 gives a token that works while the fault stays set.
    const Tokens renewed = refresh(before.refresh());
    QCOMPARE(renewed.status, 200);
    QCOMPARE(getWith(renewed.access(), QStringLiteral("Patient")).status, 200);
    QCOMPARE(getWith(renewed.access(), QStringLiteral("Patient")).status, 200);
    // The static token has no refresh: refused until it is renewed.
    QCOMPARE(getWith(QStringLiteral("test-token"), QStringLiteral("Patient")).status, 401);
    m_server->renewToken(QStringLiteral("renewed-token"));
    QCOMPARE(getWith(QStringLiteral("renewed-token"), QStringLiteral("Patient")).status, 200);
    QVERIFY(!m_server->faults().tokenExpired);
}

void TestSandboxSmart::trainerEndsTheSignInsUntilANewOne()
{
    const Tokens before = signIn();
    Sandbox::FaultSettings faults;
    faults.signInEnded = true;
    m_server->setFaults(faults);

    QCOMPARE(getWith(before.access(), QStringLiteral("Patient")).status, 401);
    const Tokens refused = refresh(before.refresh());
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.answer.value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    QCOMPARE(getWith(QStringLiteral("test-token"), QStringLiteral("Patient")).status, 401);
    // A new sign-in works at once; the old one stays ended.
    const Tokens again = signIn();
    QCOMPARE(again.status, 200);
    QCOMPARE(getWith(again.access(), QStringLiteral("Patient")).status, 200);
    QCOMPARE(refresh(again.refresh()).status, 200);
    QCOMPARE(refresh(before.refresh()).status, 400);
}

QTEST_GUILESS_MAIN(TestSandboxSmart)
#include "tst_sandboxsmart.moc"
