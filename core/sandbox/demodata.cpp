#include "demodata.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

#include "common/result.h"
#include "fhir/datetime.h"
#include "model/procedureentry.h"

namespace Sandbox {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Sandbox::DemoData", text);
}

using Model::isFhirId;

/// A data set the server cannot serve. The message starts with where (the file, or the file and the
/// entry), as the SQLite errors name their file, so every error of the server reads alone.
Common::Error invalidData(const QString &message, const QString &where)
{
    return Common::makeError(QStringLiteral("invalid"), where + QLatin1String(": ") + message, where);
}

/// "Patient-265" for {"reference": "Patient/Patient-265"} when the type matches; empty otherwise.
QString referencedId(const QJsonValue &reference, const QString &type)
{
    const Model::Reference literal{reference.toObject().value(QStringLiteral("reference")).toString()};
    return literal.isLiteralTo(type) ? literal.id() : QString();
}

/// Reads one data file: a Bundle (entry[].resource) or a plain JSON array of resources.
Common::Result<QList<QJsonObject>> readResources(const QString &dir, const QString &fileName,
                                                 const QString &resourceType)
{
    const QString path = dir + u'/' + fileName;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Common::makeError(
            QStringLiteral("unreadable"),
            tr("%1: cannot read: %2").arg(QDir::toNativeSeparators(path), file.errorString()), path);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return invalidData(
            tr("not valid JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset),
            QDir::toNativeSeparators(path));
    }
    QJsonArray items;
    if (document.isArray()) {
        items = document.array();
    } else if (document.object().value(QStringLiteral("resourceType")).toString() == u"Bundle") {
        for (const auto &entry : document.object().value(QStringLiteral("entry")).toArray())
            items.append(entry.toObject().value(QStringLiteral("resource")));
    } else {
        return invalidData(tr("expected a Bundle or a JSON array of %1 resources").arg(resourceType),
                           QDir::toNativeSeparators(path));
    }
    QList<QJsonObject> resources;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject resource = items.at(i).toObject();
        if (resource.value(QStringLiteral("resourceType")).toString() != resourceType) {
            return invalidData(tr("entry %1 is not a %2 resource").arg(i).arg(resourceType),
                               QDir::toNativeSeparators(path));
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

Common::Result<DemoData> DemoData::load(const QString &dir)
{
    if (!dir.startsWith(u':') && !QFileInfo(dir).isDir())
        return Common::makeError(
            QStringLiteral("unreadable"),
            tr("demo data directory %1 does not exist").arg(QDir::toNativeSeparators(dir)));
    DemoData data;
    const auto patients = readResources(dir, QStringLiteral("patients.json"), QStringLiteral("Patient"));
    if (!patients)
        return patients.error();
    const auto encounters =
        readResources(dir, QStringLiteral("encounters.json"), QStringLiteral("Encounter"));
    if (!encounters)
        return encounters.error();
    const auto conditions =
        readResources(dir, QStringLiteral("conditions.json"), QStringLiteral("Condition"));
    if (!conditions)
        return conditions.error();

    const auto where = [&dir](const char *file, qsizetype index, const QString &id) {
        return tr("%1, entry %2 (%3)")
            .arg(QDir::toNativeSeparators(dir + u'/' + QLatin1String(file)))
            .arg(index)
            .arg(id.isEmpty() ? tr("no id") : id);
    };
    const auto invalidEntry = [&where](const char *file, qsizetype index, const QString &id,
                                       const QString &message) {
        return invalidData(message, where(file, index, id));
    };
    const auto checkId = [&](const QJsonObject &resource, const char *file, qsizetype index,
                             const QHash<QString, qsizetype> &index_) -> Common::Result<QString> {
        const QString id = resource.value(QStringLiteral("id")).toString();
        if (!isFhirId(id)) {
            return invalidEntry(file, index, id, tr("id is missing or not a FHIR id"));
        }
        if (index_.contains(id)) {
            return invalidEntry(file, index, id, tr("the id is used twice"));
        }
        return id;
    };

    for (qsizetype i = 0; i < patients->size(); ++i) {
        const auto id = checkId(patients->at(i), "patients.json", i, data.m_patientIndex);
        if (!id)
            return id.error();
        data.m_patientIndex.insert(*id, data.m_patients.size());
        data.m_patients.append(patients->at(i));
    }

    for (qsizetype i = 0; i < encounters->size(); ++i) {
        const QJsonObject &resource = encounters->at(i);
        const auto id = checkId(resource, "encounters.json", i, data.m_encounterIndex);
        if (!id)
            return id.error();
        EncounterInfo info;
        info.id = *id;
        info.patientId = referencedId(resource.value(QStringLiteral("subject")), QStringLiteral("Patient"));
        if (!data.hasPatient(info.patientId)) {
            return invalidEntry("encounters.json", i, *id,
                                tr("Encounter.subject does not reference a patient of patients.json"));
        }
        const QString status = resource.value(QStringLiteral("status")).toString();
        info.state.status = Model::encounterStatusFromCode(status);
        if (Model::encounterStatusCode(info.state.status) != status) {
            return invalidEntry("encounters.json", i, *id,
                                tr("Encounter.status \"%1\" is not a FHIR R4 encounter status").arg(status));
        }
        const QString stateCode = ::Fhir::extensionValueCode(resource, Urls::EncounterStateExtension);
        info.state.billing = Model::billingStateFromCode(stateCode);
        if (!stateCode.isEmpty() && info.state.billing == Model::BillingState::NotGiven) {
            return invalidEntry(
                "encounters.json", i, *id,
                tr("encounter-state \"%1\" is not open, signed-off, billed or partially-billed")
                    .arg(stateCode));
        }
        info.timeZone = ::Fhir::extensionValueCode(resource, Urls::TimezoneExtension);
        if (!info.timeZone.isEmpty() && !QTimeZone::isTimeZoneIdAvailable(info.timeZone.toUtf8())) {
            return invalidEntry(
                "encounters.json", i, *id,
                tr("time zone \"%1\" is not an IANA time zone this system knows").arg(info.timeZone));
        }
        const QString start =
            resource.value(QStringLiteral("period")).toObject().value(QStringLiteral("start")).toString();
        const auto parsed = ::Fhir::parseDateTime(start);
        if (!parsed || !::Fhir::hasExplicitOffset(*parsed)) {
            return invalidEntry("encounters.json", i, *id,
                                tr("Encounter.period.start must be a date-time with an offset"));
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
            return id.error();
        const QString patientId =
            referencedId(resource.value(QStringLiteral("subject")), QStringLiteral("Patient"));
        if (!data.hasPatient(patientId)) {
            return invalidEntry("conditions.json", i, *id,
                                tr("Condition.subject does not reference a patient of patients.json"));
        }
        QString encounterId;
        if (resource.contains(QStringLiteral("encounter"))) {
            encounterId =
                referencedId(resource.value(QStringLiteral("encounter")), QStringLiteral("Encounter"));
            const EncounterInfo *info = data.encounterInfo(encounterId);
            if (!info || info->patientId != patientId) {
                return invalidEntry(
                    "conditions.json", i, *id,
                    tr("Condition.encounter does not reference an encounter of the same patient"));
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
