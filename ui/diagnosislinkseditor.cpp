#include "diagnosislinkseditor.h"

#include <algorithm>

#include <QAbstractItemView>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include "combotypeahead.h"
#include "compactcombobox.h"
#include "findingspresenter.h"
#include "theme.h"

namespace Ui {

// Words the line form has always shown keep its translation context ("Ui::LineEditor"), so their
// translations stay with them.

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QToolButton *makeToolButton(const QString &objectName, const QString &icon, const QString &tip,
                            QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setIcon(cachedIcon(icon));
    button->setToolTip(tip);
    button->setAccessibleName(tip);
    button->setAutoRaise(true);
    // Reachable through the keyboard shortcuts of the list; the Tab chain stays short.
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

} // namespace

DiagnosisLinksEditor::DiagnosisLinksEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("diagnosisLinksEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    m_combo = new CompactComboBox(20, this);
    new ComboTypeAhead(m_combo);
    m_combo->setObjectName(QStringLiteral("diagnosisCombo"));
    m_combo->setAccessibleName(QCoreApplication::translate("Ui::LineEditor", "Diagnosis to link"));
    m_combo->setToolTip(
        QCoreApplication::translate("Ui::LineEditor", "Enter links the diagnosis to the line"));
    m_linkButton = new QToolButton(this);
    m_linkButton->setObjectName(QStringLiteral("addDiagnosisButton"));
    m_linkButton->setText(QCoreApplication::translate("Ui::LineEditor", "Link"));
    m_linkButton->setIcon(cachedIcon(QStringLiteral(":/icons/add.svg")));
    m_linkButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_linkButton->setAccessibleName(QCoreApplication::translate("Ui::LineEditor", "Link diagnosis"));
    m_linkButton->setToolTip(
        QCoreApplication::translate("Ui::LineEditor", "Link the selected diagnosis (Enter)"));
    m_linkButton->setFocusPolicy(Qt::NoFocus);
    auto *pickRow = new QHBoxLayout;
    pickRow->setSpacing(8);
    pickRow->addWidget(m_combo, 1);
    pickRow->addWidget(m_linkButton);
    layout->addLayout(pickRow);

    m_sameButton = new QPushButton(this);
    m_sameButton->setObjectName(QStringLiteral("sameDiagnosesButton"));
    m_sameButton->setAccessibleName(tr("Link the same diagnoses as the previous line"));
    m_sameButton->setProperty("role", QStringLiteral("suggestion"));
    m_sameButton->setFocusPolicy(Qt::NoFocus);
    m_sameButton->setVisible(false);
    layout->addWidget(m_sameButton, 0, Qt::AlignLeft);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("diagnosisList"));
    m_list->setAccessibleName(QCoreApplication::translate("Ui::LineEditor", "Linked diagnoses, in order"));
    m_list->setToolTip(
        QCoreApplication::translate("Ui::LineEditor", "Alt+Up / Alt+Down reorder, Delete unlinks"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setFixedHeight(88);
    m_list->setProperty("role", QStringLiteral("linked"));
    m_upButton =
        makeToolButton(QStringLiteral("moveDiagnosisUpButton"), QStringLiteral(":/icons/arrow-up.svg"),
                       QCoreApplication::translate("Ui::LineEditor", "Move up (Alt+Up)"), this);
    m_downButton =
        makeToolButton(QStringLiteral("moveDiagnosisDownButton"), QStringLiteral(":/icons/arrow-down.svg"),
                       QCoreApplication::translate("Ui::LineEditor", "Move down (Alt+Down)"), this);
    m_removeButton =
        makeToolButton(QStringLiteral("removeDiagnosisButton"), QStringLiteral(":/icons/remove.svg"),
                       QCoreApplication::translate("Ui::LineEditor", "Unlink (Delete)"), this);
    auto *listButtons = new QVBoxLayout;
    listButtons->setSpacing(0);
    listButtons->addWidget(m_upButton);
    listButtons->addWidget(m_downButton);
    listButtons->addWidget(m_removeButton);
    listButtons->addStretch(1);
    auto *listRow = new QHBoxLayout;
    listRow->setSpacing(4);
    listRow->addWidget(m_list, 1);
    listRow->addLayout(listButtons);
    layout->addLayout(listRow);

    setTabOrder(m_combo, m_list);
    connect(m_linkButton, &QToolButton::clicked, this, &DiagnosisLinksEditor::linkSelected);
    connect(m_sameButton, &QPushButton::clicked, this, &DiagnosisLinksEditor::linkSame);
    connect(m_upButton, &QToolButton::clicked, this, [this] { move(-1); });
    connect(m_downButton, &QToolButton::clicked, this, [this] { move(+1); });
    connect(m_removeButton, &QToolButton::clicked, this, &DiagnosisLinksEditor::unlinkCurrent);
    m_combo->installEventFilter(this);
    m_list->installEventFilter(this);
}

void DiagnosisLinksEditor::setOptions(const QList<DiagnosisOption> &options, const QString &placeholder)
{
    m_options = options;
    const QString current = m_combo->currentData(IdRole).toString();
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    for (const auto &option : options) {
        m_combo->addItem(option.label());
        m_combo->setItemData(m_combo->count() - 1, option.id, IdRole);
        m_combo->setItemData(m_combo->count() - 1, option.label(), Qt::ToolTipRole);
    }
    m_combo->setPlaceholderText(placeholder);
    const int index = m_combo->findData(current, IdRole);
    m_combo->setCurrentIndex(index >= 0 ? index : (m_combo->count() > 0 ? 0 : -1));
    refreshList();
}

void DiagnosisLinksEditor::setIds(const QStringList &ids)
{
    m_ids = ids;
    refreshList();
}

void DiagnosisLinksEditor::offerSame(const QStringList &ids)
{
    m_same = ids;
    refreshSame();
}

bool DiagnosisLinksEditor::linkSame()
{
    if (m_same.isEmpty() || m_same == m_ids)
        return false;
    m_ids = m_same;
    refreshList();
    m_list->setCurrentRow(int(m_ids.size()) - 1);
    Q_EMIT changed();
    return true;
}

void DiagnosisLinksEditor::reset()
{
    m_ids.clear();
    refreshList();
    if (m_combo->count() > 0)
        m_combo->setCurrentIndex(0);
    // Letters typed into a combo add up for a moment (type-ahead); a new line starts afresh.
    ComboTypeAhead::reset(m_combo);
}

QString DiagnosisLinksEditor::labelOf(const QString &id) const
{
    const auto found = std::find_if(m_options.cbegin(), m_options.cend(),
                                    [&id](const auto &option) { return option.id == id; });
    return found == m_options.cend() ? id : found->label();
}

void DiagnosisLinksEditor::refreshList()
{
    const int current = m_list->currentRow();
    m_list->clear();
    for (qsizetype i = 0; i < m_ids.size(); ++i) {
        auto *item =
            new QListWidgetItem(QStringLiteral("%1.  %2").arg(i + 1).arg(labelOf(m_ids.at(i))), m_list);
        item->setData(IdRole, m_ids.at(i));
    }
    if (!m_ids.isEmpty())
        m_list->setCurrentRow(std::clamp(current, 0, int(m_ids.size()) - 1));
    refreshSame();
}

void DiagnosisLinksEditor::refreshSame()
{
    const bool offered = !m_same.isEmpty() && m_same != m_ids;
    m_sameButton->setVisible(offered);
    if (!offered)
        return;
    QStringList codes;
    for (const QString &id : std::as_const(m_same)) {
        const auto found = std::find_if(m_options.cbegin(), m_options.cend(),
                                        [&id](const auto &option) { return option.id == id; });
        codes << (found == m_options.cend() || found->code.isEmpty() ? id : found->code);
    }
    m_sameButton->setText(tr("Same diagnoses (Ctrl+D): %1").arg(codes.join(QStringLiteral(", "))));
}

void DiagnosisLinksEditor::linkSelected()
{
    const QString id = m_combo->currentData(IdRole).toString();
    if (id.isEmpty())
        return;
    // A second link to the same diagnosis is kept and reported by the Validator (500036),
    // so the clerk sees why it cannot go, instead of a silent refusal.
    m_ids.append(id);
    refreshList();
    m_list->setCurrentRow(int(m_ids.size()) - 1);
    if (m_combo->currentIndex() + 1 < m_combo->count())
        m_combo->setCurrentIndex(m_combo->currentIndex() + 1);
    Q_EMIT changed();
}

void DiagnosisLinksEditor::move(int delta)
{
    const int row = m_list->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_ids.size())
        return;
    m_ids.move(row, target);
    refreshList();
    m_list->setCurrentRow(target);
    Q_EMIT changed();
}

void DiagnosisLinksEditor::unlinkCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_ids.size())
        return;
    m_ids.removeAt(row);
    refreshList();
    Q_EMIT changed();
}

void DiagnosisLinksEditor::markRows(const QHash<int, Model::Findings> &byRow)
{
    // Every row gets an icon (a blank one when fine) so the texts stay aligned.
    static const QIcon blank = [] {
        QPixmap pixmap(16, 16);
        pixmap.fill(Qt::transparent);
        return QIcon(pixmap);
    }();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const Model::Findings findings = byRow.value(row);
        const bool error = Model::hasErrors(findings);
        item->setIcon(findings.isEmpty() ? blank
                                         : cachedIcon(error ? QStringLiteral(":/icons/error.svg")
                                                            : QStringLiteral(":/icons/warning.svg")));
        item->setToolTip(FindingsPresenter::tipText(findings));
    }
}

void DiagnosisLinksEditor::focusRow(int row)
{
    if (m_list->count() == 0) {
        m_combo->setFocus(Qt::OtherFocusReason);
        return;
    }
    if (row >= 0 && row < m_list->count())
        m_list->setCurrentRow(row);
    m_list->setFocus(Qt::OtherFocusReason);
}

bool DiagnosisLinksEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    const auto mods = key->modifiers() & ~Qt::KeypadModifier;
    if (watched == m_combo && (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
        mods == Qt::NoModifier) {
        linkSelected();
        return true;
    }
    if (watched == m_list) {
        if (mods == Qt::AltModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            move(key->key() == Qt::Key_Up ? -1 : +1);
            return true;
        }
        if (mods == Qt::NoModifier && (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace)) {
            unlinkCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Ui
