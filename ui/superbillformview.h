#pragma once

#include <functional>

#include <QHash>
#include <QPointer>
#include <QWidget>

#include "common/result.h"
#include "outbox/outboxline.h"
#include "superbillsheet.h"

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;

namespace Catalog {
class CodeCatalog;
}
namespace Common {
class Clock;
}

namespace Ui {

class OutboxLinesModel;
class SuperbillGrid;
class SuperbillRowWidget;

/**
 * The practice's superbill on screen, for a clerk holding the paper form: the encounter's
 * diagnoses lettered A, B, C… at the top (picked from the patient's conditions, reorderable), and
 * the template's codes in columns by section, each with its tick box, code, label and pointers.
 *
 * Keyboard, in the codes: typing a code, or the first digits that make it unique on the form,
 * moves to it and ticks it; letters then type its pointers (none means A); Space ticks or unticks;
 * Enter goes on to the next code; F2 edits the row's time; + or Ctrl+K adds a code that is not on
 * the form (under "Other") through the code search. Every ticked row is checked by the core
 * Validator as it changes, its findings shown under it. Submit (Ctrl+Enter) queues every ticked
 * row in one outbox transaction, in form order; rows already sent or queued for the encounter are
 * shown with their state and cannot be ticked again, and a row the EHR refused comes back ticked
 * with the EHR's finding.
 */
class SuperbillFormView : public QWidget
{
    Q_OBJECT

public:
    /// Keeps the rows' lines (new ones and corrections) in one transaction; their ids, or why not.
    using SubmitHandler = std::function<Common::Result<QList<qint64>>(const QList<Outbox::LineWrite> &)>;

    explicit SuperbillFormView(QWidget *parent = nullptr);
    ~SuperbillFormView() override;

    /// The catalog for descriptions, the rules' code flags and the code search; its template (or the
    /// training template) becomes the form. Not owned.
    void setCatalog(Catalog::CodeCatalog *catalog);
    void setTemplate(const Superbill::SuperbillTemplate &superbill);
    void setSubmitHandler(SubmitHandler handler);
    /// The encounter's outbox lines (sent, queued, refused), followed as they change. Not owned.
    void setLinesModel(OutboxLinesModel *model);
    void setClock(const Common::Clock *clock);
    void setUnitMinutes(int minutes);

    /// A new encounter: nothing ticked, no diagnoses lettered yet.
    void setEncounter(const EncounterContext &encounter);
    /// What is known about the encounter changed; the form is kept.
    void updateEncounter(const EncounterContext &encounter);

    const SuperbillSheet &sheet() const { return m_sheet; }
    /// The row with the keyboard's attention, or -1.
    int currentRow() const { return m_current; }
    /// What has been typed of a code not yet unique on the form.
    QString typedCode() const { return m_typed; }
    /// True while the form holds ticks that are not in the outbox yet.
    bool hasUnsavedInput() const;

    QAction *submitAction() const { return m_submitAction; }
    QAction *addCodeAction() const { return m_addCodeAction; }

public Q_SLOTS:
    /// Checks every ticked row; queues them all in one transaction when none has an error.
    bool submit();
    /// Focus to the diagnoses when none is lettered yet, else to the codes.
    void focusForm();
    /// Re-runs the Validator on every ticked row and updates the whole form.
    void recheckAll();
    /// Adds a code through the code search (+ or Ctrl+K).
    void addCode();
    /// Adds this code of the catalog (its row on the form, or under "Other"), ticked and current.
    bool addCatalogCode(const QString &code);

Q_SIGNALS:
    void message(const QString &text);
    /// Rows were queued (or corrected) in the outbox.
    void submitted(int lines);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    friend class SuperbillGrid;

    void buildForm();
    void buildDiagnoses(QWidget *parent);
    void rebuildRows();
    void updateRow(int index);
    void updateSummary();
    void updateDiagnosisList();
    void refillDiagnosisCombo();
    void linkSelectedDiagnosis();
    void moveDiagnosis(int delta);
    void removeDiagnosis();
    void setDiagnoses(const QStringList &ids);
    void syncWithOutbox();
    void setCurrent(int index);
    void showCurrentRow();
    void changed(int index);
    bool gridKey(int key, Qt::KeyboardModifiers modifiers, const QString &text);
    void typeCodeCharacter(QChar character);
    void clearTyped();
    void typePointer(QChar letter);
    void toggle(int index);
    void editTime(int index);
    void onTimeEdited(int index);
    QDateTime nowUtc() const;
    QString diagnosisText(const QString &id) const;

    SuperbillSheet m_sheet;
    QPointer<Catalog::CodeCatalog> m_catalog;
    QPointer<OutboxLinesModel> m_linesModel;
    SubmitHandler m_submitHandler;
    const Common::Clock *m_clock = nullptr;
    int m_unitMinutes = 15;
    int m_current = -1;
    QString m_typed;
    QString m_completing; ///< the code ticked by its first digits, whose rest may still be typed
    QString m_templateName;

    QLabel *m_encounterLabel = nullptr;
    QLabel *m_templateLabel = nullptr;
    QComboBox *m_diagnosisCombo = nullptr;
    QListWidget *m_diagnosisList = nullptr;
    QLabel *m_diagnosisHint = nullptr;
    QScrollArea *m_scroll = nullptr;
    SuperbillGrid *m_grid = nullptr;
    QList<SuperbillRowWidget *> m_rowWidgets;
    QLabel *m_typedLabel = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QPushButton *m_submitButton = nullptr;
    QAction *m_submitAction = nullptr;
    QAction *m_addCodeAction = nullptr;
};

} // namespace Ui
