#pragma once

#include <functional>
#include <optional>

#include <QMainWindow>

#include "ehr/encountersummary.h"
#include "linedraft.h"
#include "outbox/outboxline.h"
#include "workspace.h"

class QAction;
class QFrame;
class QLabel;
class QMenu;
class QSplitter;
class QTabWidget;
class QTableView;

namespace Ui {

class AppSettings;
class EncounterPicker;
class FindingsPanel;
class LineEditor;
class OutboxLinesModel;
class PresenterMode;
class QueueView;
class SuperbillFormView;
class TokenStore;
class TrainingMenu;

/**
 * The application's main window: the training banner, the encounter picker,
 * the superbill lines of the encounter with the line editor, the findings
 * panel, the queue of lines needing attention, and a status bar with the
 * connection and the queue size.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(AppSettings &settings, TokenStore &tokens, Workspace &workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    LineEditor *lineEditor() const { return m_editor; }
    FindingsPanel *findingsPanel() const { return m_findings; }
    EncounterPicker *encounterPicker() const { return m_picker; }
    /// The Queue and Superbill form pages are built after the first frame, or when first asked for.
    QueueView *queueView();
    SuperbillFormView *superbillForm();
    OutboxLinesModel *linesModel() const { return m_linesModel; }
    /// Below this window width the findings fold under the form.
    static constexpr int WideLayoutWidth = 1180;
    /// The window's size at the first start on a screen with this much room.
    static QSize firstStartSize(const QSize &available);

    PresenterMode *presenterMode() const { return m_presenter; }
    TrainingMenu *trainingMenu() const { return m_trainingMenu; }
    /// Every action with a shortcut, as the Help menu lists them.
    QList<QAction *> shortcutActions();
    /// Starts the workspace once the window's first frame is drawn (call it before show()): the
    /// first frame needs neither the code catalog, nor the training EHR, the outbox or the offline
    /// copy, and what a person types meanwhile (a patient search) is kept and acted on once they are
    /// there. workspaceFailed() follows when it cannot start.
    void startWorkspaceWhenShown(const Workspace::Options &options);

Q_SIGNALS:
    /// The window's first frame has been drawn.
    void firstFrameShown();
    void workspaceFailed(const QString &error);

public Q_SLOTS:
    void showSettings();
    void showShortcuts();
    void showAbout();
    /// Opens an outbox line in the editor to correct and resend it.
    void openLine(qint64 lineId);
    void showQueue();
    void showSuperbill();
    void showSuperbillForm();
    /// Asks where to save the encounter's superbill as a PDF (Ctrl+P), then prints it there.
    void printSuperbill();
    /// Prints the open encounter's superbill to a PDF at path; false (with a message) when it cannot.
    bool printSuperbillTo(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildCentre();
    /// The Queue and Superbill form pages' contents, once.
    void buildPages();
    void buildStatusBar();
    void restoreLayout();
    /// Three columns on a wide window; on a narrow one the findings go under the form.
    void arrangeForWidth(int width);
    /// What follows from where the findings are: the tips, their visibility, the form fitted again.
    void applyArrangement();
    /// Gives the form the height it needs, the lines (and findings) the rest.
    void fitForm();
    void updateTips();
    void attachWorkspace();
    /// The window's title and banner for training or a real EHR.
    void showMode(bool training);
    void restartWorkspace();
    void updateConnection();
    void updateSession();
    void updateSide();
    void updateQueueSize(const Outbox::QueueCounts &counts);
    void onEncounterChosen(const EncounterContext &encounter);
    /// The EHR said the encounter takes no more lines: the form, the lines and the queue say so.
    void onEncounterClosed(const Ehr::EncounterSummary &encounter);
    /// The picker's newer knowledge of the form's encounter (state, diagnoses) reaches the form.
    void syncEditorEncounter();
    void updateLinesTitle();
    /// The form learns the encounter's lines sent or queued (for the duplicate warning).
    void refreshEncounterLines();
    /// The context of a patient's encounter: the picker's when it shows it, else fetched (offline: the
    /// copy); nullopt when the encounter is not known.
    void fetchEncounterContext(const QString &patientId, const QString &encounterId,
                               std::function<void(std::optional<EncounterContext>)> done);
    /// Offers the patient's open encounters to the form, for a line whose encounter is closed.
    void offerMoveTargets(const QString &patientId);
    void moveLine(qint64 lineId, const QString &encounterId);
    void discardLine(qint64 lineId);
    /// A line that can no longer change (sent, or of a closed encounter), read-only.
    void showLineDetails(qint64 lineId);
    void loadLineInto(qint64 lineId, const EncounterContext &context);
    /// Asks before the line being typed is dropped; true when it may go.
    bool confirmDropDraft(const QString &question);
    bool hasUnsavedInput() const;
    void enableTabActions();

    AppSettings &m_settings;
    TokenStore &m_tokens;
    Workspace &m_workspace;
    bool m_firstFrameShown = false;

    QLabel *m_banner = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_centreSplitter = nullptr;
    EncounterPicker *m_picker = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_linesTable = nullptr;
    OutboxLinesModel *m_linesModel = nullptr;
    QLabel *m_linesTitle = nullptr;
    LineEditor *m_editor = nullptr;
    QWidget *m_queuePage = nullptr;
    QWidget *m_formPage = nullptr;
    QueueView *m_queue = nullptr;
    SuperbillFormView *m_form = nullptr;
    QMenu *m_lineMenu = nullptr;
    FindingsPanel *m_findings = nullptr;
    QFrame *m_tips = nullptr;
    QWidget *m_side = nullptr;
    QWidget *m_formContent = nullptr;
    int m_fittedFormHeight = 0; ///< the form's wanted height when the centre was last fitted to it
    QLabel *m_tipsLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_signedInLabel = nullptr;
    bool m_toldSessionOnly = false;
    QLabel *m_queueLabel = nullptr;
    PresenterMode *m_presenter = nullptr;
    TrainingMenu *m_trainingMenu = nullptr;

    QAction *m_settingsAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findPatientAction = nullptr;
    QAction *m_encountersAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_superbillTabAction = nullptr;
    QAction *m_queueTabAction = nullptr;
    QAction *m_formTabAction = nullptr;
    QAction *m_printAction = nullptr;
    QAction *m_resendAction = nullptr;
    QAction *m_openLineAction = nullptr;
};

} // namespace Ui
