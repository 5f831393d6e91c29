#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;

namespace Ui {

class AppSettings;
class FindingsPanel;
class LineEditor;
class TokenStore;

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
    MainWindow(AppSettings &settings, TokenStore &tokens, bool training, QWidget *parent = nullptr);
    ~MainWindow() override;

    LineEditor *lineEditor() const { return m_editor; }
    FindingsPanel *findingsPanel() const { return m_findings; }
    /// Every action with a shortcut, as the Help menu lists them.
    QList<QAction *> shortcutActions() const;

public Q_SLOTS:
    void showSettings();
    void showShortcuts();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildMenus();
    void buildCentre();
    void buildStatusBar();
    void restoreState();

    AppSettings &m_settings;
    TokenStore &m_tokens;
    bool m_training;

    QLabel *m_banner = nullptr;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_tabs = nullptr;
    LineEditor *m_editor = nullptr;
    FindingsPanel *m_findings = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_queueLabel = nullptr;

    QAction *m_settingsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_findPatientAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_superbillTabAction = nullptr;
    QAction *m_queueTabAction = nullptr;
};

} // namespace Ui
