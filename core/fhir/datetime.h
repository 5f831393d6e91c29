#pragma once

#include <QDateTime>
#include <QString>

#include "common/result.h"

namespace Fhir {

/**
 * FHIR dateTime text <-> QDateTime. Procedure times must be full date-times;
 * the offset is kept as Qt::OffsetFromUTC ("Z" as Qt::UTC) and a time with no
 * zone at all comes back as Qt::LocalTime so the validator can report it.
 */
Common::Result<QDateTime> parseDateTime(const QString &text);

/// "2026-03-14T10:00:00-05:00": the offset in force at that instant in the
/// value's own zone; milliseconds only when there are some.
QString formatDateTime(const QDateTime &value);
/// The longest text formatDateTime() gives, in bytes.
inline constexpr qsizetype MaxDateTimeLength = 40;
/// formatDateTime(value) as Latin-1 bytes, for writers that build JSON bytes: writes at most
/// MaxDateTimeLength bytes to out and returns how many.
qsizetype writeDateTime(char *out, const QDateTime &value);

/// True when the value says which offset it is in (UTC, an offset or a zone).
bool hasExplicitOffset(const QDateTime &value);

/// True for a wall-clock time that its time zone skips (02:30 on 2026-03-08 in
/// America/Chicago, when the clocks jump forward). Qt keeps such a value invalid,
/// with its date, time and zone, so it must be reported, not taken as "missing".
bool isSkippedLocalTime(const QDateTime &value);

/// True for a wall-clock time that happens twice in its time zone (01:30 on
/// 2026-11-01 in America/Chicago, when the clocks go back); Qt picks one of the two.
bool isRepeatedLocalTime(const QDateTime &value);

} // namespace Fhir
