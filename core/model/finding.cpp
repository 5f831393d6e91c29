#include "finding.h"

#include <algorithm>

#include <QJsonObject>

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

std::optional<Severity> severityFromName(const QString &name)
{
    for (const auto severity : {Severity::Error, Severity::Warning, Severity::Information}) {
        if (severityName(severity) == name)
            return severity;
    }
    return std::nullopt;
}

QJsonArray findingsToJson(const Findings &findings)
{
    QJsonArray array;
    for (const auto &finding : findings) {
        array.append(QJsonObject{{QStringLiteral("code"), finding.code},
                                 {QStringLiteral("severity"), severityName(finding.severity)},
                                 {QStringLiteral("path"), finding.path},
                                 {QStringLiteral("message"), finding.message}});
    }
    return array;
}

Findings findingsFromJson(const QJsonArray &array)
{
    Findings findings;
    for (const auto &item : array) {
        const QJsonObject object = item.toObject();
        findings.append(
            {object.value(QStringLiteral("code")).toString(),
             severityFromName(object.value(QStringLiteral("severity")).toString()).value_or(Severity::Error),
             object.value(QStringLiteral("path")).toString(),
             object.value(QStringLiteral("message")).toString()});
    }
    return findings;
}

bool hasErrors(const Findings &findings)
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.isError(); });
}

QString firstErrorCode(const Findings &findings)
{
    const auto error =
        std::find_if(findings.cbegin(), findings.cend(), [](const Finding &f) { return f.isError(); });
    return error == findings.cend() ? QString() : error->code;
}

} // namespace Model
