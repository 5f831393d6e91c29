#include "encounterpicker.h"

#include <algorithm>
#include <memory>

#include <QEvent>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QVBoxLayout>

#include "ehr/ehrclient.h"
#include "encounterlistmodel.h"
#include "patientlistmodel.h"
#include "theme.h"
#include "wrappedlabel.h"

namespace Ui {

namespace {

QString offlineNote(const QDateTime &cachedAt)
{
    if (!cachedAt.isValid())
        return EncounterPicker::tr("The EHR cannot be reached and nothing is saved offline.");
    return EncounterPicker::tr("The EHR cannot be reached: offline copy from %1.")
        .arg(QLocale().toString(cachedAt.toLocalTime(), QStringLiteral("d MMM HH:mm")));
}

/// A list of patients or encounters: two lines an item with an icon, read-only.
QListView *makeListView(const QString &objectName, const QString &accessibleName, QAbstractItemModel *model,
                        QWidget *parent)
{
    auto *view = new QListView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setIconSize(QSize(18, 18));
    view->setSpacing(1);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setTextElideMode(Qt::ElideRight);
    return view;
}

QLabel *makeStatusLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new WrappedLabel(parent);
    label->setObjectName(objectName);
    label->setProperty("role", QStringLiteral("hint"));
    return label;
}

} // namespace

EncounterContext makeEncounterContext(const Ehr::PatientSummary &patient,
                                      const Ehr::EncounterSummary &encounter,
                                      const QList<Ehr::ConditionSummary> &conditions, bool conditionsKnown,
                                      const QTimeZone &clinicZone)
{
    EncounterContext context;
    context.patientId = patient.id.isEmpty() ? encounter.patientId : patient.id;
    context.patientName = patient.displayName();
    context.encounterId = encounter.id;
    context.timeZone = encounter.zone().isValid() ? encounter.zone()
                       : clinicZone.isValid()     ? clinicZone
                                                  : QTimeZone::systemTimeZone();
    context.start = encounter.start.isValid() ? encounter.start.toTimeZone(context.timeZone) : QDateTime();
    context.facts = encounter.facts();
    context.stateText = EncounterListModel::stateText(encounter);
    QStringList title{EncounterListModel::whenText(encounter)};
    if (!encounter.type.isEmpty())
        title << encounter.type;
    context.title = title.join(QStringLiteral("  ·  "));
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto &condition : conditions) {
            const bool own = condition.encounterId == encounter.id;
            if ((pass == 0) == own)
                context.diagnoses.append({condition.id, condition.code, condition.display});
        }
    }
    context.diagnosesKnown = conditionsKnown;
    return context;
}

bool listsAllDiagnoses(const Outbox::ConditionResult &conditions)
{
    return !conditions.fromCache || !conditions.items.isEmpty();
}

EncounterPicker::EncounterPicker(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("encounterPicker"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->setSpacing(6);

    auto *patientTitle = new QLabel(tr("Patient"), this);
    patientTitle->setProperty("role", QStringLiteral("sectionTitle"));
    layout->addWidget(patientTitle);
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("patientSearchEdit"));
    m_searchEdit->setAccessibleName(tr("Find patient by name, MRN or id"));
    m_searchEdit->setPlaceholderText(tr("Name, MRN or id  (Ctrl+F)"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->addAction(cachedIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    patientTitle->setBuddy(m_searchEdit);
    layout->addWidget(m_searchEdit);

    m_patients = new PatientListModel(this);
    m_patientView = makeListView(QStringLiteral("patientList"), tr("Patients found"), m_patients, this);
    m_patientView->setUniformItemSizes(true);
    layout->addWidget(m_patientView, 3);
    m_patientStatus = makeStatusLabel(QStringLiteral("patientStatusLabel"), this);
    layout->addWidget(m_patientStatus);

    layout->addSpacing(6);
    auto *encounterTitle = new QLabel(tr("Encounters"), this);
    encounterTitle->setProperty("role", QStringLiteral("sectionTitle"));
    layout->addWidget(encounterTitle);
    m_encounters = new EncounterListModel(this);
    m_encounterView =
        makeListView(QStringLiteral("encounterList"), tr("Encounters of the patient"), m_encounters, this);
    layout->addWidget(m_encounterView, 4);
    m_encounterStatus = makeStatusLabel(QStringLiteral("encounterStatusLabel"), this);
    layout->addWidget(m_encounterStatus);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &EncounterPicker::search);
    connect(m_searchEdit, &QLineEdit::textEdited, this, [this] {
        m_editedSinceSearch = true;
        m_debounce.start();
    });
    connect(m_patientView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectPatient(current.data(PatientListModel::PatientIdRole).toString());
            });
    connect(m_patientView, &QListView::activated, this, [this](const QModelIndex &index) {
        openPatient(index.data(PatientListModel::PatientIdRole).toString());
    });
    connect(m_encounterView, &QListView::activated, this, &EncounterPicker::chooseEncounter);
    connect(m_encounterView, &QListView::clicked, this, &EncounterPicker::chooseEncounter);
    m_searchEdit->installEventFilter(this);
    setStatus(m_patientStatus, tr("Type a name or MRN."), false);
    setStatus(m_encounterStatus, tr("Pick a patient to see the encounters."), false);
}

void EncounterPicker::setDirectory(Outbox::PatientDirectory *directory)
{
    if (m_directory)
        disconnect(m_directory, nullptr, this, nullptr);
    m_directory = directory;
    if (m_directory)
        connect(m_directory, &Outbox::PatientDirectory::encounterClosed, this,
                &EncounterPicker::onEncounterClosed);
    m_patients->setPatients({});
    m_encounters->setEncounters({});
    m_patientId.clear();
}

void EncounterPicker::focusSearch()
{
    m_searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchEdit->selectAll();
}

void EncounterPicker::setStatus(QLabel *label, const QString &text, bool problem)
{
    label->setText(text);
    setStyleProperties(label, {{"role", problem ? QStringLiteral("fieldMessage") : QStringLiteral("hint")},
                               {"severity", problem ? QStringLiteral("error") : QString()}});
}

void EncounterPicker::search()
{
    // A search of its own (typing, F5, the EHR back) opens nothing: only Enter does.
    m_openRequested = false;
    runSearch();
}

void EncounterPicker::runSearch()
{
    if (!m_directory)
        return;
    const quint64 generation = ++m_searchGeneration;
    const QString text = m_searchEdit->text().trimmed();
    m_editedSinceSearch = false;
    m_searching = true;
    // The same patient found again reloads the encounters: their state may have changed. A load still
    // under way belongs to the list being replaced, and opens nothing when it answers.
    m_patientId.clear();
    m_loadedPatientId.clear();
    m_openingPatientId.clear();
    ++m_loadGeneration;
    setStatus(m_patientStatus, tr("Searching…"), false);

    // By name, MRN or patient id: EhrClient::searchPatients tells which, and the directory keeps an offline
    // copy.
    m_directory->searchPatients(text, this, [this, generation](const Outbox::PatientResult &result) {
        if (generation != m_searchGeneration)
            return; // an older search answered late
        m_patients->setPatients(result.items);
        const qsizetype count = result.items.size();
        QString status = count == 0   ? tr("No patient matches.")
                         : count == 1 ? tr("1 patient")
                                      : tr("%n patients", nullptr, int(count));
        if (result.fromCache)
            status = offlineNote(result.cachedAt) + u' ' + status;
        setStatus(m_patientStatus, status, result.fromCache);
        m_searching = false;
        m_patientsFromCache = result.fromCache;
        // The first patient is highlighted (and its encounters shown), so Enter opens it; a refresh
        // keeps the one that was selected.
        const int kept = m_patients->rowOf(m_keepPatientId);
        m_keepPatientId.clear();
        if (count >= 1)
            m_patientView->setCurrentIndex(m_patients->index(std::max(0, kept)));
        if (m_openRequested) {
            if (count >= 1)
                openPatient(m_patients->index(0).data(PatientListModel::PatientIdRole).toString());
            else
                m_openRequested = false;
        }
        Q_EMIT loaded();
    });
}

void EncounterPicker::selectPatient(const QString &patientId)
{
    if (!m_directory || patientId == m_patientId)
        return;
    m_patientId = patientId;
    m_encounters->setEncounters({});
    m_conditions.clear();
    m_conditionsKnown = false;
    const quint64 generation = ++m_loadGeneration;
    setStatus(m_encounterStatus, tr("Loading encounters…"), false);
    auto pending = std::make_shared<int>(2);
    auto finish = [this, generation, pending, patientId] {
        if (--*pending > 0 || generation != m_loadGeneration)
            return;
        m_loadedPatientId = m_patientId;
        const auto &encounters = m_encounters->encounters();
        showEncounterStatus();
        for (int row = 0; row < encounters.size(); ++row) {
            if (encounters.at(row).acceptsProcedures()) {
                m_encounterView->setCurrentIndex(m_encounters->index(row));
                break;
            }
        }
        Q_EMIT encountersChanged();
        Q_EMIT patientLoaded(patientId);
        if (m_openRequested && !m_openingPatientId.isEmpty() && m_openingPatientId == m_patientId)
            finishOpening();
        Q_EMIT loaded();
    };
    m_directory->encountersOf(patientId, this,
                              [this, generation, finish](const Outbox::EncounterResult &result) {
                                  if (generation != m_loadGeneration)
                                      return;
                                  m_encounters->setEncounters(result.items);
                                  m_encountersFromCache = result.fromCache;
                                  m_cachedAt = result.cachedAt;
                                  finish();
                              });
    m_directory->conditionsOf(patientId, QString(), this,
                              [this, generation, finish](const Outbox::ConditionResult &result) {
                                  if (generation != m_loadGeneration)
                                      return;
                                  m_conditions = result.items;
                                  m_conditionsKnown = listsAllDiagnoses(result);
                                  finish();
                              });
}

void EncounterPicker::showEncounterStatus()
{
    const auto &encounters = m_encounters->encounters();
    int open = 0;
    for (const auto &encounter : encounters)
        open += encounter.acceptsProcedures() ? 1 : 0;
    QString text = encounters.isEmpty()
                       ? tr("No encounters.")
                       : tr("%n open of %1. Closed ones are listed for reference.", nullptr, open)
                             .arg(encounters.size());
    if (m_encountersFromCache)
        text = offlineNote(m_cachedAt) + u' ' + text;
    setStatus(m_encounterStatus, text, m_encountersFromCache);
}

void EncounterPicker::ehrAnswers()
{
    if (m_patientsFromCache) {
        m_keepPatientId = m_patientId;
        search();
    } else if (m_encountersFromCache) {
        refresh();
    }
}

void EncounterPicker::openHighlighted()
{
    m_debounce.stop();
    m_openRequested = true;
    // Typed faster than the search answered: it opens what it finds.
    if (m_searching || m_editedSinceSearch) {
        runSearch();
        return;
    }
    const QModelIndex current = m_patientView->currentIndex();
    if (!current.isValid()) {
        m_openRequested = false;
        return;
    }
    openPatient(current.data(PatientListModel::PatientIdRole).toString());
}

void EncounterPicker::openPatient(const QString &patientId)
{
    if (patientId.isEmpty())
        return;
    m_openRequested = true;
    m_openingPatientId = patientId;
    if (patientId != m_patientId) {
        const int row = m_patients->rowOf(patientId);
        if (row >= 0 && m_patientView->currentIndex().row() != row)
            m_patientView->setCurrentIndex(m_patients->index(row)); // loads it
        else
            selectPatient(patientId);
        return;
    }
    if (m_loadedPatientId == patientId)
        finishOpening();
}

void EncounterPicker::finishOpening()
{
    m_openRequested = false;
    const auto &encounters = m_encounters->encounters();
    int open = -1;
    for (int row = 0; row < encounters.size(); ++row) {
        if (!encounters.at(row).acceptsProcedures())
            continue;
        if (open >= 0) {
            // More than one to choose from: the person chooses.
            m_encounterView->setFocus(Qt::TabFocusReason);
            return;
        }
        open = row;
    }
    if (open < 0) {
        m_encounterView->setFocus(Qt::TabFocusReason);
        return;
    }
    const QModelIndex index = m_encounters->index(open);
    m_encounterView->setCurrentIndex(index);
    if (auto context = contextFor(index.data(EncounterListModel::EncounterIdRole).toString())) {
        context->pickedAsOnlyOpen = true;
        Q_EMIT encounterChosen(*context);
    }
}

void EncounterPicker::refresh()
{
    m_openRequested = false;
    if (m_patientId.isEmpty()) {
        search();
        return;
    }
    const QString patientId = m_patientId;
    m_patientId.clear();
    m_loadedPatientId.clear();
    selectPatient(patientId);
}

void EncounterPicker::onEncounterClosed(const Ehr::EncounterSummary &encounter)
{
    if (!m_encounters->updateEncounter(encounter))
        return;
    showEncounterStatus();
    Q_EMIT encountersChanged();
}

std::optional<EncounterContext> EncounterPicker::contextFor(const QString &encounterId) const
{
    const Ehr::EncounterSummary *encounter = m_encounters->encounter(encounterId);
    if (!encounter)
        return std::nullopt;
    const Ehr::PatientSummary *patient = m_patients->patient(encounter->patientId);
    return makeEncounterContext(patient ? *patient : Ehr::PatientSummary{}, *encounter, m_conditions,
                                m_conditionsKnown, m_clinicZone);
}

void EncounterPicker::chooseEncounter(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    if (const auto context = contextFor(index.data(EncounterListModel::EncounterIdRole).toString()))
        Q_EMIT encounterChosen(*context);
}

bool EncounterPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_searchEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        // Enter alone opens the patient; Ctrl+Enter and the like belong to the window.
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
            openHighlighted();
            return true;
        }
        if (key->key() == Qt::Key_Down && m_patients->rowCount() > 0) {
            m_patientView->setFocus(Qt::TabFocusReason);
            if (!m_patientView->currentIndex().isValid())
                m_patientView->setCurrentIndex(m_patients->index(0));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Ui
