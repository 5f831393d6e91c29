#include "procedureentry.h"

#include <QRegularExpression>
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

bool isFhirId(const QString &id)
{
    // anchoredPattern: "$" alone would also accept an id with a final newline.
    static const QRegularExpression fhirId(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9\\-\\.]{1,64}")));
    return fhirId.match(id).hasMatch();
}

bool Reference::isLiteralTo(const QString &expectedType) const
{
    return type() == expectedType && isFhirId(id());
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
