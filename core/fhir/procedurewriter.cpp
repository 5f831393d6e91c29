#include "procedurewriter.h"

#include <array>
#include <cstring>

#include <QCoreApplication>

#include "datetime.h"
#include "model/ehrcodes.h"

namespace Fhir {

namespace {

/**
 * Writes JSON text as QJsonDocument does, into one buffer through a cursor (QByteArray's appends
 * check capacity and sharing on every call, which cost more than the writing). It follows where it
 * is (the key and array index of each open container) only so that a refused text can be named by
 * its FHIR path: the JSON keys of a Procedure are its element names.
 */
class JsonOut
{
    Q_DECLARE_TR_FUNCTIONS(Fhir::ProcedureWriter)

public:
    explicit JsonOut(bool indented)
        : m_out(indented ? 2048 : 1024, Qt::Uninitialized)
        , m_cursor(m_out.data())
        , m_end(m_cursor + m_out.size())
        , m_indented(indented)
    {
    }

    void beginObject() { open('{', false); }
    void endObject() { close('}'); }
    void beginArray() { open('[', true); }
    void endArray() { close(']'); }

    /// The key of the next member of the open object; its value is written next.
    void key(const char *name)
    {
        separate();
        m_key = name;
        const qsizetype length = qsizetype(std::strlen(name));
        reserve(length + 4);
        put('"');
        put(name, length);
        if (m_indented)
            put("\": ", 3);
        else
            put("\":", 2);
    }
    /// The next element of the open array starts here.
    void element() { separate(); }

    void string(QStringView text)
    {
        if (!writeEscaped(text) && !m_error)
            m_error = Common::makeError(
                Model::EhrCode::ValidationFailed,
                tr("holds an unpaired UTF-16 surrogate, which cannot be written as JSON; retype the text."),
                currentPath());
    }
    /// A text of ours that needs no escaping (a URL, a resource type).
    void ascii(const char *text)
    {
        const qsizetype length = qsizetype(std::strlen(text));
        reserve(length + 2);
        put('"');
        put(text, length);
        put('"');
    }
    /// A date-time, whose text never needs escaping.
    void dateTime(const QDateTime &value)
    {
        reserve(MaxDateTimeLength + 2);
        put('"');
        m_cursor += writeDateTime(m_cursor, value);
        put('"');
    }

    void stringMember(const char *name, const QString &value)
    {
        if (value.isEmpty())
            return;
        key(name);
        string(value);
    }
    void dateTimeMember(const char *name, const QDateTime &value)
    {
        if (!value.isValid())
            return;
        key(name);
        dateTime(value);
    }

    Common::Result<QByteArray> finish()
    {
        if (m_error)
            return *m_error;
        if (m_indented) {
            reserve(1);
            put('\n');
        }
        m_out.truncate(m_cursor - m_out.constData());
        return std::move(m_out);
    }

private:
    struct Frame
    {
        const char *name = nullptr; ///< the key it is the value of; null for an array element
        bool array = false;
        int count = 0; ///< members or elements written so far
    };

    /// Room for `bytes` more at the cursor.
    void reserve(qsizetype bytes)
    {
        if (m_end - m_cursor >= bytes)
            return;
        const qsizetype used = m_cursor - m_out.constData();
        m_out.resize(std::max(2 * m_out.size(), used + bytes));
        m_cursor = m_out.data() + used;
        m_end = m_out.data() + m_out.size();
    }
    void put(char byte) { *m_cursor++ = byte; }
    void put(const char *bytes, qsizetype length)
    {
        std::memcpy(m_cursor, bytes, size_t(length));
        m_cursor += length;
    }

    void open(char bracket, bool array)
    {
        reserve(2);
        put(bracket);
        if (m_indented)
            put('\n');
        const bool inObject = m_depth > 0 && !m_frames[m_depth - 1].array;
        m_frames[m_depth++] = {inObject ? m_key : nullptr, array, 0};
    }

    void close(char bracket)
    {
        const Frame &frame = m_frames[--m_depth];
        reserve(2 + 4 * m_depth);
        if (m_indented) {
            if (frame.count > 0)
                put('\n');
            indent(m_depth);
        }
        put(bracket);
    }

    void separate()
    {
        Frame &frame = m_frames[m_depth - 1];
        reserve(2 + 4 * m_depth);
        if (frame.count++ > 0) {
            put(',');
            if (m_indented)
                put('\n');
        }
        if (m_indented)
            indent(m_depth);
    }

    void indent(int depth)
    {
        std::memset(m_cursor, ' ', size_t(4 * depth));
        m_cursor += 4 * depth;
    }

    /// The FHIR path of the value being written, e.g. Procedure.code.coding[0].display.
    QString currentPath() const
    {
        QString path = QStringLiteral("Procedure");
        for (int level = 1; level <= m_depth; ++level) {
            const Frame &parent = m_frames[level - 1];
            const char *name = level < m_depth ? m_frames[level].name : m_key;
            if (parent.array)
                path += u'[' + QString::number(parent.count - 1) + u']';
            else
                path += u'.' + QLatin1String(name);
        }
        return path;
    }

    /// Writes "text" escaped as QJsonDocument escapes it (\b \f \n \r \t, other control characters
    /// as \u00XX, " and \; everything else, U+2028 and U+2029 included, as UTF-8). False, with
    /// nothing appended, for an unpaired surrogate.
    bool writeEscaped(QStringView text)
    {
        static constexpr char Hex[] = "0123456789abcdef";
        // At most six bytes per UTF-16 unit (\u001f), plus the quotes.
        reserve(2 + 6 * text.size());
        char *out = m_cursor;
        *out++ = '"';
        const char16_t *in = text.utf16();
        const char16_t *const end = in + text.size();
        while (in != end) {
            const char16_t unit = *in++;
            if (unit < 0x80) {
                if (unit >= 0x20 && unit != u'"' && unit != u'\\') {
                    *out++ = char(unit);
                    continue;
                }
                *out++ = '\\';
                switch (unit) {
                case u'"':
                    *out++ = '"';
                    break;
                case u'\\':
                    *out++ = '\\';
                    break;
                case u'\b':
                    *out++ = 'b';
                    break;
                case u'\f':
                    *out++ = 'f';
                    break;
                case u'\n':
                    *out++ = 'n';
                    break;
                case u'\r':
                    *out++ = 'r';
                    break;
                case u'\t':
                    *out++ = 't';
                    break;
                default:
                    *out++ = 'u';
                    *out++ = '0';
                    *out++ = '0';
                    *out++ = Hex[unit >> 4];
                    *out++ = Hex[unit & 0xf];
                }
            } else if (unit < 0x800) {
                *out++ = char(0xc0 | (unit >> 6));
                *out++ = char(0x80 | (unit & 0x3f));
            } else if (!QChar::isSurrogate(unit)) {
                *out++ = char(0xe0 | (unit >> 12));
                *out++ = char(0x80 | ((unit >> 6) & 0x3f));
                *out++ = char(0x80 | (unit & 0x3f));
            } else if (QChar::isHighSurrogate(unit) && in != end && QChar::isLowSurrogate(*in)) {
                const char32_t point = QChar::surrogateToUcs4(unit, *in++);
                *out++ = char(0xf0 | (point >> 18));
                *out++ = char(0x80 | ((point >> 12) & 0x3f));
                *out++ = char(0x80 | ((point >> 6) & 0x3f));
                *out++ = char(0x80 | (point & 0x3f));
            } else {
                return false;
            }
        }
        *out++ = '"';
        m_cursor = out;
        return true;
    }

    QByteArray m_out;
    char *m_cursor = nullptr;
    char *m_end = nullptr;
    bool m_indented;
    std::array<Frame, 8> m_frames;
    int m_depth = 0;
    const char *m_key = nullptr;
    std::optional<Common::Error> m_error;
};

// Members are written in sorted key order, as QJsonObject keeps them, so the bytes stay the same.

void writeCoding(JsonOut &json, const Model::Coding &coding)
{
    json.beginObject();
    json.stringMember("code", coding.code);
    json.stringMember("display", coding.display);
    json.stringMember("system", coding.system);
    json.stringMember("version", coding.version);
    json.endObject();
}

void writeCodeableConcept(JsonOut &json, const char *name, const Model::Coding &coding)
{
    json.key(name);
    json.beginObject();
    json.key("coding");
    json.beginArray();
    json.element();
    writeCoding(json, coding);
    json.endArray();
    json.endObject();
}

void writeReference(JsonOut &json, const Model::Reference &reference)
{
    json.beginObject();
    json.key("reference");
    json.string(reference.reference);
    json.endObject();
}

void writeReferenceMember(JsonOut &json, const char *name, const Model::Reference &reference)
{
    if (reference.isEmpty())
        return;
    json.key(name);
    writeReference(json, reference);
}

} // namespace

Common::Result<QByteArray> ProcedureWriter::toBytes(const Model::ProcedureEntry &entry, bool indented) const
{
    JsonOut json(indented);
    json.beginObject();
    if (entry.category && !entry.category->isEmpty())
        writeCodeableConcept(json, "category", *entry.category);
    if (!entry.code.isEmpty())
        writeCodeableConcept(json, "code", entry.code);
    writeReferenceMember(json, "encounter", entry.encounter);
    const bool recordedInExtension = m_dialect != Dialect::EhrVendor && entry.recordedDate.isValid();
    if (recordedInExtension) {
        json.key("extension");
        json.beginArray();
        json.element();
        json.beginObject();
        json.key("url");
        json.ascii(RecordedExtensionUrl);
        json.dateTimeMember("valueDateTime", entry.recordedDate);
        json.endObject();
        json.endArray();
    }
    json.stringMember("id", entry.id);
    if (!entry.identifiers.isEmpty()) {
        json.key("identifier");
        json.beginArray();
        for (const auto &identifier : entry.identifiers) {
            json.element();
            json.beginObject();
            json.stringMember("system", identifier.system);
            json.stringMember("value", identifier.value);
            json.endObject();
        }
        json.endArray();
    }
    if (!entry.profiles.isEmpty()) {
        json.key("meta");
        json.beginObject();
        json.key("profile");
        json.beginArray();
        for (const auto &profile : entry.profiles) {
            json.element();
            json.string(profile);
        }
        json.endArray();
        json.endObject();
    }
    if (entry.usesPeriod()) {
        json.key("performedPeriod");
        json.beginObject();
        json.dateTimeMember("end", entry.performedPeriod.end);
        json.dateTimeMember("start", entry.performedPeriod.start);
        json.endObject();
    } else {
        json.dateTimeMember("performedDateTime", entry.performedDateTime);
    }
    if (!entry.reasonReferences.isEmpty()) {
        json.key("reasonReference");
        json.beginArray();
        for (const auto &reason : entry.reasonReferences) {
            json.element();
            writeReference(json, reason);
        }
        json.endArray();
    }
    if (!recordedInExtension)
        json.dateTimeMember("recordedDate", entry.recordedDate);
    json.key("resourceType");
    json.ascii("Procedure");
    json.stringMember("status", entry.status);
    writeReferenceMember(json, "subject", entry.subject);
    json.endObject();
    return json.finish();
}

} // namespace Fhir
