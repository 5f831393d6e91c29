#include "scopeset.h"

#include <optional>

namespace Auth {

namespace {

constexpr auto V2Letters = "cruds";

struct ResourceScope
{
    QString context;  ///< patient, user or system
    QString resource; ///< a FHIR type or *
    QString letters;  ///< the v2 interactions it allows, in "cruds" order
    QString query;    ///< a v2 "?param=value" restriction, kept as written
};

// "user/Procedure.c", "system/*.rs", "patient/Observation.rs?category=laboratory", "user/Patient.read".
std::optional<ResourceScope> parseResourceScope(const QString &scope)
{
    const qsizetype slash = scope.indexOf(u'/');
    const qsizetype dot = scope.indexOf(u'.', slash + 1);
    if (slash <= 0 || dot <= slash + 1)
        return std::nullopt;
    ResourceScope parsed;
    parsed.context = scope.left(slash);
    if (parsed.context != u"patient" && parsed.context != u"user" && parsed.context != u"system")
        return std::nullopt;
    parsed.resource = scope.mid(slash + 1, dot - slash - 1);
    QString permissions = scope.mid(dot + 1);
    if (const qsizetype question = permissions.indexOf(u'?'); question >= 0) {
        parsed.query = permissions.mid(question);
        permissions.truncate(question);
    }
    if (permissions == u"read")
        parsed.letters = QStringLiteral("rs");
    else if (permissions == u"write")
        parsed.letters = QStringLiteral("cud");
    else if (permissions == u"*")
        parsed.letters = QLatin1String(V2Letters);
    else {
        // v2: a non-empty subsequence of c, r, u, d, s in that order.
        qsizetype next = 0;
        const QString order = QLatin1String(V2Letters);
        for (const QChar letter : permissions) {
            const qsizetype at = order.indexOf(letter, next);
            if (at < 0)
                return std::nullopt;
            next = at + 1;
        }
        if (permissions.isEmpty())
            return std::nullopt;
        parsed.letters = permissions;
    }
    return parsed;
}

QString v1Permission(const QString &letters)
{
    const bool reads = letters.contains(u'r') || letters.contains(u's');
    const bool writes = letters.contains(u'c') || letters.contains(u'u') || letters.contains(u'd');
    if (reads && writes)
        return QStringLiteral("*");
    return writes ? QStringLiteral("write") : QStringLiteral("read");
}

} // namespace

ScopeSet::ScopeSet(const QStringList &scopes)
{
    for (const QString &scope : scopes) {
        if (!scope.isEmpty() && !m_scopes.contains(scope))
            m_scopes.append(scope);
    }
}

ScopeSet ScopeSet::parse(const QString &text)
{
    return ScopeSet(text.split(u' ', Qt::SkipEmptyParts));
}

ScopeSet ScopeSet::appDefaults(ScopeSyntax syntax)
{
    return parse(QStringLiteral("openid fhirUser offline_access user/Patient.rs user/Encounter.rs "
                                "user/Condition.rs user/Procedure.c user/Procedure.rs"))
        .inSyntax(syntax);
}

ScopeSet ScopeSet::backendDefaults()
{
    return parse(
        QStringLiteral("system/Procedure.c system/Patient.rs system/Encounter.rs system/Condition.rs"));
}

bool ScopeSet::permits(const QString &resourceType, Interaction interaction) const
{
    for (const QString &scope : m_scopes) {
        const auto parsed = parseResourceScope(scope);
        if (parsed && (parsed->resource == u"*" || parsed->resource == resourceType) &&
            parsed->letters.contains(QLatin1Char(char(interaction))))
            return true;
    }
    return false;
}

ScopeSet ScopeSet::inSyntax(ScopeSyntax syntax) const
{
    if (syntax == ScopeSyntax::V2)
        return *this;
    QStringList converted;
    for (const QString &scope : m_scopes) {
        const auto parsed = parseResourceScope(scope);
        if (!parsed) {
            converted.append(scope);
            continue;
        }
        // v1 has no query restrictions; the resource scope without it is the closest.
        converted.append(parsed->context + u'/' + parsed->resource + u'.' + v1Permission(parsed->letters));
    }
    return ScopeSet(converted);
}

} // namespace Auth
