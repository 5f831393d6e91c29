#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include "common/result.h"
#include "scopeset.h"

namespace Auth {

/**
 * What an EHR says about signing in (SMART App Launch 2.x discovery): read
 * from [base]/.well-known/smart-configuration, or else from the OAuth URIs
 * extension of the CapabilityStatement's rest.security (older servers).
 */
struct SmartConfiguration
{
    enum class Source
    {
        WellKnown,
        CapabilityStatement,
    };

    Source source = Source::WellKnown;
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    QStringList grantTypes;           ///< grant_types_supported
    QStringList codeChallengeMethods; ///< code_challenge_methods_supported
    QStringList capabilities;         ///< e.g. launch-standalone, client-public, permission-v2
    QStringList scopesSupported;      ///< scopes_supported
    QStringList tokenEndpointAuthMethods;

    /// Reads a smart-configuration document; `documentUrl` resolves relative endpoints and names it in
    /// errors.
    static Common::Result<SmartConfiguration> fromWellKnown(const QJsonObject &document,
                                                            const QUrl &documentUrl);
    /// Reads rest[].security.extension
    /// "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris".
    static Common::Result<SmartConfiguration> fromCapabilityStatement(const QJsonObject &capabilityStatement,
                                                                      const QUrl &documentUrl);

    /// v1 scopes only when the server lists permission-v1 and not permission-v2.
    ScopeSyntax scopeSyntax() const;
    /// Whether a desktop app may sign in here: an authorization endpoint, and PKCE with S256 (a server that
    /// offers only "plain" is refused: plain sends the secret itself).
    Common::Status checkAuthorizationCode() const;
    /// Whether superbill-cli may sign in here: client_credentials and private_key_jwt, when the server lists
    /// what it supports.
    Common::Status checkBackendServices() const;
    /// Both endpoints use HTTPS, or plain HTTP on this computer only.
    Common::Status checkTransport() const;

    QJsonObject toJson() const;
};

} // namespace Auth
