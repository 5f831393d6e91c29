#pragma once

#include <optional>

#include <QJsonArray>
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
std::optional<Severity> severityFromName(const QString &name);
bool hasErrors(const Findings &findings);
/// The code of the first error, or empty when there is none: what an EHR answer is filed under.
QString firstErrorCode(const Findings &findings);

/// Findings as JSON objects {code, severity, path, message}: how the outbox stores them and how
/// superbill-cli prints them with --json. An unknown severity reads as an error.
QJsonArray findingsToJson(const Findings &findings);
Findings findingsFromJson(const QJsonArray &array);
} // namespace Model

Q_DECLARE_METATYPE(Model::Finding)
Q_DECLARE_METATYPE(Model::Severity)
