#include "outboxstore.h"

#include <algorithm>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>
#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

#include "fhir/datetime.h"
#include "fhir/procedurereader.h"
#include "fhir/procedurewriter.h"
#include "offlinecache.h"
#include "outboxlog.h"
#include "outboxworker.h"

namespace Outbox {

namespace {

const auto NoSuchLine = QStringLiteral("no-such-line");

// As the Procedure has it; read back with Qt::ISODate. Not QDateTime::toString(), which cost an enqueue
// as much as serialising its whole Procedure.
QString isoText(const QDateTime &time)
{
    return Fhir::formatDateTime(time);
}

// What listings show of a line, kept in columns of their own so that listing an encounter reads
// neither the whole history nor any JSON.
QVariantMap listingValues(const Model::ProcedureEntry &entry)
{
    QStringList diagnoses;
    for (const auto &reason : entry.reasonReferences)
        diagnoses.append(reason.id());
    return {{QStringLiteral("display"), entry.code.display},
            {QStringLiteral("performed_start"),
             isoText(entry.usesPeriod() ? entry.performedPeriod.start : entry.performedDateTime)},
            {QStringLiteral("performed_end"),
             isoText(entry.usesPeriod() ? entry.performedPeriod.end : QDateTime())},
            // FHIR ids hold no spaces.
            {QStringLiteral("diagnoses"), diagnoses.join(u' ')}};
}

// Lines queued before the listing columns existed get them from their stored Procedure.
Common::Status fillListingColumns(const Common::SqliteDatabase &db)
{
    auto rows = db.run(QStringLiteral("SELECT id, entry_json FROM lines"));
    if (!rows)
        return rows.error();
    QList<std::pair<qint64, QVariantMap>> listings;
    while (rows->next()) {
        const auto entry = Fhir::ProcedureReader::read(rows->value(1).toString().toUtf8()).entry;
        if (entry)
            listings.append({rows->value(0).toLongLong(), listingValues(*entry)});
    }
    if (Common::Status read = db.finished(*rows); !read)
        return read;
    auto update =
        db.prepare(QStringLiteral("UPDATE lines SET display = :display, performed_start = :performed_start, "
                                  "performed_end = :performed_end, diagnoses = :diagnoses WHERE id = :id"));
    if (!update)
        return update.error();
    for (auto &[id, values] : listings) {
        values.insert(QStringLiteral("id"), id);
        if (Common::Status updated = db.exec(*update, values); !updated)
            return updated;
    }
    return {};
}

// The tables as schema 1 made them; later steps change them.
const QString LinesTableSchema1 = QStringLiteral(R"(CREATE TABLE lines (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                identifier_system TEXT NOT NULL,
                identifier TEXT NOT NULL UNIQUE,
                patient_id TEXT NOT NULL,
                encounter_id TEXT NOT NULL,
                code TEXT NOT NULL DEFAULT '',
                entry_json TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('pending','sending','sent','needs-correction','discarded')),
                attempts INTEGER NOT NULL DEFAULT 0,
                outcome_unknown INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                sent_at INTEGER,
                last_result TEXT NOT NULL DEFAULT '',
                last_http_status INTEGER NOT NULL DEFAULT 0,
                last_error TEXT NOT NULL DEFAULT '',
                findings_json TEXT NOT NULL DEFAULT '[]',
                ehr_id TEXT NOT NULL DEFAULT ''))");
const QString AuditTableSchema1 = QStringLiteral(R"(CREATE TABLE audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                line_id INTEGER NOT NULL REFERENCES lines (id),
                at INTEGER NOT NULL,
                event TEXT NOT NULL,
                http_status INTEGER NOT NULL DEFAULT 0,
                result TEXT NOT NULL DEFAULT '',
                ehr_code TEXT NOT NULL DEFAULT '',
                ehr_id TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT ''))");
const QString DueIndex = QStringLiteral("CREATE INDEX lines_due ON lines (state, next_attempt_at)");
const QString EncounterIndex = QStringLiteral("CREATE INDEX lines_encounter ON lines (encounter_id, state)");

// What listings show of a line, in columns of their own (schema 3).
QStringList listingColumns()
{
    return {QStringLiteral("ALTER TABLE lines ADD COLUMN display TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE lines ADD COLUMN performed_start TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE lines ADD COLUMN performed_end TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE lines ADD COLUMN diagnoses TEXT NOT NULL DEFAULT ''")};
}

// Lines and audit rows keyed by plain rowids: AUTOINCREMENT only differs from them once the highest row
// has been deleted, and neither table is ever deleted from (triggers refuse it, so ids are never given
// twice and the audit trail always names the line it was written for), while it costs every insert a
// write of sqlite_sequence. The audit loses its index by line, a second page written by every write to
// the outbox: only `queue show` reads one line's audit, and it scans the table (a few ms for 150,000
// rows). The tables are rebuilt in place, keeping every row and id.
Common::SqliteMigration keptIdsMigration()
{
    const QString lineColumns = QStringLiteral(
        "id, identifier_system, identifier, patient_id, encounter_id, code, entry_json, state, attempts, "
        "outcome_unknown, created_at, updated_at, next_attempt_at, sent_at, last_result, last_http_status, "
        "last_error, findings_json, ehr_id, display, performed_start, performed_end, diagnoses");
    const QString auditColumns =
        QStringLiteral("id, line_id, at, event, http_status, result, ehr_code, ehr_id, detail");
    QStringList statements;
    // Renaming lines also points audit_old's foreign key at lines_old, so that dropping the old tables
    // checks no row of the new ones.
    statements
        << QStringLiteral("ALTER TABLE audit RENAME TO audit_old")
        << QStringLiteral("ALTER TABLE lines RENAME TO lines_old")
        << QString(LinesTableSchema1).remove(QStringLiteral(" AUTOINCREMENT")) << listingColumns()
        << QString(AuditTableSchema1).remove(QStringLiteral(" AUTOINCREMENT"))
        << QStringLiteral("INSERT INTO lines (%1) SELECT %1 FROM lines_old ORDER BY id").arg(lineColumns)
        << QStringLiteral("INSERT INTO audit (%1) SELECT %1 FROM audit_old ORDER BY id").arg(auditColumns)
        << QStringLiteral("DROP TABLE audit_old") << QStringLiteral("DROP TABLE lines_old");
    // Dropped with the old tables; the audit's index by line is not made again.
    statements << DueIndex << EncounterIndex;
    statements << QStringLiteral("CREATE TRIGGER lines_kept BEFORE DELETE ON lines BEGIN "
                                 "SELECT RAISE(ABORT, 'outbox lines are never deleted'); END")
               << QStringLiteral("CREATE TRIGGER audit_kept BEFORE DELETE ON audit BEGIN "
                                 "SELECT RAISE(ABORT, 'the audit trail is never deleted'); END");
    return {.statements = statements};
}

// A line's "queued" audit row is read from the line itself (created_at), so that an enqueue writes one
// row fewer, and a page fewer, to its commit. Lines queued before keep the row they have in the audit
// (audit_has_queued = 1, the default of the added column, so no existing row is rewritten); new lines
// are inserted with 0. Neither column ever changes once the line is queued, so the row read back is
// always the same.
Common::SqliteMigration queuedFromLineMigration()
{
    return {
        .statements = {
            QStringLiteral("ALTER TABLE lines ADD COLUMN audit_has_queued INTEGER NOT NULL DEFAULT 1"),
            QStringLiteral("CREATE TRIGGER lines_queued_kept BEFORE UPDATE OF created_at, audit_has_queued "
                           "ON lines WHEN NEW.created_at IS NOT OLD.created_at OR NEW.audit_has_queued "
                           "IS NOT OLD.audit_has_queued BEGIN SELECT RAISE(ABORT, 'when a line was "
                           "queued never changes'); END")}};
}

// CHECK (state IN (...)) makes SQLite build a temporary table of the five names for every row inserted
// or whose state changes (EXPLAIN shows OpenEphemeral): a sixth of an enqueue's instructions, and the
// same for each claim and answer. The same rule written with = and OR needs none. SQLite cannot alter a
// constraint; for a change every stored row already satisfies, its documentation gives this procedure:
// edit the table's SQL in sqlite_schema and bump the schema version, here inside the migration's
// transaction.
Common::SqliteMigration stateRuleMigration()
{
    return {
        .statements = {}, .fill = [](const Common::SqliteDatabase &db) -> Common::Status {
            const QString states =
                QStringLiteral("'pending','sending','sent','needs-correction','discarded'");
            QStringList alternatives;
            for (const QString &state : states.split(u','))
                alternatives << QStringLiteral("state = ") + state;
            const QString listed = QStringLiteral("CHECK (state IN (%1))").arg(states);
            const QString spelled =
                QStringLiteral("CHECK (%1)").arg(alternatives.join(QStringLiteral(" OR ")));
            int schemaVersion = 0;
            {
                auto version = db.run(QStringLiteral("PRAGMA schema_version"));
                if (!version)
                    return version.error();
                if (!version->next())
                    return Common::makeError(QStringLiteral("schema-unreadable"),
                                             Outbox::OutboxStore::tr("its schema version cannot be read"));
                schemaVersion = version->value(0).toInt();
            }
            for (const QString &statement :
                 {QStringLiteral("PRAGMA writable_schema=ON"),
                  QStringLiteral(
                      "UPDATE sqlite_schema SET sql = replace(sql, '%1', '%2') WHERE type = 'table' "
                      "AND name = 'lines'")
                      .arg(QString(listed).replace(u'\'', QStringLiteral("''")),
                           QString(spelled).replace(u'\'', QStringLiteral("''"))),
                  QStringLiteral("PRAGMA schema_version=%1").arg(schemaVersion + 1),
                  QStringLiteral("PRAGMA writable_schema=OFF")}) {
                if (auto ran = db.run(statement); !ran)
                    return ran.error();
            }
            auto changed = db.run(
                QStringLiteral("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'lines'"));
            if (!changed)
                return changed.error();
            if (!changed->next() || !changed->value(0).toString().contains(spelled))
                return Common::makeError(
                    QStringLiteral("schema-unexpected"),
                    Outbox::OutboxStore::tr("its lines table does not hold the state rule an outbox has"));
            return {};
        }};
}

// Each migration takes the schema from version (index) to (index + 1); they run in order, all in one
// transaction, so a file is either fully migrated or untouched. Only ever append.
const QList<Common::SqliteMigration> &migrations()
{
    static const QList<Common::SqliteMigration> steps = {
        {.statements = {LinesTableSchema1, DueIndex, AuditTableSchema1,
                        QStringLiteral("CREATE INDEX audit_line ON audit (line_id)")}},
        OfflineCache::migration(),
        {.statements = listingColumns() << EncounterIndex, .fill = fillListingColumns},
        keptIdsMigration(),
        queuedFromLineMigration(),
        stateRuleMigration(),
    };
    return steps;
}

QString findingsText(const Model::Findings &findings)
{
    return QString::fromUtf8(QJsonDocument(Model::findingsToJson(findings)).toJson(QJsonDocument::Compact));
}

Model::Findings findingsFromText(const QString &text)
{
    // Most lines have none; the listings skip the JSON parser for them.
    if (text.isEmpty() || text == u"[]")
        return {};
    return Model::findingsFromJson(QJsonDocument::fromJson(text.toUtf8()).array());
}

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QDateTime fromIsoText(const QVariant &value)
{
    const QString text = value.toString();
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODate);
}

// In the order lineFromQuery() reads them; entry_json, when asked for, comes last.
const QString LineColumns = QStringLiteral(
    "id, identifier_system, identifier, patient_id, encounter_id, code, state, attempts, outcome_unknown, "
    "created_at, updated_at, next_attempt_at, sent_at, last_result, last_http_status, last_error, "
    "findings_json, ehr_id, display, performed_start, performed_end, diagnoses");
constexpr int EntryJsonColumn = 22;

OutboxLine lineFromQuery(const QSqlQuery &query, bool withEntry)
{
    OutboxLine line;
    line.id = query.value(0).toLongLong();
    line.identifier = {query.value(1).toString(), query.value(2).toString()};
    line.patientId = query.value(3).toString();
    line.encounterId = query.value(4).toString();
    line.code = query.value(5).toString();
    line.state = lineStateFromName(query.value(6).toString()).value_or(LineState::Pending);
    line.attempts = query.value(7).toInt();
    line.outcomeUnknown = query.value(8).toBool();
    line.createdAt = fromMs(query.value(9));
    line.updatedAt = fromMs(query.value(10));
    line.nextAttemptAt = fromMs(query.value(11));
    line.sentAt = fromMs(query.value(12));
    line.lastResult = query.value(13).toString();
    line.lastHttpStatus = query.value(14).toInt();
    line.lastError = query.value(15).toString();
    line.findings = findingsFromText(query.value(16).toString());
    line.ehrId = query.value(17).toString();
    line.display = query.value(18).toString();
    line.performedStart = fromIsoText(query.value(19));
    line.performedEnd = fromIsoText(query.value(20));
    line.diagnosisIds = query.value(21).toString().split(u' ', Qt::SkipEmptyParts);
    if (withEntry)
        line.entryJson = query.value(EntryJsonColumn).toString().toUtf8();
    return line;
}

// The pending lines a claim of due lines takes: the earliest due at :due first, at most :limit.
const QString DueLines = QStringLiteral("next_attempt_at <= :due ORDER BY next_attempt_at, id LIMIT :limit");

using Written = Common::Result<QList<qint64>>;

// A write that failed: the file's own trouble (disk full, read-only ...), and that nothing queued is lost.
Common::Error withLinesKept(Common::Error failure)
{
    // Qualified in full: after a qualified return type, lupdate no longer knows the namespace.
    failure.message = Outbox::OutboxStore::tr("%1. Lines already queued are kept.").arg(failure.message);
    return failure;
}

Common::Status insertAudit(Common::SqliteDatabase &db, qint64 now, qint64 lineId, const QString &event,
                           const AttemptRecord *record, const QString &detail)
{
    auto inserted =
        db.run(QStringLiteral("INSERT INTO audit (line_id, at, event, http_status, result, ehr_code, "
                              "ehr_id, detail) VALUES (:line, :at, :event, :http_status, :result, "
                              ":ehr_code, :ehr_id, :detail)"),
               {{QStringLiteral("line"), lineId},
                {QStringLiteral("at"), now},
                {QStringLiteral("event"), event},
                {QStringLiteral("http_status"), record ? record->httpStatus : 0},
                {QStringLiteral("result"), record ? record->result : QString()},
                {QStringLiteral("ehr_code"), record ? record->ehrCode : QString()},
                {QStringLiteral("ehr_id"), record ? record->ehrId : QString()},
                {QStringLiteral("detail"), detail}});
    if (!inserted) {
        qCWarning(lcOutbox) << "audit insert failed:" << inserted.error().code;
        return inserted.error();
    }
    return {};
}

// What attempts came to, with their audit rows, in one transaction through `db`: the ids written (a line no
// longer `sending` is left alone).
Common::Result<QList<qint64>> writeAttempts(Common::SqliteDatabase &db, const AttemptBatch &attempts,
                                            qint64 now)
{
    Common::Transaction transaction(db);
    if (Common::Status begun = transaction.begin(); !begun)
        return withLinesKept(begun.error());
    auto update = db.prepare(QStringLiteral(
        "UPDATE lines SET state = :state, attempts = attempts + :counted, "
        "outcome_unknown = CASE WHEN :state = 'sent' THEN 0 WHEN :unknown THEN 1 ELSE outcome_unknown END, "
        "updated_at = :now, next_attempt_at = :next, sent_at = CASE WHEN :state = 'sent' THEN :now ELSE "
        "sent_at END, last_result = :result, last_http_status = :http_status, last_error = :error, "
        "findings_json = :findings, ehr_id = CASE WHEN :ehr_id <> '' THEN :ehr_id ELSE ehr_id END "
        "WHERE id = :id AND state = 'sending'"));
    if (!update)
        return withLinesKept(update.error());
    QList<qint64> recorded;
    for (const auto &[id, record] : attempts) {
        const Common::Status updated = db.exec(
            *update, {{QStringLiteral("state"), lineStateName(record.newState)},
                      {QStringLiteral("counted"), record.countAttempt ? 1 : 0},
                      {QStringLiteral("unknown"), record.outcomeUnknown ? 1 : 0},
                      {QStringLiteral("now"), now},
                      {QStringLiteral("next"),
                       record.nextAttemptAt.isValid() ? record.nextAttemptAt.toMSecsSinceEpoch() : now},
                      {QStringLiteral("result"), record.result},
                      {QStringLiteral("http_status"), record.httpStatus},
                      {QStringLiteral("error"), record.error},
                      {QStringLiteral("findings"), findingsText(record.findings)},
                      {QStringLiteral("ehr_id"), record.ehrId},
                      {QStringLiteral("id"), id}});
        if (!updated)
            return withLinesKept(updated.error());
        if (update->numRowsAffected() != 1)
            continue;
        if (Common::Status audited = insertAudit(db, now, id, record.event, &record, record.error); !audited)
            return withLinesKept(audited.error());
        recorded.append(id);
    }
    update->finish();
    if (Common::Status committed = transaction.commit(); !committed)
        return withLinesKept(committed.error());
    return recorded;
}

// pending → sending through `db`, for the pending lines that `which` selects; they come back with their
// entries.
Common::Result<QList<OutboxLine>> claimLinesThrough(Common::SqliteDatabase &db, const QString &which,
                                                    const QVariantMap &values, qint64 now)
{
    Common::Transaction transaction(db);
    if (Common::Status begun = transaction.begin(); !begun)
        return withLinesKept(begun.error());
    // Read, then marked one by one: the transaction holds the write lock throughout, and this costs a
    // third of one UPDATE ... WHERE id IN (SELECT ...) RETURNING, which builds two temporary tables.
    QList<OutboxLine> lines;
    {
        auto pending =
            db.run(QStringLiteral("SELECT %1, entry_json FROM lines WHERE state = 'pending' AND %2")
                       .arg(LineColumns, which),
                   values);
        if (!pending)
            return withLinesKept(pending.error());
        while (pending->next())
            lines.append(lineFromQuery(pending->query(), true));
        if (Common::Status read = db.finished(*pending); !read)
            return withLinesKept(read.error());
    }
    for (OutboxLine &line : lines) {
        auto marked = db.run(QStringLiteral("UPDATE lines SET state = 'sending', updated_at = :now "
                                            "WHERE id = :id AND state = 'pending'"),
                             {{QStringLiteral("now"), now}, {QStringLiteral("id"), line.id}});
        if (!marked)
            return withLinesKept(marked.error());
        line.state = LineState::Sending;
        line.updatedAt = fromMs(now);
    }
    if (Common::Status committed = transaction.commit(); !committed)
        return withLinesKept(committed.error());
    return lines;
}

Common::Status openConnection(Common::SqliteDatabase &db, const QString &path,
                              Common::SqliteDatabase::Durability durability)
{
    // Each commit writes a page of each B-tree an enqueue touches (the line, and its identifier, due
    // and encounter index entries) to the WAL and waits for it on disk: 2 KiB pages, which still hold
    // a whole line, make that less to write and sync than SQLite's 4 KiB (bench_outbox).
    constexpr int PageSize = 2048;
    return db.open(path, {.migrations = migrations(), .durability = durability, .newFilePageSize = PageSize});
}

Common::SqlFilter sqlFilter(const LineFilter &filter)
{
    Common::SqlFilter sql;
    if (!filter.encounterId.isEmpty())
        sql.add(QStringLiteral("encounter_id = :encounter"),
                {{QStringLiteral("encounter"), filter.encounterId}});
    if (!filter.states.isEmpty()) {
        QStringList names;
        QVariantMap values;
        for (qsizetype i = 0; i < filter.states.size(); ++i) {
            names.append(QStringLiteral(":state%1").arg(i));
            values.insert(names.last(), lineStateName(filter.states.at(i)));
        }
        sql.add(QStringLiteral("state IN (%1)").arg(names.join(QStringLiteral(", "))), values);
    }
    return sql;
}

QString listingQuery(const Common::SqlFilter &filter)
{
    return QStringLiteral("SELECT %1 FROM lines%2 ORDER BY id").arg(LineColumns, filter.where());
}

// A write of `lines` lines that did not happen: why, and that nothing queued before is lost.
Common::Error notSaved(const Common::Error &failure, qsizetype lines)
{
    Common::Error kept = withLinesKept(failure);
    kept.message =
        lines == 1
            ? Outbox::OutboxStore::tr("The line was not saved: %1").arg(kept.message)
            : Outbox::OutboxStore::tr("None of the %1 lines was saved: %2").arg(lines).arg(kept.message);
    return kept;
}

// Replaces a correctable line's content; the WHERE clause re-checks the state, since a sender may
// have claimed the line since it was read.
const auto CorrectionUpdate = QStringLiteral(
    "UPDATE lines SET entry_json = CAST(:entry AS TEXT), patient_id = :patient, encounter_id = :encounter, "
    "code = :code, display = :display, performed_start = :performed_start, performed_end = "
    ":performed_end, diagnoses = :diagnoses, state = 'pending', findings_json = '[]', "
    "next_attempt_at = :now, updated_at = :now WHERE id = :id AND state IN ('pending', "
    "'needs-correction')");

Common::Result<QVariantMap> correctionValues(const OutboxLine &current, const Model::ProcedureEntry &entry,
                                             qint64 now)
{
    // The identifier is what makes a resend harmless; a corrected line keeps it.
    Model::ProcedureEntry corrected = entry;
    corrected.identifiers.removeIf([](const Model::Identifier &identifier) {
        return identifier.system == QLatin1String(Model::Systems::Rfc3986);
    });
    corrected.identifiers.append(current.identifier);
    const auto json = Fhir::ProcedureWriter(Fhir::Dialect::EhrVendor).toBytes(corrected, false);
    if (!json)
        return json.error();
    QVariantMap values = listingValues(corrected);
    values.insert({{QStringLiteral("entry"), *json},
                   {QStringLiteral("patient"), corrected.subject.id()},
                   {QStringLiteral("encounter"), corrected.encounter.id()},
                   {QStringLiteral("code"), corrected.code.code},
                   {QStringLiteral("now"), now},
                   {QStringLiteral("id"), current.id}});
    return values;
}

} // namespace

OutboxStore::OutboxStore(QObject *parent)
    : QObject(parent)
    , m_db(QStringLiteral("outbox"))
    , m_claims(QStringLiteral("outbox-claims"))
{
    m_countsTimer.setSingleShot(true);
    connect(&m_countsTimer, &QTimer::timeout, this, &OutboxStore::emitCounts);
}

OutboxStore::~OutboxStore()
{
    close();
}

bool OutboxStore::isOpen() const
{
    return m_db.isOpen();
}

void OutboxStore::close()
{
    if (m_worker) {
        finishBackgroundWork();
        m_worker.reset();
    }
    m_claims.close();
    m_db.close();
}

qint64 OutboxStore::nowMs() const
{
    return m_clock->nowUtc().toMSecsSinceEpoch();
}

Common::Status OutboxStore::open(const QString &path)
{
    close();
    // The outbox holds every line a clerk was told is saved: FULL, so a commit survives a power cut.
    Common::Status opened = openConnection(m_db, path, Common::SqliteDatabase::Durability::Full);
    if (opened)
        opened = openConnection(m_claims, path, Common::SqliteDatabase::Durability::Normal);
    if (!opened) {
        close();
        const Common::Error &failure = opened.error();
        if (failure.code == u"damaged")
            return Common::makeError(
                failure.code,
                tr("%1 is not an outbox, or it is damaged (%2). It was left unchanged; keep "
                   "it, and give another file (--db or SUPERBILL_DB).")
                    .arg(path, failure.message),
                path);
        return failure;
    }
    qCInfo(lcOutbox) << "outbox open, schema" << schemaVersion();
    return {};
}

Common::Status OutboxStore::addAudit(qint64 lineId, const QString &event, const AttemptRecord *record,
                                     const QString &detail)
{
    return insertAudit(m_db, nowMs(), lineId, event, record, detail);
}

void OutboxStore::notify(qint64 id)
{
    emit lineChanged(id);
    if (m_countsTimer.isActive())
        return;
    const qint64 since = m_sinceCounts.isValid() ? m_sinceCounts.elapsed() : CountsInterval.count();
    m_countsTimer.start(std::chrono::milliseconds(std::max<qint64>(0, CountsInterval.count() - since)));
}

void OutboxStore::emitCounts()
{
    m_sinceCounts.start();
    if (!isOpen())
        return;
    if (const auto current = counts())
        emit countsChanged(*current);
}

Common::Status OutboxStore::checkNewLine(const Model::ProcedureEntry &entry) const
{
    if (!entry.clientIdentifier())
        return Common::makeError(
            QStringLiteral("no-identifier"),
            tr("The line has no client identifier (system urn:ietf:rfc:3986); it was not queued."));
    if (!entry.subject.isLiteralTo(QStringLiteral("Patient")) ||
        !entry.encounter.isLiteralTo(QStringLiteral("Encounter")))
        return Common::makeError(QStringLiteral("incomplete"),
                                 tr("The line needs a patient (Patient/<id>) and an encounter "
                                    "(Encounter/<id>); it was not queued."));
    return {};
}

Common::Result<qint64> OutboxStore::insertLine(const Model::ProcedureEntry &entry, qint64 now)
{
    const Model::Identifier identifier = *entry.clientIdentifier();
    const auto json = Fhir::ProcedureWriter(Fhir::Dialect::EhrVendor).toBytes(entry, false);
    if (!json)
        return json.error();
    QVariantMap values = listingValues(entry);
    values.insert({{QStringLiteral("system"), identifier.system},
                   {QStringLiteral("identifier"), identifier.value},
                   {QStringLiteral("patient"), entry.subject.id()},
                   {QStringLiteral("encounter"), entry.encounter.id()},
                   {QStringLiteral("code"), entry.code.code},
                   // UTF-8 bytes, stored as TEXT by the CAST: a QString would be bound as UTF-16, which
                   // SQLite converts back to UTF-8 character by character.
                   {QStringLiteral("entry"), *json},
                   // Each placeholder once: QSQLITE sorts out a repeated one on every run.
                   {QStringLiteral("created"), now},
                   {QStringLiteral("updated"), now},
                   {QStringLiteral("due"), now}});
    auto inserted = m_db.run(
        QStringLiteral(
            "INSERT INTO lines (identifier_system, identifier, patient_id, encounter_id, code, "
            "entry_json, state, created_at, updated_at, next_attempt_at, display, performed_start, "
            "performed_end, diagnoses, audit_has_queued) VALUES (:system, :identifier, :patient, "
            ":encounter, :code, CAST(:entry AS TEXT), 'pending', :created, :updated, :due, :display, "
            ":performed_start, :performed_end, :diagnoses, 0)"),
        values);
    if (!inserted)
        return inserted.error();
    return inserted->lastInsertId().toLongLong();
}

Common::Result<std::optional<qint64>> OutboxStore::queuedLineId(const QString &identifierValue) const
{
    auto query = m_db.run(QStringLiteral("SELECT id FROM lines WHERE identifier = :identifier"),
                          {{QStringLiteral("identifier"), identifierValue}});
    if (!query)
        return query.error();
    if (query->next())
        return std::optional<qint64>(query->value(0).toLongLong());
    if (Common::Status read = m_db.finished(*query); !read)
        return read.error();
    return std::optional<qint64>();
}

Common::Result<qint64> OutboxStore::enqueue(const Model::ProcedureEntry &entry)
{
    auto ids = enqueueAll({{0, entry}});
    if (!ids)
        return ids.error();
    return ids->constFirst();
}

Common::Result<QList<qint64>> OutboxStore::enqueueAll(const QList<LineWrite> &writes)
{
    // Which line of a superbill an error is about.
    const auto about = [&writes](Common::Error error, qsizetype index) {
        if (writes.size() > 1)
            error.path = QStringLiteral("line %1").arg(index + 1);
        return error;
    };
    if (!isOpen())
        return Common::makeError(QStringLiteral("not-open"), tr("The outbox is not open."));
    QHash<qint64, OutboxLine> corrected;
    QSet<QString> identifiers;
    for (qsizetype i = 0; i < writes.size(); ++i) {
        const LineWrite &write = writes.at(i);
        if (write.lineId > 0) {
            auto current = lineForPerson(
                write.lineId, tr("Line %1 is %2; only pending or needs-correction lines can be changed."));
            if (!current)
                return about(current.error(), i);
            corrected.insert(write.lineId, *current);
            continue;
        }
        if (Common::Status complete = checkNewLine(write.entry); !complete)
            return about(complete.error(), i);
        // One already queued is refused by the identifier's UNIQUE index, when the line is inserted.
        const QString identifier = write.entry.clientIdentifier()->value;
        if (identifiers.contains(identifier))
            return about(Common::makeError(QStringLiteral("already-queued"),
                                           tr("The identifier %1 is given to two lines.").arg(identifier)),
                         i);
        identifiers.insert(identifier);
    }

    Common::Transaction transaction(m_db);
    if (Common::Status begun = transaction.begin(); !begun)
        return notSaved(begun.error(), writes.size());
    QList<qint64> ids;
    const qint64 now = nowMs(); // one moment for the whole superbill, as it is one decision
    for (qsizetype i = 0; i < writes.size(); ++i) {
        const LineWrite &write = writes.at(i);
        if (write.lineId <= 0) {
            const auto id = insertLine(write.entry, now);
            if (id) {
                ids.append(*id);
                continue;
            }
            // Looked for only when the insert failed: on the way to a line's commit, the index's own
            // check is the only read of it.
            const QString identifier = write.entry.clientIdentifier()->value;
            const auto existing = queuedLineId(identifier);
            if (existing && *existing)
                return about(Common::makeError(QStringLiteral("already-queued"),
                                               tr("This line (%1) is already in the outbox as line %2.")
                                                   .arg(identifier)
                                                   .arg(**existing)),
                             i);
            return notSaved(id.error(), writes.size());
        }
        const auto values = correctionValues(corrected.value(write.lineId), write.entry, now);
        if (!values)
            return notSaved(values.error(), writes.size());
        auto updated = m_db.run(CorrectionUpdate, *values);
        if (!updated)
            return notSaved(updated.error(), writes.size());
        if (updated->numRowsAffected() != 1)
            return Common::makeError(QStringLiteral("being-sent"),
                                     tr("None of the %1 lines was saved: line %2 is being sent right now")
                                         .arg(writes.size())
                                         .arg(write.lineId));
        if (Common::Status audited = addAudit(write.lineId, QStringLiteral("corrected"), nullptr, {});
            !audited)
            return notSaved(audited.error(), writes.size());
        ids.append(write.lineId);
    }
    if (Common::Status committed = transaction.commit(); !committed)
        return notSaved(committed.error(), writes.size());
    qCDebug(lcOutbox) << "queued" << ids.size() << "line(s) in one transaction";
    for (const qint64 id : std::as_const(ids))
        notify(id);
    return ids;
}

Common::Result<QList<OutboxLine>> OutboxStore::claimLines(const QString &which, const QVariantMap &values)
{
    // A claim need not survive a power cut: a line that loses its `sending` mark is pending again and is
    // resent with the same identifier, which the EHR records once. So it commits through a connection of
    // its own at synchronous=NORMAL, saving a disk flush, while every other write keeps FULL (a FULL
    // commit that follows flushes the claim too: one WAL file, written in order).
    auto claimed = claimLinesThrough(m_claims, which, values, nowMs());
    if (claimed) {
        for (const OutboxLine &line : std::as_const(*claimed))
            notify(line.id);
    }
    return claimed;
}

Common::Result<bool> OutboxStore::claim(qint64 id)
{
    const auto claimed = claimLines(QStringLiteral("id = :id"), {{QStringLiteral("id"), id}});
    if (!claimed)
        return claimed.error();
    return !claimed->isEmpty();
}

Common::Result<QList<OutboxLine>> OutboxStore::claimDue(const QDateTime &now, int limit)
{
    return claimLines(DueLines,
                      {{QStringLiteral("due"), now.toMSecsSinceEpoch()}, {QStringLiteral("limit"), limit}});
}

Common::Status OutboxStore::release(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return {};
    // Through the claims connection, as the claims themselves: nothing was sent, so nothing to flush.
    Common::Transaction transaction(m_claims);
    if (Common::Status begun = transaction.begin(); !begun)
        return withLinesKept(begun.error());
    const qint64 now = nowMs();
    QList<qint64> released;
    for (const qint64 id : ids) {
        auto updated = m_claims.run(QStringLiteral("UPDATE lines SET state = 'pending', updated_at = :now "
                                                   "WHERE id = :id AND state = 'sending'"),
                                    {{QStringLiteral("now"), now}, {QStringLiteral("id"), id}});
        if (!updated)
            return withLinesKept(updated.error());
        if (updated->numRowsAffected() == 1)
            released.append(id);
    }
    if (Common::Status committed = transaction.commit(); !committed)
        return withLinesKept(committed.error());
    for (const qint64 id : std::as_const(released))
        notify(id);
    return {};
}

Common::Status OutboxStore::recordAttempt(qint64 id, const AttemptRecord &record)
{
    const auto recorded = recordAttempts({{id, record}});
    if (!recorded)
        return recorded.error();
    if (recorded->isEmpty())
        return Common::makeError(QStringLiteral("not-sending"), tr("line %1 is not being sent").arg(id));
    return {};
}

Common::Result<QList<qint64>> OutboxStore::recordAttempts(const AttemptBatch &attempts)
{
    auto recorded = writeAttempts(m_db, attempts, nowMs());
    if (recorded) {
        for (const qint64 id : std::as_const(*recorded))
            notify(id);
    }
    return recorded;
}

void OutboxStore::recordAttemptsInBackground(const AttemptBatch &attempts, QObject *context,
                                             AttemptsRecorded recorded)
{
    runInBackground(
        [this, attempts, now = nowMs(), context = QPointer<QObject>(context),
         recorded = std::move(recorded)](Common::SqliteDatabase &db, const Common::Status &opened) {
            const auto written = opened ? writeAttempts(db, attempts, now) : Written(opened.error());
            return [this, written, context, recorded] {
                if (written) {
                    for (const qint64 id : std::as_const(*written))
                        notify(id);
                }
                if (context)
                    recorded(written);
            };
        });
}

void OutboxStore::claimDueInBackground(const QDateTime &now, int limit, QObject *context,
                                       LinesClaimed claimed)
{
    runInBackground([this, due = now.toMSecsSinceEpoch(), limit, now = nowMs(),
                     context = QPointer<QObject>(context),
                     claimed = std::move(claimed)](Common::SqliteDatabase &db, const Common::Status &opened) {
        const auto lines =
            opened ? claimLinesThrough(db, DueLines,
                                       {{QStringLiteral("due"), due}, {QStringLiteral("limit"), limit}}, now)
                   : Common::Result<QList<OutboxLine>>(opened.error());
        return [this, lines, context, claimed] {
            if (lines) {
                for (const OutboxLine &line : std::as_const(*lines))
                    notify(line.id);
            }
            if (context)
                claimed(lines);
        };
    });
}

void OutboxStore::runInBackground(OutboxWorker::Job job)
{
    if (!isOpen()) {
        job(m_db, Common::makeError(QStringLiteral("not-open"), tr("The outbox is not open.")))();
        return;
    }
    if (!m_worker) {
        // The full durability of every other write: the answer to a line is on disk once it shows.
        m_worker = std::make_unique<OutboxWorker>(
            [path = path()](Common::SqliteDatabase &db) -> Common::Status {
                if (Common::Status opened =
                        openConnection(db, path, Common::SqliteDatabase::Durability::Full);
                    !opened)
                    return withLinesKept(opened.error());
                return {};
            },
            [this] {
                QMetaObject::invokeMethod(this, &OutboxStore::deliverBackgroundResults, Qt::QueuedConnection);
            });
    }
    m_worker->add(std::move(job));
}

void OutboxStore::finishBackgroundWork()
{
    if (!m_worker)
        return;
    m_worker->waitUntilDone();
    deliverBackgroundResults();
}

void OutboxStore::deliverBackgroundResults()
{
    if (!m_worker)
        return;
    for (const auto &result : m_worker->takeResults())
        result();
}

Common::Status OutboxStore::note(qint64 id, const AttemptRecord &record)
{
    Common::Transaction transaction(m_db);
    Common::Status noted = transaction.begin();
    if (noted)
        noted = addAudit(id, record.event, &record, record.error);
    if (noted)
        noted = transaction.commit();
    return noted ? noted : withLinesKept(noted.error());
}

Common::Result<int> OutboxStore::recoverInterrupted()
{
    QList<qint64> ids;
    {
        auto select = m_db.run(QStringLiteral("SELECT id FROM lines WHERE state = 'sending'"));
        if (!select)
            return select.error();
        while (select->next())
            ids.append(select->value(0).toLongLong());
    }
    if (ids.isEmpty())
        return 0;
    Common::Transaction transaction(m_db);
    if (Common::Status begun = transaction.begin(); !begun)
        return withLinesKept(begun.error());
    auto updated =
        m_db.run(QStringLiteral("UPDATE lines SET state = 'pending', outcome_unknown = 1, updated_at = "
                                ":now, next_attempt_at = :now WHERE state = 'sending'"),
                 {{QStringLiteral("now"), nowMs()}});
    if (!updated)
        return withLinesKept(updated.error());
    for (const qint64 id : std::as_const(ids)) {
        if (Common::Status audited = addAudit(
                id, QStringLiteral("recovered"), nullptr,
                QStringLiteral("left sending by an interrupted sender; resent with the same identifier"));
            !audited)
            return withLinesKept(audited.error());
    }
    if (Common::Status committed = transaction.commit(); !committed)
        return withLinesKept(committed.error());
    qCInfo(lcOutbox) << "recovered" << ids.size() << "interrupted line(s)";
    for (const qint64 id : std::as_const(ids))
        notify(id);
    return int(ids.size());
}

Common::Result<int> OutboxStore::bringWaitingForward()
{
    const QVariantMap now{{QStringLiteral("now"), nowMs()}};
    QList<qint64> ids;
    {
        auto select = m_db.run(
            QStringLiteral("SELECT id FROM lines WHERE state = 'pending' AND next_attempt_at > :now"), now);
        if (!select)
            return select.error();
        while (select->next())
            ids.append(select->value(0).toLongLong());
    }
    if (ids.isEmpty())
        return 0;
    Common::Transaction transaction(m_db);
    Common::Status moved = transaction.begin();
    if (moved) {
        auto updated =
            m_db.run(QStringLiteral("UPDATE lines SET next_attempt_at = :now WHERE state = 'pending' "
                                    "AND next_attempt_at > :now"),
                     now);
        moved = updated ? transaction.commit() : Common::Status(updated.error());
    }
    if (!moved) {
        qCWarning(lcOutbox) << "could not bring waiting lines forward:" << moved.error().code;
        return withLinesKept(moved.error());
    }
    for (const qint64 id : std::as_const(ids))
        notify(id);
    return int(ids.size());
}

Common::Result<OutboxLine> OutboxStore::lineForPerson(qint64 id, const QString &refusal) const
{
    auto current = line(id);
    if (current && current->state != LineState::Pending && current->state != LineState::NeedsCorrection)
        return Common::makeError(QStringLiteral("wrong-state"),
                                 refusal.arg(id).arg(lineStateName(current->state)));
    return current;
}

Common::Status OutboxStore::applyForPerson(qint64 id, const QString &update, const QVariantMap &values,
                                           const QString &event, const QString &detail, const QString &failed)
{
    const auto fail = [&](const Common::Error &failure) {
        return Common::makeError(failure.code, failed.arg(id).arg(withLinesKept(failure).message),
                                 failure.path);
    };
    Common::Transaction transaction(m_db);
    if (Common::Status begun = transaction.begin(); !begun)
        return fail(begun.error());
    auto updated = m_db.run(update, values);
    if (!updated)
        return fail(updated.error());
    // The WHERE clause re-checks the state: a sender may have claimed the line since it was read.
    if (updated->numRowsAffected() != 1)
        return Common::makeError(QStringLiteral("being-sent"),
                                 failed.arg(id).arg(tr("it is being sent right now")));
    if (Common::Status audited = addAudit(id, event, nullptr, detail); !audited)
        return fail(audited.error());
    if (Common::Status committed = transaction.commit(); !committed)
        return fail(committed.error());
    notify(id);
    return {};
}

Common::Status OutboxStore::retry(qint64 id)
{
    if (auto current =
            lineForPerson(id, tr("Line %1 is %2; only pending or needs-correction lines can be retried."));
        !current)
        return current.error();
    return applyForPerson(
        id,
        QStringLiteral("UPDATE lines SET state = 'pending', next_attempt_at = :now, updated_at = :now "
                       "WHERE id = :id AND state IN ('pending', 'needs-correction')"),
        {{QStringLiteral("now"), nowMs()}, {QStringLiteral("id"), id}}, QStringLiteral("retry"), {},
        tr("Line %1 could not be retried: %2"));
}

Common::Status OutboxStore::replaceEntry(qint64 id, const Model::ProcedureEntry &entry)
{
    const auto current =
        lineForPerson(id, tr("Line %1 is %2; only pending or needs-correction lines can be changed."));
    if (!current)
        return current.error();
    const auto values = correctionValues(*current, entry, nowMs());
    if (!values) {
        Common::Error refused = values.error();
        refused.message = tr("Line %1 could not be changed: %2").arg(id).arg(refused.text());
        return refused;
    }
    return applyForPerson(id, CorrectionUpdate, *values, QStringLiteral("corrected"), {},
                          tr("Line %1 could not be changed: %2"));
}

Common::Status OutboxStore::discard(qint64 id, const QString &reason)
{
    if (auto current =
            lineForPerson(id, tr("Line %1 is %2; only pending or needs-correction lines can be discarded."));
        !current)
        return current.error();
    return applyForPerson(id,
                          QStringLiteral("UPDATE lines SET state = 'discarded', updated_at = :now "
                                         "WHERE id = :id AND state IN ('pending', 'needs-correction')"),
                          {{QStringLiteral("now"), nowMs()}, {QStringLiteral("id"), id}},
                          QStringLiteral("discarded"), reason, tr("Line %1 could not be discarded: %2"));
}

Common::Result<QList<OutboxLine>> OutboxStore::readLines(const QString &sql, const QVariantMap &values,
                                                         bool withEntry) const
{
    auto query = m_db.run(sql, values);
    if (!query)
        return query.error();
    QList<OutboxLine> lines;
    while (query->next())
        lines.append(lineFromQuery(query->query(), withEntry));
    if (Common::Status read = m_db.finished(*query); !read)
        return read.error(); // a damaged page met half-way through the rows
    return lines;
}

Common::Result<OutboxLine> OutboxStore::line(qint64 id) const
{
    auto found = readLines(QStringLiteral("SELECT %1, entry_json FROM lines WHERE id = :id").arg(LineColumns),
                           {{QStringLiteral("id"), id}}, true);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Common::makeError(NoSuchLine, tr("There is no line %1 in the outbox.").arg(id));
    return found->first();
}

Common::Result<OutboxLine> OutboxStore::lineByIdentifier(const QString &identifierValue) const
{
    auto found = readLines(
        QStringLiteral("SELECT %1, entry_json FROM lines WHERE identifier = :identifier").arg(LineColumns),
        {{QStringLiteral("identifier"), identifierValue}}, true);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Common::makeError(NoSuchLine, tr("There is no line %1 in the outbox.").arg(identifierValue));
    return found->first();
}

Common::Result<QList<OutboxLine>> OutboxStore::lines(const LineFilter &filter) const
{
    const Common::SqlFilter sql = sqlFilter(filter);
    return readLines(listingQuery(sql), sql.values, false);
}

Common::Result<QStringList> OutboxStore::linesQueryPlan(const LineFilter &filter) const
{
    const Common::SqlFilter sql = sqlFilter(filter);
    return m_db.queryPlan(listingQuery(sql), sql.values);
}

QList<qint64> OutboxStore::dueLines(const QDateTime &now, int limit) const
{
    QList<qint64> ids;
    auto query =
        m_db.run(QStringLiteral("SELECT id FROM lines WHERE state = 'pending' AND next_attempt_at <= :now "
                                "ORDER BY next_attempt_at, id LIMIT :limit"),
                 {{QStringLiteral("now"), now.toMSecsSinceEpoch()}, {QStringLiteral("limit"), limit}});
    if (!query)
        return ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    return ids;
}

std::optional<QDateTime> OutboxStore::nextDue() const
{
    auto query = m_db.run(QStringLiteral("SELECT MIN(next_attempt_at) FROM lines WHERE state = 'pending'"));
    if (!query || !query->next() || query->value(0).isNull())
        return std::nullopt;
    return fromMs(query->value(0));
}

Common::Result<QueueCounts> OutboxStore::counts() const
{
    auto query = m_db.run(QStringLiteral("SELECT state, COUNT(*) FROM lines GROUP BY state"));
    if (!query)
        return query.error();
    QueueCounts counts;
    while (query->next()) {
        const int n = query->value(1).toInt();
        switch (lineStateFromName(query->value(0).toString()).value_or(LineState::Pending)) {
        case LineState::Pending:
            counts.pending += n;
            break;
        case LineState::Sending:
            counts.sending += n;
            break;
        case LineState::Sent:
            counts.sent += n;
            break;
        case LineState::NeedsCorrection:
            counts.needsCorrection += n;
            break;
        case LineState::Discarded:
            counts.discarded += n;
            break;
        }
    }
    if (Common::Status read = m_db.finished(*query); !read)
        return read.error();
    return counts;
}

Common::Result<QList<AuditEntry>> OutboxStore::audit(qint64 lineId) const
{
    // The "queued" rows that are read from their lines (see queuedFromLineMigration()), in the order the
    // lines were queued: the order of their ids.
    QList<AuditEntry> queued;
    {
        auto lines = lineId > 0
                         ? m_db.run(QStringLiteral("SELECT id, created_at FROM lines WHERE id = :line "
                                                   "AND audit_has_queued = 0"),
                                    {{QStringLiteral("line"), lineId}})
                         : m_db.run(QStringLiteral(
                               "SELECT id, created_at FROM lines WHERE audit_has_queued = 0 ORDER BY id"));
        if (!lines)
            return lines.error();
        while (lines->next()) {
            AuditEntry entry;
            entry.lineId = lines->value(0).toLongLong();
            entry.at = fromMs(lines->value(1));
            entry.event = QStringLiteral("queued");
            queued.append(entry);
        }
        if (Common::Status read = m_db.finished(*lines); !read)
            return read.error();
    }
    const QString columns =
        QStringLiteral("id, line_id, at, event, http_status, result, ehr_code, ehr_id, detail");
    auto query =
        lineId > 0
            ? m_db.run(QStringLiteral("SELECT %1 FROM audit WHERE line_id = :line ORDER BY id").arg(columns),
                       {{QStringLiteral("line"), lineId}})
            : m_db.run(QStringLiteral("SELECT %1 FROM audit ORDER BY id").arg(columns));
    if (!query)
        return query.error();
    QList<AuditEntry> entries;
    qsizetype nextQueued = 0;
    while (query->next()) {
        const AuditEntry written{
            query->value(0).toLongLong(), query->value(1).toLongLong(), fromMs(query->value(2)),
            query->value(3).toString(),   query->value(4).toInt(),      query->value(5).toString(),
            query->value(6).toString(),   query->value(7).toString(),   query->value(8).toString()};
        // A row comes after its own line's "queued" (a line is queued before anything happens to it, and
        // lines in the order of their ids), and after those of lines queued earlier than it was written.
        while (nextQueued < queued.size() &&
               (queued.at(nextQueued).lineId <= written.lineId || queued.at(nextQueued).at < written.at))
            entries.append(queued.at(nextQueued++));
        entries.append(written);
    }
    if (Common::Status read = m_db.finished(*query); !read)
        return read.error();
    entries.append(queued.mid(nextQueued));
    return entries;
}

} // namespace Outbox
