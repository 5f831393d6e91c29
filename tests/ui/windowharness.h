#pragma once

// The real main window against the training EHR running in-process on a loopback port, for GUI
// suites that drive it by object name with the keyboard and count the keys. Header-only: each
// suite is its own executable.

#include <QSignalSpy>

#include "trainingehrprocedure.h"
#include "trainingwindow.h"

constexpr int SlowMachineTimeoutMs = TrainingWindow::SlowMachineTimeoutMs;

class WindowHarness : public TrainingWindow
{
public:
    /// A fresh folder, settings, outbox and training EHR, and the window shown and active.
    bool start()
    {
        keystrokes = 0;
        return open();
    }

    /// One key to whatever has the focus, counted.
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(focused(), key, modifiers);
        ++keystrokes;
    }

    /// Text typed into whatever has the focus, one keystroke a character.
    void type(const QString &text)
    {
        QTest::keyClicks(focused(), text);
        keystrokes += int(text.size());
    }

    /// Prints the count in the form the README's keystroke table is taken from.
    void reportKeystrokes(const char *name) const { qInfo("keystrokes: %s: %d", name, keystrokes); }

    /// Finds the patient and opens the encounter, all by keyboard: Ctrl+F, the search text, Enter,
    /// ↓ (to the patient), Enter (to the encounters), then the arrow keys to the encounter and Enter.
    void openEncounter(const QString &search, const QString &encounterId)
    {
        Ui::EncounterPicker *picker = window->encounterPicker();
        press(Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(focused()->objectName(), QStringLiteral("patientSearchEdit"));
        type(search); // replaces what was there: Ctrl+F selects it
        QSignalSpy searched(picker, &Ui::EncounterPicker::loaded);
        press(Qt::Key_Return);
        // The search answered (the list may still show what an earlier search found until then).
        QTRY_VERIFY_WITH_TIMEOUT(searched.count() >= 1, SlowMachineTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(picker->patientModel()->rowCount() >= 1, SlowMachineTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(picker->contextFor(encounterId).has_value(), SlowMachineTimeoutMs);
        auto *encounters = widget<QListView>(QStringLiteral("encounterList"));
        if (window->lineEditor()->encounter().encounterId == encounterId &&
            focused()->objectName() == QStringLiteral("cptCodeEdit"))
            return; // picked on its own: the only open one
        if (focused()->objectName() == QStringLiteral("patientSearchEdit"))
            press(Qt::Key_Down);
        if (focused()->objectName() == QStringLiteral("patientList"))
            press(Qt::Key_Return);
        QCOMPARE(focused(), encounters);
        const int row = picker->encounterModel()->rowOf(encounterId);
        for (int step = 0;
             step < picker->encounterModel()->rowCount() && encounters->currentIndex().row() != row; ++step)
            press(encounters->currentIndex().row() < row ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(encounters->currentIndex().row(), row);
        press(Qt::Key_Return);
        QCOMPARE(window->lineEditor()->encounter().encounterId, encounterId);
        QCOMPARE(focused()->objectName(), QStringLiteral("cptCodeEdit"));
    }

    Outbox::OutboxLine lastLine() const
    {
        const QList<Outbox::OutboxLine> all = lines();
        return all.isEmpty() ? Outbox::OutboxLine{} : all.last();
    }

    /// The Procedure the training EHR holds with the line's identifier, or an empty object.
    QJsonObject storedProcedure(const Outbox::OutboxLine &line) const
    {
        return procedureInTrainingEhr(*workspace->trainingServer(), line);
    }

    int keystrokes = 0;
};
