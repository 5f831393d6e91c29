#include <memory>

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "../common/resultcheck.h"
#include "appsettings.h"
#include "catalog/codecatalog.h"
#include "ehr/ehrsettings.h"
#include "encounterlistmodel.h"
#include "encounterpicker.h"
#include "findingsmodel.h"
#include "lineeditor.h"
#include "mainwindow.h"
#include "outbox/outboxstore.h"
#include "outbox/sender.h"
#include "outboxlinesmodel.h"
#include "patientlistmodel.h"
#include "queueview.h"
#include "sandbox/server.h"
#include "settingsdialog.h"
#include "tokenstore.h"
#include "windowharness.h"
#include "workspace.h"

using namespace std::chrono_literals;

/**
 * The real main window against the training EHR running in-process on a
 * loopback port, driven by object name with the keyboard.
 */
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    T *widget(const char *name)
    {
        return m_app.widget<T>(name);
    }

    QWidget *focused() const { return m_app.focused(); }
    void openEncounter(const QString &search, const QString &encounterId)
    {
        m_app.openEncounter(search, encounterId);
    }
    void typeLine(const QString &code, const QString &time) { m_app.typeLine(code, time); }
    Outbox::OutboxLine lastLine() const { return m_app.lastLine(); }
    QJsonObject storedProcedure(const Outbox::OutboxLine &line) { return m_app.storedProcedure(line); }
    /// Answers the Discard question the next key or click asks: Discard, or the default button (Cancel).
    void answerDiscardQuestion(bool discard)
    {
        QTimer::singleShot(0, this, [discard] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            auto *button = discard ? box->findChild<QPushButton *>(QStringLiteral("confirmDiscardButton"))
                                   : box->defaultButton();
            button->click();
        });
    }

    WindowHarness m_app;
    Ui::MainWindow *m_window = nullptr;
    Ui::Workspace *m_workspace = nullptr;
    Ui::AppSettings *m_settings = nullptr;
    Ui::TokenStore *m_tokens = nullptr;

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(m_app.start(&error), qPrintable(error));
        m_window = m_app.window.get();
        m_workspace = m_app.workspace.get();
        m_settings = m_app.settings.get();
        m_tokens = m_app.tokens.get();
    }

    void cleanup() { m_app.stop(); }

    void trainingBannerAndStatusBar()
    {
        auto *banner = widget<QLabel>("trainingBannerLabel");
        QVERIFY(banner->isVisible());
        QVERIFY(banner->accessibleName().contains(QStringLiteral("Training — not a real EHR")));
        QVERIFY(widget<QLabel>("connectionLabel")->text().contains(QStringLiteral("Online")));
        QVERIFY(widget<QLabel>("queueSizeLabel")->text().contains(QStringLiteral("Queue empty")));
        QCOMPARE(m_window->size(),
                 Ui::MainWindow::firstStartSize(m_window->screen()->availableGeometry().size()));
    }

    void typingIntoPatientSearchRightAfterShowWorks()
    {
        // As the app opens it: the window first, the training EHR, outbox and catalog after its first frame.
        m_app.window.reset();
        m_app.workspace = std::make_unique<Ui::Workspace>();
        m_app.window = std::make_unique<Ui::MainWindow>(*m_settings, *m_tokens, *m_app.workspace);
        m_window = m_app.window.get();
        m_workspace = m_app.workspace.get();
        QSignalSpy started(m_workspace, &Ui::Workspace::started);
        m_window->startWorkspaceWhenShown(m_app.trainingOptions());
        m_window->show();
        QVERIFY(widget<QLabel>("trainingBannerLabel")->isVisibleTo(m_window));
        QTest::keyClicks(widget<QLineEdit>("patientSearchEdit"), QStringLiteral("okafor"));
        QVERIFY(!m_workspace->isStarted()); // typed before anything behind the window was there

        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, SlowMachineTimeoutMs);
        QCOMPARE(widget<QLineEdit>("patientSearchEdit")->text(), QStringLiteral("okafor"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->encounterPicker()->patientModel()->rowCount() >= 1,
                                 SlowMachineTimeoutMs);
        QCOMPARE(m_window->encounterPicker()->patientModel()->patients().value(0).id,
                 QStringLiteral("Patient-265"));
        QVERIFY(widget<QLabel>("connectionLabel")->text().contains(QStringLiteral("Online")));
    }

    void patientFoundByNameMrnOrId_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("name") << "okafor";
        QTest::newRow("mrn") << "MRN-104200";
        QTest::newRow("id") << "Patient-265";
    }

    void patientFoundByNameMrnOrId()
    {
        QFETCH(QString, text);
        openEncounter(text, QStringLiteral("Encounter-805"));
        QCOMPARE(m_window->encounterPicker()->patientModel()->patients().value(0).id,
                 QStringLiteral("Patient-265"));
    }

    void fullLineReachesTheEhr()
    {
        openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        const qsizetype before = m_workspace->trainingServer()->procedureCount();
        typeLine(QStringLiteral("20610"), QStringLiteral("1030"));
        QCOMPARE(m_workspace->store()->lines()->size(), 1);
        const qint64 id = lastLine().id;
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->store()->line(id)->state, Outbox::LineState::Sent,
                                  SlowMachineTimeoutMs);
        QCOMPARE(m_workspace->trainingServer()->procedureCount(), before + 1);

        // The row says so, with the EHR's id.
        const int row = m_window->linesModel()->rowOf(id);
        QVERIFY(row >= 0);
        QTRY_COMPARE(m_window->linesModel()->index(row, Ui::OutboxLinesModel::StateColumn).data().toString(),
                     QStringLiteral("Sent"));
        const QString detail =
            m_window->linesModel()->index(row, Ui::OutboxLinesModel::DetailColumn).data().toString();
        QCOMPARE(detail, QStringLiteral("Procedure/") + m_workspace->store()->line(id)->ehrId);

        const QJsonObject procedure = storedProcedure(*m_workspace->store()->line(id));
        QVERIFY2(!procedure.isEmpty(), "the EHR has no Procedure with the line's identifier");
        QCOMPARE(procedure.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        const QJsonObject coding =
            procedure[QStringLiteral("code")][QStringLiteral("coding")].toArray().first().toObject();
        QCOMPARE(coding.value(QStringLiteral("system")).toString(),
                 QStringLiteral("http://www.ama-assn.org/go/cpt"));
        QCOMPARE(coding.value(QStringLiteral("code")).toString(), QStringLiteral("20610"));
        QCOMPARE(coding.value(QStringLiteral("display")).toString(),
                 QStringLiteral("Arthrocentesis, aspiration and/or injection, major joint or bursa"));
        QCOMPARE(procedure[QStringLiteral("category")][QStringLiteral("coding")]
                     .toArray()
                     .first()[QStringLiteral("code")]
                     .toString(),
                 QStringLiteral("387713003"));
        QCOMPARE(procedure[QStringLiteral("subject")][QStringLiteral("reference")].toString(),
                 QStringLiteral("Patient/Patient-265"));
        QCOMPARE(procedure[QStringLiteral("encounter")][QStringLiteral("reference")].toString(),
                 QStringLiteral("Encounter/Encounter-805"));
        QCOMPARE(procedure.value(QStringLiteral("performedDateTime")).toString(),
                 QStringLiteral("2026-03-14T10:30:00-05:00"));
        QVERIFY(!procedure.contains(QStringLiteral("performedPeriod")));
        QVERIFY(procedure.value(QStringLiteral("recordedDate")).toString().contains(u'T'));
        const QJsonArray reasons = procedure.value(QStringLiteral("reasonReference")).toArray();
        QCOMPARE(reasons.size(), 2);
        QCOMPARE(reasons.at(0)[QStringLiteral("reference")].toString(),
                 QStringLiteral("Condition/Condition-Problem-I-1332"));
        QCOMPARE(reasons.at(1)[QStringLiteral("reference")].toString(),
                 QStringLiteral("Condition/Condition-Problem-I-1333"));
        // The code is remembered as a recent one across runs, in the training catalog's own file.
        Catalog::CodeCatalog nextRun;
        QVERIFY(nextRun.loadTrainingCatalog(m_workspace->catalog()->path()));
        QCOMPARE(nextRun.recent(1).value(0).code, QStringLiteral("20610"));
    }

    void anesthesiaLineSendsPerformedPeriod()
    {
        openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        QTest::keyClicks(focused(), QStringLiteral("00400"));
        QTest::keyClick(focused(), Qt::Key_Tab);
        QTest::keyClick(focused(), Qt::Key_Tab);
        QCOMPARE(focused()->objectName(), QStringLiteral("anesthesiaStartEdit"));
        QTest::keyClicks(focused(), QStringLiteral("0945"));
        QTest::keyClick(focused(), Qt::Key_Tab);
        QCOMPARE(focused()->objectName(), QStringLiteral("anesthesiaEndEdit"));
        QTest::keyClicks(focused(), QStringLiteral("1100"));
        QCOMPARE(widget<QLabel>("anesthesiaMinutesLabel")->text(), QStringLiteral("75 min"));
        QVERIFY(widget<QLabel>("anesthesiaUnitsLabel")->text().contains(QStringLiteral("5 time units")));
        QTest::keyClick(focused(), Qt::Key_Tab);
        QTest::keyClick(focused(), Qt::Key_Return);
        QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_workspace->store()->lines()->size(), 1);
        const qint64 id = lastLine().id;
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->store()->line(id)->state, Outbox::LineState::Sent,
                                  SlowMachineTimeoutMs);
        const QJsonObject procedure = storedProcedure(*m_workspace->store()->line(id));
        QVERIFY(!procedure.contains(QStringLiteral("performedDateTime")));
        const QJsonObject period = procedure.value(QStringLiteral("performedPeriod")).toObject();
        QCOMPARE(period.value(QStringLiteral("start")).toString(),
                 QStringLiteral("2026-03-14T09:45:00-05:00"));
        QCOMPARE(period.value(QStringLiteral("end")).toString(), QStringLiteral("2026-03-14T11:00:00-05:00"));
    }

    void rulesStopLinesBesideTheFields()
    {
        openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        const qsizetype before = m_workspace->trainingServer()->procedureCount();

        // A dental code.
        QTest::keyClicks(focused(), QStringLiteral("D0120"));
        QVERIFY(widget<QLabel>("cptCodeMessageLabel")->text().contains(QStringLiteral("500034")));
        QTest::keyClick(focused(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(m_workspace->store()->lines()->isEmpty());

        // A duplicate diagnosis.
        m_window->lineEditor()->newLine();
        auto *combo = widget<QComboBox>("diagnosisCombo");
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Return);
        QTest::keyClick(combo, Qt::Key_Up);
        QTest::keyClick(combo, Qt::Key_Return);
        QVERIFY(widget<QLabel>("diagnosisMessageLabel")->text().contains(QStringLiteral("500036")));
        QTest::keyClick(combo, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(m_workspace->store()->lines()->isEmpty());

        // A signed-off encounter: listed with the reason, and it opens read-only.
        m_window->lineEditor()->newLine();
        auto *model = m_window->encounterPicker()->encounterModel();
        const int row = model->rowOf(QStringLiteral("Encounter-806"));
        QVERIFY(row >= 0);
        QVERIFY(model->index(row).data().toString().contains(QStringLiteral("500009")));
        QVERIFY(model->index(row).data(Qt::ToolTipRole).toString().contains(QStringLiteral("500009")));
        auto *encounters = widget<QListView>("encounterList");
        encounters->setFocus();
        QTest::mouseClick(encounters->viewport(), Qt::LeftButton, {},
                          encounters->visualRect(model->index(row)).center());
        QCOMPARE(m_window->lineEditor()->encounter().encounterId, QStringLiteral("Encounter-806"));
        QVERIFY(widget<QLabel>("encounterMessageLabel")->text().contains(QStringLiteral("500009")));
        QVERIFY(!widget<QLineEdit>("cptCodeEdit")->isEnabled());
        QVERIFY(!m_window->lineEditor()->submit());

        QVERIFY(m_workspace->store()->lines()->isEmpty());
        QCOMPARE(m_workspace->trainingServer()->procedureCount(), before);
    }

    void lineEnteredWhileTheEhrIsDownIsSentWhenItReturns()
    {
        openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        Sandbox::Server *server = m_workspace->trainingServer();
        const qsizetype before = server->procedureCount();
        server->stop();
        typeLine(QStringLiteral("99213"), QStringLiteral("1100"));
        const qint64 id = lastLine().id;
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->store()->line(id)->attempts >= 1, SlowMachineTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            widget<QLabel>("connectionLabel")->text().contains(QStringLiteral("Offline")),
            SlowMachineTimeoutMs);
        QVERIFY(widget<QLabel>("queueSizeLabel")->text().contains(QStringLiteral("1 waiting")));
        const int row = m_window->linesModel()->rowOf(id);
        QTRY_COMPARE(m_window->linesModel()->index(row, Ui::OutboxLinesModel::StateColumn).data().toString(),
                     QStringLiteral("Waiting to retry"));
        QVERIFY(m_window->linesModel()
                    ->index(row, Ui::OutboxLinesModel::DetailColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Next try")));
        QCOMPARE(m_window->queueView()->model()->rowCount(), 1);

        QVERIFY_OK(server->start());
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->store()->line(id)->state, Outbox::LineState::Sent,
                                  SlowMachineTimeoutMs);
        QCOMPARE(server->procedureCount(), before + 1);
        QTRY_VERIFY_WITH_TIMEOUT(widget<QLabel>("connectionLabel")->text().contains(QStringLiteral("Online")),
                                 SlowMachineTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            widget<QLabel>("queueSizeLabel")->text().contains(QStringLiteral("Queue empty")),
            SlowMachineTimeoutMs);
        QCOMPARE(m_window->queueView()->model()->rowCount(), 0);
        QVERIFY(!widget<QLabel>("queueEmptyLabel")->isHidden());
        QVERIFY(widget<QTableView>("queueTable")->isHidden());
    }

    void rejectedLineIsCorrectedAndResent()
    {
        openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        typeLine(QStringLiteral("99213"), QStringLiteral("1200"));
        const qint64 first = lastLine().id;
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->store()->line(first)->state, Outbox::LineState::Sent,
                                  SlowMachineTimeoutMs);
        // The same procedure again: the form warns first, and once confirmed the EHR refuses it as a
        // duplicate record.
        typeLine(QStringLiteral("99213"), QStringLiteral("1200"));
        QVERIFY(widget<QLabel>("confirmWarningsLabel")->text().contains(QStringLiteral("500002")));
        QCOMPARE(focused()->objectName(), QStringLiteral("confirmSubmitButton"));
        QTest::keyClick(focused(), Qt::Key_Return);
        const qint64 second = lastLine().id;
        QVERIFY(second != first);
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->store()->line(second)->state,
                                  Outbox::LineState::NeedsCorrection, SlowMachineTimeoutMs);
        QCOMPARE(m_workspace->store()->line(second)->findings.value(0).code, QStringLiteral("500002"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(QStringLiteral("refused")),
                                 SlowMachineTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            widget<QLabel>("queueSizeLabel")->text().contains(QStringLiteral("1 to correct")),
            SlowMachineTimeoutMs);
        const int row = m_window->linesModel()->rowOf(second);
        QCOMPARE(m_window->linesModel()->index(row, Ui::OutboxLinesModel::StateColumn).data().toString(),
                 QStringLiteral("Needs correction"));
        QVERIFY(m_window->linesModel()
                    ->index(row, Ui::OutboxLinesModel::DetailColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("500002")));

        // Queue view: open it, fix the time, resend.
        QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(widget<QTabWidget>("centreTabs")->currentIndex(), 1);
        QCOMPARE(focused()->objectName(), QStringLiteral("queueTable"));
        QCOMPARE(m_window->queueView()->currentLineId(), second);
        QTest::keyClick(focused(), Qt::Key_Return);
        QCOMPARE(widget<QTabWidget>("centreTabs")->currentIndex(), 0);
        QCOMPARE(m_window->lineEditor()->lineId(), second);
        QVERIFY(widget<QLabel>("cptCodeMessageLabel")->text().contains(QStringLiteral("500002")) ||
                widget<QLabel>("lineMessageLabel")->text().contains(QStringLiteral("500002")));
        auto *performed = widget<QDateTimeEdit>("performedAtEdit");
        performed->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(performed, QStringLiteral("1215"));
        QTest::keyClick(performed, Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_workspace->store()->lines()->size(), 2); // corrected in place, not a new line
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->store()->line(second)->state, Outbox::LineState::Sent,
                                  SlowMachineTimeoutMs);
        const QJsonObject procedure = storedProcedure(*m_workspace->store()->line(second));
        QCOMPARE(procedure.value(QStringLiteral("performedDateTime")).toString(),
                 QStringLiteral("2026-03-14T12:15:00-05:00"));
    }

    void encountersComeFromTheOfflineCopyWhenTheEhrIsDown()
    {
        openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_workspace->trainingServer()->stop();
        QSignalSpy loaded(m_window->encounterPicker(), &Ui::EncounterPicker::loaded);
        auto *search = widget<QLineEdit>("patientSearchEdit");
        search->setFocus();
        search->selectAll();
        QTest::keyClicks(search, QStringLiteral("Okafor"));
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, SlowMachineTimeoutMs);
        QCOMPARE(m_window->encounterPicker()->patientModel()->rowCount(), 1);
        QVERIFY2(widget<QLabel>("patientStatusLabel")->text().contains(QStringLiteral("offline copy")),
                 qPrintable(widget<QLabel>("patientStatusLabel")->text()));
        // The clerk can still open the encounter and enter a line; it waits in the queue.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->encounterPicker()->contextFor(QStringLiteral("Encounter-805")).has_value(),
            SlowMachineTimeoutMs);
        const auto context = m_window->encounterPicker()->contextFor(QStringLiteral("Encounter-805"));
        QVERIFY(context->diagnosesKnown);
        QCOMPARE(context->diagnoses.size(), m_window->lineEditor()->encounter().diagnoses.size());
    }

    void discardAsksFirst()
    {
        openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_workspace->trainingServer()->stop();
        typeLine(QStringLiteral("99213"), QStringLiteral("0800"));
        const qint64 id = lastLine().id;
        // A line in flight cannot be discarded; hold the sender so the line stays put.
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->store()->line(id)->attempts >= 1, SlowMachineTimeoutMs);
        m_workspace->sender()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->store()->line(id)->state == Outbox::LineState::Pending,
                                 SlowMachineTimeoutMs);
        QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(focused()->objectName(), QStringLiteral("queueTable"));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->queueView()->currentLineId(), id, SlowMachineTimeoutMs);

        answerDiscardQuestion(false); // Enter would keep it: Cancel is the default
        QTest::keyClick(focused(), Qt::Key_Delete);
        QVERIFY(m_workspace->store()->line(id)->state != Outbox::LineState::Discarded);
        answerDiscardQuestion(true);
        QTest::keyClick(focused(), Qt::Key_Delete);
        QCOMPARE(m_workspace->store()->line(id)->state, Outbox::LineState::Discarded);
        QCOMPARE(m_window->queueView()->model()->rowCount(), 0);
        QVERIFY(widget<QLabel>("queueEmptyLabel")->isVisible());
        // The emptied queue keeps the focus, on its message, instead of the patient search.
        QCOMPARE(focused()->objectName(), QStringLiteral("queueEmptyLabel"));
    }

    void aLineWaitingForASlotCanBeDiscarded()
    {
        openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        Sandbox::FaultSettings slow;
        slow.latencyMs = 5000; // the first line's answer stays out while the test works
        m_workspace->trainingServer()->setFaults(slow);
        m_workspace->sender()->setParallel(1);
        typeLine(QStringLiteral("99213"), QStringLiteral("0800"));
        const qint64 sent = lastLine().id;
        QTRY_VERIFY_WITH_TIMEOUT(m_workspace->isSendingNow(sent), SlowMachineTimeoutMs);
        // The second line is claimed for the slot (sending in the outbox) but its request is not out.
        typeLine(QStringLiteral("20610"), QStringLiteral("0815"));
        const qint64 waiting = lastLine().id;
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->store()->line(waiting)->state, Outbox::LineState::Sending,
                                  SlowMachineTimeoutMs);
        QVERIFY(!m_workspace->isSendingNow(waiting));

        QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
        auto *table = widget<QTableView>("queueTable");
        QCOMPARE(focused(), table);
        Ui::OutboxLinesModel *model = m_window->queueView()->model();
        // The queue shows it as the outbox has it.
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(waiting) >= 0 && model->lineAt(model->rowOf(waiting))->state ==
                                                                   Outbox::LineState::Sending,
                                 SlowMachineTimeoutMs);
        table->setCurrentIndex(model->index(model->rowOf(sent), 0));
        QVERIFY(!widget<QPushButton>("discardButton")->isEnabled()); // in flight
        table->setCurrentIndex(model->index(model->rowOf(waiting), 0));
        QVERIFY(widget<QPushButton>("discardButton")->isEnabled());
        answerDiscardQuestion(true);
        QTest::keyClick(focused(), Qt::Key_Delete);
        QCOMPARE(m_workspace->store()->line(waiting)->state, Outbox::LineState::Discarded);

        // The first line goes; the discarded one never does.
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->store()->line(sent)->state, Outbox::LineState::Sent,
                                  SlowMachineTimeoutMs);
        QCOMPARE(m_workspace->trainingServer()->procedureCount(), 1);
        QCOMPARE(m_workspace->store()->line(waiting)->attempts, 0);
    }

    void clickingAFindingFocusesItsField()
    {
        openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        QTest::keyClicks(focused(), QStringLiteral("D0120"));
        widget<QComboBox>("categoryCombo")->setFocus();
        auto *list = widget<QListView>("findingsList");
        QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 1, SlowMachineTimeoutMs);
        const QModelIndex first = list->model()->index(0, 0);
        QCOMPARE(first.data(Ui::FindingsModel::CodeRole).toString(), QStringLiteral("500034"));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(first).center());
        QCOMPARE(focused()->objectName(), QStringLiteral("cptCodeEdit"));
    }

    void quittingAsksBeforeDroppingATypedLine()
    {
        openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        QTest::keyClicks(focused(), QStringLiteral("99213"));
        QString asked;
        QTimer::singleShot(0, this, [&asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = box->text();
            box->defaultButton()->click(); // "Keep editing"
        });
        QVERIFY(!m_window->close());
        QVERIFY(asked.contains(QStringLiteral("Quit")));
        QVERIFY(m_window->isVisible());
        QCOMPARE(widget<QLineEdit>("cptCodeEdit")->text(), QStringLiteral("99213"));
    }

    void settingsAndWindowStatePersist()
    {
        QVERIFY(QMetaObject::invokeMethod(m_window, "close"));
        Ui::AppSettings reread(m_settings->fileName());
        QVERIFY(!reread.windowGeometry().isEmpty());
        QVERIFY(!reread.splitterState(QStringLiteral("main")).isEmpty());
    }

    void switchingToARealEhrUsesItsAddressAndToken()
    {
        // Another EHR (the same server code) with a token of its own.
        Sandbox::ServerOptions ehrOptions;
        ehrOptions.token = QStringLiteral("the-practice-token");
        ehrOptions.logRequests = false;
        Sandbox::Server ehr(ehrOptions);
        QVERIFY_OK(ehr.start());

        bool filled = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<Ui::SettingsDialog *>(QApplication::activeModalWidget());
            if (!dialog || filled)
                return;
            filled = true;
            dialog->findChild<QRadioButton *>(QStringLiteral("ehrRadio"))->setChecked(true);
            dialog->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"))->setText(ehr.baseUrl().toString());
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenEdit")), ehrOptions.token);
            dialog->accept();
        });
        poll.start();
        m_window->showSettings();
        poll.stop();
        QVERIFY(filled);

        QVERIFY(!m_workspace->isTraining());
        QVERIFY(!m_workspace->trainingServer());
        QVERIFY(!widget<QLabel>("trainingBannerLabel")->isVisible());
        QCOMPARE(m_settings->connection().mode, Ui::EhrMode::Ehr);
        QCOMPARE(m_tokens->token(), ehrOptions.token);
        m_settings->sync();
        QFile settingsFile(m_settings->fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        const QByteArray stored = settingsFile.readAll();
        QVERIFY(stored.contains(ehr.baseUrl().host().toUtf8()));
        QVERIFY(!stored.contains(ehrOptions.token.toUtf8()));

        openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        typeLine(QStringLiteral("99213"), QStringLiteral("0900"));
        const qint64 id = lastLine().id;
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->store()->line(id)->state, Outbox::LineState::Sent,
                                  SlowMachineTimeoutMs);
        QCOMPARE(ehr.procedureCount(), 1);
        QVERIFY(QFile::exists(m_app.dir->filePath(QStringLiteral("ehr-outbox.sqlite"))));
        // superbill-cli sees the same EHR.
        QCOMPARE(Ehr::EhrSettings::fromEnvironment().ehrUrl, ehr.baseUrl());
    }

    void helpListsTheShortcuts()
    {
        QStringList texts;
        for (QAction *action : m_window->shortcutActions())
            texts << action->shortcut().toString();
        QVERIFY(texts.contains(QStringLiteral("Ctrl+Return")));
        QVERIFY(texts.contains(QStringLiteral("Ctrl+F")));
        QVERIFY(texts.contains(QStringLiteral("Ctrl+N")));
        QVERIFY(texts.contains(QStringLiteral("F1")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
