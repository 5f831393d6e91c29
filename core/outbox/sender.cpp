#include "sender.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFile>
#include <QSet>

#include "outboxlog.h"
#include "outboxstore.h"

namespace Outbox {

namespace {

constexpr qint64 MaxTimerMs = 60 * 1000; // re-check at least this often, in case the clock jumped
/// How long answers wait to be written together: one transaction and one disk flush for the answers of a
/// few milliseconds. They are written on the store's writer thread, beside the event loop; gathering them
/// keeps that thread's hold on the file's write lock, which a claim then waits for, short and rare.
constexpr std::chrono::milliseconds RecordAnswersAfter{6};
/// A claim takes lines for this many times the slots, so that most lines cost no claim commit of their own.
constexpr int ClaimAheadSlots = 4;

QString kindName(const Ehr::SubmitResult &result)
{
    return Ehr::submitKindName(result.kind);
}

} // namespace

Sender::Sender(OutboxStore *store, Ehr::EhrClient *client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_random(QRandomGenerator::securelySeeded())
{
    m_timer.setSingleShot(true);
    m_recordTimer.setSingleShot(true);
    m_recordTimer.setInterval(RecordAnswersAfter);
    connect(&m_recordTimer, &QTimer::timeout, this, &Sender::recordAnswers);
    connect(&m_timer, &QTimer::timeout, this, &Sender::pump);
    m_lockTimer.setSingleShot(true);
    connect(&m_lockTimer, &QTimer::timeout, this, [this] {
        if (m_pauseReason == PauseReason::OtherSender && start())
            endPause();
    });
    connect(store, &OutboxStore::lineChanged, this, [this](qint64 id) {
        emit lineChanged(id);
        schedulePump();
    });
    connect(store, &OutboxStore::countsChanged, this, &Sender::queueCountsChanged);
    m_probeTimer.setInterval(std::chrono::seconds(10));
    connect(&m_probeTimer, &QTimer::timeout, this, &Sender::probe);
    m_online = client->isReachable();
    connect(client, &Ehr::EhrClient::reachableChanged, this, [this](bool reachable) {
        if (reachable == m_online)
            return;
        m_online = reachable;
        if (reachable)
            m_probeTimer.stop();
        else if (m_running)
            m_probeTimer.start();
        emit onlineChanged(reachable);
        // Back-off waits for an EHR that is down; once it answers, waiting lines go now, not minutes later.
        // When that fails (the file cannot be written) the lines only wait out their back-off.
        if (reachable && m_store)
            static_cast<void>(m_store->bringWaitingForward());
        if (reachable)
            schedulePump();
    });
}

Sender::~Sender()
{
    stop();
    recordAnswersNow();
    // Requests still in flight are abandoned: their lines go back to pending, marked
    // outcome-unknown, and are resent with the same identifier.
    if (m_client) {
        for (const auto requestId : std::as_const(m_inFlight))
            m_client->cancel(requestId);
    }
    if (!m_inFlight.isEmpty() && m_store) {
        if (const auto recovered = m_store->recoverInterrupted(); !recovered)
            qCWarning(lcOutbox) << "interrupted lines stay sending until the next start:"
                                << recovered.error().code;
    }
    m_inFlight.clear();
}

Common::Status Sender::start()
{
    if (m_running)
        return {};
    if (!m_store || !m_store->isOpen())
        return Common::makeError(QStringLiteral("not-open"), tr("The outbox is not open."));
    if (!m_lock) {
        if (Common::Status locked = takeLock(); !locked) {
            if (locked.error().code == u"other-sender") {
                // Sending resumes here when that program ends (a stale lock of a killed one is taken over).
                pause(PauseReason::OtherSender, locked.error().message);
                m_lockTimer.start(m_recheck);
            }
            return locked;
        }
        // With the lock held no other sender is alive, so any `sending` line was interrupted. When the
        // file cannot be written, the first claim pauses the queue and says why.
        if (const auto recovered = m_store->recoverInterrupted(); !recovered)
            qCWarning(lcOutbox) << "cannot recover interrupted lines yet:" << recovered.error().code;
    }
    m_running = true;
    m_wasIdle = false;
    if (!m_client->capabilities() && !m_checkingCapabilities) {
        // Whether If-None-Exist will be honoured decides how a resend is made safe; ask before sending.
        m_checkingCapabilities = true;
        m_client->checkCapabilities(
            this, [this](const Ehr::ReadStatus &status, const Ehr::Capabilities &capabilities) {
                m_checkingCapabilities = false;
                if (status.ok() && !capabilities.isR4())
                    emit ehrWarning(tr("The EHR says it speaks FHIR %1, not R4; lines may be refused.")
                                        .arg(capabilities.fhirVersion.isEmpty() ? tr("(no version)")
                                                                                : capabilities.fhirVersion));
                else if (status.ok() && !capabilities.conditionalCreate)
                    emit ehrWarning(
                        tr("The EHR does not support conditional create; a line whose answer was lost is "
                           "matched by its identifier instead."));
                schedulePump();
            });
    }
    schedulePump();
    return {};
}

Common::Status Sender::takeLock()
{
    m_lock = std::make_unique<QLockFile>(m_store->path() + QStringLiteral(".sender.lock"));
    // Only a dead owner makes the lock stale: a sender may rightly run for days.
    m_lock->setStaleLockTime(0);
    if (m_lock->tryLock(0)) {
        // QLockFile creates it with the umask's mode; it names this program and its host, so owner-only
        // like everything else beside the outbox.
        QFile::setPermissions(m_lock->fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return {};
    }
    Common::Error failure;
    if (m_lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString app;
        m_lock->getLockInfo(&pid, &host, &app);
        failure = Common::makeError(
            QStringLiteral("other-sender"),
            tr("Another program (%1, process %2) is already sending from this outbox; it sends these lines.")
                .arg(app.isEmpty() ? tr("unknown") : app)
                .arg(pid));
    } else {
        failure = Common::makeError(
            QStringLiteral("lock-failed"),
            tr("%1: cannot create the outbox's lock file; check that its folder is writable.")
                .arg(m_lock->fileName()),
            m_lock->fileName());
    }
    m_lock.reset();
    return failure;
}

void Sender::stop()
{
    m_running = false;
    releaseClaimedAhead();
    m_timer.stop();
    m_lockTimer.stop();
    m_probeTimer.stop();
}

void Sender::probe()
{
    // Any answer at all marks the client reachable again (see EhrClient::reachableChanged).
    if (!m_client || m_probing)
        return;
    m_probing = true;
    m_client->checkCapabilities(
        this, [this](const Ehr::ReadStatus &, const Ehr::Capabilities &) { m_probing = false; });
}

void Sender::wake()
{
    schedulePump();
}

void Sender::setCredentialsChanged()
{
    if (m_pauseReason == PauseReason::Credentials)
        resume();
    else
        schedulePump();
}

void Sender::resume()
{
    endPause();
    schedulePump();
}

void Sender::setReadOnly(const QString &reason)
{
    if (!reason.isEmpty())
        pause(PauseReason::ReadOnly, reason);
    else if (m_pauseReason == PauseReason::ReadOnly)
        resume();
}

void Sender::endPause()
{
    if (m_pauseReason == PauseReason::None)
        return;
    qCInfo(lcOutbox) << "queue resumed";
    m_pauseReason = PauseReason::None;
    m_pauseMessage.clear();
    emit pausedChanged(false);
}

void Sender::pause(PauseReason reason, const QString &message)
{
    // A paused queue shows each line where it stands, so answers already in are written now.
    if (reason != PauseReason::Storage)
        recordAnswersNow();
    releaseClaimedAhead();
    const bool wasPaused = isPaused();
    const bool sameReason = m_pauseReason == reason;
    m_pauseReason = reason;
    m_pauseMessage = message;
    m_timer.stop();
    if (!wasPaused) {
        static constexpr const char *reasons[] = {"",        "credentials",    "configuration",
                                                  "storage", "another sender", "read-only sign-in"};
        qCInfo(lcOutbox) << "queue paused:" << reasons[int(reason)];
        emit pausedChanged(true);
    }
    if (reason == PauseReason::Credentials && !sameReason)
        emit credentialsRequired(message);
}

void Sender::pauseForStorage(const QString &message)
{
    if (m_pauseReason != PauseReason::Storage)
        qCWarning(lcOutbox) << "outbox not writable:" << message;
    pause(PauseReason::Storage, message);
    m_timer.start(m_recheck);
}

void Sender::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_pumpScheduled = false;
        pump();
    });
}

void Sender::pump()
{
    if (m_checkingCapabilities)
        return;
    // A queue paused for storage keeps trying: the disk may have been freed.
    const bool storageRetry = m_pauseReason == PauseReason::Storage;
    if (!m_running || (isPaused() && !storageRetry) || !m_store || !m_client || !m_store->isOpen()) {
        checkIdle();
        return;
    }
    if (storageRetry) {
        // Answers that could not be written left their lines `sending` with no request; once none is
        // in flight they go back to pending and are resent with the same identifier.
        if (!m_inFlight.isEmpty() || m_recording > 0 || m_claiming) {
            m_timer.start(m_recheck);
            return;
        }
        if (const auto recovered = m_store->recoverInterrupted(); !recovered) {
            pauseForStorage(recovered.error().message);
            return;
        }
    }
    for (int room = m_parallel - int(m_inFlight.size()); room > 0 && !m_claimedAhead.isEmpty(); --room)
        send(m_claimedAhead.takeFirst());
    if (m_claimedAhead.size() < m_parallel)
        claimAhead();
    scheduleNext();
    checkIdle();
}

void Sender::claimAhead()
{
    if (m_claiming)
        return;
    // The lines for the slots that free up next, claimed in one transaction (a claim's commit costs more
    // than marking a few more lines in it) on the store's background thread, so that it holds up no
    // request; the lines come back while the slots are still busy.
    m_claiming = true;
    m_store->claimDueInBackground(
        m_store->clock().nowUtc(), ClaimAheadSlots * m_parallel - int(m_claimedAhead.size()), this,
        [this](const Common::Result<QList<OutboxLine>> &claimed) {
            m_claiming = false;
            if (!claimed) {
                pauseForStorage(claimed.error().message);
                return;
            }
            if (m_pauseReason == PauseReason::Storage)
                endPause(); // the claim was written (or needed no write: the next failure pauses again)
            m_claimedAhead.append(*claimed);
            if (!m_running || isPaused()) {
                // Stopped or paused meanwhile: they go back to pending, unsent.
                releaseClaimedAhead();
                checkIdle();
            } else if (claimed->isEmpty()) {
                scheduleNext();
                checkIdle();
            } else {
                schedulePump();
            }
        });
}

bool Sender::giveBack(qint64 id)
{
    const auto held = std::find_if(m_claimedAhead.cbegin(), m_claimedAhead.cend(),
                                   [id](const OutboxLine &line) { return line.id == id; });
    if (held == m_claimedAhead.cend() || !m_store || !m_store->isOpen())
        return false;
    if (const auto released = m_store->release({id}); !released) {
        qCWarning(lcOutbox) << "a line claimed ahead could not be given back:" << released.error().code;
        return false;
    }
    m_claimedAhead.erase(held);
    return true;
}

void Sender::releaseClaimedAhead()
{
    if (m_claimedAhead.isEmpty())
        return;
    const QList<OutboxLine> unsent = std::exchange(m_claimedAhead, {});
    QList<qint64> ids;
    for (const OutboxLine &line : unsent)
        ids.append(line.id);
    // When the file cannot be written they stay `sending`, unsent: a storage retry or the next start
    // recovers them, resent with the same identifier.
    if (m_store && m_store->isOpen()) {
        if (const auto released = m_store->release(ids); !released)
            qCWarning(lcOutbox) << "lines claimed ahead stay sending until recovered:"
                                << released.error().code;
    }
}

void Sender::scheduleNext()
{
    if (!m_running || isPaused() || m_inFlight.size() >= m_parallel || m_claiming)
        return;
    const auto next = m_store->nextDue();
    if (!next) {
        m_timer.stop();
        return;
    }
    const qint64 wait = std::clamp<qint64>(m_store->clock().nowUtc().msecsTo(*next), 0, MaxTimerMs);
    m_timer.start(std::chrono::milliseconds(wait));
}

void Sender::checkIdle()
{
    const bool idleNow =
        m_inFlight.isEmpty() && m_unrecorded.isEmpty() && m_recording == 0 && !m_claiming &&
        m_claimedAhead.isEmpty() &&
        (!m_running || isPaused() || !m_store || m_store->dueLines(m_store->clock().nowUtc(), 1).isEmpty());
    if (idleNow && !m_wasIdle)
        emit idle();
    m_wasIdle = idleNow;
}

void Sender::send(const OutboxLine &line)
{
    const qint64 id = line.id;
    const auto entry = line.entry();
    if (!entry) {
        // Only a damaged file gets here: keep the line and show it to a person.
        AttemptRecord record;
        record.newState = LineState::NeedsCorrection;
        record.countAttempt = false;
        record.result = QStringLiteral("unreadable");
        record.error = tr("The stored line could not be read back; it was not sent.");
        record.findings = {{QString(), Model::Severity::Error, QString(), record.error}};
        finishAttempt(id, record);
        return;
    }
    qCDebug(lcOutbox) << "sending line" << id << "attempt" << line.attempts + 1;
    m_wasIdle = false;
    // The sentinel keeps the line counted as in flight even if the callback came synchronously.
    m_inFlight.insert(id, 0);
    const auto requestId =
        m_client->createProcedure(*entry, this, [this, id, snapshot = line](const Ehr::SubmitResult &result) {
            handleResult(id, snapshot, result);
        });
    if (m_inFlight.contains(id))
        m_inFlight[id] = requestId;
}

AttemptRecord Sender::retryLater(const OutboxLine &line, const Ehr::SubmitResult &result)
{
    AttemptRecord record;
    record.newState = LineState::Pending;
    record.countAttempt = true;
    record.outcomeUnknown = result.outcomeUnknown;
    record.httpStatus = result.httpStatus;
    record.result = kindName(result);
    record.ehrCode = result.ehrCode;
    record.error = result.errorString;
    const int attempts = line.attempts + 1;
    const auto wait =
        result.retryAfter
            ? m_backoff.delay(attempts,
                              std::chrono::duration_cast<std::chrono::milliseconds>(*result.retryAfter),
                              m_random)
            : m_backoff.delay(attempts, m_random);
    record.nextAttemptAt = m_store->clock().nowUtc().addMSecs(wait.count());
    return record;
}

void Sender::handleResult(qint64 id, const OutboxLine &line, const Ehr::SubmitResult &result)
{
    using Kind = Ehr::SubmitResult::Kind;
    AttemptRecord record;
    record.httpStatus = result.httpStatus;
    record.result = kindName(result);
    record.ehrCode = result.ehrCode;
    record.ehrId = result.ehrId;
    record.error = result.errorString;
    switch (result.kind) {
    case Kind::Created:
    case Kind::AlreadyRecorded:
        if (result.ehrId.isEmpty()) {
            reconcile(id, line, result);
            return;
        }
        record.newState = LineState::Sent;
        break;
    case Kind::Rejected:
        record.newState = LineState::NeedsCorrection;
        record.findings = result.findings;
        break;
    case Kind::Retryable:
        record = retryLater(line, result);
        break;
    case Kind::Unauthorized:
    case Kind::Blocked:
        // Not the line's fault: it waits, its attempts unchanged, until a person fixes the setup.
        record.newState = LineState::Pending;
        record.countAttempt = false;
        record.nextAttemptAt = m_store->clock().nowUtc();
        finishAttempt(id, record);
        pause(result.kind == Kind::Unauthorized ? PauseReason::Credentials : PauseReason::Configuration,
              result.errorString);
        return;
    }
    finishAttempt(id, record);
}

void Sender::reconcile(qint64 id, const OutboxLine &line, const Ehr::SubmitResult &result)
{
    // The answer says the EHR has it (or stored it without saying its id); find it by our identifier.
    AttemptRecord answered;
    answered.event = QStringLiteral("attempt");
    answered.httpStatus = result.httpStatus;
    answered.result = kindName(result);
    answered.ehrCode = result.ehrCode;
    answered.error = result.errorString;
    if (const auto noted = m_store->note(id, answered); !noted)
        qCWarning(lcOutbox) << "the answer to line" << id << "is not in the audit log:" << noted.error().code;
    m_client->findProcedures(
        line.identifier, this,
        [this, id, line, result](const Ehr::ReadStatus &status, const QStringList &ids) {
            AttemptRecord record;
            record.event = QStringLiteral("reconciled");
            record.httpStatus = status.httpStatus;
            if (!status.ok()) {
                record =
                    retryLater(line, {Ehr::SubmitResult::Kind::Retryable,
                                      status.httpStatus,
                                      {},
                                      {},
                                      {},
                                      tr("Looking up the line in the EHR failed: %1").arg(status.errorString),
                                      {},
                                      true});
                record.event = QStringLiteral("reconciled");
            } else if (!ids.isEmpty()) {
                record.newState = LineState::Sent;
                record.result = QStringLiteral("found");
                record.ehrId = ids.first();
                if (ids.size() > 1)
                    qCWarning(lcOutbox) << "line" << id << "is recorded" << ids.size() << "times in the EHR";
            } else if (result.kind == Ehr::SubmitResult::Kind::Created ||
                       (result.kind == Ehr::SubmitResult::Kind::AlreadyRecorded &&
                        result.ehrCode.isEmpty())) {
                // The EHR said it stored the line; it just cannot be found by identifier.
                record.newState = LineState::Sent;
                record.result = QStringLiteral("stored-without-id");
            } else {
                record.newState = LineState::NeedsCorrection;
                record.result = QStringLiteral("duplicate-of-another");
                record.ehrCode = result.ehrCode;
                record.findings = result.findings;
                record.findings.append({result.ehrCode, Model::Severity::Error, QStringLiteral("Procedure"),
                                        tr("The EHR already has the same procedure, recorded by someone else "
                                           "(not by this line). "
                                           "Discard this line if it is the same one.")});
                record.error = record.findings.last().message;
            }
            finishAttempt(id, record);
        });
}

void Sender::finishAttempt(qint64 id, const AttemptRecord &record)
{
    // The request is over, so its slot takes the next line now; what it came to is written with
    // the answers that arrive in the next few milliseconds, one disk flush for all of them. Until
    // then the line stays `sending` in the file: a crash meanwhile resends it with the same
    // identifier, which the EHR records once.
    m_inFlight.remove(id);
    m_unrecorded.append({id, record});
    if (!m_recordTimer.isActive())
        m_recordTimer.start();
    schedulePump();
}

void Sender::recordAnswers()
{
    // While a batch is being written the answers gather for the next, which goes once it is written.
    if (m_unrecorded.isEmpty() || m_recording > 0)
        return;
    if (!m_store) {
        pauseForStorage(tr("The outbox is not open."));
        return;
    }
    auto answers = std::exchange(m_unrecorded, {});
    m_recording = int(answers.size());
    m_store->recordAttemptsInBackground(answers, this,
                                        [this, answers](const Common::Result<QList<qint64>> &recorded) {
                                            m_recording = 0;
                                            answersRecorded(answers, recorded);
                                        });
}

void Sender::recordAnswersNow()
{
    m_recordTimer.stop();
    if (!m_store)
        return;
    m_store->finishBackgroundWork();
    recordAnswers();
    m_store->finishBackgroundWork();
}

void Sender::answersRecorded(const AttemptBatch &answers, const Common::Result<QList<qint64>> &recorded)
{
    if (!recorded) {
        qCWarning(lcOutbox) << "could not record" << answers.size() << "attempts:" << recorded.error().code;
        // Still `sending` in the file: the answers were not written, and the lines are resent (with
        // the same identifier) once the file can be written again.
        pauseForStorage(recorded.error().message);
        return;
    }
    for (const auto &[id, record] : answers) {
        if (!recorded->contains(id)) {
            qCWarning(lcOutbox) << "line" << id << "was no longer being sent; its answer was not written";
            continue;
        }
        qCDebug(lcOutbox) << "line" << id << "->" << lineStateName(record.newState) << record.result;
        if (record.newState == LineState::Sent || record.newState == LineState::NeedsCorrection)
            emit lineFinished(id, record.newState);
    }
    if (!m_unrecorded.isEmpty() && !m_recordTimer.isActive())
        m_recordTimer.start();
    schedulePump();
}

} // namespace Outbox
