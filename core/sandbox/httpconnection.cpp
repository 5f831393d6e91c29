#include "httpconnection.h"

#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

#include "fhirapi.h"

namespace Sandbox {

namespace {

constexpr qsizetype MaxRequestLineBytes = HttpEngine::MaxTargetBytes + 64;
constexpr qsizetype MaxHeadBytes = MaxRequestLineBytes + HttpEngine::MaxHeaderBytes;
// After a refusal: how long, and how much, the rest of the client's request is read and thrown away. The
// connection closes earlier once the answer is out and the client has been quiet for LingerQuietMs.
constexpr int LingerMs = 2000;
constexpr int LingerQuietMs = 250;
constexpr qint64 MaxDiscardBytes = 8 * 1024 * 1024;
// Longest decimal Content-Length read: far above any limit, far below overflow.
constexpr qsizetype MaxLengthDigits = 15;

HttpResponse badRequest(const QString &text, int status = 400)
{
    return FhirApi::outcome(status, status == 413 ? QStringLiteral("too-long") : QStringLiteral("invalid"),
                            {}, text);
}

/// RFC 9110 token characters: methods and field names.
bool isToken(const QByteArray &text)
{
    static const QByteArray punctuation = "!#$%&'*+-.^_`|~";
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alphanumeric && !punctuation.contains(c))
            return false;
    }
    return true;
}

/// Visible ASCII only: a request-target has no spaces or control characters.
bool isVisibleAscii(const QByteArray &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](char c) { return c > 0x20 && c < 0x7f; });
}

/// A field value may hold tabs but no other control character (CR, LF and NUL would split or cut it).
bool isFieldValue(const QByteArray &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte == '\t' || (byte >= 0x20 && byte != 0x7f);
    });
}

bool hasToken(const QByteArray &list, const QByteArray &token)
{
    const QList<QByteArray> items = list.split(',');
    return std::any_of(items.cbegin(), items.cend(), [&token](const QByteArray &item) {
        return item.trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const ConnectionLimits &limits, qint64 maxBodyBytes,
                               const HttpHooks &hooks, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_maxBodyBytes(maxBodyBytes)
    , m_hooks(hooks)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(SocketReadBufferBytes);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::pump);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::release);
    // A client that gave up while waiting to be accepted: its connection arrives already reset, and a
    // reset socket never says it disconnected.
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this]() {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            release();
    });
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        QMetaObject::invokeMethod(this, &HttpConnection::release, Qt::QueuedConnection);
    // "Not sent its headers within the header timeout" counts from the connection on.
    startWait(Wait::Header);
    pump();
}

HttpConnection::~HttpConnection()
{
    m_socket->disconnect(this);
    m_socket->abort();
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (m_state != State::Handling)
        return;
    const bool close = !m_head.keepAlive;
    m_socket->write(response.serialize(close));
    if (close) {
        m_state = State::Closing;
        m_discardLeft = 0;
        startWait(Wait::Linger);
        m_socket->disconnectFromHost();
        return;
    }
    awaitRequest();
    pump();
}

void HttpConnection::abort()
{
    m_socket->abort();
    release();
}

void HttpConnection::release()
{
    if (m_released)
        return;
    m_released = true;
    m_timer.stop();
    Q_EMIT closed();
    deleteLater();
}

void HttpConnection::pump()
{
    // respond() from inside the handler lands here again; the running loop goes on with the next request.
    if (m_pumping)
        return;
    m_pumping = true;
    bool progress = true;
    while (progress) {
        switch (m_state) {
        case State::Head:
            progress = readHead();
            break;
        case State::Body:
            progress = readBody();
            break;
        case State::Closing:
            discardInput();
            progress = false;
            break;
        case State::Handling:
            progress = false;
            break;
        }
    }
    m_pumping = false;
}

void HttpConnection::awaitRequest()
{
    m_state = State::Head;
    m_head = {};
    m_scanned = 0;
    m_requestStarted = !m_input.isEmpty() || m_socket->bytesAvailable() > 0;
    startWait(m_requestStarted ? Wait::Header : Wait::Idle);
}

bool HttpConnection::readHead()
{
    // Pipelined requests wait while the client leaves its answers unread: what it sends stays in the
    // kernel, and the answers to write stay bounded.
    if (m_socket->bytesToWrite() > HttpEngine::MaxUnsentAnswerBytes) {
        if (!m_waitingForReader) {
            m_waitingForReader = true;
            startWait(Wait::Idle);
        }
        return false;
    }
    // Empty lines before a request line are allowed (RFC 9112, 2.2).
    while (m_input.startsWith('\n') || m_input.startsWith("\r\n")) {
        m_input.remove(0, m_input.startsWith('\n') ? 1 : 2);
        m_scanned = 0;
    }

    const qsizetype end = headEnd();
    if (end < 0) {
        if (!m_input.contains('\n') && m_input.size() > MaxRequestLineBytes) {
            refuse(badRequest(tr("The request line is longer than %1 bytes; a URL may have at most %2.")
                                  .arg(MaxRequestLineBytes)
                                  .arg(HttpEngine::MaxTargetBytes),
                              414),
                   -1);
            return false;
        }
        if (m_input.size() > MaxHeadBytes) {
            refuse(badRequest(tr("The request's header section is longer than %1 bytes.").arg(MaxHeadBytes)),
                   -1);
            return false;
        }
        const QByteArray more = m_socket->read(MaxHeadBytes + 1 - m_input.size());
        if (more.isEmpty())
            return false;
        m_input += more;
        if (!m_requestStarted) {
            m_requestStarted = true;
            startWait(Wait::Header);
        }
        return true;
    }

    const QByteArray section = m_input.left(end);
    m_input.remove(0, end);
    m_scanned = 0;
    if (const auto refusal = parseHead(section)) {
        // Where this request's body ends is not known: read on until the client stops or time is up.
        refuse(*refusal, -1);
        return false;
    }
    if (m_head.contentLength > m_maxBodyBytes) {
        refuse(badRequest(tr("The request body is %1 bytes; the limit is %2.")
                              .arg(m_head.contentLength)
                              .arg(m_maxBodyBytes),
                          413),
               m_head.contentLength);
        return false;
    }
    const Admission admission = m_hooks.admit(m_head);
    if (!admission.allowed()) {
        refuse(*admission.refusal, m_head.contentLength);
        return false;
    }
    if (m_head.contentLength > 0 && m_head.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_state = State::Body;
    m_body.clear();
    startWait(Wait::Idle);
    return true;
}

qsizetype HttpConnection::headEnd()
{
    // Only the bytes added since the last look are searched, so a header section sent a byte at a time
    // costs linear time. A blank line ends it: "\n\n" or "\n\r\n".
    for (qsizetype i = std::max<qsizetype>(m_scanned, 1); i < m_input.size(); ++i) {
        if (m_input.at(i) != '\n')
            continue;
        if (m_input.at(i - 1) == '\n' || (i >= 2 && m_input.at(i - 1) == '\r' && m_input.at(i - 2) == '\n'))
            return i + 1;
    }
    m_scanned = m_input.size();
    return -1;
}

std::optional<HttpResponse> HttpConnection::parseHead(const QByteArray &section)
{
    QList<QByteArray> lines = section.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)) || !isVisibleAscii(requestLine.at(1)))
        return badRequest(tr("The request line is not \"METHOD /path HTTP/1.1\"."));
    m_head.method = requestLine.at(0);
    m_head.target = requestLine.at(1);
    m_head.version = requestLine.at(2);
    if (m_head.target.size() > HttpEngine::MaxTargetBytes)
        return badRequest(tr("The URL is %1 bytes long; at most %2 are accepted.")
                              .arg(m_head.target.size())
                              .arg(HttpEngine::MaxTargetBytes),
                          414);
    if (m_head.version != "HTTP/1.1" && m_head.version != "HTTP/1.0")
        return badRequest(tr("%1 is not spoken here; use HTTP/1.1.").arg(QString::fromLatin1(m_head.version)),
                          m_head.version.startsWith("HTTP/") ? 505 : 400);
    const QUrl url = QUrl::fromEncoded(m_head.target);
    if (!url.isValid())
        return badRequest(tr("The URL is not valid: %1").arg(url.errorString()));
    m_head.path = url.path(QUrl::FullyDecoded);
    m_head.query = QUrlQuery(url).queryItems(QUrl::FullyDecoded);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        if (m_head.headers.size() == HttpEngine::MaxHeaderFields)
            return badRequest(
                tr("The request has more than %1 header fields.").arg(HttpEngine::MaxHeaderFields));
        // A folded line, or a space before the colon, is read differently by different servers: refused,
        // as RFC 9112 (5.1, 5.2) asks, so no proxy and server can disagree on this request.
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon);
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (colon <= 0 || !isToken(name))
            return badRequest(tr("Header line %1 is not \"Name: value\".").arg(i + 1));
        if (!isFieldValue(value))
            return badRequest(
                tr("Header field %1 holds a control character.").arg(QString::fromLatin1(name)));
        m_head.headers.append({name, value});
    }

    QList<QByteArray> hosts;
    QList<QByteArray> lengths;
    bool transferEncoding = false;
    for (const auto &[name, value] : std::as_const(m_head.headers)) {
        if (name.compare("host", Qt::CaseInsensitive) == 0)
            hosts.append(value);
        else if (name.compare("content-length", Qt::CaseInsensitive) == 0)
            lengths.append(value);
        else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            transferEncoding = true;
    }
    if (hosts.size() > 1 || (hosts.isEmpty() && m_head.version == "HTTP/1.1"))
        return badRequest(tr("An HTTP/1.1 request needs exactly one Host header field; this one has %1.")
                              .arg(hosts.size()));
    // Two framings, or two lengths, let a proxy and this server see different requests in the same bytes.
    if (transferEncoding && !lengths.isEmpty())
        return badRequest(tr("The request has both Content-Length and Transfer-Encoding; send only "
                             "Content-Length."));
    if (lengths.size() > 1)
        return badRequest(
            tr("The request has %1 Content-Length header fields; send exactly one.").arg(lengths.size()));
    if (transferEncoding)
        return badRequest(tr("Transfer-Encoding is not accepted; send the body with a Content-Length."), 411);
    if (!lengths.isEmpty()) {
        const QByteArray &length = lengths.constFirst();
        const bool digits =
            !length.isEmpty() && length.size() <= MaxLengthDigits &&
            std::all_of(length.cbegin(), length.cend(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits)
            return badRequest(tr("Content-Length \"%1\" is not a number of bytes.")
                                  .arg(QString::fromLatin1(length.left(40))));
        m_head.contentLength = length.toLongLong();
    }

    const QByteArray connection = m_head.header("connection");
    m_head.keepAlive =
        m_head.version == "HTTP/1.1" ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
    return std::nullopt;
}

bool HttpConnection::readBody()
{
    const qint64 missing = m_head.contentLength - m_body.size();
    if (missing > 0) {
        if (!m_input.isEmpty()) {
            const qsizetype taken = std::min<qint64>(missing, m_input.size());
            m_body += m_input.left(taken);
            m_input.remove(0, taken);
            return true;
        }
        const QByteArray more = m_socket->read(missing);
        if (more.isEmpty())
            return false;
        m_body += more;
        startWait(Wait::Idle);
        return true;
    }
    m_state = State::Handling;
    m_timer.stop();
    const RequestHead head = m_head;
    const QByteArray body = std::exchange(m_body, {});
    m_hooks.handle(this, head, body);
    // Answered at once (and not closed): go on with the next request.
    return m_state == State::Head;
}

void HttpConnection::refuse(const HttpResponse &answer, qint64 bodyLeft)
{
    m_hooks.refused(m_head, answer);
    m_socket->write(answer.serialize(true));
    m_state = State::Closing;
    m_discardLeft = bodyLeft < 0 ? -1 : std::max<qint64>(0, bodyLeft - m_input.size());
    m_input.clear();
    startWait(Wait::Linger);
    discardInput();
}

void HttpConnection::closeQuietly()
{
    m_state = State::Closing;
    m_discardLeft = 0;
    startWait(Wait::Linger);
    m_socket->disconnectFromHost();
}

void HttpConnection::discardInput()
{
    // Closing a socket with unread input makes the kernel reset the connection, and a client still sending
    // may then lose the answer. So the rest of the request is read and thrown away, within bounds.
    const qint64 skipped = m_socket->skip(m_socket->bytesAvailable());
    if (skipped > 0) {
        m_discarded += skipped;
        if (m_discardLeft > 0)
            m_discardLeft = std::max<qint64>(0, m_discardLeft - skipped);
        m_timer.start(LingerQuietMs);
    }
    if (m_discarded > MaxDiscardBytes || m_lingerDeadline.hasExpired()) {
        abort();
        return;
    }
    if (m_discardLeft == 0 && m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->disconnectFromHost();
}

void HttpConnection::startWait(Wait wait)
{
    m_wait = wait;
    switch (wait) {
    case Wait::Header:
        m_timer.start(m_limits.headerTimeoutMs);
        break;
    case Wait::Idle:
        m_timer.start(m_limits.idleTimeoutMs);
        break;
    case Wait::Linger:
        m_lingerDeadline.setRemainingTime(LingerMs);
        m_timer.start(LingerQuietMs);
        break;
    }
}

void HttpConnection::onTimeout()
{
    switch (m_wait) {
    case Wait::Header:
        if (m_input.isEmpty() && m_socket->bytesAvailable() == 0) {
            closeQuietly();
            return;
        }
        // Too slow to be waited for any longer, also after the answer.
        refuse(
            badRequest(
                tr("The request's header section did not arrive within %1 ms.").arg(m_limits.headerTimeoutMs),
                408),
            0);
        return;
    case Wait::Idle:
        if (m_state == State::Body) {
            refuse(
                badRequest(
                    tr("No more of the request body arrived within %1 ms.").arg(m_limits.idleTimeoutMs), 408),
                0);
            return;
        }
        // Idle between requests, or answers left unread (nothing more can be written then).
        if (m_waitingForReader)
            abort();
        else
            closeQuietly();
        return;
    case Wait::Linger:
        if (m_socket->bytesToWrite() == 0 || m_lingerDeadline.hasExpired())
            abort();
        else
            m_timer.start(LingerQuietMs);
        return;
    }
}

void HttpConnection::onBytesWritten()
{
    if (!m_waitingForReader)
        return;
    if (m_socket->bytesToWrite() > HttpEngine::MaxUnsentAnswerBytes) {
        startWait(Wait::Idle); // the client reads: it is not idle
        return;
    }
    m_waitingForReader = false;
    m_requestStarted = m_requestStarted || !m_input.isEmpty() || m_socket->bytesAvailable() > 0;
    startWait(m_requestStarted ? Wait::Header : Wait::Idle);
    pump();
}

} // namespace Sandbox
