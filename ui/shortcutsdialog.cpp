#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Ui {

QList<QPair<QString, QString>> ShortcutsDialog::rows(const QList<QAction *> &actions)
{
    QList<QPair<QString, QString>> result;
    for (const QAction *action : actions) {
        if (action->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys << sequence.toString(QKeySequence::NativeText);
        QString text = action->text();
        text.remove(u'&');
        text.remove(QStringLiteral("…"));
        //: Between two key sequences of one action, e.g. "Ctrl+Return  or  Ctrl+Enter".
        result.append({keys.join(tr("  or  ")), text});
    }
    result.append({tr("Alt + underlined letter"), tr("Jump to that field of the form")});
    result.append({tr("Tab / Shift+Tab"), tr("Next / previous field, in the order of the form")});
    result.append({tr("↓ in an empty CPT code"), tr("Show favourite and recent codes")});
    result.append({tr("Enter or Tab in the code list"), tr("Take the highlighted code and its description")});
    result.append({tr("Ctrl+B in CPT code"), tr("Star the code as a favourite, or unstar it")});
    result.append({tr("F4 or Alt+↓ in a date"), tr("Open the calendar; arrows move, Enter takes the day")});
    result.append({tr("Enter in Diagnoses"), tr("Link the selected diagnosis")});
    result.append({tr("Alt+Up / Alt+Down"), tr("Move the linked diagnosis up / down")});
    result.append({tr("Delete"), tr("Unlink the selected diagnosis")});
    result.append({tr("Enter in the queue"), tr("Open the line for correction")});
    result.append({tr("Enter / Esc on a warning"), tr("Submit anyway / go back to the field")});
    return result;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    resize(640, 600);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    auto *intro = new QLabel(tr("Every line can be entered without the mouse."), this);
    intro->setProperty("role", QStringLiteral("hint"));
    layout->addWidget(intro);
    const auto list = rows(actions);
    auto *table = new QTableWidget(int(list.size()), 2, this);
    table->setObjectName(QStringLiteral("shortcutsTable"));
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->verticalHeader()->setDefaultSectionSize(30);
    // The list is longer than the dialog on a small screen: arrows, Page Up/Down, Home and End scroll it.
    table->setFocusPolicy(Qt::StrongFocus);
    table->setTabKeyNavigation(false);
    for (int row = 0; row < list.size(); ++row) {
        auto *keys = new QTableWidgetItem(list.at(row).first);
        QFont bold = keys->font();
        bold.setBold(true);
        keys->setFont(bold);
        table->setItem(row, 0, keys);
        table->setItem(row, 1, new QTableWidgetItem(list.at(row).second));
    }
    table->resizeColumnToContents(0);
    table->setColumnWidth(0, table->columnWidth(0) + 24);
    layout->addWidget(table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    table->setCurrentCell(0, 0);
    table->setFocus(Qt::OtherFocusReason);
}

} // namespace Ui
