#include "catalogdatabase.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QSet>
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

// Migration n takes the schema from version n to n + 1, all in one transaction; only ever append
// (and raise CatalogDatabase::SchemaVersion).
const QList<Common::SqliteMigration> &migrations()
{
    static const QList<Common::SqliteMigration> steps = {
        {.statements = {QStringLiteral("CREATE TABLE code ("
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
                                       " PRIMARY KEY (user_name, code)) WITHOUT ROWID")}},
        {.statements =
             {// The practice's own synonyms, added to the shipped table (resources/catalog/synonyms.csv).
              QStringLiteral("CREATE TABLE synonym ("
                             " term TEXT NOT NULL,"
                             " expansion TEXT NOT NULL,"
                             " added_at TEXT NOT NULL,"
                             " PRIMARY KEY (term, expansion)) WITHOUT ROWID")}},
    };
    return steps;
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

// "What failed: why", for the import report and the log.
Common::Error failed(const QString &what, const Common::Error &why)
{
    qCWarning(lcCatalog) << "catalog database:" << what << why.code;
    return Common::makeError(why.code, what + QStringLiteral(": ") + why.message, why.path);
}

QVariantMap codeValues(const CodeEntry &entry, const QString &stamp)
{
    return {{QStringLiteral("code"), entry.code},
            {QStringLiteral("display"), entry.display},
            {QStringLiteral("version"), entry.version},
            {QStringLiteral("anesthesia"), entry.flags.anesthesia},
            {QStringLiteral("dental"), entry.flags.dental},
            {QStringLiteral("add_on"), entry.flags.addOn},
            {QStringLiteral("inactive"), entry.flags.inactive},
            {QStringLiteral("updated_at"), stamp}};
}

} // namespace

CatalogDatabase::CatalogDatabase()
    : m_db(QStringLiteral("catalog"))
{
}

Common::Status CatalogDatabase::open(const QString &path)
{
    Q_ASSERT(migrations().size() == SchemaVersion);
    // The catalog can be imported again, so NORMAL suffices: WAL keeps the file consistent.
    if (Common::Status opened = m_db.open(
            path, {.migrations = migrations(), .durability = Common::SqliteDatabase::Durability::Normal});
        !opened)
        return failed(Text::tr("Cannot open the code catalog %1").arg(path), opened.error());
    return {};
}

Common::Result<CodeEntries> CatalogDatabase::readCodes() const
{
    auto query = m_db.run(
        QStringLiteral("SELECT code, display, version, anesthesia, dental, add_on, inactive FROM code"));
    if (!query)
        return failed(Text::tr("Cannot read the codes"), query.error());
    CodeEntries entries;
    while (query->next()) {
        CodeEntry entry;
        entry.code = query->value(0).toString();
        entry.display = query->value(1).toString();
        entry.version = query->value(2).toString();
        entry.kind = Rules::CodeClassifier::classify(entry.code);
        entry.flags.anesthesia = query->value(3).toBool();
        entry.flags.dental = query->value(4).toBool();
        entry.flags.addOn = query->value(5).toBool();
        entry.flags.inactive = query->value(6).toBool();
        entry.flags.display = entry.display;
        entries.append(entry);
    }
    if (Common::Status read = m_db.finished(*query); !read)
        return failed(Text::tr("Cannot read the codes"), read.error());
    return entries;
}

Common::Status CatalogDatabase::applyImport(const ParsedCodeFile &file, ImportReport &report,
                                            const QDateTime &now)
{
    const auto refuse = [&report](const Common::Error &failure) {
        report.refused = true;
        report.refusal = failure.message;
        return failure;
    };
    Common::Transaction transaction(m_db);
    if (Common::Status begun = transaction.begin(); !begun)
        return refuse(failed(Text::tr("Cannot start the import"), begun.error()));

    const auto existingList = readCodes();
    if (!existingList)
        return refuse(existingList.error());
    QHash<QString, CodeEntry> existing;
    QString catalogVersion;
    for (const CodeEntry &entry : *existingList) {
        existing.insert(entry.code, entry);
        if (!entry.flags.inactive && !entry.version.isEmpty() &&
            (catalogVersion.isEmpty() || CodeFileParser::compareVersions(entry.version, catalogVersion) > 0))
            catalogVersion = entry.version;
    }

    auto insert = m_db.prepare(QStringLiteral(
        "INSERT INTO code (code, display, version, anesthesia, dental, add_on, inactive, updated_at) "
        "VALUES (:code, :display, :version, :anesthesia, :dental, :add_on, :inactive, :updated_at)"));
    auto update = m_db.prepare(QStringLiteral(
        "UPDATE code SET display = :display, version = :version, anesthesia = :anesthesia, dental = "
        ":dental, add_on = :add_on, inactive = :inactive, updated_at = :updated_at WHERE code = :code"));
    if (!insert || !update)
        return refuse(failed(Text::tr("Cannot start the import"), !insert ? insert.error() : update.error()));
    const QString stamp = isoTime(now);
    QSet<QString> inFile;
    for (const ParsedCodeRow &row : file.rows) {
        const CodeEntry &entry = row.entry;
        inFile.insert(entry.code);
        const auto found = existing.constFind(entry.code);
        if (found == existing.cend()) {
            if (Common::Status added = m_db.exec(*insert, codeValues(entry, stamp)); !added)
                return refuse(failed(Text::tr("Cannot add code %1").arg(entry.code), added.error()));
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
        if (Common::Status updated = m_db.exec(*update, codeValues(entry, stamp)); !updated)
            return refuse(failed(Text::tr("Cannot update code %1").arg(entry.code), updated.error()));
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
        auto inactivate = m_db.prepare(
            QStringLiteral("UPDATE code SET inactive = 1, updated_at = :updated_at WHERE code = :code"));
        if (!inactivate)
            return refuse(failed(Text::tr("Cannot start the import"), inactivate.error()));
        for (const CodeEntry &entry : *existingList) {
            if (entry.flags.inactive || inFile.contains(entry.code) ||
                file.rejectedCodes.contains(entry.code))
                continue;
            if (Common::Status marked = m_db.exec(*inactivate, {{QStringLiteral("updated_at"), stamp},
                                                                {QStringLiteral("code"), entry.code}});
                !marked)
                return refuse(
                    failed(Text::tr("Cannot mark code %1 inactive").arg(entry.code), marked.error()));
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

    auto logged = m_db.run(
        QStringLiteral("INSERT INTO import_log (imported_at, source, version, rows_read, imported, updated, "
                       "unchanged, inactivated, errors) VALUES (:imported_at, :source, :version, :rows_read, "
                       ":imported, :updated, :unchanged, :inactivated, :errors)"),
        {{QStringLiteral("imported_at"), stamp},
         {QStringLiteral("source"), QFileInfo(report.file).fileName()},
         {QStringLiteral("version"), file.highestVersion},
         {QStringLiteral("rows_read"), report.rowsRead},
         {QStringLiteral("imported"), report.imported},
         {QStringLiteral("updated"), report.updated},
         {QStringLiteral("unchanged"), report.unchanged},
         {QStringLiteral("inactivated"), report.inactivated},
         {QStringLiteral("errors"), report.errorCount()}});
    if (!logged)
        return refuse(failed(Text::tr("Cannot write the import log"), logged.error()));
    if (Common::Status committed = transaction.commit(); !committed)
        return refuse(failed(Text::tr("Cannot save the import"), committed.error()));
    return {};
}

Common::Result<Synonyms> CatalogDatabase::readSynonyms() const
{
    auto query =
        m_db.run(QStringLiteral("SELECT term, expansion FROM synonym ORDER BY added_at, term, expansion"));
    if (!query)
        return failed(Text::tr("Cannot read the synonyms"), query.error());
    Synonyms synonyms;
    while (query->next())
        synonyms.append({query->value(0).toString(), query->value(1).toString()});
    if (Common::Status read = m_db.finished(*query); !read)
        return failed(Text::tr("Cannot read the synonyms"), read.error());
    return synonyms;
}

Common::Result<int> CatalogDatabase::addSynonyms(const Synonyms &synonyms, const QDateTime &now)
{
    Common::Transaction transaction(m_db);
    if (Common::Status begun = transaction.begin(); !begun)
        return failed(Text::tr("Cannot start saving the synonyms"), begun.error());
    auto insert = m_db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO synonym (term, expansion, added_at) VALUES (:term, :expansion, :added_at)"));
    if (!insert)
        return failed(Text::tr("Cannot start saving the synonyms"), insert.error());
    int added = 0;
    for (const Synonym &synonym : synonyms) {
        if (Common::Status saved =
                m_db.exec(*insert, {{QStringLiteral("term"), synonym.term.trimmed()},
                                    {QStringLiteral("expansion"), synonym.expansion.trimmed()},
                                    {QStringLiteral("added_at"), isoTime(now)}});
            !saved)
            return failed(Text::tr("Cannot save the synonym %1").arg(synonym.term), saved.error());
        added += insert->numRowsAffected() > 0 ? 1 : 0;
    }
    if (Common::Status committed = transaction.commit(); !committed)
        return failed(Text::tr("Cannot save the synonyms"), committed.error());
    return added;
}

Common::Result<QStringList> CatalogDatabase::codesOf(const QString &sql, const QString &user) const
{
    auto query = m_db.run(sql, {{QStringLiteral("user"), user}});
    if (!query)
        return query.error();
    QStringList codes;
    while (query->next())
        codes.append(query->value(0).toString());
    if (Common::Status read = m_db.finished(*query); !read)
        return read.error();
    return codes;
}

Common::Result<QStringList> CatalogDatabase::favourites(const QString &user) const
{
    auto codes =
        codesOf(QStringLiteral("SELECT code FROM favourite WHERE user_name = :user ORDER BY code"), user);
    if (!codes)
        return failed(Text::tr("Cannot read the favourites"), codes.error());
    return codes;
}

Common::Status CatalogDatabase::setFavourite(const QString &user, const QString &code, bool favourite,
                                             const QDateTime &now)
{
    auto saved =
        favourite ? m_db.run(QStringLiteral(
                                 "INSERT OR IGNORE INTO favourite (user_name, code, added_at) VALUES (:user, "
                                 ":code, :added_at)"),
                             {{QStringLiteral("user"), user},
                              {QStringLiteral("code"), code},
                              {QStringLiteral("added_at"), isoTime(now)}})
                  : m_db.run(QStringLiteral("DELETE FROM favourite WHERE user_name = :user AND code = :code"),
                             {{QStringLiteral("user"), user}, {QStringLiteral("code"), code}});
    if (!saved)
        return failed(Text::tr("Cannot save the favourite"), saved.error());
    return {};
}

Common::Result<QStringList> CatalogDatabase::recent(const QString &user) const
{
    auto codes =
        codesOf(QStringLiteral("SELECT code FROM recent WHERE user_name = :user ORDER BY seq DESC"), user);
    if (!codes)
        return failed(Text::tr("Cannot read the recently used codes"), codes.error());
    return codes;
}

Common::Status CatalogDatabase::noteUsed(const QString &user, const QString &code, const QDateTime &now)
{
    Common::Transaction transaction(m_db);
    if (Common::Status begun = transaction.begin(); !begun)
        return failed(Text::tr("Cannot save the recently used code"), begun.error());
    // seq orders uses even when the clock gives two uses the same time.
    auto used = m_db.run(
        QStringLiteral("INSERT INTO recent (user_name, code, used_at, seq)"
                       " VALUES (:user, :code, :used_at, (SELECT COALESCE(MAX(seq), 0) + 1 FROM recent))"
                       " ON CONFLICT (user_name, code) DO UPDATE SET used_at = excluded.used_at,"
                       " seq = excluded.seq"),
        {{QStringLiteral("user"), user},
         {QStringLiteral("code"), code},
         {QStringLiteral("used_at"), isoTime(now)}});
    if (!used)
        return failed(Text::tr("Cannot save the recently used code"), used.error());
    auto trimmed =
        m_db.run(QStringLiteral("DELETE FROM recent WHERE user_name = :user AND code NOT IN"
                                " (SELECT code FROM recent WHERE user_name = :user ORDER BY seq DESC"
                                " LIMIT :kept)"),
                 {{QStringLiteral("user"), user}, {QStringLiteral("kept"), RecentKept}});
    if (!trimmed)
        return failed(Text::tr("Cannot trim the recently used codes"), trimmed.error());
    if (Common::Status committed = transaction.commit(); !committed)
        return failed(Text::tr("Cannot save the recently used code"), committed.error());
    return {};
}

} // namespace Catalog
