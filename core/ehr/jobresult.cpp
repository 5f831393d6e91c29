#include "jobresult.h"

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
        break;
    }
    return false;
}

std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt : std::optional(std::chrono::seconds(seconds));
    // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT" (RFC 9110 IMF-fixdate).
    QDateTime when = QDateTime::fromString(QString::fromLatin1(trimmed), Qt::RFC2822Date);
    if (!when.isValid()) {
        when = QLocale::c().toDateTime(QString::fromLatin1(trimmed).remove(QStringLiteral(" GMT")),
                                       QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        when.setTimeSpec(Qt::UTC);
    }
    if (!when.isValid())
        return std::nullopt;
    return std::chrono::seconds(std::max<qint64>(0, nowUtc.secsTo(when)));
}

} // namespace Ehr
