#pragma once

#include <QString>
#include <QStringList>

namespace Auth {

/// SMART scope syntax: v2 ("user/Procedure.c", "user/Patient.rs") or v1 ("user/Procedure.write").
enum class ScopeSyntax
{
    V2,
    V1,
};

/**
 * A set of OAuth scopes as SMART on FHIR writes them: what was asked for, or
 * what the token endpoint granted. It answers whether a FHIR interaction is
 * allowed on a resource type in either syntax (v2 "c r u d s" letters, v1
 * read, write and "*", the "*" resource wildcard, any of the patient/user/system
 * contexts), and rewrites v2 scopes as v1 for servers that only speak v1.
 */
class ScopeSet
{
public:
    /// FHIR interactions as SMART v2 names them.
    enum Interaction : char
    {
        Create = 'c',
        Read = 'r',
        Update = 'u',
        Delete = 'd',
        Search = 's',
    };

    ScopeSet() = default;
    explicit ScopeSet(const QStringList &scopes);
    /// Space-separated, as in a request or a token response.
    static ScopeSet parse(const QString &text);

    /// The desktop app's default: openid fhirUser offline_access and user/ read and create scopes.
    static ScopeSet appDefaults(ScopeSyntax syntax = ScopeSyntax::V2);
    /// superbill-cli's default for Backend Services: system/Procedure.c and system/ reads.
    static ScopeSet backendDefaults();

    const QStringList &scopes() const { return m_scopes; }
    QString toString() const { return m_scopes.join(u' '); }
    bool isEmpty() const { return m_scopes.isEmpty(); }
    bool contains(const QString &scope) const { return m_scopes.contains(scope); }

    /// Whether some scope allows `interaction` on `resourceType` (any context, any syntax).
    bool permits(const QString &resourceType, Interaction interaction) const;
    /// The same scopes in the other syntax (resource scopes only; openid, fhirUser ... stay).
    ScopeSet inSyntax(ScopeSyntax syntax) const;

    friend bool operator==(const ScopeSet &, const ScopeSet &) = default;

private:
    QStringList m_scopes;
};

} // namespace Auth
