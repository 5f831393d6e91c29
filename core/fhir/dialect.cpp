#include "dialect.h"

namespace Fhir {

QString dialectName(Dialect dialect)
{
    return dialect == Dialect::R4Strict ? QStringLiteral("r4-strict") : QStringLiteral("ehr-vendor");
}

std::optional<Dialect> dialectFromName(const QString &name)
{
    for (const auto dialect : {Dialect::EhrVendor, Dialect::R4Strict}) {
        if (dialectName(dialect) == name)
            return dialect;
    }
    return std::nullopt;
}

QStringList dialectNames()
{
    return {dialectName(Dialect::EhrVendor), dialectName(Dialect::R4Strict)};
}

} // namespace Fhir
