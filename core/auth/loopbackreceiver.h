#pragma once

#include <chrono>
#include <functional>

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include "common/result.h"

class QTcpServer;
class QTcpSocket;

namespace Auth {

/**
 * The desktop app's redirect listener (RFC 8252 §7.3): an HTTP listener on
 * 127.0.0.1 only (never another interface), on a free port or a fixed one,
 * that accepts one redirect to its path. With the right state the browser is
 * told it can close the page and the code is handed over; a redirect with any
 * other state is refused and ends the sign-in (it did not come from this
 * sign-in). Either way the listener then closes. Other paths (a browser's
 * favicon request) get 404 and change nothing. Nothing arrives within the
 * timeout (5 minutes): the sign-in ends with a message saying so.
 */
class LoopbackReceiver : public QObject
{
    Q_OBJECT

public:
    /// The code, or why there is none (error code "state-mismatch", "timeout", or the EHR's OAuth error).
    using Done = std::function<void(const Common::Result<QString> &code)>;

    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    /// Listens on 127.0.0.1:port (0: any free port).
    Common::Status listen(quint16 port);
    /// http://127.0.0.1:PORT/
    QUrl redirectUri() const;
    /// Waits for the redirect that carries `state`; done is called once.
    void waitForCode(const QByteArray &state, std::chrono::milliseconds timeout, Done done);
    bool isListening() const;
    void close();

private:
    void onConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, int status, const QString &title, const QString &text);
    void finish(const Common::Result<QString> &code);

    QTcpServer *m_server;
    QByteArray m_state;
    Done m_done;
    QTimer m_timeout;
};

} // namespace Auth
