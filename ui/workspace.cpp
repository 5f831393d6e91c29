#include "workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

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
    if (!QDir().mkpath(m_options.dataDir)) {
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
        outboxPath = QDir(m_options.dataDir).filePath(QStringLiteral("training-outbox.sqlite"));
        m_client->setDialect(Fhir::Dialect::EhrVendor);
        m_client->setTokenProvider([trainingToken] { return trainingToken; });
    } else {
        // The same outbox as superbill-cli (shared settings file, SUPERBILL_DB), so both see one queue.
        const Ehr::EhrSettings shared = Ehr::EhrSettings::fromEnvironment();
        if (outboxPath.isEmpty())
            outboxPath = shared.databasePath;
        m_client->setTransferTimeout(std::chrono::milliseconds(shared.transferTimeoutMs));
        m_client->setDialect(m_options.connection.dialect);
        m_client->setTokenProvider(std::move(tokenProvider));
    }
    if (const Common::Status address = m_client->setBaseUrl(baseUrl); !address) {
        // The outbox still opens, so lines can be entered and wait until the address is fixed.
        setSendingProblem(address.error().message);
    }

    QDir().mkpath(QFileInfo(outboxPath).absolutePath());
    m_store = std::make_unique<Outbox::OutboxStore>();
    m_store->setClock(m_clock);
    if (!m_store->open(outboxPath, error)) {
        *error = tr("Cannot open the outbox %1: %2").arg(outboxPath, *error);
        return false;
    }
    connect(m_store.get(), &Outbox::OutboxStore::countsChanged, this, &Workspace::countsChanged);

    m_directory = std::make_unique<Outbox::PatientDirectory>(m_client.get(), m_store.get());
    m_sender = std::make_unique<Outbox::Sender>(m_store.get(), m_client.get());
    m_sender->setBackoff(m_options.backoff.value_or(Outbox::BackoffPolicy::fromEnvironment()));
    m_sender->setProbeInterval(std::chrono::milliseconds(m_options.probeIntervalMs));
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
    QString senderError;
    if (!m_sender->start(&senderError))
        setSendingProblem(senderError);

    qCInfo(lcWorkspace) << "workspace started" << (m_options.training ? "training" : "ehr");
    return true;
}

bool Workspace::startTraining(QString *token, QString *error)
{
    Sandbox::ServerOptions options;
    options.port = m_options.trainingPort;
    options.token = Sandbox::Token::generate();
    options.dataFile = QDir(m_options.dataDir).filePath(QStringLiteral("training-ehr.sqlite"));
    options.logRequests = false;
    m_server = std::make_unique<Sandbox::Server>(options);
    QString why;
    if (!m_server->start(&why)) {
        *error = tr("The training EHR did not start: %1").arg(why);
        m_server.reset();
        return false;
    }
    *token = options.token;
    return true;
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
    if (m_sender)
        m_sender->stop();
    if (m_client)
        m_client->cancelAll();
    m_sender.reset();
    m_directory.reset();
    m_store.reset();
    m_client.reset();
    if (m_server)
        m_server->stop();
    m_server.reset();
    m_catalog.reset();
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
    return m_store ? m_store->counts() : Outbox::QueueCounts{};
}

QString Workspace::submit(qint64 lineId, const Model::ProcedureEntry &entry)
{
    if (!m_store)
        return tr("the outbox is not open");
    QString error;
    if (lineId < 0) {
        if (!m_store->enqueue(entry, &error))
            return error;
    } else if (!m_store->replaceEntry(lineId, entry, &error)) {
        return error;
    }
    if (m_sender)
        m_sender->wake();
    return {};
}

QString Workspace::resend(qint64 lineId)
{
    // Resending a line to an encounter the EHR has closed can only be refused again.
    const auto line = m_store ? m_store->line(lineId) : std::nullopt;
    if (line && m_directory) {
        if (const auto takes = m_directory->checkTakesLines(line->encounterId); !takes)
            return takes.error().message;
    }
    QString error;
    if (!m_store || !m_store->retry(lineId, &error))
        return error.isEmpty() ? tr("the outbox is not open") : error;
    if (m_sender)
        m_sender->wake();
    return {};
}

QString Workspace::discard(qint64 lineId, const QString &reason)
{
    QString error;
    if (!m_store || !m_store->discard(lineId, reason, &error))
        return error.isEmpty() ? tr("the outbox is not open") : error;
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

} // namespace Ui
