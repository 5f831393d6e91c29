#include "finding.h"

#include <algorithm>

namespace Model {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Information:
        return QStringLiteral("information");
    }
    return QStringLiteral("error");
}

bool hasErrors(const Findings &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.isError(); });
}

} // namespace Model
