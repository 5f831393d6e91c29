#include "foldtext.h"

namespace Catalog {

namespace {

bool isAscii(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

// Drops the spacing rule into one pass: letters and digits kept, everything else a single separator.
QString squeeze(QStringView folded)
{
    QString out;
    out.reserve(folded.size());
    bool pendingSpace = false;
    for (const QChar c : folded) {
        if (c.isLetterOrNumber()) {
            if (pendingSpace && !out.isEmpty())
                out.append(u' ');
            pendingSpace = false;
            out.append(c);
        } else if (c.category() != QChar::Mark_NonSpacing) {
            pendingSpace = true;
        }
    }
    return out;
}

} // namespace

QString foldText(QStringView text)
{
    // Most catalog text is ASCII: skip the Unicode decomposition there, it dominates load time.
    if (isAscii(text))
        return squeeze(text.toString().toLower());
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    return squeeze(decomposed.toCaseFolded());
}

QByteArray foldTextUtf8(QStringView text)
{
    return foldText(text).toUtf8();
}

} // namespace Catalog
