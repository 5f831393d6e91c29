#include "patientdirectory.h"

#include <QPointer>

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
                                   static_cast<void>(m_cache.replaceEncounters(patientId, list.resources));
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

} // namespace Outbox
