#include "patientsummary.h"

#include <QCoreApplication>
#include <QJsonArray>

#include "fhir/extensions.h"

namespace Ehr {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Ehr::PatientSummary)
};

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

std::optional<PatientSummary> PatientSummary::fromFhir(const QJsonObject &resource, QString *error)
{
    const QString type = resource.value(QStringLiteral("resourceType")).toString();
    if (type != u"Patient") {
        if (error)
            *error = Text::tr("resourceType is \"%1\", not Patient").arg(type);
        return std::nullopt;
    }
    PatientSummary patient;
    patient.id = resource.value(QStringLiteral("id")).toString();
    if (patient.id.isEmpty()) {
        if (error)
            *error = Text::tr("Patient without an id");
        return std::nullopt;
    }
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
