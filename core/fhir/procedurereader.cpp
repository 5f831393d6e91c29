#include "procedurereader.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include "datetime.h"
#include "model/ehrcodes.h"
#include "plainprocedurereader.h"

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

/**
 * Where an element is, spelled out only when a finding needs it: most documents have no finding,
 * and building every element's path up front cost more than reading the values.
 */
class Path
{
public:
    explicit Path(const char *root)
        : m_name(root)
    {
    }
    Path(const Path &parent, const char *name)
        : m_parent(&parent)
        , m_name(name)
    {
    }
    Path(const Path &parent, qsizetype index)
        : m_parent(&parent)
        , m_index(index)
    {
    }

    QString text() const
    {
        QString result = m_parent ? m_parent->text() : QString();
        if (m_index >= 0)
            return result + u'[' + QString::number(m_index) + u']';
        if (m_parent)
            result += u'.';
        return result + QLatin1String(m_name);
    }

private:
    const Path *m_parent = nullptr;
    const char *m_name = nullptr;
    qsizetype m_index = -1;
};

/**
 * An object's members, counting those read so that ignoreUnknownKeys() can tell whether any other
 * is there without a string per key. Each key is read once.
 */
class Members
{
public:
    explicit Members(QJsonObject object)
        : m_object(std::move(object))
    {
    }

    QJsonValue operator[](const char *key)
    {
        QJsonValue value = m_object.value(QLatin1String(key));
        m_read += !value.isUndefined();
        return value;
    }
    const QJsonObject &object() const { return m_object; }
    bool othersPresent() const { return m_read < m_object.size(); }

private:
    QJsonObject m_object;
    qsizetype m_read = 0;
};

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
    void problem(const QString &code, const Path &path, const QString &message,
                 Model::Severity severity = Model::Severity::Error)
    {
        problem(code, path.text(), message, severity);
    }

    void wrongType(const QString &code, const Path &path, const QString &expected, const QJsonValue &got)
    {
        problem(code, path, Text::tr("must be %1, not %2").arg(expected, jsonTypeName(got)));
    }

    std::optional<QString> string(const QJsonValue &value, const QString &code, const Path &path)
    {
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isString()) {
            wrongType(code, path, Text::tr("a string"), value);
            return std::nullopt;
        }
        QString text = value.toString();
        // JSON lets "\ud800" stand alone; such a string is not text, and could not be written again.
        if (!text.isValidUtf16()) {
            problem(code, path,
                    Text::tr("holds an unpaired UTF-16 surrogate (\\uD800 to \\uDFFF), which is not text"));
            return std::nullopt;
        }
        return text;
    }

    std::optional<Members> object(const QJsonValue &value, const QString &code, const Path &path)
    {
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isObject()) {
            wrongType(code, path, Text::tr("an object"), value);
            return std::nullopt;
        }
        return Members(value.toObject());
    }

    std::optional<QJsonArray> array(const QJsonValue &value, const QString &code, const Path &path)
    {
        if (value.isUndefined())
            return std::nullopt;
        if (!value.isArray()) {
            wrongType(code, path, Text::tr("an array"), value);
            return std::nullopt;
        }
        return value.toArray();
    }

    QDateTime dateTime(const QJsonValue &value, const Path &path)
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

    /// Warns about each member that is neither read nor known; call it once the others were read.
    void ignoreUnknownKeys(const Members &members, const Path &path,
                           std::initializer_list<const char *> known)
    {
        if (!members.othersPresent())
            return;
        const QJsonObject &object = members.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = it.key();
            if (std::none_of(known.begin(), known.end(),
                             [&key](const char *name) { return key == QLatin1String(name); }))
                problem(Code::ElementIgnored, path.text() + u'.' + key,
                        Text::tr("is not part of a superbill procedure and is ignored"),
                        Model::Severity::Warning);
        }
    }

    Model::Coding coding(const QJsonValue &value, const QString &code, const Path &path)
    {
        Model::Coding result;
        auto json = object(value, code, path);
        if (!json)
            return result;
        result.system = string((*json)["system"], code, Path(path, "system")).value_or(QString());
        result.version = string((*json)["version"], code, Path(path, "version")).value_or(QString());
        result.code = string((*json)["code"], code, Path(path, "code")).value_or(QString());
        result.display = string((*json)["display"], code, Path(path, "display")).value_or(QString());
        ignoreUnknownKeys(*json, path, {"system", "version", "code", "display", "userSelected"});
        return result;
    }

    /// A CodeableConcept that must carry exactly one coding.
    std::optional<Model::Coding> singleCoding(const QJsonValue &value, const QString &code, const Path &path,
                                              const QString &what)
    {
        auto conceptJson = object(value, code, path);
        if (!conceptJson)
            return std::nullopt;
        const QJsonValue codingValue = (*conceptJson)["coding"];
        ignoreUnknownKeys(*conceptJson, path, {"coding", "text"});
        const Path codingPath(path, "coding");
        const auto codings = array(codingValue, code, codingPath);
        if (!codings || codings->isEmpty()) {
            if (!codingValue.isUndefined() && codings)
                problem(code, codingPath, Text::tr("is empty; %1 needs one coding").arg(what));
            return std::nullopt;
        }
        if (codings->size() > 1)
            problem(code, codingPath,
                    Text::tr("has %1 codings; %2 takes exactly one").arg(codings->size()).arg(what));
        return coding(codings->at(0), code, Path(codingPath, qsizetype(0)));
    }

    Model::Reference reference(const QJsonValue &value, const QString &code, const Path &path)
    {
        auto json = object(value, code, path);
        if (!json)
            return {};
        const QJsonValue referenceValue = (*json)["reference"];
        ignoreUnknownKeys(*json, path, {"reference", "display"});
        return {string(referenceValue, code, Path(path, "reference")).value_or(QString())};
    }

    void readRecordedExtension(const QJsonValue &value, Model::ProcedureEntry &entry, const Path &resource)
    {
        const Path path(resource, "extension");
        const auto extensions = array(value, Code::ValidationFailed, path);
        if (!extensions)
            return;
        for (qsizetype i = 0; i < extensions->size(); ++i) {
            const Path itemPath(path, i);
            auto extension = object(extensions->at(i), Code::ValidationFailed, itemPath);
            if (!extension)
                continue;
            const auto url = string((*extension)["url"], Code::ValidationFailed, Path(itemPath, "url"));
            if (url != QLatin1String(RecordedExtensionUrl)) {
                problem(Code::ElementIgnored, itemPath,
                        Text::tr("extension %1 is not used by a superbill and is ignored")
                            .arg(url.value_or(Text::tr("without url"))),
                        Model::Severity::Warning);
                continue;
            }
            const QDateTime recorded =
                dateTime((*extension)["valueDateTime"], Path(itemPath, "valueDateTime"));
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

    Entry read(const QJsonObject &resourceJson)
    {
        Entry entry;
        const Path resource("Procedure");
        Members json(resourceJson);
        const auto value = [&json](const char *key) { return json[key]; };
        value("resourceType"); // checked by the caller

        entry.id = string(value("id"), Code::ValidationFailed, Path(resource, "id")).value_or(QString());
        const Path metaPath(resource, "meta");
        if (auto meta = object(value("meta"), Code::ValidationFailed, metaPath)) {
            const Path profilePath(metaPath, "profile");
            const auto profiles = array((*meta)["profile"], Code::ValidationFailed, profilePath);
            for (qsizetype i = 0; profiles && i < profiles->size(); ++i) {
                if (const auto profile =
                        string(profiles->at(i), Code::ValidationFailed, Path(profilePath, i)))
                    entry.profiles.append(*profile);
            }
        }
        entry.status =
            string(value("status"), Code::InvalidStatus, Path(resource, "status")).value_or(QString());
        entry.category = singleCoding(value("category"), Code::ValidationFailed, Path(resource, "category"),
                                      Text::tr("a category"));
        entry.code = singleCoding(value("code"), Code::InvalidProcedureCode, Path(resource, "code"),
                                  Text::tr("the procedure code"))
                         .value_or(Model::Coding{});
        entry.subject = reference(value("subject"), Code::InvalidSubject, Path(resource, "subject"));
        entry.encounter = reference(value("encounter"), Code::InvalidEncounter, Path(resource, "encounter"));

        const QJsonValue performedDateTime = value("performedDateTime");
        const QJsonValue performedPeriod = value("performedPeriod");
        if (!performedDateTime.isUndefined() && !performedPeriod.isUndefined())
            problem(Code::InvalidPerformed, Path(resource, "performed[x]"),
                    Text::tr("has both performedDateTime and performedPeriod; send exactly one"));
        entry.performedDateTime = dateTime(performedDateTime, Path(resource, "performedDateTime"));
        const Path periodPath(resource, "performedPeriod");
        if (auto period = object(performedPeriod, Code::InvalidPerformed, periodPath)) {
            entry.performedPeriod.start = dateTime((*period)["start"], Path(periodPath, "start"));
            entry.performedPeriod.end = dateTime((*period)["end"], Path(periodPath, "end"));
            ignoreUnknownKeys(*period, periodPath, {"start", "end"});
        }

        if (const QJsonValue recordedDate = value("recordedDate"); !recordedDate.isUndefined()) {
            entry.recordedDate = dateTime(recordedDate, Path(resource, "recordedDate"));
            if (entry.recordedDate.isValid())
                m_result.recordedDialect = Dialect::EhrVendor;
        }
        readRecordedExtension(value("extension"), entry, resource);

        const Path reasonsPath(resource, "reasonReference");
        const auto reasons = array(value("reasonReference"), Code::InvalidReason, reasonsPath);
        for (qsizetype i = 0; reasons && i < reasons->size(); ++i)
            entry.reasonReferences.append(
                reference(reasons->at(i), Code::InvalidReason, Path(reasonsPath, i)));

        const Path identifiersPath(resource, "identifier");
        const auto identifiers = array(value("identifier"), Code::ValidationFailed, identifiersPath);
        for (qsizetype i = 0; identifiers && i < identifiers->size(); ++i) {
            const Path path(identifiersPath, i);
            auto identifier = object(identifiers->at(i), Code::ValidationFailed, path);
            if (!identifier)
                continue;
            const QJsonValue system = (*identifier)["system"];
            const QJsonValue identifierValue = (*identifier)["value"];
            ignoreUnknownKeys(*identifier, path, {"system", "value", "use"});
            entry.identifiers.append(
                {string(system, Code::ValidationFailed, Path(path, "system")).value_or(QString()),
                 string(identifierValue, Code::ValidationFailed, Path(path, "value")).value_or(QString())});
        }

        ignoreUnknownKeys(json, resource,
                          {"resourceType", "id", "meta", "status", "category", "code", "subject", "encounter",
                           "performedDateTime", "performedPeriod", "recordedDate", "extension",
                           "reasonReference", "identifier"});
        return entry;
    }

private:
    ProcedureReadResult &m_result;
};

} // namespace

ProcedureReadResult ProcedureReader::read(const QByteArray &json)
{
    if (auto plain = readPlainProcedure(json))
        return std::move(*plain);
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
