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

// Most catalog text is ASCII: skip the Unicode decomposition there, it dominates load time.
QString caseAndAccentFolded(QStringView text)
{
    if (isAscii(text))
        return text.toString().toLower();
    return text.toString().normalized(QString::NormalizationForm_KD).toCaseFolded();
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

bool isConnector(QChar c)
{
    return c == u'-' || c == u'/' || c == u'&' || c == u'\u2010' || c == u'\u2011' || c == u'\u2013';
}

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == u'\u2019' || c == u'\u02bc';
}

bool isOrdinalSuffix(QStringView letters)
{
    return letters == u"st" || letters == u"nd" || letters == u"rd" || letters == u"th";
}

// "5cm" -> "5" "cm": a number with a unit of two letters or more after it; "0042t", "2nd" stay whole.
void appendWord(const QString &word, std::vector<FoldedWord> &words)
{
    qsizetype digits = 0;
    while (digits < word.size() && (word.at(digits).isDigit() || word.at(digits) == u'.'))
        ++digits;
    const QStringView rest = QStringView(word).mid(digits);
    bool unit = digits > 0 && rest.size() >= 2 && !isOrdinalSuffix(rest);
    for (const QChar c : rest)
        unit = unit && c.isLetter();
    if (unit) {
        words.push_back({word.left(digits).toStdString(), false});
        words.push_back({rest.toString().toStdString(), false});
    } else {
        words.push_back({word.toStdString(), false});
    }
}

} // namespace

QString foldText(QStringView text)
{
    return squeeze(caseAndAccentFolded(text));
}

QByteArray foldTextUtf8(QStringView text)
{
    return foldText(text).toUtf8();
}

std::vector<FoldedWord> foldWords(QStringView text)
{
    const QString folded = caseAndAccentFolded(text);
    std::vector<FoldedWord> words;
    QString word;
    qsizetype separators = 0; // between the last word and the next
    bool connector = false;
    const qsizetype size = folded.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = folded.at(i);
        const QChar next = i + 1 < size ? folded.at(i + 1) : QChar();
        if (c.isLetterOrNumber()) {
            if (word.isEmpty() && !words.empty())
                words.back().connectedToNext = separators == 1 && connector;
            separators = 0;
            word.append(c);
        } else if (c.category() == QChar::Mark_NonSpacing) {
            continue;
        } else if (isApostrophe(c) && !word.isEmpty() && next.isLetter()) {
            continue;
        } else if (c == u'.' && !word.isEmpty() && word.back().isDigit() && next.isDigit()) {
            word.append(c);
        } else {
            if (!word.isEmpty()) {
                appendWord(word, words);
                word.clear();
            }
            connector = separators == 0 && isConnector(c);
            ++separators;
        }
    }
    if (!word.isEmpty())
        appendWord(word, words);
    return words;
}

} // namespace Catalog
