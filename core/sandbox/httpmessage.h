#pragma once

#include <optional>
#include <utility>

#include <QByteArray>
#include <QList>
#include <QString>

namespace Sandbox {

/// One request as the FHIR layer sees it, independent of the HTTP server library.
struct HttpRequest
{
    QByteArray method; ///< "GET", "POST", ...
    QString path;      ///< below the base path, without leading slash: "Patient/Patient-265"
    QList<std::pair<QString, QString>> query; ///< decoded name/value pairs, in order
    QByteArray contentType;
    QByteArray ifNoneExist;
    QByteArray body;

    QString queryValue(const QString &name) const;
    QStringList queryValues(const QString &name) const;
};

/// One answer: status, extra headers, body, and the EHR code it carries (for the request log).
struct HttpResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType = "application/fhir+json";
    QString ehrCode;
    QString storedId;      ///< a Procedure stored by this request
    bool headOnly = false; ///< answer to HEAD: the headers of the GET answer, no body

    void addHeader(const QByteArray &name, const QByteArray &value) { headers.emplaceBack(name, value); }

    /// The raw HTTP/1.1 message; closeAfter adds "Connection: close".
    QByteArray serialize(bool closeAfter) const;
    static QByteArray reasonPhrase(int status);
};

/**
 * A request as the transport has it once its header section is in, before
 * any byte of its body: enough to check the caller and the declared size.
 */
struct RequestHead
{
    QByteArray method;  ///< "GET", "POST", ... as sent
    QByteArray target;  ///< the request-target as sent: "/mps/fhir/R4/V1/Patient?name=a"
    QByteArray version; ///< "HTTP/1.1" or "HTTP/1.0"
    QString path;       ///< decoded: "/mps/fhir/R4/V1/Patient"
    QList<std::pair<QString, QString>> query;         ///< decoded name/value pairs, in order
    QList<std::pair<QByteArray, QByteArray>> headers; ///< in order, names as sent
    qint64 contentLength = 0;
    bool keepAlive = true; ///< the client wants the connection kept after the answer

    /// The value of the first field of that name (case-insensitive), or empty.
    QByteArray header(const QByteArray &name) const;
};

/**
 * The verdict on a request from its head alone: admitted, or the answer to
 * send instead (401, 403, 404 ...). A refused request's body is never read,
 * and its connection is closed after the answer.
 */
struct Admission
{
    std::optional<HttpResponse> refusal;

    static Admission allow() { return {}; }
    static Admission refuse(HttpResponse answer) { return {std::move(answer)}; }
    bool allowed() const { return !refusal; }
};

} // namespace Sandbox
