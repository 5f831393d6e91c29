#include "httpengine.h"

#include <QHttpServerRequest>
#include <QTcpSocket>

namespace Sandbox {

HttpEngine::HttpEngine(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
}

bool HttpEngine::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_handler(request, socket);
    return true;
}

void HttpEngine::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() takes every request; kept for the interface.
    m_handler(request, socket);
}

} // namespace Sandbox
