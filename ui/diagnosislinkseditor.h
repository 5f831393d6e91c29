#pragma once

#include <QHash>
#include <QStringList>
#include <QWidget>

#include "linedraft.h"
#include "model/finding.h"

class QComboBox;
class QListWidget;
class QPushButton;
class QToolButton;

namespace Ui {

/**
 * The diagnoses a line is linked to, in order: pick one of the encounter's diagnoses and press
 * Enter to link it (the next one is then offered); in the list, Alt+↑/↓ reorder and Delete
 * unlinks. A second link to the same diagnosis is kept, so that the rules can say why it cannot
 * go. The diagnoses of the previous line can be offered to link again in one go (Ctrl+D).
 * Diagnoses show as code and name; each linked row can be marked with its findings.
 */
class DiagnosisLinksEditor : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosisLinksEditor(QWidget *parent = nullptr);

    QComboBox *combo() const { return m_combo; }
    QListWidget *list() const { return m_list; }
    /// The button that links the previous line's diagnoses again (shown while some are offered).
    QPushButton *sameButton() const { return m_sameButton; }

    /// The diagnoses that can be linked; `placeholder` says why there are none.
    void setOptions(const QList<DiagnosisOption> &options, const QString &placeholder);
    /// Condition ids, in order (duplicates kept).
    QStringList ids() const { return m_ids; }
    void setIds(const QStringList &ids);
    /// The previous line's diagnoses, offered as "same diagnoses"; empty: nothing offered.
    void offerSame(const QStringList &ids);
    /// Links the offered diagnoses (Ctrl+D); false when none are offered or already linked.
    bool linkSame();
    /// Back to the first diagnosis, nothing linked, no type-ahead left over; no signal.
    void reset();
    /// Marks the linked rows that have findings (by row), with the findings as tooltips.
    void markRows(const QHash<int, Model::Findings> &byRow);
    /// Selects the linked row and focuses the list, or the picker when nothing is linked.
    void focusRow(int row);

Q_SIGNALS:
    /// The person linked, unlinked or reordered a diagnosis.
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void linkSelected();
    void move(int delta);
    void unlinkCurrent();
    void refreshList();
    void refreshSame();
    QString labelOf(const QString &id) const;

    QList<DiagnosisOption> m_options;
    QStringList m_ids;
    QStringList m_same;
    QComboBox *m_combo = nullptr;
    QToolButton *m_linkButton = nullptr;
    QPushButton *m_sameButton = nullptr;
    QListWidget *m_list = nullptr;
    QToolButton *m_upButton = nullptr;
    QToolButton *m_downButton = nullptr;
    QToolButton *m_removeButton = nullptr;
};

} // namespace Ui
