#pragma once

#include <QSet>

#include "codeentry.h"
#include "csvreader.h"
#include "importreport.h"

namespace Catalog {

/// How an import treats a file.
struct ImportOptions
{
    bool strict = false;    ///< any row error refuses the whole import
    QString defaultVersion; ///< for rows without a version column or value
};

/// A row that can be imported, with the line it is on.
struct ParsedCodeRow
{
    int line = 0;
    CodeEntry entry;
};

/// A code file understood row by row; see CodeFileParser.
struct ParsedCodeFile
{
    QList<ParsedCodeRow> rows;
    QList<ImportIssue> issues;
    QSet<QString> rejectedCodes; ///< codes of rows that were not imported; never marked inactive for missing
    QString refusal;             ///< non-empty: the file as a whole cannot be imported
    int rowsRead = 0;
    bool hasHeader = false;
    QString encoding;
    QChar delimiter = u',';
    QString highestVersion;
};

/**
 * Turns a code file into catalog entries without touching any database: finds
 * the header (code, display/description, version, anesthesia, dental, add-on,
 * inactive, in any order and spelling case), or reads code, display, version by
 * position when there is none; classifies each code with Rules::CodeClassifier
 * and lets the row's own flag columns override; and reports every row that
 * cannot be used (malformed, HCPCS Level II, no description, bad flag value,
 * repeated code) with its line number and the reason.
 */
class CodeFileParser
{
public:
    static ParsedCodeFile parse(const QByteArray &data, const ImportOptions &options = {});
    static ParsedCodeFile parse(const CsvTable &table, const ImportOptions &options = {});

    /// Compares code-system versions: numerically when both are numbers ("2026" > "987").
    static int compareVersions(const QString &a, const QString &b);
};

} // namespace Catalog
