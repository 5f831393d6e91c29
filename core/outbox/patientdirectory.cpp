#include "patientdirectory.h"

#include <QPointer>

#include "model/ehrcodes.h"
#include "outboxstore.h"

namespace Outbox {

PatientDirectory::PatientDirectory(Ehr::EhrClient *client, OutboxStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_cache(*store)
{
}

void PatientDirectory::searchPatients(const QString &text, const QObject *context,
                                      std::function<void(const PatientResult &)> done)
{
    m_client->searchPatients(text, this,
                             [this, text, done, guard = QPointer<const QObject>(context),
                              hasContext = context != nullptr](const Ehr::PatientList &list) {
                                 PatientResult result;
                                 result.status = list.status;
                                 if (list.ok()) {
                                     // Not written (logged): the offline copy stays older.
                                     static_cast<void>(m_cache.storePatients(list.resources));
                                     result.items = list.items;
                                 } else {
                                     result.items = m_cache.searchPatients(text, &result.cachedAt);
                                     result.fromCache = true;
                                     emit servedFromCache(list.status.errorString);
                                 }
                                 if (!hasContext || guard)
                                     done(result);
                             });
}

void PatientDirectory::encountersOf(const QString &patientId, const QObject *context,
                                    std::function<void(const EncounterResult &)> done)
{
    m_client->encountersOf(patientId, this,
                           [this, patientId, done, guard = QPointer<const QObject>(context),
                            hasContext = context != nullptr](const Ehr::EncounterList &list) {
                               EncounterResult result;
                               result.status = list.status;
                               if (list.ok()) {
                                   QList<Ehr::EncounterSummary> closed;
                                   for (const auto &encounter : list.items) {
                                       const auto before = m_cache.encounter(encounter.id);
                                       if (before && before->acceptsProcedures() &&
                                           !encounter.acceptsProcedures())
                                           closed.append(encounter);
                                   }
                                   static_cast<void>(m_cache.replaceEncounters(patientId, list.resources));
                                   for (const auto &encounter : std::as_const(closed))
                                       emit encounterClosed(encounter);
                                   result.items = list.items;
                               } else {
                                   result.items = m_cache.encountersOf(patientId, &result.cachedAt);
                                   result.fromCache = true;
                                   emit servedFromCache(list.status.errorString);
                               }
                               if (!hasContext || guard)
                                   done(result);
                           });
}

void PatientDirectory::conditionsOf(const QString &patientId, const QString &encounterId,
                                    const QObject *context, std::function<void(const ConditionResult &)> done)
{
    m_client->conditionsOf(
        patientId, encounterId, this,
        [this, patientId, encounterId, done, guard = QPointer<const QObject>(context),
         hasContext = context != nullptr](const Ehr::ConditionList &list) {
            ConditionResult result;
            result.status = list.status;
            if (list.ok()) {
                static_cast<void>(m_cache.replaceConditions(patientId, encounterId, list.resources));
                result.items = list.items;
            } else {
                result.items = m_cache.conditionsOf(patientId, encounterId, &result.cachedAt);
                result.fromCache = true;
                emit servedFromCache(list.status.errorString);
            }
            if (!hasContext || guard)
                done(result);
        });
}

void PatientDirectory::noteRefusal(const OutboxLine &line)
{
    const auto state = Ehr::closedStateFromRefusal(line.findings);
    if (!state || line.encounterId.isEmpty())
        return;
    std::optional<Ehr::EncounterSummary> encounter = m_cache.markEncounterClosed(line.encounterId, *state);
    if (!encounter) {
        // Not in the offline copy (a line queued by superbill-cli): what the answer says is enough.
        encounter = Ehr::EncounterSummary{};
        encounter->id = line.encounterId;
        encounter->patientId = line.patientId;
        encounter->state.billing = *state;
    }
    emit encounterClosed(*encounter);
}

Common::Status PatientDirectory::checkTakesLines(const QString &encounterId) const
{
    const auto encounter = m_cache.encounter(encounterId);
    if (!encounter || encounter->acceptsProcedures())
        return {};
    if (encounter->state.admission() == Model::ProcedureAdmission::Billed)
        return Common::makeError(Model::EhrCode::EncounterBilled,
                                 tr("Encounter %1 is billed: the EHR takes no more lines for it. Ask the "
                                    "clinician to reopen the encounter, or move the line to another open "
                                    "encounter, or discard it.")
                                     .arg(encounterId),
                                 QStringLiteral("Procedure.encounter"));
    return Common::makeError(Model::EhrCode::EncounterSignedOff,
                             tr("Encounter %1 is signed off: the EHR takes no more lines for it. Ask the "
                                "clinician to reopen the encounter, or move the line to another open "
                                "encounter, or discard it.")
                                 .arg(encounterId),
                             QStringLiteral("Procedure.encounter"));
}

} // namespace Outbox
