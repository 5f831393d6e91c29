#pragma once

#include <functional>

#include <QAbstractHttpServer>

namespace Sandbox {

/**
 * The transport under the training EHR: QAbstractHttpServer hands over each
 * parsed request together with its socket, which fault injection needs (to
 * close a connection unanswered, or to leave it hanging) and which lets
 * answers be written later (latency) after the request object is gone.
 */
class HttpEngine : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(const QHttpServerRequest &, QTcpSocket *)>;

    explicit HttpEngine(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace Sandbox
