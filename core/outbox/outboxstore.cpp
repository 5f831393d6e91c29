#include "outboxstore.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QVariant>

#include "fhir/procedurewriter.h"
#include "outboxlog.h"

namespace Outbox {

namespace {

constexpr auto OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// Each migration takes the schema from version (index) to (index + 1); they run in order,
// all in one transaction, so a file is either fully migrated or untouched.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        {
            QStringLiteral(R"(CREATE TABLE lines (
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
                ehr_id TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral("CREATE INDEX lines_due ON lines (state, next_attempt_at)"),
            QStringLiteral(R"(CREATE TABLE audit (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                line_id INTEGER NOT NULL REFERENCES lines (id),
                at INTEGER NOT NULL,
                event TEXT NOT NULL,
                http_status INTEGER NOT NULL DEFAULT 0,
                result TEXT NOT NULL DEFAULT '',
                ehr_code TEXT NOT NULL DEFAULT '',
                ehr_id TEXT NOT NULL DEFAULT '',
                detail TEXT NOT NULL DEFAULT ''))"),
            QStringLiteral("CREATE INDEX audit_line ON audit (line_id)"),
        },
        {
            QStringLiteral(R"(CREATE TABLE cache_patients (
                id TEXT PRIMARY KEY,
                search_text TEXT NOT NULL,
                resource TEXT NOT NULL,
                fetched_at INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE cache_encounters (
                id TEXT PRIMARY KEY,
                patient_id TEXT NOT NULL,
                resource TEXT NOT NULL,
                fetched_at INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX cache_encounters_patient ON cache_encounters (patient_id)"),
            QStringLiteral(R"(CREATE TABLE cache_conditions (
                id TEXT PRIMARY KEY,
                patient_id TEXT NOT NULL,
                encounter_id TEXT NOT NULL DEFAULT '',
                resource TEXT NOT NULL,
                fetched_at INTEGER NOT NULL))"),
            QStringLiteral(
                "CREATE INDEX cache_conditions_patient ON cache_conditions (patient_id, encounter_id)"),
        },
    };
    return steps;
}

QString findingsText(const Model::Findings &findings)
{
    return QString::fromUtf8(QJsonDocument(Model::findingsToJson(findings)).toJson(QJsonDocument::Compact));
}

QDateTime fromMs(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

const QString LineColumns = QStringLiteral(
    "id, identifier_system, identifier, patient_id, encounter_id, code, entry_json, state, attempts, "
    "outcome_unknown, created_at, updated_at, next_attempt_at, sent_at, last_result, last_http_status, "
    "last_error, findings_json, ehr_id");

OutboxLine lineFromQuery(const QSqlQuery &query)
{
    OutboxLine line;
    line.id = query.value(0).toLongLong();
    line.identifier = {query.value(1).toString(), query.value(2).toString()};
    line.patientId = query.value(3).toString();
    line.encounterId = query.value(4).toString();
    line.code = query.value(5).toString();
    line.entryJson = query.value(6).toString().toUtf8();
    line.state = lineStateFromName(query.value(7).toString()).value_or(LineState::Pending);
    line.attempts = query.value(8).toInt();
    line.outcomeUnknown = query.value(9).toBool();
    line.createdAt = fromMs(query.value(10));
    line.updatedAt = fromMs(query.value(11));
    line.nextAttemptAt = fromMs(query.value(12));
    line.sentAt = fromMs(query.value(13));
    line.lastResult = query.value(14).toString();
    line.lastHttpStatus = query.value(15).toInt();
    line.lastError = query.value(16).toString();
    line.findings =
        Model::findingsFromJson(QJsonDocument::fromJson(query.value(17).toString().toUtf8()).array());
    line.ehrId = query.value(18).toString();
    return line;
}

QAtomicInteger<quint64> connectionCounter;

} // namespace

OutboxStore::OutboxStore(QObject *parent)
    : QObject(parent)
    , m_connectionName(QStringLiteral("superbill-outbox-%1").arg(connectionCounter.fetchAndAddRelaxed(1)))
{
}

OutboxStore::~OutboxStore()
{
    close();
}

QSqlDatabase OutboxStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool OutboxStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

qint64 OutboxStore::nowMs() const
{
    return m_clock->nowUtc().toMSecsSinceEpoch();
}

bool OutboxStore::open(const QString &path, QString *error)
{
    close();
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        close();
        return false;
    };
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return fail(
            tr("The Qt SQLite driver (QSQLITE) is not installed; on Debian install libqt6sql6-sqlite."));

    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(tr("%1: cannot create the folder for the outbox").arg(info.absolutePath()));
    if (!info.exists()) {
        // Created here, owner-only, before SQLite opens it; SQLite gives its -wal and -shm
        // files the same permissions as the database file.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerOnly))
            return fail(tr("%1: cannot create the outbox: %2").arg(path, file.errorString()));
        file.close();
    } else if ((QFile::permissions(path) & ~(OwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser)) !=
               0) {
        qCWarning(lcOutbox) << "outbox file was readable by others; restricting it to its owner";
        QFile::setPermissions(path, OwnerOnly | QFileDevice::ReadUser | QFileDevice::WriteUser);
    }

    QString openError;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        // Another process (the app, superbill-cli) may be writing: wait for it rather than fail.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open())
            openError = db.lastError().text();
    }
    if (!openError.isEmpty())
        return fail(tr("%1: cannot open the outbox: %2").arg(path, openError));
    m_path = path;
    if (!configure(error) || !migrate(error)) {
        close();
        return false;
    }
    qCInfo(lcOutbox) << "outbox open, schema" << schemaVersion();
    return true;
}

bool OutboxStore::configure(QString *error)
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next()) {
        // The first statement that reads the file: a file that is not SQLite fails here.
        const QSqlError failure = query.lastError();
        const int code = failure.nativeErrorCode().toInt();
        if (error && (code == 26 || code == 11)) // SQLITE_NOTADB, SQLITE_CORRUPT
            *error =
                tr("%1 is not an outbox, or it is damaged (%2). It was left unchanged; keep it, and give "
                   "another file (--db or SUPERBILL_DB).")
                    .arg(m_path, failure.databaseText());
        else if (error)
            *error = tr("%1: cannot set the journal mode: %2").arg(m_path, failure.text());
        return false;
    }
    // SQLite answers with the mode it actually uses; some file systems cannot do WAL.
    const QString mode = query.value(0).toString().toLower();
    if (mode != u"wal") {
        if (error)
            *error =
                tr("%1: SQLite would not use write-ahead logging (journal mode is \"%2\"); put the outbox "
                   "on a local disk.")
                    .arg(m_path, mode);
        return false;
    }
    if (!query.exec(QStringLiteral("PRAGMA synchronous=FULL")) ||
        !query.exec(QStringLiteral("PRAGMA foreign_keys=ON"))) {
        if (error)
            *error = tr("%1: cannot configure the outbox: %2").arg(m_path, query.lastError().text());
        return false;
    }
    if (synchronousMode() != 2) {
        if (error)
            *error = tr("%1: SQLite did not accept synchronous=FULL").arg(m_path);
        return false;
    }
    return true;
}

bool OutboxStore::migrate(QString *error)
{
    QSqlDatabase db = database();
    const int current = schemaVersion();
    if (current < 0) {
        if (error)
            *error = tr("%1: cannot read the schema version: %2").arg(m_path, db.lastError().text());
        return false;
    }
    if (current > SchemaVersion) {
        if (error)
            *error =
                tr("%1: the outbox was written by a newer Superbill Desk (schema %2; this one knows %3). "
                   "Update the app; the file was not changed.")
                    .arg(m_path)
                    .arg(current)
                    .arg(SchemaVersion);
        return false;
    }
    if (current == SchemaVersion)
        return true;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (error)
            *error = tr("%1: cannot start the schema upgrade: %2").arg(m_path, query.lastError().text());
        return false;
    }
    for (int version = current; version < SchemaVersion; ++version) {
        for (const QString &statement : migrations().at(version)) {
            if (!query.exec(statement)) {
                const QString reason = query.lastError().text();
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                if (error)
                    *error = tr("%1: upgrading the outbox to schema %2 failed, nothing was changed: %3")
                                 .arg(m_path)
                                 .arg(version + 1)
                                 .arg(reason);
                return false;
            }
        }
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version=%1").arg(SchemaVersion)) ||
        !query.exec(QStringLiteral("COMMIT"))) {
        const QString reason = query.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        if (error)
            *error = tr("%1: upgrading the outbox failed, nothing was changed: %2").arg(m_path, reason);
        return false;
    }
    qCInfo(lcOutbox) << "outbox schema migrated from" << current << "to" << SchemaVersion;
    return true;
}

void OutboxStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int OutboxStore::schemaVersion() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString OutboxStore::journalMode() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA journal_mode")) || !query.next())
        return {};
    return query.value(0).toString().toLower();
}

int OutboxStore::synchronousMode() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA synchronous")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QString OutboxStore::writeError(const QSqlError &error) const
{
    // SQLite's primary result codes, as QSQLITE reports them.
    switch (error.nativeErrorCode().toInt()) {
    case 13: // SQLITE_FULL
        return tr("%1: the disk is full, so the outbox cannot be written; free some space. Lines already "
                  "queued are kept.")
            .arg(m_path);
    case 8: // SQLITE_READONLY
        return tr("%1: the outbox file is read-only; make it writable by its owner. Lines already queued "
                  "are kept.")
            .arg(m_path);
    case 10: // SQLITE_IOERR
        return tr("%1: the disk reported an error while writing the outbox (%2). Lines already queued are "
                  "kept.")
            .arg(m_path, error.databaseText());
    case 11: // SQLITE_CORRUPT
    case 26: // SQLITE_NOTADB
        return tr("%1: the outbox file is damaged (%2); keep a copy of it and ask for help.")
            .arg(m_path, error.databaseText());
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return tr("%1: another program kept the outbox busy for too long; try again.").arg(m_path);
    default:
        return tr("%1: cannot write to the outbox: %2").arg(m_path, error.text());
    }
}

bool OutboxStore::addAudit(qint64 lineId, const QString &event, const AttemptRecord *record,
                           const QString &detail, QSqlError *failure)
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "INSERT INTO audit (line_id, at, event, http_status, result, ehr_code, ehr_id, detail) "
        "VALUES (?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''))"));
    query.addBindValue(lineId);
    query.addBindValue(nowMs());
    query.addBindValue(event);
    query.addBindValue(record ? record->httpStatus : 0);
    query.addBindValue(record ? record->result : QString());
    query.addBindValue(record ? record->ehrCode : QString());
    query.addBindValue(record ? record->ehrId : QString());
    query.addBindValue(detail);
    if (!query.exec()) {
        qCWarning(lcOutbox) << "audit insert failed:" << query.lastError().text();
        if (failure)
            *failure = query.lastError();
        return false;
    }
    return true;
}

void OutboxStore::notify(qint64 id)
{
    emit lineChanged(id);
    if (m_countsPending)
        return;
    m_countsPending = true;
    QTimer::singleShot(0, this, [this] {
        m_countsPending = false;
        if (isOpen())
            emit countsChanged(counts());
    });
}

std::optional<qint64> OutboxStore::enqueue(const Model::ProcedureEntry &entry, QString *error)
{
    auto fail = [&](const QString &message) -> std::optional<qint64> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!isOpen())
        return fail(tr("The outbox is not open."));
    const auto identifier = entry.clientIdentifier();
    if (!identifier)
        return fail(tr("The line has no client identifier (system urn:ietf:rfc:3986); it was not queued."));
    if (!entry.subject.isLiteralTo(QStringLiteral("Patient")) ||
        !entry.encounter.isLiteralTo(QStringLiteral("Encounter")))
        return fail(tr(
            "The line needs a patient (Patient/<id>) and an encounter (Encounter/<id>); it was not queued."));
    if (const auto existing = lineByIdentifier(identifier->value))
        return fail(tr("This line (%1) is already in the outbox as line %2.")
                        .arg(identifier->value)
                        .arg(existing->id));

    QSqlDatabase db = database();
    if (!db.transaction())
        return fail(tr("The line was not saved: %1").arg(writeError(db.lastError())));
    const qint64 now = nowMs();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO lines (identifier_system, identifier, patient_id, "
                                 "encounter_id, code, entry_json, state, "
                                 "created_at, updated_at, next_attempt_at) VALUES (?, ?, ?, ?, COALESCE(?, "
                                 "''), ?, 'pending', ?, ?, ?)"));
    query.addBindValue(identifier->system);
    query.addBindValue(identifier->value);
    query.addBindValue(entry.subject.id());
    query.addBindValue(entry.encounter.id());
    query.addBindValue(entry.code.code);
    query.addBindValue(
        QString::fromUtf8(Fhir::ProcedureWriter(Fhir::Dialect::EhrVendor).toBytes(entry, false)));
    query.addBindValue(now);
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec()) {
        const QString reason = writeError(query.lastError());
        db.rollback();
        return fail(tr("The line was not saved: %1").arg(reason));
    }
    const qint64 id = query.lastInsertId().toLongLong();
    QSqlError failure;
    if (!addAudit(id, QStringLiteral("queued"), nullptr, {}, &failure) || !db.commit()) {
        const QString reason = writeError(failure.isValid() ? failure : db.lastError());
        db.rollback();
        return fail(tr("The line was not saved: %1").arg(reason));
    }
    qCDebug(lcOutbox) << "queued line" << id;
    notify(id);
    return id;
}

bool OutboxStore::claim(qint64 id, QString *error)
{
    QSqlQuery query(database());
    // The claim need not survive a crash: a line that loses its `sending` mark is pending again and is
    // resent with the same identifier, which the EHR records once. So this commit skips the fsync
    // (WAL with synchronous=NORMAL keeps the order of commits), halving the disk flushes per line.
    query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    query.prepare(QStringLiteral(
        "UPDATE lines SET state = 'sending', updated_at = ? WHERE id = ? AND state = 'pending'"));
    query.addBindValue(nowMs());
    query.addBindValue(id);
    const bool executed = query.exec();
    if (!executed && error)
        *error = writeError(query.lastError());
    const bool claimed = executed && query.numRowsAffected() == 1;
    QSqlQuery(database()).exec(QStringLiteral("PRAGMA synchronous=FULL"));
    if (!claimed)
        return false;
    notify(id);
    return true;
}

bool OutboxStore::recordAttempt(qint64 id, const AttemptRecord &record, QString *error)
{
    QSqlDatabase db = database();
    if (!db.transaction()) {
        if (error)
            *error = writeError(db.lastError());
        return false;
    }
    const qint64 now = nowMs();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "UPDATE lines SET state = ?, attempts = attempts + ?, "
        "outcome_unknown = CASE WHEN ? = 'sent' THEN 0 WHEN ? THEN 1 ELSE outcome_unknown END, "
        "updated_at = ?, next_attempt_at = ?, sent_at = CASE WHEN ? = 'sent' THEN ? ELSE sent_at END, "
        "last_result = COALESCE(?, ''), last_http_status = ?, last_error = COALESCE(?, ''), findings_json = "
        "?, "
        "ehr_id = CASE WHEN COALESCE(?, '') <> '' THEN ? ELSE ehr_id END "
        "WHERE id = ? AND state = 'sending'"));
    const QString state = lineStateName(record.newState);
    query.addBindValue(state);
    query.addBindValue(record.countAttempt ? 1 : 0);
    query.addBindValue(state);
    query.addBindValue(record.outcomeUnknown ? 1 : 0);
    query.addBindValue(now);
    query.addBindValue(record.nextAttemptAt.isValid() ? record.nextAttemptAt.toMSecsSinceEpoch() : now);
    query.addBindValue(state);
    query.addBindValue(now);
    query.addBindValue(record.result);
    query.addBindValue(record.httpStatus);
    query.addBindValue(record.error);
    query.addBindValue(findingsText(record.findings));
    query.addBindValue(record.ehrId);
    query.addBindValue(record.ehrId);
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        const QString reason = query.lastError().isValid() ? writeError(query.lastError())
                                                           : tr("line %1 is not being sent").arg(id);
        db.rollback();
        if (error)
            *error = reason;
        return false;
    }
    QSqlError failure;
    if (!addAudit(id, record.event, &record, record.error, &failure) || !db.commit()) {
        const QString reason = writeError(failure.isValid() ? failure : db.lastError());
        db.rollback();
        if (error)
            *error = reason;
        return false;
    }
    notify(id);
    return true;
}

bool OutboxStore::note(qint64 id, const AttemptRecord &record)
{
    return addAudit(id, record.event, &record, record.error);
}

int OutboxStore::recoverInterrupted(QString *error)
{
    QSqlDatabase db = database();
    auto fail = [&](const QSqlError &why) {
        if (error)
            *error = writeError(why);
        return -1;
    };
    QList<qint64> ids;
    {
        QSqlQuery select(db);
        if (!select.exec(QStringLiteral("SELECT id FROM lines WHERE state = 'sending'")))
            return fail(select.lastError());
        while (select.next())
            ids.append(select.value(0).toLongLong());
    }
    if (ids.isEmpty())
        return 0;
    if (!db.transaction())
        return fail(db.lastError());
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE lines SET state = 'pending', outcome_unknown = 1, updated_at = ?, "
                                 "next_attempt_at = ? WHERE state = 'sending'"));
    query.addBindValue(nowMs());
    query.addBindValue(nowMs());
    QSqlError failure;
    bool ok = query.exec();
    if (!ok)
        failure = query.lastError();
    for (const qint64 id : std::as_const(ids))
        ok =
            ok &&
            addAudit(id, QStringLiteral("recovered"), nullptr,
                     QStringLiteral("left sending by an interrupted sender; resent with the same identifier"),
                     &failure);
    if (!ok || !db.commit()) {
        if (!failure.isValid())
            failure = db.lastError();
        db.rollback();
        return fail(failure);
    }
    qCInfo(lcOutbox) << "recovered" << ids.size() << "interrupted line(s)";
    for (const qint64 id : std::as_const(ids))
        notify(id);
    return int(ids.size());
}

int OutboxStore::bringWaitingForward()
{
    const qint64 now = nowMs();
    QList<qint64> ids;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id FROM lines WHERE state = 'pending' AND next_attempt_at > ?"));
    query.addBindValue(now);
    if (!query.exec())
        return -1;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    if (ids.isEmpty())
        return 0;
    query.prepare(QStringLiteral(
        "UPDATE lines SET next_attempt_at = ? WHERE state = 'pending' AND next_attempt_at > ?"));
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec()) {
        qCWarning(lcOutbox) << "could not bring waiting lines forward:" << query.lastError().text();
        return -1;
    }
    for (const qint64 id : std::as_const(ids))
        notify(id);
    return int(ids.size());
}

std::optional<OutboxLine> OutboxStore::lineForPerson(qint64 id, const QString &refusal, QString *error) const
{
    auto current = line(id);
    if (!current) {
        if (error)
            *error = tr("There is no line %1 in the outbox.").arg(id);
        return std::nullopt;
    }
    if (current->state != LineState::Pending && current->state != LineState::NeedsCorrection) {
        if (error)
            *error = refusal.arg(id).arg(lineStateName(current->state));
        return std::nullopt;
    }
    return current;
}

bool OutboxStore::applyForPerson(qint64 id, QSqlQuery &update, const QString &event, const QString &detail,
                                 const QString &failed, QString *error)
{
    QSqlDatabase db = database();
    QSqlError failure;
    bool ok = db.transaction();
    if (!ok)
        failure = db.lastError();
    if (ok && !update.exec()) {
        ok = false;
        failure = update.lastError();
    }
    // The WHERE clause re-checks the state: a sender may have claimed the line since it was read.
    ok = ok && update.numRowsAffected() == 1 && addAudit(id, event, nullptr, detail, &failure) && db.commit();
    if (!ok) {
        if (!failure.isValid())
            failure = db.lastError();
        db.rollback();
        if (error)
            *error = failed.arg(id).arg(failure.isValid() ? writeError(failure)
                                                          : tr("it is being sent right now"));
        return false;
    }
    notify(id);
    return true;
}

bool OutboxStore::retry(qint64 id, QString *error)
{
    if (!lineForPerson(id, tr("Line %1 is %2; only pending or needs-correction lines can be retried."),
                       error))
        return false;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE lines SET state = 'pending', next_attempt_at = ?, updated_at = ? "
                                 "WHERE id = ? AND state IN ('pending', 'needs-correction')"));
    query.addBindValue(nowMs());
    query.addBindValue(nowMs());
    query.addBindValue(id);
    return applyForPerson(id, query, QStringLiteral("retry"), {}, tr("Line %1 could not be retried: %2"),
                          error);
}

bool OutboxStore::replaceEntry(qint64 id, const Model::ProcedureEntry &entry, QString *error)
{
    const auto current =
        lineForPerson(id, tr("Line %1 is %2; only pending or needs-correction lines can be changed."), error);
    if (!current)
        return false;
    // The identifier is what makes a resend harmless; a corrected line keeps it.
    Model::ProcedureEntry corrected = entry;
    corrected.identifiers.removeIf([](const Model::Identifier &identifier) {
        return identifier.system == QLatin1String(Model::Systems::Rfc3986);
    });
    corrected.identifiers.append(current->identifier);
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "UPDATE lines SET entry_json = ?, patient_id = ?, encounter_id = ?, code = COALESCE(?, ''), state = "
        "'pending', "
        "findings_json = '[]', next_attempt_at = ?, updated_at = ? WHERE id = ? AND state IN ('pending', "
        "'needs-correction')"));
    query.addBindValue(
        QString::fromUtf8(Fhir::ProcedureWriter(Fhir::Dialect::EhrVendor).toBytes(corrected, false)));
    query.addBindValue(corrected.subject.id());
    query.addBindValue(corrected.encounter.id());
    query.addBindValue(corrected.code.code);
    query.addBindValue(nowMs());
    query.addBindValue(nowMs());
    query.addBindValue(id);
    return applyForPerson(id, query, QStringLiteral("corrected"), {}, tr("Line %1 could not be changed: %2"),
                          error);
}

bool OutboxStore::discard(qint64 id, const QString &reason, QString *error)
{
    if (!lineForPerson(id, tr("Line %1 is %2; only pending or needs-correction lines can be discarded."),
                       error))
        return false;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE lines SET state = 'discarded', updated_at = ? "
                                 "WHERE id = ? AND state IN ('pending', 'needs-correction')"));
    query.addBindValue(nowMs());
    query.addBindValue(id);
    return applyForPerson(id, query, QStringLiteral("discarded"), reason,
                          tr("Line %1 could not be discarded: %2"), error);
}

std::optional<OutboxLine> OutboxStore::line(qint64 id) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT %1 FROM lines WHERE id = ?").arg(LineColumns));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return lineFromQuery(query);
}

std::optional<OutboxLine> OutboxStore::lineByIdentifier(const QString &identifierValue) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT %1 FROM lines WHERE identifier = ?").arg(LineColumns));
    query.addBindValue(identifierValue);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return lineFromQuery(query);
}

QList<OutboxLine> OutboxStore::lines(std::optional<LineState> state) const
{
    QSqlQuery query(database());
    if (state) {
        query.prepare(QStringLiteral("SELECT %1 FROM lines WHERE state = ? ORDER BY id").arg(LineColumns));
        query.addBindValue(lineStateName(*state));
    } else {
        query.prepare(QStringLiteral("SELECT %1 FROM lines ORDER BY id").arg(LineColumns));
    }
    QList<OutboxLine> result;
    if (!query.exec())
        return result;
    while (query.next())
        result.append(lineFromQuery(query));
    return result;
}

QList<qint64> OutboxStore::dueLines(const QDateTime &now, int limit) const
{
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id FROM lines WHERE state = 'pending' AND next_attempt_at <= ? "
                                 "ORDER BY next_attempt_at, id LIMIT ?"));
    query.addBindValue(now.toMSecsSinceEpoch());
    query.addBindValue(limit);
    QList<qint64> ids;
    if (!query.exec())
        return ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

std::optional<QDateTime> OutboxStore::nextDue() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT MIN(next_attempt_at) FROM lines WHERE state = 'pending'")) ||
        !query.next() || query.value(0).isNull())
        return std::nullopt;
    return fromMs(query.value(0));
}

QueueCounts OutboxStore::counts() const
{
    QueueCounts counts;
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT state, COUNT(*) FROM lines GROUP BY state")))
        return counts;
    while (query.next()) {
        const int n = query.value(1).toInt();
        switch (lineStateFromName(query.value(0).toString()).value_or(LineState::Pending)) {
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
    return counts;
}

QList<AuditEntry> OutboxStore::audit(qint64 lineId) const
{
    QSqlQuery query(database());
    const QString columns =
        QStringLiteral("id, line_id, at, event, http_status, result, ehr_code, ehr_id, detail");
    if (lineId > 0) {
        query.prepare(QStringLiteral("SELECT %1 FROM audit WHERE line_id = ? ORDER BY id").arg(columns));
        query.addBindValue(lineId);
    } else {
        query.prepare(QStringLiteral("SELECT %1 FROM audit ORDER BY id").arg(columns));
    }
    QList<AuditEntry> entries;
    if (!query.exec())
        return entries;
    while (query.next()) {
        entries.append({query.value(0).toLongLong(), query.value(1).toLongLong(), fromMs(query.value(2)),
                        query.value(3).toString(), query.value(4).toInt(), query.value(5).toString(),
                        query.value(6).toString(), query.value(7).toString(), query.value(8).toString()});
    }
    return entries;
}

} // namespace Outbox
