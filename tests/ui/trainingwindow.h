#pragma once

#include <functional>
#include <memory>

#include <QAbstractButton>
#include <QApplication>
#include <QListView>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "appsettings.h"
#include "encounterlistmodel.h"
#include "encounterpicker.h"
#include "lineeditor.h"
#include "mainwindow.h"
#include "outbox/outboxstore.h"
#include "patientlistmodel.h"
#include "tokenstore.h"
#include "workspace.h"

using namespace std::chrono_literals;

/**
 * The real main window in training mode, its training EHR in-process on a
 * free loopback port and every file in a temporary folder, for the trainer's
 * GUI suites; with keyboard helpers that type as a person would, and a way
 * to answer the dialogs a menu opens.
 */
class TrainingWindow
{
public:
    /// Generous on purpose: a passing wait ends as soon as its condition holds, and CI machines run several
    /// suites at once on two cores.
    static constexpr int SlowMachineTimeoutMs = 30000;

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Ui::AppSettings> settings;
    std::unique_ptr<Ui::TokenStore> tokens;
    std::unique_ptr<Ui::Workspace> workspace;
    std::unique_ptr<Ui::MainWindow> window;

    /// Starts the workspace and shows the window; false when either cannot start.
    bool open()
    {
        QStandardPaths::setTestModeEnabled(true);
        dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid())
            return false;
        settings = std::make_unique<Ui::AppSettings>(dir->filePath(QStringLiteral("settings.ini")));
        tokens = std::make_unique<Ui::TokenStore>(Ui::TokenStore::Backend::SessionOnly);
        workspace = std::make_unique<Ui::Workspace>();
        QString error;
        if (!workspace->start(trainingOptions(), {}, &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        window = std::make_unique<Ui::MainWindow>(*settings, *tokens, *workspace);
        window->show();
        QApplication::setActiveWindow(window.get());
        return QTest::qWaitForWindowActive(window.get());
    }

    /// The training EHR on a free port, with the outbox in the test's folder and quick retries.
    Ui::Workspace::Options trainingOptions() const
    {
        Ui::Workspace::Options options;
        options.training = true;
        options.dataDir = dir->path();
        options.outboxPath = dir->filePath(QStringLiteral("ehr-outbox.sqlite"));
        options.trainingPort = freePort();
        options.backoff = Outbox::BackoffPolicy{100ms, 400ms, 0.0, 1000ms};
        options.probeIntervalMs = 100;
        return options;
    }

    void close()
    {
        window.reset();
        workspace.reset();
        tokens.reset();
        settings.reset();
        dir.reset();
    }

    static quint16 freePort()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return 0;
        return probe.serverPort();
    }

    template<typename T>
    T *widget(const QString &name) const
    {
        auto *found = window->findChild<T *>(name);
        if (!found)
            qFatal("no widget %s", qPrintable(name));
        return found;
    }

    /// The focus widget. The offscreen platform hands activation to the code completer's popup some time
    /// after it was shown (and already hidden again); a real window manager does not, so the window takes
    /// it back here.
    QWidget *focused() const
    {
        if (QApplication::activeWindow() != window.get() && !QApplication::activeModalWidget())
            QApplication::setActiveWindow(window.get());
        return QApplication::focusWidget();
    }

    /// Types a script into whatever has the focus: key names (Tab, Enter, Ctrl+Enter, Down, Home, Delete,
    /// Ctrl+2 ...) are pressed, anything else is typed as text. "20610 Tab s Tab 1030 Tab Enter Enter
    /// Ctrl+Enter"
    void keys(const QString &script) const
    {
        for (const QString &token : script.split(u' ', Qt::SkipEmptyParts)) {
            Qt::KeyboardModifiers modifiers;
            QString name = token;
            for (const auto &[prefix, modifier] : {std::pair{QStringLiteral("Ctrl+"), Qt::ControlModifier},
                                                   std::pair{QStringLiteral("Alt+"), Qt::AltModifier},
                                                   std::pair{QStringLiteral("Shift+"), Qt::ShiftModifier}}) {
                if (name.startsWith(prefix) && name.size() > prefix.size()) {
                    modifiers |= modifier;
                    name = name.mid(prefix.size());
                }
            }
            const int key = keyCode(name);
            if (key == 0 && modifiers == Qt::NoModifier) {
                QTest::keyClicks(focused(), name);
            } else {
                const int code = key != 0 ? key : QKeySequence(name).operator[](0).key();
                QTest::keyClick(focused(), Qt::Key(code), modifiers);
            }
        }
    }

    /// Finds the patient and opens the encounter, all by keyboard: Ctrl+F, the search text, Enter opens the
    /// first patient found. The patient's only open encounter opens by itself once its diagnoses are in;
    /// otherwise the arrow keys go to it and Enter.
    void openEncounter(const QString &search, const QString &encounterId) const
    {
        Ui::EncounterPicker *picker = window->encounterPicker();
        focused(); // the window active again, after a click elsewhere
        QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
        QCOMPARE(focused()->objectName(), QStringLiteral("patientSearchEdit"));
        focused()->setProperty("text", QString());
        QTest::keyClicks(focused(), search);
        QTest::keyClick(focused(), Qt::Key_Return);
        auto *encounters = widget<QListView>(QStringLiteral("encounterList"));
        const auto opened = [&] {
            return window->lineEditor()->encounter().encounterId == encounterId &&
                   focused()->objectName() == QStringLiteral("cptCodeEdit");
        };
        QTRY_VERIFY2_WITH_TIMEOUT(opened() || focused() == encounters,
                                  qPrintable(QStringLiteral("focus on %1, encounter %2 open, %3 patients")
                                                 .arg(focused() ? focused()->objectName() : QString(),
                                                      window->lineEditor()->encounter().encounterId)
                                                 .arg(picker->patientModel()->rowCount())),
                                  SlowMachineTimeoutMs);
        if (!opened()) {
            // A person waits for the diagnoses to show before opening the encounter.
            QTRY_VERIFY_WITH_TIMEOUT(picker->contextFor(encounterId).has_value() &&
                                         !picker->contextFor(encounterId)->diagnoses.isEmpty(),
                                     SlowMachineTimeoutMs);
            encounters->setCurrentIndex(
                picker->encounterModel()->index(picker->encounterModel()->rowOf(encounterId)));
            QTest::keyClick(encounters, Qt::Key_Return);
        }
        QCOMPARE(window->lineEditor()->encounter().encounterId, encounterId);
        QCOMPARE(focused()->objectName(), QStringLiteral("cptCodeEdit"));
        QTRY_VERIFY_WITH_TIMEOUT(!window->lineEditor()->encounter().diagnoses.isEmpty(),
                                 SlowMachineTimeoutMs);
    }

    /// Every line of the outbox, oldest first.
    QList<Outbox::OutboxLine> lines() const
    {
        return workspace->store() ? workspace->store()->lines().valueOr({}) : QList<Outbox::OutboxLine>();
    }

    /// Answers the modal dialogs that `open` brings up, each with `answer`, until `open` returns.
    static void answerDialogs(const std::function<void()> &open, const std::function<bool(QWidget *)> &answer)
    {
        QTimer poll;
        poll.setInterval(20);
        QWidget *answered = nullptr;
        QObject::connect(&poll, &QTimer::timeout, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (modal && modal != answered && answer(modal))
                answered = modal;
        });
        poll.start();
        open();
        poll.stop();
    }

    /// Clicks the button with this object name in a message box.
    static bool clickIn(QWidget *modal, const QString &buttonName)
    {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box)
            return false;
        auto *button = box->findChild<QAbstractButton *>(buttonName);
        if (!button)
            return false;
        QMetaObject::invokeMethod(button, &QAbstractButton::click, Qt::QueuedConnection);
        return true;
    }

private:
    static int keyCode(const QString &name)
    {
        static const QHash<QString, int> keys{
            {QStringLiteral("Tab"), Qt::Key_Tab},       {QStringLiteral("Enter"), Qt::Key_Return},
            {QStringLiteral("Down"), Qt::Key_Down},     {QStringLiteral("Up"), Qt::Key_Up},
            {QStringLiteral("Left"), Qt::Key_Left},     {QStringLiteral("Right"), Qt::Key_Right},
            {QStringLiteral("Home"), Qt::Key_Home},     {QStringLiteral("End"), Qt::Key_End},
            {QStringLiteral("Delete"), Qt::Key_Delete}, {QStringLiteral("Backspace"), Qt::Key_Backspace},
            {QStringLiteral("Escape"), Qt::Key_Escape}, {QStringLiteral("Space"), Qt::Key_Space}};
        return keys.value(name, 0);
    }
};
