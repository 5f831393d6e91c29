#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

#include "appsettings.h"
#include "findingspanel.h"
#include "lineeditor.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "tokenstore.h"

namespace Ui {

MainWindow::MainWindow(AppSettings &settings, TokenStore &tokens, bool training, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_tokens(tokens)
    , m_training(training)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(training ? tr("Superbill Desk — Training") : tr("Superbill Desk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    buildCentre();
    buildActions();
    buildMenus();
    buildStatusBar();
    resize(1280, 800);
    restoreState();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildCentre()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_banner = new QLabel(tr("Training — not a real EHR. Demo patients only; nothing reaches a real chart."),
                          central);
    m_banner->setObjectName(QStringLiteral("trainingBannerLabel"));
    m_banner->setAccessibleName(tr("Training mode"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setVisible(m_training);
    layout->addWidget(m_banner);

    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(10);

    m_tabs = new QTabWidget(m_splitter);
    m_tabs->setObjectName(QStringLiteral("centreTabs"));
    m_tabs->setDocumentMode(true);
    auto *superbill = new QWidget(m_tabs);
    auto *superbillLayout = new QVBoxLayout(superbill);
    superbillLayout->setContentsMargins(0, 10, 0, 0);
    m_editor = new LineEditor(superbill);
    superbillLayout->addWidget(m_editor);
    m_tabs->addTab(superbill, QIcon(QStringLiteral(":/icons/encounter.svg")), tr("Superbill"));

    auto *side = new QWidget(m_splitter);
    side->setObjectName(QStringLiteral("findingsSide"));
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 10, 0, 0);
    m_findings = new FindingsPanel(side);
    sideLayout->addWidget(m_findings);

    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(side);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setSizes({900, 320});

    auto *padded = new QWidget(central);
    auto *paddedLayout = new QVBoxLayout(padded);
    paddedLayout->setContentsMargins(12, 6, 12, 10);
    paddedLayout->addWidget(m_splitter);
    layout->addWidget(padded, 1);
    setCentralWidget(central);

    connect(m_editor, &LineEditor::findingsChanged, m_findings, &FindingsPanel::setFindings);
    connect(m_findings, &FindingsPanel::fieldRequested, m_editor, &LineEditor::focusField);
    connect(m_editor, &LineEditor::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    m_findings->setFindings(m_editor->allFindings());
}

void MainWindow::buildActions()
{
    m_settingsAction = new QAction(QIcon(QStringLiteral(":/icons/settings.svg")), tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_quitAction = new QAction(QIcon(QStringLiteral(":/icons/quit.svg")), tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findPatientAction = new QAction(QIcon(QStringLiteral(":/icons/search.svg")), tr("&Find patient"), this);
    m_findPatientAction->setObjectName(QStringLiteral("findPatientAction"));
    m_findPatientAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));

    m_superbillTabAction = new QAction(tr("S&uperbill"), this);
    m_superbillTabAction->setObjectName(QStringLiteral("superbillTabAction"));
    m_superbillTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_superbillTabAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_editor->focusCode();
    });
    m_queueTabAction = new QAction(QIcon(QStringLiteral(":/icons/queue.svg")), tr("&Queue"), this);
    m_queueTabAction->setObjectName(QStringLiteral("queueTabAction"));
    m_queueTabAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));

    m_shortcutsAction =
        new QAction(QIcon(QStringLiteral(":/icons/keyboard.svg")), tr("&Keyboard shortcuts"), this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::Key_F1));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);

    m_aboutAction =
        new QAction(QIcon(QStringLiteral(":/icons/about.svg")), tr("&About Superbill Desk"), this);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    for (QAction *action : {m_settingsAction, m_quitAction, m_findPatientAction, m_superbillTabAction,
                            m_queueTabAction, m_shortcutsAction})
        addAction(action);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *line = menuBar()->addMenu(tr("&Line"));
    line->addAction(m_findPatientAction);
    line->addSeparator();
    line->addAction(m_editor->newLineAction());
    line->addAction(m_editor->submitAction());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_superbillTabAction);
    view->addAction(m_queueTabAction);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
}

void MainWindow::buildStatusBar()
{
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_queueLabel = new QLabel(this);
    m_queueLabel->setObjectName(QStringLiteral("queueSizeLabel"));
    statusBar()->addPermanentWidget(m_queueLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->setSizeGripEnabled(false);
}

QList<QAction *> MainWindow::shortcutActions() const
{
    return {m_findPatientAction, m_editor->newLineAction(), m_editor->submitAction(), m_superbillTabAction,
            m_queueTabAction,    m_settingsAction,          m_shortcutsAction,        m_quitAction};
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(m_settings.connection(), &m_tokens, {}, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_settings.setConnection(dialog.settings());
    m_settings.sync();
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(shortcutActions(), this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Superbill Desk"),
        tr("<h3>Superbill Desk %1</h3>"
           "<p>Superbill entry for FHIR R4 EHRs: every rule the EHR enforces is checked as you type, "
           "and every line reaches the EHR exactly once.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QApplication::applicationVersion(), QLatin1String(qVersion())));
}

void MainWindow::restoreState()
{
    const QByteArray geometry = m_settings.windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = m_settings.windowState();
    if (!state.isEmpty())
        QMainWindow::restoreState(state);
    const QByteArray splitter = m_settings.splitterState(QStringLiteral("main"));
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings.setWindow(saveGeometry(), saveState());
    m_settings.setSplitterState(QStringLiteral("main"), m_splitter->saveState());
    m_settings.sync();
    event->accept();
}

} // namespace Ui
