// Takes the README's screenshots from the real main window (QWidget::grab) at 1280×800 (and the
// line being entered also at 1024×700 and 1920×1080),
// against the training EHR running in-process. Run by scripts/screenshots.sh.
#include <functional>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "appsettings.h"
#include "auth/smartsession.h"
#include "drillpanel.h"
#include "drills/drill.h"
#include "ehr/ehrclient.h"
#include "encounterlistmodel.h"
#include "encounterpicker.h"
#include "lineeditor.h"
#include "mainwindow.h"
#include "outbox/outboxstore.h"
#include "patientlistmodel.h"
#include "presentermode.h"
#include "sandbox/server.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "superbill/practice.h"
#include "theme.h"
#include "tokenstore.h"
#include "trainingmenu.h"
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

    /// Ctrl+F, the search text, Enter: an only open encounter opens by itself, otherwise the list
    /// takes the focus and the encounter is picked there.
    bool openEncounter(const QString &search, const QString &encounterId)
    {
        QTest::keyClick(&m_window, Qt::Key_F, Qt::ControlModifier);
        keys(search);
        key(Qt::Key_Return);
        auto *picker = m_window.encounterPicker();
        auto *list = m_window.findChild<QListView *>(QStringLiteral("encounterList"));
        const auto opened = [this, encounterId] {
            return m_window.lineEditor()->encounter().encounterId == encounterId;
        };
        if (!waitFor([this, list, opened] { return opened() || focused() == list; }))
            return false;
        if (opened())
            return true;
        if (!waitFor([picker, encounterId] { return picker->contextFor(encounterId).has_value(); }))
            return false;
        list->setCurrentIndex(picker->encounterModel()->index(picker->encounterModel()->rowOf(encounterId)));
        QTest::keyClick(list, Qt::Key_Return);
        return opened();
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
        return waitFor([this] { return m_workspace.store()->counts().valueOr({}).unsent() == 0; });
    }

    void shoot(const QString &name, const QSize &size = QSize(1280, 800))
    {
        m_window.resize(size);
        // Layouts settle over a few rounds of posted events (presenter mode restyles the whole window);
        // on a loaded machine a fixed wait alone ended before them and drew the old layout.
        for (int round = 0; round < 10; ++round) {
            QCoreApplication::sendPostedEvents();
            QCoreApplication::processEvents();
        }
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
    // The practice details the printed superbill shows live in the (shared) settings folder.
    qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
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

    // 4. The superbill form: two diagnoses lettered, codes ticked by typing, pointers, a timed row, the
    // lines sent earlier shown as sent.
    window.lineEditor()->newLine();
    window.showSuperbillForm();
    shot.key(Qt::Key_Return);
    shot.key(Qt::Key_Return);
    shot.key(Qt::Key_Tab);
    shot.key(Qt::Key_Tab);
    shot.keys(QStringLiteral("99214"));
    shot.keys(QStringLiteral("96AB"));
    shot.keys(QStringLiteral("85"));
    shot.key(Qt::Key_Return); // ends the code: the next digits start another
    shot.keys(QStringLiteral("0B"));
    shot.key(Qt::Key_F2);
    shot.keys(QStringLiteral("1010"));
    shot.key(Qt::Key_Tab);
    shot.keys(QStringLiteral("1040"));
    shot.key(Qt::Key_Escape);
    shot.shoot(QStringLiteral("superbill-form.png"));
    // The printed superbill of the encounter (scripts/screenshots.sh turns it into a PNG).
    Superbill::PracticeDetails practice;
    practice.name = QStringLiteral("Lakeside Family Clinic");
    practice.address = QStringLiteral("1200 Lakeshore Drive, Suite 300\nChicago, IL 60601 · (312) 555-0142");
    if (!practice.save())
        qFatal("cannot save the practice details");
    shot.key(Qt::Key_Return, Qt::ControlModifier);
    if (!shot.waitSent() ||
        !window.printSuperbillTo(QDir(out).filePath(QStringLiteral("superbill-printed.pdf"))))
        qFatal("the superbill was not printed");
    window.lineEditor()->newLine();
    window.showSuperbill();

    // 5. The queue: the EHR went away; one line refused, two waiting.
    window.lineEditor()->newLine();
    window.lineEditor()->focusCode();
    shot.line(QStringLiteral("99213"), QStringLiteral("d"), QStringLiteral("0930"), 1, true); // a duplicate
    shot.key(Qt::Key_Return); // the form warned about the repeat: send it anyway
    waitFor([&workspace] { return workspace.store()->counts().valueOr({}).needsCorrection == 1; });
    workspace.trainingServer()->stop();
    shot.line(QStringLiteral("36415"), QStringLiteral("d"), QStringLiteral("1015"), 1, true);
    shot.line(QStringLiteral("90471"), QStringLiteral("e"), QStringLiteral("1020"), 1, true);
    waitFor([&workspace] { return !workspace.isOnline(); });
    waitFor([&workspace] {
        const auto lines = workspace.store()->lines({.states = {Outbox::LineState::Pending}}).valueOr({});
        return lines.size() == 2 && lines.at(0).attempts > 0 && lines.at(1).attempts > 0;
    });
    window.showQueue();
    shot.shoot(QStringLiteral("queue.png"));
    // 6. The dialogs.
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

    // 6. The trainer's tools, in a training session of their own.
    QTemporaryDir trainerDir;
    Ui::AppSettings trainerSettings(trainerDir.filePath(QStringLiteral("settings.ini")));
    Ui::Workspace trainer;
    options.dataDir = trainerDir.path();
    options.backoff = Outbox::BackoffPolicy{500ms, 2000ms, 0.0, 2000ms};
    options.probeIntervalMs = 500;
    if (!trainer.start(options, {}, &error))
        qFatal("%s", qPrintable(error));
    Ui::MainWindow trainerWindow(trainerSettings, tokens, trainer);
    trainerWindow.resize(1280, 800);
    trainerWindow.show();
    QApplication::setActiveWindow(&trainerWindow);
    if (!QTest::qWaitForWindowExposed(&trainerWindow))
        qFatal("window not shown");
    Shooter trainerShot(trainerWindow, trainer, out);

    // Signed in before the EHR goes "offline": a sign-in the offline EHR failed waits for the trainer.
    if (!waitFor([&trainer] { return trainer.session() && trainer.session()->isSignedIn(); }))
        qFatal("the training session did not sign in");
    // The Training menu with its EHR behaviours, the banner saying what is simulated. Menus are windows
    // of their own: drawn onto the window's picture where they open.
    trainer.setTrainingBehaviour({Sandbox::TrainingBehaviour::Offline, {}});
    QMenu *menu = trainerWindow.trainingMenu();
    const QPoint menuAt = trainerWindow.menuBar()->actionGeometry(menu->menuAction()).bottomLeft();
    menu->popup(trainerWindow.menuBar()->mapToGlobal(menuAt));
    auto *behaviour = menu->findChild<QMenu *>(QStringLiteral("ehrBehaviourMenu"));
    menu->setActiveAction(behaviour->menuAction());
    behaviour->popup(menu->mapToGlobal(menu->actionGeometry(behaviour->menuAction()).topRight()));
    QTest::qWait(200);
    QImage picture = trainerWindow.grab().toImage();
    {
        QPainter painter(&picture);
        painter.drawPixmap(trainerWindow.mapFromGlobal(menu->pos()), menu->grab());
        painter.drawPixmap(trainerWindow.mapFromGlobal(behaviour->pos()), behaviour->grab());
    }
    behaviour->hide();
    menu->hide();
    picture.save(QDir(out).filePath(QStringLiteral("training-menu.png")));
    trainer.setTrainingBehaviour({});

    // A drill checked with one mistake: 20611 where the note says no ultrasound.
    const Drills::DrillList drills = Drills::loadDrills({Drills::builtInDrillsFolder()});
    if (drills.drills.isEmpty())
        qFatal("no drills");
    trainerWindow.trainingMenu()->startDrill(drills.drills.first(), QStringLiteral("Ana"));
    Ui::DrillPanel *panel = trainerWindow.trainingMenu()->drillPanel();
    waitFor([panel] { return panel->session().isRunning(); });
    if (!trainerShot.openEncounter(QStringLiteral("Okafor"), QStringLiteral("Encounter-805")))
        qFatal("cannot open Encounter-805");
    waitFor([&trainerWindow] { return trainerWindow.lineEditor()->encounter().diagnoses.size() >= 2; });
    panel->showHint();
    trainerShot.line(QStringLiteral("20611"), QStringLiteral("s"), QStringLiteral("1030"), 2, true);
    if (!trainerShot.waitSent())
        qFatal("the drill's line was not sent");
    QSignalSpy checked(&panel->session(), &Ui::DrillSession::checked);
    panel->check();
    waitFor([&checked] { return checked.count() > 0; });
    trainerShot.shoot(QStringLiteral("drill-check.png"));
    panel->close();

    // Presenter mode: larger, the last keys at the bottom, the focused field framed.
    trainerWindow.presenterMode()->setOn(true);
    trainerWindow.lineEditor()->newLine();
    trainerWindow.lineEditor()->focusCode();
    trainerShot.line(QStringLiteral("20610"), QStringLiteral("s"), QStringLiteral("1030"), 2, false);
    // At 150 % the window needs more than 1280 pixels, as on a projector.
    trainerShot.shoot(QStringLiteral("presenter.png"), QSize(1600, 1000));
    trainerWindow.presenterMode()->setOn(false);
    trainer.stop();
    return 0;
}
