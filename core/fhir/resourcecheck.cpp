#include "resourcecheck.h"

#include <QCoreApplication>

namespace Fhir {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Fhir::ResourceCheck)
};

} // namespace

Common::Status checkResourceType(const QJsonObject &resource, const QString &type)
{
    const QString actual = resource.value(QStringLiteral("resourceType")).toString();
    if (actual == type)
        return {};
    return Common::makeError(QStringLiteral("wrong-resource-type"),
                             Text::tr("resourceType is \"%1\", not %2").arg(actual, type),
                             QStringLiteral("resourceType"));
}

Common::Result<QString> resourceIdOfType(const QJsonObject &resource, const QString &type)
{
    if (const Common::Status typeOk = checkResourceType(resource, type); !typeOk)
        return typeOk.error();
    const QString id = resource.value(QStringLiteral("id")).toString();
    if (id.isEmpty())
        return Common::makeError(QStringLiteral("no-id"), Text::tr("%1 without an id").arg(type),
                                 type + QStringLiteral(".id"));
    return id;
}

} // namespace Fhir
