#include "workspace.h"

#include <utility>

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include "auth/secretstore.h"
#include "auth/smartsession.h"
#include "catalog/codecatalog.h"
#include "common/clock.h"
#include "common/paths.h"
#include "ehr/ehrclient.h"
#include "ehr/ehrsettings.h"
#include "outbox/outboxstore.h"
#include "outbox/patientdirectory.h"
#include "outbox/sender.h"
#include "sandbox/server.h"
#include "sandbox/token.h"

Q_LOGGING_CATEGORY(lcWorkspace, "superbill.ui.workspace")

namespace Ui {

Workspace::Workspace(QObject *parent)
    : QObject(parent)
    , m_clock(&Common::Clock::system())
{
}

Workspace::~Workspace()
{
    stop();
}

void Workspace::setClock(const Common::Clock *clock)
{
    m_clock = Common::Clock::orSystem(clock);
}

bool Workspace::start(const Options &options, std::function<QString()> tokenProvider, QString *error)
{
    stop();
    m_options = options;
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = Common::dataDirectory();
    // Owner-only: the outbox in it holds patient data.
    if (!Common::makePrivateDirectory(m_options.dataDir)) {
        *error = tr("Cannot create the data folder %1.").arg(m_options.dataDir);
        return false;
    }

    if (!openCatalog(error))
        return false;

    m_client = std::make_unique<Ehr::EhrClient>();
    m_client->setClock(m_clock);
    QString trainingToken;
    QUrl baseUrl = m_options.connection.baseUrl;
    QString outboxPath = m_options.outboxPath;
    if (m_options.training) {
        if (!startTraining(&trainingToken, error))
            return false;
        baseUrl = m_server->baseUrl();
        outboxPath = trainingOutboxPath();
        m_client->setDialect(Fhir::Dialect::EhrVendor);
        // Shown to a trainer for superbill-cli; the app itself signs in with SMART like to a real EHR.
        m_trainingToken = trainingToken;
        startSession(
            baseUrl, nullptr,
            [this](const QUrl &page) {
                openTrainingSignInPage(page);
                return Common::Status();
            },
            true);
    } else {
        // The same outbox as superbill-cli (shared settings file, SUPERBILL_DB), so both see one queue.
        const Ehr::EhrSettings shared = Ehr::EhrSettings::fromEnvironment();
        if (outboxPath.isEmpty())
            outboxPath = shared.databasePath;
        m_client->setTransferTimeout(std::chrono::milliseconds(shared.transferTimeoutMs));
        m_client->setDialect(m_options.connection.dialect);
        if (m_options.connection.signIn == SignInMethod::Smart)
            startSession(baseUrl, m_options.secrets, m_options.browser, m_options.signInAtStart);
        else
            m_client->setTokenProvider(std::move(tokenProvider));
    }
    if (const Common::Status address = m_client->setBaseUrl(baseUrl); !address) {
        // The outbox still opens, so lines can be entered and wait until the address is fixed.
        setSendingProblem(address.error().message);
    }

    if (m_options.training)
        m_options.probeIntervalMs = std::min(m_options.probeIntervalMs, 2000);
    if (!openOutbox(outboxPath, error))
        return false;
    if (m_session) {
        connect(m_session.get(), &Auth::SmartSession::stateChanged, this, &Workspace::onSessionChanged);
        connect(m_session.get(), &Auth::SmartSession::signInRequired, this, &Workspace::signInNeeded);
        connect(m_session.get(), &Auth::SmartSession::signInFailed, this, &Workspace::signInNeeded);
        connect(m_session.get(), &Auth::SmartSession::signInFailed, this, [this] {
            m_unansweredTrainingPage.clear();
            if (m_server && m_server->isOffline())
                m_signInAwaitsTrainingEhr = true;
        });
    }

    qCInfo(lcWorkspace) << "workspace started" << (m_options.training ? "training" : "ehr");
    Q_EMIT started();
    return true;
}

bool Workspace::openOutbox(const QString &outboxPath, QString *error)
{
    m_store = std::make_unique<Outbox::OutboxStore>();
    m_store->setClock(m_clock);
    if (const Common::Status opened = m_store->open(outboxPath); !opened) {
        *error = tr("Cannot open the outbox %1: %2").arg(outboxPath, opened.error().message);
        return false;
    }
    connect(m_store.get(), &Outbox::OutboxStore::countsChanged, this, &Workspace::countsChanged);

    m_directory = std::make_unique<Outbox::PatientDirectory>(m_client.get(), m_store.get());
    m_sender = std::make_unique<Outbox::Sender>(m_store.get(), m_client.get());
    m_sender->setBackoff(m_options.backoff.value_or(Outbox::BackoffPolicy::fromEnvironment()));
    m_sender->setProbeInterval(std::chrono::milliseconds(m_options.probeIntervalMs));
    // The same number at once as superbill-cli: its settings file (outbox/inFlight) or SUPERBILL_IN_FLIGHT.
    m_sender->setParallel(Ehr::EhrSettings::fromEnvironment().linesInFlight);
    connect(m_sender.get(), &Outbox::Sender::onlineChanged, this, &Workspace::onlineChanged);
    connect(m_sender.get(), &Outbox::Sender::credentialsRequired, this, &Workspace::credentialsRequired);
    connect(m_sender.get(), &Outbox::Sender::ehrWarning, this, &Workspace::ehrWarning);
    connect(m_sender.get(), &Outbox::Sender::lineFinished, this, [this](qint64 id, Outbox::LineState state) {
        if (state != Outbox::LineState::NeedsCorrection)
            return;
        if (const auto line = m_store->line(id))
            m_directory->noteRefusal(*line);
        Q_EMIT lineRefused(id);
    });
    connect(m_sender.get(), &Outbox::Sender::pausedChanged, this,
            [this](bool paused) { setSendingProblem(paused ? m_sender->pauseMessage() : QString()); });
    if (const Common::Status started = m_sender->start(); !started)
        setSendingProblem(started.error().message);
    if (m_session)
        onSessionChanged(); // a new sender holds lines for a read-only sign-in too

    return true;
}

void Workspace::closeOutbox()
{
    if (m_sender)
        m_sender->stop();
    if (m_client)
        m_client->cancelAll();
    m_sender.reset();
    m_directory.reset();
    m_store.reset();
}

bool Workspace::startTraining(QString *token, QString *error)
{
    Sandbox::ServerOptions options;
    options.port = m_options.trainingPort;
    options.token = Sandbox::Token::generate();
    options.smart.autoApprove = true;
    options.dataFile = QDir(m_options.dataDir).filePath(QStringLiteral("training-ehr.sqlite"));
    options.logRequests = false;
    options.demoDataDir = m_options.trainingDemoData;
    m_server = std::make_unique<Sandbox::Server>(options);
    Common::Status started = m_server->start();
    if (!started && !options.demoDataDir.isEmpty()) {
        // A trainer's folder that went away must not keep the app from starting: the built-in data instead.
        qCWarning(lcWorkspace) << "the training demo data folder cannot be used; the built-in data is:"
                               << started.error().message;
        options.demoDataDir.clear();
        m_options.trainingDemoData.clear();
        m_server = std::make_unique<Sandbox::Server>(options);
        started = m_server->start();
    }
    if (!started) {
        *error = tr("The training EHR did not start: %1").arg(started.error().message);
        m_server.reset();
        return false;
    }
    connect(m_server.get(), &Sandbox::Server::faultsChanged, this, &Workspace::trainingBehaviourChanged);
    *token = options.token;
    return true;
}

void Workspace::startSession(const QUrl &fhirBase, Auth::SecretStore *secrets, Auth::BrowserLauncher browser,
                             bool signInIfNeeded)
{
    if (!secrets) {
        m_sessionSecrets = std::make_unique<Auth::MemorySecretStore>();
        secrets = m_sessionSecrets.get();
    }
    Auth::SmartSession::Settings settings;
    settings.fhirBase = fhirBase;
    if (!m_options.training) {
        if (!m_options.connection.clientId.trimmed().isEmpty())
            settings.clientId = m_options.connection.clientId.trimmed();
        settings.redirectPort = m_options.connection.redirectPort;
        settings.scopes = Auth::ScopeSet::parse(m_options.connection.scopes);
    }
    m_session = std::make_unique<Auth::SmartSession>(settings, secrets, std::move(browser));
    m_session->setClock(m_clock);
    connect(secrets, &Auth::SecretStore::persistenceChanged, this, &Workspace::sessionChanged);
    m_client->setAuthenticator(m_session.get());
    m_session->start(signInIfNeeded);
}

void Workspace::onSessionChanged()
{
    if (m_session->isSignedIn() && m_sender) {
        // Before the queue resumes: a sign-in that may only read keeps every line waiting.
        m_sender->setReadOnly(
            m_session->canCreateProcedures()
                ? QString()
                : tr("The EHR did not grant \"create procedures\" (Procedure.c) to this sign-in: "
                     "lines are kept in the queue and not sent. Sign in again and allow it, or ask "
                     "the EHR's administrator."));
        m_sender->setCredentialsChanged();
    }
    Q_EMIT sessionChanged();
}

void Workspace::signIn()
{
    if (m_session)
        m_session->signIn();
}

bool Workspace::openCatalog(QString *error)
{
    m_catalog = std::make_unique<Catalog::CodeCatalog>();
    m_catalog->setClock(m_clock);
    // Training always uses the built-in catalog, so every rule can be shown with known codes; its own
    // file keeps the trainee's favourites and recent codes apart from a real catalog's.
    bool ok = false;
    if (m_options.training)
        ok = m_catalog->loadTrainingCatalog(
            QDir(m_options.dataDir).filePath(QStringLiteral("training-catalog.sqlite")));
    else if (m_options.catalogPath.isEmpty())
        ok = m_catalog->openOrTraining();
    else
        ok = m_catalog->open(m_options.catalogPath);
    if (!ok) {
        *error = tr("Cannot load the code catalog: %1").arg(m_catalog->errorString());
        return false;
    }
    return true;
}

void Workspace::stop()
{
    closeOutbox();
    m_client.reset();
    m_session.reset();
    m_sessionSecrets.reset();
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_catalog.reset();
    // They belonged to that session and that server.
    m_unansweredTrainingPage.clear();
    m_signInAwaitsTrainingEhr = false;
}

QString Workspace::ehrDescription() const
{
    if (m_server && m_client)
        return tr("Training EHR · %1:%2").arg(m_client->baseUrl().host()).arg(m_client->baseUrl().port());
    if (m_client)
        return m_client->baseUrl().host();
    return {};
}

Outbox::QueueCounts Workspace::counts() const
{
    return m_store ? m_store->counts().valueOr({}) : Outbox::QueueCounts{};
}

QString Workspace::submit(qint64 lineId, const Model::ProcedureEntry &entry)
{
    if (!m_store)
        return tr("the outbox is not open");
    if (lineId < 0) {
        if (const auto queued = m_store->enqueue(entry); !queued)
            return queued.error().message;
    } else if (const Common::Status replaced = m_store->replaceEntry(lineId, entry); !replaced) {
        return replaced.error().message;
    }
    if (m_sender)
        m_sender->wake();
    return {};
}

Common::Result<QList<qint64>> Workspace::submitAll(const QList<Outbox::LineWrite> &writes)
{
    if (!m_store)
        return Common::makeError(QStringLiteral("outbox-closed"), tr("the outbox is not open"));
    auto ids = m_store->enqueueAll(writes);
    if (ids && m_sender)
        m_sender->wake();
    return ids;
}

QString Workspace::resend(qint64 lineId)
{
    if (!m_store)
        return tr("the outbox is not open");
    // Resending a line to an encounter the EHR has closed can only be refused again.
    if (const auto line = m_store->line(lineId); line && m_directory) {
        if (const auto takes = m_directory->checkTakesLines(line->encounterId); !takes)
            return takes.error().message;
    }
    if (const Common::Status retried = m_store->retry(lineId); !retried)
        return retried.error().message;
    if (m_sender)
        m_sender->wake();
    return {};
}

bool Workspace::isSendingNow(qint64 lineId) const
{
    return m_sender && m_sender->isInFlight(lineId);
}

QString Workspace::discard(qint64 lineId, const QString &reason)
{
    if (!m_store)
        return tr("the outbox is not open");
    // Claimed ahead, not sent: back in the queue first, where it can be discarded.
    if (m_sender)
        m_sender->giveBack(lineId);
    if (const Common::Status discarded = m_store->discard(lineId, reason); !discarded)
        return discarded.error().message;
    return {};
}

void Workspace::credentialsChanged()
{
    if (m_sender)
        m_sender->setCredentialsChanged();
}

bool Workspace::isOnline() const
{
    return !m_sender || m_sender->isOnline();
}

void Workspace::setSendingProblem(const QString &problem)
{
    if (problem == m_sendingProblem)
        return;
    m_sendingProblem = problem;
    Q_EMIT sendingProblemChanged(problem);
}

QString Workspace::trainingOutboxPath() const
{
    return QDir(m_options.dataDir).filePath(QStringLiteral("training-outbox.sqlite"));
}

QString Workspace::resetTrainingWith(const std::function<Common::Status()> &serverStep)
{
    if (!m_options.training || !m_server)
        return tr("Only the training EHR can be reset; a real EHR's data and queue are never touched.");
    if (const Common::Status stepped = serverStep(); !stepped)
        return stepped.error().message;
    QString error;
    if (const Common::Status normal = Sandbox::applyBehaviour(*m_server, {}); !normal.ok())
        qCWarning(lcWorkspace) << "the training EHR's behaviour was not reset:" << normal.error().message;
    const QString path = trainingOutboxPath();
    closeOutbox();
    setSendingProblem(QString());
    // The training outbox is a file of its own, so removing it empties the training queue and nothing else.
    for (const QString &file :
         QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        if (QFile::exists(file) && !QFile::remove(file))
            error = tr("The training queue %1 could not be emptied.").arg(file);
    }
    QString openError;
    if (!openOutbox(path, &openError))
        error = openError;
    qCInfo(lcWorkspace) << "training data reset";
    Q_EMIT trainingReset();
    return error;
}

QString Workspace::resetTraining()
{
    return resetTrainingWith([this] { return m_server->reset(); });
}

QString Workspace::loadTrainingData(const QString &dir)
{
    const QString error = resetTrainingWith([this, &dir]() -> Common::Status {
        const Common::Status loaded = m_server->loadDemoData(dir);
        if (!loaded)
            return Common::makeError(loaded.error().code,
                                     tr("The demo data in %1 cannot be used: %2")
                                         .arg(QDir::toNativeSeparators(dir), loaded.error().message));
        return {};
    });
    if (error.isEmpty())
        m_options.trainingDemoData = dir;
    return error;
}

Sandbox::BehaviourChoice Workspace::trainingBehaviour() const
{
    if (!m_server)
        return {};
    return Sandbox::behaviourOf(m_server->faults(), m_server->isOffline());
}

QString Workspace::setTrainingBehaviour(const Sandbox::BehaviourChoice &choice)
{
    if (!m_options.training || !m_server)
        return tr("Only the training EHR's behaviour can be changed.");
    const Common::Status status = Sandbox::applyBehaviour(*m_server, choice);
    if (!status.ok())
        return status.error().message;
    if (choice.behaviour == Sandbox::TrainingBehaviour::Offline)
        return {};
    // A sign-in the offline EHR could not take is made now (the training EHR's page approves itself), as
    // a real EHR's sign-in would be tried again by the person once it answers.
    const QUrl unanswered = std::exchange(m_unansweredTrainingPage, {});
    const bool signInFailed = std::exchange(m_signInAwaitsTrainingEhr, false);
    const auto signInState = m_session ? m_session->state() : Auth::SmartSession::State::SignedOut;
    if (!unanswered.isEmpty() && signInState == Auth::SmartSession::State::SigningIn)
        openTrainingSignInPage(unanswered);
    else if (signInFailed && signInState == Auth::SmartSession::State::SignedOut)
        signIn();
    // Lines waiting for an EHR that is back go now, not at the next probe.
    if (m_sender)
        m_sender->wake();
    return {};
}

QString Workspace::trainingToken() const
{
    return m_server ? m_trainingToken : QString();
}

void Workspace::openTrainingSignInPage(const QUrl &page)
{
    if (!m_trainingPages)
        m_trainingPages = new QNetworkAccessManager(this);
    QNetworkReply *reply = m_trainingPages->get(QNetworkRequest(page));
    connect(reply, &QNetworkReply::finished, this, [this, reply, page] {
        reply->deleteLater();
        // Not reached at all (no redirect followed, a connection-level error): opened again when the EHR
        // is set back, as a person would reload the page.
        const bool unreached = reply->url() == page && reply->error() != QNetworkReply::NoError &&
                               reply->error() < QNetworkReply::ProxyConnectionRefusedError;
        if (!unreached || !m_server || !m_server->isOffline())
            return;
        m_unansweredTrainingPage = page;
        Q_EMIT ehrWarning(tr("The training EHR is set Offline: the sign-in goes on when it is set back "
                             "(Training menu)."));
    });
}

void Workspace::signInAgain()
{
    // This one is tried now.
    m_signInAwaitsTrainingEhr = false;
    m_unansweredTrainingPage.clear();
    if (m_options.training && m_server) {
        m_trainingToken = Sandbox::Token::generate();
        m_server->renewToken(m_trainingToken);
    }
    // A fresh SMART sign-in too (the training EHR's page approves itself), as a clerk would after an expiry.
    if (m_session)
        m_session->signIn();
    credentialsChanged();
}

} // namespace Ui
