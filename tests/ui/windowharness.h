#pragma once

// The real main window against the training EHR running in-process on a loopback port, for GUI
// suites that drive it by object name with the keyboard and count the keys. Header-only: each
// suite is its own executable.

#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QListView>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTimer>
#include <QUrlQuery>

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

    bool start(QString *error)
    {
        if (start())
            return true;
        *error = QStringLiteral("the training workspace or its window did not start (see the warning above)");
        return false;
    }

    void stop() { close(); }

    using TrainingWindow::widget;
    template<typename T>
    T *widget(const char *name) const
    {
        return widget<T>(QLatin1String(name));
    }

    /// Where the window system delivers a key: to an open pop-up (a completer's list), else to the
    /// focused widget.
    QWidget *keyTarget() const
    {
        if (QWidget *popup = QApplication::activePopupWidget()) {
            // A pop-up's own focused child (a calendar's day grid), else the pop-up (a completer's list).
            QWidget *inner = popup->focusWidget();
            return inner && popup->isAncestorOf(inner) ? inner : popup;
        }
        return focused();
    }

    /// One key, as the window system delivers it, counted.
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(keyTarget(), key, modifiers);
        ++keystrokes;
    }

    /// Text typed, one keystroke a character.
    void type(const QString &text)
    {
        for (const QChar character : text) {
            QTest::keyClicks(keyTarget(), QString(character));
            ++keystrokes;
        }
    }

    /// Prints the count in the form the README's keystroke table is taken from.
    void reportKeystrokes(const char *name) const { qInfo("keystrokes: %s: %d", name, keystrokes); }

    /// Finds the patient and opens the encounter, all by keyboard: Ctrl+F, the search text, Enter. The
    /// patient's only open encounter opens by itself; otherwise the arrow keys go to it and Enter.
    void openEncounter(const QString &search, const QString &encounterId)
    {
        Ui::EncounterPicker *picker = window->encounterPicker();
        Ui::LineEditor *editor = window->lineEditor();
        press(Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(focused()->objectName(), QStringLiteral("patientSearchEdit"));
        type(search); // replaces what was there: Ctrl+F selects it
        press(Qt::Key_Return);
        auto *encounters = widget<QListView>("encounterList");
        const auto opened = [&] {
            return editor->encounter().encounterId == encounterId &&
                   focused()->objectName() == QStringLiteral("cptCodeEdit");
        };
        QTRY_VERIFY_WITH_TIMEOUT(opened() || focused() == encounters, SlowMachineTimeoutMs);
        if (opened())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(picker->contextFor(encounterId).has_value(), SlowMachineTimeoutMs);
        const int row = picker->encounterModel()->rowOf(encounterId);
        for (int step = 0;
             step < picker->encounterModel()->rowCount() && encounters->currentIndex().row() != row; ++step)
            press(encounters->currentIndex().row() < row ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(encounters->currentIndex().row(), row);
        press(Qt::Key_Return);
        QCOMPARE(editor->encounter().encounterId, encounterId);
        QCOMPARE(focused()->objectName(), QStringLiteral("cptCodeEdit"));
    }

    /// Code, the category the code suggests, time, the first two diagnoses, Ctrl+Enter.
    void typeLine(const QString &code, const QString &time)
    {
        QCOMPARE(focused()->objectName(), QStringLiteral("cptCodeEdit"));
        type(code);
        press(Qt::Key_Tab);
        press(Qt::Key_Tab);
        type(time);
        press(Qt::Key_Tab);
        QCOMPARE(focused()->objectName(), QStringLiteral("diagnosisCombo"));
        press(Qt::Key_Return);
        press(Qt::Key_Return);
        press(Qt::Key_Return, Qt::ControlModifier);
    }

    /// The newest line as stored, its FHIR JSON too (a listing leaves it out).
    Outbox::OutboxLine lastLine() const
    {
        const QList<Outbox::OutboxLine> all = lines();
        return all.isEmpty() ? Outbox::OutboxLine{} : workspace->store()->line(all.last().id).valueOr({});
    }

    /// GET from the training EHR with its token.
    QJsonObject get(const QString &path, const QUrlQuery &query = {}) const
    {
        QUrl url = workspace->trainingServer()->baseUrl();
        url.setPath(url.path() + u'/' + path);
        url.setQuery(query);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization",
                             "Bearer " + workspace->trainingServer()->options().token.toUtf8());
        QNetworkAccessManager manager;
        std::unique_ptr<QNetworkReply> reply(manager.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(5000))
            return {};
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    /// The Procedure the training EHR holds with the line's identifier, or an empty object.
    QJsonObject storedProcedure(const Outbox::OutboxLine &line) const
    {
        return procedureInTrainingEhr(*workspace->trainingServer(), line);
    }

    /// Answers the next modal message box with its default button (Enter) or Escape.
    void answerNextBox(bool accept, QString *text = nullptr)
    {
        QTimer::singleShot(0, window.get(), [accept, text] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            if (text)
                *text = box->text();
            QTest::keyClick(box, accept ? Qt::Key_Return : Qt::Key_Escape);
        });
    }

    int keystrokes = 0;
};
