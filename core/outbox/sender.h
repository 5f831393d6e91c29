#pragma once

#include <algorithm>
#include <memory>

#include <QHash>
#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include "backoffpolicy.h"
#include "common/result.h"
#include "ehr/ehrclient.h"
#include "ehr/ehrsettings.h"
#include "outboxline.h"

namespace Outbox {

class OutboxStore;

/**
 * Drains the outbox into the EHR. One request in flight per line (a few
 * lines in parallel), exponential back-off with jitter, Retry-After honoured.
 * A 401/403 pauses the whole queue without counting the attempt until
 * setCredentialsChanged(); a refused configuration (insecure URL, TLS
 * failure) pauses it until resume(); an outbox file that cannot be written
 * (disk full, read-only) pauses it until a retry finds it writable again. A line left `sending` by a crash is
 * resent with the same identifier; a DUPLICATE_RECORD answer is reconciled
 * by searching Procedure?identifier= for the line's own identifier.
 *
 * Only one sender per outbox file at a time (a lock file beside it), so the
 * app and superbill-cli never send the same line together. Time comes from
 * the store's Clock; wake() re-checks after a test moved a manual clock.
 */
class Sender : public QObject
{
    Q_OBJECT

public:
    enum class PauseReason
    {
        None,
        Credentials,
        Configuration,
        Storage,     ///< the outbox file cannot be written (disk full, read-only); retried by itself
        OtherSender, ///< another program holds the outbox's sender lock; taken over when it ends
        ReadOnly,    ///< the sign-in does not allow creating procedures; lines wait until one does
    };

    Sender(OutboxStore *store, Ehr::EhrClient *client, QObject *parent = nullptr);
    ~Sender() override;

    void setBackoff(const BackoffPolicy &policy) { m_backoff = policy; }
    const BackoffPolicy &backoff() const { return m_backoff; }
    /// Lines sent at the same time: 1 to Ehr::EhrSettings::MaxLinesInFlight (default 4).
    void setParallel(int lines) { m_parallel = std::clamp(lines, 1, Ehr::EhrSettings::MaxLinesInFlight); }
    int parallel() const { return m_parallel; }
    /// How often a queue paused for Storage or OtherSender checks again (default 5 s).
    void setRecheckInterval(std::chrono::milliseconds interval) { m_recheck = interval; }
    /// How often an unreachable EHR is asked whether it is back (default 10 s), so waiting lines go
    /// as soon as it answers.
    void setProbeInterval(std::chrono::milliseconds interval) { m_probeTimer.setInterval(interval); }
    /// Makes the jitter reproducible.
    void setSeed(quint32 seed) { m_random.seed(seed); }

    /// Takes the outbox's sender lock, recovers interrupted lines, reads the EHR's
    /// CapabilityStatement once (conditional create or not; FHIR R4 or not) and starts sending.
    /// False with a reason when another process is sending from this outbox: the queue is then
    /// paused (OtherSender) and starts by itself once that process has ended.
    Common::Status start();
    /// Stops taking lines; requests in flight still finish and are recorded.
    void stop();

    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_pauseReason != PauseReason::None; }
    PauseReason pauseReason() const { return m_pauseReason; }
    QString pauseMessage() const { return m_pauseMessage; }
    bool isOnline() const { return m_online; }
    /// Lines being sent, or whose answer is not written yet.
    int inFlight() const { return int(m_inFlight.size() + m_unrecorded.size()) + m_recording; }
    /// Whether the line's request is out (a line claimed ahead is `sending` in the outbox while it waits
    /// for a slot, and is not).
    bool isInFlight(qint64 id) const { return m_inFlight.contains(id); }
    /// Gives a line claimed ahead, not sent yet, back to the queue (pending), for a person who discards
    /// it: the caller changes it before the event loop runs again, or the sender claims it once more.
    /// False when the line is not held that way (in flight, or not claimed).
    bool giveBack(qint64 id);

public slots:
    /// Looks for due lines now (after enqueue, after the clock moved, after the network came back).
    void wake();
    /// New credentials: resume a queue paused for them.
    void setCredentialsChanged();
    /// Resume after any pause (e.g. the EHR address was corrected).
    void resume();
    /// Holds every line (nothing is sent, nothing is lost) while `reason` is not empty: the EHR granted
    /// reading but not creating procedures. An empty reason lifts such a hold.
    void setReadOnly(const QString &reason);

signals:
    void lineChanged(qint64 id);
    void queueCountsChanged(const Outbox::QueueCounts &counts);
    void onlineChanged(bool online);
    void pausedChanged(bool paused);
    /// The EHR refused the token; the queue waits for setCredentialsChanged().
    void credentialsRequired(const QString &message);
    /// A line reached sent or needs-correction.
    void lineFinished(qint64 id, Outbox::LineState state);
    /// Nothing in flight and no request is waiting to be made; emitted on every change into that state.
    void idle();
    /// Something about the EHR a person should know (e.g. it does not say it is FHIR R4).
    void ehrWarning(const QString &message);

private:
    void schedulePump();
    void pump();
    void send(const OutboxLine &line);
    /// Gives the answers gathered since the last time to the store's writer thread, as one transaction.
    void recordAnswers();
    /// Writes every answer in now, and waits until it is written: a paused queue shows each line where it
    /// stands.
    void recordAnswersNow();
    void answersRecorded(const AttemptBatch &answers, const Common::Result<QList<qint64>> &recorded);
    void handleResult(qint64 id, const OutboxLine &line, const Ehr::SubmitResult &result);
    void reconcile(qint64 id, const OutboxLine &line, const Ehr::SubmitResult &result);
    void finishAttempt(qint64 id, const AttemptRecord &record);
    AttemptRecord retryLater(const OutboxLine &line, const Ehr::SubmitResult &result);
    void pause(PauseReason reason, const QString &message);
    /// The outbox could not be written: pause, and try again every m_recheck.
    void pauseForStorage(const QString &message);
    /// Claims due lines for the slots that free up next, unless a claim is under way.
    void claimAhead();
    /// Lines claimed ahead go back to pending, unsent: the queue stops or pauses.
    void releaseClaimedAhead();
    void endPause();
    /// Takes the lock, or says who holds it (code "other-sender") or why it cannot be made.
    Common::Status takeLock();
    void scheduleNext();
    void checkIdle();
    void probe();

    QPointer<OutboxStore> m_store;
    QPointer<Ehr::EhrClient> m_client;
    std::unique_ptr<QLockFile> m_lock;
    BackoffPolicy m_backoff;
    QRandomGenerator m_random;
    int m_parallel = 4;
    bool m_running = false;
    bool m_pumpScheduled = false;
    bool m_online = true;
    bool m_wasIdle = false;
    bool m_checkingCapabilities = false;
    PauseReason m_pauseReason = PauseReason::None;
    QString m_pauseMessage;
    std::chrono::milliseconds m_recheck{5000};
    QTimer m_lockTimer;
    QTimer m_probeTimer;
    bool m_probing = false;
    QHash<qint64, Ehr::EhrClient::RequestId> m_inFlight;
    /// Claimed (`sending` in the file) for the slots that free up next, not sent yet; see claimAhead().
    QList<OutboxLine> m_claimedAhead;
    bool m_claiming = false;
    /// Answers not written yet, with what each line came to; see finishAttempt().
    AttemptBatch m_unrecorded;
    /// Answers being written on the store's writer thread.
    int m_recording = 0;
    QTimer m_recordTimer;
    QTimer m_timer;
};

} // namespace Outbox
