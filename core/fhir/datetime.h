#pragma once

#include <QDateTime>
#include <QString>

namespace Fhir {

/**
 * FHIR dateTime text <-> QDateTime. Procedure times must be full date-times;
 * the offset is kept as Qt::OffsetFromUTC ("Z" as Qt::UTC) and a time with no
 * zone at all comes back as Qt::LocalTime so the validator can report it.
 */
struct DateTimeParse
{
    QDateTime value;
    QString error; ///< empty on success
    bool ok() const { return error.isEmpty(); }
};

DateTimeParse parseDateTime(const QString &text);

/// "2026-03-14T10:00:00-05:00": the offset in force at that instant in the
/// value's own zone; milliseconds only when there are some.
QString formatDateTime(const QDateTime &value);

/// True when the value says which offset it is in (UTC, an offset or a zone).
bool hasExplicitOffset(const QDateTime &value);

} // namespace Fhir
