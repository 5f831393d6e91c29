#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include "auth/scopeset.h"
#include "auth/smartconfiguration.h"
#include "auth/tokenendpoint.h"
#include "auth/tokenresponse.h"

using Auth::ScopeSet;

/// SMART discovery documents, scopes in both syntaxes, token answers and form encoding.
class TestSmartConfiguration : public QObject
{
    Q_OBJECT

private slots:
    void readsWellKnown();
    void fallsBackToCapabilityStatement();
    void refusesPlainOnlyPkce();
    void refusesInsecureEndpoints();
    void choosesScopeSyntax_data();
    void choosesScopeSyntax();
    void permits_data();
    void permits();
    void writesV1Scopes();
    void formValuesArePercentEncoded();
    void readsTokenAnswers();
};

namespace {

const QUrl Base(QStringLiteral("https://ehr.example.org/fhir/R4"));

QJsonObject wellKnown(const QJsonArray &methods, const QJsonArray &capabilities = {})
{
    return {{QStringLiteral("authorization_endpoint"),
             QStringLiteral("https://ehr.example.org/oauth2/authorize")},
            {QStringLiteral("token_endpoint"), QStringLiteral("/oauth2/token")},
            {QStringLiteral("grant_types_supported"),
             QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("client_credentials")}},
            {QStringLiteral("code_challenge_methods_supported"), methods},
            {QStringLiteral("capabilities"), capabilities},
            {QStringLiteral("scopes_supported"), QJsonArray{QStringLiteral("openid")}}};
}

} // namespace

void TestSmartConfiguration::readsWellKnown()
{
    const auto configuration =
        Auth::SmartConfiguration::fromWellKnown(wellKnown({QStringLiteral("S256")}), Base);
    QVERIFY(configuration.ok());
    QCOMPARE(configuration->authorizationEndpoint,
             QUrl(QStringLiteral("https://ehr.example.org/oauth2/authorize")));
    // Relative endpoints resolve against the document's address.
    QCOMPARE(configuration->tokenEndpoint, QUrl(QStringLiteral("https://ehr.example.org/oauth2/token")));
    QCOMPARE(configuration->grantTypes.size(), 2);
    QCOMPARE(configuration->scopesSupported, QStringList{QStringLiteral("openid")});
    QVERIFY(configuration->checkAuthorizationCode().ok());
    QVERIFY(configuration->checkBackendServices().ok());

    QJsonObject withoutToken = wellKnown({QStringLiteral("S256")});
    withoutToken.remove(QStringLiteral("token_endpoint"));
    QVERIFY(!Auth::SmartConfiguration::fromWellKnown(withoutToken, Base).ok());
}

void TestSmartConfiguration::fallsBackToCapabilityStatement()
{
    const QJsonObject capability = QJsonDocument::fromJson(R"({
        "resourceType": "CapabilityStatement",
        "rest": [{"mode": "server", "security": {"extension": [{
            "url": "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
            "extension": [
                {"url": "authorize", "valueUri": "https://ehr.example.org/auth/authorize"},
                {"url": "token", "valueUri": "https://ehr.example.org/auth/token"}]}]}}]})")
                                       .object();
    const auto configuration = Auth::SmartConfiguration::fromCapabilityStatement(capability, Base);
    QVERIFY(configuration.ok());
    QCOMPARE(configuration->source, Auth::SmartConfiguration::Source::CapabilityStatement);
    QCOMPARE(configuration->tokenEndpoint, QUrl(QStringLiteral("https://ehr.example.org/auth/token")));
    QCOMPARE(configuration->authorizationEndpoint,
             QUrl(QStringLiteral("https://ehr.example.org/auth/authorize")));

    const auto none = Auth::SmartConfiguration::fromCapabilityStatement(
        QJsonDocument::fromJson(R"({"resourceType": "CapabilityStatement", "rest": [{}]})").object(), Base);
    QVERIFY(!none.ok());
    QVERIFY(none.error().message.contains(QStringLiteral("no SMART sign-in")));
}

void TestSmartConfiguration::refusesPlainOnlyPkce()
{
    const auto plain = Auth::SmartConfiguration::fromWellKnown(wellKnown({QStringLiteral("plain")}), Base);
    QVERIFY(plain.ok());
    const auto refused = plain->checkAuthorizationCode();
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, QStringLiteral("pkce-plain-only"));
    // Backend Services does not use PKCE.
    QVERIFY(plain->checkBackendServices().ok());
    const auto both = Auth::SmartConfiguration::fromWellKnown(
        wellKnown({QStringLiteral("plain"), QStringLiteral("S256")}), Base);
    QVERIFY(both->checkAuthorizationCode().ok());
}

void TestSmartConfiguration::refusesInsecureEndpoints()
{
    QJsonObject document = wellKnown({QStringLiteral("S256")});
    document.insert(QStringLiteral("token_endpoint"), QStringLiteral("http://ehr.example.org/oauth2/token"));
    const auto configuration = Auth::SmartConfiguration::fromWellKnown(document, Base);
    QCOMPARE(configuration->checkAuthorizationCode().error().code, QStringLiteral("insecure-endpoint"));
    QCOMPARE(configuration->checkBackendServices().error().code, QStringLiteral("insecure-endpoint"));
    document.insert(QStringLiteral("token_endpoint"), QStringLiteral("http://127.0.0.1:8080/token"));
    QVERIFY(Auth::SmartConfiguration::fromWellKnown(document, Base)->checkBackendServices().ok());
}

void TestSmartConfiguration::choosesScopeSyntax_data()
{
    QTest::addColumn<QStringList>("capabilities");
    QTest::addColumn<Auth::ScopeSyntax>("syntax");
    QTest::newRow("none listed") << QStringList{} << Auth::ScopeSyntax::V2;
    QTest::newRow("v2") << QStringList{QStringLiteral("permission-v2")} << Auth::ScopeSyntax::V2;
    QTest::newRow("both") << QStringList{QStringLiteral("permission-v1"), QStringLiteral("permission-v2")}
                          << Auth::ScopeSyntax::V2;
    QTest::newRow("v1 only") << QStringList{QStringLiteral("permission-v1")} << Auth::ScopeSyntax::V1;
}

void TestSmartConfiguration::choosesScopeSyntax()
{
    QFETCH(QStringList, capabilities);
    QFETCH(Auth::ScopeSyntax, syntax);
    const auto configuration = Auth::SmartConfiguration::fromWellKnown(
        wellKnown({QStringLiteral("S256")}, QJsonArray::fromStringList(capabilities)), Base);
    QCOMPARE(configuration->scopeSyntax(), syntax);
}

void TestSmartConfiguration::permits_data()
{
    QTest::addColumn<QString>("scopes");
    QTest::addColumn<QString>("type");
    QTest::addColumn<char>("interaction");
    QTest::addColumn<bool>("permitted");
    QTest::newRow("v2 create") << "user/Procedure.c"
                               << "Procedure" << 'c' << true;
    QTest::newRow("v2 read is not create") << "user/Procedure.rs"
                                           << "Procedure" << 'c' << false;
    QTest::newRow("v2 other type") << "user/Patient.cruds"
                                   << "Procedure" << 'c' << false;
    QTest::newRow("v2 wildcard") << "system/*.cruds"
                                 << "Procedure" << 'c' << true;
    QTest::newRow("v2 granular query") << "patient/Procedure.rs?category=x"
                                       << "Procedure" << 's' << true;
    QTest::newRow("v1 write") << "user/Procedure.write"
                              << "Procedure" << 'c' << true;
    QTest::newRow("v1 read is not create") << "user/Procedure.read"
                                           << "Procedure" << 'c' << false;
    QTest::newRow("v1 read searches") << "user/Patient.read"
                                      << "Patient" << 's' << true;
    QTest::newRow("v1 star") << "user/*.*"
                             << "Condition" << 'r' << true;
    QTest::newRow("letters out of order") << "user/Procedure.sc"
                                          << "Procedure" << 'c' << false;
    QTest::newRow("not a resource scope") << "openid fhirUser offline_access"
                                          << "Procedure" << 'c' << false;
}

void TestSmartConfiguration::permits()
{
    QFETCH(QString, scopes);
    QFETCH(QString, type);
    QFETCH(char, interaction);
    QFETCH(bool, permitted);
    QCOMPARE(ScopeSet::parse(scopes).permits(type, ScopeSet::Interaction(interaction)), permitted);
}

void TestSmartConfiguration::writesV1Scopes()
{
    QCOMPARE(
        ScopeSet::appDefaults().toString(),
        QStringLiteral("openid fhirUser offline_access user/Patient.rs user/Encounter.rs user/Condition.rs "
                       "user/Procedure.c user/Procedure.rs"));
    QCOMPARE(ScopeSet::appDefaults(Auth::ScopeSyntax::V1).toString(),
             QStringLiteral("openid fhirUser offline_access user/Patient.read user/Encounter.read "
                            "user/Condition.read user/Procedure.write user/Procedure.read"));
    QCOMPARE(ScopeSet::backendDefaults().toString(),
             QStringLiteral("system/Procedure.c system/Patient.rs system/Encounter.rs system/Condition.rs"));
    QCOMPARE(
        ScopeSet::parse(QStringLiteral("user/Procedure.cruds")).inSyntax(Auth::ScopeSyntax::V1).toString(),
        QStringLiteral("user/Procedure.*"));
}

void TestSmartConfiguration::formValuesArePercentEncoded()
{
    const QByteArray body =
        Auth::TokenEndpoint::formEncode({{QStringLiteral("refresh_token"), QStringLiteral("rt+a/b=")},
                                         {QStringLiteral("scope"), QStringLiteral("a b&c")}});
    QCOMPARE(body, QByteArray("refresh_token=rt%2Ba%2Fb%3D&scope=a%20b%26c"));
}

void TestSmartConfiguration::readsTokenAnswers()
{
    const ScopeSet asked = ScopeSet::appDefaults();
    const auto full = Auth::TokenResponse::fromJson(
        QJsonDocument::fromJson(R"({"access_token":"a","token_type":"bearer","expires_in":"300",
            "scope":"openid user/Patient.rs","refresh_token":"r","patient":"Patient-1","encounter":"E-2",
            "fhirUser":"Practitioner/7"})")
            .object(),
        asked);
    QVERIFY(full.ok());
    QCOMPARE(full->expiresIn, 300);
    QCOMPARE(full->scope.toString(), QStringLiteral("openid user/Patient.rs"));
    QVERIFY(!full->scope.permits(QStringLiteral("Procedure"), ScopeSet::Create));
    QCOMPARE(full->patient, QStringLiteral("Patient-1"));
    QCOMPARE(full->encounter, QStringLiteral("E-2"));
    QCOMPARE(full->userDisplayName(), QStringLiteral("Practitioner/7"));

    // RFC 6749: an answer without scope granted what was asked.
    const auto noScope = Auth::TokenResponse::fromJson(
        QJsonDocument::fromJson(R"({"access_token":"a","token_type":"Bearer"})").object(), asked);
    QCOMPARE(noScope->scope, asked);
    QVERIFY(!Auth::TokenResponse::fromJson(
                 QJsonDocument::fromJson(R"({"access_token":"a","token_type":"mac"})").object(), asked)
                 .ok());

    const Common::Error error =
        Auth::tokenErrorFrom(400, R"({"error":"invalid_grant","error_description":"gone"})");
    QCOMPARE(error.code, QStringLiteral("invalid_grant"));
    QVERIFY(error.message.contains(QStringLiteral("gone")));
    QCOMPARE(Auth::tokenErrorFrom(502, "<html>").code, QStringLiteral("http-502"));
}

QTEST_GUILESS_MAIN(TestSmartConfiguration)
#include "tst_smartconfiguration.moc"
