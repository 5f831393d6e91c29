#pragma once

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QString>
#include <QStringList>

namespace Catalog {

/// One record of a delimited text file, with the line it starts on (1-based).
struct CsvRecord
{
    int line = 0;
    QStringList fields;
    QString problem; ///< non-empty when the record is broken, e.g. a quote that is never closed
};

/// A problem the reader found, with the line it is on.
struct CsvProblem
{
    int line = 0;
    QString message;
};

/// What CsvReader read: the records, and how the file was understood.
struct CsvTable
{
    QList<CsvRecord> records;
    QChar delimiter = u',';
    QString encoding;        ///< "UTF-8", "UTF-8 with BOM", "UTF-16LE with BOM", "Windows-1252", ...
    QList<CsvProblem> notes; ///< about the whole file, e.g. "not valid UTF-8: read as Windows-1252"
};

/**
 * Reads the delimited text files code lists come in (RFC 4180 and what
 * spreadsheets actually write): UTF-8 with or without a byte-order mark,
 * UTF-16 with one (Excel's "Unicode text"), Windows-1252 when the bytes are
 * not UTF-8; comma, tab or semicolon, detected from the first line; quoted
 * fields with delimiters, doubled quotes and line breaks; LF, CRLF or CR.
 * Blank lines and lines starting with '#' are skipped. Fields are trimmed.
 */
class CsvReader
{
public:
    static CsvTable read(const QByteArray &data);
    /// For text already decoded; the encoding is left empty.
    static CsvTable readText(QStringView text);
    static QChar detectDelimiter(QStringView firstLine);
};

} // namespace Catalog
