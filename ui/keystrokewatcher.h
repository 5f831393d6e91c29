#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class QKeyEvent;
class QWidget;

namespace Ui {

/**
 * Watches the keys a person presses in one window (and the dialogs it opens)
 * and names them for a class to read: plain characters as typed, the rest as
 * symbols (⇥ Tab, ↵ Enter, ⌫ Backspace) with their modifiers ("Ctrl+↵").
 * Auto-repeat and lone modifier keys are not presses a person counts.
 */
class KeystrokeWatcher : public QObject
{
    Q_OBJECT

public:
    explicit KeystrokeWatcher(QWidget *window, QObject *parent = nullptr);
    ~KeystrokeWatcher() override;

    /// "2" for a plain character (plain set), "⇥", "Ctrl+↵", "Alt+↓"; empty for a key that is not counted.
    static QString keyName(const QKeyEvent &event, bool *plain = nullptr);

Q_SIGNALS:
    /// One counted key press; plain: a character typed as it is (letters, digits, punctuation).
    void keyPressed(const QString &name, bool plain);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_window;
    const QEvent *m_lastEvent = nullptr; ///< only compared, never used: it may be gone
    QPointer<QWidget> m_lastReceiver;
};

/// The last keys pressed as a strip of text: runs of plain characters joined ("20610"), keys apart.
class KeystrokeLog
{
public:
    explicit KeystrokeLog(int maxTokens = 16)
        : m_maxTokens(maxTokens)
    {
    }

    void add(const QString &name, bool plain);
    void clear();
    /// e.g. "20610 ⇥ s ⇥ 1030 ⇥ ↵ ↵ Ctrl+↵"
    QString text() const { return m_tokens.join(u' '); }

private:
    int m_maxTokens;
    QStringList m_tokens;
    bool m_lastPlain = false;
};

} // namespace Ui
