#include "importreport.h"

#include <algorithm>

#include <QCoreApplication>

namespace Catalog {

namespace {
// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Catalog::ImportReport)
};
} // namespace

int ImportReport::errorCount() const
{
    return int(
        std::count_if(issues.cbegin(), issues.cend(), [](const ImportIssue &i) { return i.isError(); }));
}

int ImportReport::warningCount() const
{
    return int(issues.size()) - errorCount();
}

QString ImportReport::summary() const
{
    if (refused)
        return Text::tr("Import refused, the catalog is unchanged: %1").arg(refusal);
    QString text = Text::tr("rows read: %1; new: %2; updated: %3; unchanged: %4; marked inactive: %5")
                       .arg(rowsRead)
                       .arg(imported)
                       .arg(updated)
                       .arg(unchanged)
                       .arg(inactivated);
    if (skippedOlder > 0)
        text += Text::tr("; older than the catalog (newer kept): %1").arg(skippedOlder);
    if (const int errors = errorCount(); errors > 0)
        text += Text::tr("; not imported: %1").arg(errors);
    if (!version.isEmpty())
        text += Text::tr(" (version %1)").arg(version);
    return text + u'.';
}

QString ImportReport::issueLine(const ImportIssue &issue) const
{
    QString text = file.isEmpty() ? QStringLiteral("(input)") : file;
    if (issue.line > 0)
        text += u':' + QString::number(issue.line);
    text += issue.isError() ? QStringLiteral(": error: ") : QStringLiteral(": warning: ");
    if (!issue.code.isEmpty())
        text += issue.code + QStringLiteral(": ");
    return text + issue.reason;
}

} // namespace Catalog
