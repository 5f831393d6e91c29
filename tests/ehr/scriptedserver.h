#pragma once

#include <functional>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QQueue>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

/// A canned answer of ScriptedServer.
struct ScriptedResponse
{
    enum class Action
    {
        Answer,
        Close,
        Hang,
        Drip
    };
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    Action action = Action::Answer;

    static ScriptedResponse json(int status, const QByteArray &body,
                                 QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        return {status, body, std::move(headers), Action::Answer};
    }
    static ScriptedResponse close() { return {0, {}, {}, Action::Close}; }
    static ScriptedResponse hang() { return {0, {}, {}, Action::Hang}; }
    /// The answer in `chunks` pieces, one every `intervalMs`.
    static ScriptedResponse drip(int status, const QByteArray &body, int chunks, int intervalMs)
    {
        ScriptedResponse response{status, body, {}, Action::Drip};
        response.chunks = chunks;
        response.intervalMs = intervalMs;
        return response;
    }
    int chunks = 1;
    int intervalMs = 0;
};

struct RecordedRequest
{
    QByteArray method;
    QByteArray target;                     ///< path and query as sent
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
};

/**
 * A tiny HTTP/1.1 server on 127.0.0.1 for client tests: answers each request
 * with the next scripted response (or the handler's), records what came in,
 * and can close a connection unanswered or leave it hanging, the faults a
 * real EHR's network produces.
 */
class ScriptedServer : public QTcpServer
{
public:
    ScriptedServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                m_buffers.insert(socket, {});
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_buffers.remove(socket);
                    socket->deleteLater();
                });
            }
        });
    }

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/fhir").arg(serverPort())); }

    void enqueue(const ScriptedResponse &response) { m_script.enqueue(response); }
    std::function<ScriptedResponse(const RecordedRequest &)> handler;
    QList<RecordedRequest> requests;

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            RecordedRequest request;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            request.method = requestLine.value(0);
            request.target = requestLine.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                           lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer.size() < headerEnd + 4 + length)
                return;
            request.body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);
            requests.append(request);
            const ScriptedResponse response = !m_script.isEmpty() ? m_script.dequeue()
                                              : handler           ? handler(request)
                                                                  : ScriptedResponse::json(404, {});
            switch (response.action) {
            case ScriptedResponse::Action::Close:
                socket->disconnectFromHost();
                return;
            case ScriptedResponse::Action::Hang:
                return;
            case ScriptedResponse::Action::Answer:
            case ScriptedResponse::Action::Drip:
                break;
            }
            QByteArray reply = "HTTP/1.1 " + QByteArray::number(response.status) + " Scripted\r\n";
            reply += "Content-Type: application/fhir+json\r\n";
            reply += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
            for (const auto &[name, value] : response.headers)
                reply += name + ": " + value + "\r\n";
            reply += "\r\n" + response.body;
            if (response.action == ScriptedResponse::Action::Drip) {
                drip(socket, reply, response.chunks, response.intervalMs);
                continue;
            }
            socket->write(reply);
        }
    }

    void drip(QTcpSocket *socket, const QByteArray &reply, int chunks, int intervalMs)
    {
        const qsizetype size = (reply.size() + chunks - 1) / chunks;
        for (int i = 0; i < chunks; ++i) {
            QTimer::singleShot(intervalMs * i, socket, [socket, piece = reply.mid(i * size, size)] {
                socket->write(piece);
                socket->flush();
            });
        }
    }

    QQueue<ScriptedResponse> m_script;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
