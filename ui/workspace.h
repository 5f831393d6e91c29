#pragma once

#include <functional>
#include <memory>
#include <optional>

#include <QObject>
#include <QUrl>

#include "appsettings.h"
#include "auth/browser.h"
#include "common/result.h"
#include "outbox/backoffpolicy.h"
#include "outbox/outboxline.h"
#include "sandbox/trainingbehaviour.h"

class QNetworkAccessManager;

namespace Auth {
class SecretStore;
class SmartSession;
} // namespace Auth
namespace Catalog {
class CodeCatalog;
}
namespace Common {
class Clock;
}
namespace Ehr {
class EhrClient;
}
namespace Outbox {
class OutboxStore;
class PatientDirectory;
class Sender;
} // namespace Outbox
namespace Sandbox {
class Server;
}

namespace Ui {

/**
 * Everything behind the window: the EHR client, the durable outbox and its
 * sender, the code catalog and, in training mode, the training EHR running
 * in-process on a loopback port. The window only talks to these through the
 * Workspace, so training and a real EHR look the same. With SMART sign-in
 * (and in training, where the training EHR's page approves itself and no
 * browser opens) the SmartSession supplies the tokens; the queue waits while
 * nobody is signed in, or while the sign-in does not allow creating
 * procedures, and resumes by itself after a sign-in.
 *
 * Training keeps its own EHR data and outbox files, so a training line can
 * never reach a real EHR.
 */
class Workspace : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool training = true;
        ConnectionSettings connection;
        /// Where training files live; default: the application's data folder.
        QString dataDir;
        /// The outbox file for a real EHR; default: the one superbill-cli also uses.
        QString outboxPath;
        /// A code catalog file; default: the shared catalog when it exists, else the training catalog.
        QString catalogPath;
        /// Training EHR port; 0: any free port.
        quint16 trainingPort = 0;
        std::optional<Outbox::BackoffPolicy> backoff;
        /// How often the sender looks for the EHR while it is unreachable (at most 2 s in training, so a
        /// class sees lines go as soon as the trainer brings the training EHR back).
        int probeIntervalMs = 10000;
        /// Where the SMART sign-in keeps its refresh token (the keychain); nullptr: this session only.
        Auth::SecretStore *secrets = nullptr;
        /// Opens the EHR's sign-in page; the app passes SUPERBILL_BROWSER or the desktop's browser.
        Auth::BrowserLauncher browser;
        /// With SMART and no stored sign-in that still works, open the sign-in page at once.
        bool signInAtStart = true;
        /// The training EHR's demo data folder; empty: the built-in demo data.
        QString trainingDemoData;
    };

    explicit Workspace(QObject *parent = nullptr);
    ~Workspace() override;

    /// Starts the training EHR (in training), opens the catalog and the outbox and starts sending;
    /// emits started() when it did.
    bool start(const Options &options, std::function<QString()> tokenProvider, QString *error);
    void stop();
    bool isStarted() const { return m_store != nullptr; }

    bool isTraining() const { return m_options.training; }
    const Options &options() const { return m_options; }
    Ehr::EhrClient *client() const { return m_client.get(); }
    Outbox::OutboxStore *store() const { return m_store.get(); }
    Outbox::Sender *sender() const { return m_sender.get(); }
    /// Patients, encounters and diagnoses: from the EHR, or its offline copy when it cannot answer.
    Outbox::PatientDirectory *directory() const { return m_directory.get(); }
    Catalog::CodeCatalog *catalog() const { return m_catalog.get(); }
    Sandbox::Server *trainingServer() const { return m_server.get(); }
    /// The SMART sign-in (training, or a real EHR with SMART sign-in); nullptr with a bearer token.
    Auth::SmartSession *session() const { return m_session.get(); }
    /// Where "now" comes from for everything the workspace starts (catalog, outbox, EHR client, training
    /// EHR); set it before start(). Not owned; nullptr: the system clock.
    void setClock(const Common::Clock *clock);
    const Common::Clock &clock() const { return *m_clock; }

    /// "Training EHR · 127.0.0.1:41234" or the EHR's host.
    QString ehrDescription() const;
    bool isOnline() const;
    Outbox::QueueCounts counts() const;
    /// A problem that stops sending (another program sends from this outbox, credentials ...), or empty.
    QString sendingProblem() const { return m_sendingProblem; }

    /// Keeps a line in the outbox (a new one, or the correction of line `lineId`) and sends it
    /// in the background. Returns an error for a person, or an empty string once it is safe on disk.
    QString submit(qint64 lineId, const Model::ProcedureEntry &entry);
    /// Keeps a whole superbill (new lines and corrections) in one outbox transaction and sends it in
    /// the background; the lines' ids, or why nothing was kept.
    Common::Result<QList<qint64>> submitAll(const QList<Outbox::LineWrite> &writes);
    QString resend(qint64 lineId);
    /// Whether the line's request is out to the EHR now; a line claimed ahead by the sender waits as
    /// `sending` without being sent, and can still be discarded.
    bool isSendingNow(qint64 lineId) const;
    QString discard(qint64 lineId, const QString &reason);

    /// Training only: restores the training EHR's demo data (no Procedures, normal behaviour) and empties
    /// the training outbox. A real EHR's outbox and settings are never touched. An error, or empty.
    QString resetTraining();
    /// Training only: the training EHR serves the demo data of dir from now on (empty: the built-in set),
    /// after checking it; then as resetTraining(). Nothing changes when the folder cannot be used.
    QString loadTrainingData(const QString &dir);
    /// The training EHR's behaviour (Normal outside training).
    Sandbox::BehaviourChoice trainingBehaviour() const;
    QString setTrainingBehaviour(const Sandbox::BehaviourChoice &choice);
    /// The training EHR's bearer token, for a trainer showing superbill-cli; never logged.
    QString trainingToken() const;

public Q_SLOTS:
    /// New credentials were entered: resume a queue paused for them.
    void credentialsChanged();
    /// Opens the EHR's sign-in page again (SMART).
    void signIn();
    /// Training: signs in to the training EHR afresh (a new token, ending a simulated expiry), then resumes.
    void signInAgain();

Q_SIGNALS:
    /// start() succeeded: the client, the outbox, the catalog and the directory are there.
    void started();
    void onlineChanged(bool online);
    void countsChanged(const Outbox::QueueCounts &counts);
    void sendingProblemChanged(const QString &problem);
    void credentialsRequired(const QString &message);
    /// The SMART sign-in changed: signed in (as whom, with what) or out.
    void sessionChanged();
    /// A person must sign in (again): the sign-in failed or the EHR ended it.
    void signInNeeded(const QString &message);
    /// The EHR refused a line; a person must correct or discard it.
    void lineRefused(qint64 id);
    /// Something about the EHR a person should know (not FHIR R4, no conditional create ...).
    void ehrWarning(const QString &message);
    /// The training data and outbox were reset: the outbox is a new one.
    void trainingReset();
    /// The training EHR's behaviour changed (also when a one-time fault was used up).
    void trainingBehaviourChanged();

private:
    void setSendingProblem(const QString &problem);
    /// The training EHR's sign-in page, which approves itself: nobody needs to see it, so the "browser"
    /// only follows its redirects back to the sign-in's loopback listener.
    void openTrainingSignInPage(const QUrl &page);
    bool startTraining(QString *token, QString *error);
    void startSession(const QUrl &fhirBase, Auth::SecretStore *secrets, Auth::BrowserLauncher browser,
                      bool signInIfNeeded);
    void onSessionChanged();
    bool openCatalog(QString *error);
    bool openOutbox(const QString &path, QString *error);
    void closeOutbox();
    QString trainingOutboxPath() const;
    /// Runs serverStep on the training EHR, then empties the training outbox.
    QString resetTrainingWith(const std::function<Common::Status()> &serverStep);

    Options m_options;
    const Common::Clock *m_clock;
    std::unique_ptr<Sandbox::Server> m_server;
    std::unique_ptr<Auth::SecretStore> m_sessionSecrets;
    std::unique_ptr<Auth::SmartSession> m_session;
    std::unique_ptr<Catalog::CodeCatalog> m_catalog;
    std::unique_ptr<Ehr::EhrClient> m_client;
    std::unique_ptr<Outbox::OutboxStore> m_store;
    std::unique_ptr<Outbox::Sender> m_sender;
    std::unique_ptr<Outbox::PatientDirectory> m_directory;
    QString m_sendingProblem;
    QString m_trainingToken;
    QNetworkAccessManager *m_trainingPages = nullptr;
    /// What the training EHR, set Offline, could not take is tried again when it is set back: the sign-in
    /// page it did not answer (the sign-in still waits for it), or a sign-in that failed.
    QUrl m_unansweredTrainingPage;
    bool m_signInAwaitsTrainingEhr = false;
};

} // namespace Ui
