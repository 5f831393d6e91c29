#include "jsonlines.h"

namespace Superbill {

JsonLines::JsonLines(const QByteArray &json)
    : m_json(json)
{
    skipSpace();
    value(QString());
}

int JsonLines::lineAt(const QByteArray &data, qsizetype offset)
{
    return 1 + int(data.left(offset).count('\n'));
}

void JsonLines::skipSpace()
{
    while (m_pos < m_json.size()) {
        const char c = m_json.at(m_pos);
        if (c == '\n')
            ++m_line;
        else if (c != ' ' && c != '\t' && c != '\r')
            return;
        ++m_pos;
    }
}

QString JsonLines::string()
{
    // At the opening quote. Escapes are kept as written: keys with escapes are not ones we look up.
    const qsizetype start = ++m_pos;
    while (m_pos < m_json.size() && m_json.at(m_pos) != '"') {
        if (m_json.at(m_pos) == '\\')
            ++m_pos;
        ++m_pos;
    }
    const QString text = QString::fromUtf8(m_json.mid(start, m_pos - start));
    ++m_pos;
    return text;
}

void JsonLines::value(const QString &pointer)
{
    if (m_pos >= m_json.size())
        return;
    m_lines.insert(pointer, m_line);
    const char c = m_json.at(m_pos);
    if (c == '{' || c == '[') {
        const bool object = c == '{';
        const char close = object ? '}' : ']';
        ++m_pos;
        skipSpace();
        int index = 0;
        while (m_pos < m_json.size() && m_json.at(m_pos) != close) {
            QString member;
            if (object) {
                member = string();
                member.replace(u'~', QStringLiteral("~0")).replace(u'/', QStringLiteral("~1"));
                skipSpace();
                ++m_pos; // ':'
                skipSpace();
            } else {
                member = QString::number(index++);
            }
            value(pointer + u'/' + member);
            skipSpace();
            if (m_pos < m_json.size() && m_json.at(m_pos) == ',') {
                ++m_pos;
                skipSpace();
            }
        }
        ++m_pos;
        return;
    }
    if (c == '"') {
        string();
        return;
    }
    // A number or a literal: runs to the next delimiter.
    while (m_pos < m_json.size()) {
        const char next = m_json.at(m_pos);
        if (next == ',' || next == '}' || next == ']' || next == ' ' || next == '\n' || next == '\r' ||
            next == '\t')
            return;
        ++m_pos;
    }
}

} // namespace Superbill
