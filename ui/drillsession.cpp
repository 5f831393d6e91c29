#include "drillsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QWidget>

#include "drills/snapshotreader.h"
#include "ehr/ehrclient.h"
#include "fhir/procedurereader.h"
#include "keystrokewatcher.h"
#include "outbox/outboxstore.h"
#include "outbox/patientdirectory.h"
#include "workspace.h"

namespace Ui {

DrillSession::DrillSession(Workspace &workspace, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
    , m_watcher(new KeystrokeWatcher(window, this))
{
    connect(m_watcher, &KeystrokeWatcher::keyPressed, this, [this] {
        if (!m_running || m_checking)
            return;
        ++m_keystrokes;
        Q_EMIT keystrokesChanged(m_keystrokes);
    });
    connect(&m_workspace, &Workspace::countsChanged, this, &DrillSession::onCountsChanged);
}

DrillSession::~DrillSession() = default;

QString DrillSession::language()
{
    return QLocale().language() == QLocale::Spanish ? QStringLiteral("es") : QStringLiteral("en");
}

Drills::DrillResults &DrillSession::results()
{
    if (!m_results.isOpen()) {
        const QString path =
            QDir(m_workspace.options().dataDir).filePath(QStringLiteral("training-results.sqlite"));
        if (const Common::Status opened = m_results.open(path); !opened.ok())
            Q_EMIT failed(tr("The drill results cannot be kept: %1").arg(opened.error().text()));
    }
    return m_results;
}

QString DrillSession::start(const Drills::Drill &drill, const QString &trainee)
{
    stop();
    ++m_generation;
    m_drill = drill;
    m_trainee = trainee.trimmed();
    if (!m_workspace.isTraining())
        return tr("Drills run on the training EHR only.");
    // Drills are written against their own data, or the built-in data.
    const QString error = m_workspace.loadTrainingData(drill.demoDataDir);
    if (!error.isEmpty())
        return error;
    m_settingUp = true;
    setUpNext(0);
    return {};
}

void DrillSession::setUpNext(qsizetype index)
{
    if (index >= m_drill.setupProcedures.size()) {
        warmUp(0);
        return;
    }
    auto read = Fhir::ProcedureReader::read(m_drill.setupProcedures.at(index));
    if (!read.entry || !m_workspace.client()) {
        m_settingUp = false;
        Q_EMIT failed(tr("The drill's set-up Procedure %1 cannot be read.").arg(index + 1));
        return;
    }
    Model::ProcedureEntry entry = *read.entry;
    entry.fillDefaults();
    const quint64 generation = m_generation;
    m_workspace.client()->createProcedure(
        entry, this, [this, index, generation](const Ehr::SubmitResult &result) {
            if (generation != m_generation)
                return;
            if (result.kind != Ehr::SubmitResult::Kind::Created) {
                m_settingUp = false;
                Q_EMIT failed(tr("The training EHR refused the drill's set-up: %1").arg(result.errorString));
                return;
            }
            setUpNext(index + 1);
        });
}

void DrillSession::warmUp(qsizetype index)
{
    Outbox::PatientDirectory *directory = m_workspace.directory();
    const QStringList patients = m_drill.patients();
    if (index >= patients.size() || !directory) {
        begin();
        return;
    }
    const QString patient = patients.at(index);
    const quint64 generation = m_generation;
    const auto alive = [this, generation] { return generation == m_generation && m_workspace.directory(); };
    directory->searchPatients(patient, this, [this, alive, patient, index](const Outbox::PatientResult &) {
        if (!alive())
            return;
        m_workspace.directory()->encountersOf(
            patient, this, [this, alive, patient, index](const Outbox::EncounterResult &) {
                if (!alive())
                    return;
                m_workspace.directory()->conditionsOf(patient, QString(), this,
                                                      [this, alive, index](const Outbox::ConditionResult &) {
                                                          if (alive())
                                                              warmUp(index + 1);
                                                      });
            });
    });
}

void DrillSession::begin()
{
    m_settingUp = false;
    const QString error = m_workspace.setTrainingBehaviour(m_drill.ehr);
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        return;
    }
    m_keystrokes = 0;
    m_hintsUsed = 0;
    m_finalSeconds = -1;
    m_backToNormal = false;
    m_startedAt = QDateTime::currentDateTimeUtc();
    m_clock.start();
    m_running = true;
    Q_EMIT keystrokesChanged(0);
    Q_EMIT started();
}

void DrillSession::stop()
{
    ++m_generation;
    m_running = false;
    m_settingUp = false;
    m_checking = false;
}

qint64 DrillSession::elapsedSeconds() const
{
    if (m_finalSeconds >= 0)
        return m_finalSeconds;
    return m_running ? m_clock.elapsed() / 1000 : 0;
}

QString DrillSession::takeHint()
{
    if (!m_running || hintsLeft() <= 0)
        return {};
    return m_drill.hints.at(m_hintsUsed++).text(language());
}

void DrillSession::onCountsChanged()
{
    if (!m_running || m_backToNormal || m_drill.normalAfterQueued <= 0 || !m_workspace.store())
        return;
    const Common::Result<Outbox::QueueCounts> counts = m_workspace.store()->counts();
    if (!counts.ok() || counts->total() < m_drill.normalAfterQueued)
        return;
    m_backToNormal = true;
    m_workspace.setTrainingBehaviour({});
    Q_EMIT ehrBackToNormal();
}

void DrillSession::check()
{
    if (!m_running || m_checking || !m_workspace.client())
        return;
    m_checking = true;
    // The drill is over: the EHR behaves again, so the check itself reads it whatever the drill made it do.
    m_workspace.setTrainingBehaviour({});
    const quint64 generation = m_generation;
    Drills::SnapshotReader::read(
        *m_workspace.client(), m_drill, this,
        [this, generation](const Common::Result<Drills::EhrSnapshot> &read) {
            if (generation != m_generation)
                return;
            m_checking = false;
            if (!read.ok()) {
                Q_EMIT failed(tr("The check could not read the training EHR: %1 Check again when it answers.")
                                  .arg(read.error().message));
                return;
            }
            Drills::EhrSnapshot snapshot = read.value();
            if (m_workspace.store()) {
                Common::Result<QList<Outbox::OutboxLine>> queued = m_workspace.store()->lines();
                if (!queued.ok()) {
                    Q_EMIT failed(tr("The check could not read the queue: %1").arg(queued.error().text()));
                    return;
                }
                snapshot.outbox = std::move(queued).value();
            }
            const Drills::CheckReport report = Drills::checkDrill(m_drill, snapshot, language());
            m_finalSeconds = m_clock.elapsed() / 1000;
            m_running = false;
            Drills::DrillAttempt attempt;
            attempt.trainee = m_trainee;
            attempt.drillId = m_drill.id;
            attempt.drillTitle = m_drill.title.text(language());
            attempt.startedAt = m_startedAt;
            attempt.seconds = m_finalSeconds;
            attempt.keystrokes = m_keystrokes;
            attempt.hintsUsed = m_hintsUsed;
            attempt.correct = report.correct();
            attempt.percent = report.percent();
            attempt.mistakes = report.mistakes();
            if (const Common::Status recorded = results().record(attempt); !recorded.ok())
                Q_EMIT failed(tr("The result was not kept: %1").arg(recorded.error().text()));
            Q_EMIT checked(report, attempt);
        });
}

} // namespace Ui
