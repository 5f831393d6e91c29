#include "documentcheck.h"

#include <algorithm>

namespace Rules {

namespace {
bool isSameOrInside(const QString &path, const QString &reportedPath)
{
    return path == reportedPath || path.startsWith(reportedPath + u'.') ||
           reportedPath.startsWith(path + u'.') || path.startsWith(reportedPath + u'[');
}
} // namespace

DocumentCheck checkProcedureDocument(const QByteArray &json, const ValidationContext &context,
                                     bool fillDefaults)
{
    Fhir::ProcedureReadResult read = Fhir::ProcedureReader::read(json);
    DocumentCheck result{read.entry, read.problems, read.recordedDialect};
    if (!result.entry)
        return result;
    if (fillDefaults)
        result.entry->fillDefaults();
    const Model::Findings findings = Validator::check(*result.entry, context);
    for (const auto &finding : findings) {
        const bool alreadyReported = std::any_of(read.problems.cbegin(), read.problems.cend(),
                                                 [&finding](const Model::Finding &problem) {
                                                     return problem.isError() && !problem.path.isEmpty() &&
                                                            isSameOrInside(finding.path, problem.path);
                                                 });
        if (!alreadyReported)
            result.findings.append(finding);
    }
    return result;
}

} // namespace Rules
