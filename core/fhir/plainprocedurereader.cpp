#include "plainprocedurereader.h"

#include <cstring>
#include <initializer_list>

#include <QUtf8StringView>

#include "datetime.h"
#include "dialect.h"

namespace Fhir {

namespace {

/**
 * A JSON reader over the bytes for the plain shape only. Every member function returns false to
 * give up; nothing here reports anything, since a document it gives up on is read again in full.
 */
class PlainReader
{
public:
    explicit PlainReader(const QByteArray &json)
        : m_at(json.constData())
        , m_end(json.constData() + json.size())
    {
    }

    std::optional<ProcedureReadResult> read()
    {
        ProcedureReadResult result;
        Model::ProcedureEntry entry;
        bool isProcedure = false;
        bool hasPerformedDateTime = false;
        bool hasPerformedPeriod = false;
        QList<QDateTime> recordedInExtensions;
        const bool read =
            object({"resourceType", "id", "meta", "status", "category", "code", "subject", "encounter",
                    "performedDateTime", "performedPeriod", "recordedDate", "extension", "reasonReference",
                    "identifier"},
                   [&](int key) {
                       switch (key) {
                       case 0: {
                           QString type;
                           return string(type) && (isProcedure = type == u"Procedure");
                       }
                       case 1:
                           return string(entry.id);
                       case 2:
                           return object({"profile"}, [&](int) {
                               return array([&] { return string(entry.profiles.emplace_back()); });
                           });
                       case 3:
                           return string(entry.status);
                       case 4:
                           return codeableConcept(entry.category.emplace());
                       case 5:
                           return codeableConcept(entry.code);
                       case 6:
                           return reference(entry.subject);
                       case 7:
                           return reference(entry.encounter);
                       case 8:
                           hasPerformedDateTime = true;
                           return dateTime(entry.performedDateTime);
                       case 9:
                           hasPerformedPeriod = true;
                           return object({"start", "end"}, [&](int member) {
                               return dateTime(member == 0 ? entry.performedPeriod.start
                                                           : entry.performedPeriod.end);
                           });
                       case 10:
                           result.recordedDialect = Dialect::EhrVendor;
                           return dateTime(entry.recordedDate);
                       case 11:
                           return array([&] { return recordedExtension(recordedInExtensions); });
                       case 12:
                           return array([&] { return reference(entry.reasonReferences.emplace_back()); });
                       default:
                           return array([&] {
                               auto &identifier = entry.identifiers.emplace_back();
                               return object({"system", "value", "use"}, [&](int member) {
                                   QString use;
                                   return string(member == 0   ? identifier.system
                                                 : member == 1 ? identifier.value
                                                               : use);
                               });
                           });
                       }
                   });
        skipSpace();
        // The full reader reports both performed[x] at once; JSON ends after the object.
        if (!read || !isProcedure || (hasPerformedDateTime && hasPerformedPeriod) || m_at != m_end)
            return std::nullopt;
        for (const QDateTime &recorded : std::as_const(recordedInExtensions)) {
            if (entry.recordedDate.isValid() && entry.recordedDate != recorded)
                return std::nullopt; // two recorded dates: the full reader says so
            if (!result.recordedDialect)
                result.recordedDialect = Dialect::R4Strict;
            entry.recordedDate = recorded;
        }
        result.entry = std::move(entry);
        return result;
    }

private:
    void skipSpace()
    {
        while (m_at != m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t'))
            ++m_at;
    }

    bool consume(char expected)
    {
        skipSpace();
        if (m_at == m_end || *m_at != expected)
            return false;
        ++m_at;
        return true;
    }

    /// {"key": value, ...} with keys from `known` only, each at most once; member(index) reads a value.
    template<typename Member>
    bool object(std::initializer_list<const char *> known, Member member)
    {
        if (!consume('{'))
            return false;
        if (consume('}'))
            return true;
        quint32 seen = 0;
        do {
            // Keys are plain ASCII: one with an escape or another byte goes the full way.
            if (!consume('"'))
                return false;
            const char *start = m_at;
            while (m_at != m_end && *m_at != '"' && *m_at != '\\' && uchar(*m_at) >= 0x20 &&
                   uchar(*m_at) < 0x80)
                ++m_at;
            if (m_at == m_end || *m_at != '"')
                return false;
            const size_t length = size_t(m_at++ - start);
            int index = 0;
            for (const char *name : known) {
                if (std::strlen(name) == length && std::memcmp(name, start, length) == 0)
                    break;
                ++index;
            }
            if (index == int(known.size()) || (seen & (1u << index)) || !consume(':'))
                return false;
            seen |= 1u << index;
            if (!member(index))
                return false;
        } while (consume(','));
        return consume('}');
    }

    /// [element, ...]; element() reads one.
    template<typename Element>
    bool array(Element element)
    {
        if (!consume('['))
            return false;
        if (consume(']'))
            return true;
        do {
            if (!element())
                return false;
        } while (consume(','));
        return consume(']');
    }

    bool string(QString &out)
    {
        if (!consume('"'))
            return false;
        const char *start = m_at;
        bool ascii = true;
        while (m_at != m_end && *m_at != '"') {
            const uchar byte = uchar(*m_at);
            if (byte == '\\')
                return escapedString(start, out);
            if (byte < 0x20)
                return false;
            ascii = ascii && byte < 0x80;
            ++m_at;
        }
        if (m_at == m_end)
            return false;
        const QByteArrayView bytes(start, m_at++ - start);
        if (ascii) {
            out = QString::fromLatin1(bytes);
            return true;
        }
        if (!QUtf8StringView(bytes.data(), bytes.size()).isValidUtf8())
            return false;
        out = QString::fromUtf8(bytes);
        return true;
    }

    /// The rest of a string with escapes, from its start; ASCII only.
    bool escapedString(const char *start, QString &out)
    {
        m_at = start;
        out.clear();
        while (m_at != m_end && *m_at != '"') {
            const uchar byte = uchar(*m_at++);
            if (byte < 0x20 || byte >= 0x80)
                return false;
            if (byte != '\\') {
                out += QLatin1Char(char(byte));
                continue;
            }
            if (m_at == m_end)
                return false;
            switch (*m_at++) {
            case '"':
                out += u'"';
                break;
            case '\\':
                out += u'\\';
                break;
            case '/':
                out += u'/';
                break;
            case 'b':
                out += u'\b';
                break;
            case 'f':
                out += u'\f';
                break;
            case 'n':
                out += u'\n';
                break;
            case 'r':
                out += u'\r';
                break;
            case 't':
                out += u'\t';
                break;
            case 'u': {
                char16_t unit = 0;
                if (!hexUnit(unit))
                    return false;
                if (QChar::isLowSurrogate(unit))
                    return false; // unpaired: the full reader says so
                out += QChar(unit);
                if (!QChar::isHighSurrogate(unit))
                    break;
                char16_t low = 0;
                if (m_end - m_at < 2 || m_at[0] != '\\' || m_at[1] != 'u')
                    return false;
                m_at += 2;
                if (!hexUnit(low) || !QChar::isLowSurrogate(low))
                    return false;
                out += QChar(low);
                break;
            }
            default:
                return false;
            }
        }
        if (m_at == m_end)
            return false;
        ++m_at;
        return true;
    }

    bool hexUnit(char16_t &unit)
    {
        if (m_end - m_at < 4)
            return false;
        for (int i = 0; i < 4; ++i) {
            const char c = *m_at++;
            const int digit = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
            if (digit < 0)
                return false;
            unit = char16_t(unit * 16 + digit);
        }
        return true;
    }

    /// A date-time the full reader takes without a word.
    bool dateTime(QDateTime &out)
    {
        QString text;
        if (!string(text) || text.endsWith(QLatin1String("-00:00")))
            return false;
        auto parsed = parseDateTime(text);
        if (!parsed)
            return false;
        out = std::move(*parsed);
        return true;
    }

    bool coding(Model::Coding &out)
    {
        return object({"system", "version", "code", "display"}, [&](int member) {
            return string(member == 0   ? out.system
                          : member == 1 ? out.version
                          : member == 2 ? out.code
                                        : out.display);
        });
    }

    /// Exactly one coding, as the full reader wants it, and maybe a text, which it ignores.
    bool codeableConcept(Model::Coding &out)
    {
        int codings = 0;
        const bool read = object({"coding", "text"}, [&](int member) {
            QString text;
            return member == 1 ? string(text) : array([&] { return ++codings == 1 && coding(out); });
        });
        return read && codings == 1;
    }

    bool reference(Model::Reference &out)
    {
        return object({"reference", "display"}, [&](int member) {
            QString display;
            return string(member == 0 ? out.reference : display);
        });
    }

    /// Only the recorded-date extension, with its date-time; any other the full reader warns about.
    bool recordedExtension(QList<QDateTime> &recorded)
    {
        bool recordedUrl = false;
        QDateTime value;
        const bool read = object({"url", "valueDateTime"}, [&](int member) {
            QString url;
            if (member == 1)
                return dateTime(value);
            return string(url) && (recordedUrl = url == QLatin1String(RecordedExtensionUrl));
        });
        if (!read || !recordedUrl)
            return false;
        if (value.isValid())
            recorded.append(value);
        return true;
    }

    const char *m_at;
    const char *m_end;
};

} // namespace

std::optional<ProcedureReadResult> readPlainProcedure(const QByteArray &json)
{
    return PlainReader(json).read();
}

} // namespace Fhir
