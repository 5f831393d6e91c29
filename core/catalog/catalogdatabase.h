#pragma once

#include <optional>

#include <QDateTime>
#include <QString>
#include <QStringList>

#include "codeentry.h"
#include "codefileparser.h"
#include "common/result.h"
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
    static constexpr int SchemaVersion = 2;

    CatalogDatabase();
    ~CatalogDatabase();
    CatalogDatabase(const CatalogDatabase &) = delete;
    CatalogDatabase &operator=(const CatalogDatabase &) = delete;

    /// Opens or creates the file (":memory:" for a database that lives as long as this object).
    bool open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    QString journalMode() const { return m_journalMode; }

    std::optional<CodeEntries> readCodes();

    /// Writes a parsed file in one transaction: new codes, changed codes, and, when the file is not
    /// older than the catalog, codes missing from it marked inactive. Fills the counts of report;
    /// on a database error rolls back, sets report.refused and returns false.
    bool applyImport(const ParsedCodeFile &file, ImportReport &report, const QDateTime &now);

    /// The practice's synonyms, oldest first.
    Common::Result<Synonyms> readSynonyms();
    /// Adds synonyms in one transaction; rows already there are left alone. Returns how many were new.
    Common::Result<int> addSynonyms(const Synonyms &synonyms, const QDateTime &now);

    std::optional<QStringList> favourites(const QString &user);
    bool setFavourite(const QString &user, const QString &code, bool favourite, const QDateTime &now);
    /// Most recent first.
    std::optional<QStringList> recent(const QString &user);
    bool noteUsed(const QString &user, const QString &code, const QDateTime &now);

    static constexpr int RecentKept = 50;

private:
    bool migrate();
    bool fail(const QString &what, const QString &detail);

    QString m_connection;
    QString m_path;
    QString m_error;
    QString m_journalMode;
};

} // namespace Catalog
