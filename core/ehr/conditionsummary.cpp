#include "conditionsummary.h"

#include <QCoreApplication>
#include <QJsonArray>

#include "fhir/extensions.h"
#include "model/procedureentry.h"

namespace Ehr {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Ehr::ConditionSummary)
};

QString referencedId(const QJsonObject &resource, const QString &element, const QString &type)
{
    const Model::Reference reference{
        resource.value(element).toObject().value(QStringLiteral("reference")).toString()};
    return reference.type() == type ? reference.id() : QString();
}

} // namespace

std::optional<ConditionSummary> ConditionSummary::fromFhir(const QJsonObject &resource, QString *error)
{
    const QString type = resource.value(QStringLiteral("resourceType")).toString();
    if (type != u"Condition") {
        if (error)
            *error = Text::tr("resourceType is \"%1\", not Condition").arg(type);
        return std::nullopt;
    }
    ConditionSummary condition;
    condition.id = resource.value(QStringLiteral("id")).toString();
    if (condition.id.isEmpty()) {
        if (error)
            *error = Text::tr("Condition without an id");
        return std::nullopt;
    }
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
