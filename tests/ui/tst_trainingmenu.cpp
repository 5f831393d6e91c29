#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>

#include "../common/resultcheck.h"
#include "../common/sampleentry.h"
#include "auth/smartsession.h"
#include "ehr/ehrsettings.h"
#include "outbox/sender.h"
#include "outboxlinesmodel.h"
#include "refusecodedialog.h"
#include "sandbox/server.h"
#include "trainingehrdialog.h"
#include "trainingmenu.h"
#include "trainingwindow.h"

namespace {

QStringList *capturedLog = nullptr;

void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    if (capturedLog)
        capturedLog->append(message);
}

} // namespace

/**
 * The Training menu on the real window: reset (never a real EHR's queue), each EHR behaviour in the
 * banner and on the next request, the training EHR's address and token, a trainer's demo data.
 */
class TestTrainingMenu : public QObject
{
    Q_OBJECT

private:
    TrainingWindow m_app;

    QAction *action(const QString &name) { return m_app.window->findChild<QAction *>(name); }

    /// Triggers a menu action and confirms the question it asks.
    void triggerConfirmed(const QString &name, bool confirm = true)
    {
        TrainingWindow::answerDialogs(
            [&] { action(name)->trigger(); },
            [confirm](QWidget *modal) {
                auto *box = qobject_cast<QMessageBox *>(modal);
                if (!box)
                    return false;
                return confirm ? TrainingWindow::clickIn(box, QStringLiteral("trainingConfirmButton"))
                               : (QMetaObject::invokeMethod(box->defaultButton(), &QAbstractButton::click,
                                                            Qt::QueuedConnection),
                                  true);
            });
    }

    /// Code, Surgical, time, the first two diagnoses, Ctrl+Enter: a line for Okafor's open encounter.
    qint64 enterLine(const QString &code, const QString &time)
    {
        m_app.keys(code + QStringLiteral(" Tab s Tab ") + time +
                   QStringLiteral(" Tab Enter Enter Ctrl+Enter"));
        const auto lines = m_app.lines();
        return lines.isEmpty() ? -1 : lines.last().id;
    }

    QString banner() { return m_app.widget<QLabel>(QStringLiteral("trainingBannerLabel"))->text(); }

private slots:
    void init() { QVERIFY(m_app.open()); }
    void cleanup()
    {
        capturedLog = nullptr;
        qInstallMessageHandler(nullptr);
        m_app.close();
    }

    void onlyInTrainingMode()
    {
        QVERIFY(m_app.window->trainingMenu()->menuAction()->isVisible());
        QVERIFY(m_app.window->menuBar()->actions().contains(m_app.window->trainingMenu()->menuAction()));

        // A window on a real EHR (the same server code, another token): no Training menu, no banner, and the
        // training tools refuse to act on it.
        Sandbox::ServerOptions ehrOptions;
        ehrOptions.token = QStringLiteral("the-practice-token");
        ehrOptions.logRequests = false;
        Sandbox::Server ehr(ehrOptions);
        QString error;
        QVERIFY_OK(ehr.start());
        Ui::AppSettings settings(m_app.dir->filePath(QStringLiteral("real.ini")));
        Ui::TokenStore tokens(Ui::TokenStore::Backend::SessionOnly);
        Ui::Workspace real;
        Ui::Workspace::Options options;
        options.training = false;
        options.connection.mode = Ui::EhrMode::Ehr;
        options.connection.baseUrl = ehr.baseUrl();
        options.dataDir = m_app.dir->filePath(QStringLiteral("real"));
        options.outboxPath = m_app.dir->filePath(QStringLiteral("real/outbox.sqlite"));
        QVERIFY2(real.start(
                     options, [] { return QStringLiteral("the-practice-token"); }, &error),
                 qPrintable(error));
        Ui::MainWindow window(settings, tokens, real);
        QVERIFY(!window.trainingMenu()->menuAction()->isVisible());
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("trainingBannerLabel"))->isHidden());
        QVERIFY(!real.resetTraining().isEmpty());
        QVERIFY(!real.setTrainingBehaviour({Sandbox::TrainingBehaviour::Offline, {}}).isEmpty());
        QVERIFY(real.trainingToken().isEmpty());
    }

    void resetEmptiesTheTrainingQueueAndNeverARealOne()
    {
        // A real EHR's queue with a line waiting, in the file a real EHR uses.
        const QString realOutbox = m_app.dir->filePath(QStringLiteral("ehr-outbox.sqlite"));
        {
            Outbox::OutboxStore store;
            QVERIFY(store.open(realOutbox).ok());
            QVERIFY(store.enqueue(sampleEntry()).ok());
        }
        Ui::ConnectionSettings real;
        real.mode = Ui::EhrMode::Ehr;
        real.baseUrl = QUrl(QStringLiteral("https://ehr.example.org/fhir"));
        m_app.settings->setConnection(real);
        m_app.settings->sync();

        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        const qint64 id = enterLine(QStringLiteral("20610"), QStringLiteral("1030"));
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->store()->line(id)->state, Outbox::LineState::Sent,
                                  TrainingWindow::SlowMachineTimeoutMs);
        QCOMPARE(m_app.workspace->trainingServer()->procedureCount(), 1);
        QVERIFY(m_app.workspace->setTrainingBehaviour({Sandbox::TrainingBehaviour::Slow, {}}).isEmpty());

        // Cancel changes nothing.
        triggerConfirmed(QStringLiteral("resetDemoDataAction"), false);
        QCOMPARE(m_app.lines().size(), 1);
        QCOMPARE(m_app.workspace->trainingServer()->procedureCount(), 1);

        triggerConfirmed(QStringLiteral("resetDemoDataAction"));
        QVERIFY(m_app.lines().isEmpty());
        QCOMPARE(m_app.workspace->trainingServer()->procedureCount(), 0);
        QCOMPARE(m_app.workspace->trainingBehaviour().behaviour, Sandbox::TrainingBehaviour::Normal);
        QCOMPARE(m_app.window->linesModel()->rowCount(), 0);
        QVERIFY(m_app.widget<QLabel>(QStringLiteral("queueSizeLabel"))
                    ->text()
                    .contains(QStringLiteral("Queue empty")));
        QVERIFY(m_app.window->statusBar()->currentMessage().contains(QStringLiteral("Demo data restored")));

        Outbox::OutboxStore store;
        QVERIFY(store.open(realOutbox).ok());
        QCOMPARE(store.lines()->size(), 1);
        Ui::AppSettings reread(m_app.settings->fileName());
        QCOMPARE(reread.connection(), real);

        // And the trainee works on: a new line reaches the training EHR.
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        const qint64 next = enterLine(QStringLiteral("20610"), QStringLiteral("1030"));
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->store()->line(next)->state, Outbox::LineState::Sent,
                                  TrainingWindow::SlowMachineTimeoutMs);
    }

    void eachBehaviourShowsInTheBannerAndActsOnTheNextRequest_data()
    {
        QTest::addColumn<QString>("behaviour");
        QTest::addColumn<QString>("banner");
        QTest::newRow("offline") << "Offline"
                                 << "Training — EHR offline (simulated)";
        QTest::newRow("slow") << "Slow"
                              << "Training — EHR slow, 2 s per answer (simulated)";
        QTest::newRow("failing") << "Failing"
                                 << "Training — EHR failing 1 request in 2 (simulated)";
        QTest::newRow("drop answers") << "DropAnswers"
                                      << "Training — EHR answers lost (simulated)";
        QTest::newRow("token expired") << "TokenExpired"
                                       << "Training — access token expired (simulated)";
        QTest::newRow("sign-in ended") << "SignInEnded"
                                       << "Training — sign-in expired (simulated)";
        QTest::newRow("refuse") << "RefuseNextLine"
                                << "Training — the next line will be refused with 500009 (simulated)";
    }

    void eachBehaviourShowsInTheBannerAndActsOnTheNextRequest()
    {
        QFETCH(QString, behaviour);
        QFETCH(QString, banner);
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        Sandbox::Server *server = m_app.workspace->trainingServer();
        const int refreshesBefore = server->smart().tokensIssued(QStringLiteral("refresh_token"));
        const QString actionName = QStringLiteral("behaviour%1Action").arg(behaviour);
        if (behaviour == u"RefuseNextLine") {
            TrainingWindow::answerDialogs(
                [&] { action(actionName)->trigger(); },
                [](QWidget *modal) {
                    auto *dialog = qobject_cast<Ui::RefuseCodeDialog *>(modal);
                    if (!dialog)
                        return false;
                    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("refuseCodeFilterEdit")),
                                     QStringLiteral("500009"));
                    QMetaObject::invokeMethod(dialog, &QDialog::accept, Qt::QueuedConnection);
                    return true;
                });
        } else {
            action(actionName)->trigger();
        }
        QVERIFY(action(actionName)->isChecked());
        QVERIFY2(this->banner().contains(banner), qPrintable(this->banner()));
        QVERIFY(m_app.widget<QLabel>(QStringLiteral("trainingBannerLabel"))
                    ->accessibleName()
                    .contains(QStringLiteral("Not a real EHR")));

        QElapsedTimer timer;
        timer.start();
        const qint64 id = enterLine(QStringLiteral("20610"), QStringLiteral("1030"));
        QVERIFY(id > 0);
        const auto line = [&] { return *m_app.workspace->store()->line(id); };
        if (behaviour == u"Offline") {
            QTRY_VERIFY_WITH_TIMEOUT(line().attempts >= 1, TrainingWindow::SlowMachineTimeoutMs);
            QTRY_VERIFY_WITH_TIMEOUT(m_app.widget<QLabel>(QStringLiteral("connectionLabel"))
                                         ->text()
                                         .contains(QStringLiteral("Offline")),
                                     TrainingWindow::SlowMachineTimeoutMs);
            QCOMPARE(server->procedureCount(), 0);
        } else if (behaviour == u"Slow") {
            QTRY_COMPARE_WITH_TIMEOUT(line().state, Outbox::LineState::Sent,
                                      TrainingWindow::SlowMachineTimeoutMs);
            QVERIFY2(timer.elapsed() >= 1900, qPrintable(QString::number(timer.elapsed())));
        } else if (behaviour == u"Failing") {
            QTRY_COMPARE_WITH_TIMEOUT(line().state, Outbox::LineState::Sent,
                                      TrainingWindow::SlowMachineTimeoutMs);
            // The first try met a server fault, and the line went on the retry: recorded once.
            const QList<Outbox::AuditEntry> audit = m_app.workspace->store()->audit(id).valueOr({});
            QVERIFY(std::any_of(audit.cbegin(), audit.cend(), [](const Outbox::AuditEntry &entry) {
                return entry.httpStatus == 500 || entry.httpStatus == 503;
            }));
            QCOMPARE(server->procedureCount(), 1);
        } else if (behaviour == u"DropAnswers") {
            QTRY_VERIFY_WITH_TIMEOUT(line().attempts >= 1 && line().outcomeUnknown,
                                     TrainingWindow::SlowMachineTimeoutMs);
            QCOMPARE(server->procedureCount(), 1);
            QVERIFY(line().state != Outbox::LineState::Sent);
            action(QStringLiteral("behaviourNormalAction"))->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(line().state, Outbox::LineState::Sent,
                                      TrainingWindow::SlowMachineTimeoutMs);
            QCOMPARE(server->procedureCount(), 1); // exactly once
        } else if (behaviour == u"TokenExpired") {
            // The app's access token expired: it renews it through SMART by itself, and the line goes.
            QTRY_COMPARE_WITH_TIMEOUT(line().state, Outbox::LineState::Sent,
                                      TrainingWindow::SlowMachineTimeoutMs);
            QCOMPARE(server->smart().tokensIssued(QStringLiteral("refresh_token")), refreshesBefore + 1);
            QCOMPARE(server->procedureCount(), 1);
            QVERIFY(!m_app.workspace->sender()->isPaused());
            QVERIFY(!action(QStringLiteral("signInAgainAction"))->isEnabled());
        } else if (behaviour == u"SignInEnded") {
            QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->sender()->pauseReason(),
                                      Outbox::Sender::PauseReason::Credentials,
                                      TrainingWindow::SlowMachineTimeoutMs);
            QTRY_VERIFY_WITH_TIMEOUT(
                m_app.window->statusBar()->currentMessage().contains(QStringLiteral("Sign in again")),
                TrainingWindow::SlowMachineTimeoutMs);
            QCOMPARE(server->procedureCount(), 0);
            // Signing in again (a new token) ends the expiry and sends the line.
            const QString oldToken = m_app.workspace->trainingToken();
            QAction *signIn = action(QStringLiteral("signInAgainAction"));
            QVERIFY(signIn->isEnabled());
            signIn->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(line().state, Outbox::LineState::Sent,
                                      TrainingWindow::SlowMachineTimeoutMs);
            QVERIFY(m_app.workspace->trainingToken() != oldToken);
            QVERIFY(this->banner().contains(QStringLiteral("not a real EHR")));
            QVERIFY(!signIn->isEnabled());
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(line().state, Outbox::LineState::NeedsCorrection,
                                      TrainingWindow::SlowMachineTimeoutMs);
            QCOMPARE(line().findings.value(0).code, QStringLiteral("500009"));
            QTRY_VERIFY(this->banner().contains(QStringLiteral("not a real EHR")));
            QVERIFY(action(QStringLiteral("behaviourNormalAction"))->isChecked());
        }
    }

    void aSignInTheOfflineEhrCouldNotTakeIsMadeWhenItIsBack()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        Sandbox::Server *server = m_app.workspace->trainingServer();
        action(QStringLiteral("behaviourSignInEndedAction"))->trigger();
        const qint64 id = enterLine(QStringLiteral("20610"), QStringLiteral("1030"));
        QVERIFY(id > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->sender()->pauseReason(),
                                  Outbox::Sender::PauseReason::Credentials,
                                  TrainingWindow::SlowMachineTimeoutMs);

        // The trainee signs in again while the EHR is offline: its page is not reached, the sign-in and
        // the line wait, and the status bar says so.
        action(QStringLiteral("behaviourOfflineAction"))->trigger();
        QAction *signIn = action(QStringLiteral("signInAgainAction"));
        QVERIFY(signIn->isEnabled());
        signIn->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_app.window->statusBar()->currentMessage().contains(QStringLiteral("sign-in goes on")),
            TrainingWindow::SlowMachineTimeoutMs);
        QCOMPARE(m_app.workspace->session()->state(), Auth::SmartSession::State::SigningIn);
        QCOMPARE(server->procedureCount(), 0);

        // The EHR is back: the page is opened again, the sign-in ends, and the line goes, once.
        action(QStringLiteral("behaviourNormalAction"))->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->store()->line(id)->state, Outbox::LineState::Sent,
                                  TrainingWindow::SlowMachineTimeoutMs);
        QCOMPARE(m_app.workspace->session()->state(), Auth::SmartSession::State::SignedIn);
        QCOMPARE(server->procedureCount(), 1);
        QVERIFY(!signIn->isEnabled());
    }

    void linesAtOnceFollowTheSetting()
    {
        QCOMPARE(m_app.workspace->sender()->parallel(), Ehr::EhrSettings::DefaultLinesInFlight);
        m_app.close();
        qputenv("SUPERBILL_IN_FLIGHT", "2");
        const bool opened = m_app.open();
        qunsetenv("SUPERBILL_IN_FLIGHT");
        QVERIFY(opened);
        QCOMPARE(m_app.workspace->sender()->parallel(), 2);
    }

    void addressAndTokenForTheCommandLine()
    {
        capturedLog = new QStringList;
        std::unique_ptr<QStringList> log(capturedLog);
        QLoggingCategory::setFilterRules(QStringLiteral("superbill.*=true"));
        qInstallMessageHandler(captureMessage);
        const QString token = m_app.workspace->trainingToken();
        QVERIFY(token.size() >= 32);
        QString shown;
        TrainingWindow::answerDialogs(
            [&] { action(QStringLiteral("showTrainingEhrAction"))->trigger(); },
            [&](QWidget *modal) {
                auto *dialog = qobject_cast<Ui::TrainingEhrDialog *>(modal);
                if (!dialog)
                    return false;
                shown = dialog->findChild<QLineEdit *>(QStringLiteral("trainingAddressEdit"))->text();
                auto *tokenEdit = dialog->findChild<QLineEdit *>(QStringLiteral("trainingTokenEdit"));
                // Hidden until asked for.
                if (tokenEdit->echoMode() != QLineEdit::Password)
                    return false;
                dialog->findChild<QPushButton *>(QStringLiteral("copyTokenButton"))->click();
                QMetaObject::invokeMethod(dialog, &QDialog::reject, Qt::QueuedConnection);
                return true;
            });
        QCOMPARE(shown, m_app.workspace->trainingServer()->baseUrl().toString());
        QCOMPARE(QApplication::clipboard()->text(), token);
        // Work that logs (a line sent) never writes the token.
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        const qint64 id = enterLine(QStringLiteral("20610"), QStringLiteral("1030"));
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->store()->line(id)->state, Outbox::LineState::Sent,
                                  TrainingWindow::SlowMachineTimeoutMs);
        qInstallMessageHandler(nullptr);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(!log->isEmpty());
        for (const QString &message : std::as_const(*log))
            QVERIFY2(!message.contains(token), qPrintable(message));
        QFile settings(m_app.settings->fileName());
        if (settings.open(QIODevice::ReadOnly))
            QVERIFY(!settings.readAll().contains(token.toUtf8()));
    }

    void aTrainersDemoData()
    {
        // The built-in set with one patient renamed, as a trainer's own scenario.
        const QString folder = m_app.dir->filePath(QStringLiteral("scenario"));
        QVERIFY(QDir().mkpath(folder));
        for (const QString &name : {QStringLiteral("patients.json"), QStringLiteral("encounters.json"),
                                    QStringLiteral("conditions.json")}) {
            QFile source(QStringLiteral(SUPERBILL_SOURCE_DIR "/resources/sandbox/") + name);
            QVERIFY(source.open(QIODevice::ReadOnly));
            QByteArray data = source.readAll();
            if (name == u"patients.json")
                data.replace("\"Okafor\"", "\"Okoro\"");
            QFile copy(QDir(folder).filePath(name));
            QVERIFY(copy.open(QIODevice::WriteOnly));
            copy.write(data);
        }
        QVERIFY(!action(QStringLiteral("builtInDemoDataAction"))->isEnabled());
        TrainingWindow::answerDialogs([&] { m_app.window->trainingMenu()->loadDemoDataFrom(folder); },
                                      [](QWidget *modal) {
                                          return TrainingWindow::clickIn(
                                              modal, QStringLiteral("trainingConfirmButton"));
                                      });
        QCOMPARE(m_app.workspace->trainingServer()->options().demoDataDir, folder);
        QCOMPARE(m_app.settings->training().demoDataDir, folder);
        QVERIFY(action(QStringLiteral("builtInDemoDataAction"))->isEnabled());
        m_app.openEncounter(QStringLiteral("Okoro"), QStringLiteral("Encounter-805"));

        // A folder that is not demo data changes nothing, and says why.
        QString warning;
        TrainingWindow::answerDialogs(
            [&] {
                m_app.window->trainingMenu()->loadDemoDataFrom(
                    m_app.dir->filePath(QStringLiteral("nothing")));
            },
            [&warning](QWidget *modal) {
                if (TrainingWindow::clickIn(modal, QStringLiteral("trainingConfirmButton")))
                    return true;
                auto *box = qobject_cast<QMessageBox *>(modal);
                if (!box)
                    return false;
                warning = box->text();
                QMetaObject::invokeMethod(box, &QDialog::accept, Qt::QueuedConnection);
                return true;
            });
        QVERIFY2(warning.contains(QStringLiteral("cannot be used")), qPrintable(warning));
        QCOMPARE(m_app.workspace->trainingServer()->options().demoDataDir, folder);

        TrainingWindow::answerDialogs([&] { action(QStringLiteral("builtInDemoDataAction"))->trigger(); },
                                      [](QWidget *modal) {
                                          return TrainingWindow::clickIn(
                                              modal, QStringLiteral("trainingConfirmButton"));
                                      });
        QVERIFY(m_app.workspace->trainingServer()->options().demoDataDir.isEmpty());
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
    }
};

QTEST_MAIN(TestTrainingMenu)
#include "tst_trainingmenu.moc"
