#include "windowshortcuts.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

namespace Ui {

namespace {

QAction *actionFor(const QWidget *window, const QKeyEvent *key)
{
    if (!window || key->key() == 0 || key->key() == Qt::Key_unknown)
        return nullptr;
    const QKeySequence pressed(key->keyCombination());
    const auto actions = window->findChildren<QAction *>();
    for (QAction *action : actions) {
        // Only the window's own shortcuts: a widget's local keys stay the widget's.
        if (action->isEnabled() && action->shortcutContext() != Qt::WidgetShortcut &&
            action->shortcuts().contains(pressed))
            return action;
    }
    return nullptr;
}

} // namespace

WindowShortcuts::WindowShortcuts(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    qApp->installEventFilter(this);
}

WindowShortcuts::~WindowShortcuts()
{
    qApp->removeEventFilter(this);
}

bool WindowShortcuts::trigger(QWidget *window, const QKeyEvent *key)
{
    QAction *action = actionFor(window, key);
    if (!action)
        return false;
    action->trigger();
    return true;
}

bool WindowShortcuts::isWindowShortcut(const QWidget *window, const QKeyEvent *key)
{
    return actionFor(window, key) != nullptr;
}

bool WindowShortcuts::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride || !m_window || !watched->isWidgetType())
        return QObject::eventFilter(watched, event);
    const auto *widget = static_cast<QWidget *>(watched);
    const auto *key = static_cast<QKeyEvent *>(event);
    // Plain keys and Shift+key stay with the field: they are typing.
    const Qt::KeyboardModifiers chords = Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
    const bool functionKey = key->key() >= Qt::Key_F1 && key->key() <= Qt::Key_F35;
    if (widget->window() != m_window || (!(key->modifiers() & chords) && !functionKey) ||
        !isWindowShortcut(m_window, key))
        return QObject::eventFilter(watched, event);
    // Not accepted: the field does not keep the key, so the window's shortcut runs.
    event->ignore();
    return true;
}

} // namespace Ui
