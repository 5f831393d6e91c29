#include "jobresult.h"

#include <algorithm>

#include <QDateTime>
#include <QLocale>

namespace Ehr {

bool JobResult::outcomeUnknown() const
{
    switch (transport) {
    case Transport::Timeout:
        return true;
    case Transport::NetworkError:
        // These fail before a byte of the request leaves this computer.
        switch (networkError) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
        case QNetworkReply::ProxyConnectionRefusedError:
        case QNetworkReply::ProxyNotFoundError:
        case QNetworkReply::ProxyAuthenticationRequiredError:
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::BackgroundRequestNotAllowedError:
        case QNetworkReply::ProtocolUnknownError:
            return false;
        default:
            return true;
        }
    case Transport::Answered:
    case Transport::TlsError:
    case Transport::Blocked:
    case Transport::Cancelled:
    case Transport::SignedOut:
        break;
    }
    return false;
}

std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    // Longer waits are read as a day: no EHR means that, and milliseconds of it must not overflow.
    constexpr qint64 MaxSeconds = 24 * 60 * 60;
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    // delta-seconds: digits only (RFC 9110, section 10.2.3), of any length.
    if (std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        bool fits = false;
        const qlonglong seconds = trimmed.toLongLong(&fits);
        return std::chrono::seconds(fits ? std::min<qint64>(seconds, MaxSeconds) : MaxSeconds);
    }
    // HTTP-date in any of its three forms: "Sun, 06 Nov 1994 08:49:37 GMT" (and asctime's
    // "Sun Nov  6 08:49:37 1994") as RFC 2822, or the obsolete "Sunday, 06-Nov-94 08:49:37 GMT".
    const QString text = QString::fromLatin1(trimmed);
    QDateTime when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid()) {
        when = QLocale::c().toDateTime(QString(text).remove(QStringLiteral(" GMT")),
                                       QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        when.setTimeSpec(Qt::UTC);
    }
    if (!when.isValid() && text.endsWith(QStringLiteral(" GMT")) && text.contains(u',')) {
        // The weekday is left out: Qt reads "yy" as 19yy, where it would not match.
        const QString dateTime = text.mid(text.indexOf(u',') + 1).chopped(4).trimmed();
        when = QLocale::c().toDateTime(dateTime, QStringLiteral("dd-MMM-yy HH:mm:ss"));
        if (when.isValid()) {
            // RFC 9110: a two-digit year more than 50 years ahead is in the past century.
            int year = 2000 + when.date().year() % 100;
            if (year > nowUtc.date().year() + 50)
                year -= 100;
            when = QDateTime(QDate(year, when.date().month(), when.date().day()), when.time(), Qt::UTC);
        }
    }
    if (!when.isValid())
        return std::nullopt;
    return std::chrono::seconds(std::clamp<qint64>(nowUtc.secsTo(when), 0, MaxSeconds));
}

} // namespace Ehr
