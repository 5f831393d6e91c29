#pragma once

#include <optional>

#include <QDateTime>
#include <QString>
#include <QStringList>

#include "codeentry.h"
#include "codefileparser.h"
#include "common/result.h"
#include "common/sqlitedatabase.h"
#include "importreport.h"
#include "synonymfile.h"

namespace Catalog {

/**
 * The catalog's SQLite file: codes, the import log, the practice's own
 * synonyms, and each user's favourites and recently used codes. Persistence only; searching is the
 * in-memory SearchIndex's job. The schema has a version (PRAGMA user_version)
 * and cumulative migrations applied in one transaction; the journal is WAL,
 * checked after it is set. One object is one connection, used from the thread
 * that opened it.
 */
class CatalogDatabase
{
public:
    /// The number of migrations in catalogdatabase.cpp.
    static constexpr int SchemaVersion = 2;

    CatalogDatabase();
    CatalogDatabase(const CatalogDatabase &) = delete;
    CatalogDatabase &operator=(const CatalogDatabase &) = delete;

    /// Opens or creates the file (":memory:" for a database that lives as long as this object).
    Common::Status open(const QString &path);
    void close() { m_db.close(); }
    bool isOpen() const { return m_db.isOpen(); }
    QString path() const { return m_db.path(); }
    QString journalMode() const { return m_db.journalMode(); }

    Common::Result<CodeEntries> readCodes() const;

    /// Writes a parsed file in one transaction: new codes, changed codes, and, when the file is not
    /// older than the catalog, codes missing from it marked inactive. Fills the counts of report;
    /// on a database error rolls back and sets report.refused and report.refusal too.
    Common::Status applyImport(const ParsedCodeFile &file, ImportReport &report, const QDateTime &now);

    /// The practice's synonyms, oldest first.
    Common::Result<Synonyms> readSynonyms() const;
    /// Adds synonyms in one transaction; rows already there are left alone. Returns how many were new.
    Common::Result<int> addSynonyms(const Synonyms &synonyms, const QDateTime &now);

    Common::Result<QStringList> favourites(const QString &user) const;
    Common::Status setFavourite(const QString &user, const QString &code, bool favourite,
                                const QDateTime &now);
    /// Most recent first.
    Common::Result<QStringList> recent(const QString &user) const;
    Common::Status noteUsed(const QString &user, const QString &code, const QDateTime &now);

    static constexpr int RecentKept = 50;

private:
    Common::Result<QStringList> codesOf(const QString &sql, const QString &user) const;

    Common::SqliteDatabase m_db;
};

} // namespace Catalog
