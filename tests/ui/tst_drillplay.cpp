#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>

#include "drillpanel.h"
#include "drills/drill.h"
#include "drillsdialog.h"
#include "queueview.h"
#include "trainingmenu.h"
#include "trainingwindow.h"

Q_DECLARE_METATYPE(Drills::CheckReport)
Q_DECLARE_METATYPE(Drills::DrillAttempt)

/**
 * Every shipped drill played through the real window, once as the drill asks (it must score 100%) and
 * once with one mistake (the check must name it): started from Training → Drills…, typed with the
 * keyboard, checked with the panel's Check button.
 */
class TestDrillPlay : public QObject
{
    Q_OBJECT

private:
    TrainingWindow m_app;
    QString m_trainee = QStringLiteral("Ana Trainee");

    Ui::DrillPanel *panel() { return m_app.window->trainingMenu()->drillPanel(); }

    /// Training → Drills… (Ctrl+Shift+D), the drill by its id, the trainee, Start, and the confirmation.
    void startDrill(const QString &id)
    {
        const Drills::DrillList list = Drills::loadDrills({Drills::builtInDrillsFolder()});
        const auto drill = std::find_if(list.drills.cbegin(), list.drills.cend(),
                                        [&id](const Drills::Drill &drill) { return drill.id == id; });
        QVERIFY2(drill != list.drills.cend(), qPrintable(id));
        const int row = int(drill - list.drills.cbegin());
        bool chosen = false;
        TrainingWindow::answerDialogs(
            [this] {
                QTest::keyClick(m_app.window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
            },
            [&](QWidget *modal) {
                if (auto *dialog = qobject_cast<Ui::DrillsDialog *>(modal)) {
                    auto *drills = dialog->findChild<QListWidget *>(QStringLiteral("drillList"));
                    drills->setCurrentRow(row);
                    auto *trainee = dialog->findChild<QLineEdit *>(QStringLiteral("traineeEdit"));
                    trainee->clear();
                    QTest::keyClicks(trainee, m_trainee);
                    QMetaObject::invokeMethod(
                        dialog->findChild<QPushButton *>(QStringLiteral("startDrillButton")),
                        &QAbstractButton::click, Qt::QueuedConnection);
                    chosen = true;
                    return true;
                }
                return TrainingWindow::clickIn(modal, QStringLiteral("trainingConfirmButton"));
            });
        QVERIFY(chosen);
        QVERIFY(panel());
        QTRY_VERIFY_WITH_TIMEOUT(panel()->session().isRunning(), TrainingWindow::SlowMachineTimeoutMs);
        QCOMPARE(panel()->session().drill().id, id);
        QVERIFY(panel()->isVisible());
        QVERIFY(!m_app.widget<QLabel>(QStringLiteral("drillInstructionsLabel"))->text().isEmpty());
    }

    /// Links the diagnoses with these ICD-10 codes, in order, with the arrow keys and Enter.
    void link(const QStringList &codes)
    {
        auto *combo = m_app.widget<QComboBox>(QStringLiteral("diagnosisCombo"));
        QCOMPARE(m_app.focused(), combo);
        for (const QString &code : codes) {
            int target = -1;
            for (int index = 0; index < combo->count() && target < 0; ++index) {
                if (combo->itemText(index).startsWith(code))
                    target = index;
            }
            QVERIFY2(target >= 0, qPrintable(code));
            while (combo->currentIndex() < target)
                QTest::keyClick(combo, Qt::Key_Down);
            while (combo->currentIndex() > target)
                QTest::keyClick(combo, Qt::Key_Up);
            QTest::keyClick(combo, Qt::Key_Return);
        }
    }

    /// Code, category key, time keys, diagnoses, Ctrl+Enter (and Enter past a standing warning when
    /// `pastWarning`); returns the new line's id.
    qint64 line(const QString &code, const QString &category, const QString &time,
                const QStringList &diagnoses, bool pastWarning = false)
    {
        const qsizetype before = m_app.lines().size();
        m_app.keys(code + QStringLiteral(" Tab ") + (category.isEmpty() ? QString() : category + u' ') +
                   QStringLiteral("Tab ") + time + QStringLiteral(" Tab"));
        link(diagnoses);
        m_app.keys(QStringLiteral("Ctrl+Enter"));
        if (pastWarning) {
            if (m_app.lines().size() != before ||
                !m_app.widget<QWidget>(QStringLiteral("confirmWarningsBar"))->isVisible())
                return -1;
            m_app.keys(QStringLiteral("Enter"));
        }
        const auto lines = m_app.lines();
        if (lines.size() != before + 1)
            return -1;
        return lines.last().id;
    }

    Outbox::LineState state(qint64 id) { return m_app.workspace->store()->line(id)->state; }

    void waitFor(qint64 id, Outbox::LineState wanted)
    {
        QVERIFY(id > 0);
        QTRY_COMPARE_WITH_TIMEOUT(state(id), wanted, TrainingWindow::SlowMachineTimeoutMs);
    }

    /// The Queue (Ctrl+2) with the line selected, then Delete and the confirmation.
    void discardFromQueue(qint64 id)
    {
        QTest::keyClick(m_app.window.get(), Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(m_app.window->queueView()->currentLineId(), id);
        TrainingWindow::answerDialogs([this] { QTest::keyClick(m_app.focused(), Qt::Key_Delete); },
                                      [](QWidget *modal) {
                                          return TrainingWindow::clickIn(
                                              modal, QStringLiteral("confirmDiscardButton"));
                                      });
        QCOMPARE(state(id), Outbox::LineState::Discarded);
    }

    /// The Queue with the line selected, Enter: the line is back in the form.
    void openFromQueue(qint64 id)
    {
        QTest::keyClick(m_app.window.get(), Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(m_app.window->queueView()->currentLineId(), id);
        QTest::keyClick(m_app.focused(), Qt::Key_Return);
        QCOMPARE(m_app.window->lineEditor()->lineId(), id);
    }

    void retime(const QString &time)
    {
        auto *performed = m_app.widget<QDateTimeEdit>(QStringLiteral("performedAtEdit"));
        performed->setFocus(Qt::TabFocusReason);
        m_app.keys(time + QStringLiteral(" Ctrl+Enter"));
    }

    void play(const QString &id, bool mistake)
    {
        if (id == u"01-knee-injection") {
            m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
            waitFor(line(mistake ? QStringLiteral("20611") : QStringLiteral("20610"), QStringLiteral("s"),
                         QStringLiteral("1030"), {QStringLiteral("M17.11"), QStringLiteral("M25.561")}),
                    Outbox::LineState::Sent);
        } else if (id == u"02-anesthesia-period") {
            m_app.openEncounter(QStringLiteral("Nakamura"), QStringLiteral("Encounter-812"));
            m_app.keys(QStringLiteral("01810 Tab Tab 1320 Tab ") +
                       (mistake ? QStringLiteral("1335") : QStringLiteral("1435")) + QStringLiteral(" Tab"));
            link({QStringLiteral("G56.01")});
            m_app.keys(QStringLiteral("Ctrl+Enter"));
            waitFor(m_app.lines().value(0).id, Outbox::LineState::Sent);
        } else if (id == u"03-anesthesia-past-midnight") {
            m_app.openEncounter(QStringLiteral("Kowalczyk"), QStringLiteral("Encounter-820"));
            // The mistake: start and end swapped to get past 500029, on the same day.
            m_app.keys(mistake ? QStringLiteral("00400 Tab Tab 0025 Tab 2340 Tab")
                               : QStringLiteral("00400 Tab Tab 2340 Tab Home 202603130025 Tab"));
            link({QStringLiteral("M25.511")});
            m_app.keys(QStringLiteral("Ctrl+Enter"));
            waitFor(m_app.lines().value(0).id, Outbox::LineState::Sent);
        } else if (id == u"04-dental-code") {
            m_app.openEncounter(QStringLiteral("Brennan"), QStringLiteral("Encounter-814"));
            // The dental code is stopped in the form itself.
            m_app.keys(QStringLiteral("D1110"));
            QVERIFY(m_app.widget<QLabel>(QStringLiteral("cptCodeMessageLabel"))
                        ->text()
                        .contains(QStringLiteral("500034")));
            m_app.keys(QStringLiteral("Ctrl+Enter"));
            QVERIFY(m_app.lines().isEmpty());
            m_app.widget<QLineEdit>(QStringLiteral("cptCodeEdit"))->clear();
            QStringList diagnoses{QStringLiteral("H61.21")};
            if (mistake)
                diagnoses << QStringLiteral("M25.561");
            waitFor(line(QStringLiteral("69210"), QStringLiteral("s"), QStringLiteral("1115"), diagnoses),
                    Outbox::LineState::Sent);
        } else if (id == u"05-duplicate-diagnosis") {
            m_app.openEncounter(QStringLiteral("Abernathy"), QStringLiteral("Encounter-818"));
            m_app.keys(QStringLiteral("81002 Tab d Tab 1345 Tab"));
            if (mistake) {
                // The second N39.0 of the encounter (another Condition), which the form cannot call a
                // duplicate.
                QTest::keyClick(m_app.focused(), Qt::Key_Return);
                QTest::keyClick(m_app.focused(), Qt::Key_Return);
            } else {
                link({QStringLiteral("N39.0")});
            }
            m_app.keys(QStringLiteral("Ctrl+Enter"));
            waitFor(m_app.lines().value(0).id, Outbox::LineState::Sent);
        } else if (id == u"06-signed-off-encounter") {
            m_app.openEncounter(QStringLiteral("Whitfield"), QStringLiteral("Encounter-827"));
            const qint64 refused = line(QStringLiteral("69210"), QStringLiteral("s"), QStringLiteral("1045"),
                                        {QStringLiteral("H61.21")});
            waitFor(refused, Outbox::LineState::NeedsCorrection);
            if (!mistake)
                discardFromQueue(refused);
        } else if (id == u"07-billed-encounter") {
            m_app.openEncounter(QStringLiteral("Varga"), QStringLiteral("Encounter-823"));
            const qint64 refused = line(QStringLiteral("69210"), QStringLiteral("s"), QStringLiteral("0910"),
                                        {QStringLiteral("H61.21")});
            waitFor(refused, Outbox::LineState::NeedsCorrection);
            if (mistake) {
                // Forced in with a new time: the form knows the encounter is billed now and keeps the
                // line, which then waits in the queue instead of being discarded.
                openFromQueue(refused);
                // The outbox records the refusal on its own thread; the form hears of it a moment later.
                QTRY_VERIFY(m_app.widget<QWidget>(QStringLiteral("closedEncounterBar"))->isVisible());
                retime(QStringLiteral("0915"));
                QCOMPARE(state(refused), Outbox::LineState::NeedsCorrection);
            } else {
                discardFromQueue(refused);
            }
        } else if (id == u"08-duplicate-record") {
            m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
            const QStringList knee{QStringLiteral("M17.11"), QStringLiteral("M25.561")};
            const qint64 visit =
                line(QStringLiteral("99213"), QStringLiteral("s"), QStringLiteral("0930"), knee);
            waitFor(visit, Outbox::LineState::NeedsCorrection);
            QCOMPARE(m_app.workspace->store()->line(visit)->findings.value(0).code, QStringLiteral("500002"));
            m_app.window->showSuperbill();
            waitFor(line(QStringLiteral("20610"), QStringLiteral("s"), QStringLiteral("1030"), knee),
                    Outbox::LineState::Sent);
            if (mistake) {
                openFromQueue(visit);
                retime(QStringLiteral("0945"));
                waitFor(visit, Outbox::LineState::Sent);
            } else {
                discardFromQueue(visit);
            }
        } else if (id == u"09-offline-queue") {
            m_app.openEncounter(QStringLiteral("Castellanos"), QStringLiteral("Encounter-829"));
            QVERIFY(m_app.widget<QLabel>(QStringLiteral("patientStatusLabel"))
                        ->text()
                        .contains(QStringLiteral("offline copy")));
            const qint64 visit = line(QStringLiteral("99213"), QStringLiteral("s"), QStringLiteral("1200"),
                                      {QStringLiteral("S61.411A")});
            QTRY_VERIFY_WITH_TIMEOUT(m_app.workspace->store()->line(visit)->attempts >= 1,
                                     TrainingWindow::SlowMachineTimeoutMs);
            QCOMPARE(state(visit), Outbox::LineState::Pending);
            const qint64 repair = line(QStringLiteral("12001"), QStringLiteral("s"), QStringLiteral("1220"),
                                       {mistake ? QStringLiteral("M25.561") : QStringLiteral("S61.411A")});
            // Two lines entered: the EHR answers again and both go by themselves.
            waitFor(visit, Outbox::LineState::Sent);
            waitFor(repair, Outbox::LineState::Sent);
        } else if (id == u"10-correct-refused-line") {
            m_app.openEncounter(QStringLiteral("Mbeki"), QStringLiteral("Encounter-837"));
            const qint64 knee = line(QStringLiteral("20610"), QStringLiteral("s"), QStringLiteral("1150"),
                                     {QStringLiteral("M17.12"), QStringLiteral("G56.01")});
            waitFor(knee, Outbox::LineState::NeedsCorrection);
            QCOMPARE(m_app.workspace->store()->line(knee)->findings.value(0).code, QStringLiteral("500037"));
            if (mistake) {
                // Resent as it was.
                QTest::keyClick(m_app.window.get(), Qt::Key_2, Qt::ControlModifier);
                QTRY_COMPARE(m_app.window->queueView()->currentLineId(), knee);
                QTest::keyClick(m_app.focused(), Qt::Key_R, Qt::ControlModifier);
            } else {
                openFromQueue(knee);
                auto *diagnoses = m_app.widget<QListWidget>(QStringLiteral("diagnosisList"));
                diagnoses->setFocus(Qt::TabFocusReason);
                diagnoses->setCurrentRow(1);
                m_app.keys(QStringLiteral("Delete Ctrl+Enter"));
            }
            waitFor(knee, Outbox::LineState::Sent);
        } else if (id == u"11-sign-in-expiry") {
            m_app.openEncounter(QStringLiteral("Osei"), QStringLiteral("Encounter-822"));
            QStringList diagnoses{QStringLiteral("N39.0")};
            if (mistake)
                diagnoses << QStringLiteral("M25.561");
            const qint64 visit =
                line(QStringLiteral("99213"), QStringLiteral("s"), QStringLiteral("1130"), diagnoses);
            QTRY_VERIFY_WITH_TIMEOUT(
                m_app.window->statusBar()->currentMessage().contains(QStringLiteral("Sign in again")),
                TrainingWindow::SlowMachineTimeoutMs);
            QCOMPARE(state(visit), Outbox::LineState::Pending);
            m_app.window->findChild<QAction *>(QStringLiteral("signInAgainAction"))->trigger();
            waitFor(visit, Outbox::LineState::Sent);
        } else if (id == u"12-daylight-saving-gap") {
            m_app.openEncounter(QStringLiteral("Ibarra"), QStringLiteral("Encounter-832"));
            // 02:30 that night does not exist: the form says so (PRO005) before anything is sent.
            m_app.keys(QStringLiteral("36415 Tab d Tab Home 202603080230 Tab"));
            QVERIFY(m_app.widget<QLabel>(QStringLiteral("performedAtMessageLabel"))
                        ->text()
                        .contains(QStringLiteral("PRO005")));
            m_app.keys(QStringLiteral("Shift+Tab Home ") +
                       (mistake ? QStringLiteral("202603080130") : QStringLiteral("202603080330")) +
                       QStringLiteral(" Tab"));
            link({QStringLiteral("E11.9")});
            m_app.keys(QStringLiteral("Ctrl+Enter"));
            waitFor(m_app.lines().value(0).id, Outbox::LineState::Sent);
        } else if (id == u"13-time-zone") {
            m_app.openEncounter(QStringLiteral("Marchetti"), QStringLiteral("Encounter-810"));
            waitFor(line(QStringLiteral("20610"), QStringLiteral("s"),
                         mistake ? QStringLiteral("0940") : QStringLiteral("1040"),
                         {QStringLiteral("M25.561")}),
                    Outbox::LineState::Sent);
        } else if (id == u"14-lost-answers") {
            m_app.openEncounter(QStringLiteral("Fairbanks"), QStringLiteral("Encounter-830"));
            const qint64 visit = line(QStringLiteral("99213"), QStringLiteral("s"), QStringLiteral("0900"),
                                      {QStringLiteral("J06.9")});
            QTRY_VERIFY_WITH_TIMEOUT(m_app.workspace->store()->line(visit)->outcomeUnknown,
                                     TrainingWindow::SlowMachineTimeoutMs);
            const qint64 knee = line(QStringLiteral("20610"), QStringLiteral("s"), QStringLiteral("0920"),
                                     {QStringLiteral("M25.561")});
            waitFor(visit, Outbox::LineState::Sent);
            waitFor(knee, Outbox::LineState::Sent);
            if (mistake) {
                // Entered again because it "seemed stuck": the EHR refuses the copy, which stays in the
                // queue.
                // The form's warning (the same code at the same time) is confirmed past.
                const qint64 again = line(QStringLiteral("20610"), QStringLiteral("s"),
                                          QStringLiteral("0920"), {QStringLiteral("M25.561")}, true);
                waitFor(again, Outbox::LineState::NeedsCorrection);
            }
        } else if (id == u"15-failing-ehr") {
            m_app.openEncounter(QStringLiteral("Achterberg"), QStringLiteral("Encounter-835"));
            const qint64 visit = line(QStringLiteral("99213"), QStringLiteral("s"), QStringLiteral("1000"),
                                      {QStringLiteral("M54.50")});
            const qint64 ears = line(QStringLiteral("69210"), QStringLiteral("s"), QStringLiteral("1020"),
                                     {mistake ? QStringLiteral("M54.50") : QStringLiteral("H61.21")});
            waitFor(visit, Outbox::LineState::Sent);
            waitFor(ears, Outbox::LineState::Sent);
        } else {
            QFAIL(qPrintable(QStringLiteral("no play for drill %1").arg(id)));
        }
    }

    /// Check, and the report it shows.
    std::pair<Drills::CheckReport, Drills::DrillAttempt> check()
    {
        QSignalSpy checked(&panel()->session(), &Ui::DrillSession::checked);
        QTest::mouseClick(m_app.widget<QPushButton>(QStringLiteral("drillCheckButton")), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return checked.count() > 0; }, TrainingWindow::SlowMachineTimeoutMs))
            return {};
        return {checked.first().at(0).value<Drills::CheckReport>(),
                checked.first().at(1).value<Drills::DrillAttempt>()};
    }

private slots:
    void init() { QVERIFY(m_app.open()); }
    void cleanup() { m_app.close(); }

    void everyShippedDrillIsPlayed()
    {
        // A drill added without a play here fails this suite.
        QStringList ids;
        for (const auto &drill : Drills::loadDrills({Drills::builtInDrillsFolder()}).drills)
            ids << drill.id;
        QStringList played;
        for (int i = 1; i <= 15; ++i)
            played << ids.filter(QStringLiteral("%1-").arg(i, 2, 10, QLatin1Char('0')));
        QCOMPARE(played, ids);
    }

    void playRightAndWrong_data()
    {
        QTest::addColumn<QString>("drill");
        QTest::addColumn<bool>("mistake");
        QTest::addColumn<QString>("named");
        const QList<std::pair<QString, QString>> drills{
            {QStringLiteral("01-knee-injection"),
             QStringLiteral("code 20611 — expected 20610: the note says no ultrasound")},
            {QStringLiteral("02-anesthesia-period"),
             QStringLiteral(
                 "anesthesia 2026-03-13 13:20 -04:00 to 2026-03-13 13:35 -04:00 — expected 2026-03-13 13:20 "
                 "-04:00 to 2026-03-13 14:35 -04:00")},
            {QStringLiteral("03-anesthesia-past-midnight"),
             QStringLiteral(
                 "anesthesia 2026-03-12 00:25 -04:00 to 2026-03-12 23:40 -04:00 — expected 2026-03-12 23:40 "
                 "-04:00 to 2026-03-13 00:25 -04:00")},
            {QStringLiteral("04-dental-code"), QStringLiteral("diagnoses H61.21, M25.561 — expected H61.21")},
            {QStringLiteral("05-duplicate-diagnosis"),
             QStringLiteral("diagnoses N39.0, N39.0 — expected N39.0")},
            {QStringLiteral("06-signed-off-encounter"),
             QStringLiteral(
                 "the 69210 on Encounter-827 line is still waiting for correction — expected it discarded")},
            {QStringLiteral("07-billed-encounter"),
             QStringLiteral(
                 "the 69210 on Encounter-823 line is still waiting for correction — expected it discarded")},
            {QStringLiteral("08-duplicate-record"),
             QStringLiteral("99213 on Encounter-805 was recorded by the EHR")},
            {QStringLiteral("09-offline-queue"), QStringLiteral("diagnoses M25.561 — expected S61.411A")},
            {QStringLiteral("10-correct-refused-line"),
             QStringLiteral("diagnoses M17.12, G56.01 — expected M17.12")},
            {QStringLiteral("11-sign-in-expiry"),
             QStringLiteral("diagnoses N39.0, M25.561 — expected N39.0")},
            {QStringLiteral("12-daylight-saving-gap"),
             QStringLiteral("performed 2026-03-08 01:30 -06:00 — expected 2026-03-08 03:30 -05:00")},
            {QStringLiteral("13-time-zone"),
             QStringLiteral(
                 "performed 2026-03-14 09:40 -04:00 — expected 2026-03-14 10:40 -04:00: 9:40 Central time")},
            {QStringLiteral("14-lost-answers"),
             QStringLiteral("the 20610 on Encounter-830 line is still waiting for correction")},
            {QStringLiteral("15-failing-ehr"), QStringLiteral("diagnoses M54.50 — expected H61.21")},
        };
        for (const auto &[drill, named] : drills) {
            QTest::addRow("%s right", qPrintable(drill)) << drill << false << QString();
            QTest::addRow("%s one mistake", qPrintable(drill)) << drill << true << named;
        }
    }

    void playRightAndWrong()
    {
        QFETCH(QString, drill);
        QFETCH(bool, mistake);
        QFETCH(QString, named);
        startDrill(drill);
        if (QTest::currentTestFailed())
            return;
        play(drill, mistake);
        if (QTest::currentTestFailed())
            return;
        const auto [report, attempt] = check();
        QVERIFY2(!report.items.isEmpty(), "the check did not finish");
        auto *results = m_app.widget<QListWidget>(QStringLiteral("drillResultsList"));
        QCOMPARE(results->count(), report.items.size());
        const QString score = m_app.widget<QLabel>(QStringLiteral("drillScoreLabel"))->text();
        if (!mistake) {
            QVERIFY2(report.correct(), qPrintable(report.mistakes().join(u'\n')));
            QCOMPARE(report.percent(), 100);
            QVERIFY2(score.startsWith(QStringLiteral("Score 100% — correct")), qPrintable(score));
        } else {
            QVERIFY(!report.correct());
            QVERIFY(report.percent() < 100);
            QCOMPARE(report.mistakes().size(), 1);
            QVERIFY2(report.mistakes().first().startsWith(named),
                     qPrintable(report.mistakes().first() + QStringLiteral("\n  expected: ") + named));
            bool shown = false;
            for (int row = 0; row < results->count(); ++row)
                shown = shown || results->item(row)->text() == report.mistakes().first();
            QVERIFY(shown);
        }
        // Scored and kept under the trainee's name.
        QCOMPARE(attempt.trainee, m_trainee);
        QCOMPARE(attempt.drillId, drill);
        QVERIFY(attempt.keystrokes >= 5);
        const auto kept = panel()->session().results().attempts(m_trainee);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().percent, attempt.percent);
    }

    void hintsTimeAndKeystrokesAndTheClassCsv()
    {
        startDrill(QStringLiteral("01-knee-injection"));
        auto *hint = m_app.widget<QPushButton>(QStringLiteral("drillHintButton"));
        QVERIFY(hint->isEnabled());
        QTest::mouseClick(hint, Qt::LeftButton);
        QVERIFY(m_app.widget<QLabel>(QStringLiteral("drillHintsLabel"))
                    ->text()
                    .contains(QStringLiteral("20611")));
        m_app.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805"));
        const int before = panel()->session().keystrokes();
        waitFor(line(QStringLiteral("20610"), QStringLiteral("s"), QStringLiteral("1030"),
                     {QStringLiteral("M17.11"), QStringLiteral("M25.561")}),
                Outbox::LineState::Sent);
        // The 16 keystrokes of a complete line, counted once each (shortcuts too).
        QCOMPARE(panel()->session().keystrokes() - before, 16);
        QVERIFY(m_app.widget<QLabel>(QStringLiteral("drillProgressLabel"))
                    ->text()
                    .contains(QStringLiteral("hints used: 1")));
        const auto [report, attempt] = check();
        QVERIFY(report.correct());
        QCOMPARE(attempt.hintsUsed, 1);

        Ui::DrillsDialog dialog(*m_app.settings, panel()->session().results(), m_app.window.get());
        QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("traineeEdit"))->text(), m_trainee);
        QCOMPARE(dialog.findChild<QTableWidget *>(QStringLiteral("drillResultsTable"))->rowCount(), 1);
        const QString csv = m_app.dir->filePath(QStringLiteral("class.csv"));
        QVERIFY(dialog.exportResults(csv).endsWith(QStringLiteral(": 1.")));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("Ana Trainee,01-knee-injection,Knee injection without ultrasound,"));
        QVERIFY(text.contains(",1,yes,100,"));

        // Try again: the same drill afresh.
        QTest::mouseClick(m_app.widget<QPushButton>(QStringLiteral("drillRetryButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel()->session().isRunning(), TrainingWindow::SlowMachineTimeoutMs);
        QVERIFY(m_app.lines().isEmpty());
        QCOMPARE(panel()->session().keystrokes(), 0);
    }
};

QTEST_MAIN(TestDrillPlay)
#include "tst_drillplay.moc"
