#pragma once

#include <functional>

#include <QHash>
#include <QSet>
#include <QWidget>

#include "formfield.h"
#include "linedraft.h"

class QAction;
class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QToolButton;

namespace Catalog {
class CodeCatalog;
}

namespace Common {
class Clock;
}

namespace Ui {

class CodeCompletionModel;
class ZonedDateTimeEdit;

/**
 * The superbill line form. Every edit re-runs the core Validator; each
 * finding is shown beside its field (the field marked, the EHR's code and
 * message under it) and listed through findingsChanged(). Submit is refused
 * while an error stands; warnings are shown but allowed.
 *
 * Tab order follows the form: code, (description when the catalog does not
 * know the code), category, performed time (or anesthesia start and end),
 * diagnoses, status, recorded date, submit.
 */
class LineEditor : public QWidget
{
    Q_OBJECT

public:
    explicit LineEditor(QWidget *parent = nullptr);
    ~LineEditor() override;

    /// Takes a line that passed every local rule (lineId -1 for a new line) and returns an
    /// error for a person, or an empty string once the line is safely kept.
    using SubmitHandler = std::function<QString(qint64 lineId, const Model::ProcedureEntry &entry)>;

    /// The code catalog for the completer, descriptions and the rules' code flags; not owned.
    void setCatalog(Catalog::CodeCatalog *catalog);
    void setSubmitHandler(SubmitHandler handler);
    /// Ctrl+Enter; for the window's menus.
    QAction *submitAction() const { return m_submitAction; }
    /// Ctrl+N; for the window's menus.
    QAction *newLineAction() const { return m_newLineAction; }
    /// For tests and tools; the system clock by default.
    void setClock(const Common::Clock *clock);
    /// Anesthesia time-unit length for the estimate (default 15).
    void setUnitMinutes(int minutes);

    /// The encounter lines are entered for. Starts a new line.
    void setEncounter(const EncounterContext &encounter);
    /// Updates what is known about the current encounter (state, diagnoses) without clearing the line.
    void updateEncounter(const EncounterContext &encounter);
    const EncounterContext &encounter() const { return m_encounter; }

    /// Opens a line that came back from the EHR for correction, with the EHR's findings.
    void loadLine(qint64 lineId, const Model::ProcedureEntry &entry, const Model::Findings &ehrFindings);
    /// The outbox line being corrected, or -1 for a new line.
    qint64 lineId() const { return m_lineId; }

    LineDraft draft() const;
    /// True while the form holds something a person typed that is not in the outbox yet.
    bool hasUnsavedInput() const;
    const LineCheck &currentCheck() const { return m_check; }
    /// The Validator's findings followed by the EHR's (when correcting a line).
    Model::Findings allFindings() const;
    /// What the form shows: findings of the fields already filled in (all of them after a submit
    /// attempt), the encounter's, and the EHR's for a line being corrected.
    const Model::Findings &visibleFindings() const { return m_visibleFindings; }

    void focusField(FormField field, int diagnosisIndex = -1);

public Q_SLOTS:
    /// Clears the line for the next one; keeps the encounter and the performed time.
    void newLine();
    /// Refused (returns false, first error focused) while an error stands.
    bool submit();
    void focusCode();

Q_SIGNALS:
    /// The visible findings changed (see visibleFindings()); an edit that changes none sends nothing.
    void findingsChanged(const Model::Findings &findings);
    /// A line was handed to the submit handler and kept; lineId is -1 for a new line.
    void submitted(qint64 lineId, const Model::ProcedureEntry &entry);
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildForm();
    void buildConnections();
    void onCodeEdited(const QString &text);
    void onCompletionActivated(const QModelIndex &index);
    void showCompletions();
    void applyCode(const QString &code, bool fromUser);
    void addSelectedDiagnosis();
    void moveDiagnosis(int delta);
    void removeDiagnosis();
    void refreshDiagnosisOptions();
    void refreshDiagnosisList();
    void refreshEncounterHeader();
    void touch(FormField field);
    void revalidate();
    void showFindings();
    /// The field that shows a finding with this path, as the form stands (period or single time).
    FormField fieldOnForm(const QString &path, int *diagnosisIndex) const;
    void updateTimeLabels();
    void setDescriptionFromCatalog(bool fromCatalog);
    void resetTimes();
    QDateTime nowUtc() const;

    const Common::Clock *m_clock = nullptr;
    Catalog::CodeCatalog *m_catalog = nullptr;
    Rules::CodeFlagsLookup m_codeFlags;
    SubmitHandler m_submitHandler;
    QAction *m_submitAction = nullptr;
    QAction *m_newLineAction = nullptr;
    QString m_codeVersion;
    EncounterContext m_encounter;
    qint64 m_lineId = -1;
    int m_unitMinutes = 15;
    LineCheck m_check;
    Model::Findings m_ehrFindings;
    Model::Findings m_visibleFindings;
    QSet<FormField> m_touched;
    bool m_submitAttempted = false;
    bool m_recordedFollowsNow = true;
    bool m_descriptionFromCatalog = false;
    bool m_loading = false;
    QStringList m_diagnosisIds;
    QList<Model::Identifier> m_identifiers;
    QString m_ehrId;

    QLabel *m_encounterLabel = nullptr;
    QLabel *m_encounterStateLabel = nullptr;
    QLabel *m_modeLabel = nullptr;
    QLineEdit *m_codeEdit = nullptr;
    QLineEdit *m_descriptionEdit = nullptr;
    QLabel *m_codeKindLabel = nullptr;
    QCompleter *m_completer = nullptr;
    CodeCompletionModel *m_completionModel = nullptr;
    QComboBox *m_categoryCombo = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QWidget *m_performedRow = nullptr;
    QLabel *m_performedCaption = nullptr;
    ZonedDateTimeEdit *m_performedEdit = nullptr;
    QLabel *m_performedOffsetLabel = nullptr;
    QWidget *m_periodRow = nullptr;
    QLabel *m_periodCaption = nullptr;
    ZonedDateTimeEdit *m_startEdit = nullptr;
    ZonedDateTimeEdit *m_endEdit = nullptr;
    QLabel *m_startOffsetLabel = nullptr;
    QLabel *m_endOffsetLabel = nullptr;
    QLabel *m_minutesLabel = nullptr;
    QLabel *m_unitsLabel = nullptr;
    ZonedDateTimeEdit *m_recordedEdit = nullptr;
    QLabel *m_recordedOffsetLabel = nullptr;
    QComboBox *m_diagnosisCombo = nullptr;
    QToolButton *m_addDiagnosisButton = nullptr;
    QListWidget *m_diagnosisList = nullptr;
    QToolButton *m_upButton = nullptr;
    QToolButton *m_downButton = nullptr;
    QToolButton *m_removeButton = nullptr;
    QPushButton *m_newLineButton = nullptr;
    QPushButton *m_submitButton = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QHash<FormField, QLabel *> m_messageLabels;
    QHash<FormField, QWidget *> m_fieldWidgets;
};

} // namespace Ui
