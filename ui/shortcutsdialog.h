#pragma once

#include <QDialog>
#include <QList>

class QAction;

namespace Ui {

/**
 * Lists every keyboard shortcut of the window, read from the actions
 * themselves (so the list cannot drift from what the keys do), plus the
 * keys that work inside the form's fields.
 */
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);

    /// Rows of (keys, what they do) as shown; for tests and the README.
    static QList<QPair<QString, QString>> rows(const QList<QAction *> &actions);
};

} // namespace Ui
