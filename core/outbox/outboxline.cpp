#include "outboxline.h"

#include <QJsonObject>

#include "fhir/procedurereader.h"

namespace Outbox {

QString lineStateName(LineState state)
{
    switch (state) {
    case LineState::Pending:
        return QStringLiteral("pending");
    case LineState::Sending:
        return QStringLiteral("sending");
    case LineState::Sent:
        return QStringLiteral("sent");
    case LineState::NeedsCorrection:
        return QStringLiteral("needs-correction");
    case LineState::Discarded:
        return QStringLiteral("discarded");
    }
    return {};
}

std::optional<LineState> lineStateFromName(const QString &name)
{
    for (const auto state : {LineState::Pending, LineState::Sending, LineState::Sent,
                             LineState::NeedsCorrection, LineState::Discarded}) {
        if (lineStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

QJsonArray findingsToJson(const Model::Findings &findings)
{
    QJsonArray array;
    for (const auto &finding : findings) {
        array.append(QJsonObject{{QStringLiteral("code"), finding.code},
                                 {QStringLiteral("severity"), Model::severityName(finding.severity)},
                                 {QStringLiteral("path"), finding.path},
                                 {QStringLiteral("message"), finding.message}});
    }
    return array;
}

Model::Findings findingsFromJson(const QJsonArray &array)
{
    Model::Findings findings;
    for (const auto &item : array) {
        const QJsonObject object = item.toObject();
        const QString severity = object.value(QStringLiteral("severity")).toString();
        findings.append({object.value(QStringLiteral("code")).toString(),
                         severity == u"warning"       ? Model::Severity::Warning
                         : severity == u"information" ? Model::Severity::Information
                                                      : Model::Severity::Error,
                         object.value(QStringLiteral("path")).toString(),
                         object.value(QStringLiteral("message")).toString()});
    }
    return findings;
}

std::optional<Model::ProcedureEntry> OutboxLine::entry() const
{
    return Fhir::ProcedureReader::read(entryJson).entry;
}

} // namespace Outbox
