#pragma once

#include <QSqlQuery>

#include "outbox/outboxstore.h"

/**
 * Adds `count` sent lines to the outbox, spread over other encounters, in one transaction, as a
 * practice's outbox holds them after a year or two. Their stored Procedure is `entryJson` (invalid
 * JSON shows that nothing reads it). Written in SQL: queueing them one by one at synchronous=FULL
 * would take minutes.
 */
inline bool addSentHistory(Outbox::OutboxStore &store, int count, const QString &entryJson)
{
    QSqlQuery query(store.database().connection());
    query.prepare(QStringLiteral(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) "
        "INSERT INTO lines (identifier_system, identifier, patient_id, encounter_id, code, entry_json, "
        "state, "
        "created_at, updated_at, next_attempt_at, sent_at, ehr_id, display, performed_start) "
        "SELECT 'urn:ietf:rfc:3986', 'urn:uuid:history-' || i, 'Patient-' || (i % 900), "
        "'Encounter-old-' || (i % 5000), '99213', :entry, 'sent', 0, 0, 0, 0, 'Procedure-old-' || i, "
        "'Office visit', '2025-01-02T09:00:00-06:00' FROM n"));
    query.bindValue(QStringLiteral(":count"), count);
    query.bindValue(QStringLiteral(":entry"), entryJson);
    return query.exec() && query.numRowsAffected() == count;
}
