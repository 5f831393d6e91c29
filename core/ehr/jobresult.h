#pragma once

#include <chrono>
#include <optional>

#include <QByteArray>
#include <QNetworkReply>
#include <QString>

namespace Ehr {

/**
 * How one HTTP exchange with the EHR ended, before anyone interprets it:
 * whether an answer came (and which), or why none did. NetworkJob produces
 * one per request; SubmitResult and the readers turn it into meaning.
 */
struct JobResult
{
    enum class Transport
    {
        Answered,     ///< an HTTP status came back (any status)
        NetworkError, ///< connection refused, reset, closed before the answer, ...
        Timeout,      ///< no progress for the transfer timeout
        TlsError,     ///< certificate or handshake failure; never ignored
        Blocked,      ///< this client would not send (insecure URL, no EHR configured, unsafe redirect)
        Cancelled,    ///< aborted by the caller
        SignedOut,    ///< no access token (not signed in, sign-in refused); nothing was sent
    };

    Transport transport = Transport::NetworkError;
    int httpStatus = 0; ///< 0 unless Answered
    QByteArray body;
    QByteArray location; ///< the Location header, if any
    std::optional<std::chrono::seconds> retryAfter;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString; ///< for a person; never contains the token

    bool answered() const { return transport == Transport::Answered; }
    /// True when the request may have reached the EHR although no answer came back
    /// (timeout, connection closed or reset mid-exchange): the outcome is unknown.
    bool outcomeUnknown() const;
};

/// Reads a Retry-After value: delta-seconds or an HTTP-date (relative to nowUtc; a past date is 0).
/// More than a day is read as a day.
std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &nowUtc);

} // namespace Ehr
