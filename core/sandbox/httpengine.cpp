#include "httpengine.h"

#include <QTcpServer>
#include <QTcpSocket>

#include "httpconnection.h"

namespace Sandbox {

namespace {

/**
 * Bounds each socket's read buffer from the moment it is accepted, so that a
 * client waiting for a free slot, or one that is not being read, cannot make
 * Qt buffer whatever it sends.
 */
class BoundedTcpServer : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setReadBufferSize(HttpConnection::SocketReadBufferBytes);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        addPendingConnection(socket);
    }
};

} // namespace

HttpEngine::HttpEngine(const ConnectionLimits &limits, qint64 maxBodyBytes, HttpHooks hooks, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_maxBodyBytes(maxBodyBytes)
    , m_hooks(std::move(hooks))
{
}

HttpEngine::~HttpEngine()
{
    close();
}

Common::Result<quint16> HttpEngine::listen(const QHostAddress &host, quint16 port)
{
    auto *server = new BoundedTcpServer(this);
    // One accepted connection may wait for a free slot; while it waits, QTcpServer accepts no more and the
    // rest wait in the kernel's backlog, which is made deep enough that a burst of clients waits there
    // instead of being reset.
    server->setMaxPendingConnections(1);
    server->setListenBacklogSize(ListenBacklog);
    if (!server->listen(host, port)) {
        const QString reason = server->errorString();
        delete server;
        return Common::makeError(
            QStringLiteral("listen"),
            tr("cannot listen on %1 port %2: %3").arg(host.toString()).arg(port).arg(reason));
    }
    connect(server, &QTcpServer::newConnection, this, &HttpEngine::acceptWaiting);
    m_server = server;
    return server->serverPort();
}

void HttpEngine::close()
{
    delete m_server;
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    for (HttpConnection *connection : connections)
        delete connection;
    m_connectionCount = 0;
}

bool HttpEngine::isListening() const
{
    return m_server && m_server->isListening();
}

void HttpEngine::acceptWaiting()
{
    while (m_server && m_connectionCount < m_limits.maxConnections && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        ++m_connectionCount;
        auto *connection = new HttpConnection(socket, m_limits, m_maxBodyBytes, m_hooks, this);
        connect(connection, &HttpConnection::closed, this, [this]() {
            --m_connectionCount;
            acceptWaiting();
        });
    }
    // Taking the waiting connection lets QTcpServer accept again.
    if (m_server && m_connectionCount < m_limits.maxConnections)
        m_server->resumeAccepting();
}

} // namespace Sandbox
