#include "networkjob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslError>

#include "bearertoken.h"
#include "common/clock.h"
#include "ehrlog.h"

namespace Ehr {

namespace {

// For logs: the path only, because queries may carry names or identifiers.
QString loggablePath(const QUrl &url)
{
    return url.path();
}

} // namespace

bool NetworkJob::isSameServer(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &url) {
        return url.scheme().compare(u"https", Qt::CaseInsensitive) == 0 ? 443 : 80;
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(defaultPort(a)) == b.port(defaultPort(b));
}

NetworkJob::NetworkJob(QNetworkAccessManager *manager, const QNetworkRequest &request, const QByteArray &verb,
                       const QByteArray &body, std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_request(request)
    , m_verb(verb)
    , m_body(body)
    , m_clock(&Common::Clock::system())
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(timeout);
    connect(&m_timer, &QTimer::timeout, this, &NetworkJob::onTimeout);
}

NetworkJob::~NetworkJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void NetworkJob::setClock(const Common::Clock *clock)
{
    m_clock = Common::Clock::orSystem(clock);
}

void NetworkJob::start()
{
    Q_ASSERT(!m_reply && !m_finished);
    if (!m_refusal.isEmpty()) {
        JobResult result;
        result.transport = JobResult::Transport::Blocked;
        result.errorString = m_refusal;
        QTimer::singleShot(0, this, [this, result] { finish(result); });
        return;
    }
    if (!m_authenticator) {
        send({});
        return;
    }
    const QPointer<NetworkJob> guard(this);
    m_authenticator->withToken([guard](const Common::Result<QString> &token) {
        if (guard)
            guard->withToken(token);
    });
}

void NetworkJob::withToken(const Common::Result<QString> &token)
{
    if (m_finished)
        return;
    // A token endpoint's answer is text from the network like any other: one line of visible ASCII only.
    const Common::Status sendable = token ? checkBearerToken(*token) : Common::Status(token.error());
    if (token && sendable) {
        send(*token);
        return;
    }
    JobResult result;
    if (!token && token.error().code == QLatin1String(Authenticator::UnavailableCode)) {
        // Nothing left this computer: known not sent, retried like an EHR that cannot be reached.
        result.transport = JobResult::Transport::NetworkError;
        result.networkError = QNetworkReply::ConnectionRefusedError;
    } else {
        result.transport = token ? JobResult::Transport::Blocked : JobResult::Transport::SignedOut;
    }
    result.errorString = sendable.error().message;
    // finished() never comes from inside start().
    QTimer::singleShot(0, this, [this, result] { finish(result); });
}

void NetworkJob::send(const QString &token)
{
    m_timedOut = false;
    m_tlsErrors.clear();
    m_token = token;
    QNetworkRequest request = m_request;
    if (!token.isEmpty())
        request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + token.toUtf8());
    // Not NoLessSafeRedirectPolicy: it follows https to any other https server, and Qt 6.4 sends the
    // Authorization header along. Same origin (scheme, host, port) is never less safe either.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    // The job's own timer is the timeout; Qt's would race it with a different error.
    request.setTransferTimeout(0);
    m_reply = m_manager->sendCustomRequest(request, m_verb, m_body);
    connect(m_reply, &QNetworkReply::finished, this, &NetworkJob::onReplyFinished);
    connect(m_reply, &QNetworkReply::uploadProgress, this, &NetworkJob::resetTimeout);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &NetworkJob::resetTimeout);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignoreSslErrors(): the reply then fails with SslHandshakeFailedError.
        QStringList texts;
        for (const auto &error : errors)
            texts.append(error.errorString());
        m_tlsErrors = texts.join(QStringLiteral("; "));
    });
    m_timer.start();
}

void NetworkJob::abort()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort();
    } else {
        JobResult result;
        result.transport = JobResult::Transport::Cancelled;
        result.errorString = tr("Cancelled.");
        finish(result);
    }
}

void NetworkJob::resetTimeout()
{
    if (m_timer.isActive())
        m_timer.start();
}

void NetworkJob::onTimeout()
{
    if (!m_reply || m_finished)
        return;
    m_timedOut = true;
    qCInfo(lcEhr) << m_verb << loggablePath(m_request.url()) << "timed out after" << m_timer.interval()
                  << "ms";
    m_reply->abort();
}

void NetworkJob::onReplyFinished()
{
    m_timer.stop();
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    JobResult result;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = reply->error();
    result.networkError = error;
    if (m_timedOut) {
        result.transport = JobResult::Transport::Timeout;
        result.errorString =
            tr("The EHR did not answer within %1 seconds.").arg(QString::number(m_timer.interval() / 1000.0));
    } else if (m_cancelled) {
        result.transport = JobResult::Transport::Cancelled;
        result.errorString = tr("Cancelled.");
    } else if (error == QNetworkReply::SslHandshakeFailedError || !m_tlsErrors.isEmpty()) {
        result.transport = JobResult::Transport::TlsError;
        result.errorString =
            tr("The secure connection to %1 failed and nothing was sent: %2. Check the EHR address and this "
               "computer's certificates; TLS errors are never ignored.")
                .arg(m_request.url().host(), m_tlsErrors.isEmpty() ? reply->errorString() : m_tlsErrors);
    } else if (error == QNetworkReply::InsecureRedirectError) {
        result.transport = JobResult::Transport::Blocked;
        const QUrl target = reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        result.errorString =
            tr("The EHR redirected to another server or a less safe address (%1); the redirect "
               "was not followed, so the token stays with the EHR. Check the EHR address.")
                .arg(target.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
    } else if (status.isValid()) {
        result.transport = JobResult::Transport::Answered;
        result.httpStatus = status.toInt();
        result.body = reply->readAll();
        result.location = reply->rawHeader("Location");
        if (reply->hasRawHeader("Retry-After"))
            result.retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"), m_clock->nowUtc());
        if (error != QNetworkReply::NoError)
            result.errorString = reply->errorString();
    } else {
        result.transport = JobResult::Transport::NetworkError;
        result.errorString =
            tr("Could not reach the EHR at %1: %2")
                .arg(m_request.url().toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo),
                     reply->errorString());
    }
    qCDebug(lcEhr) << m_verb << loggablePath(m_request.url()) << "->" << result.httpStatus
                   << int(result.transport);
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    if (result.answered() && result.httpStatus == 401 && m_authenticator && !m_renewed) {
        renewAndResend(result);
        return;
    }
    finish(result);
}

void NetworkJob::renewAndResend(const JobResult &refused)
{
    // Once only: a token refused right after it was renewed is reported, never chased.
    m_renewed = true;
    qCInfo(lcEhr) << m_verb << loggablePath(m_request.url()) << "refused the token; renewing it once";
    const QPointer<NetworkJob> guard(this);
    m_authenticator->renewRejected(m_token, [guard, refused](const Common::Result<QString> &token) {
        if (!guard || guard->m_finished)
            return;
        if (token) {
            guard->send(*token);
            return;
        }
        JobResult result = refused;
        result.errorString = token.error().message;
        QTimer::singleShot(0, guard, [guard, result] { guard->finish(result); });
    });
}

void NetworkJob::finish(JobResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = std::move(result);
    emit finished(m_result);
}

} // namespace Ehr
