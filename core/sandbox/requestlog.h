#pragma once

#include <memory>

#include <QFile>
#include <QString>
#include <QStringList>

#include "common/result.h"

namespace Sandbox {

/**
 * One line per request: time, method, path, the names (never the values) of
 * the query parameters, status or fault, EHR code, duration. Ids of patients,
 * encounters and diagnoses in a path are written as {id}; tokens and bodies
 * never appear. Control characters are written escaped (\x0a, by
 * Common::printable), so a request cannot start a line of its own. Lines go to a file (created
 * 0600), or to the superbill.sandbox.requests logging category.
 */
class RequestLog
{
public:
    RequestLog();
    ~RequestLog();

    /// Appends to path from now on; empty: the logging category.
    Common::Status open(const QString &path);
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    /// "/mps/fhir/R4/V1/Patient/{id}?name&_count" from the request's path and parameter names.
    static QString describeTarget(const QString &path, const QStringList &parameterNames);

    void write(const QByteArray &method, const QString &target, const QString &outcome,
               const QString &ehrCode, qint64 durationMs);

private:
    std::unique_ptr<QFile> m_file;
    bool m_enabled = true;
};

} // namespace Sandbox
