#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <QObject>
#include <QString>
#include <QStringList>

#include "codeentry.h"
#include "codefileparser.h"
#include "common/result.h"
#include "importreport.h"
#include "searchindex.h"
#include "synonymfile.h"

namespace Common {
class Clock;
}

namespace Catalog {

class CatalogDatabase;

/**
 * The code catalog the form's code box, the CLI and the rules use: the
 * practice's licensed codes from an SQLite file, or the built-in training
 * catalog; search-as-you-type over an in-memory index, with the shipped
 * synonym table (resources/catalog/synonyms.csv) and the practice's own
 * synonyms (kept in the catalog file); lookup and the rule flags (anesthesia,
 * dental, add-on, inactive) for the Validator; CSV import; and each user's
 * favourites and recently used codes, which search ranks first among equals.
 *
 * Favourites and recent codes live in the same SQLite file as the codes, keyed
 * by user name: one file to back up, written in transactions, and a catalog
 * shared by several clerks keeps their lists apart. The training catalog keeps
 * them in memory for the session.
 *
 * Use it from one thread (the one that opened it). search() never touches the
 * database. flagsLookup() stays valid, and follows re-imports, for as long as
 * anyone holds it, even after the catalog is destroyed.
 */
class CodeCatalog : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultLimit = 20;

    explicit CodeCatalog(QObject *parent = nullptr);
    ~CodeCatalog() override;

    /// Opens (creating it when missing) a catalog file and loads its codes.
    bool open(const QString &path);
    /// The built-in training catalog (resources/catalog/training-catalog.csv): in memory, or in the
    /// file at path (created from it when new), where favourites and recent codes then persist.
    bool loadTrainingCatalog(const QString &path = {});
    /// open(path) when that file exists, else loadTrainingCatalog(): what the form and the CLI's search do.
    bool openOrTraining(const QString &path = defaultDatabasePath());
    void close();
    bool isOpen() const;
    bool isTraining() const { return m_training; }
    QString path() const;
    QString errorString() const { return m_error; }

    /// $SUPERBILL_CATALOG_DB, else catalog.sqlite in the Superbill Desk data folder shared by the
    /// desktop app and superbill-cli (~/.local/share/Superbill Desk/catalog.sqlite on Linux).
    static QString defaultDatabasePath();
    static QString trainingCatalogResource();
    /// The login name, so favourites follow the person on a shared catalog.
    static QString defaultUserName();

    QString user() const { return m_user; }
    void setUser(const QString &user);
    /// Where "now" comes from for the import log and recent codes; not owned; nullptr: the system clock.
    void setClock(const Common::Clock *clock);

    qsizetype size() const;
    /// The highest code-system version among active codes ("" when none is known).
    QString version() const;
    /// Codes matching text, best first (see SearchIndex); for empty text, favourites then recent codes.
    CodeEntries search(const QString &text, int limit = DefaultLimit) const;
    /// As search(), with how each code was found and why it may rank last. The catalog fills
    /// options.preferred with the user's favourite and recent codes. Empty text: SearchMatch::Listed.
    QList<SearchIndex::Hit> searchHits(const QString &text, SearchOptions options = {}) const;
    std::optional<CodeEntry> lookup(const QString &code) const;
    /// For Rules::ValidationContext::codeFlags.
    Rules::CodeFlagsLookup flagsLookup() const;
    std::shared_ptr<const SearchIndex> index() const;

    ImportReport import(const QString &filePath, bool strict = false);
    ImportReport import(const QString &filePath, const ImportOptions &options);
    /// As import(), for data already in memory; sourceName names it in the report.
    ImportReport importData(const QByteArray &data, const QString &sourceName,
                            const ImportOptions &options = {});

    /// The practice's own synonyms (the shipped table comes on top of them), oldest first.
    Synonyms practiceSynonyms() const { return m_practiceSynonyms; }
    /// Adds the rows of a synonym file (term,expansion) to the catalog file and to search. Rows with
    /// errors are reported with their line and left out; the others are kept. An error when nothing
    /// could be read or saved.
    Common::Result<ImportReport> importSynonyms(const QString &filePath);
    Common::Result<ImportReport> importSynonymData(const QByteArray &data, const QString &sourceName);

    CodeEntries favourites() const;
    bool isFavourite(const QString &code) const;
    bool setFavourite(const QString &code, bool favourite);
    /// Most recent first.
    CodeEntries recent(int limit = DefaultLimit) const;
    bool isRecent(const QString &code) const;
    bool noteUsed(const QString &code);

signals:
    void codesChanged();
    void favouritesChanged();
    void recentChanged();

private:
    struct IndexHolder;

    bool openDatabase(const QString &path);
    bool reloadCodes();
    /// Builds the search index from codes and says codesChanged.
    void useCodes(CodeEntries codes);
    void reloadUserLists();
    bool reloadSynonyms();
    /// The index entries of the user's favourite and recent codes, for search.
    void updatePreferred();
    CodeEntries entriesFor(const QStringList &codes, int limit, const QStringList &skip = {}) const;
    QDateTime now() const;

    std::unique_ptr<CatalogDatabase> m_db;
    std::shared_ptr<IndexHolder> m_holder;
    bool m_training = false;
    QString m_error;
    QString m_user;
    QString m_version;
    QStringList m_favourites; ///< sorted by code
    QStringList m_recent;     ///< most recent first
    Synonyms m_practiceSynonyms;
    std::vector<std::uint32_t> m_preferred; ///< sorted entry indices of m_favourites and m_recent
    const Common::Clock *m_clock;
};

} // namespace Catalog
