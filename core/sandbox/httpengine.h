#pragma once

#include <functional>

#include <QHostAddress>
#include <QObject>
#include <QPointer>

#include "common/result.h"
#include "httpmessage.h"
#include "server.h"

class QTcpServer;

namespace Sandbox {

class HttpConnection;

/// What the transport asks of the server it carries.
struct HttpHooks
{
    /// Decides on a request from its head alone, before any byte of its body is read: tokens, open paths,
    /// the URL. One call per request; a refusal is sent and the connection closed.
    std::function<Admission(const RequestHead &head)> admit;
    /// A complete, admitted request; answered through HttpConnection::respond(), now or later.
    std::function<void(HttpConnection *connection, const RequestHead &head, const QByteArray &body)> handle;
    /// Every answer the transport gives by itself: to a malformed, oversized, refused or timed-out request.
    std::function<void(const RequestHead &head, const HttpResponse &answer)> refused;
};

/**
 * The HTTP/1.1 transport under the training EHR, on QTcpServer. It reads a
 * request's header section, asks HttpHooks::admit, and only then reads the
 * body, so a client without a token or with an oversized body costs a few
 * kilobytes. Connections are capped, slow and idle clients are closed, and a
 * client that does not read its answers is not read from either.
 *
 * Qt's QHttpServer (6.4) reads every body whole before a handler sees the
 * request, which is why this transport is our own.
 */
class HttpEngine : public QObject
{
    Q_OBJECT
public:
    /// Longest request-target (path and query) accepted; longer ones get 414.
    static constexpr qsizetype MaxTargetBytes = 8 * 1024;
    /// All header fields of a request together, and how many there may be; more gets 400.
    static constexpr qsizetype MaxHeaderBytes = 32 * 1024;
    static constexpr int MaxHeaderFields = 100;
    /// Answers waiting to be written to one client before its next request is read.
    static constexpr qint64 MaxUnsentAnswerBytes = 1024 * 1024;
    /// Connections the kernel holds for the server beyond those it serves.
    static constexpr int ListenBacklog = 256;

    HttpEngine(const ConnectionLimits &limits, qint64 maxBodyBytes, HttpHooks hooks,
               QObject *parent = nullptr);
    ~HttpEngine() override;

    /// Listens; the port, or why not.
    Common::Result<quint16> listen(const QHostAddress &host, quint16 port);
    /// Stops listening and closes every connection at once.
    void close();
    bool isListening() const;

private:
    void acceptWaiting();

    ConnectionLimits m_limits;
    qint64 m_maxBodyBytes;
    HttpHooks m_hooks;
    QPointer<QTcpServer> m_server;
    int m_connectionCount = 0;
};

} // namespace Sandbox
