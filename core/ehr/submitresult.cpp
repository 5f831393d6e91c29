#include "submitresult.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "fhir/operationoutcome.h"
#include "rules/errorcatalog.h"

namespace Ehr {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Ehr::SubmitResult)
};

QString firstCodeOfClass(const Model::Findings &findings, Rules::ErrorClass errorClass)
{
    const auto &catalog = Rules::ErrorCatalog::instance();
    for (const auto &finding : findings) {
        if (finding.isError() && !finding.code.isEmpty() &&
            catalog.lookup(finding.code).errorClass == errorClass)
            return finding.code;
    }
    return {};
}

QString describeFindings(const Model::Findings &findings)
{
    QStringList parts;
    for (const auto &finding : findings) {
        if (!finding.isError())
            continue;
        parts.append(finding.code.isEmpty() ? finding.message
                                            : finding.code + QStringLiteral(": ") + finding.message);
    }
    return parts.join(QStringLiteral("; "));
}

// Whether the resource a conditional create returned is the line that was sent: a Procedure that
// carries the line's identifier, or that keeps no client identifiers at all (an EHR may drop them).
// An OperationOutcome (or no body) says nothing either way.
bool isResourceOfLine(const QJsonObject &resource, const Model::Identifier &sent)
{
    const QString type = resource.value(QStringLiteral("resourceType")).toString();
    if (type.isEmpty() || type == u"OperationOutcome")
        return true;
    if (type != u"Procedure")
        return false;
    bool anyClientIdentifier = false;
    for (const auto &item : resource.value(QStringLiteral("identifier")).toArray()) {
        const QJsonObject identifier = item.toObject();
        if (identifier.value(QStringLiteral("system")).toString() != sent.system)
            continue;
        anyClientIdentifier = true;
        if (identifier.value(QStringLiteral("value")).toString() == sent.value)
            return true;
    }
    return !anyClientIdentifier;
}

} // namespace

QString submitKindName(SubmitResult::Kind kind)
{
    switch (kind) {
    case SubmitResult::Kind::Created:
        return QStringLiteral("created");
    case SubmitResult::Kind::AlreadyRecorded:
        return QStringLiteral("already-recorded");
    case SubmitResult::Kind::Rejected:
        return QStringLiteral("rejected");
    case SubmitResult::Kind::Retryable:
        return QStringLiteral("retryable");
    case SubmitResult::Kind::Unauthorized:
        return QStringLiteral("unauthorized");
    case SubmitResult::Kind::Blocked:
        return QStringLiteral("blocked");
    }
    return {};
}

QString resourceIdOf(const QByteArray &body, const QByteArray &location)
{
    const QJsonObject resource = QJsonDocument::fromJson(body).object();
    const QString id = resource.value(QStringLiteral("id")).toString();
    if (!id.isEmpty())
        return id;
    // Location: [base]/Procedure/<id>/_history/<vid>
    QStringList parts = QString::fromUtf8(location).split(u'/', Qt::SkipEmptyParts);
    const qsizetype history = parts.lastIndexOf(QStringLiteral("_history"));
    if (history >= 1)
        return parts.at(history - 1);
    const qsizetype type = parts.lastIndexOf(QStringLiteral("Procedure"));
    return type >= 0 ? parts.value(type + 1) : QString();
}

Common::Result<Model::Findings> outcomeFindings(const QByteArray &body)
{
    const auto outcome = Fhir::readOperationOutcome(body);
    if (!outcome)
        return outcome.error();
    Model::Findings findings = outcome->toFindings();
    const auto &catalog = Rules::ErrorCatalog::instance();
    for (auto &finding : findings) {
        if (finding.message.isEmpty() && !finding.code.isEmpty())
            finding.message = catalog.lookup(finding.code).message;
    }
    return findings;
}

SubmitResult SubmitResult::fromJob(const JobResult &job, const std::optional<Model::Identifier> &sent)
{
    SubmitResult result;
    result.httpStatus = job.httpStatus;
    result.retryAfter = job.retryAfter;
    result.outcomeUnknown = job.outcomeUnknown();
    switch (job.transport) {
    case JobResult::Transport::Answered:
        break;
    case JobResult::Transport::TlsError:
    case JobResult::Transport::Blocked:
        result.kind = Kind::Blocked;
        result.errorString = job.errorString;
        return result;
    case JobResult::Transport::NetworkError:
    case JobResult::Transport::Timeout:
    case JobResult::Transport::Cancelled:
        result.kind = Kind::Retryable;
        result.errorString = job.errorString;
        return result;
    case JobResult::Transport::SignedOut:
        result.kind = Kind::Unauthorized;
        result.errorString = job.errorString;
        return result;
    }

    const int status = job.httpStatus;
    if (status == 200 || status == 201) {
        const QJsonDocument document = QJsonDocument::fromJson(job.body);
        if (!job.body.trimmed().isEmpty() && !document.isObject()) {
            // Not the EHR's words (a proxy's or a network's sign-in page): nothing says it was stored.
            result.kind = Kind::Retryable;
            result.outcomeUnknown = true;
            result.errorString =
                Text::tr("The answer (HTTP %1) is not FHIR JSON, so it may not come from the EHR "
                         "(a proxy or a network sign-in page?); the line will be sent again.")
                    .arg(status);
            return result;
        }
        const QJsonObject resource = document.object();
        if (status == 200 && sent && !isResourceOfLine(resource, *sent)) {
            const QString id = resource.value(QStringLiteral("id")).toString();
            result.kind = Kind::Rejected;
            result.errorString =
                Text::tr(
                    "The EHR answered that it already has this line but sent back %1/%2, which is not this "
                    "line; the line was not recorded. The EHR may not match identifiers in If-None-Exist: "
                    "ask "
                    "its administrator before sending it again.")
                    .arg(resource.value(QStringLiteral("resourceType")).toString(), id);
            result.findings.append({QString(), Model::Severity::Error, QStringLiteral("Procedure.identifier"),
                                    result.errorString});
            return result;
        }
        result.kind = status == 201 ? Kind::Created : Kind::AlreadyRecorded;
        result.ehrId = resourceIdOf(job.body, job.location);
        return result;
    }
    if (status == 401 || status == 403) {
        result.kind = Kind::Unauthorized;
        result.findings = outcomeFindings(job.body).valueOr({});
        result.errorString =
            status == 401
                ? Text::tr("The EHR did not accept the token (401); sign in again or enter a new token.")
                : Text::tr("The token lacks permission to record procedures (403).");
        return result;
    }

    const auto outcome = outcomeFindings(job.body);
    result.findings = outcome.valueOr({});
    const QString detail = describeFindings(result.findings);

    // The most decisive code wins: credentials, then "the EHR has it", then content, then server faults.
    if (const QString code = firstCodeOfClass(result.findings, Rules::ErrorClass::Authorization);
        !code.isEmpty()) {
        result.kind = Kind::Unauthorized;
        result.ehrCode = code;
        result.errorString = Text::tr("The EHR refused the credentials: %1").arg(detail);
        return result;
    }
    if (const QString code = firstCodeOfClass(result.findings, Rules::ErrorClass::AlreadyRecorded);
        !code.isEmpty()) {
        result.kind = Kind::AlreadyRecorded;
        result.ehrCode = code;
        result.errorString = Text::tr("The EHR already has this record: %1").arg(detail);
        return result;
    }
    if (const QString code = firstCodeOfClass(result.findings, Rules::ErrorClass::NeedsCorrection);
        !code.isEmpty() && status != 429) {
        result.kind = Kind::Rejected;
        result.ehrCode = code;
        result.errorString = Text::tr("The EHR rejected the line: %1").arg(detail);
        return result;
    }
    if (const QString code = firstCodeOfClass(result.findings, Rules::ErrorClass::Retry); !code.isEmpty()) {
        result.kind = Kind::Retryable;
        result.ehrCode = code;
        result.errorString =
            Text::tr("The EHR could not store the line now (HTTP %1): %2").arg(status).arg(detail);
        return result;
    }
    if (status == 429 || status >= 500 || status < 200) {
        result.kind = Kind::Retryable;
        // A gateway's 502/504 may come after the EHR stored the line.
        result.outcomeUnknown = status >= 500;
        result.errorString = Text::tr("The EHR answered HTTP %1%2")
                                 .arg(status)
                                 .arg(detail.isEmpty() ? QString() : QStringLiteral(": ") + detail);
        return result;
    }
    if (status >= 400) {
        result.kind = Kind::Rejected;
        if (result.findings.isEmpty()) {
            const QString message = Text::tr("The EHR answered HTTP %1 without saying why (%2).")
                                        .arg(status)
                                        .arg(outcome.ok() ? QString() : outcome.error().message);
            result.findings.append({QString(), Model::Severity::Error, QString(), message});
            result.errorString = message;
        } else {
            result.errorString = Text::tr("The EHR rejected the line: %1").arg(detail);
        }
        return result;
    }
    // 202, 204, 3xx: nothing the API promises; try again rather than assume it was stored.
    result.kind = Kind::Retryable;
    result.outcomeUnknown = true;
    result.errorString = Text::tr("Unexpected answer HTTP %1 from the EHR.").arg(status);
    return result;
}

} // namespace Ehr
