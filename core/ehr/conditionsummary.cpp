#include "conditionsummary.h"

#include <QJsonArray>

#include "fhir/extensions.h"
#include "fhir/resourcecheck.h"
#include "model/procedureentry.h"

namespace Ehr {

namespace {

QString referencedId(const QJsonObject &resource, const QString &element, const QString &type)
{
    const Model::Reference reference{
        resource.value(element).toObject().value(QStringLiteral("reference")).toString()};
    return reference.type() == type ? reference.id() : QString();
}

} // namespace

Common::Result<ConditionSummary> ConditionSummary::fromFhir(const QJsonObject &resource)
{
    const auto id = Fhir::resourceIdOfType(resource, QStringLiteral("Condition"));
    if (!id)
        return id.error();
    ConditionSummary condition;
    condition.id = *id;
    const QJsonObject code = resource.value(QStringLiteral("code")).toObject();
    const QJsonArray codings = code.value(QStringLiteral("coding")).toArray();
    QJsonObject chosen = codings.isEmpty() ? QJsonObject() : codings.first().toObject();
    for (const auto &item : codings) {
        if (item.toObject().value(QStringLiteral("system")).toString() ==
            QLatin1String(Fhir::Urls::Icd10Cm)) {
            chosen = item.toObject();
            break;
        }
    }
    condition.code = chosen.value(QStringLiteral("code")).toString();
    condition.display = chosen.value(QStringLiteral("display")).toString();
    if (condition.display.isEmpty())
        condition.display = code.value(QStringLiteral("text")).toString();
    condition.patientId = referencedId(resource, QStringLiteral("subject"), QStringLiteral("Patient"));
    condition.encounterId = referencedId(resource, QStringLiteral("encounter"), QStringLiteral("Encounter"));
    return condition;
}

} // namespace Ehr
