#pragma once

#include <memory>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include "sandbox/server.h"

/// The answer to one request, read completely, or why there was none.
struct SandboxReply
{
    int status = 0; ///< 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool timedOut = false;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    /// The EHR codes of every issue of an OperationOutcome body.
    QStringList ehrCodes() const
    {
        QStringList codes;
        for (const auto &issue : json().value(QStringLiteral("issue")).toArray()) {
            for (const auto &coding : issue.toObject()
                                          .value(QStringLiteral("details"))
                                          .toObject()
                                          .value(QStringLiteral("coding"))
                                          .toArray())
                codes.append(coding.toObject().value(QStringLiteral("code")).toString());
        }
        return codes;
    }
    QString resourceType() const { return json().value(QStringLiteral("resourceType")).toString(); }
};

/**
 * A synchronous HTTP client over QNetworkAccessManager for tests: every call
 * waits on a local event loop with a time limit, so a hung server fails the
 * test instead of blocking it.
 */
class SandboxTestClient
{
public:
    explicit SandboxTestClient(QUrl baseUrl, QString token = QStringLiteral("test-token"))
        : m_baseUrl(std::move(baseUrl))
        , m_token(std::move(token))
    {
    }

    void setToken(const QString &token) { m_token = token; }
    QNetworkAccessManager &manager() { return m_manager; }

    QUrl url(const QString &relative) const { return QUrl(m_baseUrl.toString() + u'/' + relative); }

    QNetworkRequest request(const QUrl &url, const QByteArray &contentType = "application/fhir+json") const
    {
        QNetworkRequest request(url);
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        return request;
    }

    SandboxReply get(const QString &relative, int timeoutMs = 10000)
    {
        return send("GET", request(url(relative), {}), {}, timeoutMs);
    }
    SandboxReply getUrl(const QUrl &absolute, int timeoutMs = 10000)
    {
        return send("GET", request(absolute, {}), {}, timeoutMs);
    }

    SandboxReply post(const QString &relative, const QByteArray &body, const QByteArray &ifNoneExist = {},
                      int timeoutMs = 10000, const QByteArray &contentType = "application/fhir+json")
    {
        QNetworkRequest req = request(url(relative), contentType);
        if (!ifNoneExist.isEmpty())
            req.setRawHeader("If-None-Exist", ifNoneExist);
        return send("POST", req, body, timeoutMs);
    }

    SandboxReply send(const QByteArray &verb, const QNetworkRequest &request, const QByteArray &body,
                      int timeoutMs)
    {
        // QNAM knows a HEAD answer has no body only through head().
        QNetworkReply *reply =
            verb == "HEAD" ? m_manager.head(request) : m_manager.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
        SandboxReply result;
        if (!reply->isFinished()) {
            result.timedOut = true;
            reply->abort();
        } else {
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            result.error = reply->error();
            result.body = reply->readAll();
            result.headers = reply->rawHeaderPairs();
        }
        delete reply;
        return result;
    }

private:
    QUrl m_baseUrl;
    QString m_token;
    QNetworkAccessManager m_manager;
};

/// tests/data/procedure/vendor-example.json, the vendor's own example.
inline QByteArray vendorExample()
{
    QFile file(QStringLiteral(SUPERBILL_TEST_DATA "/procedure/vendor-example.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline QJsonObject vendorExampleJson()
{
    return QJsonDocument::fromJson(vendorExample()).object();
}

inline QByteArray toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// A server on 127.0.0.1, a free port, in memory, with the built-in demo data.
inline Sandbox::ServerOptions testServerOptions()
{
    Sandbox::ServerOptions options;
    options.token = QStringLiteral("test-token");
    options.logRequests = false;
    return options;
}

/// Everything the server sends until it closes the connection, answers completely, or timeoutMs pass.
/// The server runs on this thread, so the wait keeps the event loop turning.
inline QByteArray readAnswer(QTcpSocket &socket, int timeoutMs, QByteArray answer = {})
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QTest::qWait(20);
        answer += socket.readAll();
        const qsizetype headerEnd = answer.indexOf("\r\n\r\n");
        const qsizetype lengthAt = answer.indexOf("Content-Length: ");
        if (headerEnd > 0 && lengthAt > 0 && lengthAt < headerEnd) {
            const qsizetype length =
                answer.mid(lengthAt + 16, answer.indexOf("\r\n", lengthAt) - lengthAt - 16).toLongLong();
            if (answer.size() >= headerEnd + 4 + length)
                break;
        }
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    return answer;
}
