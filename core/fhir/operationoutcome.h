#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/result.h"
#include "model/finding.h"

namespace Fhir {

/// One OperationOutcome.issue: the EHR's own code travels in details.coding[].code.
struct OutcomeIssue
{
    QString severity; ///< fatal | error | warning | information
    QString code;     ///< FHIR issue type: invalid, duplicate, not-found, ...
    QStringList detailCodes;
    QString detailsText;
    QString diagnostics;
    QStringList expressions;

    /// The first EHR code, or empty.
    QString ehrCode() const { return detailCodes.value(0); }
    /// details.text, or diagnostics when there is no text.
    QString text() const { return detailsText.isEmpty() ? diagnostics : detailsText; }
    friend bool operator==(const OutcomeIssue &, const OutcomeIssue &) = default;
};

/**
 * A FHIR OperationOutcome, the body of every error the EHR returns. The
 * reader is lenient (an EHR's error must always be shown) but reports where
 * the body is not an OperationOutcome at all.
 */
struct OperationOutcome
{
    QList<OutcomeIssue> issues;

    QJsonObject toJson() const;

    /// One issue per finding, the finding's code in details.coding and its path in expression.
    static OperationOutcome fromFindings(const Model::Findings &findings);
    static OperationOutcome single(const QString &severity, const QString &issueType, const QString &ehrCode,
                                   const QString &text, const QString &expression = {});
    /// The issues as findings (errors and fatals as errors).
    Model::Findings toFindings() const;
};

/// The OperationOutcome in a body, or why it is not one.
Common::Result<OperationOutcome> readOperationOutcome(const QByteArray &json);
Common::Result<OperationOutcome> readOperationOutcome(const QJsonObject &resource);

/// The FHIR issue type that fits an EHR code: duplicate, not-found, business-rule or invalid.
QString issueTypeForCode(const QString &ehrCode);

} // namespace Fhir
