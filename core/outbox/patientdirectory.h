#pragma once

#include <functional>

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include "common/result.h"
#include "ehr/ehrclient.h"
#include "offlinecache.h"
#include "outboxline.h"

namespace Outbox {

class OutboxStore;

/// A directory answer: fresh from the EHR, or from the offline cache when the EHR could not answer.
template<typename T>
struct DirectoryResult
{
    QList<T> items;
    bool fromCache = false;
    QDateTime cachedAt;     ///< fromCache: when the oldest of items was fetched (invalid when none)
    Ehr::ReadStatus status; ///< how the EHR request went (not ok when fromCache)
};

using PatientResult = DirectoryResult<Ehr::PatientSummary>;
using EncounterResult = DirectoryResult<Ehr::EncounterSummary>;
using ConditionResult = DirectoryResult<Ehr::ConditionSummary>;

/**
 * Where the superbill form looks up patients, encounters and diagnoses: asks
 * the EHR, keeps what it answered in the OfflineCache, and when the EHR is
 * down (or refuses the token, or is not configured) answers from the cache
 * instead, saying so, so entering lines never waits for the network.
 * Asynchronous like EhrClient; callbacks run on the context object's thread.
 */
class PatientDirectory : public QObject
{
    Q_OBJECT

public:
    PatientDirectory(Ehr::EhrClient *client, OutboxStore *store, QObject *parent = nullptr);

    void searchPatients(const QString &text, const QObject *context,
                        std::function<void(const PatientResult &)> done);
    void encountersOf(const QString &patientId, const QObject *context,
                      std::function<void(const EncounterResult &)> done);
    void conditionsOf(const QString &patientId, const QString &encounterId, const QObject *context,
                      std::function<void(const ConditionResult &)> done);

    OfflineCache &cache() { return m_cache; }

    /// A line came back refused. When the EHR's answer says that its encounter is signed off or
    /// billed (500009, 500010), the offline copy is marked so and encounterClosed() is emitted.
    void noteRefusal(const OutboxLine &line);
    /// Whether the encounter takes lines as far as this computer last heard from the EHR; else an
    /// error with the EHR's code (500009 or 500010) and what a person can do about it.
    Common::Status checkTakesLines(const QString &encounterId) const;

signals:
    /// The EHR said an encounter no longer takes lines (a refused line, or a fresh list of
    /// encounters that no longer shows it open), so every view of it can say so at once.
    void encounterClosed(const Ehr::EncounterSummary &encounter);
    /// An answer came from the cache because the EHR could not give one.
    void servedFromCache(const QString &reason);

private:
    QPointer<Ehr::EhrClient> m_client;
    QPointer<OutboxStore> m_store;
    OfflineCache m_cache;
};

} // namespace Outbox
