#pragma once

#include <functional>

#include <QHash>
#include <QSet>
#include <QWidget>

#include "findingspresenter.h"
#include "formfield.h"
#include "linedraft.h"

class QAction;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;

namespace Catalog {
class CodeCatalog;
struct CodeEntry;
} // namespace Catalog

namespace Common {
class Clock;
}

namespace Ui {

class CodeField;
class DiagnosisLinksEditor;
class ProcedureTimeEditor;
class ZonedDateTimeEdit;

/**
 * The superbill line form. Every edit re-runs the core Validator; each
 * finding is shown beside its field (the field marked, the EHR's code and
 * message under it) and listed through findingsChanged(). Submit is refused
 * while an error stands; a warning asks once (Enter submits, Esc goes back).
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
    /// Asks a person whether the line being typed may be dropped (the question is given); true: it may.
    using DropConfirmation = std::function<bool(const QString &question)>;
    /// Asked before New line (Ctrl+N) drops a line being typed; without one, it is dropped.
    void setDropConfirmation(DropConfirmation confirm) { m_confirmDrop = std::move(confirm); }
    /// Ctrl+Enter; for the window's menus.
    QAction *submitAction() const { return m_submitAction; }
    /// Ctrl+N; for the window's menus.
    QAction *newLineAction() const { return m_newLineAction; }
    /// Ctrl+D: link the previous line's diagnoses again.
    QAction *sameDiagnosesAction() const { return m_sameDiagnosesAction; }
    /// For tests and tools; the system clock by default.
    void setClock(const Common::Clock *clock);
    /// Anesthesia time-unit length for the estimate (default 15).
    void setUnitMinutes(int minutes);

    /// The encounter lines are entered for. Starts a new line.
    void setEncounter(const EncounterContext &encounter);
    /// Updates what is known about the current encounter (state, diagnoses) without clearing the line.
    void updateEncounter(const EncounterContext &encounter);
    const EncounterContext &encounter() const { return m_encounter; }
    /// The encounter's lines already sent or queued (without the one being corrected), for the
    /// duplicate warning.
    void setEncounterLines(const QList<Model::ProcedureEntry> &lines);

    /// One open encounter a refused line can be moved to.
    struct EncounterChoice
    {
        QString id;
        QString title;
    };
    /// The patient's other open encounters, offered when the line's own encounter is closed.
    void setMoveTargets(const QList<EncounterChoice> &targets);
    /// Puts the line being corrected on another encounter of the same patient, keeping the code,
    /// the times and the diagnoses the other encounter knows; the person then resends it.
    void moveToEncounter(const EncounterContext &encounter);
    /// Focuses what can be done about a line whose encounter is closed: move it, else discard it.
    void focusClosedEncounterActions();

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
    const Model::Findings &visibleFindings() const { return m_view.visible; }
    /// The form's findings as shown, with the summary the footer and the findings panel share.
    const FindingsView &findingsView() const { return m_view; }

    void focusField(FormField field, int diagnosisIndex = -1);
    /// The whole form without scrolling (it scrolls when given less).
    QSize sizeHint() const override;

public Q_SLOTS:
    /// Clears the line for the next one; keeps the encounter and the performed time.
    void newLine();
    /// Refused (returns false, first error focused) while an error stands; with a warning standing,
    /// asks once first and returns false until the person confirms.
    bool submit();
    void focusCode();

Q_SIGNALS:
    /// The visible findings changed (see visibleFindings()); an edit that changes none sends nothing.
    void findingsChanged(const Model::Findings &findings);
    /// The summary of the findings changed (text and state, see FindingsView).
    void summaryChanged(const QString &summary, const QString &state);
    /// A line was handed to the submit handler and kept; lineId is -1 for a new line.
    void submitted(qint64 lineId, const Model::ProcedureEntry &entry);
    void message(const QString &text);
    /// The person asks to discard the refused line `lineId` (its encounter is closed).
    void discardRequested(qint64 lineId);
    /// The person asks to move the refused line `lineId` to the open encounter `encounterId`.
    void moveRequested(qint64 lineId, const QString &encounterId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildForm();
    void buildClosedEncounterBar(QWidget *parent);
    void buildConfirmBar(QWidget *parent);
    void buildActions();
    void onCodeEdited(const QString &code);
    void onCompletionChosen(const Catalog::CodeEntry &entry);
    void applyKnownCode();
    /// Tells the code field whether the encounter already has a primary code (add-ons then rank as usual).
    void refreshPrimaryCodeOnLine();
    void suggestCategory();
    void offerEnteredInError(bool correcting);
    void refreshEncounterHeader();
    void refreshClosedBar();
    void refreshDiagnosisOptions();
    void touch(FormField field);
    void revalidate();
    void showFindings();
    void setDescriptionFromCatalog(bool fromCatalog);
    void showDescription(const QString &text);
    void resetTimes();
    void askToConfirmWarnings();
    void ensureFocusVisible(QWidget *now);
    void hideConfirmBar(bool backToField);
    QDateTime nowUtc() const;

    const Common::Clock *m_clock = nullptr;
    Catalog::CodeCatalog *m_catalog = nullptr;
    Rules::CodeFlagsLookup m_codeFlags;
    SubmitHandler m_submitHandler;
    DropConfirmation m_confirmDrop;
    QAction *m_submitAction = nullptr;
    QAction *m_newLineAction = nullptr;
    QAction *m_sameDiagnosesAction = nullptr;
    QString m_codeVersion;
    EncounterContext m_encounter;
    QList<Model::ProcedureEntry> m_encounterLines;
    qint64 m_lineId = -1;
    LineCheck m_check;
    FindingsView m_view;
    Model::Findings m_ehrFindings;
    QSet<FormField> m_touched;
    bool m_submitAttempted = false;
    bool m_recordedFollowsNow = true;
    bool m_descriptionFromCatalog = false;
    bool m_loading = false;
    bool m_codeBeingTyped = false;
    /// The warnings the person confirmed for this line; asked again only when they change.
    Model::Findings m_confirmedWarnings;
    /// The previous line's diagnoses on this encounter, offered again with Ctrl+D.
    QStringList m_lastDiagnoses;
    QList<Model::Identifier> m_identifiers;
    QString m_ehrId;

    QLabel *m_encounterLabel = nullptr;
    QLabel *m_encounterStateLabel = nullptr;
    QLabel *m_encounterNoteLabel = nullptr;
    QLabel *m_modeLabel = nullptr;
    CodeField *m_codeField = nullptr;
    QLineEdit *m_descriptionEdit = nullptr;
    QLabel *m_codeKindLabel = nullptr;
    QComboBox *m_categoryCombo = nullptr;
    QComboBox *m_statusCombo = nullptr;
    ProcedureTimeEditor *m_times = nullptr;
    ZonedDateTimeEdit *m_recordedEdit = nullptr;
    QLabel *m_recordedOffsetLabel = nullptr;
    DiagnosisLinksEditor *m_diagnoses = nullptr;
    QPushButton *m_newLineButton = nullptr;
    QPushButton *m_submitButton = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QScrollArea *m_scroll = nullptr;
    QFrame *m_closedBar = nullptr;
    QLabel *m_closedLabel = nullptr;
    QWidget *m_closedActions = nullptr;
    QComboBox *m_moveCombo = nullptr;
    QPushButton *m_moveButton = nullptr;
    QPushButton *m_discardButton = nullptr;
    QFrame *m_confirmBar = nullptr;
    QLabel *m_confirmLabel = nullptr;
    QPushButton *m_confirmButton = nullptr;
    QPushButton *m_backButton = nullptr;
    QList<QWidget *> m_inputs; ///< what a person types into; disabled while the form is read-only
    QHash<FormField, QLabel *> m_messageLabels;
    QHash<FormField, QWidget *> m_fieldWidgets;
    QMetaObject::Connection m_focusWatch;
};

} // namespace Ui
