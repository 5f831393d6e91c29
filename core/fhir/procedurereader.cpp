#include "procedurereader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include "datetime.h"
#include "model/ehrcodes.h"

namespace Fhir {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Fhir::ProcedureReader)
};

namespace Code = Model::EhrCode;

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return Text::tr("a boolean");
    case QJsonValue::Double:
        return Text::tr("a number");
    case QJsonValue::String:
        return Text::tr("a string");
    case QJsonValue::Array:
        return Text::tr("an array");
    case QJsonValue::Object:
        return Text::tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

/// Walks one Procedure object, collecting what it can and a finding for what it cannot.
class Walker
{
public:
    // lupdate takes a qualified return type of an inline member function for the function's
    // class, and would file the messages of read() under the wrong context.
    using Entry = Model::ProcedureEntry;

    explicit Walker(ProcedureReadResult &result)
        : m_result(result)
    {
    }

    void problem(const QString &code, const QString &path, const QString &message,
                 Model::Severity severity = Model::Severity::Error)
    {
        m_result.problems.append({code, severity, path, message});
    }

    void wrongType(const QString &code, const QString &path, const QString &expected, const QJsonValue &got)
    {
        problem(code, path, Text::tr("must be %1, not %2").arg(expected, jsonTypeName(got)));
    }

    std::optional<QString> string(const QJsonValue &value, const QString &code, const QString &path)
    {
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isString()) {
            wrongType(code, path, Text::tr("a string"), value);
            return std::nullopt;
        }
        return value.toString();
    }

    std::optional<QJsonObject> object(const QJsonValue &value, const QString &code, const QString &path)
    {
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isObject()) {
            wrongType(code, path, Text::tr("an object"), value);
            return std::nullopt;
        }
        return value.toObject();
    }

    std::optional<QJsonArray> array(const QJsonValue &value, const QString &code, const QString &path)
    {
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isArray()) {
            wrongType(code, path, Text::tr("an array"), value);
            return std::nullopt;
        }
        return value.toArray();
    }

    QDateTime dateTime(const QJsonValue &value, const QString &path)
    {
        const auto text = string(value, Code::InvalidPerformed, path);
        if (!text)
            return {};
        const auto parsed = parseDateTime(*text);
        if (!parsed) {
            problem(Code::InvalidPerformed, path, parsed.error().message);
            return {};
        }
        // RFC 3339: -00:00 is a UTC time whose local offset is unknown, which is what the rule forbids.
        if (text->endsWith(QLatin1String("-00:00"))) {
            problem(Code::InvalidPerformed, path,
                    Text::tr("\"%1\" has the offset -00:00, which says the local offset is unknown; give the "
                             "offset of the place, e.g. 2026-03-14T10:00:00-05:00")
                        .arg(*text));
            return {};
        }
        return *parsed;
    }

    void ignoreUnknownKeys(const QJsonObject &object, const QString &path, const QSet<QString> &known)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key()))
                problem(Code::ElementIgnored, path + u'.' + it.key(),
                        Text::tr("is not part of a superbill procedure and is ignored"),
                        Model::Severity::Warning);
        }
    }

    Model::Coding coding(const QJsonValue &value, const QString &code, const QString &path)
    {
        Model::Coding result;
        const auto json = object(value, code, path);
        if (!json)
            return result;
        result.system = string(json->value(QStringLiteral("system")), code, path + QStringLiteral(".system"))
                            .value_or(QString());
        result.version =
            string(json->value(QStringLiteral("version")), code, path + QStringLiteral(".version"))
                .value_or(QString());
        result.code = string(json->value(QStringLiteral("code")), code, path + QStringLiteral(".code"))
                          .value_or(QString());
        result.display =
            string(json->value(QStringLiteral("display")), code, path + QStringLiteral(".display"))
                .value_or(QString());
        ignoreUnknownKeys(*json, path,
                          {QStringLiteral("system"), QStringLiteral("version"), QStringLiteral("code"),
                           QStringLiteral("display"), QStringLiteral("userSelected")});
        return result;
    }

    /// A CodeableConcept that must carry exactly one coding.
    std::optional<Model::Coding> singleCoding(const QJsonValue &value, const QString &code,
                                              const QString &path, const QString &what)
    {
        const auto conceptJson = object(value, code, path);
        if (!conceptJson)
            return std::nullopt;
        ignoreUnknownKeys(*conceptJson, path, {QStringLiteral("coding"), QStringLiteral("text")});
        const QString codingPath = path + QStringLiteral(".coding");
        const auto codings = array(conceptJson->value(QStringLiteral("coding")), code, codingPath);
        if (!codings || codings->isEmpty()) {
            if (conceptJson->contains(QStringLiteral("coding")) && codings)
                problem(code, codingPath, Text::tr("is empty; %1 needs one coding").arg(what));
            return std::nullopt;
        }
        if (codings->size() > 1)
            problem(code, codingPath,
                    Text::tr("has %1 codings; %2 takes exactly one").arg(codings->size()).arg(what));
        return coding(codings->at(0), code, codingPath + QStringLiteral("[0]"));
    }

    Model::Reference reference(const QJsonValue &value, const QString &code, const QString &path)
    {
        const auto json = object(value, code, path);
        if (!json)
            return {};
        ignoreUnknownKeys(*json, path, {QStringLiteral("reference"), QStringLiteral("display")});
        return {string(json->value(QStringLiteral("reference")), code, path + QStringLiteral(".reference"))
                    .value_or(QString())};
    }

    void readRecordedExtension(const QJsonValue &value, Model::ProcedureEntry &entry)
    {
        const QString path = QStringLiteral("Procedure.extension");
        const auto extensions = array(value, Code::ValidationFailed, path);
        if (!extensions)
            return;
        for (qsizetype i = 0; i < extensions->size(); ++i) {
            const QString itemPath = path + QStringLiteral("[%1]").arg(i);
            const auto extension = object(extensions->at(i), Code::ValidationFailed, itemPath);
            if (!extension)
                continue;
            const auto url = string(extension->value(QStringLiteral("url")), Code::ValidationFailed,
                                    itemPath + QStringLiteral(".url"));
            if (url != QLatin1String(RecordedExtensionUrl)) {
                problem(Code::ElementIgnored, itemPath,
                        Text::tr("extension %1 is not used by a superbill and is ignored")
                            .arg(url.value_or(Text::tr("without url"))),
                        Model::Severity::Warning);
                continue;
            }
            const QDateTime recorded = dateTime(extension->value(QStringLiteral("valueDateTime")),
                                                itemPath + QStringLiteral(".valueDateTime"));
            if (!recorded.isValid())
                continue;
            if (entry.recordedDate.isValid() && entry.recordedDate != recorded) {
                problem(Code::InvalidPerformed, itemPath,
                        Text::tr("gives a different recorded date than Procedure.recordedDate"));
                continue;
            }
            if (!m_result.recordedDialect)
                m_result.recordedDialect = Dialect::R4Strict;
            entry.recordedDate = recorded;
        }
    }

    Entry read(const QJsonObject &json)
    {
        Entry entry;
        const auto value = [&json](const char *key) { return json.value(QLatin1String(key)); };

        entry.id =
            string(value("id"), Code::ValidationFailed, QStringLiteral("Procedure.id")).value_or(QString());
        if (const auto meta =
                object(value("meta"), Code::ValidationFailed, QStringLiteral("Procedure.meta"))) {
            const auto profiles = array(meta->value(QStringLiteral("profile")), Code::ValidationFailed,
                                        QStringLiteral("Procedure.meta.profile"));
            for (qsizetype i = 0; profiles && i < profiles->size(); ++i) {
                if (const auto profile = string(profiles->at(i), Code::ValidationFailed,
                                                QStringLiteral("Procedure.meta.profile[%1]").arg(i)))
                    entry.profiles.append(*profile);
            }
        }
        entry.status = string(value("status"), Code::InvalidStatus, QStringLiteral("Procedure.status"))
                           .value_or(QString());
        entry.category = singleCoding(value("category"), Code::ValidationFailed,
                                      QStringLiteral("Procedure.category"), Text::tr("a category"));
        entry.code = singleCoding(value("code"), Code::InvalidProcedureCode, QStringLiteral("Procedure.code"),
                                  Text::tr("the procedure code"))
                         .value_or(Model::Coding{});
        entry.subject =
            reference(value("subject"), Code::InvalidSubject, QStringLiteral("Procedure.subject"));
        entry.encounter =
            reference(value("encounter"), Code::InvalidEncounter, QStringLiteral("Procedure.encounter"));

        if (json.contains(QStringLiteral("performedDateTime")) &&
            json.contains(QStringLiteral("performedPeriod")))
            problem(Code::InvalidPerformed, QStringLiteral("Procedure.performed[x]"),
                    Text::tr("has both performedDateTime and performedPeriod; send exactly one"));
        entry.performedDateTime =
            dateTime(value("performedDateTime"), QStringLiteral("Procedure.performedDateTime"));
        if (const auto period = object(value("performedPeriod"), Code::InvalidPerformed,
                                       QStringLiteral("Procedure.performedPeriod"))) {
            entry.performedPeriod.start = dateTime(period->value(QStringLiteral("start")),
                                                   QStringLiteral("Procedure.performedPeriod.start"));
            entry.performedPeriod.end = dateTime(period->value(QStringLiteral("end")),
                                                 QStringLiteral("Procedure.performedPeriod.end"));
            ignoreUnknownKeys(*period, QStringLiteral("Procedure.performedPeriod"),
                              {QStringLiteral("start"), QStringLiteral("end")});
        }

        if (json.contains(QStringLiteral("recordedDate"))) {
            entry.recordedDate = dateTime(value("recordedDate"), QStringLiteral("Procedure.recordedDate"));
            if (entry.recordedDate.isValid())
                m_result.recordedDialect = Dialect::EhrVendor;
        }
        readRecordedExtension(value("extension"), entry);

        const auto reasons =
            array(value("reasonReference"), Code::InvalidReason, QStringLiteral("Procedure.reasonReference"));
        for (qsizetype i = 0; reasons && i < reasons->size(); ++i)
            entry.reasonReferences.append(reference(reasons->at(i), Code::InvalidReason,
                                                    QStringLiteral("Procedure.reasonReference[%1]").arg(i)));

        const auto identifiers =
            array(value("identifier"), Code::ValidationFailed, QStringLiteral("Procedure.identifier"));
        for (qsizetype i = 0; identifiers && i < identifiers->size(); ++i) {
            const QString path = QStringLiteral("Procedure.identifier[%1]").arg(i);
            const auto identifier = object(identifiers->at(i), Code::ValidationFailed, path);
            if (!identifier)
                continue;
            ignoreUnknownKeys(*identifier, path,
                              {QStringLiteral("system"), QStringLiteral("value"), QStringLiteral("use")});
            entry.identifiers.append({string(identifier->value(QStringLiteral("system")),
                                             Code::ValidationFailed, path + QStringLiteral(".system"))
                                          .value_or(QString()),
                                      string(identifier->value(QStringLiteral("value")),
                                             Code::ValidationFailed, path + QStringLiteral(".value"))
                                          .value_or(QString())});
        }

        ignoreUnknownKeys(json, QStringLiteral("Procedure"),
                          {QStringLiteral("resourceType"), QStringLiteral("id"), QStringLiteral("meta"),
                           QStringLiteral("status"), QStringLiteral("category"), QStringLiteral("code"),
                           QStringLiteral("subject"), QStringLiteral("encounter"),
                           QStringLiteral("performedDateTime"), QStringLiteral("performedPeriod"),
                           QStringLiteral("recordedDate"), QStringLiteral("extension"),
                           QStringLiteral("reasonReference"), QStringLiteral("identifier")});
        return entry;
    }

private:
    ProcedureReadResult &m_result;
};

} // namespace

ProcedureReadResult ProcedureReader::read(const QByteArray &json)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        ProcedureReadResult result;
        result.problems.append(
            {Code::ValidationFailed, Model::Severity::Error, QString(),
             Text::tr("is not valid JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset)});
        return result;
    }
    if (!document.isObject()) {
        ProcedureReadResult result;
        result.problems.append({Code::ValidationFailed, Model::Severity::Error, QString(),
                                Text::tr("is JSON but not an object; a Procedure resource is an object")});
        return result;
    }
    return read(document.object());
}

ProcedureReadResult ProcedureReader::read(const QJsonObject &resource)
{
    ProcedureReadResult result;
    const QJsonValue type = resource.value(QStringLiteral("resourceType"));
    if (type.toString() != QStringLiteral("Procedure")) {
        const QString message =
            type.isUndefined()
                ? Text::tr("is missing; a Procedure resource has resourceType \"Procedure\"")
                : Text::tr("is %1; expected \"Procedure\"")
                      .arg(type.isString() ? u'"' + type.toString() + u'"' : jsonTypeName(type));
        result.problems.append({Code::ValidationFailed, Model::Severity::Error,
                                QStringLiteral("Procedure.resourceType"), message});
        return result;
    }
    Walker walker(result);
    result.entry = walker.read(resource);
    return result;
}

} // namespace Fhir
