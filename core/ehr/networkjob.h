#pragma once

#include <chrono>

#include <QByteArray>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include "authenticator.h"
#include "jobresult.h"

class QNetworkAccessManager;

namespace Common {
class Clock;
}
class QNetworkReply;

namespace Ehr {

/**
 * One HTTP request to the EHR and its answer. The job owns its one
 * QNetworkReply, aborts it when nothing moved for the transfer timeout (the
 * timer restarts on every byte of progress, so a slow but living transfer is
 * not cut), never ignores TLS errors, follows redirects only on the same
 * server (never to a less safe scheme, never taking the token elsewhere), and
 * ends with exactly one finished() carrying a JobResult. Jobs never retry:
 * whoever started one decides. (Qt's HTTP layer itself resends once when a
 * kept-alive connection closes before any answer; If-None-Exist makes that
 * harmless for creates.) The one exception is authorization: with an
 * Authenticator the job asks it for a token before sending, and a 401 is
 * answered by one renewed token and one more try before it is reported.
 */
class NetworkJob : public QObject
{
    Q_OBJECT

public:
    NetworkJob(QNetworkAccessManager *manager, const QNetworkRequest &request, const QByteArray &verb,
               const QByteArray &body, std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~NetworkJob() override;

    /// Tokens for the Authorization header come from here (set before start()).
    void setAuthenticator(Authenticator *authenticator) { m_authenticator = authenticator; }

    /// Sends the request. finished() always comes later, from the event loop.
    void start();
    /// Where "now" comes from for a Retry-After date; not owned; nullptr: the system clock.
    void setClock(const Common::Clock *clock);
    /// Makes start() send nothing and end with Transport::Blocked and this reason (e.g. an unusable token).
    void refuse(const QString &reason) { m_refusal = reason; }
    /// Ends the job now with Transport::Cancelled (finished() is still emitted once).
    void abort();

    bool isFinished() const { return m_finished; }
    const JobResult &result() const { return m_result; }
    QUrl url() const { return m_request.url(); }

    /// Same scheme, host and port: the only redirects a job follows, and the only next links a search
    /// follows.
    static bool isSameServer(const QUrl &a, const QUrl &b);
    QByteArray verb() const { return m_verb; }

signals:
    void finished(const Ehr::JobResult &result);

private:
    void withToken(const Common::Result<QString> &token);
    void send(const QString &token);
    void onReplyFinished();
    void renewAndResend(const JobResult &refused);
    void onTimeout();
    void resetTimeout();
    void finish(JobResult result);

    QNetworkAccessManager *m_manager;
    QNetworkRequest m_request;
    QByteArray m_verb;
    QByteArray m_body;
    QTimer m_timer;
    QPointer<QNetworkReply> m_reply;
    QPointer<Authenticator> m_authenticator;
    QString m_token;
    JobResult m_result;
    QString m_tlsErrors;
    QString m_refusal;
    const Common::Clock *m_clock;

    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_finished = false;
    bool m_renewed = false;
};

} // namespace Ehr
