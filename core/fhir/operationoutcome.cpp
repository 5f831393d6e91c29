#include "operationoutcome.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include "model/ehrcodes.h"

namespace Fhir {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Fhir::OperationOutcome)
};

QStringList stringsOf(const QJsonValue &value)
{
    QStringList result;
    for (const auto &item : value.toArray()) {
        if (item.isString())
            result.append(item.toString());
    }
    return result;
}

OutcomeIssue readIssue(const QJsonObject &json)
{
    OutcomeIssue issue;
    issue.severity = json.value(QStringLiteral("severity")).toString();
    issue.code = json.value(QStringLiteral("code")).toString();
    const QJsonObject details = json.value(QStringLiteral("details")).toObject();
    for (const auto &coding : details.value(QStringLiteral("coding")).toArray()) {
        const QJsonValue code = coding.toObject().value(QStringLiteral("code"));
        // Some EHRs send numeric codes as JSON numbers.
        if (code.isString() && !code.toString().isEmpty())
            issue.detailCodes.append(code.toString());
        else if (code.isDouble())
            issue.detailCodes.append(QString::number(code.toInteger()));
    }
    issue.detailsText = details.value(QStringLiteral("text")).toString();
    issue.diagnostics = json.value(QStringLiteral("diagnostics")).toString();
    issue.expressions = stringsOf(json.value(QStringLiteral("expression")));
    if (issue.expressions.isEmpty())
        issue.expressions = stringsOf(json.value(QStringLiteral("location")));
    return issue;
}

} // namespace

Common::Result<OperationOutcome> readOperationOutcome(const QByteArray &json)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Common::makeError(
            QStringLiteral("not-json"),
            Text::tr("not valid JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset));
    if (!document.isObject())
        return Common::makeError(QStringLiteral("not-json"), Text::tr("JSON but not an object"));
    return readOperationOutcome(document.object());
}

Common::Result<OperationOutcome> readOperationOutcome(const QJsonObject &resource)
{
    const QString type = resource.value(QStringLiteral("resourceType")).toString();
    if (type != u"OperationOutcome")
        return Common::makeError(QStringLiteral("not-operation-outcome"),
                                 Text::tr("resourceType is \"%1\", not OperationOutcome").arg(type),
                                 QStringLiteral("resourceType"));
    const QJsonValue issues = resource.value(QStringLiteral("issue"));
    if (!issues.isArray())
        return Common::makeError(QStringLiteral("not-operation-outcome"),
                                 Text::tr("OperationOutcome.issue is missing or not an array"),
                                 QStringLiteral("OperationOutcome.issue"));
    OperationOutcome outcome;
    for (const auto &item : issues.toArray()) {
        if (item.isObject())
            outcome.issues.append(readIssue(item.toObject()));
    }
    return outcome;
}

QJsonObject OperationOutcome::toJson() const
{
    QJsonArray issueArray;
    for (const auto &issue : issues) {
        QJsonObject json{{QStringLiteral("severity"), issue.severity}, {QStringLiteral("code"), issue.code}};
        QJsonObject details;
        if (!issue.detailCodes.isEmpty()) {
            QJsonArray codings;
            for (const auto &code : issue.detailCodes)
                codings.append(QJsonObject{{QStringLiteral("code"), code}});
            details.insert(QStringLiteral("coding"), codings);
        }
        if (!issue.detailsText.isEmpty())
            details.insert(QStringLiteral("text"), issue.detailsText);
        if (!details.isEmpty())
            json.insert(QStringLiteral("details"), details);
        if (!issue.diagnostics.isEmpty())
            json.insert(QStringLiteral("diagnostics"), issue.diagnostics);
        if (!issue.expressions.isEmpty())
            json.insert(QStringLiteral("expression"), QJsonArray::fromStringList(issue.expressions));
        issueArray.append(json);
    }
    return {{QStringLiteral("resourceType"), QStringLiteral("OperationOutcome")},
            {QStringLiteral("issue"), issueArray}};
}

OperationOutcome OperationOutcome::fromFindings(const Model::Findings &findings)
{
    OperationOutcome outcome;
    for (const auto &finding : findings) {
        OutcomeIssue issue;
        issue.severity = Model::severityName(finding.severity);
        issue.code = issueTypeForCode(finding.code);
        if (!finding.code.isEmpty())
            issue.detailCodes = {finding.code};
        issue.detailsText = finding.message;
        if (!finding.path.isEmpty())
            issue.expressions = {finding.path};
        outcome.issues.append(issue);
    }
    return outcome;
}

OperationOutcome OperationOutcome::single(const QString &severity, const QString &issueType,
                                          const QString &ehrCode, const QString &text,
                                          const QString &expression)
{
    OutcomeIssue issue{severity, issueType, {}, text, {}, {}};
    if (!ehrCode.isEmpty())
        issue.detailCodes = {ehrCode};
    if (!expression.isEmpty())
        issue.expressions = {expression};
    return {{issue}};
}

Model::Findings OperationOutcome::toFindings() const
{
    Model::Findings findings;
    for (const auto &issue : issues)
        findings.append({issue.ehrCode(),
                         Model::severityFromName(issue.severity).value_or(Model::Severity::Error),
                         issue.expressions.value(0), issue.text()});
    return findings;
}

QString issueTypeForCode(const QString &ehrCode)
{
    using namespace Model::EhrCode;
    if (ehrCode == DuplicateRecord)
        return QStringLiteral("duplicate");
    if (ehrCode == PatientNotFound || ehrCode == EncounterNotFound || ehrCode == ReferenceNotFound)
        return QStringLiteral("not-found");
    if (ehrCode == EncounterSignedOff || ehrCode == EncounterBilled || ehrCode == DentalCptNotAllowed ||
        ehrCode == DuplicateIcd || ehrCode == ReferencedIcdMissing)
        return QStringLiteral("business-rule");
    if (ehrCode == InsertFailed || ehrCode == DependencyFailure)
        return QStringLiteral("transient");
    return QStringLiteral("invalid");
}

} // namespace Fhir
