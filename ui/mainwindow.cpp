#include "mainwindow.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QGuiApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QResizeEvent>
#include <QScreen>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "appsettings.h"
#include "auth/discovery.h"
#include "auth/smartsession.h"
#include "catalog/codecatalog.h"
#include "common/printable.h"
#include "ehr/ehrclient.h"
#include "ehr/ehrsettings.h"
#include "encounterlistmodel.h"
#include "encounterpicker.h"
#include "findingspanel.h"
#include "linedetailsdialog.h"
#include "lineeditor.h"
#include "outbox/outboxstore.h"
#include "outbox/patientdirectory.h"
#include "outboxlinesmodel.h"
#include "patientlistmodel.h"
#include "presentermode.h"
#include "queueview.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "superbill/practice.h"
#include "superbillformview.h"
#include "superbillpdf.h"
#include "theme.h"
#include "tokenstore.h"
#include "trainingbanner.h"
#include "trainingmenu.h"
#include "windowshortcuts.h"
#include "workspace.h"
#include "wrappedlabel.h"

namespace Ui {

namespace {

/// SMART discovery for the settings dialog, in words a person can check against the EHR's documentation.
void describeSmartSignIn(const QUrl &url, QObject *context, std::function<void(bool, const QString &)> done)
{
    auto *manager = new QNetworkAccessManager(context);
    Auth::Discovery::discover(
        manager, url, context, [manager, done](const Common::Result<Auth::SmartConfiguration> &found) {
            manager->deleteLater();
            // What the EHR sent is shown escaped: it is text from the network.
            if (!found) {
                done(false,
                     MainWindow::tr("No SMART sign-in found: %1. Use a bearer token, or check the address.")
                         .arg(Common::printable(found.error().message)));
                return;
            }
            if (const auto usable = found->checkAuthorizationCode(); !usable) {
                done(false, MainWindow::tr("SMART sign-in cannot be used here: %1.")
                                .arg(Common::printable(usable.error().message)));
                return;
            }
            done(true,
                 MainWindow::tr(
                     "SMART sign-in found (%1): sign-in page %2, token endpoint %3, PKCE %4, %5 scopes.")
                     .arg(found->source == Auth::SmartConfiguration::Source::WellKnown
                              ? QStringLiteral(".well-known/smart-configuration")
                              : MainWindow::tr("CapabilityStatement"),
                          Common::printable(found->authorizationEndpoint.toDisplayString(QUrl::RemoveQuery)),
                          Common::printable(found->tokenEndpoint.toDisplayString(QUrl::RemoveQuery)),
                          found->codeChallengeMethods.isEmpty()
                              ? QStringLiteral("S256")
                              : Common::printable(found->codeChallengeMethods.join(u'/')),
                          found->scopeSyntax() == Auth::ScopeSyntax::V1 ? QStringLiteral("v1")
                                                                        : QStringLiteral("v2")));
        });
}

} // namespace

MainWindow::MainWindow(AppSettings &settings, TokenStore &tokens, Workspace &workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_tokens(tokens)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(cachedIcon(QStringLiteral(":/icons/app.svg")));
    // First of the application's key filters, so it runs last: it takes the shortcut overrides it
    // claims, and the keystroke watchers (presenter strip, drills) installed later still see them.
    new WindowShortcuts(this);
    // The size first: the findings are made where the window's width puts them, since moving them
    // later restyles and measures them all again.
    // The first start uses the screen it opens on; later starts restore what the person left.
    const QScreen *shown = screen() ? screen() : QGuiApplication::primaryScreen();
    resize(shown ? firstStartSize(shown->availableGeometry().size()) : QSize(1280, 800));
    const QByteArray geometry = m_settings.windowGeometry();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    buildCentre();
    buildActions();
    buildMenus();
    buildStatusBar();
    restoreLayout();
    applyArrangement();

    connect(&m_workspace, &Workspace::started, this, &MainWindow::attachWorkspace);
    connect(&m_workspace, &Workspace::onlineChanged, this, &MainWindow::updateConnection);
    connect(&m_workspace, &Workspace::onlineChanged, this, [this](bool online) {
        // "The EHR cannot be reached" stops being true: the lists fetch again and say so.
        if (online)
            m_picker->ehrAnswers();
    });
    connect(&m_workspace, &Workspace::sendingProblemChanged, this, &MainWindow::updateConnection);
    connect(&m_workspace, &Workspace::countsChanged, this, &MainWindow::updateQueueSize);
    connect(&m_workspace, &Workspace::credentialsRequired, this, [this](const QString &message) {
        if (m_workspace.session() && !m_workspace.isTraining())
            return; // the sign-in says what happened (signInNeeded)
        statusBar()->showMessage(m_workspace.isTraining()
                                     ? tr("The EHR refused the sign-in: %1 Sign in again (Training menu).")
                                           .arg(Common::printable(message))
                                     : tr("The EHR refused the token: %1 Enter a new one in Settings.")
                                           .arg(Common::printable(message)),
                                 15000);
    });
    connect(&m_workspace, &Workspace::trainingReset, this, &MainWindow::attachWorkspace);
    connect(&m_workspace, &Workspace::sessionChanged, this, &MainWindow::updateSession);
    connect(&m_workspace, &Workspace::signInNeeded, this, [this](const QString &message) {
        if (m_workspace.isTraining()) {
            // The training EHR's page approves itself: the Training menu signs in again, File's action is
            // off.
            statusBar()->showMessage(tr("The EHR refused the sign-in: %1 Sign in again (Training menu).")
                                         .arg(Common::printable(message)),
                                     30000);
            return;
        }
        statusBar()->showMessage(tr("Not signed in: %1 Sign in with File → Sign in to the EHR (%2).")
                                     .arg(Common::printable(message),
                                          m_signInAction->shortcut().toString(QKeySequence::NativeText)),
                                 30000);
    });
    connect(&m_tokens, &TokenStore::stateChanged, &m_workspace, &Workspace::credentialsChanged);
    connect(&m_tokens, &TokenStore::stateChanged, this, [this] {
        if (!m_workspace.isTraining() && m_tokens.state() == TokenStore::State::SessionOnly)
            statusBar()->showMessage(m_tokens.statusText(), 15000);
    });
    connect(&m_workspace, &Workspace::ehrWarning, this, [this](const QString &message) {
        statusBar()->showMessage(tr("EHR: %1").arg(Common::printable(message)), 15000);
    });
    connect(&m_workspace, &Workspace::lineRefused, this, [this](qint64 id) {
        const QString code = m_workspace.store() ? m_workspace.store()->line(id).valueOr({}).code : QString();
        statusBar()->showMessage(
            tr("The EHR refused the %1 line: correct it from the Queue (Ctrl+2), or discard it.").arg(code),
            15000);
    });
    if (m_workspace.isStarted())
        attachWorkspace();
}

void MainWindow::startWorkspaceWhenShown(const Workspace::Options &options)
{
    showMode(options.training);
    const auto start = [this, options] {
        QString error;
        if (!m_workspace.start(
                options, [this] { return m_tokens.token(); }, &error))
            Q_EMIT workspaceFailed(error);
    };
    if (m_firstFrameShown)
        QTimer::singleShot(0, this, start);
    else
        connect(this, &MainWindow::firstFrameShown, this, start, Qt::SingleShotConnection);
}

bool MainWindow::event(QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_firstFrameShown) {
        m_firstFrameShown = true;
        // Posted: it follows the painting and the flush to the screen that this event is part of.
        QTimer::singleShot(0, this, &MainWindow::firstFrameShown);
    }
    return QMainWindow::event(event);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_formContent && event->type() == QEvent::LayoutRequest &&
        m_editor->sizeHint().height() != m_fittedFormHeight)
        QTimer::singleShot(0, this, &MainWindow::fitForm);
    return QMainWindow::eventFilter(watched, event);
}

MainWindow::~MainWindow()
{
    // The drill panel hides as the window's children go; the window's half is gone by then.
    disconnect(m_trainingMenu, nullptr, this, nullptr);
}

void MainWindow::buildCentre()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_banner = new TrainingBanner(m_workspace, central);
    layout->addWidget(m_banner);

    // Each widget is made inside its final parent: moving a built subtree to another parent restyles
    // every widget in it.
    auto *padded = new QWidget(central);
    m_splitter = new QSplitter(Qt::Horizontal, padded);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(12);

    m_picker = new EncounterPicker(m_splitter);
    m_picker->setMinimumWidth(220);

    m_tabs = new QTabWidget(m_splitter);
    m_tabs->setObjectName(QStringLiteral("centreTabs"));
    m_tabs->setDocumentMode(true);

    auto *superbill = new QWidget;
    superbill->setObjectName(QStringLiteral("superbillPage"));
    m_tabs->addTab(superbill, cachedIcon(QStringLiteral(":/icons/encounter.svg")), tr("Superbill"));
    auto *superbillLayout = new QVBoxLayout(superbill);
    superbillLayout->setContentsMargins(0, 10, 0, 0);
    m_centreSplitter = new QSplitter(Qt::Vertical, superbill);
    m_centreSplitter->setObjectName(QStringLiteral("centreSplitter"));
    m_centreSplitter->setChildrenCollapsible(false);
    m_centreSplitter->setHandleWidth(10);

    auto *linesCard = new QFrame(m_centreSplitter);
    linesCard->setProperty("role", QStringLiteral("card"));
    auto *linesLayout = new QVBoxLayout(linesCard);
    linesLayout->setContentsMargins(14, 10, 14, 12);
    linesLayout->setSpacing(6);
    m_linesTitle = new QLabel(tr("Lines of this encounter"), linesCard);
    m_linesTitle->setObjectName(QStringLiteral("linesTitleLabel"));
    m_linesTitle->setProperty("role", QStringLiteral("sectionTitle"));
    linesLayout->addWidget(m_linesTitle);
    m_linesModel = new OutboxLinesModel(OutboxLinesModel::Filter::Encounter, this);
    m_linesTable = makeLinesTable(m_linesModel, QStringLiteral("linesTable"),
                                  tr("Superbill lines of the encounter"), 28, linesCard);
    // In the Tab order: Enter opens a line (to correct it, or read-only once sent).
    m_linesTable->setFocusPolicy(Qt::StrongFocus);
    m_linesTable->setColumnHidden(OutboxLinesModel::PatientColumn, true);
    m_linesTable->setColumnHidden(OutboxLinesModel::EncounterColumn, true);
    m_linesTable->setColumnWidth(OutboxLinesModel::DetailColumn, 190);
    // The header and a line, at least: on a small screen the form's room comes first.
    m_linesTable->setMinimumHeight(2 * 28);
    linesLayout->addWidget(m_linesTable);
    connect(m_linesTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        const qint64 lineId = index.data(OutboxLinesModel::LineIdRole).toLongLong();
        const int kind = index.data(OutboxLinesModel::KindRole).toInt();
        const bool closed = !m_editor->encounter().facts.acceptsProcedures();
        if (!closed && (kind == int(LineStatus::Kind::NeedsCorrection) ||
                        kind == int(LineStatus::Kind::Waiting) || kind == int(LineStatus::Kind::Queued)))
            openLine(lineId);
        else if (kind == int(LineStatus::Kind::NeedsCorrection) && closed)
            openLine(lineId); // to move it or discard it
        else
            showLineDetails(lineId);
    });

    m_editor = new LineEditor(m_centreSplitter);
    // An encounter's header or a confirmation makes the form taller: it is fitted again. The form's
    // own layout is inside its scroll area, where the editor never hears of it.
    m_formContent = m_editor->findChild<QScrollArea *>(QStringLiteral("lineEditorScroll"))->widget();
    m_formContent->installEventFilter(this);
    // The form starts with the height it needs (it scrolls only when short); more room goes to the lines.
    m_centreSplitter->setStretchFactor(0, 1);
    m_centreSplitter->setStretchFactor(1, 0);
    m_centreSplitter->setSizes({170, m_editor->sizeHint().height()});
    superbillLayout->addWidget(m_centreSplitter);

    // Made inside the tabs' page stack, the first page's parent: added from elsewhere, each page would
    // be moved there and restyled widget by widget. The Queue and the form hold empty places until
    // buildPages() (after the first frame, or when first asked for).
    m_queuePage = new QWidget(superbill->parentWidget());
    m_tabs->addTab(m_queuePage, cachedIcon(QStringLiteral(":/icons/queue.svg")), tr("Queue"));
    m_formPage = new QWidget(superbill->parentWidget());
    m_tabs->addTab(m_formPage, cachedIcon(QStringLiteral(":/icons/encounter.svg")), tr("Superbill form"));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index > 0)
            buildPages();
    });

    // Where the window's width puts it (arrangeForWidth moves it when the width changes).
    auto *side = new QWidget(width() < WideLayoutWidth ? m_centreSplitter : m_splitter);
    m_side = side;
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateSide);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::enableTabActions);
    side->setObjectName(QStringLiteral("findingsSide"));
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 10, 0, 0);
    m_findings = new FindingsPanel(side);
    sideLayout->addWidget(m_findings, 1);
    m_tips = new QFrame(side);
    m_tips->setObjectName(QStringLiteral("keyboardTips"));
    m_tips->setProperty("role", QStringLiteral("tips"));
    auto *tipsLayout = new QVBoxLayout(m_tips);
    tipsLayout->setContentsMargins(12, 10, 12, 10);
    m_tipsLabel = new WrappedLabel(m_tips);
    m_tipsLabel->setObjectName(QStringLiteral("keyboardTipsLabel"));
    m_tipsLabel->setTextFormat(Qt::RichText);
    tipsLayout->addWidget(m_tipsLabel);
    sideLayout->addWidget(m_tips);
    side->setMinimumWidth(220);
    // Folded under the form: the title and the summary line.
    side->setMinimumHeight(80);

    // A larger window widens the patient list too, a little.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 4);
    m_splitter->setSizes({270, 690, 290});

    auto *paddedLayout = new QVBoxLayout(padded);
    paddedLayout->setContentsMargins(12, 4, 12, 10);
    paddedLayout->addWidget(m_splitter);
    layout->addWidget(padded, 1);
    m_presenter = new PresenterMode(m_settings, this);
    layout->addWidget(m_presenter->strip());
    setCentralWidget(central);

    connect(m_editor, &LineEditor::findingsChanged, m_findings, &FindingsPanel::setFindings);
    connect(m_editor, &LineEditor::summaryChanged, m_findings, &FindingsPanel::setSummary);
    connect(m_findings, &FindingsPanel::fieldRequested, m_editor, &LineEditor::focusField);
    connect(m_editor, &LineEditor::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_editor, &LineEditor::submitted, this,
            [this](qint64 lineId, const Model::ProcedureEntry &entry) {
                statusBar()->showMessage(
                    lineId < 0 ? tr("%1 saved in the outbox; sending in the background.").arg(entry.code.code)
                               : tr("%1 corrected; sending again.").arg(entry.code.code),
                    6000);
            });
    connect(m_picker, &EncounterPicker::encounterChosen, this, &MainWindow::onEncounterChosen);
    connect(m_picker, &EncounterPicker::encountersChanged, this, &MainWindow::syncEditorEncounter);
    connect(m_editor, &LineEditor::discardRequested, this, &MainWindow::discardLine);
    connect(m_editor, &LineEditor::moveRequested, this, &MainWindow::moveLine);
    m_editor->setSubmitHandler([this](qint64 lineId, const Model::ProcedureEntry &entry) {
        return m_workspace.submit(lineId, entry);
    });
    enableTabActions();
    m_findings->setFindings(m_editor->visibleFindings());
    m_findings->setSummary(m_editor->findingsView().summary, m_editor->findingsView().state);
    m_editor->setDropConfirmation([this](const QString &question) { return confirmDropDraft(question); });
}

void MainWindow::buildPages()
{
    if (m_queue)
        return;
    // Made in the tabs' page stack, the placeholders' parent, then put in their places.
    QWidget *stack = m_queuePage->parentWidget();
    m_queue = new QueueView(stack);
    m_form = new SuperbillFormView(stack);
    {
        const QSignalBlocker quiet(m_tabs);
        const int current = m_tabs->currentIndex();
        for (const auto &[placeholder, page] :
             {std::pair<QWidget *, QWidget *>{m_queuePage, m_queue}, {m_formPage, m_form}}) {
            const int index = m_tabs->indexOf(placeholder);
            const QIcon icon = m_tabs->tabIcon(index);
            const QString text = m_tabs->tabText(index);
            delete placeholder; // and its tab
            m_tabs->insertTab(index, page, icon, text);
        }
        m_tabs->setCurrentIndex(current);
    }
    m_queuePage = nullptr;
    m_formPage = nullptr;
    connect(m_queue, &QueueView::openRequested, this, &MainWindow::openLine);
    connect(m_queue, &QueueView::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    m_form->setLinesModel(m_linesModel);
    m_form->setSubmitHandler(
        [this](const QList<Outbox::LineWrite> &writes) { return m_workspace.submitAll(writes); });
    connect(m_form, &SuperbillFormView::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    m_lineMenu->insertActions(m_printAction, {m_form->submitAction(), m_form->addCodeAction()});
    enableTabActions();
}

QueueView *MainWindow::queueView()
{
    buildPages();
    return m_queue;
}

SuperbillFormView *MainWindow::superbillForm()
{
    buildPages();
    return m_form;
}

void MainWindow::buildActions()
{
    const auto make = [this](const QString &icon, const QString &text, const QString &name,
                             const QKeySequence &keys) {
        auto *action = new QAction(icon.isEmpty() ? QIcon() : cachedIcon(icon), text, this);
        action->setObjectName(name);
        if (!keys.isEmpty())
            action->setShortcut(keys);
        addAction(action);
        return action;
    };
    m_settingsAction = make(QStringLiteral(":/icons/settings.svg"), tr("&Settings…"),
                            QStringLiteral("settingsAction"), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    m_signInAction = make(QString(), tr("Sign &in to the EHR…"), QStringLiteral("signInAction"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(m_signInAction, &QAction::triggered, &m_workspace, &Workspace::signIn);
    m_quitAction = make(QStringLiteral(":/icons/quit.svg"), tr("&Quit"), QStringLiteral("quitAction"),
                        QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_findPatientAction = make(QStringLiteral(":/icons/search.svg"), tr("&Find patient"),
                               QStringLiteral("findPatientAction"), QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_findPatientAction, &QAction::triggered, m_picker, &EncounterPicker::focusSearch);
    m_encountersAction = make(QStringLiteral(":/icons/encounter.svg"), tr("&Encounters"),
                              QStringLiteral("encountersAction"), QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_encountersAction, &QAction::triggered, this, [this] {
        if (auto *list = m_picker->findChild<QWidget *>(QStringLiteral("encounterList")))
            list->setFocus(Qt::ShortcutFocusReason);
    });

    m_refreshAction = make(QStringLiteral(":/icons/resend.svg"), tr("&Refresh encounters"),
                           QStringLiteral("refreshAction"), QKeySequence(Qt::Key_F5));
    m_refreshAction->setToolTip(tr("Reload the patient's encounters and diagnoses from the EHR"));
    connect(m_refreshAction, &QAction::triggered, m_picker, &EncounterPicker::refresh);

    m_superbillTabAction = make(QStringLiteral(":/icons/encounter.svg"), tr("S&uperbill"),
                                QStringLiteral("superbillTabAction"), QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_superbillTabAction, &QAction::triggered, this, &MainWindow::showSuperbill);
    m_queueTabAction = make(QStringLiteral(":/icons/queue.svg"), tr("&Queue"),
                            QStringLiteral("queueTabAction"), QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_queueTabAction, &QAction::triggered, this, &MainWindow::showQueue);
    m_formTabAction = make(QStringLiteral(":/icons/encounter.svg"), tr("Superbill &form"),
                           QStringLiteral("superbillFormTabAction"), QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(m_formTabAction, &QAction::triggered, this, &MainWindow::showSuperbillForm);
    m_printAction = make(QStringLiteral(":/icons/open-line.svg"), tr("&Print superbill…"),
                         QStringLiteral("printSuperbillAction"), QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_printAction, &QAction::triggered, this, &MainWindow::printSuperbill);
    m_openLineAction = make(QStringLiteral(":/icons/open-line.svg"), tr("&Open queued line"),
                            QStringLiteral("openLineAction"), QKeySequence(Qt::CTRL | Qt::Key_O));
    connect(m_openLineAction, &QAction::triggered, this, [this] { queueView()->openCurrent(); });
    m_resendAction = make(QStringLiteral(":/icons/resend.svg"), tr("Send queued line &now"),
                          QStringLiteral("resendAction"), QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_resendAction, &QAction::triggered, this, [this] { queueView()->resendCurrent(); });

    m_shortcutsAction = make(QStringLiteral(":/icons/keyboard.svg"), tr("&Keyboard shortcuts"),
                             QStringLiteral("shortcutsAction"), QKeySequence(Qt::Key_F1));
    connect(m_shortcutsAction, &QAction::triggered, this, &MainWindow::showShortcuts);
    m_aboutAction = make(QStringLiteral(":/icons/about.svg"), tr("&About Superbill Desk"),
                         QStringLiteral("aboutAction"), QKeySequence());
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::updateTips()
{
    const auto keys = [](const QAction *action) {
        return action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped();
    };
    const QList<QPair<QString, QString>> rows{
        {keys(m_editor->submitAction()), tr("Submit line")},
        {keys(m_editor->newLineAction()), tr("New line")},
        {keys(m_findPatientAction), tr("Find patient")},
        {QStringLiteral("Enter"), tr("Link diagnosis (in Diagnoses)")},
        {QStringLiteral("Alt+↑ / Alt+↓"), tr("Reorder diagnoses")},
        {keys(m_queueTabAction), tr("Queue")},
        {keys(m_shortcutsAction), tr("All shortcuts")},
    };
    QString html =
        QStringLiteral("<div style=\"font-weight:600; margin-bottom:4px\">%1</div><table cellspacing=\"0\" "
                       "cellpadding=\"2\">")
            .arg(tr("Keyboard").toHtmlEscaped());
    for (const auto &[key, text] : rows)
        html += QStringLiteral("<tr><td style=\"padding-right:10px; color:#1d5fbf; "
                               "font-weight:600\">%1</td><td>%2</td></tr>")
                    .arg(key, text.toHtmlEscaped());
    m_tipsLabel->setText(html + QStringLiteral("</table>"));
}

void MainWindow::buildMenus()
{
    updateTips();
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_settingsAction);
    file->addAction(m_signInAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *line = menuBar()->addMenu(tr("&Line"));
    m_lineMenu = line;
    line->addAction(m_findPatientAction);
    line->addAction(m_encountersAction);
    line->addAction(m_refreshAction);
    line->addSeparator();
    line->addAction(m_editor->newLineAction());
    line->addAction(m_editor->submitAction());
    line->addSeparator();
    line->addAction(m_openLineAction);
    line->addAction(m_resendAction);
    line->addSeparator();
    // The form's actions go before it once the form is built (buildPages).
    line->addAction(m_printAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_superbillTabAction);
    view->addAction(m_queueTabAction);
    view->addAction(m_formTabAction);
    view->addSeparator();
    view->addAction(m_presenter->toggleAction());
    view->addActions(m_presenter->zoomActions());

    m_trainingMenu = new TrainingMenu(m_workspace, m_settings, this);
    menuBar()->addMenu(m_trainingMenu);
    connect(m_trainingMenu, &TrainingMenu::drillPanelShown, this, &MainWindow::updateSide);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
}

void MainWindow::buildStatusBar()
{
    m_queueLabel = new QLabel(this);
    m_queueLabel->setObjectName(QStringLiteral("queueSizeLabel"));
    m_queueLabel->setTextFormat(Qt::RichText);
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setTextFormat(Qt::RichText);
    m_signedInLabel = new QLabel(this);
    m_signedInLabel->setObjectName(QStringLiteral("signedInLabel"));
    statusBar()->addPermanentWidget(m_signedInLabel);
    statusBar()->addPermanentWidget(m_queueLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->setSizeGripEnabled(false);
}

QList<QAction *> MainWindow::shortcutActions()
{
    return {m_findPatientAction,
            m_encountersAction,
            m_refreshAction,
            m_editor->newLineAction(),
            m_editor->submitAction(),
            m_editor->sameDiagnosesAction(),
            m_superbillTabAction,
            m_queueTabAction,
            m_formTabAction,
            superbillForm()->addCodeAction(),
            m_printAction,
            m_openLineAction,
            m_resendAction,
            m_settingsAction,
            m_signInAction,
            m_shortcutsAction,
            m_quitAction,
            m_presenter->toggleAction(),
            m_presenter->zoomActions().value(0)};
}

void MainWindow::showMode(bool training)
{
    setWindowTitle(training ? tr("Superbill Desk — Training") : tr("Superbill Desk"));
    m_banner->setVisible(training);
}

void MainWindow::attachWorkspace()
{
    showMode(m_workspace.isTraining());
    const ConnectionSettings connection = m_settings.connection();
    m_picker->setClinicZone(connection.clinicZone());
    m_picker->setDirectory(m_workspace.directory());
    if (Outbox::PatientDirectory *directory = m_workspace.directory())
        connect(directory, &Outbox::PatientDirectory::encounterClosed, this, &MainWindow::onEncounterClosed);
    m_editor->setUnitMinutes(connection.unitMinutes);
    m_editor->setClock(&m_workspace.clock());
    m_editor->setCatalog(m_workspace.catalog());
    m_editor->setEncounter({});
    SuperbillFormView *form = superbillForm();
    form->setClock(&m_workspace.clock());
    form->setUnitMinutes(connection.unitMinutes);
    form->setCatalog(m_workspace.catalog());
    form->setEncounter({});
    m_linesModel->setClock(&m_workspace.clock());
    m_linesModel->setTimeZone(connection.clinicZone());
    m_linesModel->setDirectory(m_workspace.directory());
    m_linesModel->setStore(m_workspace.store());
    if (Outbox::OutboxStore *store = m_workspace.store()) {
        connect(store, &Outbox::OutboxStore::lineChanged, this, [this, store](qint64 id) {
            const auto line = store->line(id);
            if (line && line->encounterId == m_editor->encounter().encounterId)
                refreshEncounterLines();
        });
    }
    m_linesModel->setEncounterId(QString());
    queueView()->setWorkspace(&m_workspace, connection.clinicZone());

    updateConnection();
    updateSession();
    updateQueueSize(m_workspace.counts());
    m_picker->search();
    m_picker->focusSearch();
}

void MainWindow::restartWorkspace()
{
    Workspace::Options options = m_workspace.options();
    options.connection = m_settings.connection();
    options.training = options.connection.mode == EhrMode::Training;
    m_workspace.stop();
    QString error;
    if (!m_workspace.start(
            options, [this] { return m_tokens.token(); }, &error)) {
        QMessageBox::critical(
            this, tr("Superbill Desk"),
            tr("The new settings could not be used: %1\n\nThe training EHR is used instead.").arg(error));
        options.training = true;
        if (!m_workspace.start(
                options, [this] { return m_tokens.token(); }, &error)) {
            QMessageBox::critical(this, tr("Superbill Desk"), error);
            attachWorkspace(); // to nothing: the window lets go of what the stopped workspace had
        }
    }
}

void MainWindow::updateSession()
{
    const Auth::SmartSession *session = m_workspace.session();
    m_signInAction->setEnabled(session && !m_workspace.isTraining());
    m_signedInLabel->setVisible(session);
    if (!session)
        return;
    QString text;
    switch (session->state()) {
    case Auth::SmartSession::State::SignedIn:
        // The name comes from the EHR's id_token: shown escaped, like any text from the network.
        text = session->userDisplayName().isEmpty()
                   ? tr("Signed in")
                   : tr("Signed in as %1").arg(Common::printable(session->userDisplayName()));
        if (!session->canCreateProcedures())
            text += tr(" · read-only");
        break;
    case Auth::SmartSession::State::SigningIn:
        text = tr("Signing in…");
        break;
    case Auth::SmartSession::State::SignedOut:
        text = tr("Not signed in");
        break;
    }
    m_signedInLabel->setText(text);
    // Said once: without a keychain the next start asks for the sign-in page again.
    if (session->isSignedIn() && !m_workspace.isTraining() && !session->keepsSignInAcrossRuns() &&
        !m_toldSessionOnly) {
        m_toldSessionOnly = true;
        statusBar()->showMessage(tr("Signed in for this session only: %1").arg(session->storageNote()),
                                 15000);
    }
    m_signedInLabel->setToolTip(
        session->isSignedIn()
            ? tr("Granted: %1\n%2")
                  .arg(Common::printable(session->grantedScopes().toString()), session->storageNote())
            : session->storageNote());
}

void MainWindow::updateSide()
{
    // The findings belong to the line being edited; the queue uses the whole width. A drill's panel takes
    // their place: each field shows its own findings anyway, and the window still fits 1280 pixels.
    m_side->setVisible(m_tabs->currentIndex() == 0 && !m_trainingMenu->isDrillPanelShown());
}

void MainWindow::updateConnection()
{
    QString text;
    if (!m_workspace.sendingProblem().isEmpty())
        text = iconText(QStringLiteral(":/icons/warning.svg"),
                        tr("Paused: %1").arg(Common::printable(m_workspace.sendingProblem())));
    else if (m_workspace.isOnline())
        text = iconText(QStringLiteral(":/icons/online.svg"),
                        tr("Online · %1").arg(m_workspace.ehrDescription()));
    else
        text = iconText(
            QStringLiteral(":/icons/offline.svg"),
            tr("Offline · %1 · lines wait and go when it answers").arg(m_workspace.ehrDescription()));
    m_connectionLabel->setText(text);
}

void MainWindow::updateQueueSize(const Outbox::QueueCounts &counts)
{
    QStringList parts;
    if (counts.unsent() > 0)
        parts << tr("%n waiting", nullptr, counts.unsent());
    if (counts.needsCorrection > 0)
        parts << tr("%n to correct", nullptr, counts.needsCorrection);
    const QString text =
        parts.isEmpty() ? tr("Queue empty") : tr("Queue: %1").arg(parts.join(QStringLiteral(" · ")));
    m_queueLabel->setText(iconText(QStringLiteral(":/icons/queue.svg"), text));
    const int attention = counts.unsent() + counts.needsCorrection;
    m_tabs->setTabText(1, attention > 0 ? tr("Queue (%1)").arg(attention) : tr("Queue"));
}

bool MainWindow::hasUnsavedInput() const
{
    return m_editor->hasUnsavedInput() || (m_form && m_form->hasUnsavedInput());
}

bool MainWindow::confirmDropDraft(const QString &question)
{
    if (!hasUnsavedInput())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Superbill Desk"), question, QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("dropDraftBox"));
    box.setInformativeText(
        m_editor->hasUnsavedInput()
            ? tr("The line being entered has not been submitted and would be lost.")
            : tr("The codes ticked on the superbill form have not been submitted and would "
                 "be lost."));
    auto *drop = box.addButton(tr("Drop the line"), QMessageBox::DestructiveRole);
    drop->setObjectName(QStringLiteral("dropDraftButton"));
    auto *keep = box.addButton(tr("Keep editing"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == static_cast<QAbstractButton *>(drop);
}

void MainWindow::onEncounterChosen(const EncounterContext &encounter)
{
    if (encounter.encounterId == m_editor->encounter().encounterId) {
        // The same encounter again: what was typed stays.
        m_editor->updateEncounter(encounter);
        updateLinesTitle();
        showSuperbill();
        return;
    }
    if (encounter.pickedAsOnlyOpen && m_editor->hasUnsavedInput()) {
        // Chosen for the person, not by them: it never takes a line being typed away.
        if (auto *list = m_picker->findChild<QWidget *>(QStringLiteral("encounterList")))
            list->setFocus(Qt::OtherFocusReason);
        statusBar()->showMessage(tr("The patient's open encounter is in the list: Enter opens it."), 8000);
        return;
    }
    if (!confirmDropDraft(tr("Open another encounter?"))) {
        m_editor->focusCode();
        return;
    }
    m_editor->setEncounter(encounter);
    m_linesModel->setEncounterId(encounter.encounterId);
    superbillForm()->setEncounter(encounter);
    refreshEncounterLines();
    updateLinesTitle();
    if (m_tabs->currentWidget() == m_form)
        showSuperbillForm();
    else
        showSuperbill();
}

void MainWindow::enableTabActions()
{
    // The line editor and the form both submit with Ctrl+Enter, and both actions are in the menus
    // (which keeps them active on every tab): only the shown tab's are enabled.
    const bool lines = m_tabs->currentIndex() == 0;
    m_editor->submitAction()->setEnabled(lines);
    m_editor->newLineAction()->setEnabled(lines);
    if (!m_form)
        return;
    const bool form = m_tabs->currentWidget() == m_form;
    m_form->submitAction()->setEnabled(form);
    m_form->addCodeAction()->setEnabled(form);
}

void MainWindow::showSuperbillForm()
{
    m_tabs->setCurrentWidget(superbillForm());
    m_form->focusForm();
}

void MainWindow::printSuperbill()
{
    const EncounterContext &encounter = m_editor->encounter();
    if (!encounter.isValid()) {
        statusBar()->showMessage(tr("Pick an encounter to print its superbill."), 8000);
        return;
    }
    const QString suggested =
        QDir::home().filePath(QStringLiteral("superbill-%1.pdf").arg(encounter.encounterId));
    QFileDialog dialog(this, tr("Print superbill to PDF"), suggested, tr("PDF files (*.pdf)"));
    dialog.setObjectName(QStringLiteral("printSuperbillDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QStringLiteral("pdf"));
    dialog.selectFile(suggested);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    printSuperbillTo(dialog.selectedFiles().constFirst());
}

bool MainWindow::printSuperbillTo(const QString &path)
{
    const EncounterContext &encounter = m_editor->encounter();
    if (!encounter.isValid())
        return false;
    Print::PrintSource source;
    source.practice = Superbill::PracticeDetails::load();
    // What the picker shows, else the offline copy the directory keeps of what the EHR said.
    Outbox::PatientDirectory *directory = m_workspace.directory();
    if (const auto *patient = m_picker->patientModel()->patient(encounter.patientId))
        source.patient = *patient;
    else if (const auto cached = directory ? directory->cache().patient(encounter.patientId) : std::nullopt)
        source.patient = *cached;
    else
        source.patient.id = encounter.patientId;
    if (const auto *known = m_picker->encounterModel()->encounter(encounter.encounterId))
        source.encounter = *known;
    else if (const auto cached =
                 directory ? directory->cache().encounter(encounter.encounterId) : std::nullopt)
        source.encounter = *cached;
    source.encounter.id = encounter.encounterId;
    source.encounter.patientId = encounter.patientId;
    if (!source.encounter.start.isValid())
        source.encounter.start = encounter.start;
    for (const DiagnosisOption &diagnosis : encounter.diagnoses)
        source.conditions.append({diagnosis.id, diagnosis.code, diagnosis.display, encounter.patientId, {}});
    source.diagnosisOrder = superbillForm()->sheet().diagnoses();
    for (int row = 0; row < m_linesModel->rowCount(); ++row) {
        if (const auto line = m_linesModel->lineAt(row))
            source.lines.append(*line);
    }
    std::sort(source.lines.begin(), source.lines.end(),
              [](const Outbox::OutboxLine &a, const Outbox::OutboxLine &b) { return a.id < b.id; });
    source.clinicZone = encounter.timeZone;
    source.now = m_workspace.clock().nowUtc();
    const Common::Status written =
        Print::writeSuperbillPdf(Print::makePrintout(source), path, source.practice.paper);
    statusBar()->showMessage(written ? tr("Superbill printed to %1.").arg(QDir::toNativeSeparators(path))
                                     : tr("The superbill was not printed: %1").arg(written.error().text()),
                             10000);
    return written.ok();
}

void MainWindow::refreshEncounterLines()
{
    Outbox::OutboxStore *store = m_workspace.store();
    const QString encounterId = m_editor->encounter().encounterId;
    if (!store || encounterId.isEmpty()) {
        m_editor->setEncounterLines({});
        return;
    }
    using Outbox::LineState;
    const auto lines = store->lines({encounterId, {LineState::Pending, LineState::Sending, LineState::Sent}});
    m_editor->setEncounterLines(
        Outbox::entriesOnEncounter(lines.valueOr({}), encounterId, m_editor->lineId()));
}

void MainWindow::updateLinesTitle()
{
    const EncounterContext &encounter = m_editor->encounter();
    if (encounter.isValid() && !encounter.facts.acceptsProcedures())
        m_linesTitle->setText(
            tr("Lines of this encounter — %1: it takes no more lines").arg(encounter.stateText.toLower()));
    else
        m_linesTitle->setText(tr("Lines of this encounter"));
}

void MainWindow::onEncounterClosed(const Ehr::EncounterSummary &encounter)
{
    if (m_queue)
        m_queue->updateButtons();
    if (m_editor->encounter().encounterId != encounter.id)
        return;
    // The picker has taken the news already when it lists the encounter; else the form's own copy
    // learns the new state.
    EncounterContext context = m_picker->contextFor(encounter.id).value_or(m_editor->encounter());
    if (context.facts.acceptsProcedures()) {
        context.facts = encounter.facts();
        context.stateText = EncounterListModel::stateText(encounter);
    }
    m_editor->updateEncounter(context);
    updateLinesTitle();
    if (m_editor->lineId() >= 0)
        offerMoveTargets(context.patientId);
    statusBar()->showMessage(
        tr("The EHR says this encounter is %1: it takes no more lines. Ask the clinician "
           "to reopen the encounter.")
            .arg(context.stateText.toLower()),
        15000);
}

void MainWindow::syncEditorEncounter()
{
    const EncounterContext &shown = m_editor->encounter();
    if (!shown.isValid())
        return;
    const auto known = m_picker->contextFor(shown.encounterId);
    if (!known || (known->facts == shown.facts && known->diagnoses == shown.diagnoses &&
                   known->stateText == shown.stateText))
        return;
    m_editor->updateEncounter(*known);
    superbillForm()->updateEncounter(*known);
    updateLinesTitle();
}

void MainWindow::fetchEncounterContext(const QString &patientId, const QString &encounterId,
                                       std::function<void(std::optional<EncounterContext>)> done)
{
    if (const auto context = m_picker->contextFor(encounterId)) {
        done(context);
        return;
    }
    Outbox::PatientDirectory *directory = m_workspace.directory();
    if (!directory) {
        done(std::nullopt);
        return;
    }
    const QTimeZone clinicZone = m_settings.connection().clinicZone();
    directory->encountersOf(
        patientId, this,
        [this, patientId, encounterId, clinicZone, done](const Outbox::EncounterResult &result) {
            const auto found =
                std::find_if(result.items.cbegin(), result.items.cend(),
                             [&encounterId](const auto &item) { return item.id == encounterId; });
            if (found == result.items.cend() || !m_workspace.directory()) {
                done(std::nullopt);
                return;
            }
            const Ehr::EncounterSummary encounter = *found;
            m_workspace.directory()->conditionsOf(
                patientId, QString(), this,
                [this, encounter, clinicZone, done](const Outbox::ConditionResult &conditions) {
                    Ehr::PatientSummary patient;
                    patient.id = encounter.patientId;
                    if (const auto *known = m_picker->patientModel()->patient(encounter.patientId))
                        patient = *known;
                    done(makeEncounterContext(patient, encounter, conditions.items,
                                              listsAllDiagnoses(conditions), clinicZone));
                });
        });
}

void MainWindow::offerMoveTargets(const QString &patientId)
{
    Outbox::PatientDirectory *directory = m_workspace.directory();
    if (!directory)
        return;
    directory->encountersOf(patientId, this, [this](const Outbox::EncounterResult &result) {
        QList<LineEditor::EncounterChoice> targets;
        for (const auto &encounter : result.items) {
            if (!encounter.acceptsProcedures())
                continue;
            QString title = EncounterListModel::whenText(encounter);
            if (!encounter.type.isEmpty())
                title += QStringLiteral("  ·  ") + encounter.type;
            targets.append({encounter.id, title});
        }
        m_editor->setMoveTargets(targets);
    });
}

void MainWindow::moveLine(qint64 lineId, const QString &encounterId)
{
    if (m_editor->lineId() != lineId)
        return;
    fetchEncounterContext(m_editor->encounter().patientId, encounterId,
                          [this, lineId](std::optional<EncounterContext> context) {
                              if (!context || m_editor->lineId() != lineId) {
                                  statusBar()->showMessage(tr("That encounter cannot be reached now."), 8000);
                                  return;
                              }
                              m_editor->moveToEncounter(*context);
                              m_linesModel->setEncounterId(context->encounterId);
                              refreshEncounterLines();
                              updateLinesTitle();
                              m_editor->focusCode();
                          });
}

void MainWindow::showLineDetails(qint64 lineId)
{
    Outbox::OutboxStore *store = m_workspace.store();
    const auto line = store ? store->line(lineId).valueOr({}) : Outbox::OutboxLine{};
    if (line.id == 0)
        return;
    LineDetailsDialog dialog(line, m_editor->encounter(), this);
    dialog.exec();
}

void MainWindow::discardLine(qint64 lineId)
{
    Outbox::OutboxStore *store = m_workspace.store();
    const auto line = store ? store->line(lineId).valueOr({}) : Outbox::OutboxLine{};
    if (line.id == 0 || !confirmDiscard(this, line.code))
        return;
    const QString error = m_workspace.discard(lineId, tr("discarded by the user"));
    if (!error.isEmpty()) {
        statusBar()->showMessage(tr("Not discarded: %1").arg(error), 8000);
        return;
    }
    m_editor->newLine();
    m_editor->focusCode();
    statusBar()->showMessage(tr("Line discarded."), 6000);
}

void MainWindow::showSuperbill()
{
    m_tabs->setCurrentIndex(0);
    m_editor->focusCode();
}

void MainWindow::showQueue()
{
    m_tabs->setCurrentIndex(1);
    if (auto *table = queueView()->findChild<QWidget *>(QStringLiteral("queueTable")))
        table->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::openLine(qint64 lineId)
{
    Outbox::OutboxStore *store = m_workspace.store();
    if (!store)
        return;
    const auto found = store->line(lineId);
    if (!found)
        return;
    const Outbox::OutboxLine line = *found;
    if (m_editor->encounter().encounterId == line.encounterId) {
        loadLineInto(lineId, m_editor->encounter());
        return;
    }
    statusBar()->showMessage(tr("Opening the line…"));
    // Offline, or for an encounter the EHR no longer lists, the line opens with what it says itself.
    EncounterContext fallback;
    fallback.patientId = line.patientId;
    fallback.encounterId = line.encounterId;
    fallback.title = line.encounterId;
    fallback.timeZone = m_settings.connection().clinicZone();
    fetchEncounterContext(line.patientId, line.encounterId,
                          [this, lineId, fallback](std::optional<EncounterContext> context) {
                              loadLineInto(lineId, context.value_or(fallback));
                          });
}

void MainWindow::loadLineInto(qint64 lineId, const EncounterContext &context)
{
    Outbox::OutboxStore *store = m_workspace.store();
    const Outbox::OutboxLine line = store ? store->line(lineId).valueOr({}) : Outbox::OutboxLine{};
    const auto entry = line.entry();
    if (!entry) {
        statusBar()->showMessage(tr("The line cannot be read back from the outbox."), 8000);
        return;
    }
    if (m_editor->encounter().encounterId != context.encounterId)
        m_editor->setEncounter(context);
    else
        m_editor->updateEncounter(context);
    m_linesModel->setEncounterId(context.encounterId);
    m_editor->loadLine(lineId, *entry, line.findings);
    refreshEncounterLines();
    updateLinesTitle();
    m_tabs->setCurrentIndex(0);
    if (!context.facts.acceptsProcedures()) {
        // Nothing on the line can fix a closed encounter: move it or discard it.
        offerMoveTargets(context.patientId);
        statusBar()->showMessage(tr("This encounter takes no more lines: move the line to another open "
                                    "encounter, or discard it."),
                                 8000);
        m_editor->focusClosedEncounterActions();
        return;
    }
    statusBar()->showMessage(tr("Correct the line, then resend it with Ctrl+Enter."), 8000);
    // Start where the EHR pointed, else at the code.
    for (const auto &finding : m_editor->allFindings()) {
        int index = -1;
        const FormField field = fieldForPath(finding.path, &index);
        if (field != FormField::None && field != FormField::Encounter && field != FormField::Patient) {
            m_editor->focusField(field, index);
            return;
        }
    }
    m_editor->focusCode();
}

void MainWindow::showSettings()
{
    // "Checking the system keychain…" must not stay: ask it, if nobody has yet.
    if (m_tokens.state() == TokenStore::State::Unknown)
        m_tokens.load();
    const ConnectionSettings before = m_settings.connection();
    ConnectionSettings shown = before;
    if (m_workspace.isTraining())
        shown.mode = EhrMode::Training;
    SettingsDialog dialog(shown, &m_tokens, &Ehr::EhrClient::checkTransportSecurity, this);
    dialog.setDiscovery(&describeSmartSignIn);
    const Superbill::PracticeDetails practice = Superbill::PracticeDetails::load();
    dialog.setPractice(practice);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.practice() != practice) {
        if (const Common::Status saved = dialog.practice().save(); !saved)
            statusBar()->showMessage(tr("The practice details were not saved: %1").arg(saved.error().text()),
                                     10000);
    }
    const ConnectionSettings after = dialog.settings();
    const bool reconnect = after.mode != shown.mode || after.baseUrl != before.baseUrl ||
                           after.dialect != before.dialect || after.signIn != before.signIn ||
                           after.clientId != before.clientId || after.redirectPort != before.redirectPort ||
                           after.scopes != before.scopes ||
                           (after.mode == EhrMode::Training) != m_workspace.isTraining();
    if (reconnect && !confirmDropDraft(tr("Switch to the other EHR?"))) {
        statusBar()->showMessage(tr("Settings not changed: the line being typed is kept."), 8000);
        return;
    }
    m_settings.setConnection(after);
    m_settings.sync();
    if (after.mode == EhrMode::Ehr) {
        // superbill-cli reads the same EHR address and dialect (never the token).
        Ehr::EhrSettings shared = Ehr::EhrSettings::fromEnvironment();
        shared.ehrUrl = after.baseUrl;
        shared.dialect = after.dialect;
        if (const Common::Status saved = shared.save(); !saved)
            statusBar()->showMessage(
                tr("The EHR address could not be shared with superbill-cli: %1").arg(saved.error().text()),
                10000);
    }
    if (reconnect) {
        restartWorkspace();
    } else {
        m_editor->setUnitMinutes(after.unitMinutes);
        m_picker->setClinicZone(after.clinicZone());
        m_linesModel->setTimeZone(after.clinicZone());
        queueView()->setWorkspace(&m_workspace, after.clinicZone());
    }
    statusBar()->showMessage(tr("Settings saved."), 5000);
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog dialog(shortcutActions(), this);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setObjectName(QStringLiteral("aboutBox"));
    box.setWindowTitle(tr("About Superbill Desk"));
    box.setIconPixmap(cachedIcon(QStringLiteral(":/icons/app.svg")).pixmap(64, 64));
    box.setTextFormat(Qt::RichText);
    box.setText(
        tr("<h3>Superbill Desk %1</h3>"
           "<p>Superbill entry for FHIR R4 EHRs: every rule the EHR enforces is checked as you type, and "
           "every line reaches the EHR exactly once.</p>"
           "<p>Built with Qt %2 (running on Qt %3).</p>")
            .arg(QApplication::applicationVersion(), QLatin1String(QT_VERSION_STR),
                 QLatin1String(qVersion())));
    box.exec();
}

QSize MainWindow::firstStartSize(const QSize &available)
{
    // Most of a large screen; on a small one all of it, never more.
    return (available * 0.85).expandedTo(QSize(1280, 800)).boundedTo(available);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    arrangeForWidth(event->size().width());
    if (event->size().height() != event->oldSize().height())
        QTimer::singleShot(0, this, &MainWindow::fitForm);
}

void MainWindow::arrangeForWidth(int width)
{
    // Below this width three columns squeeze the form: the findings fold under it instead.
    const bool narrow = width < WideLayoutWidth;
    if (narrow == (m_side->parent() == m_centreSplitter))
        return;
    if (narrow) {
        m_centreSplitter->addWidget(m_side);
    } else {
        m_splitter->insertWidget(2, m_side);
        // Room for all three: each pane gets its share of a wide window, the patients' too.
        m_splitter->setSizes({std::max(270, width / 5), width * 3 / 5, std::max(290, width / 5)});
    }
    applyArrangement();
}

void MainWindow::applyArrangement()
{
    const bool narrow = m_side->parent() == m_centreSplitter;
    (narrow ? m_centreSplitter : m_splitter)->setStretchFactor(2, 0);
    m_tips->setVisible(!narrow);
    m_findings->setFolded(narrow);
    updateSide();
    // Once the new arrangement is laid out: the form as tall as it needs, if it can be.
    QTimer::singleShot(0, this, &MainWindow::fitForm);
}

void MainWindow::fitForm()
{
    const bool narrow = m_side->parent() == m_centreSplitter;
    const int height = m_centreSplitter->height() - m_centreSplitter->handleWidth() * (narrow ? 2 : 1);
    // The whole form first, Submit included; the lines and (folded) findings keep a row or two, and
    // the marks beside the fields say what the findings say.
    const int lines = narrow ? 100 : 170;
    const int findings = narrow ? m_side->minimumHeight() : 0;
    m_fittedFormHeight = m_editor->sizeHint().height();
    const int form = std::clamp(m_fittedFormHeight, 200, std::max(200, height - lines - findings));
    const int rest = std::max(lines, height - form - findings);
    m_centreSplitter->setSizes(narrow ? QList<int>{rest, form, findings} : QList<int>{rest, form});
}

void MainWindow::restoreLayout()
{
    const QByteArray state = m_settings.windowState();
    if (!state.isEmpty())
        restoreState(state);
    const QByteArray splitter = m_settings.splitterState(QStringLiteral("main"));
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const QByteArray centre = m_settings.splitterState(QStringLiteral("centre"));
    if (!centre.isEmpty())
        m_centreSplitter->restoreState(centre);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDropDraft(tr("Quit Superbill Desk?"))) {
        event->ignore();
        return;
    }
    m_settings.setWindow(saveGeometry(), saveState());
    m_settings.setSplitterState(QStringLiteral("main"), m_splitter->saveState());
    m_settings.setSplitterState(QStringLiteral("centre"), m_centreSplitter->saveState());
    m_settings.sync();
    event->accept();
}

} // namespace Ui
