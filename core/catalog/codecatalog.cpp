#include "codecatalog.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include "catalogdatabase.h"
#include "cataloglog.h"
#include "common/clock.h"
#include "common/paths.h"

namespace Catalog {

namespace {
const auto InMemory = QStringLiteral(":memory:");
} // namespace

// Shared with every flagsLookup() handed out, so they see re-imports and outlive the catalog.
struct CodeCatalog::IndexHolder
{
    std::shared_ptr<const SearchIndex> index = std::make_shared<const SearchIndex>();
};

CodeCatalog::CodeCatalog(QObject *parent)
    : QObject(parent)
    , m_holder(std::make_shared<IndexHolder>())
    , m_user(defaultUserName())
    , m_clock(&Common::Clock::system())
{
}

CodeCatalog::~CodeCatalog() = default;

QString CodeCatalog::defaultDatabasePath()
{
    QString fromEnvironment = qEnvironmentVariable("SUPERBILL_CATALOG_DB");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QDir(Common::dataDirectory()).filePath(QStringLiteral("catalog.sqlite"));
}

QString CodeCatalog::trainingCatalogResource()
{
    return QStringLiteral(":/superbill/catalog/training-catalog.csv");
}

QString CodeCatalog::defaultUserName()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return QStringLiteral("default");
}

void CodeCatalog::setClock(const Common::Clock *clock)
{
    m_clock = Common::Clock::orSystem(clock);
}

QDateTime CodeCatalog::now() const
{
    return m_clock->nowUtc();
}

bool CodeCatalog::openDatabase(const QString &path)
{
    close();
    m_error.clear();
    if (path.isEmpty()) {
        m_error = tr("No catalog file given.");
        return false;
    }
    auto db = std::make_unique<CatalogDatabase>();
    if (const Common::Status opened = db->open(path); !opened) {
        m_error = opened.error().message;
        return false;
    }
    m_db = std::move(db);
    if (!reloadSynonyms()) {
        m_db.reset();
        return false;
    }
    return true;
}

bool CodeCatalog::reloadSynonyms()
{
    const Common::Result<Synonyms> synonyms = m_db->readSynonyms();
    if (!synonyms) {
        m_error = synonyms.error().text();
        return false;
    }
    m_practiceSynonyms = *synonyms;
    return true;
}

bool CodeCatalog::open(const QString &path)
{
    m_training = false;
    if (!openDatabase(path))
        return false;
    if (!reloadCodes()) {
        close();
        return false;
    }
    reloadUserLists();
    qCInfo(lcCatalog) << "catalog" << path << "opened:" << size() << "codes";
    return true;
}

bool CodeCatalog::loadTrainingCatalog(const QString &path)
{
    if (!openDatabase(path.isEmpty() ? InMemory : path))
        return false;
    m_training = true;
    auto codes = m_db->readCodes();
    if (!codes) {
        m_error = codes.error().message;
        close();
        return false;
    }
    // A training file keeps its codes (and the user's lists); they are imported once, when it is new.
    if (!codes->isEmpty()) {
        useCodes(std::move(*codes));
    } else {
        QFile file(trainingCatalogResource());
        if (!file.open(QIODevice::ReadOnly)) {
            m_error = tr("The built-in training catalog is missing: %1").arg(file.errorString());
            close();
            return false;
        }
        const ImportReport report = importData(file.readAll(), QStringLiteral("training-catalog.csv"));
        if (report.refused) {
            m_error = report.refusal;
            close();
            return false;
        }
        for (const ImportIssue &issue : report.issues)
            qCWarning(lcCatalog) << "training catalog:" << report.issueLine(issue);
    }
    reloadUserLists();
    return true;
}

bool CodeCatalog::openOrTraining(const QString &path)
{
    return !path.isEmpty() && QFileInfo::exists(path) ? open(path) : loadTrainingCatalog();
}

void CodeCatalog::close()
{
    const bool hadCodes = !m_holder->index->isEmpty();
    m_db.reset();
    m_training = false;
    m_version.clear();
    m_favourites.clear();
    m_recent.clear();
    m_practiceSynonyms.clear();
    m_preferred.clear();
    m_holder->index = std::make_shared<const SearchIndex>();
    if (hadCodes)
        emit codesChanged();
}

bool CodeCatalog::isOpen() const
{
    return m_db && m_db->isOpen();
}

QString CodeCatalog::path() const
{
    return m_db ? m_db->path() : QString();
}

bool CodeCatalog::reloadCodes()
{
    auto codes = m_db->readCodes();
    if (!codes) {
        m_error = codes.error().message;
        return false;
    }
    useCodes(std::move(*codes));
    return true;
}

void CodeCatalog::useCodes(CodeEntries codes)
{
    auto index =
        std::make_shared<const SearchIndex>(std::move(codes), SynonymFile::shipped() + m_practiceSynonyms);
    m_version.clear();
    for (const CodeEntry &entry : index->entries()) {
        if (entry.isActive() && !entry.version.isEmpty() &&
            (m_version.isEmpty() || CodeFileParser::compareVersions(entry.version, m_version) > 0))
            m_version = entry.version;
    }
    m_holder->index = std::move(index);
    updatePreferred();
    emit codesChanged();
}

void CodeCatalog::updatePreferred()
{
    m_preferred.clear();
    const SearchIndex &index = *m_holder->index;
    for (const QStringList *codes : {&m_favourites, &m_recent}) {
        for (const QString &code : *codes) {
            if (const qsizetype i = index.indexOf(code); i >= 0)
                m_preferred.push_back(std::uint32_t(i));
        }
    }
    std::sort(m_preferred.begin(), m_preferred.end());
    m_preferred.erase(std::unique(m_preferred.begin(), m_preferred.end()), m_preferred.end());
}

void CodeCatalog::reloadUserLists()
{
    m_favourites.clear();
    m_recent.clear();
    if (!m_db)
        return;
    if (const auto favourites = m_db->favourites(m_user))
        m_favourites = *favourites;
    if (const auto recent = m_db->recent(m_user))
        m_recent = *recent;
    updatePreferred();
    emit favouritesChanged();
    emit recentChanged();
}

void CodeCatalog::setUser(const QString &user)
{
    const QString name = user.isEmpty() ? defaultUserName() : user;
    if (name == m_user)
        return;
    m_user = name;
    reloadUserLists();
}

qsizetype CodeCatalog::size() const
{
    return m_holder->index->size();
}

QString CodeCatalog::version() const
{
    return m_version;
}

std::shared_ptr<const SearchIndex> CodeCatalog::index() const
{
    return m_holder->index;
}

CodeEntries CodeCatalog::entriesFor(const QStringList &codes, int limit, const QStringList &skip) const
{
    CodeEntries entries;
    const SearchIndex &index = *m_holder->index;
    for (const QString &code : codes) {
        if (entries.size() >= limit)
            break;
        if (skip.contains(code))
            continue;
        if (const CodeEntry *entry = index.find(code))
            entries.append(*entry);
    }
    return entries;
}

CodeEntries CodeCatalog::search(const QString &text, int limit) const
{
    if (limit <= 0)
        return {};
    if (text.trimmed().isEmpty()) {
        CodeEntries entries = entriesFor(m_favourites, limit);
        entries += entriesFor(m_recent, limit - int(entries.size()), m_favourites);
        return entries;
    }
    SearchOptions options;
    options.limit = limit;
    options.preferred = m_preferred;
    CodeEntries entries;
    for (SearchIndex::Hit &hit : m_holder->index->searchHits(text, options))
        entries.append(std::move(hit.entry));
    return entries;
}

QList<SearchIndex::Hit> CodeCatalog::searchHits(const QString &text, SearchOptions options) const
{
    QList<SearchIndex::Hit> hits;
    if (options.limit <= 0)
        return hits;
    if (text.trimmed().isEmpty()) {
        const SearchIndex &index = *m_holder->index;
        for (const CodeEntry &entry : search(text, options.limit)) {
            const qsizetype i = index.indexOf(entry.code);
            hits.append({entry, i, SearchMatch::Listed, index.demotionOf(i, options.primaryCodeOnLine), {}});
        }
        return hits;
    }
    options.preferred = m_preferred;
    return m_holder->index->searchHits(text, options);
}

std::optional<CodeEntry> CodeCatalog::lookup(const QString &code) const
{
    if (const CodeEntry *entry = m_holder->index->find(code))
        return *entry;
    return std::nullopt;
}

Rules::CodeFlagsLookup CodeCatalog::flagsLookup() const
{
    return [holder = m_holder](const QString &code) -> std::optional<Rules::CodeFlags> {
        if (const CodeEntry *entry = holder->index->find(code))
            return entry->flags;
        return std::nullopt;
    };
}

ImportReport CodeCatalog::import(const QString &filePath, bool strict)
{
    ImportOptions options;
    options.strict = strict;
    return import(filePath, options);
}

ImportReport CodeCatalog::import(const QString &filePath, const ImportOptions &options)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        ImportReport report;
        report.file = filePath;
        report.refused = true;
        report.refusal = tr("Cannot read %1: %2").arg(filePath, file.errorString());
        return report;
    }
    return importData(file.readAll(), filePath, options);
}

ImportReport CodeCatalog::importData(const QByteArray &data, const QString &sourceName,
                                     const ImportOptions &options)
{
    ImportReport report;
    report.file = sourceName;
    if (!m_db) {
        report.refused = true;
        report.refusal = tr("No code catalog is open.");
        return report;
    }
    const ParsedCodeFile parsed = CodeFileParser::parse(data, options);
    report.rowsRead = parsed.rowsRead;
    report.issues = parsed.issues;
    report.version = parsed.highestVersion;
    report.encoding = parsed.encoding;
    report.delimiter = parsed.delimiter;
    report.hasHeader = parsed.hasHeader;
    if (!parsed.refusal.isEmpty()) {
        report.refused = true;
        report.refusal = parsed.refusal;
        return report;
    }
    if (options.strict && report.hasErrors()) {
        report.refused = true;
        report.refusal = tr("%1 rows have errors and --strict was given; fix them and import again.")
                             .arg(report.errorCount());
        return report;
    }
    if (const Common::Status applied = m_db->applyImport(parsed, report, now()); !applied) {
        m_error = applied.error().message;
        return report;
    }
    qCInfo(lcCatalog) << "imported" << QFileInfo(sourceName).fileName() << report.imported << "new"
                      << report.updated << "updated" << report.inactivated << "inactivated"
                      << report.errorCount() << "rows with errors";
    if (!reloadCodes())
        qCWarning(lcCatalog) << "cannot reload the codes after an import:" << m_error;
    return report;
}

Common::Result<ImportReport> CodeCatalog::importSynonyms(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Common::makeError(QStringLiteral("unreadable"),
                                 tr("Cannot read the synonym file: %1").arg(file.errorString()), filePath);
    return importSynonymData(file.readAll(), filePath);
}

Common::Result<ImportReport> CodeCatalog::importSynonymData(const QByteArray &data, const QString &sourceName)
{
    if (!m_db)
        return Common::makeError(QStringLiteral("no-catalog"), tr("No code catalog is open."), sourceName);
    const ParsedSynonymFile parsed = SynonymFile::parse(data);
    if (!parsed.refusal.isEmpty())
        return Common::makeError(QStringLiteral("no-synonyms"), parsed.refusal, sourceName);
    ImportReport report;
    report.file = sourceName;
    report.rowsRead = parsed.rowsRead;
    report.issues = parsed.issues;
    // Rows the catalog already has, written differently or not, are not added twice.
    QSet<QString> known;
    for (const Synonym &synonym : std::as_const(m_practiceSynonyms))
        known.insert(SynonymFile::rowKey(synonym));
    Synonyms fresh;
    for (const Synonym &synonym : parsed.synonyms) {
        if (known.contains(SynonymFile::rowKey(synonym))) {
            ++report.unchanged;
            continue;
        }
        known.insert(SynonymFile::rowKey(synonym));
        fresh.append(synonym);
    }
    const Common::Result<int> added = m_db->addSynonyms(fresh, now());
    if (!added)
        return added.error();
    report.imported = *added;
    report.unchanged += int(fresh.size()) - *added;
    qCInfo(lcCatalog) << "imported" << QFileInfo(sourceName).fileName() << report.imported << "synonyms";
    if (report.imported > 0) {
        if (!reloadSynonyms() || !reloadCodes())
            return Common::makeError(QStringLiteral("catalog-read"), m_error, path());
    }
    return report;
}

CodeEntries CodeCatalog::favourites() const
{
    return entriesFor(m_favourites, int(m_favourites.size()));
}

bool CodeCatalog::isFavourite(const QString &code) const
{
    return m_favourites.contains(normalizedCode(code));
}

bool CodeCatalog::setFavourite(const QString &code, bool favourite)
{
    const QString key = normalizedCode(code);
    if (!m_db) {
        m_error = tr("No code catalog is open.");
        return false;
    }
    if (favourite && !m_holder->index->find(key)) {
        m_error = tr("%1 is not in the code catalog.").arg(key);
        return false;
    }
    if (m_favourites.contains(key) == favourite)
        return true;
    if (const Common::Status saved = m_db->setFavourite(m_user, key, favourite, now()); !saved) {
        m_error = saved.error().message;
        return false;
    }
    if (favourite) {
        m_favourites.insert(std::lower_bound(m_favourites.begin(), m_favourites.end(), key), key);
    } else {
        m_favourites.removeAll(key);
    }
    updatePreferred();
    emit favouritesChanged();
    return true;
}

CodeEntries CodeCatalog::recent(int limit) const
{
    return entriesFor(m_recent, limit);
}

bool CodeCatalog::isRecent(const QString &code) const
{
    return m_recent.contains(normalizedCode(code));
}

bool CodeCatalog::noteUsed(const QString &code)
{
    const QString key = normalizedCode(code);
    if (!m_db) {
        m_error = tr("No code catalog is open.");
        return false;
    }
    if (!m_holder->index->find(key)) {
        m_error = tr("%1 is not in the code catalog.").arg(key);
        return false;
    }
    if (const Common::Status saved = m_db->noteUsed(m_user, key, now()); !saved) {
        m_error = saved.error().message;
        return false;
    }
    m_recent.removeAll(key);
    m_recent.prepend(key);
    while (m_recent.size() > CatalogDatabase::RecentKept)
        m_recent.removeLast();
    updatePreferred();
    emit recentChanged();
    return true;
}

} // namespace Catalog
