#pragma once

#include <QChar>
#include <QList>
#include <QString>

namespace Catalog {

/// One problem of an import, with the line of the file it is on (0: the file as a whole).
struct ImportIssue
{
    enum class Severity
    {
        Error,
        Warning
    };

    int line = 0;
    QString code; ///< the row's code as written; empty when there is none
    QString reason;
    Severity severity = Severity::Error;

    bool isError() const { return severity == Severity::Error; }
};

/**
 * What an import did: how many codes were added, updated, left as they were
 * or marked inactive, and every row that could not be imported with its line
 * number and the reason. A refused import changed nothing.
 */
struct ImportReport
{
    QString file;
    bool refused = false; ///< nothing was changed; refusal says why
    QString refusal;

    int rowsRead = 0; ///< data rows in the file (without header, comments, blank lines)
    int imported = 0; ///< codes new to the catalog
    int updated = 0;  ///< codes whose display, version or flags changed, or that were active again
    int unchanged = 0;
    int skippedOlder = 0; ///< rows older than the catalog's version of the code
    int inactivated = 0;  ///< codes missing from the file, now marked inactive

    QString version; ///< the highest code-system version in the file
    QString encoding;
    QChar delimiter = u',';
    bool hasHeader = false;
    QList<ImportIssue> issues;

    int errorCount() const;
    int warningCount() const;
    bool hasErrors() const { return errorCount() > 0; }
    /// One line for a person: "rows read: 150; new: 148; updated: 2; ...".
    QString summary() const;
    /// "FILE:LINE: error: 0420T: reason", the form compilers use, so editors can jump to the line.
    QString issueLine(const ImportIssue &issue) const;
};

} // namespace Catalog
