#pragma once

// The real main window against the training EHR running in-process on a loopback port, for GUI
// suites that drive it by object name with the keyboard. Header-only: each suite is its own
// executable.

#include <memory>

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

#include "appsettings.h"
#include "encounterlistmodel.h"
#include "encounterpicker.h"
#include "lineeditor.h"
#include "mainwindow.h"
#include "outbox/outboxstore.h"
#include "patientlistmodel.h"
#include "sandbox/server.h"
#include "tokenstore.h"
#include "workspace.h"

// Generous on purpose: a passing wait ends as soon as its condition holds, and CI machines
// run several suites at once on two cores.
constexpr int SlowMachineTimeoutMs = 30000;

class WindowHarness
{
public:
    static quint16 freePort()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return 0;
        return probe.serverPort();
    }

    /// A fresh folder, settings, outbox and training EHR, and the window shown and active.
    bool start(QString *error)
    {
        // Nothing a test does may touch the user's own outbox, catalog or settings.
        QStandardPaths::setTestModeEnabled(true);
        dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        settings = std::make_unique<Ui::AppSettings>(dir->filePath(QStringLiteral("settings.ini")));
        tokens = std::make_unique<Ui::TokenStore>(Ui::TokenStore::Backend::SessionOnly);
        workspace = std::make_unique<Ui::Workspace>();
        if (!workspace->start(trainingOptions(), {}, error))
            return false;
        window = std::make_unique<Ui::MainWindow>(*settings, *tokens, *workspace);
        window->show();
        QApplication::setActiveWindow(window.get());
        if (!QTest::qWaitForWindowActive(window.get())) {
            *error = QStringLiteral("the window did not become active");
            return false;
        }
        keystrokes = 0;
        return true;
    }

    /// The training EHR on a free port, with the outbox in the test's folder and quick retries.
    Ui::Workspace::Options trainingOptions() const
    {
        using namespace std::chrono_literals;
        Ui::Workspace::Options options;
        options.training = true;
        options.dataDir = dir->path();
        options.outboxPath = dir->filePath(QStringLiteral("ehr-outbox.sqlite"));
        options.trainingPort = freePort();
        options.backoff = Outbox::BackoffPolicy{100ms, 400ms, 0.0, 1000ms};
        options.probeIntervalMs = 100;
        return options;
    }

    void stop()
    {
        window.reset();
        workspace.reset();
        tokens.reset();
        settings.reset();
        dir.reset();
    }

    template<typename T>
    T *widget(const char *name) const
    {
        auto *found = window->findChild<T *>(QLatin1String(name));
        if (!found)
            qFatal("no widget %s", name);
        return found;
    }

    /// The focus widget of the main window. The offscreen platform hands activation to a popup
    /// some time after it was shown (and already hidden again); a real window manager does not,
    /// so the window takes it back here.
    QWidget *focused() const
    {
        if (!QApplication::activeModalWidget() && QApplication::activeWindow() != window.get())
            QApplication::setActiveWindow(window.get());
        return QApplication::focusWidget();
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
        const auto lines = workspace->store()->lines().valueOr({});
        return lines.isEmpty() ? Outbox::OutboxLine{} : workspace->store()->line(lines.last().id).valueOr({});
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
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("identifier"),
                           line.identifier.system + u'|' + line.identifier.value);
        const QJsonObject bundle = get(QStringLiteral("Procedure"), query);
        const QJsonArray entries = bundle.value(QStringLiteral("entry")).toArray();
        if (entries.size() != 1)
            return {};
        return entries.first().toObject().value(QStringLiteral("resource")).toObject();
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

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Ui::AppSettings> settings;
    std::unique_ptr<Ui::TokenStore> tokens;
    std::unique_ptr<Ui::Workspace> workspace;
    std::unique_ptr<Ui::MainWindow> window;
    int keystrokes = 0;
};
