#include "capabilities.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Ehr {

std::optional<Capabilities> Capabilities::fromFhir(const QJsonObject &resource, QString *error)
{
    const QString type = resource.value(QStringLiteral("resourceType")).toString();
    if (type != u"CapabilityStatement") {
        if (error)
            *error = QCoreApplication::translate("Ehr::Capabilities",
                                                 "resourceType is \"%1\", not CapabilityStatement")
                         .arg(type);
        return std::nullopt;
    }
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
