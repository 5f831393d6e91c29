#include "datetime.h"

#include <algorithm>

#include <QCoreApplication>
#include <QTimeZone>

namespace Fhir {

namespace {
// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Fhir::DateTime)
};

/// Reads text as yyyy-MM-ddTHH:mm:ss[.fraction][Z|+HH:MM|-HH:MM], by hand: a regular expression
/// match cost more than the rest of reading a Procedure.
struct DateTimeFields
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
    QStringView zone;

    bool read(QStringView text)
    {
        qsizetype at = 0;
        const auto number = [&](int digits, int &value) {
            if (at + digits > text.size())
                return false;
            value = 0;
            for (int i = 0; i < digits; ++i, ++at) {
                const char16_t unit = text[at].unicode();
                if (unit < u'0' || unit > u'9')
                    return false;
                value = value * 10 + (unit - u'0');
            }
            return true;
        };
        const auto literal = [&](char16_t expected) { return at < text.size() && text[at++] == expected; };
        if (!(number(4, year) && literal(u'-') && number(2, month) && literal(u'-') && number(2, day) &&
              literal(u'T') && number(2, hour) && literal(u':') && number(2, minute) && literal(u':') &&
              number(2, second)))
            return false;
        if (at < text.size() && text[at] == u'.') {
            // One to nine digits; the first three are the milliseconds, the rest are dropped.
            const qsizetype first = ++at;
            while (at < text.size() && text[at] >= u'0' && text[at] <= u'9')
                ++at;
            if (at == first || at - first > 9)
                return false;
            for (qsizetype i = first; i < first + 3; ++i)
                millis = millis * 10 + (i < at ? text[i].unicode() - u'0' : 0);
        }
        zone = text.sliced(at);
        const auto digit = [](QChar c) { return c >= u'0' && c <= u'9'; };
        return zone.isEmpty() || zone == u"Z" ||
               (zone.size() == 6 && (zone[0] == u'+' || zone[0] == u'-') && digit(zone[1]) &&
                digit(zone[2]) && zone[3] == u':' && digit(zone[4]) && digit(zone[5]));
    }
};

/// yyyy, yyyy-MM or yyyy-MM-dd: a FHIR date that is not a date-time.
bool isPartialDate(QStringView text)
{
    const auto digitsAt = [&text](qsizetype from, qsizetype count) {
        return std::all_of(text.begin() + from, text.begin() + from + count,
                           [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    if (text.size() != 4 && text.size() != 7 && text.size() != 10)
        return false;
    return digitsAt(0, 4) && (text.size() < 7 || (text[4] == u'-' && digitsAt(5, 2))) &&
           (text.size() < 10 || (text[7] == u'-' && digitsAt(8, 2)));
}

} // namespace

Common::Result<QDateTime> parseDateTime(const QString &text)
{
    const auto invalid = [](const QString &why) {
        return Common::makeError(QStringLiteral("invalid-date-time"), why);
    };
    if (text.isEmpty())
        return invalid(Text::tr("is empty"));
    DateTimeFields fields;
    if (!fields.read(text)) {
        if (isPartialDate(text))
            return invalid(Text::tr("\"%1\" is only a date; a full date-time with a timezone offset is "
                                    "needed, e.g. 2026-03-14T10:00:00-05:00")
                               .arg(text));
        return invalid(Text::tr("\"%1\" is not a date-time like 2026-03-14T10:00:00-05:00").arg(text));
    }
    const QDate date(fields.year, fields.month, fields.day);
    if (!date.isValid())
        return invalid(Text::tr("\"%1\" has no such calendar date").arg(text));
    // FHIR allows a leap second; QTime cannot hold one, and rounding it would move the time.
    if (fields.second == 60)
        return invalid(
            Text::tr("\"%1\" is a leap second (:60), which cannot be recorded; give :59 instead").arg(text));
    const QTime time(fields.hour, fields.minute, fields.second, fields.millis);
    if (!time.isValid())
        return invalid(Text::tr("\"%1\" has no such time of day").arg(text));

    const QStringView zone = fields.zone;
    if (zone.isEmpty())
        return QDateTime(date, time, Qt::LocalTime);
    if (zone == u"Z")
        return QDateTime(date, time, Qt::UTC);
    const int hours = zone.mid(1, 2).toInt();
    const int minutes = zone.mid(4, 2).toInt();
    if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
        return invalid(Text::tr("\"%1\" has an offset outside -14:00..+14:00").arg(text));
    const int sign = zone.front() == u'-' ? -1 : 1;
    return QDateTime(date, time, Qt::OffsetFromUTC, sign * (hours * 3600 + minutes * 60));
}

qsizetype writeDateTime(char *out, const QDateTime &value)
{
    if (!value.isValid())
        return 0;
    const Qt::TimeSpec spec = value.timeSpec();
    const int offset = spec == Qt::LocalTime || spec == Qt::UTC ? 0 : value.offsetFromUtc();
    // A FHIR offset has no seconds (local mean time of old dates has them): the instant goes out in UTC.
    if (offset % 60 != 0)
        return writeDateTime(out, value.toUTC());

    // Written digit by digit: QDateTime::toString() parses its format and builds several strings
    // on every call, which made it the largest part of serialising a line.
    char *cursor = out;
    const auto digits = [&cursor](int number, int width) {
        char reversed[12];
        int count = 0;
        do {
            reversed[count++] = char('0' + number % 10);
            number /= 10;
        } while (number > 0);
        for (int pad = count; pad < width; ++pad)
            *cursor++ = '0';
        while (count > 0)
            *cursor++ = reversed[--count];
    };
    const QDate date = value.date();
    const QTime time = value.time();
    // As QDateTime::toString("yyyy") writes it: at least four digits, a minus sign before them.
    if (date.year() < 0)
        *cursor++ = '-';
    digits(std::abs(date.year()), 4);
    *cursor++ = '-';
    digits(date.month(), 2);
    *cursor++ = '-';
    digits(date.day(), 2);
    *cursor++ = 'T';
    digits(time.hour(), 2);
    *cursor++ = ':';
    digits(time.minute(), 2);
    *cursor++ = ':';
    digits(time.second(), 2);
    if (time.msec() != 0) {
        *cursor++ = '.';
        digits(time.msec(), 3);
    }
    if (spec == Qt::UTC) {
        *cursor++ = 'Z';
    } else if (spec != Qt::LocalTime) {
        *cursor++ = offset < 0 ? '-' : '+';
        digits(std::abs(offset) / 3600, 2);
        *cursor++ = ':';
        digits(std::abs(offset) % 3600 / 60, 2);
    }
    return cursor - out;
}

QString formatDateTime(const QDateTime &value)
{
    char text[MaxDateTimeLength];
    return QString::fromLatin1(text, writeDateTime(text, value));
}

bool hasExplicitOffset(const QDateTime &value)
{
    return value.isValid() && value.timeSpec() != Qt::LocalTime;
}

bool isSkippedLocalTime(const QDateTime &value)
{
    const Qt::TimeSpec spec = value.timeSpec();
    return !value.isValid() && (spec == Qt::TimeZone || spec == Qt::LocalTime) && value.date().isValid() &&
           value.time().isValid() && value.timeZone().isValid();
}

bool isRepeatedLocalTime(const QDateTime &value)
{
    const Qt::TimeSpec spec = value.timeSpec();
    if (!value.isValid() || (spec != Qt::TimeZone && spec != Qt::LocalTime))
        return false;
    const QTimeZone zone = value.timeZone();
    constexpr qint64 Day = 24 * 3600 * 1000;
    const qint64 instant = value.toMSecsSinceEpoch();
    const int offsets[] = {
        zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(instant - Day, Qt::UTC)),
        value.offsetFromUtc(),
        zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(instant + Day, Qt::UTC)),
    };
    // Most days: one offset around the time, so its reading names one instant (and the validator
    // asks this of every time it checks, so the common case stays cheap).
    if (offsets[0] == offsets[1] && offsets[1] == offsets[2])
        return false;
    // The wall-clock reading as if it were UTC; each offset in force around it gives a candidate instant.
    const qint64 wall = QDateTime(value.date(), value.time(), Qt::UTC).toMSecsSinceEpoch();
    QList<qint64> instants;
    for (const int offset : offsets) {
        const qint64 candidate = wall - qint64(offset) * 1000;
        const QDateTime back = QDateTime::fromMSecsSinceEpoch(candidate, zone);
        if (back.date() == value.date() && back.time() == value.time() && !instants.contains(candidate))
            instants.append(candidate);
    }
    return instants.size() > 1;
}

} // namespace Fhir
