#include "procedurewriter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include "datetime.h"

namespace Fhir {

namespace {

void insertIfNotEmpty(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

QJsonObject codingJson(const Model::Coding &coding)
{
    QJsonObject json;
    insertIfNotEmpty(json, QStringLiteral("system"), coding.system);
    insertIfNotEmpty(json, QStringLiteral("version"), coding.version);
    insertIfNotEmpty(json, QStringLiteral("code"), coding.code);
    insertIfNotEmpty(json, QStringLiteral("display"), coding.display);
    return json;
}

QJsonObject codeableConceptJson(const Model::Coding &coding)
{
    return {{QStringLiteral("coding"), QJsonArray{codingJson(coding)}}};
}

QJsonObject referenceJson(const Model::Reference &reference)
{
    return {{QStringLiteral("reference"), reference.reference}};
}

} // namespace

QJsonObject ProcedureWriter::toJson(const Model::ProcedureEntry &entry) const
{
    QJsonObject json{{QStringLiteral("resourceType"), QStringLiteral("Procedure")}};
    insertIfNotEmpty(json, QStringLiteral("id"), entry.id);
    if (!entry.profiles.isEmpty())
        json.insert(QStringLiteral("meta"),
                    QJsonObject{{QStringLiteral("profile"), QJsonArray::fromStringList(entry.profiles)}});
    insertIfNotEmpty(json, QStringLiteral("status"), entry.status);
    if (entry.category && !entry.category->isEmpty())
        json.insert(QStringLiteral("category"), codeableConceptJson(*entry.category));
    if (!entry.code.isEmpty())
        json.insert(QStringLiteral("code"), codeableConceptJson(entry.code));
    if (!entry.subject.isEmpty())
        json.insert(QStringLiteral("subject"), referenceJson(entry.subject));
    if (!entry.encounter.isEmpty())
        json.insert(QStringLiteral("encounter"), referenceJson(entry.encounter));

    if (entry.usesPeriod()) {
        QJsonObject period;
        insertIfNotEmpty(period, QStringLiteral("start"), formatDateTime(entry.performedPeriod.start));
        insertIfNotEmpty(period, QStringLiteral("end"), formatDateTime(entry.performedPeriod.end));
        json.insert(QStringLiteral("performedPeriod"), period);
    } else {
        insertIfNotEmpty(json, QStringLiteral("performedDateTime"), formatDateTime(entry.performedDateTime));
    }

    if (entry.recordedDate.isValid()) {
        const QString recorded = formatDateTime(entry.recordedDate);
        if (m_dialect == Dialect::EhrVendor) {
            json.insert(QStringLiteral("recordedDate"), recorded);
        } else {
            json.insert(QStringLiteral("extension"),
                        QJsonArray{QJsonObject{{QStringLiteral("url"), QLatin1String(RecordedExtensionUrl)},
                                               {QStringLiteral("valueDateTime"), recorded}}});
        }
    }

    if (!entry.reasonReferences.isEmpty()) {
        QJsonArray reasons;
        for (const auto &reason : entry.reasonReferences)
            reasons.append(referenceJson(reason));
        json.insert(QStringLiteral("reasonReference"), reasons);
    }
    if (!entry.identifiers.isEmpty()) {
        QJsonArray identifiers;
        for (const auto &identifier : entry.identifiers) {
            QJsonObject item;
            insertIfNotEmpty(item, QStringLiteral("system"), identifier.system);
            insertIfNotEmpty(item, QStringLiteral("value"), identifier.value);
            identifiers.append(item);
        }
        json.insert(QStringLiteral("identifier"), identifiers);
    }
    return json;
}

QByteArray ProcedureWriter::toBytes(const Model::ProcedureEntry &entry, bool indented) const
{
    return QJsonDocument(toJson(entry)).toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact);
}

} // namespace Fhir
