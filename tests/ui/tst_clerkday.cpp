#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QWheelEvent>

#include "../common/resultcheck.h"
#include "catalog/codecatalog.h"
#include "fhir/extensions.h"
#include "findingsmodel.h"
#include "linedraft.h"
#include "outbox/offlinecache.h"
#include "outbox/patientdirectory.h"
#include "outbox/sender.h"
#include "outboxlinesmodel.h"
#include "queueview.h"
#include "settingsdialog.h"
#include "tokenstore.h"
#include "windowharness.h"
#include "zoneddatetimeedit.h"

/**
 * A clerk's day without surprises: the real window, typed into by keyboard, against the training
 * EHR. One test (or more) per point a new user ran into.
 */
class TestClerkDay : public QObject
{
    Q_OBJECT

private:
    WindowHarness m_app;

    template<typename T>
    T *widget(const char *name)
    {
        return m_app.widget<T>(name);
    }

    /// The offline copy is made to list the signed-off Encounter-806 as open, as it was when it was
    /// fetched before the clinician signed it off; then the EHR goes away.
    void makeEncounter806LookOpenOffline()
    {
        // Seen once while the EHR answered, so the offline copy has the patient and the diagnoses.
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        QJsonObject stale = m_app.get(QStringLiteral("Encounter/Encounter-806"));
        QVERIFY(!stale.isEmpty());
        stale.insert(QStringLiteral("status"), QStringLiteral("in-progress"));
        QJsonArray extensions;
        for (const auto &item : stale.value(QStringLiteral("extension")).toArray()) {
            QJsonObject extension = item.toObject();
            if (extension.value(QStringLiteral("url")).toString() ==
                QLatin1String(Fhir::Urls::EncounterStateExtension))
                extension.insert(QStringLiteral("valueCode"), QStringLiteral("open"));
            extensions.append(extension);
        }
        stale.insert(QStringLiteral("extension"), extensions);
        QList<QJsonObject> resources{stale};
        for (const char *id : {"Encounter-805", "Encounter-807"})
            resources.append(m_app.get(QStringLiteral("Encounter/") + QLatin1String(id)));
        QVERIFY(m_app.workspace->directory()->cache().replaceEncounters(QStringLiteral("Patient-265"),
                                                                        resources));
        m_app.workspace->trainingServer()->stop();
    }

private Q_SLOTS:
    void init()
    {
        QString error;
        QVERIFY2(m_app.start(&error), qPrintable(error));
    }

    void cleanup() { m_app.stop(); }

    // 1. A line queued offline comes back refused with 500009: the encounter is closed everywhere at
    //    once, the form refuses new lines, and the correction view offers a move or a discard.
    void refusedForASignedOffEncounterClosesItEverywhere()
    {
        makeEncounter806LookOpenOffline();
        if (QTest::currentTestFailed())
            return;
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-806"));
        QVERIFY(widget<QLabel>("patientStatusLabel")->text().contains(QStringLiteral("offline copy")));
        m_app.typeLine(QStringLiteral("99213"), QStringLiteral("1100"));
        const qint64 id = m_app.lastLine().id;
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.workspace->store()->line(id)->attempts >= 1, SlowMachineTimeoutMs);

        QVERIFY_OK(m_app.workspace->trainingServer()->start());
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->store()->line(id)->state,
                                  Outbox::LineState::NeedsCorrection, SlowMachineTimeoutMs);

        // The picker, the form's header, the lines and the queue all say so.
        auto *encounters = m_app.window->encounterPicker()->encounterModel();
        const auto closedInList = [encounters] {
            const int row = encounters->rowOf(QStringLiteral("Encounter-806"));
            return row >= 0 && !encounters->index(row).data(Ui::EncounterListModel::AcceptsRole).toBool();
        };
        QTRY_VERIFY_WITH_TIMEOUT(closedInList(), SlowMachineTimeoutMs);
        const int row = encounters->rowOf(QStringLiteral("Encounter-806"));
        QVERIFY2(encounters->index(row).data().toString().contains(QStringLiteral("500009")),
                 qPrintable(encounters->index(row).data().toString()));
        auto *pill = widget<QLabel>("encounterStateLabel");
        QCOMPARE(pill->property("state").toString(), QStringLiteral("closed"));
        QCOMPARE(pill->text(), QStringLiteral("Signed off"));
        QVERIFY(widget<QLabel>("linesTitleLabel")->text().contains(QStringLiteral("no more lines")));
        QVERIFY(widget<QLabel>("closedEncounterLabel")
                    ->text()
                    .contains(QStringLiteral("ask the clinician to reopen the encounter")));
        QVERIFY(!widget<QLabel>("summaryLabel")->text().startsWith(QStringLiteral("Ready")));
        // The offline copy says so too, so the next offline start does not offer it.
        QVERIFY(!m_app.workspace->directory()
                     ->cache()
                     .encounter(QStringLiteral("Encounter-806"))
                     ->acceptsProcedures());

        // The form refuses a further line for it: read-only now.
        QVERIFY(!widget<QWidget>("cptCodeEdit")->isEnabled());
        QVERIFY(!m_app.window->lineEditor()->submit());
        m_app.press(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_app.workspace->store()->lines()->size(), 1);

        // The queue offers no resend that cannot succeed.
        m_app.press(Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("queueTable"));
        QTRY_COMPARE_WITH_TIMEOUT(m_app.window->queueView()->currentLineId(), id, SlowMachineTimeoutMs);
        QVERIFY(!widget<QPushButton>("resendButton")->isEnabled());
        // The line's state is written on the outbox's own thread and reaches the queue just after.
        QTRY_VERIFY_WITH_TIMEOUT(
            widget<QLabel>("queueDetailLabel")->text().contains(QStringLiteral("reopen the encounter")),
            SlowMachineTimeoutMs);
        m_app.press(Qt::Key_R, Qt::ControlModifier);
        QVERIFY(m_app.window->statusBar()->currentMessage().startsWith(QStringLiteral("Not resent")));
        QCOMPARE(m_app.workspace->store()->line(id)->state, Outbox::LineState::NeedsCorrection);

        // Open it: the correction view offers the patient's open encounter, and moving keeps the line.
        m_app.press(Qt::Key_Return);
        QCOMPARE(m_app.window->lineEditor()->lineId(), id);
        QVERIFY(widget<QWidget>("closedEncounterBar")->isVisible());
        auto *move = widget<QComboBox>("moveEncounterCombo");
        QTRY_VERIFY_WITH_TIMEOUT(move->count() >= 1, SlowMachineTimeoutMs);
        QCOMPARE(move->currentData().toString(), QStringLiteral("Encounter-805"));
        QCOMPARE(m_app.focused(), move);
        m_app.press(Qt::Key_Tab);
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("moveLineButton"));
        m_app.press(Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_app.window->lineEditor()->encounter().encounterId,
                                  QStringLiteral("Encounter-805"), SlowMachineTimeoutMs);
        QCOMPARE(m_app.window->lineEditor()->lineId(), id);
        QVERIFY(!widget<QWidget>("closedEncounterBar")->isVisible());
        const Ui::LineDraft moved = m_app.window->lineEditor()->draft();
        QCOMPARE(moved.code, QStringLiteral("99213"));
        QCOMPARE(moved.performed.time(), QTime(11, 0));
        QCOMPARE(moved.diagnosisIds.size(), 2);
        m_app.press(Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->store()->line(id)->state, Outbox::LineState::Sent,
                                  SlowMachineTimeoutMs);
        QCOMPARE(m_app.workspace->store()->line(id)->encounterId, QStringLiteral("Encounter-805"));
        QCOMPARE(m_app.workspace->store()->lines()->size(), 1);
    }

    // 1. The correction view's other way out: discard, after asking.
    void refusedLineOfAClosedEncounterCanBeDiscarded()
    {
        makeEncounter806LookOpenOffline();
        if (QTest::currentTestFailed())
            return;
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-806"));
        m_app.typeLine(QStringLiteral("99213"), QStringLiteral("1100"));
        const qint64 id = m_app.lastLine().id;
        QVERIFY_OK(m_app.workspace->trainingServer()->start());
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->store()->line(id)->state,
                                  Outbox::LineState::NeedsCorrection, SlowMachineTimeoutMs);
        m_app.window->openLine(id);
        QTRY_VERIFY_WITH_TIMEOUT(widget<QWidget>("discardLineButton")->isVisible(), SlowMachineTimeoutMs);
        widget<QWidget>("discardLineButton")->setFocus();
        QString asked;
        m_app.answerNextBox(false, &asked); // Enter keeps it: Cancel is the default
        m_app.press(Qt::Key_Return);
        QVERIFY(asked.contains(QStringLiteral("99213")));
        QCOMPARE(m_app.workspace->store()->line(id)->state, Outbox::LineState::NeedsCorrection);
        widget<QWidget>("discardLineButton")->setFocus();
        QTimer::singleShot(0, m_app.window.get(), [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->findChild<QPushButton *>(QStringLiteral("confirmDiscardButton"))->click();
        });
        m_app.press(Qt::Key_Return);
        QCOMPARE(m_app.workspace->store()->line(id)->state, Outbox::LineState::Discarded);
        QCOMPARE(m_app.window->lineEditor()->lineId(), -1);
    }

    // 1. F5 and a new search refresh the encounters from the EHR, and the form follows.
    void f5AndANewSearchRefreshTheEncounters()
    {
        makeEncounter806LookOpenOffline();
        if (QTest::currentTestFailed())
            return;
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-806"));
        QCOMPARE(widget<QLabel>("encounterStateLabel")->property("state").toString(), QStringLiteral("open"));
        QVERIFY_OK(m_app.workspace->trainingServer()->start());
        m_app.press(Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(widget<QLabel>("encounterStateLabel")->property("state").toString(),
                                  QStringLiteral("closed"), SlowMachineTimeoutMs);
        QVERIFY(!widget<QLabel>("encounterStatusLabel")->text().contains(QStringLiteral("offline")));
        QVERIFY(widget<QLabel>("encounterMessageLabel")->text().contains(QStringLiteral("500009")));

        // Searching again reloads as well: the EHR goes away and the copy is told.
        m_app.workspace->trainingServer()->stop();
        m_app.press(Qt::Key_F, Qt::ControlModifier);
        m_app.type(QStringLiteral("Okafor"));
        m_app.press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            widget<QLabel>("encounterStatusLabel")->text().contains(QStringLiteral("offline")),
            SlowMachineTimeoutMs);
    }

    // 2. 99, Backspace twice, Ctrl+F, Tab: nothing is put into the line.
    void aStrayCodeListNeverFillsTheCode()
    {
        m_app.workspace->catalog()->noteUsed(QStringLiteral("99212"));
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        QAbstractItemView *popup =
            m_app.window->findChild<QCompleter *>(QStringLiteral("cptCompleter"))->popup();
        m_app.type(QStringLiteral("99"));
        QTRY_VERIFY(popup->isVisible());
        m_app.press(Qt::Key_Backspace);
        m_app.press(Qt::Key_Backspace);
        QVERIFY(!popup->isVisible());
        // ↓ opens the recent codes on purpose; a window shortcut then closes them and runs.
        m_app.press(Qt::Key_Down);
        QTRY_VERIFY(popup->isVisible());
        m_app.press(Qt::Key_F, Qt::ControlModifier);
        QVERIFY(!popup->isVisible());
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("patientSearchEdit"));
        m_app.press(Qt::Key_Tab);
        QVERIFY(m_app.window->lineEditor()->draft().code.isEmpty());

        // A list left open when the focus moves away closes too.
        m_app.window->lineEditor()->focusCode();
        m_app.press(Qt::Key_Down);
        QTRY_VERIFY(popup->isVisible());
        widget<QWidget>("categoryCombo")->setFocus(Qt::OtherFocusReason);
        QVERIFY(!popup->isVisible());
        m_app.press(Qt::Key_Tab);
        QVERIFY(m_app.window->lineEditor()->draft().code.isEmpty());
    }

    // 2. Ctrl+E in CPT code goes to the encounters, also with the code list open.
    void windowShortcutsWorkFromEveryField()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("cptCodeEdit"));
        m_app.press(Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("encounterList"));
        m_app.press(Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("cptCodeEdit"));
        QAbstractItemView *popup =
            m_app.window->findChild<QCompleter *>(QStringLiteral("cptCompleter"))->popup();
        m_app.workspace->catalog()->noteUsed(QStringLiteral("99212"));
        m_app.press(Qt::Key_Down);
        QTRY_VERIFY(popup->isVisible());
        m_app.press(Qt::Key_E, Qt::ControlModifier);
        QVERIFY(!popup->isVisible());
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("encounterList"));
        m_app.press(Qt::Key_Return); // the same encounter: nothing typed is lost, nothing is inserted
        QVERIFY(m_app.window->lineEditor()->draft().code.isEmpty());

        // From every field of the form, text fields included.
        for (const char *name : {"cptCodeEdit", "cptDescriptionEdit", "categoryCombo", "performedAtEdit",
                                 "diagnosisCombo", "diagnosisList", "statusCombo", "recordedAtEdit"}) {
            QWidget *field = widget<QWidget>(name);
            field->setFocusPolicy(Qt::StrongFocus);
            field->setFocus(Qt::OtherFocusReason);
            QCOMPARE(m_app.focused(), field);
            m_app.press(Qt::Key_F, Qt::ControlModifier);
            QVERIFY2(m_app.focused()->objectName() == QStringLiteral("patientSearchEdit"), name);
            field->setFocus(Qt::OtherFocusReason);
            m_app.press(Qt::Key_E, Qt::ControlModifier);
            QVERIFY2(m_app.focused()->objectName() == QStringLiteral("encounterList"), name);
        }
    }

    // 3. The same code at the same time as a line already sent: a warning beside the code, and
    //    Ctrl+Enter asks before it goes.
    void anExactRepeatOfASentLineIsWarnedAboutBeforeItGoes()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.typeLine(QStringLiteral("20610"), QStringLiteral("1030"));
        const qint64 first = m_app.lastLine().id;
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->store()->line(first)->state, Outbox::LineState::Sent,
                                  SlowMachineTimeoutMs);
        m_app.type(QStringLiteral("20610"));
        QTRY_VERIFY(widget<QLabel>("cptCodeMessageLabel")->text().contains(QStringLiteral("500002")));
        QCOMPARE(widget<QWidget>("cptCodeEdit")->property("finding").toString(), QStringLiteral("warning"));
        // Another time is no repeat.
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Tab);
        m_app.type(QStringLiteral("1045"));
        QVERIFY(!widget<QLabel>("cptCodeMessageLabel")->text().contains(QStringLiteral("500002")));
        m_app.press(Qt::Key_Backtab);
        m_app.press(Qt::Key_Tab);
        m_app.type(QStringLiteral("1030"));
        QVERIFY(widget<QLabel>("cptCodeMessageLabel")->text().contains(QStringLiteral("500002")));
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Return);
        m_app.press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(widget<QWidget>("confirmWarningsBar")->isVisible());
        QVERIFY(widget<QLabel>("confirmWarningsLabel")->text().contains(QStringLiteral("500002")));
        QCOMPARE(m_app.workspace->store()->lines()->size(), 1);
        // Esc goes back to the code; a second Ctrl+Enter asks again, Enter sends it.
        m_app.press(Qt::Key_Escape);
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("cptCodeEdit"));
        QCOMPARE(m_app.workspace->store()->lines()->size(), 1);
        m_app.press(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("confirmSubmitButton"));
        m_app.press(Qt::Key_Return);
        QCOMPARE(m_app.workspace->store()->lines()->size(), 2);
    }

    // 4. A zero-minute anesthesia asks once at Ctrl+Enter, naming the warning.
    void aWarningNeedsOneConfirmation()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.type(QStringLiteral("00400"));
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Tab);
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("anesthesiaStartEdit"));
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Return);
        m_app.press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(widget<QLabel>("confirmWarningsLabel")->text().contains(QStringLiteral("SBD005")));
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("confirmSubmitButton"));
        QVERIFY(m_app.workspace->store()->lines()->isEmpty());
        m_app.press(Qt::Key_Return);
        QCOMPARE(m_app.workspace->store()->lines()->size(), 1);
        QVERIFY(!widget<QWidget>("confirmWarningsBar")->isVisible());
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("cptCodeEdit"));
    }

    // 5. Enter in the search box opens the patient; the only open encounter is picked and the form
    //    says so; the empty form says which keys lead on.
    void aSearchOpensTheOnlyOpenEncounter()
    {
        QVERIFY(widget<QLabel>("encounterLabel")->text().contains(QStringLiteral("Ctrl+F")));
        m_app.press(Qt::Key_F, Qt::ControlModifier);
        m_app.type(QStringLiteral("okafor"));
        m_app.press(Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_app.window->lineEditor()->encounter().encounterId,
                                  QStringLiteral("Encounter-805"), SlowMachineTimeoutMs);
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("cptCodeEdit"));
        QVERIFY(widget<QLabel>("encounterNoteLabel")->isVisible());
        QVERIFY(widget<QLabel>("encounterNoteLabel")->text().contains(QStringLiteral("only open encounter")));
        QCOMPARE(m_app.keystrokes, 8);

        // Several patients found: the first is highlighted and Enter opens it; ↓ and Enter open another.
        Ui::EncounterPicker *picker = m_app.window->encounterPicker();
        QSignalSpy loaded(picker, &Ui::EncounterPicker::loaded);
        m_app.press(Qt::Key_F, Qt::ControlModifier);
        m_app.type(QStringLiteral("ma"));
        QTRY_VERIFY_WITH_TIMEOUT(picker->patientModel()->rowCount() >= 2, SlowMachineTimeoutMs);
        const QString second = picker->patientModel()->patients().at(1).id;
        m_app.press(Qt::Key_Down);
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("patientList"));
        m_app.press(Qt::Key_Down);
        m_app.press(Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_app.window->lineEditor()->encounter().patientId, second,
                                  SlowMachineTimeoutMs);
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("cptCodeEdit"));
    }

    // 5. Enter in the search opens the patient of what was typed, even while the patient highlighted
    //    before is still loading: that load answers late and opens nothing.
    void enterOpensThePatientTypedNotTheOneLoading()
    {
        Ui::EncounterPicker *picker = m_app.window->encounterPicker();
        QVERIFY(m_app.workspace->setTrainingBehaviour({Sandbox::TrainingBehaviour::Slow, {}}).isEmpty());
        m_app.press(Qt::Key_F, Qt::ControlModifier);
        m_app.type(QStringLiteral("okafor"));
        // Found and highlighted: its encounters are loading, two seconds late.
        QTRY_COMPARE_WITH_TIMEOUT(picker->patientModel()->rowCount(), 1, SlowMachineTimeoutMs);
        m_app.press(Qt::Key_F, Qt::ControlModifier);
        m_app.type(QStringLiteral("varga"));
        m_app.press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.window->lineEditor()->encounter().isValid(), SlowMachineTimeoutMs);
        QCOMPARE(m_app.window->lineEditor()->encounter().encounterId, QStringLiteral("Encounter-823"));
        // The late answer for the first patient came and went without opening anything.
        QTest::qWait(2 * Sandbox::SlowAnswerMs);
        QCOMPARE(m_app.window->lineEditor()->encounter().encounterId, QStringLiteral("Encounter-823"));
    }

    // 6. Date-times by keyboard: a whole date and time typed at once, Alt+P on the day, F4 and Alt+↓
    //    open a calendar the keyboard can use, and the wheel changes nothing it was not pointed at.
    void dateTimesByKeyboard()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.type(QStringLiteral("99213"));
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Tab);
        auto *performed = widget<Ui::ZonedDateTimeEdit>("performedAtEdit");
        QCOMPARE(m_app.focused(), performed);
        m_app.type(QStringLiteral("2026-03-13 16:45"));
        QCOMPARE(performed->zonedValue(),
                 QDateTime(QDate(2026, 3, 13), QTime(16, 45), QTimeZone("America/Chicago")));
        m_app.press(Qt::Key_Backtab);
        m_app.press(Qt::Key_Tab);
        m_app.type(QStringLiteral("0312 0905"));
        QCOMPARE(performed->zonedValue(),
                 QDateTime(QDate(2026, 3, 12), QTime(9, 5), QTimeZone("America/Chicago")));
        // The usual four digits still set the hour and minute only.
        m_app.press(Qt::Key_Backtab);
        m_app.press(Qt::Key_Tab);
        m_app.type(QStringLiteral("1030"));
        QCOMPARE(performed->zonedValue(),
                 QDateTime(QDate(2026, 3, 12), QTime(10, 30), QTimeZone("America/Chicago")));

        m_app.window->lineEditor()->focusCode();
        m_app.press(Qt::Key_P, Qt::AltModifier);
        QCOMPARE(m_app.focused(), performed);
        QCOMPARE(performed->currentSection(), QDateTimeEdit::DaySection);

        for (const auto &[key, modifiers] :
             {std::pair{Qt::Key_F4, Qt::KeyboardModifiers{}},
              std::pair{Qt::Key_Down, Qt::KeyboardModifiers{Qt::AltModifier}}}) {
            const QDate before = performed->zonedValue().date();
            m_app.press(key, modifiers);
            QTRY_VERIFY(QApplication::activePopupWidget());
            QCOMPARE(QApplication::activePopupWidget()->objectName(), QStringLiteral("calendarPopup"));
            m_app.press(Qt::Key_Right); // the next day
            m_app.press(Qt::Key_Return);
            QVERIFY(!QApplication::activePopupWidget());
            QCOMPARE(performed->zonedValue().date(), before.addDays(1));
            QCOMPARE(performed->zonedValue().time(), QTime(10, 30));
        }

        auto *recorded = widget<Ui::ZonedDateTimeEdit>("recordedAtEdit");
        const QDateTime value = recorded->zonedValue();
        QWheelEvent wheel(QPointF(5, 5), recorded->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(recorded, &wheel);
        QCOMPARE(recorded->zonedValue(), value);
    }

    // 18. A long description shows its beginning.
    void aLongDescriptionShowsItsStart()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.type(QStringLiteral("20610"));
        auto *description = widget<QLineEdit>("cptDescriptionEdit");
        QVERIFY(description->text().size() > 40);
        QCOMPARE(description->cursorPosition(), 0);
    }

    // 21. Spanish shows dates the Spanish way.
    void spanishDatesTheSpanishWay()
    {
        m_app.stop();
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::UnitedStates));
        QString error;
        const bool started = m_app.start(&error);
        const auto restore =
            qScopeGuard([] { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); });
        QVERIFY2(started, qPrintable(error));
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        auto *model = m_app.window->encounterPicker()->encounterModel();
        const QString when = model->index(model->rowOf(QStringLiteral("Encounter-805"))).data().toString();
        QVERIFY2(when.startsWith(QStringLiteral("sáb 14 mar 2026")), qPrintable(when));
        QVERIFY2(widget<QDateTimeEdit>("performedAtEdit")->text().startsWith(QStringLiteral("14/03/2026")),
                 qPrintable(widget<QDateTimeEdit>("performedAtEdit")->text()));
    }

    // Keystroke counts for the README: a whole morning's lines by keyboard.
    void patientSearchToFirstLineSent()
    {
        m_app.press(Qt::Key_F, Qt::ControlModifier);
        m_app.type(QStringLiteral("okafor"));
        m_app.press(Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_app.focused()->objectName(), QStringLiteral("cptCodeEdit"),
                                  SlowMachineTimeoutMs);
        m_app.typeLine(QStringLiteral("20610"), QStringLiteral("1030"));
        QCOMPARE(m_app.workspace->store()->lines()->size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_app.lastLine().state, Outbox::LineState::Sent, SlowMachineTimeoutMs);
        m_app.reportKeystrokes("patient search to first line sent");
        QVERIFY(m_app.keystrokes <= 24);
    }

    // 7. The next line keeps the time and offers the last line's diagnoses: a new code, Ctrl+D,
    //    Ctrl+Enter.
    void repeatLineNewCodeSameDiagnoses()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.typeLine(QStringLiteral("20610"), QStringLiteral("1030"));
        const auto first = m_app.lastLine().entry();
        QVERIFY(first.has_value());
        QVERIFY(widget<QPushButton>("sameDiagnosesButton")->isVisible());
        QVERIFY(widget<QPushButton>("sameDiagnosesButton")->text().contains(QStringLiteral("M17.11")));
        m_app.keystrokes = 0;
        m_app.type(QStringLiteral("73562"));
        m_app.press(Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(widget<QListWidget>("diagnosisList")->count(), 2);
        m_app.press(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_app.workspace->store()->lines()->size(), 2);
        const auto repeat = m_app.lastLine().entry();
        QCOMPARE(repeat->code.code, QStringLiteral("73562"));
        QCOMPARE(repeat->reasonReferences, first->reasonReferences);
        QCOMPARE(repeat->performedDateTime, first->performedDateTime);
        // The category came from the code: an X-ray is a diagnostic procedure.
        QCOMPARE(repeat->category->code, QStringLiteral("103693007"));
        m_app.reportKeystrokes("repeat line, new code, same diagnoses");
        QVERIFY(m_app.keystrokes <= 8);
    }

    void anesthesiaLine()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.keystrokes = 0;
        m_app.type(QStringLiteral("00400"));
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Tab);
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("anesthesiaStartEdit"));
        m_app.type(QStringLiteral("0945"));
        m_app.press(Qt::Key_Tab);
        m_app.type(QStringLiteral("1100"));
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Return);
        m_app.press(Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(m_app.workspace->store()->lines()->size(), 1);
        const auto entry = m_app.lastLine().entry();
        QCOMPARE(entry->performedPeriod.minutes(), 75);
        m_app.reportKeystrokes("anesthesia line");
        QVERIFY(m_app.keystrokes <= 20);
    }

    // 7. Favourites by keyboard: Ctrl+B on the code stars it, and again unstars it.
    void favouritesByKeyboard()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.type(QStringLiteral("99214"));
        m_app.press(Qt::Key_B, Qt::ControlModifier);
        QVERIFY(m_app.workspace->catalog()->isFavourite(QStringLiteral("99214")));
        QVERIFY(m_app.window->statusBar()->currentMessage().contains(QStringLiteral("favourite")));
        m_app.press(Qt::Key_B, Qt::ControlModifier);
        QVERIFY(!m_app.workspace->catalog()->isFavourite(QStringLiteral("99214")));
    }

    // 8. Ctrl+N and a change of EHR ask before dropping a line being typed.
    void droppingATypedLineAsksFirst()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.type(QStringLiteral("99213"));
        QString asked;
        m_app.answerNextBox(false, &asked); // Esc keeps it
        m_app.press(Qt::Key_N, Qt::ControlModifier);
        QVERIFY(asked.contains(QStringLiteral("new line")));
        QCOMPARE(m_app.window->lineEditor()->draft().code, QStringLiteral("99213"));
        QCOMPARE(m_app.focused()->objectName(), QStringLiteral("cptCodeEdit"));

        // Settings: another EHR would drop the line; kept, the settings stay as they were.
        Sandbox::ServerOptions other;
        other.token = QStringLiteral("another-token");
        other.logRequests = false;
        Sandbox::Server ehr(other);
        QVERIFY_OK(ehr.start());
        QString question;
        bool filled = false;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *dialog = qobject_cast<Ui::SettingsDialog *>(modal); dialog && !filled) {
                filled = true;
                dialog->findChild<QRadioButton *>(QStringLiteral("ehrRadio"))->setChecked(true);
                dialog->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"))
                    ->setText(ehr.baseUrl().toString());
                QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("tokenEdit")), other.token);
                dialog->accept();
            } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                question = box->text();
                QTest::keyClick(box, Qt::Key_Escape);
            }
        });
        poll.start();
        m_app.window->showSettings();
        poll.stop();
        QVERIFY2(question.contains(QStringLiteral("other EHR")), qPrintable(question));
        QVERIFY(m_app.workspace->isTraining());
        QCOMPARE(m_app.settings->connection().mode, Ui::EhrMode::Training);
        QCOMPARE(m_app.window->lineEditor()->draft().code, QStringLiteral("99213"));

        // Ctrl+N, and this time the line goes.
        QTimer::singleShot(0, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->findChild<QPushButton *>(QStringLiteral("dropDraftButton"))->click();
        });
        m_app.press(Qt::Key_N, Qt::ControlModifier);
        QVERIFY(m_app.window->lineEditor()->draft().code.isEmpty());
    }

    // 9. The F1 list scrolls by keyboard.
    void theShortcutListScrollsByKeyboard()
    {
        int scrolled = -1;
        QString focusName;
        QTimer poll;
        poll.setInterval(50);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            auto *table =
                dialog ? dialog->findChild<QTableWidget *>(QStringLiteral("shortcutsTable")) : nullptr;
            // Once it is laid out: more rows than fit.
            if (!table || !table->isVisible() || table->verticalScrollBar()->maximum() == 0)
                return;
            poll.stop();
            focusName = dialog->focusWidget() ? dialog->focusWidget()->objectName() : QString();
            QTest::keyClick(table, Qt::Key_PageDown);
            scrolled = table->verticalScrollBar()->value();
            QTest::keyClick(table, Qt::Key_Escape);
        });
        poll.start();
        m_app.press(Qt::Key_F1);
        poll.stop();
        QCOMPARE(focusName, QStringLiteral("shortcutsTable"));
        QVERIFY2(scrolled > 0, "Page Down did not scroll the list");
    }

    // 10. The focused list is easy to see: it looks different from the same list without the focus.
    void focusIsEasyToSeeInEveryList()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.typeLine(QStringLiteral("20610"), QStringLiteral("1030"));
        widget<QComboBox>("diagnosisCombo")->setFocus();
        QTest::keyClick(widget<QComboBox>("diagnosisCombo"), Qt::Key_Return);
        for (const char *name : {"patientList", "encounterList", "linesTable", "diagnosisList"}) {
            auto *list = widget<QAbstractItemView>(name);
            QVERIFY2(list->model()->rowCount() > 0, name);
            list->setCurrentIndex(list->model()->index(0, 0));
            widget<QLineEdit>("patientSearchEdit")->setFocus();
            const QImage without = list->grab().toImage();
            list->setFocus(Qt::TabFocusReason);
            QVERIFY2(list->hasFocus(), name);
            const QImage with = list->grab().toImage();
            QVERIFY2(with != without, name);
        }
    }

    // 11. The lines table is in the Tab order, a sent line opens read-only with its diagnoses by code and
    //     name, and its columns never clip the code, the time or the state.
    void theLinesOfTheEncounterByKeyboard()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.typeLine(QStringLiteral("20610"), QStringLiteral("1030"));
        const qint64 id = m_app.lastLine().id;
        QTRY_COMPARE_WITH_TIMEOUT(m_app.workspace->store()->line(id)->state, Outbox::LineState::Sent,
                                  SlowMachineTimeoutMs);
        auto *table = widget<QTableView>("linesTable");
        m_app.press(Qt::Key_E, Qt::ControlModifier);
        for (int step = 0; step < 4 && m_app.focused() != table; ++step)
            m_app.press(Qt::Key_Tab);
        QCOMPARE(m_app.focused(), table);
        for (const int column : {Ui::OutboxLinesModel::StateColumn, Ui::OutboxLinesModel::CodeColumn,
                                 Ui::OutboxLinesModel::PerformedColumn}) {
            const QString text = table->model()->index(0, column).data().toString();
            const bool icon = !table->model()->index(0, column).data(Qt::DecorationRole).isNull();
            const int needed = table->fontMetrics().horizontalAdvance(text) + (icon ? 16 : 0);
            QVERIFY2(
                table->columnWidth(column) >= needed,
                qPrintable(
                    QStringLiteral("%1: %2 < %3").arg(text).arg(table->columnWidth(column)).arg(needed)));
        }
        QVERIFY(table->model()
                    ->index(0, Ui::OutboxLinesModel::PerformedColumn)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("CDT")));
        table->setCurrentIndex(table->model()->index(0, 0));
        QStringList diagnoses;
        bool readOnly = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            auto *list = dialog->findChild<QListWidget *>(QStringLiteral("lineDetailsDiagnosisList"));
            for (int row = 0; row < list->count(); ++row)
                diagnoses << list->item(row)->text();
            readOnly = dialog->findChildren<QLineEdit *>().isEmpty();
            QTest::keyClick(dialog, Qt::Key_Escape);
        });
        m_app.press(Qt::Key_Return);
        QVERIFY(readOnly);
        QCOMPARE(diagnoses.size(), 2);
        QVERIFY2(diagnoses.first().contains(QStringLiteral("M17.11 — ")), qPrintable(diagnoses.first()));
        QVERIFY(!diagnoses.join(u' ').contains(QStringLiteral("Condition-")));
    }

    // 12. A closed encounter: its reason in the list, reached by keyboard, opened read-only.
    void aClosedEncounterOpensReadOnly()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        auto *model = m_app.window->encounterPicker()->encounterModel();
        const int row = model->rowOf(QStringLiteral("Encounter-807"));
        QVERIFY(model->index(row).data().toString().contains(QStringLiteral("Billed: no lines (500010)")));
        m_app.press(Qt::Key_E, Qt::ControlModifier);
        auto *list = widget<QListView>("encounterList");
        for (int step = 0; step < model->rowCount() && list->currentIndex().row() != row; ++step)
            m_app.press(list->currentIndex().row() < row ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(list->currentIndex().row(), row);
        m_app.press(Qt::Key_Return);
        QCOMPARE(m_app.window->lineEditor()->encounter().encounterId, QStringLiteral("Encounter-807"));
        QVERIFY(widget<QWidget>("closedEncounterBar")->isVisible());
        QVERIFY(!widget<QWidget>("cptCodeEdit")->isEnabled());
        QVERIFY(!widget<QWidget>("submitButton")->isEnabled());
        QVERIFY(widget<QLabel>("closedEncounterLabel")->text().contains(QStringLiteral("read-only")));
    }

    // 13. One count: the footer, the findings panel and the field marks agree; an untouched form
    //     lists only what is missing.
    void oneCountOfErrorsAndWarnings()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        auto *footer = widget<QLabel>("summaryLabel");
        auto *panel = widget<QLabel>("findingsSummaryLabel");
        QCOMPARE(footer->text(), QStringLiteral("Still to fill: CPT code, Description"));
        QCOMPARE(panel->text(), footer->text());
        QCOMPARE(widget<QListView>("findingsList")->model()->rowCount(), 0);
        QVERIFY(widget<QWidget>("cptCodeEdit")->property("finding").toString().isEmpty());

        m_app.type(QStringLiteral("D0120"));
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Return);
        m_app.press(Qt::Key_Up);
        m_app.press(Qt::Key_Return);
        const Ui::FindingsView &view = m_app.window->lineEditor()->findingsView();
        QCOMPARE(view.errors, 2);
        QCOMPARE(footer->text(), panel->text());
        QVERIFY2(footer->text().startsWith(QStringLiteral("2 errors")), qPrintable(footer->text()));
        QCOMPARE(widget<QListView>("findingsList")->model()->rowCount(), view.visible.size());
        int marked = 0;
        for (const char *name : {"cptCodeEdit", "diagnosisList"})
            marked +=
                widget<QWidget>(name)->property("finding").toString() == QStringLiteral("error") ? 1 : 0;
        QCOMPARE(marked, 2);
    }

    // 14. Words in CPT code are a search; "not a code" shows once the field is left.
    void wordsInTheCodeAreASearch()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.type(QStringLiteral("knee"));
        QVERIFY(!widget<QLabel>("cptCodeMessageLabel")->text().contains(QStringLiteral("PRO001")));
        QVERIFY(!widget<QLabel>("summaryLabel")->text().contains(QStringLiteral("error")));
        m_app.press(Qt::Key_Escape); // close the list, keep the words
        m_app.window->findChild<QWidget *>(QStringLiteral("categoryCombo"))->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(widget<QLabel>("cptCodeMessageLabel")->text().contains(QStringLiteral("PRO001")));
    }

    // 15. Codes and names, never internal ids or enum names; each error says what to do.
    void codesAndNamesNeverIds()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        auto *combo = widget<QComboBox>("diagnosisCombo");
        QVERIFY2(combo->itemText(0).startsWith(QStringLiteral("M17.11 — ")), qPrintable(combo->itemText(0)));
        m_app.type(QStringLiteral("D0120"));
        auto *findings = widget<QListView>("findingsList")->model();
        QTRY_VERIFY(findings->rowCount() >= 1);
        const QModelIndex first = findings->index(0, 0);
        QVERIFY(!first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("DENTAL_CPT_NOT_ALLOWED")));
        QVERIFY2(first.data(Ui::FindingsModel::MessageRole)
                     .toString()
                     .contains(QStringLiteral("Remove the dental code")),
                 qPrintable(first.data(Ui::FindingsModel::MessageRole).toString()));
        QVERIFY(widget<QLabel>("cptCodeMessageLabel")
                    ->text()
                    .contains(QStringLiteral("dental work is billed elsewhere")));

        // A duplicate diagnosis is named by its code.
        m_app.window->lineEditor()->newLine();
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Return);
        QTest::keyClick(combo, Qt::Key_Up);
        QTest::keyClick(combo, Qt::Key_Return);
        QVERIFY(widget<QLabel>("diagnosisMessageLabel")
                    ->text()
                    .contains(QStringLiteral("M17.11 is linked twice")));

        // The queue: patient and encounter date, not ids.
        m_app.workspace->trainingServer()->stop();
        m_app.window->lineEditor()->newLine();
        m_app.window->lineEditor()->focusCode();
        m_app.typeLine(QStringLiteral("99213"), QStringLiteral("1100"));
        auto *queue = m_app.window->queueView()->model();
        QTRY_COMPARE(queue->rowCount(), 1);
        QCOMPARE(queue->index(0, Ui::OutboxLinesModel::PatientColumn).data().toString(),
                 QStringLiteral("Okafor, Adaeze Grace"));
        QVERIFY2(queue->index(0, Ui::OutboxLinesModel::EncounterColumn)
                     .data()
                     .toString()
                     .contains(QStringLiteral("14 Mar 2026")),
                 qPrintable(queue->index(0, Ui::OutboxLinesModel::EncounterColumn).data().toString()));
        QVERIFY(queue->index(0, Ui::OutboxLinesModel::DescriptionColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("M17.11 — ")));
        // Beside those columns the description keeps room to be read, in a window of 1280×800.
        m_app.window->resize(1280, 800);
        m_app.press(Qt::Key_2, Qt::ControlModifier);
        auto *table = widget<QTableView>("queueTable");
        QTRY_VERIFY(table->isVisible());
        QTRY_VERIFY2(
            table->columnWidth(Ui::OutboxLinesModel::DescriptionColumn) >= 160,
            qPrintable(QString::number(table->columnWidth(Ui::OutboxLinesModel::DescriptionColumn))));
    }

    // 16. Messages that stop being true go away.
    void messagesThatStopBeingTrueGoAway()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        auto *hint = widget<QLabel>("codeKindLabel");
        m_app.type(QStringLiteral("99213"));
        QVERIFY(hint->text().contains(QStringLiteral("Category I")));
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Tab);
        m_app.type(QStringLiteral("1100"));
        m_app.press(Qt::Key_Tab);
        m_app.press(Qt::Key_Return);
        m_app.press(Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(widget<QLineEdit>("cptCodeEdit")->text().isEmpty());
        QVERIFY2(!hint->text().contains(QStringLiteral("Category I")), qPrintable(hint->text()));

        // Offline, then the EHR answers: the offline notes go by themselves.
        Sandbox::Server *server = m_app.workspace->trainingServer();
        server->stop();
        m_app.press(Qt::Key_F, Qt::ControlModifier);
        m_app.type(QStringLiteral("okafor"));
        m_app.press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            widget<QLabel>("patientStatusLabel")->text().contains(QStringLiteral("cannot be reached")),
            SlowMachineTimeoutMs);
        QVERIFY_OK(server->start());
        QTRY_VERIFY_WITH_TIMEOUT(
            !widget<QLabel>("patientStatusLabel")->text().contains(QStringLiteral("cannot be reached")) &&
                !widget<QLabel>("encounterStatusLabel")->text().contains(QStringLiteral("cannot be reached")),
            SlowMachineTimeoutMs);

        // Settings no longer says "Checking the system keychain…" once it knows.
        Ui::TokenStore keychain(Ui::TokenStore::Backend::Keychain);
        QCOMPARE(keychain.state(), Ui::TokenStore::State::Unknown);
        keychain.load();
        QTRY_VERIFY_WITH_TIMEOUT(keychain.state() != Ui::TokenStore::State::Unknown, SlowMachineTimeoutMs);
        QVERIFY(!keychain.statusText().contains(QStringLiteral("Checking")));
    }

    // 17. Times in the clinic's zone, with the zone named: the queue's retry times included.
    void timesAreInTheClinicsZone()
    {
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        m_app.workspace->trainingServer()->stop();
        m_app.typeLine(QStringLiteral("99213"), QStringLiteral("1100"));
        const qint64 id = m_app.lastLine().id;
        QTRY_VERIFY_WITH_TIMEOUT(m_app.workspace->store()->line(id)->attempts >= 1, SlowMachineTimeoutMs);
        m_app.workspace->sender()->stop();
        auto *lines = m_app.window->linesModel();
        QTRY_COMPARE(lines->index(0, Ui::OutboxLinesModel::StateColumn).data().toString(),
                     QStringLiteral("Waiting to retry"));
        const QString detail = lines->index(0, Ui::OutboxLinesModel::DetailColumn).data().toString();
        const QDateTime next = m_app.workspace->store()->line(id)->nextAttemptAt;
        const QTimeZone clinic = m_app.settings->connection().clinicZone();
        const QString expected = next.toTimeZone(clinic).toString(QStringLiteral("HH:mm:ss")) + u' ' +
                                 Ui::zoneName(next.toTimeZone(clinic));
        QVERIFY2(detail.contains(expected), qPrintable(detail + QStringLiteral(" / ") + expected));
        QCOMPARE(lines->index(0, Ui::OutboxLinesModel::PerformedColumn).data().toString(),
                 QStringLiteral("14 Mar 11:00 CDT"));
    }

    // 19. 1024×700: the whole window fits, the findings fold under the form, the minimum is at most
    //     1000×640; a wide window keeps three columns.
    void smallScreensFit()
    {
        QVERIFY(m_app.window->minimumSizeHint().width() <= 1000);
        QVERIFY(m_app.window->minimumSizeHint().height() <= 640);
        m_app.window->resize(1024, 700);
        QTRY_COMPARE(m_app.window->size(), QSize(1024, 700));
        auto *side = widget<QWidget>("findingsSide");
        QCOMPARE(side->parentWidget()->objectName(), QStringLiteral("centreSplitter"));
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        QVERIFY(side->isVisible());
        // The whole form shows at once, Submit included, with a few lines and the findings beside it.
        auto *scroll = widget<QScrollArea>("lineEditorScroll");
        QTRY_VERIFY2(scroll->verticalScrollBar()->maximum() == 0,
                     qPrintable(QStringLiteral("%1 px to scroll; form %2 of %3, lines %4, findings %5")
                                    .arg(scroll->verticalScrollBar()->maximum())
                                    .arg(m_app.window->lineEditor()->height())
                                    .arg(m_app.window->lineEditor()->sizeHint().height())
                                    .arg(widget<QTableView>("linesTable")->height())
                                    .arg(side->height())));
        QVERIFY(side->height() >= 60);
        QVERIFY(widget<QTableView>("linesTable")->height() >= 56);
        // Folded, the findings say the summary; the empty list's explanation is not cut off half-way.
        QVERIFY(widget<QLabel>("findingsSummaryLabel")->isVisible());
        QVERIFY(!widget<QLabel>("findingsEmptyLabel")->isVisible());
        // Every field can be reached and seen: Tab through the form, each focused field in view.
        for (const char *name : {"cptCodeEdit", "categoryCombo", "performedAtEdit", "diagnosisCombo",
                                 "diagnosisList", "statusCombo", "recordedAtEdit", "submitButton"}) {
            QWidget *field = widget<QWidget>(name);
            field->setFocus(Qt::TabFocusReason);
            const QRect inView(field->mapTo(scroll->viewport(), QPoint(0, 0)), field->size());
            QVERIFY2(scroll->viewport()->rect().contains(inView), name);
        }
        for (const char *name : {"patientSearchEdit", "encounterList", "summaryLabel", "queueSizeLabel"}) {
            QWidget *shown = widget<QWidget>(name);
            const QRect inWindow(shown->mapTo(m_app.window.get(), QPoint(0, 0)), shown->size());
            QVERIFY2(m_app.window->rect().contains(inWindow), name);
        }
        m_app.window->resize(1280, 800);
        QTRY_COMPARE(side->parentWidget()->objectName(), QStringLiteral("mainSplitter"));
        QTRY_VERIFY(widget<QLabel>("findingsEmptyLabel")->isVisible());
    }

    // 20. A large screen is used; the form stops growing at a readable width.
    void largeScreensAreUsed()
    {
        const QSize large = Ui::MainWindow::firstStartSize(QSize(1920, 1080));
        QVERIFY(large.width() >= 1600 && large.height() >= 900);
        QCOMPARE(Ui::MainWindow::firstStartSize(QSize(1024, 700)), QSize(1024, 700));
        QCOMPARE(Ui::MainWindow::firstStartSize(QSize(1280, 800)), QSize(1280, 800));
        m_app.window->resize(1920, 1080);
        QTRY_COMPARE(m_app.window->width(), 1920);
        QTest::qWait(50);
        QVERIFY(widget<QWidget>("lineEditorCard")->width() <= 1040);
        // The left pane can be widened.
        auto *splitter = widget<QSplitter>("mainSplitter");
        const QList<int> sizes = splitter->sizes();
        QVERIFY2(sizes.at(0) > 270, qPrintable(QString::number(sizes.at(0)))); // it grew with the window
        splitter->setSizes({sizes.at(0) + 200, sizes.at(1) - 200, sizes.at(2)});
        QTRY_VERIFY2(splitter->sizes().at(0) >= sizes.at(0) + 100,
                     qPrintable(QStringLiteral("%1 -> %2; maximum %3")
                                    .arg(sizes.at(0))
                                    .arg(splitter->sizes().at(0))
                                    .arg(splitter->widget(0)->maximumWidth())));
    }
};

QTEST_MAIN(TestClerkDay)
#include "tst_clerkday.moc"
