#include "procedureentry.h"

#include <algorithm>

#include <QUuid>

namespace Model {

QString Reference::type() const
{
    const auto slash = reference.indexOf(u'/');
    return slash < 0 ? QString() : reference.left(slash);
}

QString Reference::id() const
{
    const auto slash = reference.indexOf(u'/');
    return slash < 0 ? QString() : reference.mid(slash + 1);
}

bool isFhirId(QStringView id)
{
    // By hand rather than by regular expression: the validator asks this of every reference.
    if (id.isEmpty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        const char16_t unit = c.unicode();
        return (unit >= u'A' && unit <= u'Z') || (unit >= u'a' && unit <= u'z') ||
               (unit >= u'0' && unit <= u'9') || unit == u'-' || unit == u'.';
    });
}

bool Reference::isLiteralTo(QStringView expectedType) const
{
    const auto slash = reference.indexOf(u'/');
    return slash >= 0 && QStringView(reference).first(slash) == expectedType &&
           isFhirId(QStringView(reference).sliced(slash + 1));
}

std::optional<qint64> Period::minutes() const
{
    if (!start.isValid() || !end.isValid())
        return std::nullopt;
    return start.secsTo(end) / 60;
}

std::optional<Identifier> ProcedureEntry::clientIdentifier() const
{
    for (const auto &identifier : identifiers) {
        if (identifier.system == QLatin1String(Systems::Rfc3986) && !identifier.value.isEmpty())
            return identifier;
    }
    return std::nullopt;
}

void ProcedureEntry::fillDefaults()
{
    if (status.isEmpty())
        status = QLatin1String(Status::Completed);
    const QString profile = QLatin1String(Systems::UsCoreProcedureProfile);
    if (!profiles.contains(profile))
        profiles.append(profile);
    if (!clientIdentifier())
        identifiers.append(newClientIdentifier());
}

Identifier ProcedureEntry::newClientIdentifier()
{
    return {QLatin1String(Systems::Rfc3986),
            QStringLiteral("urn:uuid:") + QUuid::createUuid().toString(QUuid::WithoutBraces)};
}

} // namespace Model
