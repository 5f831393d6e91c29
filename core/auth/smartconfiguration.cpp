#include "smartconfiguration.h"

#include <QCoreApplication>
#include <QJsonArray>

#include "ehr/ehrclient.h"

namespace Auth {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::SmartConfiguration)
};

const QString OAuthUrisExtension =
    QStringLiteral("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const auto &item : value.toArray()) {
        if (item.isString())
            list.append(item.toString());
    }
    return list;
}

QJsonArray array(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QUrl endpoint(const QJsonValue &value, const QUrl &base)
{
    const QString text = value.toString().trimmed();
    return text.isEmpty() ? QUrl() : base.resolved(QUrl(text));
}

QString display(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

} // namespace

Common::Result<SmartConfiguration> SmartConfiguration::fromWellKnown(const QJsonObject &document,
                                                                     const QUrl &documentUrl)
{
    SmartConfiguration configuration;
    configuration.source = Source::WellKnown;
    configuration.issuer = document.value(QStringLiteral("issuer")).toString();
    configuration.authorizationEndpoint =
        endpoint(document.value(QStringLiteral("authorization_endpoint")), documentUrl);
    configuration.tokenEndpoint = endpoint(document.value(QStringLiteral("token_endpoint")), documentUrl);
    configuration.jwksUri = endpoint(document.value(QStringLiteral("jwks_uri")), documentUrl);
    configuration.grantTypes = strings(document.value(QStringLiteral("grant_types_supported")));
    configuration.codeChallengeMethods =
        strings(document.value(QStringLiteral("code_challenge_methods_supported")));
    configuration.capabilities = strings(document.value(QStringLiteral("capabilities")));
    configuration.scopesSupported = strings(document.value(QStringLiteral("scopes_supported")));
    configuration.tokenEndpointAuthMethods =
        strings(document.value(QStringLiteral("token_endpoint_auth_methods_supported")));
    if (!configuration.tokenEndpoint.isValid() || configuration.tokenEndpoint.isEmpty())
        return Common::makeError(QStringLiteral("smart-configuration"),
                                 Text::tr("the SMART configuration names no token_endpoint"),
                                 display(documentUrl));
    return configuration;
}

Common::Result<SmartConfiguration>
SmartConfiguration::fromCapabilityStatement(const QJsonObject &capabilityStatement, const QUrl &documentUrl)
{
    SmartConfiguration configuration;
    configuration.source = Source::CapabilityStatement;
    for (const auto &rest : capabilityStatement.value(QStringLiteral("rest")).toArray()) {
        const QJsonObject security = rest.toObject().value(QStringLiteral("security")).toObject();
        for (const auto &extension : security.value(QStringLiteral("extension")).toArray()) {
            if (extension.toObject().value(QStringLiteral("url")).toString() != OAuthUrisExtension)
                continue;
            for (const auto &uri : extension.toObject().value(QStringLiteral("extension")).toArray()) {
                const QString name = uri.toObject().value(QStringLiteral("url")).toString();
                const QUrl value = endpoint(uri.toObject().value(QStringLiteral("valueUri")), documentUrl);
                if (name == u"authorize")
                    configuration.authorizationEndpoint = value;
                else if (name == u"token")
                    configuration.tokenEndpoint = value;
            }
        }
    }
    if (configuration.tokenEndpoint.isEmpty())
        return Common::makeError(QStringLiteral("smart-configuration"),
                                 Text::tr("the EHR offers no SMART sign-in: neither "
                                          ".well-known/smart-configuration nor OAuth URIs in its "
                                          "CapabilityStatement"),
                                 display(documentUrl));
    return configuration;
}

ScopeSyntax SmartConfiguration::scopeSyntax() const
{
    return capabilities.contains(u"permission-v1") && !capabilities.contains(u"permission-v2")
               ? ScopeSyntax::V1
               : ScopeSyntax::V2;
}

Common::Status SmartConfiguration::checkAuthorizationCode() const
{
    if (authorizationEndpoint.isEmpty())
        return Common::makeError(
            QStringLiteral("no-authorization-endpoint"),
            Text::tr("the EHR names no authorization_endpoint, so a person cannot sign in "
                     "here; use a bearer token"));
    if (!grantTypes.isEmpty() && !grantTypes.contains(u"authorization_code"))
        return Common::makeError(
            QStringLiteral("no-authorization-code"),
            Text::tr("the EHR does not offer the authorization_code grant (it offers %1)")
                .arg(grantTypes.join(QStringLiteral(", "))));
    // Discovery that lists no methods is older than SMART 2; S256 is sent anyway and most accept it.
    if (!codeChallengeMethods.isEmpty() && !codeChallengeMethods.contains(u"S256"))
        return Common::makeError(
            QStringLiteral("pkce-plain-only"),
            Text::tr("the EHR offers PKCE only as %1, which sends the secret itself; this "
                     "app signs in only with S256")
                .arg(codeChallengeMethods.join(QStringLiteral(", "))));
    return checkTransport();
}

Common::Status SmartConfiguration::checkBackendServices() const
{
    if (!grantTypes.isEmpty() && !grantTypes.contains(u"client_credentials"))
        return Common::makeError(
            QStringLiteral("no-client-credentials"),
            Text::tr("the EHR does not offer the client_credentials grant that SMART Backend "
                     "Services needs (it offers %1)")
                .arg(grantTypes.join(QStringLiteral(", "))));
    if (!tokenEndpointAuthMethods.isEmpty() && !tokenEndpointAuthMethods.contains(u"private_key_jwt"))
        return Common::makeError(QStringLiteral("no-private-key-jwt"),
                                 Text::tr("the EHR does not accept private_key_jwt client authentication (it "
                                          "accepts %1)")
                                     .arg(tokenEndpointAuthMethods.join(QStringLiteral(", "))));
    return checkTransport();
}

Common::Status SmartConfiguration::checkTransport() const
{
    for (const QUrl &url : {authorizationEndpoint, tokenEndpoint}) {
        if (url.isEmpty())
            continue;
        if (const Common::Status secure = Ehr::EhrClient::checkTransportSecurity(url); !secure)
            return Common::makeError(QStringLiteral("insecure-endpoint"), secure.error().message,
                                     display(url));
    }
    return {};
}

QJsonObject SmartConfiguration::toJson() const
{
    return {{QStringLiteral("source"), source == Source::WellKnown
                                           ? QStringLiteral(".well-known/smart-configuration")
                                           : QStringLiteral("CapabilityStatement")},
            {QStringLiteral("authorizationEndpoint"), authorizationEndpoint.toString()},
            {QStringLiteral("tokenEndpoint"), tokenEndpoint.toString()},
            {QStringLiteral("grantTypes"), array(grantTypes)},
            {QStringLiteral("codeChallengeMethods"), array(codeChallengeMethods)},
            {QStringLiteral("capabilities"), array(capabilities)},
            {QStringLiteral("scopesSupported"), array(scopesSupported)}};
}

} // namespace Auth
