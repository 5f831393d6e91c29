#include "csvreader.h"

#include <QCoreApplication>
#include <QStringConverter>
#include <QStringDecoder>

namespace Catalog {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Catalog::CsvReader)
};

QString encodingLabel(QStringConverter::Encoding encoding)
{
    switch (encoding) {
    case QStringConverter::Utf8:
        return QStringLiteral("UTF-8 with BOM");
    case QStringConverter::Utf16LE:
        return QStringLiteral("UTF-16LE with BOM");
    case QStringConverter::Utf16BE:
        return QStringLiteral("UTF-16BE with BOM");
    case QStringConverter::Utf32LE:
        return QStringLiteral("UTF-32LE with BOM");
    case QStringConverter::Utf32BE:
        return QStringLiteral("UTF-32BE with BOM");
    default:
        return QStringLiteral("Unicode with BOM");
    }
}

// The first line that is not blank and not a comment, without the line break.
QStringView firstContentLine(QStringView text)
{
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = start;
        while (end < text.size() && text[end] != u'\n' && text[end] != u'\r')
            ++end;
        const QStringView line = text.sliced(start, end - start);
        const QStringView trimmed = line.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(u'#'))
            return line;
        start = end + 1;
    }
    return {};
}

bool allEmpty(const QStringList &fields)
{
    for (const QString &field : fields) {
        if (!field.isEmpty())
            return false;
    }
    return true;
}

} // namespace

QChar CsvReader::detectDelimiter(QStringView firstLine)
{
    int tabs = 0;
    int commas = 0;
    int semicolons = 0;
    bool quoted = false;
    for (const QChar c : firstLine) {
        if (c == u'"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == u'\t')
            ++tabs;
        else if (c == u',')
            ++commas;
        else if (c == u';')
            ++semicolons;
    }
    if (tabs > 0 && tabs >= commas)
        return u'\t';
    if (commas > 0)
        return u',';
    if (semicolons > 0)
        return u';';
    return u',';
}

CsvTable CsvReader::read(const QByteArray &data)
{
    if (const auto bom = QStringConverter::encodingForData(data)) {
        QStringDecoder decoder(*bom);
        CsvTable table = readText(QString(decoder.decode(data)));
        table.encoding = encodingLabel(*bom);
        return table;
    }
    QStringDecoder utf8(QStringConverter::Utf8);
    const QString text = utf8.decode(data);
    if (!utf8.hasError()) {
        CsvTable table = readText(text);
        table.encoding = QStringLiteral("UTF-8");
        return table;
    }
    // Spreadsheets on Windows still save "CSV" in the ANSI code page.
    QStringDecoder legacy("windows-1252");
    QString name = QStringLiteral("Windows-1252");
    if (!legacy.isValid()) {
        legacy = QStringDecoder(QStringConverter::Latin1);
        name = QStringLiteral("ISO-8859-1");
    }
    CsvTable table = readText(QString(legacy.decode(data)));
    table.encoding = name;
    table.notes.append({0, Text::tr("The file is not valid UTF-8; it was read as %1. Check accented letters, "
                                    "or save the file as CSV UTF-8.")
                               .arg(name)});
    return table;
}

CsvTable CsvReader::readText(QStringView text)
{
    CsvTable table;
    table.delimiter = detectDelimiter(firstContentLine(text));
    const QChar delimiter = table.delimiter;

    int line = 1;
    qsizetype i = 0;
    const qsizetype size = text.size();
    auto atLineBreak = [&](qsizetype at) { return text[at] == u'\n' || text[at] == u'\r'; };
    // Consumes one line break at i (LF, CRLF or CR) and counts it.
    auto takeLineBreak = [&]() {
        if (text[i] == u'\r' && i + 1 < size && text[i + 1] == u'\n')
            ++i;
        ++i;
        ++line;
    };

    while (i < size) {
        const int recordLine = line;
        // Comment lines are only recognised at the start of a record.
        if (text[i] == u'#') {
            while (i < size && !atLineBreak(i))
                ++i;
            if (i < size)
                takeLineBreak();
            continue;
        }
        QStringList fields;
        QString problem;
        QString field;
        bool fieldQuoted = false;
        // Whether the field has more than blanks so far: kept as a flag, because trimming the field at
        // every quote made quote-heavy fields quadratic (a 200 KB file took seconds).
        bool fieldHasText = false;
        bool endOfRecord = false;
        while (!endOfRecord) {
            if (i >= size) {
                endOfRecord = true;
            } else if (text[i] == u'"' && !fieldQuoted && !fieldHasText) {
                // A quoted field: runs to the closing quote, across delimiters and line breaks.
                fieldQuoted = true;
                field.clear();
                ++i;
                bool closed = false;
                while (i < size) {
                    if (text[i] == u'"') {
                        if (i + 1 < size && text[i + 1] == u'"') {
                            field.append(u'"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (atLineBreak(i)) {
                        field.append(u'\n');
                        takeLineBreak();
                        continue;
                    }
                    field.append(text[i]);
                    ++i;
                }
                if (!closed)
                    problem =
                        Text::tr("A quoted field opened on this line is never closed (a \" is missing).");
            } else if (text[i] == delimiter) {
                fields.append(field.trimmed());
                field.clear();
                fieldQuoted = false;
                fieldHasText = false;
                ++i;
            } else if (atLineBreak(i)) {
                takeLineBreak();
                endOfRecord = true;
            } else {
                // Text after a closing quote, or a stray quote inside a bare field, is kept as written.
                fieldHasText = fieldHasText || !text[i].isSpace();
                field.append(text[i]);
                ++i;
            }
        }
        fields.append(field.trimmed());
        if (!allEmpty(fields))
            table.records.append({recordLine, fields, problem});
    }
    return table;
}

} // namespace Catalog
