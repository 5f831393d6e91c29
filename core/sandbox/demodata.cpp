#include "demodata.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include "fhir/datetime.h"
#include "model/procedureentry.h"

namespace Sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::DemoData", text);
}

using Model::isFhirId;

/// "Patient-265" for {"reference": "Patient/Patient-265"} when the type matches; empty otherwise.
QString referencedId(const QJsonValue &reference, const QString &type)
{
    const Model::Reference literal{reference.toObject().value(QStringLiteral("reference")).toString()};
    return literal.isLiteralTo(type) ? literal.id() : QString();
}

/// Reads one data file: a Bundle (entry[].resource) or a plain JSON array of resources.
std::optional<QList<QJsonObject>> readResources(const QString &dir, const QString &fileName,
                                                const QString &resourceType, QString *error)
{
    const QString path = dir + u'/' + fileName;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("%1: cannot read: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("%1: not valid JSON: %2 at offset %3")
                     .arg(QDir::toNativeSeparators(path), parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    QJsonArray items;
    if (document.isArray()) {
        items = document.array();
    } else if (document.object().value(QStringLiteral("resourceType")).toString() == u"Bundle") {
        for (const auto &entry : document.object().value(QStringLiteral("entry")).toArray())
            items.append(entry.toObject().value(QStringLiteral("resource")));
    } else {
        *error = tr("%1: expected a Bundle or a JSON array of %2 resources")
                     .arg(QDir::toNativeSeparators(path), resourceType);
        return std::nullopt;
    }
    QList<QJsonObject> resources;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject resource = items.at(i).toObject();
        if (resource.value(QStringLiteral("resourceType")).toString() != resourceType) {
            *error = tr("%1: entry %2 is not a %3 resource")
                         .arg(QDir::toNativeSeparators(path))
                         .arg(i)
                         .arg(resourceType);
            return std::nullopt;
        }
        resources.append(resource);
    }
    return resources;
}

} // namespace

QString DemoData::builtInDirectory()
{
    return QStringLiteral(":/superbill/sandbox");
}

std::optional<DemoData> DemoData::load(const QString &dir, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!dir.startsWith(u':') && !QFileInfo(dir).isDir()) {
        *error = tr("demo data directory %1 does not exist").arg(QDir::toNativeSeparators(dir));
        return std::nullopt;
    }
    DemoData data;
    const auto patients =
        readResources(dir, QStringLiteral("patients.json"), QStringLiteral("Patient"), error);
    if (!patients)
        return std::nullopt;
    const auto encounters =
        readResources(dir, QStringLiteral("encounters.json"), QStringLiteral("Encounter"), error);
    if (!encounters)
        return std::nullopt;
    const auto conditions =
        readResources(dir, QStringLiteral("conditions.json"), QStringLiteral("Condition"), error);
    if (!conditions)
        return std::nullopt;

    const auto where = [&dir](const char *file, qsizetype index, const QString &id) {
        return tr("%1, entry %2 (%3)")
            .arg(QDir::toNativeSeparators(dir + u'/' + QLatin1String(file)))
            .arg(index)
            .arg(id.isEmpty() ? tr("no id") : id);
    };
    const auto checkId = [&](const QJsonObject &resource, const char *file, qsizetype index,
                             const QHash<QString, qsizetype> &index_) -> std::optional<QString> {
        const QString id = resource.value(QStringLiteral("id")).toString();
        if (!isFhirId(id)) {
            *error = tr("%1: id is missing or not a FHIR id").arg(where(file, index, id));
            return std::nullopt;
        }
        if (index_.contains(id)) {
            *error = tr("%1: the id is used twice").arg(where(file, index, id));
            return std::nullopt;
        }
        return id;
    };

    for (qsizetype i = 0; i < patients->size(); ++i) {
        const auto id = checkId(patients->at(i), "patients.json", i, data.m_patientIndex);
        if (!id)
            return std::nullopt;
        data.m_patientIndex.insert(*id, data.m_patients.size());
        data.m_patients.append(patients->at(i));
    }

    for (qsizetype i = 0; i < encounters->size(); ++i) {
        const QJsonObject &resource = encounters->at(i);
        const auto id = checkId(resource, "encounters.json", i, data.m_encounterIndex);
        if (!id)
            return std::nullopt;
        EncounterInfo info;
        info.id = *id;
        info.patientId = referencedId(resource.value(QStringLiteral("subject")), QStringLiteral("Patient"));
        if (!data.hasPatient(info.patientId)) {
            *error = tr("%1: Encounter.subject does not reference a patient of patients.json")
                         .arg(where("encounters.json", i, *id));
            return std::nullopt;
        }
        const QString status = resource.value(QStringLiteral("status")).toString();
        info.state.status = Model::encounterStatusFromCode(status);
        if (Model::encounterStatusCode(info.state.status) != status) {
            *error = tr("%1: Encounter.status \"%2\" is not a FHIR R4 encounter status")
                         .arg(where("encounters.json", i, *id), status);
            return std::nullopt;
        }
        const QString stateCode = ::Fhir::extensionValueCode(resource, Urls::EncounterStateExtension);
        info.state.billing = Model::billingStateFromCode(stateCode);
        if (!stateCode.isEmpty() && info.state.billing == Model::BillingState::NotGiven) {
            *error = tr("%1: encounter-state \"%2\" is not open, signed-off, billed or partially-billed")
                         .arg(where("encounters.json", i, *id), stateCode);
            return std::nullopt;
        }
        info.timeZone = ::Fhir::extensionValueCode(resource, Urls::TimezoneExtension);
        if (!info.timeZone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(info.timeZone.toUtf8())) {
            *error = tr("%1: time zone \"%2\" is not an IANA time zone this system knows")
                         .arg(where("encounters.json", i, *id), info.timeZone);
            return std::nullopt;
        }
        const QString start =
            resource.value(QStringLiteral("period")).toObject().value(QStringLiteral("start")).toString();
        const auto parsed = ::Fhir::parseDateTime(start);
        if (!parsed || !::Fhir::hasExplicitOffset(*parsed)) {
            *error = tr("%1: Encounter.period.start must be a date-time with an offset")
                         .arg(where("encounters.json", i, *id));
            return std::nullopt;
        }
        info.start = *parsed;
        data.m_encounterIndex.insert(*id, data.m_encounters.size());
        data.m_encounters.append(resource);
        data.m_encounterInfo.insert(*id, info);
    }

    for (qsizetype i = 0; i < conditions->size(); ++i) {
        const QJsonObject &resource = conditions->at(i);
        const auto id = checkId(resource, "conditions.json", i, data.m_conditionIndex);
        if (!id)
            return std::nullopt;
        const QString patientId =
            referencedId(resource.value(QStringLiteral("subject")), QStringLiteral("Patient"));
        if (!data.hasPatient(patientId)) {
            *error = tr("%1: Condition.subject does not reference a patient of patients.json")
                         .arg(where("conditions.json", i, *id));
            return std::nullopt;
        }
        QString encounterId;
        if (resource.contains(QStringLiteral("encounter"))) {
            encounterId =
                referencedId(resource.value(QStringLiteral("encounter")), QStringLiteral("Encounter"));
            const EncounterInfo *info = data.encounterInfo(encounterId);
            if (!info || info->patientId != patientId) {
                *error = tr("%1: Condition.encounter does not reference an encounter of the same patient")
                             .arg(where("conditions.json", i, *id));
                return std::nullopt;
            }
        }
        data.m_conditionIndex.insert(*id, data.m_conditions.size());
        data.m_conditions.append(resource);
        data.m_conditionPatient.insert(*id, patientId);
        data.m_conditionEncounter.insert(*id, encounterId);
        data.m_patientConditions[patientId].insert(*id);
    }
    return data;
}

const QJsonObject *DemoData::patient(const QString &id) const
{
    const auto it = m_patientIndex.constFind(id);
    return it == m_patientIndex.cend() ? nullptr : &m_patients.at(*it);
}

const QJsonObject *DemoData::encounter(const QString &id) const
{
    const auto it = m_encounterIndex.constFind(id);
    return it == m_encounterIndex.cend() ? nullptr : &m_encounters.at(*it);
}

const QJsonObject *DemoData::condition(const QString &id) const
{
    const auto it = m_conditionIndex.constFind(id);
    return it == m_conditionIndex.cend() ? nullptr : &m_conditions.at(*it);
}

const EncounterInfo *DemoData::encounterInfo(const QString &id) const
{
    const auto it = m_encounterInfo.constFind(id);
    return it == m_encounterInfo.cend() ? nullptr : &*it;
}

QSet<QString> DemoData::conditionIdsOfPatient(const QString &patientId) const
{
    return m_patientConditions.value(patientId);
}

QString DemoData::conditionPatient(const QString &conditionId) const
{
    return m_conditionPatient.value(conditionId);
}

QString DemoData::conditionEncounter(const QString &conditionId) const
{
    return m_conditionEncounter.value(conditionId);
}

} // namespace Sandbox
