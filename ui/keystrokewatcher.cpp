#include "keystrokewatcher.h"

#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

namespace Ui {

namespace {

QString symbolOf(int key)
{
    switch (key) {
    case Qt::Key_Tab:
    case Qt::Key_Backtab:
        return QStringLiteral("⇥");
    case Qt::Key_Return:
    case Qt::Key_Enter:
        return QStringLiteral("↵");
    case Qt::Key_Backspace:
        return QStringLiteral("⌫");
    case Qt::Key_Delete:
        return QStringLiteral("Del");
    case Qt::Key_Escape:
        return QStringLiteral("Esc");
    case Qt::Key_Space:
        return QStringLiteral("␣");
    case Qt::Key_Left:
        return QStringLiteral("←");
    case Qt::Key_Right:
        return QStringLiteral("→");
    case Qt::Key_Up:
        return QStringLiteral("↑");
    case Qt::Key_Down:
        return QStringLiteral("↓");
    case Qt::Key_Home:
        return QStringLiteral("Home");
    case Qt::Key_End:
        return QStringLiteral("End");
    case Qt::Key_PageUp:
        return QStringLiteral("PgUp");
    case Qt::Key_PageDown:
        return QStringLiteral("PgDn");
    default:
        break;
    }
    return {};
}

bool isModifierKey(int key)
{
    return key == Qt::Key_Shift || key == Qt::Key_Control || key == Qt::Key_Alt || key == Qt::Key_Meta ||
           key == Qt::Key_AltGr || key == Qt::Key_CapsLock || key == Qt::Key_NumLock ||
           key == Qt::Key_unknown;
}

} // namespace

KeystrokeWatcher::KeystrokeWatcher(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    qApp->installEventFilter(this);
}

KeystrokeWatcher::~KeystrokeWatcher()
{
    qApp->removeEventFilter(this);
}

QString KeystrokeWatcher::keyName(const QKeyEvent &event, bool *plain)
{
    if (plain)
        *plain = false;
    const int key = event.key();
    if (event.isAutoRepeat() || isModifierKey(key))
        return {};
    const Qt::KeyboardModifiers modifiers =
        event.modifiers() & ~(Qt::KeypadModifier | Qt::GroupSwitchModifier);
    const bool chord = modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    QString name = symbolOf(key);
    if (name.isEmpty()) {
        const QString text = event.text();
        if (!chord && !text.isEmpty() && text.at(0).isPrint()) {
            if (plain)
                *plain = true;
            return text;
        }
        name = QKeySequence(key).toString(QKeySequence::NativeText);
        if (name.isEmpty())
            return {};
    }
    QStringList parts;
    if (modifiers & Qt::ControlModifier)
        parts << QStringLiteral("Ctrl");
    if (modifiers & Qt::AltModifier)
        parts << QStringLiteral("Alt");
    if (modifiers & Qt::MetaModifier)
        parts << QStringLiteral("Meta");
    // Shift+Tab is how people say it; Shift with a character is already in the character.
    if ((modifiers & Qt::ShiftModifier) && (chord || key == Qt::Key_Backtab || !symbolOf(key).isEmpty()))
        parts << QStringLiteral("Shift");
    parts << name;
    return parts.join(u'+');
}

bool KeystrokeWatcher::eventFilter(QObject *watched, QEvent *event)
{
    // Every press is first offered as a ShortcutOverride (also one a shortcut then takes, which never
    // arrives as a KeyPress), and an event nobody accepts is offered to each parent in turn: count the
    // first offer only.
    if (event->type() != QEvent::ShortcutOverride || !m_window)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget)
        return false;
    const bool propagated =
        event == m_lastEvent && m_lastReceiver && m_lastReceiver->parentWidget() == widget;
    m_lastEvent = event;
    m_lastReceiver = widget;
    if (propagated)
        return false;
    // The window and the dialogs it opened.
    bool ours = false;
    for (QWidget *window = widget->window(); window && !ours;
         window = window->parentWidget() ? window->parentWidget()->window() : nullptr)
        ours = window == m_window;
    if (!ours)
        return false;
    bool plain = false;
    const QString name = keyName(*static_cast<QKeyEvent *>(event), &plain);
    if (!name.isEmpty())
        Q_EMIT keyPressed(name, plain);
    return false;
}

void KeystrokeLog::add(const QString &name, bool plain)
{
    if (name.isEmpty())
        return;
    if (plain && m_lastPlain && !m_tokens.isEmpty())
        m_tokens.last() += name;
    else
        m_tokens.append(name);
    m_lastPlain = plain;
    while (m_tokens.size() > m_maxTokens)
        m_tokens.removeFirst();
}

void KeystrokeLog::clear()
{
    m_tokens.clear();
    m_lastPlain = false;
}

} // namespace Ui
