#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Model {

enum class Severity
{
    Error,
    Warning,
    Information
};

/**
 * One problem with a procedure line: the EHR's own code for it (e.g. "500032"
 * or "PRO005"), how serious it is, the FHIR element path it belongs to
 * ("Procedure.performedPeriod.end") and a message for a person.
 */
struct Finding
{
    QString code;
    Severity severity = Severity::Error;
    QString path;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const Finding &, const Finding &) = default;
};

using Findings = QList<Finding>;

QString severityName(Severity severity);
bool hasErrors(const Findings &findings);

} // namespace Model

Q_DECLARE_METATYPE(Model::Finding)
Q_DECLARE_METATYPE(Model::Severity)
