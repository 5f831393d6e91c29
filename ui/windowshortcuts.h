#pragma once

#include <QObject>
#include <QPointer>

class QKeyEvent;
class QWidget;

namespace Ui {

/**
 * Makes a window's shortcuts (Ctrl+E, Ctrl+F, Ctrl+N, F5 ...) work from every field. A text
 * field keeps some keys for itself (QLineEdit takes Ctrl+E as "end of line" on X11), and while a
 * pop-up such as a completer has the keyboard, the window's shortcuts do not reach it at all.
 * Installed on the application, this lets the window's own action win in text fields; a pop-up
 * calls trigger() itself after closing.
 */
class WindowShortcuts : public QObject
{
    Q_OBJECT

public:
    /// Watches the application's shortcut overrides for the widgets of `window`.
    explicit WindowShortcuts(QWidget *window);
    ~WindowShortcuts() override;

    /// Triggers the enabled action of `window` whose shortcut is this key; true when one ran.
    static bool trigger(QWidget *window, const QKeyEvent *key);
    /// Whether an enabled action of `window` has this key as its shortcut.
    static bool isWindowShortcut(const QWidget *window, const QKeyEvent *key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_window;
};

} // namespace Ui
