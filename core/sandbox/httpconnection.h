#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include "httpengine.h"
#include "httpmessage.h"

class QTcpSocket;

namespace Sandbox {

/**
 * One client connection of the HttpEngine: reads one request at a time (the
 * header section, the admission, then the body), hands it to the server and
 * reads the next only once it is answered. Refusals are answered and the
 * connection closed; what the client still sends meanwhile is read and
 * thrown away, so that it sees the answer instead of a reset.
 */
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    /// How much Qt buffers from one socket before it stops reading from the kernel.
    static constexpr qint64 SocketReadBufferBytes = 64 * 1024;

    HttpConnection(QTcpSocket *socket, const ConnectionLimits &limits, qint64 maxBodyBytes,
                   const HttpHooks &hooks, QObject *parent);
    ~HttpConnection() override;

    /// Sends the answer to the request being handled, then reads the next one (or closes, when the client
    /// asked for that).
    void respond(const HttpResponse &response);
    /// Closes at once, without an answer.
    void abort();

Q_SIGNALS:
    /// The connection is gone; the object deletes itself.
    void closed();

private:
    /// Gives the connection's slot back (closed()) and deletes it later; once, however it ended.
    void release();

    enum class State
    {
        Head,     ///< reading a request's header section
        Body,     ///< reading an admitted request's body
        Handling, ///< the server has the request; nothing is read
        Closing,  ///< the last answer is being written; input is thrown away
    };
    enum class Wait
    {
        Header, ///< the header section must be complete in time
        Idle,   ///< the client must send (or read) something in time
        Linger, ///< closing: the client may still be sending, and reading the answer
    };

    void pump();
    bool readHead();
    bool readBody();
    std::optional<HttpResponse> parseHead(const QByteArray &section);
    qsizetype headEnd();
    void awaitRequest();
    void refuse(const HttpResponse &answer, qint64 bodyLeft);
    void closeQuietly();
    void discardInput();
    void startWait(Wait wait);
    void onTimeout();
    void onBytesWritten();

    QTcpSocket *m_socket;
    ConnectionLimits m_limits;
    qint64 m_maxBodyBytes;
    const HttpHooks &m_hooks;
    QTimer m_timer;
    Wait m_wait = Wait::Header;
    State m_state = State::Head;
    QByteArray m_input;              ///< received and not yet parsed (the header section, or more)
    qsizetype m_scanned = 0;         ///< how far m_input was searched for the end of the header section
    bool m_requestStarted = true;    ///< some byte of the current request arrived (or it is the first)
    bool m_waitingForReader = false; ///< too many answers unread: the next request is not read
    RequestHead m_head;
    QByteArray m_body;
    qint64 m_discardLeft = -1; ///< Closing: body bytes the client still sends; -1: unknown
    qint64 m_discarded = 0;
    QDeadlineTimer m_lingerDeadline;
    bool m_pumping = false;
    bool m_released = false; ///< closed() was emitted: the engine's slot is free again
};

} // namespace Sandbox
