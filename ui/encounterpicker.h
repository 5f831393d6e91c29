#pragma once

#include <QPointer>
#include <QTimeZone>
#include <QTimer>
#include <QWidget>

#include "ehr/conditionsummary.h"
#include "ehr/encountersummary.h"
#include "ehr/patientsummary.h"
#include "linedraft.h"
#include "outbox/patientdirectory.h"

class QLabel;
class QLineEdit;
class QListView;

namespace Ui {

class EncounterListModel;
class PatientListModel;

/// The form's view of an encounter: its facts for the Validator, its zone (else the clinic's), and the
/// patient's diagnoses with this encounter's own first.
EncounterContext makeEncounterContext(const Ehr::PatientSummary &patient,
                                      const Ehr::EncounterSummary &encounter,
                                      const QList<Ehr::ConditionSummary> &conditions, bool conditionsKnown,
                                      const QTimeZone &clinicZone);

/// Whether a diagnoses answer is the patient's whole list, so that a link outside it can be reported
/// (500037): an offline copy without any of this patient's diagnoses cannot tell.
bool listsAllDiagnoses(const Outbox::ConditionResult &conditions);

/**
 * Patient search (name, MRN or id) → the patient's encounters. Open encounters
 * can be chosen; signed-off and billed ones are listed, disabled, with the
 * reason. Keyboard: type, ↓ into the results, Enter to go on. When the EHR
 * cannot answer, the offline copy answers and the picker says how old it is.
 */
class EncounterPicker : public QWidget
{
    Q_OBJECT

public:
    explicit EncounterPicker(QWidget *parent = nullptr);

    /// Where patients (by name, MRN or id), encounters and diagnoses come from: the EHR, or its
    /// offline copy.
    void setDirectory(Outbox::PatientDirectory *directory);
    void setClinicZone(const QTimeZone &zone) { m_clinicZone = zone; }

    PatientListModel *patientModel() const { return m_patients; }
    EncounterListModel *encounterModel() const { return m_encounters; }
    /// The context of an encounter of the selected patient (for tests and re-opening lines).
    std::optional<EncounterContext> contextFor(const QString &encounterId) const;

public Q_SLOTS:
    void focusSearch();
    /// Searches now (also when the text is unchanged: the EHR may have come back), and reloads the
    /// encounters of the patient found.
    void search();
    /// Reloads the selected patient's encounters and diagnoses from the EHR (F5).
    void refresh();
    /// The EHR answers again: what came from the offline copy is fetched again (the selection kept).
    void ehrAnswers();
    /// Enter in the search box: opens the highlighted patient (searching first when the text is new).
    void openHighlighted();
    /// Opens a patient: the only open encounter is chosen at once, else the encounters get the focus.
    void openPatient(const QString &patientId);

Q_SIGNALS:
    void encounterChosen(const Ui::EncounterContext &encounter);
    /// The patient's encounters and diagnoses have both arrived: an encounter opened before its
    /// diagnoses came in can now be brought up to date (contextFor gives what is known now).
    void patientLoaded(const QString &patientId);
    /// A search or load is done (for tests).
    void loaded();
    /// What is known about the listed encounters changed (a load, or the EHR said one is closed).
    void encountersChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void selectPatient(const QString &patientId);
    void runSearch();
    void onEncounterClosed(const Ehr::EncounterSummary &encounter);
    void showEncounterStatus();
    void finishOpening();
    void chooseEncounter(const QModelIndex &index);
    void setStatus(QLabel *label, const QString &text, bool problem);

    QPointer<Outbox::PatientDirectory> m_directory;
    QTimeZone m_clinicZone;
    QLineEdit *m_searchEdit = nullptr;
    QListView *m_patientView = nullptr;
    QListView *m_encounterView = nullptr;
    QLabel *m_patientStatus = nullptr;
    QLabel *m_encounterStatus = nullptr;
    PatientListModel *m_patients = nullptr;
    EncounterListModel *m_encounters = nullptr;
    QTimer m_debounce;
    QString m_patientId;
    QString m_loadedPatientId; ///< whose encounters and diagnoses are loaded
    bool m_editedSinceSearch = false;
    bool m_searching = false;
    bool m_openRequested = false;
    QString m_openingPatientId; ///< whom Enter asked to open
    QList<Ehr::ConditionSummary> m_conditions;
    bool m_conditionsKnown = false;
    bool m_encountersFromCache = false;
    bool m_patientsFromCache = false;
    QString m_keepPatientId; ///< selected again after a search that fetches the same list afresh
    QDateTime m_cachedAt;
    quint64 m_searchGeneration = 0;
    quint64 m_loadGeneration = 0;
};

} // namespace Ui
