#include "printable.h"

#include <algorithm>

namespace Common {

namespace {

bool needsEscape(char16_t c)
{
    if (c == u'\\')
        return true;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return true; // C0, DEL and C1 controls: ESC and CSI start terminal sequences, NUL ends C strings
    switch (c) {
    case 0x2028: // line separator
    case 0x2029: // paragraph separator
    case 0x061c: // Arabic letter mark
    case 0x200e: // left-to-right mark
    case 0x200f: // right-to-left mark
        return true;
    default:
        // Bidirectional embeddings, overrides and isolates can make text read differently from what it is.
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}

} // namespace

QString printable(const QString &text)
{
    if (std::none_of(text.cbegin(), text.cend(), [](QChar c) { return needsEscape(c.unicode()); }))
        return text;
    QString out;
    out.reserve(text.size() + 16);
    for (const QChar c : text) {
        const char16_t code = c.unicode();
        if (!needsEscape(code))
            out += c;
        else if (code == u'\\')
            out += QStringLiteral("\\\\");
        else if (code < 0x100)
            out += QStringLiteral("\\x") + QString::number(code, 16).rightJustified(2, u'0');
        else
            out += QStringLiteral("\\u") + QString::number(code, 16).rightJustified(4, u'0');
    }
    return out;
}

} // namespace Common
