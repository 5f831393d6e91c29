#include "catalogdatabase.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "cataloglog.h"

namespace Catalog {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Catalog::CatalogDatabase)
};

const auto Driver = QStringLiteral("QSQLITE");

// Migration n takes the schema from version n to n + 1; they only ever grow.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        {
            QStringLiteral("CREATE TABLE code ("
                           " code TEXT PRIMARY KEY NOT NULL,"
                           " display TEXT NOT NULL,"
                           " version TEXT NOT NULL DEFAULT '',"
                           " anesthesia INTEGER NOT NULL DEFAULT 0,"
                           " dental INTEGER NOT NULL DEFAULT 0,"
                           " add_on INTEGER NOT NULL DEFAULT 0,"
                           " inactive INTEGER NOT NULL DEFAULT 0,"
                           " updated_at TEXT NOT NULL) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE import_log ("
                           " id INTEGER PRIMARY KEY,"
                           " imported_at TEXT NOT NULL,"
                           " source TEXT NOT NULL,"
                           " version TEXT NOT NULL,"
                           " rows_read INTEGER NOT NULL,"
                           " imported INTEGER NOT NULL,"
                           " updated INTEGER NOT NULL,"
                           " unchanged INTEGER NOT NULL,"
                           " inactivated INTEGER NOT NULL,"
                           " errors INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE favourite ("
                           " user_name TEXT NOT NULL,"
                           " code TEXT NOT NULL,"
                           " added_at TEXT NOT NULL,"
                           " PRIMARY KEY (user_name, code)) WITHOUT ROWID"),
            QStringLiteral("CREATE TABLE recent ("
                           " user_name TEXT NOT NULL,"
                           " code TEXT NOT NULL,"
                           " used_at TEXT NOT NULL,"
                           " seq INTEGER NOT NULL,"
                           " PRIMARY KEY (user_name, code)) WITHOUT ROWID"),
        },
        {
            // The practice's own synonyms, added to the shipped table (resources/catalog/synonyms.csv).
            QStringLiteral("CREATE TABLE synonym ("
                           " term TEXT NOT NULL,"
                           " expansion TEXT NOT NULL,"
                           " added_at TEXT NOT NULL,"
                           " PRIMARY KEY (term, expansion)) WITHOUT ROWID"),
        },
    };
    return steps;
}

// QSQLITE binds a null QString as NULL, which the NOT NULL columns refuse.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

bool sameContent(const CodeEntry &a, const CodeEntry &b)
{
    return a.display == b.display && a.version == b.version && a.flags.anesthesia == b.flags.anesthesia &&
           a.flags.dental == b.flags.dental && a.flags.addOn == b.flags.addOn &&
           a.flags.inactive == b.flags.inactive;
}

// Rolls back unless committed, so every early return leaves the file as it was.
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase &db)
        : m_db(db)
    {
        m_active = m_db.transaction();
    }
    ~Transaction()
    {
        if (m_active)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit()
    {
        if (!m_active)
            return false;
        m_active = false;
        if (m_db.commit())
            return true;
        m_db.rollback();
        return false;
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace

CatalogDatabase::CatalogDatabase()
{
    static QAtomicInteger<quint64> counter;
    m_connection = QStringLiteral("superbill-catalog-%1").arg(counter.fetchAndAddRelaxed(1));
}

CatalogDatabase::~CatalogDatabase()
{
    close();
}

bool CatalogDatabase::fail(const QString &what, const QString &detail)
{
    m_error = detail.isEmpty() ? what : what + QStringLiteral(": ") + detail;
    qCWarning(lcCatalog) << "catalog database" << m_path << m_error;
    return false;
}

bool CatalogDatabase::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

void CatalogDatabase::close()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

bool CatalogDatabase::open(const QString &path)
{
    close();
    m_path = path;
    m_error.clear();
    if (!QSqlDatabase::isDriverAvailable(Driver))
        return fail(Text::tr("The SQLite driver for Qt (QSQLITE) is not installed"),
                    Text::tr("on Debian install libqt6sql6-sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(Driver, m_connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            const QString detail = db.lastError().text();
            close();
            return fail(Text::tr("Cannot open the code catalog %1").arg(path), detail);
        }
        QSqlQuery query(db);
        // The catalog can be imported again, so NORMAL suffices: WAL keeps the file consistent.
        if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next()) {
            const QString detail = query.lastError().text();
            close();
            return fail(Text::tr("%1 is not a code catalog (an SQLite database)").arg(path), detail);
        }
        m_journalMode = query.value(0).toString().toLower();
        const bool inMemory = path == u":memory:";
        if (m_journalMode != u"wal" && !(inMemory && m_journalMode == u"memory"))
            qCWarning(lcCatalog) << "catalog journal mode is" << m_journalMode << "instead of wal for"
                                 << path;
        query.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    }
    if (!migrate()) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    return true;
}

bool CatalogDatabase::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return fail(Text::tr("Cannot read the catalog's schema version"), query.lastError().text());
    const int version = query.value(0).toInt();
    const int newest = int(migrations().size());
    if (version > newest)
        return fail(
            Text::tr("The code catalog %1 was written by a newer Superbill Desk (schema %2; this version "
                     "knows up to %3)")
                .arg(m_path)
                .arg(version)
                .arg(newest),
            {});
    if (version == newest)
        return true;
    Transaction transaction(db);
    if (!transaction.isActive())
        return fail(Text::tr("Cannot start the catalog's schema update"), db.lastError().text());
    for (int step = version; step < newest; ++step) {
        for (const QString &statement : migrations().at(step)) {
            if (!query.exec(statement))
                return fail(Text::tr("Cannot update the catalog's schema to version %1").arg(step + 1),
                            query.lastError().text());
        }
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version=%1").arg(newest)))
        return fail(Text::tr("Cannot record the catalog's schema version"), query.lastError().text());
    if (!transaction.commit())
        return fail(Text::tr("Cannot save the catalog's schema update"), db.lastError().text());
    qCInfo(lcCatalog) << "catalog schema" << version << "->" << newest;
    return true;
}

std::optional<CodeEntries> CatalogDatabase::readCodes()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT code, display, version, anesthesia, dental, add_on, inactive FROM code"))) {
        fail(Text::tr("Cannot read the codes"), query.lastError().text());
        return std::nullopt;
    }
    CodeEntries entries;
    while (query.next()) {
        CodeEntry entry;
        entry.code = query.value(0).toString();
        entry.display = query.value(1).toString();
        entry.version = query.value(2).toString();
        entry.kind = Rules::CodeClassifier::classify(entry.code);
        entry.flags.anesthesia = query.value(3).toBool();
        entry.flags.dental = query.value(4).toBool();
        entry.flags.addOn = query.value(5).toBool();
        entry.flags.inactive = query.value(6).toBool();
        entry.flags.display = entry.display;
        entries.append(entry);
    }
    return entries;
}

bool CatalogDatabase::applyImport(const ParsedCodeFile &file, ImportReport &report, const QDateTime &now)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    auto refuse = [&](const QString &what, const QString &detail) {
        fail(what, detail);
        report.refused = true;
        report.refusal = m_error;
        return false;
    };
    Transaction transaction(db);
    if (!transaction.isActive())
        return refuse(Text::tr("Cannot start the import"), db.lastError().text());

    const std::optional<CodeEntries> existingList = readCodes();
    if (!existingList)
        return refuse(Text::tr("Cannot read the codes"), m_error);
    QHash<QString, CodeEntry> existing;
    QString catalogVersion;
    for (const CodeEntry &entry : *existingList) {
        existing.insert(entry.code, entry);
        if (!entry.flags.inactive && !entry.version.isEmpty() &&
            (catalogVersion.isEmpty() || CodeFileParser::compareVersions(entry.version, catalogVersion) > 0))
            catalogVersion = entry.version;
    }

    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT INTO code (code, display, version, anesthesia, dental, add_on, inactive,"
                       " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery update(db);
    update.prepare(
        QStringLiteral("UPDATE code SET display = ?, version = ?, anesthesia = ?, dental = ?, add_on = ?,"
                       " inactive = ?, updated_at = ? WHERE code = ?"));
    const QString stamp = isoTime(now);
    QSet<QString> inFile;
    for (const ParsedCodeRow &row : file.rows) {
        const CodeEntry &entry = row.entry;
        inFile.insert(entry.code);
        const auto found = existing.constFind(entry.code);
        if (found == existing.cend()) {
            insert.addBindValue(entry.code);
            insert.addBindValue(entry.display);
            insert.addBindValue(text(entry.version));
            insert.addBindValue(entry.flags.anesthesia);
            insert.addBindValue(entry.flags.dental);
            insert.addBindValue(entry.flags.addOn);
            insert.addBindValue(entry.flags.inactive);
            insert.addBindValue(stamp);
            if (!insert.exec())
                return refuse(Text::tr("Cannot add code %1").arg(entry.code), insert.lastError().text());
            ++report.imported;
            continue;
        }
        if (!entry.version.isEmpty() && !found->version.isEmpty() &&
            CodeFileParser::compareVersions(entry.version, found->version) < 0) {
            ++report.skippedOlder;
            continue;
        }
        if (sameContent(entry, *found)) {
            ++report.unchanged;
            continue;
        }
        update.addBindValue(entry.display);
        update.addBindValue(text(entry.version));
        update.addBindValue(entry.flags.anesthesia);
        update.addBindValue(entry.flags.dental);
        update.addBindValue(entry.flags.addOn);
        update.addBindValue(entry.flags.inactive);
        update.addBindValue(stamp);
        update.addBindValue(entry.code);
        if (!update.exec())
            return refuse(Text::tr("Cannot update code %1").arg(entry.code), update.lastError().text());
        ++report.updated;
    }
    if (report.skippedOlder > 0)
        report.issues.append(
            {0,
             {},
             Text::tr("%1 rows are older than the catalog's version of their code; the newer "
                      "descriptions were kept.")
                 .arg(report.skippedOlder),
             ImportIssue::Severity::Warning});

    // A file older than the catalog is an addition, not a new edition: nothing goes inactive for missing.
    const bool newEdition = file.highestVersion.isEmpty() || catalogVersion.isEmpty() ||
                            CodeFileParser::compareVersions(file.highestVersion, catalogVersion) >= 0;
    if (newEdition) {
        QSqlQuery inactivate(db);
        inactivate.prepare(QStringLiteral("UPDATE code SET inactive = 1, updated_at = ? WHERE code = ?"));
        for (const CodeEntry &entry : *existingList) {
            if (entry.flags.inactive || inFile.contains(entry.code) ||
                file.rejectedCodes.contains(entry.code))
                continue;
            inactivate.addBindValue(stamp);
            inactivate.addBindValue(entry.code);
            if (!inactivate.exec())
                return refuse(Text::tr("Cannot mark code %1 inactive").arg(entry.code),
                              inactivate.lastError().text());
            ++report.inactivated;
        }
    } else if (!existing.isEmpty()) {
        report.issues.append(
            {0,
             {},
             Text::tr("The file (version %1) is older than the catalog (version %2): its new codes "
                      "were added, and no code was marked inactive.")
                 .arg(file.highestVersion, catalogVersion),
             ImportIssue::Severity::Warning});
    }

    QSqlQuery log(db);
    log.prepare(
        QStringLiteral("INSERT INTO import_log (imported_at, source, version, rows_read, imported, updated,"
                       " unchanged, inactivated, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    log.addBindValue(stamp);
    log.addBindValue(text(QFileInfo(report.file).fileName()));
    log.addBindValue(text(file.highestVersion));
    log.addBindValue(report.rowsRead);
    log.addBindValue(report.imported);
    log.addBindValue(report.updated);
    log.addBindValue(report.unchanged);
    log.addBindValue(report.inactivated);
    log.addBindValue(report.errorCount());
    if (!log.exec())
        return refuse(Text::tr("Cannot write the import log"), log.lastError().text());
    if (!transaction.commit())
        return refuse(Text::tr("Cannot save the import"), db.lastError().text());
    return true;
}

Common::Result<Synonyms> CatalogDatabase::readSynonyms()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    if (!query.exec(
            QStringLiteral("SELECT term, expansion FROM synonym ORDER BY added_at, term, expansion"))) {
        fail(Text::tr("Cannot read the synonyms"), query.lastError().text());
        return Common::makeError(QStringLiteral("catalog-read"), m_error, m_path);
    }
    Synonyms synonyms;
    while (query.next())
        synonyms.append({query.value(0).toString(), query.value(1).toString()});
    return synonyms;
}

Common::Result<int> CatalogDatabase::addSynonyms(const Synonyms &synonyms, const QDateTime &now)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    auto failure = [&](const QString &what, const QString &detail) {
        fail(what, detail);
        return Common::makeError(QStringLiteral("catalog-write"), m_error, m_path);
    };
    Transaction transaction(db);
    if (!transaction.isActive())
        return failure(Text::tr("Cannot start saving the synonyms"), db.lastError().text());
    QSqlQuery insert(db);
    insert.prepare(
        QStringLiteral("INSERT OR IGNORE INTO synonym (term, expansion, added_at) VALUES (?, ?, ?)"));
    int added = 0;
    for (const Synonym &synonym : synonyms) {
        insert.addBindValue(synonym.term.trimmed());
        insert.addBindValue(synonym.expansion.trimmed());
        insert.addBindValue(isoTime(now));
        if (!insert.exec())
            return failure(Text::tr("Cannot save the synonym %1").arg(synonym.term),
                           insert.lastError().text());
        added += insert.numRowsAffected() > 0 ? 1 : 0;
    }
    if (!transaction.commit())
        return failure(Text::tr("Cannot save the synonyms"), db.lastError().text());
    return added;
}

std::optional<QStringList> CatalogDatabase::favourites(const QString &user)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT code FROM favourite WHERE user_name = ? ORDER BY code"));
    query.addBindValue(user);
    if (!query.exec()) {
        fail(Text::tr("Cannot read the favourites"), query.lastError().text());
        return std::nullopt;
    }
    QStringList codes;
    while (query.next())
        codes.append(query.value(0).toString());
    return codes;
}

bool CatalogDatabase::setFavourite(const QString &user, const QString &code, bool favourite,
                                   const QDateTime &now)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (favourite) {
        query.prepare(
            QStringLiteral("INSERT OR IGNORE INTO favourite (user_name, code, added_at) VALUES (?, ?, ?)"));
        query.addBindValue(user);
        query.addBindValue(code);
        query.addBindValue(isoTime(now));
    } else {
        query.prepare(QStringLiteral("DELETE FROM favourite WHERE user_name = ? AND code = ?"));
        query.addBindValue(user);
        query.addBindValue(code);
    }
    if (!query.exec())
        return fail(Text::tr("Cannot save the favourite"), query.lastError().text());
    return true;
}

std::optional<QStringList> CatalogDatabase::recent(const QString &user)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("SELECT code FROM recent WHERE user_name = ? ORDER BY seq DESC"));
    query.addBindValue(user);
    if (!query.exec()) {
        fail(Text::tr("Cannot read the recently used codes"), query.lastError().text());
        return std::nullopt;
    }
    QStringList codes;
    while (query.next())
        codes.append(query.value(0).toString());
    return codes;
}

bool CatalogDatabase::noteUsed(const QString &user, const QString &code, const QDateTime &now)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Transaction transaction(db);
    QSqlQuery query(db);
    // seq orders uses even when the clock gives two uses the same time.
    query.prepare(QStringLiteral("INSERT INTO recent (user_name, code, used_at, seq)"
                                 " VALUES (?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM recent))"
                                 " ON CONFLICT (user_name, code) DO UPDATE SET used_at = excluded.used_at,"
                                 " seq = excluded.seq"));
    query.addBindValue(user);
    query.addBindValue(code);
    query.addBindValue(isoTime(now));
    if (!query.exec())
        return fail(Text::tr("Cannot save the recently used code"), query.lastError().text());
    query.prepare(QStringLiteral("DELETE FROM recent WHERE user_name = ? AND code NOT IN"
                                 " (SELECT code FROM recent WHERE user_name = ? ORDER BY seq DESC LIMIT ?)"));
    query.addBindValue(user);
    query.addBindValue(user);
    query.addBindValue(RecentKept);
    if (!query.exec())
        return fail(Text::tr("Cannot trim the recently used codes"), query.lastError().text());
    if (!transaction.commit())
        return fail(Text::tr("Cannot save the recently used code"), db.lastError().text());
    return true;
}

} // namespace Catalog
