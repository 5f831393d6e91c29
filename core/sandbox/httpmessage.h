#pragma once

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

} // namespace Sandbox
