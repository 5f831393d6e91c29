#include "capabilities.h"

#include <QJsonArray>

#include "fhir/resourcecheck.h"

namespace Ehr {

Common::Result<Capabilities> Capabilities::fromFhir(const QJsonObject &resource)
{
    if (const Common::Status typeOk =
            Fhir::checkResourceType(resource, QStringLiteral("CapabilityStatement"));
        !typeOk)
        return typeOk.error();
    Capabilities capabilities;
    capabilities.fhirVersion = resource.value(QStringLiteral("fhirVersion")).toString();
    const QJsonObject software = resource.value(QStringLiteral("software")).toObject();
    const QString softwareText = software.value(QStringLiteral("name")).toString() + u' ' +
                                 software.value(QStringLiteral("version")).toString();
    capabilities.software = softwareText.trimmed();
    for (const auto &restItem : resource.value(QStringLiteral("rest")).toArray()) {
        const QJsonObject rest = restItem.toObject();
        if (rest.value(QStringLiteral("mode")).toString() != u"server")
            continue;
        for (const auto &resourceItem : rest.value(QStringLiteral("resource")).toArray()) {
            const QJsonObject entry = resourceItem.toObject();
            if (entry.value(QStringLiteral("type")).toString() != u"Procedure")
                continue;
            for (const auto &interaction : entry.value(QStringLiteral("interaction")).toArray()) {
                if (interaction.toObject().value(QStringLiteral("code")).toString() == u"create")
                    capabilities.procedureCreate = true;
            }
            capabilities.conditionalCreate = entry.value(QStringLiteral("conditionalCreate")).toBool();
        }
    }
    return capabilities;
}

} // namespace Ehr
