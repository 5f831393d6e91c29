#include "loopbackreceiver.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

#include "authlog.h"

namespace Auth {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::LoopbackReceiver)
};

constexpr qsizetype MaxRequestBytes = 16 * 1024;
constexpr int ConnectionTimeoutMs = 10000;
const char *const RequestBuffer = "superbillRequest";

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    default:
        return "Error";
    }
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(Common::makeError(QStringLiteral("timeout"),
                                 Text::tr("The sign-in was not finished within %1 minutes; sign in again.")
                                     .arg(m_timeout.interval() / 60000.0)));
    });
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onConnection);
}

LoopbackReceiver::~LoopbackReceiver() = default;

Common::Status LoopbackReceiver::listen(quint16 port)
{
    // 127.0.0.1 only: a listener on every interface would let the network hand this app a code.
    if (!m_server->listen(QHostAddress(QHostAddress::LocalHost), port))
        return Common::makeError(QStringLiteral("listen"),
                                 Text::tr("Cannot listen for the sign-in's answer on 127.0.0.1 port %1: %2")
                                     .arg(port)
                                     .arg(m_server->errorString()));
    return {};
}

QUrl LoopbackReceiver::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    url.setPath(QStringLiteral("/"));
    return url;
}

bool LoopbackReceiver::isListening() const
{
    return m_server->isListening();
}

void LoopbackReceiver::waitForCode(const QByteArray &state, std::chrono::milliseconds timeout, Done done)
{
    m_state = state;
    m_done = std::move(done);
    m_timeout.start(timeout);
}

void LoopbackReceiver::close()
{
    m_timeout.stop();
    m_server->close();
}

void LoopbackReceiver::onConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        // Not the server's child: the page must still reach the browser after the listener is gone.
        socket->setParent(nullptr);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(ConnectionTimeoutMs, socket, [socket] { socket->abort(); });
    }
}

void LoopbackReceiver::onReadyRead(QTcpSocket *socket)
{
    QByteArray request = socket->property(RequestBuffer).toByteArray() + socket->readAll();
    socket->setProperty(RequestBuffer, request);
    if (request.size() > MaxRequestBytes) {
        answer(socket, 400, Text::tr("Superbill Desk"), Text::tr("The request is too large."));
        return;
    }
    if (!request.contains("\r\n\r\n"))
        return;
    const QList<QByteArray> requestLine = request.left(request.indexOf("\r\n")).split(' ');
    const QUrl target = QUrl::fromEncoded(requestLine.value(1));
    if (requestLine.value(0) != "GET" || target.path() != redirectUri().path() || !m_done) {
        answer(socket, 404, Text::tr("Superbill Desk"), Text::tr("Nothing here."));
        return;
    }
    const QUrlQuery query(target);
    const auto value = [&query](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    if (value("state").toLatin1() != m_state) {
        // Not the answer to this sign-in: another page or program sent it. Nothing it says is used.
        qCWarning(lcAuth) << "a redirect with a wrong state reached the sign-in listener; refused";
        answer(
            socket, 400, Text::tr("Sign-in refused"),
            Text::tr("This answer does not belong to the sign-in Superbill Desk started, so it was not used. "
                     "Go back to Superbill Desk and sign in again."));
        finish(Common::makeError(
            QStringLiteral("state-mismatch"),
            Text::tr("The sign-in's answer did not carry the state this sign-in sent, so it "
                     "was refused; sign in again.")));
        return;
    }
    if (const QString error = value("error"); !error.isEmpty()) {
        const QString description = value("error_description");
        answer(socket, 200, Text::tr("Not signed in"),
               Text::tr(
                   "The EHR did not sign you in. You can close this window and go back to Superbill Desk."));
        finish(Common::makeError(
            error, description.isEmpty()
                       ? Text::tr("The EHR refused the sign-in: %1").arg(error)
                       : Text::tr("The EHR refused the sign-in (%1): %2").arg(error, description)));
        return;
    }
    answer(socket, 200, Text::tr("Signed in"),
           Text::tr("You are signed in to Superbill Desk. You can close this window."));
    const QString code = value("code");
    finish(code.isEmpty()
               ? Common::Result<QString>(Common::makeError(QStringLiteral("invalid_request"),
                                                           Text::tr("The EHR's answer carries no code.")))
               : Common::Result<QString>(code));
}

void LoopbackReceiver::answer(QTcpSocket *socket, int status, const QString &title, const QString &text)
{
    const QByteArray body =
        (QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>") +
         title.toHtmlEscaped() +
         QStringLiteral("</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>") +
         title.toHtmlEscaped() + QStringLiteral("</h1><p>") + text.toHtmlEscaped() +
         QStringLiteral("</p></body></html>"))
            .toUtf8();
    socket->setProperty(RequestBuffer, QVariant());
    socket->write(
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) +
        "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: " +
        QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

void LoopbackReceiver::finish(const Common::Result<QString> &code)
{
    close();
    if (!m_done)
        return;
    const Done done = std::exchange(m_done, {});
    done(code);
}

} // namespace Auth
