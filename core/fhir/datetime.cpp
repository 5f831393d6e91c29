#include "datetime.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

namespace Fhir {

namespace {
// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Fhir::DateTime)
};
} // namespace

Common::Result<QDateTime> parseDateTime(const QString &text)
{
    const auto invalid = [](const QString &why) {
        return Common::makeError(QStringLiteral("invalid-date-time"), why);
    };
    // anchoredPattern: "$" alone would also accept a final newline.
    static const QRegularExpression fullDateTime(QRegularExpression::anchoredPattern(QStringLiteral(
        R"((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?)")));
    static const QRegularExpression partialDate(
        QRegularExpression::anchoredPattern(QStringLiteral(R"(\d{4}(-\d{2}(-\d{2})?)?)")));

    if (text.isEmpty())
        return invalid(Text::tr("is empty"));
    const auto match = fullDateTime.match(text);
    if (!match.hasMatch()) {
        if (partialDate.match(text).hasMatch())
            return invalid(Text::tr("\"%1\" is only a date; a full date-time with a timezone offset is "
                                    "needed, e.g. 2026-03-14T10:00:00-05:00")
                               .arg(text));
        return invalid(Text::tr("\"%1\" is not a date-time like 2026-03-14T10:00:00-05:00").arg(text));
    }
    const auto number = [&match](int group) { return match.capturedView(group).toInt(); };
    const QDate date(number(1), number(2), number(3));
    if (!date.isValid())
        return invalid(Text::tr("\"%1\" has no such calendar date").arg(text));
    int millis = 0;
    if (match.capturedLength(7) > 0)
        millis = match.captured(7).left(3).leftJustified(3, u'0').toInt();
    // FHIR allows a leap second; QTime cannot hold one, and rounding it would move the time.
    if (number(6) == 60)
        return invalid(
            Text::tr("\"%1\" is a leap second (:60), which cannot be recorded; give :59 instead").arg(text));
    const QTime time(number(4), number(5), number(6), millis);
    if (!time.isValid())
        return invalid(Text::tr("\"%1\" has no such time of day").arg(text));

    const auto zone = match.capturedView(8);
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

QString formatDateTime(const QDateTime &value)
{
    if (!value.isValid())
        return {};
    const QString format = value.time().msec() != 0 ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")
                                                    : QStringLiteral("yyyy-MM-ddTHH:mm:ss");
    const QString local = value.toString(format);
    if (value.timeSpec() == Qt::UTC)
        return local + u'Z';
    if (value.timeSpec() == Qt::LocalTime)
        return local;
    const int offset = value.offsetFromUtc();
    // A FHIR offset has no seconds (local mean time of old dates has them): the instant goes out in UTC.
    if (offset % 60 != 0)
        return formatDateTime(value.toUTC());
    const int absolute = std::abs(offset);
    return local + (offset < 0 ? u'-' : u'+') +
           QStringLiteral("%1:%2")
               .arg(absolute / 3600, 2, 10, QLatin1Char('0'))
               .arg((absolute % 3600) / 60, 2, 10, QLatin1Char('0'));
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
    // The wall-clock reading as if it were UTC; each offset in force around it gives a candidate instant.
    const qint64 wall = QDateTime(value.date(), value.time(), Qt::UTC).toMSecsSinceEpoch();
    constexpr qint64 Day = 24 * 3600 * 1000;
    QList<qint64> instants;
    for (const qint64 around : {-Day, qint64(0), Day}) {
        const int offset =
            zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(value.toMSecsSinceEpoch() + around, Qt::UTC));
        const qint64 candidate = wall - qint64(offset) * 1000;
        const QDateTime back = QDateTime::fromMSecsSinceEpoch(candidate, zone);
        if (back.date() == value.date() && back.time() == value.time() && !instants.contains(candidate))
            instants.append(candidate);
    }
    return instants.size() > 1;
}

} // namespace Fhir
