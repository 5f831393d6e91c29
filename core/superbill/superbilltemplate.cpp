#include "superbilltemplate.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include "catalog/codecatalog.h"
#include "catalog/codeentry.h"
#include "jsonlines.h"
#include "rules/categories.h"

namespace Superbill {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Superbill::SuperbillTemplate)
};

const auto FormatName = QStringLiteral("superbill-template");
const auto TrainingResource = QStringLiteral(":/superbill/templates/training-superbill.json");
// Longer text would not fit a box of the paper form, nor a row of the grid.
constexpr qsizetype MaxTextLength = 80;

namespace Key {
const auto Format = QStringLiteral("format");
const auto Version = QStringLiteral("version");
const auto Name = QStringLiteral("name");
const auto Sections = QStringLiteral("sections");
const auto Title = QStringLiteral("title");
const auto Codes = QStringLiteral("codes");
const auto Code = QStringLiteral("code");
const auto Label = QStringLiteral("label");
const auto Category = QStringLiteral("category");
const auto TimeRequired = QStringLiteral("timeRequired");
} // namespace Key

class Reader
{
public:
    Reader(const QByteArray &json, const QString &fileName, const Rules::CodeFlagsLookup &codeFlags)
        : m_json(json.startsWith("\xEF\xBB\xBF") ? json.mid(3) : json)
        , m_fileName(fileName)
        , m_codeFlags(codeFlags)
    {
    }

    TemplateReading read()
    {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(m_json, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            m_reading.errors.append(Common::makeError(
                QStringLiteral("template-json"), Text::tr("not valid JSON: %1").arg(parseError.errorString()),
                place(JsonLines::lineAt(m_json, parseError.offset))));
            return m_reading;
        }
        m_lines.emplace(m_json);
        if (!document.isObject()) {
            problem(
                QStringLiteral("template-format"), {},
                Text::tr("a superbill template is a JSON object with \"format\": \"%1\"").arg(FormatName));
            return m_reading;
        }
        SuperbillTemplate superbill;
        readRoot(document.object(), superbill);
        if (m_reading.errors.isEmpty())
            m_reading.superbill = superbill;
        return m_reading;
    }

private:
    QString place(int line) const
    {
        return line > 0 ? m_fileName + u':' + QString::number(line) : m_fileName;
    }

    void problem(const QString &code, const QString &pointer, const QString &message)
    {
        m_reading.errors.append(
            Common::makeError(code, message, place(m_lines ? m_lines->lineOf(pointer) : 0)));
    }

    void formatProblem(const QString &pointer, const QString &message)
    {
        problem(QStringLiteral("template-format"), pointer, message);
    }

    /// Reports members the format does not have: a misspelt "timeRequired" must not pass silently.
    void checkKeys(const QJsonObject &object, const QString &pointer, const QStringList &known)
    {
        for (const QString &key : object.keys()) {
            if (!known.contains(key))
                formatProblem(pointer + u'/' + key, Text::tr("unknown member \"%1\" (known here: %2)")
                                                        .arg(key, known.join(QStringLiteral(", "))));
        }
    }

    /// A text member: absent is empty; anything but a string of at most MaxTextLength is reported.
    QString text(const QJsonObject &object, const QString &key, const QString &pointer)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return {};
        if (!value.isString()) {
            formatProblem(pointer + u'/' + key, Text::tr("\"%1\" must be text").arg(key));
            return {};
        }
        const QString result = value.toString().trimmed();
        if (result.size() > MaxTextLength)
            formatProblem(pointer + u'/' + key,
                          Text::tr("\"%1\" is %2 characters long; at most %3 fit on the form")
                              .arg(key)
                              .arg(result.size())
                              .arg(MaxTextLength));
        return result;
    }

    void readRoot(const QJsonObject &root, SuperbillTemplate &superbill)
    {
        checkKeys(root, {}, {Key::Format, Key::Version, Key::Name, Key::Sections});
        if (root.value(Key::Format).toString() != FormatName)
            formatProblem(root.contains(Key::Format) ? QStringLiteral("/format") : QString(),
                          Text::tr("\"format\" must be \"%1\"").arg(FormatName));
        const QJsonValue version = root.value(Key::Version);
        if (!version.isDouble() || version.toDouble() != SuperbillTemplate::FormatVersion)
            formatProblem(root.contains(Key::Version) ? QStringLiteral("/version") : QString(),
                          Text::tr("\"version\" must be %1, the version this Superbill Desk reads")
                              .arg(SuperbillTemplate::FormatVersion));
        superbill.name = text(root, Key::Name, {});
        const QJsonValue sections = root.value(Key::Sections);
        if (!sections.isArray() || sections.toArray().isEmpty()) {
            formatProblem(root.contains(Key::Sections) ? QStringLiteral("/sections") : QString(),
                          Text::tr("\"sections\" must be a list of at least one section"));
            return;
        }
        const QJsonArray list = sections.toArray();
        for (qsizetype i = 0; i < list.size(); ++i)
            superbill.sections.append(readSection(list.at(i), QStringLiteral("/sections/%1").arg(i)));
    }

    TemplateSection readSection(const QJsonValue &value, const QString &pointer)
    {
        TemplateSection section;
        if (!value.isObject()) {
            formatProblem(pointer, Text::tr("a section is an object with a \"title\" and its \"codes\""));
            return section;
        }
        const QJsonObject object = value.toObject();
        checkKeys(object, pointer, {Key::Title, Key::Codes});
        section.title = text(object, Key::Title, pointer);
        if (section.title.isEmpty())
            formatProblem(object.contains(Key::Title) ? pointer + QStringLiteral("/title") : pointer,
                          Text::tr("the section needs a \"title\""));
        const QJsonValue codes = object.value(Key::Codes);
        if (!codes.isArray() || codes.toArray().isEmpty()) {
            formatProblem(object.contains(Key::Codes) ? pointer + QStringLiteral("/codes") : pointer,
                          Text::tr("the section \"%1\" needs a list of at least one code in \"codes\"")
                              .arg(section.title));
            return section;
        }
        const QJsonArray list = codes.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (auto code = readCode(list.at(i), pointer + QStringLiteral("/codes/%1").arg(i)))
                section.codes.append(*code);
        }
        return section;
    }

    std::optional<TemplateCode> readCode(const QJsonValue &value, const QString &pointer)
    {
        TemplateCode code;
        QString codePointer = pointer;
        if (value.isString()) {
            code.code = Catalog::normalizedCode(value.toString());
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            checkKeys(object, pointer, {Key::Code, Key::Label, Key::Category, Key::TimeRequired});
            if (object.contains(Key::Code))
                codePointer = pointer + QStringLiteral("/code");
            code.code = Catalog::normalizedCode(object.value(Key::Code).toString());
            code.label = text(object, Key::Label, pointer);
            code.categoryCode = text(object, Key::Category, pointer);
            if (!code.categoryCode.isEmpty() && !Rules::findCategory(code.categoryCode)) {
                QStringList known;
                for (const auto &category : Rules::procedureCategories())
                    known << category.code + QStringLiteral(" (") + category.display + u')';
                formatProblem(pointer + QStringLiteral("/category"),
                              Text::tr("category %1 is not one the EHR takes: %2")
                                  .arg(code.categoryCode, known.join(QStringLiteral(", "))));
            }
            const QJsonValue timed = object.value(Key::TimeRequired);
            if (!timed.isUndefined() && !timed.isBool())
                formatProblem(pointer + QStringLiteral("/timeRequired"),
                              Text::tr("\"timeRequired\" must be true or false"));
            code.timeRequired = timed.toBool();
        } else {
            formatProblem(pointer, Text::tr("a code is \"99213\" or {\"code\": \"99213\", \"label\": ...}"));
            return std::nullopt;
        }
        if (code.code.isEmpty()) {
            formatProblem(pointer, Text::tr("the entry has no \"code\""));
            return std::nullopt;
        }
        const auto first = m_seen.constFind(code.code);
        if (first != m_seen.cend()) {
            problem(QStringLiteral("duplicate-code"), codePointer,
                    Text::tr("%1 is on the form twice (first on line %2)")
                        .arg(code.code)
                        .arg(m_lines->lineOf(*first)));
            return std::nullopt;
        }
        m_seen.insert(code.code, codePointer);
        checkCode(code, codePointer);
        return code;
    }

    void checkCode(const TemplateCode &code, const QString &pointer)
    {
        const Rules::CodeKind kind = Rules::CodeClassifier::classify(code.code);
        if (kind == Rules::CodeKind::Malformed) {
            problem(
                QStringLiteral("not-a-code"), pointer,
                Text::tr("\"%1\" is not a procedure code (CPT: five digits, or four digits and F, T or U)")
                    .arg(code.code));
            return;
        }
        if (kind == Rules::CodeKind::HcpcsLevelII) {
            problem(QStringLiteral("not-cpt"), pointer,
                    Text::tr("%1 is an HCPCS Level II code; the EHR takes only CPT codes").arg(code.code));
            return;
        }
        const std::optional<Rules::CodeFlags> flags =
            m_codeFlags ? m_codeFlags(code.code) : std::optional<Rules::CodeFlags>();
        if (kind == Rules::CodeKind::CdtDental || (flags && flags->dental)) {
            problem(
                QStringLiteral("dental-code"), pointer,
                Text::tr("%1 is a dental code; the EHR refuses dental procedures (500034)").arg(code.code));
            return;
        }
        if (!m_codeFlags)
            return;
        if (!flags) {
            problem(QStringLiteral("unknown-code"), pointer,
                    Text::tr("%1 is not in the code catalog").arg(code.code));
            return;
        }
        if (flags->inactive) {
            problem(QStringLiteral("inactive-code"), pointer,
                    Text::tr("%1 is inactive in the code catalog").arg(code.code));
            return;
        }
        if (code.timeRequired && kind != Rules::CodeKind::CptAnesthesia && !flags->anesthesia)
            problem(QStringLiteral("time-required"), pointer,
                    Text::tr("%1 is not an anesthesia code in the catalog, and the EHR takes a start and end "
                             "only for those; drop \"timeRequired\" or flag the code as anesthesia in the "
                             "catalog")
                        .arg(code.code));
    }

    QByteArray m_json;
    QString m_fileName;
    Rules::CodeFlagsLookup m_codeFlags;
    std::optional<JsonLines> m_lines;
    QHash<QString, QString> m_seen; ///< code -> pointer of its first entry
    TemplateReading m_reading;
};

/// A JSON string literal, quotes and escapes included.
QByteArray quoted(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

} // namespace

qsizetype SuperbillTemplate::codeCount() const
{
    qsizetype count = 0;
    for (const auto &section : sections)
        count += section.codes.size();
    return count;
}

const TemplateCode *SuperbillTemplate::find(const QString &code) const
{
    for (const auto &section : sections) {
        for (const auto &entry : section.codes) {
            if (entry.code == code)
                return &entry;
        }
    }
    return nullptr;
}

QByteArray SuperbillTemplate::toJson() const
{
    // Written by hand rather than with QJsonDocument, whose objects sort their keys: one code a line,
    // "code" first, so that a person can read and edit the file like the paper form.
    QByteArray json = "{\n    \"format\": " + quoted(FormatName) +
                      ",\n    \"version\": " + QByteArray::number(FormatVersion) + ",\n";
    if (!name.isEmpty())
        json += "    \"name\": " + quoted(name) + ",\n";
    json += "    \"sections\": [";
    for (qsizetype s = 0; s < sections.size(); ++s) {
        const TemplateSection &section = sections.at(s);
        json += s == 0 ? "\n" : ",\n";
        json += "        {\n            \"title\": " + quoted(section.title) + ",\n            \"codes\": [";
        for (qsizetype c = 0; c < section.codes.size(); ++c) {
            const TemplateCode &code = section.codes.at(c);
            json += c == 0 ? "\n" : ",\n";
            json += "                {\"code\": " + quoted(code.code);
            if (!code.label.isEmpty())
                json += ", \"label\": " + quoted(code.label);
            if (!code.categoryCode.isEmpty())
                json += ", \"category\": " + quoted(code.categoryCode);
            if (code.timeRequired)
                json += ", \"timeRequired\": true";
            json += '}';
        }
        json += "\n            ]\n        }";
    }
    json += "\n    ]\n}\n";
    return json;
}

TemplateReading readTemplate(const QByteArray &json, const QString &fileName,
                             const Rules::CodeFlagsLookup &codeFlags)
{
    return Reader(json, fileName, codeFlags).read();
}

SuperbillTemplate trainingTemplate()
{
    static const SuperbillTemplate training = [] {
        QFile file(TrainingResource);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the training superbill template is not built in");
        TemplateReading reading = readTemplate(file.readAll(), TrainingResource, {});
        if (!reading.ok())
            qFatal("the training superbill template is broken: %s",
                   qPrintable(reading.errors.constFirst().text()));
        return *reading.superbill;
    }();
    return training;
}

Common::Result<SuperbillTemplate> templateInUse(const Catalog::CodeCatalog &catalog)
{
    const auto stored = catalog.superbillTemplate();
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return trainingTemplate();
    // Not checked against the catalog again: a code that went inactive since is shown by the form's
    // own checks when it is ticked, rather than hiding the practice's whole form.
    TemplateReading reading = readTemplate(**stored, catalog.path(), {});
    if (!reading.ok())
        return Common::makeError(QStringLiteral("template-stored"),
                                 Text::tr("The superbill template kept in the code catalog cannot be read "
                                          "(%1); import it again.")
                                     .arg(reading.errors.constFirst().text()),
                                 catalog.path());
    return *reading.superbill;
}

TemplateReading importTemplate(Catalog::CodeCatalog &catalog, const QByteArray &json, const QString &fileName)
{
    if (catalog.size() == 0) {
        TemplateReading empty;
        empty.errors.append(
            Common::makeError(QStringLiteral("catalog-empty"),
                              Text::tr("the code catalog %1 has no codes; import the practice's codes first")
                                  .arg(catalog.path()),
                              fileName));
        return empty;
    }
    TemplateReading reading = readTemplate(json, fileName, catalog.flagsLookup());
    if (!reading.ok())
        return reading;
    if (const Common::Status stored = catalog.storeSuperbillTemplate(reading.superbill->toJson(), fileName);
        !stored) {
        reading.errors.append(stored.error());
        reading.superbill.reset();
    }
    return reading;
}

} // namespace Superbill
