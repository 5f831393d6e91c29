#include "patientsummary.h"

#include <QJsonArray>

#include "fhir/extensions.h"
#include "fhir/resourcecheck.h"

namespace Ehr {

namespace {

// The official name when there is one, else the first.
QJsonObject preferredName(const QJsonArray &names)
{
    for (const auto &name : names) {
        if (name.toObject().value(QStringLiteral("use")).toString() == u"official")
            return name.toObject();
    }
    return names.isEmpty() ? QJsonObject() : names.first().toObject();
}

} // namespace

QString PatientSummary::displayName() const
{
    if (!family.isEmpty() && !given.isEmpty())
        return family + QStringLiteral(", ") + given;
    if (!family.isEmpty())
        return family;
    if (!given.isEmpty())
        return given;
    return id;
}

Common::Result<PatientSummary> PatientSummary::fromFhir(const QJsonObject &resource)
{
    const auto id = Fhir::resourceIdOfType(resource, QStringLiteral("Patient"));
    if (!id)
        return id.error();
    PatientSummary patient;
    patient.id = *id;
    const QJsonObject name = preferredName(resource.value(QStringLiteral("name")).toArray());
    patient.family = name.value(QStringLiteral("family")).toString();
    QStringList given;
    for (const auto &part : name.value(QStringLiteral("given")).toArray())
        given.append(part.toString());
    patient.given = given.join(u' ');
    if (patient.family.isEmpty() && patient.given.isEmpty())
        patient.given = name.value(QStringLiteral("text")).toString();
    for (const auto &item : resource.value(QStringLiteral("identifier")).toArray()) {
        const QJsonObject identifier = item.toObject();
        if (identifier.value(QStringLiteral("system")).toString() == QLatin1String(Fhir::Urls::MrnSystem)) {
            patient.mrn = identifier.value(QStringLiteral("value")).toString();
            break;
        }
    }
    patient.birthDate =
        QDate::fromString(resource.value(QStringLiteral("birthDate")).toString(), Qt::ISODate);
    patient.gender = resource.value(QStringLiteral("gender")).toString();
    return patient;
}

} // namespace Ehr
