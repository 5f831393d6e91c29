// Takes the README's screenshots from the real main window (QWidget::grab) at 1280×800 (and the
// line being entered also at 1024×700 and 1920×1080),
// against the training EHR running in-process. Run by scripts/screenshots.sh.
#include <functional>

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QTemporaryDir>
#include <QTest>

#include "appsettings.h"
#include "ehr/ehrclient.h"
#include "encounterlistmodel.h"
#include "encounterpicker.h"
#include "lineeditor.h"
#include "mainwindow.h"
#include "outbox/outboxstore.h"
#include "patientlistmodel.h"
#include "sandbox/server.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "theme.h"
#include "tokenstore.h"
#include "workspace.h"

using namespace std::chrono_literals;

namespace {

bool waitFor(const std::function<bool()> &condition, int ms = 8000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms)
            return false;
        QTest::qWait(20);
    }
    return true;
}

class Shooter
{
public:
    Shooter(Ui::MainWindow &window, Ui::Workspace &workspace, QString dir)
        : m_window(window)
        , m_workspace(workspace)
        , m_dir(std::move(dir))
    {
    }

    QWidget *focused()
    {
        if (QApplication::activeWindow() != &m_window)
            QApplication::setActiveWindow(&m_window);
        return QApplication::focusWidget();
    }

    void keys(const QString &text) { QTest::keyClicks(focused(), text); }
    void key(Qt::Key k, Qt::KeyboardModifiers m = Qt::NoModifier) { QTest::keyClick(focused(), k, m); }

    bool openEncounter(const QString &search, const QString &encounterId)
    {
        QTest::keyClick(&m_window, Qt::Key_F, Qt::ControlModifier);
        keys(search);
        key(Qt::Key_Return);
        auto *picker = m_window.encounterPicker();
        if (!waitFor([picker] { return picker->patientModel()->rowCount() > 0; }))
            return false;
        key(Qt::Key_Down);
        if (!waitFor([picker, encounterId] { return picker->contextFor(encounterId).has_value(); }))
            return false;
        auto *list = m_window.findChild<QListView *>(QStringLiteral("encounterList"));
        list->setCurrentIndex(picker->encounterModel()->index(picker->encounterModel()->rowOf(encounterId)));
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return);
        return m_window.lineEditor()->encounter().encounterId == encounterId;
    }

    void line(const QString &code, const QString &categoryKey, const QString &time, int diagnoses,
              bool submit)
    {
        keys(code);
        key(Qt::Key_Tab);
        keys(categoryKey); // empty: the category the code suggests
        key(Qt::Key_Tab);
        keys(time);
        key(Qt::Key_Tab);
        for (int i = 0; i < diagnoses; ++i)
            key(Qt::Key_Return);
        if (submit)
            key(Qt::Key_Return, Qt::ControlModifier);
    }

    bool waitSent()
    {
        return waitFor([this] { return m_workspace.store()->counts().unsent() == 0; });
    }

    void shoot(const QString &name, const QSize &size = QSize(1280, 800))
    {
        m_window.resize(size);
        QTest::qWait(150);
        if (m_window.size() != size)
            qFatal("the window does not fit %dx%d: %dx%d", size.width(), size.height(), m_window.width(),
                   m_window.height());
        const QString path = QDir(m_dir).filePath(name);
        if (!m_window.grab().save(path))
            qFatal("cannot write %s", qPrintable(path));
        qInfo("wrote %s", qPrintable(path));
    }

private:
    Ui::MainWindow &m_window;
    Ui::Workspace &m_workspace;
    QString m_dir;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Superbill Desk"));
    QApplication::setApplicationVersion(QStringLiteral(SUPERBILL_VERSION));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("docs/screenshots");
    QDir().mkpath(out);
    Ui::applyTheme(app);

    QTemporaryDir dir;
    Ui::AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    Ui::TokenStore tokens(Ui::TokenStore::Backend::SessionOnly);
    Ui::Workspace workspace;
    Ui::Workspace::Options options;
    options.training = true;
    options.dataDir = dir.path();
    options.backoff = Outbox::BackoffPolicy{60000ms, 600000ms, 0.0, 600000ms};
    options.probeIntervalMs = 3600000;
    QString error;
    if (!workspace.start(options, {}, &error))
        qFatal("%s", qPrintable(error));
    Ui::MainWindow window(settings, tokens, workspace);
    window.resize(1280, 800);
    window.show();
    QApplication::setActiveWindow(&window);
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("window not shown");
    Shooter shot(window, workspace, out);

    // 1. A superbill in progress: two lines sent, the third filled in.
    if (!shot.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805")))
        qFatal("cannot open Encounter-805");
    shot.line(QStringLiteral("99213"), QStringLiteral("d"), QStringLiteral("0930"), 1, true);
    shot.line(QStringLiteral("20610"), QString(), QStringLiteral("0945"), 2, true);
    if (!shot.waitSent())
        qFatal("lines not sent");
    shot.line(QStringLiteral("73562"), QString(), QStringLiteral("1005"), 2, false);
    shot.shoot(QStringLiteral("superbill-line.png"));
    // The same on a small screen (the findings fold under the form) and on a large one.
    shot.shoot(QStringLiteral("small-screen.png"), QSize(1024, 700));
    shot.shoot(QStringLiteral("large-screen.png"), QSize(1920, 1080));

    // 2. The anesthesia case: start, end, minutes and the estimated time units.
    window.lineEditor()->newLine();
    window.lineEditor()->focusCode();
    shot.keys(QStringLiteral("01402"));
    shot.key(Qt::Key_Tab);
    shot.keys(QStringLiteral("s"));
    shot.key(Qt::Key_Tab);
    shot.keys(QStringLiteral("1010"));
    shot.key(Qt::Key_Tab);
    shot.keys(QStringLiteral("1157"));
    shot.key(Qt::Key_Tab);
    shot.key(Qt::Key_Return);
    shot.shoot(QStringLiteral("anesthesia.png"));

    // 3. Rules as you type: a dental code and a diagnosis linked twice.
    window.lineEditor()->newLine();
    window.lineEditor()->focusCode();
    shot.keys(QStringLiteral("D0120"));
    shot.key(Qt::Key_Tab);
    shot.key(Qt::Key_Tab);
    shot.key(Qt::Key_Tab);
    shot.key(Qt::Key_Return);
    shot.key(Qt::Key_Up);
    shot.key(Qt::Key_Return);
    shot.shoot(QStringLiteral("rules.png"));

    // 4. The queue: the EHR went away; one line refused, two waiting.
    window.lineEditor()->newLine();
    window.lineEditor()->focusCode();
    shot.line(QStringLiteral("99213"), QStringLiteral("d"), QStringLiteral("0930"), 1, true); // a duplicate
    shot.key(Qt::Key_Return); // the form warned about the repeat: send it anyway
    waitFor([&workspace] { return workspace.store()->counts().needsCorrection == 1; });
    workspace.trainingServer()->stop();
    shot.line(QStringLiteral("36415"), QStringLiteral("d"), QStringLiteral("1015"), 1, true);
    shot.line(QStringLiteral("90471"), QStringLiteral("e"), QStringLiteral("1020"), 1, true);
    waitFor([&workspace] { return !workspace.isOnline(); });
    waitFor([&workspace] {
        const auto lines = workspace.store()->lines(Outbox::LineState::Pending);
        return lines.size() == 2 && lines.at(0).attempts > 0 && lines.at(1).attempts > 0;
    });
    window.showQueue();
    shot.shoot(QStringLiteral("queue.png"));
    // 5. The dialogs.
    Ui::ConnectionSettings ehr;
    ehr.mode = Ui::EhrMode::Ehr;
    ehr.baseUrl = QUrl(QStringLiteral("http://ehr.example.org/mps/fhir/R4/V1"));
    ehr.clinicTimeZone = "America/Chicago";
    Ui::SettingsDialog settingsDialog(ehr, &tokens, &Ehr::EhrClient::checkTransportSecurity, &window);
    settingsDialog.show();
    settingsDialog.accept(); // refused: plain HTTP to another host; the reason shows under the field
    QTest::qWait(100);
    settingsDialog.grab().save(QDir(out).filePath(QStringLiteral("settings.png")));
    settingsDialog.hide();
    Ui::ShortcutsDialog shortcuts(window.shortcutActions(), &window);
    shortcuts.show();
    QTest::qWait(100);
    shortcuts.grab().save(QDir(out).filePath(QStringLiteral("shortcuts.png")));
    workspace.stop();
    return 0;
}
