#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "catalog/catalogdatabase.h"
#include "catalog/codecatalog.h"
#include "catalogtestdata.h"

using Catalog::CodeCatalog;
using Catalog::ImportReport;

namespace {

QList<int> errorLines(const ImportReport &report)
{
    QList<int> lines;
    for (const auto &issue : report.issues) {
        if (issue.isError())
            lines.append(issue.line);
    }
    return lines;
}

QString describe(const ImportReport &report)
{
    QStringList lines{report.summary()};
    for (const auto &issue : report.issues)
        lines.append(report.issueLine(issue));
    return lines.join(u'\n');
}

// Runs one statement on the file through a connection of its own, as another program would.
QVariant queryFile(const QString &path, const QString &statement)
{
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(statement) && query.next())
                value = query.value(0);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    return value;
}

} // namespace

class TestCodeCatalog : public QObject
{
    Q_OBJECT

private slots:
    void readmeNamesTheDefaultCatalogFolder();
    void init();
    void cleanup();

    void openCreatesSchemaInWal();
    void fileIsOwnerOnly();
    void newerSchemaIsRefused();
    void notADatabaseIsRefused();
    void importFormats_data();
    void importFormats();
    void badRowsAreReportedAndTheRestImported();
    void strictRefusesTheWholeFile();
    void strictAcceptsACleanFile();
    void fileWithoutCodesChangesNothing();
    void unreadableFileIsRefused();
    void reimportOfNewerEditionUpdatesAndInactivates();
    void olderEditionAddsButInactivatesNothing();
    void reimportReactivatesACode();
    void rejectedRowIsNotInactivated();
    void persistsAcrossReopen();
    void emptySearchGivesFavouritesThenRecent();
    void searchLimitIsRespected();
    void recentIsCapped();
    void favouritesArePerUser();
    void unknownCodesAreNotRemembered();
    void flagsLookupFollowsImportsAndOutlivesTheCatalog();
    void trainingCatalog();
    void trainingCatalogFileKeepsTheUsersLists();
    void openOrTraining();
    void defaultDatabasePathFromEnvironment();
    void shippedSynonymsAreWellFormed();
    void shippedSynonymsApplyToImportedCatalogs();
    void practiceSynonymsAreImportedAndKept();
    void badSynonymRowsAreReportedWithTheirLine();
    void unreadableSynonymFileIsRefused();
    void schemaOneFileGetsTheSynonymTable();
    void searchHitsExplainAndListFavourites();

private:
    QString dbPath() const { return m_dir->filePath(QStringLiteral("catalog.sqlite")); }
    ImportReport importFixture(CodeCatalog &catalog, const char *name, bool strict = false)
    {
        return catalog.import(catalogFixture(QString::fromUtf8(name)), strict);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CodeCatalog> m_catalog;
};

void TestCodeCatalog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_catalog = std::make_unique<CodeCatalog>();
    m_catalog->setUser(QStringLiteral("clerk"));
    QVERIFY2(m_catalog->open(dbPath()), qPrintable(m_catalog->errorString()));
}

void TestCodeCatalog::cleanup()
{
    m_catalog.reset();
    m_dir.reset();
}

void TestCodeCatalog::openCreatesSchemaInWal()
{
    QVERIFY(m_catalog->isOpen());
    QVERIFY(!m_catalog->isTraining());
    QCOMPARE(m_catalog->size(), 0);
    QCOMPARE(m_catalog->path(), dbPath());
    QVERIFY(QFile::exists(dbPath()));
    QCOMPARE(queryFile(dbPath(), QStringLiteral("PRAGMA user_version")).toInt(),
             Catalog::CatalogDatabase::SchemaVersion);
    QCOMPARE(queryFile(dbPath(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(queryFile(dbPath(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'"))
                 .toInt(),
             5);
}

void TestCodeCatalog::fileIsOwnerOnly()
{
    // Favourites and recent codes are a user's own; the catalog is made like every other file.
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QFileInfo file(dbPath() + suffix);
        QVERIFY2(file.exists(), qPrintable(file.filePath()));
        QCOMPARE(file.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
}

void TestCodeCatalog::newerSchemaIsRefused()
{
    m_catalog->close();
    queryFile(dbPath(), QStringLiteral("PRAGMA user_version = 99"));
    CodeCatalog catalog;
    QVERIFY(!catalog.open(dbPath()));
    QVERIFY2(catalog.errorString().contains(u"newer"), qPrintable(catalog.errorString()));
    QVERIFY(!catalog.isOpen());
    QCOMPARE(queryFile(dbPath(), QStringLiteral("PRAGMA user_version")).toInt(), 99);
}

void TestCodeCatalog::notADatabaseIsRefused()
{
    const QString path = m_dir->filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("These are not the codes you are looking for.\n").repeated(200));
    file.close();
    CodeCatalog catalog;
    QVERIFY(!catalog.open(path));
    QVERIFY2(catalog.errorString().contains(path), qPrintable(catalog.errorString()));
    QVERIFY(!catalog.isOpen());
}

void TestCodeCatalog::importFormats_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("imported");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("display");

    QTest::newRow("comma, header, flags")
        << QStringLiteral("basic.csv") << 7 << QStringLiteral("20610")
        << QStringLiteral("Arthrocentesis, aspiration and/or injection, major "
                          "joint or bursa");
    QTest::newRow("BOM, CRLF, quoted commas and quotes")
        << QStringLiteral("bom-crlf.csv") << 4 << QStringLiteral("11102")
        << QStringLiteral("Skin biopsy, \"shave\" method");
    QTest::newRow("quoted line break") << QStringLiteral("bom-crlf.csv") << 4 << QStringLiteral("12001")
                                       << QStringLiteral("Wound repair, simple, 2.5 cm or less");
    QTest::newRow("tab") << QStringLiteral("tab.tsv") << 3 << QStringLiteral("99213")
                         << QStringLiteral("Office visit, established");
    QTest::newRow("UTF-16 Excel text") << QStringLiteral("excel-unicode.txt") << 2 << QStringLiteral("99213")
                                       << QStringLiteral("Visite établie");
    QTest::newRow("Windows-1252") << QStringLiteral("windows-1252.csv") << 1 << QStringLiteral("99213")
                                  << QStringLiteral("Visite établie");
    QTest::newRow("no header") << QStringLiteral("no-header.csv") << 2 << QStringLiteral("99213")
                               << QStringLiteral("Office visit established");
}

void TestCodeCatalog::importFormats()
{
    QFETCH(QString, fixture);
    QFETCH(int, imported);
    QFETCH(QString, code);
    QFETCH(QString, display);

    QSignalSpy changed(m_catalog.get(), &CodeCatalog::codesChanged);
    const ImportReport report = m_catalog->import(catalogFixture(fixture));
    QVERIFY2(!report.refused && !report.hasErrors(), qPrintable(describe(report)));
    QCOMPARE(report.imported, imported);
    QCOMPARE(report.rowsRead, imported);
    QCOMPARE(m_catalog->size(), imported);
    QCOMPARE(changed.count(), 1);
    const auto entry = m_catalog->lookup(code);
    QVERIFY(entry);
    QCOMPARE(entry->display, display);
    QCOMPARE(m_catalog->search(code, 1).constFirst().code, code);
}

void TestCodeCatalog::badRowsAreReportedAndTheRestImported()
{
    const ImportReport report = importFixture(*m_catalog, "bad-rows.csv");
    QVERIFY(!report.refused);
    QCOMPARE(report.rowsRead, 11);
    QCOMPARE(report.imported, 3);
    QCOMPARE(errorLines(report), (QList<int>{3, 4, 5, 6, 7, 10, 11}));
    QCOMPARE(report.warningCount(), 1);
    QCOMPARE(m_catalog->size(), 3);
    QVERIFY(m_catalog->lookup(QStringLiteral("00400")));
    QVERIFY(!m_catalog->lookup(QStringLiteral("J1100")));
    QVERIFY(!m_catalog->lookup(QStringLiteral("99214")));
    QCOMPARE(m_catalog->lookup(QStringLiteral("20610"))->display, QStringLiteral("Joint injection"));

    const auto hcpcs = std::find_if(report.issues.cbegin(), report.issues.cend(),
                                    [](const Catalog::ImportIssue &issue) { return issue.line == 3; });
    const QString line = report.issueLine(*hcpcs);
    QVERIFY2(line.startsWith(catalogFixture(QStringLiteral("bad-rows.csv")) +
                             QStringLiteral(":3: error: J1100: ")),
             qPrintable(line));
    QVERIFY(report.summary().contains(u"not imported: 7"));
}

void TestCodeCatalog::strictRefusesTheWholeFile()
{
    QVERIFY(!importFixture(*m_catalog, "edition-2025.csv").refused);
    const QString before = m_catalog->lookup(QStringLiteral("99213"))->display;
    const int logRows = queryFile(dbPath(), QStringLiteral("SELECT count(*) FROM import_log")).toInt();
    QSignalSpy changed(m_catalog.get(), &CodeCatalog::codesChanged);

    const ImportReport report = importFixture(*m_catalog, "bad-rows.csv", true);
    QVERIFY(report.refused);
    QVERIFY(report.refusal.contains(u"--strict"));
    QCOMPARE(errorLines(report), (QList<int>{3, 4, 5, 6, 7, 10, 11}));
    QCOMPARE(report.imported + report.updated + report.inactivated, 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_catalog->size(), 4);
    QCOMPARE(m_catalog->lookup(QStringLiteral("99213"))->display, before);
    QVERIFY(!m_catalog->lookup(QStringLiteral("00400")));
    QVERIFY(m_catalog->lookup(QStringLiteral("99201"))->isActive());
    QCOMPARE(queryFile(dbPath(), QStringLiteral("SELECT count(*) FROM import_log")).toInt(), logRows);

    CodeCatalog reopened;
    QVERIFY(reopened.open(dbPath()));
    QCOMPARE(reopened.size(), 4);
    QCOMPARE(reopened.lookup(QStringLiteral("99213"))->display, before);
}

void TestCodeCatalog::strictAcceptsACleanFile()
{
    const ImportReport report = importFixture(*m_catalog, "basic.csv", true);
    QVERIFY2(!report.refused, qPrintable(describe(report)));
    QCOMPARE(report.imported, 7);
}

void TestCodeCatalog::fileWithoutCodesChangesNothing()
{
    QVERIFY(!importFixture(*m_catalog, "basic.csv").refused);
    for (const QByteArray &data : {QByteArray(), QByteArray("code,display\n"), QByteArray("# nothing\n")}) {
        const ImportReport report = m_catalog->importData(data, QStringLiteral("empty.csv"));
        QVERIFY(report.refused);
        QVERIFY(!report.refusal.isEmpty());
    }
    QCOMPARE(m_catalog->size(), 7);
    const auto entries = m_catalog->index()->entries();
    QVERIFY(std::all_of(entries.cbegin(), entries.cend(), [](const auto &e) { return e.isActive(); }));
}

void TestCodeCatalog::unreadableFileIsRefused()
{
    const ImportReport report = m_catalog->import(m_dir->filePath(QStringLiteral("missing.csv")));
    QVERIFY(report.refused);
    QVERIFY(report.refusal.contains(u"missing.csv"));
}

void TestCodeCatalog::reimportOfNewerEditionUpdatesAndInactivates()
{
    const ImportReport first = importFixture(*m_catalog, "edition-2025.csv");
    QCOMPARE(first.imported, 4);
    QCOMPARE(m_catalog->version(), QStringLiteral("2025"));

    const ImportReport second = importFixture(*m_catalog, "edition-2026.csv");
    QVERIFY2(!second.refused && second.issues.isEmpty(), qPrintable(describe(second)));
    QCOMPARE(second.imported, 1); // 99417
    QCOMPARE(second.updated, 3);  // 20610, 99213 (new text), 11200 (new version)
    QCOMPARE(second.unchanged, 0);
    QCOMPARE(second.inactivated, 1); // 99201
    QCOMPARE(second.version, QStringLiteral("2026"));
    QCOMPARE(m_catalog->version(), QStringLiteral("2026"));

    QCOMPARE(m_catalog->size(), 5); // never deleted
    const auto retired = m_catalog->lookup(QStringLiteral("99201"));
    QVERIFY(retired);
    QVERIFY(retired->flags.inactive);
    QCOMPARE(retired->display, QStringLiteral("Office visit new minimal"));
    QCOMPARE(m_catalog->lookup(QStringLiteral("20610"))->display,
             QStringLiteral("Joint injection large joint"));
    QCOMPARE(m_catalog->lookup(QStringLiteral("11200"))->version, QStringLiteral("2026"));
    // An inactive code still answers its exact code, and comes after active ones otherwise (99417
    // has only "visit": a suggestion, after every code with both words).
    QCOMPARE(codes(m_catalog->search(QStringLiteral("99201"), 5)), split("99201"));
    QCOMPARE(codes(m_catalog->search(QStringLiteral("office visit"), 5)), split("99213 99201 99417"));

    const ImportReport again = importFixture(*m_catalog, "edition-2026.csv");
    QCOMPARE(again.unchanged, 4);
    QCOMPARE(again.updated + again.imported + again.inactivated, 0);
}

void TestCodeCatalog::olderEditionAddsButInactivatesNothing()
{
    QVERIFY(!importFixture(*m_catalog, "edition-2026.csv").refused);
    const ImportReport older = importFixture(*m_catalog, "edition-2025.csv");
    QVERIFY(!older.refused);
    QCOMPARE(older.imported, 1);     // 99201 was not in the catalog
    QCOMPARE(older.skippedOlder, 3); // the 2026 texts are kept
    QCOMPARE(older.inactivated, 0);  // 99417 stays active
    QCOMPARE(older.warningCount(), 2);
    QVERIFY(m_catalog->lookup(QStringLiteral("99417"))->isActive());
    QCOMPARE(m_catalog->lookup(QStringLiteral("20610"))->display,
             QStringLiteral("Joint injection large joint"));
}

void TestCodeCatalog::reimportReactivatesACode()
{
    QVERIFY(!importFixture(*m_catalog, "edition-2025.csv").refused);
    QVERIFY(!importFixture(*m_catalog, "edition-2026.csv").refused);
    QVERIFY(m_catalog->lookup(QStringLiteral("99201"))->flags.inactive);
    const ImportReport report = m_catalog->importData(QByteArray("code,display,version\n"
                                                                 "99201,Office visit new minimal,2027\n"
                                                                 "99213,Office visit established,2027\n"),
                                                      QStringLiteral("2027.csv"));
    QCOMPARE(report.updated, 2);
    QCOMPARE(report.inactivated, 3);
    QVERIFY(m_catalog->lookup(QStringLiteral("99201"))->isActive());
    QVERIFY(m_catalog->lookup(QStringLiteral("20610"))->flags.inactive);
}

void TestCodeCatalog::rejectedRowIsNotInactivated()
{
    QVERIFY(!importFixture(*m_catalog, "edition-2025.csv").refused);
    const ImportReport report = m_catalog->importData(QByteArray("code,display,version\n"
                                                                 "20610,Joint injection,2026\n"
                                                                 "99213,,2026\n"),
                                                      QStringLiteral("partial.csv"));
    QCOMPARE(errorLines(report), QList<int>{3});
    QCOMPARE(report.inactivated, 2); // 99201, 11200, but not 99213 whose row was bad
    QVERIFY(m_catalog->lookup(QStringLiteral("99213"))->isActive());
    QVERIFY(m_catalog->lookup(QStringLiteral("11200"))->flags.inactive);
}

void TestCodeCatalog::persistsAcrossReopen()
{
    QVERIFY(!importFixture(*m_catalog, "basic.csv").refused);
    QVERIFY(m_catalog->setFavourite(QStringLiteral("20610"), true));
    QVERIFY(m_catalog->noteUsed(QStringLiteral("99213")));
    QVERIFY(m_catalog->noteUsed(QStringLiteral("00400")));
    m_catalog.reset();

    CodeCatalog reopened;
    reopened.setUser(QStringLiteral("clerk"));
    QVERIFY2(reopened.open(dbPath()), qPrintable(reopened.errorString()));
    QCOMPARE(reopened.size(), 7);
    QCOMPARE(reopened.version(), QStringLiteral("2026"));
    QVERIFY(reopened.lookup(QStringLiteral("41899"))->flags.dental);
    QVERIFY(reopened.lookup(QStringLiteral("99153"))->flags.addOn);
    QCOMPARE(codes(reopened.favourites()), split("20610"));
    QCOMPARE(codes(reopened.recent()), split("00400 99213"));
    QCOMPARE(codes(reopened.search(QStringLiteral("2061"), 5)), split("20610"));
}

void TestCodeCatalog::emptySearchGivesFavouritesThenRecent()
{
    QVERIFY(!importFixture(*m_catalog, "basic.csv").refused);
    QVERIFY(m_catalog->search(QString(), 10).isEmpty());

    QSignalSpy favouritesChanged(m_catalog.get(), &CodeCatalog::favouritesChanged);
    QSignalSpy recentChanged(m_catalog.get(), &CodeCatalog::recentChanged);
    QVERIFY(m_catalog->setFavourite(QStringLiteral("99213"), true));
    QVERIFY(m_catalog->setFavourite(QStringLiteral("d0120"), true));
    QVERIFY(m_catalog->setFavourite(QStringLiteral("20610"), true));
    QVERIFY(m_catalog->setFavourite(QStringLiteral("D0120"), false));
    QCOMPARE(favouritesChanged.count(), 4);
    QVERIFY(m_catalog->noteUsed(QStringLiteral("00400")));
    QVERIFY(m_catalog->noteUsed(QStringLiteral("99213")));
    QVERIFY(m_catalog->noteUsed(QStringLiteral("41899")));
    QVERIFY(m_catalog->noteUsed(QStringLiteral("00400")));
    QCOMPARE(recentChanged.count(), 4);

    QVERIFY(m_catalog->isFavourite(QStringLiteral("99213")));
    QVERIFY(!m_catalog->isFavourite(QStringLiteral("D0120")));
    QVERIFY(m_catalog->isRecent(QStringLiteral("41899")));
    QCOMPARE(codes(m_catalog->recent()), split("00400 41899 99213"));
    // Favourites in code order, then recent codes that are not favourites, most recent first.
    QCOMPARE(codes(m_catalog->search(QString(), 10)), split("20610 99213 00400 41899"));
    QCOMPARE(codes(m_catalog->search(QStringLiteral("   "), 10)), split("20610 99213 00400 41899"));
    QCOMPARE(codes(m_catalog->search(QString(), 3)), split("20610 99213 00400"));
    QCOMPARE(codes(m_catalog->search(QString(), 1)), split("20610"));
    QVERIFY(m_catalog->search(QString(), 0).isEmpty());
}

void TestCodeCatalog::searchLimitIsRespected()
{
    QVERIFY(!importFixture(*m_catalog, "basic.csv").refused);
    for (int limit = 0; limit <= 8; ++limit) {
        const auto found = m_catalog->search(QStringLiteral("9"), limit);
        QCOMPARE(found.size(), std::min(limit, 3)); // 99152, 99153, 99213 by prefix (one digit is no word)
    }
}

void TestCodeCatalog::recentIsCapped()
{
    QByteArray csv("code,display\n");
    for (int i = 0; i < Catalog::CatalogDatabase::RecentKept + 10; ++i)
        csv += QByteArray::number(10000 + i) + ",Generated procedure " + QByteArray::number(i) + '\n';
    QVERIFY(!m_catalog->importData(csv, QStringLiteral("generated.csv")).refused);
    for (int i = 0; i < Catalog::CatalogDatabase::RecentKept + 10; ++i)
        QVERIFY(m_catalog->noteUsed(QString::number(10000 + i)));
    const auto recent = m_catalog->recent(1000);
    QCOMPARE(recent.size(), Catalog::CatalogDatabase::RecentKept);
    QCOMPARE(recent.constFirst().code, QString::number(10000 + Catalog::CatalogDatabase::RecentKept + 9));
    QCOMPARE(queryFile(dbPath(), QStringLiteral("SELECT count(*) FROM recent")).toInt(),
             Catalog::CatalogDatabase::RecentKept);
}

void TestCodeCatalog::favouritesArePerUser()
{
    QVERIFY(!importFixture(*m_catalog, "basic.csv").refused);
    m_catalog->setUser(QStringLiteral("alice"));
    QVERIFY(m_catalog->setFavourite(QStringLiteral("99213"), true));
    QVERIFY(m_catalog->noteUsed(QStringLiteral("20610")));
    m_catalog->setUser(QStringLiteral("bob"));
    QVERIFY(m_catalog->favourites().isEmpty());
    QVERIFY(m_catalog->search(QString(), 10).isEmpty());
    m_catalog->setUser(QStringLiteral("alice"));
    QCOMPARE(codes(m_catalog->search(QString(), 10)), split("99213 20610"));
}

void TestCodeCatalog::unknownCodesAreNotRemembered()
{
    QVERIFY(!importFixture(*m_catalog, "basic.csv").refused);
    QVERIFY(!m_catalog->setFavourite(QStringLiteral("12345"), true));
    QVERIFY(m_catalog->errorString().contains(u"12345"));
    QVERIFY(!m_catalog->noteUsed(QStringLiteral("J1100")));
    QVERIFY(m_catalog->search(QString(), 10).isEmpty());
}

void TestCodeCatalog::flagsLookupFollowsImportsAndOutlivesTheCatalog()
{
    const Rules::CodeFlagsLookup lookup = m_catalog->flagsLookup();
    QVERIFY(!lookup(QStringLiteral("41899")));
    QVERIFY(!importFixture(*m_catalog, "basic.csv").refused);
    const auto dental = lookup(QStringLiteral("41899"));
    QVERIFY(dental);
    QVERIFY(dental->dental);
    QCOMPARE(dental->display, QStringLiteral("Unlisted dentoalveolar procedure"));
    QVERIFY(lookup(QStringLiteral("99152"))->anesthesia);
    QVERIFY(!lookup(QStringLiteral("99213"))->anesthesia);
    m_catalog.reset();
    QVERIFY(lookup(QStringLiteral("41899"))->dental);
}

void TestCodeCatalog::trainingCatalog()
{
    CodeCatalog training;
    QSignalSpy changed(&training, &CodeCatalog::codesChanged);
    QVERIFY2(training.loadTrainingCatalog(), qPrintable(training.errorString()));
    QVERIFY(training.isTraining());
    QVERIFY(training.isOpen());
    QCOMPARE(changed.count(), 1);
    QVERIFY(training.size() >= 150);
    QCOMPARE(training.version(), QStringLiteral("2026"));
    QCOMPARE(training.lookup(QStringLiteral("20610"))->display,
             QStringLiteral("Arthrocentesis, aspiration and/or injection, major joint or bursa"));

    int anesthesia = 0;
    int dental = 0;
    int categoryII = 0;
    int categoryIII = 0;
    for (const auto &entry : training.index()->entries()) {
        QVERIFY2(Rules::CodeClassifier::isCpt(entry.kind) || entry.kind == Rules::CodeKind::CdtDental,
                 qPrintable(entry.code));
        QVERIFY(!entry.display.isEmpty());
        if (entry.kind == Rules::CodeKind::CptAnesthesia)
            QVERIFY(entry.flags.anesthesia);
        if (entry.kind == Rules::CodeKind::CdtDental)
            QVERIFY(entry.flags.dental);
        anesthesia += entry.kind == Rules::CodeKind::CptAnesthesia;
        dental += entry.kind == Rules::CodeKind::CdtDental;
        categoryII += entry.kind == Rules::CodeKind::CptCategoryII;
        categoryIII += entry.kind == Rules::CodeKind::CptCategoryIII;
    }
    QVERIFY(anesthesia >= 5);
    QVERIFY(dental >= 3);
    QVERIFY(categoryII >= 2);
    QVERIFY(categoryIII >= 2);
    for (const char *code :
         {"00400", "00790", "01402", "01810", "00142", "D0120", "D1110", "96372", "20611", "99202", "99215"})
        QVERIFY2(training.lookup(QString::fromUtf8(code)), code);

    // Favourites work in training too, for the session.
    QVERIFY(training.setFavourite(QStringLiteral("99213"), true));
    QCOMPARE(codes(training.search(QString(), 5)), split("99213"));
}

void TestCodeCatalog::trainingCatalogFileKeepsTheUsersLists()
{
    const QString path = m_dir->filePath(QStringLiteral("training-catalog.sqlite"));
    qsizetype codeCount = 0;
    {
        CodeCatalog first;
        QVERIFY2(first.loadTrainingCatalog(path), qPrintable(first.errorString()));
        QVERIFY(first.isTraining());
        QCOMPARE(first.path(), path);
        codeCount = first.size();
        QVERIFY(codeCount >= 150);
        first.noteUsed(QStringLiteral("20610"));
        QVERIFY(first.setFavourite(QStringLiteral("99213"), true));
    }
    CodeCatalog next;
    QVERIFY2(next.loadTrainingCatalog(path), qPrintable(next.errorString()));
    QCOMPARE(next.size(), codeCount);
    QCOMPARE(codes(next.search(QString(), 5)).mid(0, 2), split("99213 20610"));
    // Imported once, when the file was new; a second load reads it.
    QCOMPARE(queryFile(path, QStringLiteral("SELECT count(*) FROM import_log")).toInt(), 1);
}

void TestCodeCatalog::openOrTraining()
{
    CodeCatalog catalog;
    QVERIFY(catalog.openOrTraining(m_dir->filePath(QStringLiteral("absent.sqlite"))));
    QVERIFY(catalog.isTraining());
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("absent.sqlite"))));
    QVERIFY(catalog.lookup(QStringLiteral("99213")));

    QVERIFY(!importFixture(*m_catalog, "tab.tsv").refused);
    QVERIFY(catalog.openOrTraining(dbPath()));
    QVERIFY(!catalog.isTraining());
    QCOMPARE(catalog.size(), 3);
}

void TestCodeCatalog::defaultDatabasePathFromEnvironment()
{
    const QByteArray saved = qgetenv("SUPERBILL_CATALOG_DB");
    qputenv("SUPERBILL_CATALOG_DB", dbPath().toUtf8());
    QCOMPARE(CodeCatalog::defaultDatabasePath(), dbPath());
    qunsetenv("SUPERBILL_CATALOG_DB");
    QVERIFY(CodeCatalog::defaultDatabasePath().endsWith(u"/catalog.sqlite"));
    if (!saved.isEmpty())
        qputenv("SUPERBILL_CATALOG_DB", saved);
}

void TestCodeCatalog::shippedSynonymsAreWellFormed()
{
    QFile file(Catalog::SynonymFile::shippedResource());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Catalog::ParsedSynonymFile parsed = Catalog::SynonymFile::parse(file.readAll());
    for (const auto &issue : parsed.issues)
        qWarning("synonyms.csv:%d: %s", issue.line, qPrintable(issue.reason));
    QVERIFY(parsed.issues.isEmpty());
    QVERIFY2(parsed.synonyms.size() >= 150, qPrintable(QString::number(parsed.synonyms.size())));
    QCOMPARE(Catalog::SynonymFile::shipped(), parsed.synonyms);
}

void TestCodeCatalog::shippedSynonymsApplyToImportedCatalogs()
{
    // Descriptions worded as licensed files word them: the shipped table still finds them.
    const QByteArray csv =
        "code,display,version\n"
        "93000,\"Electrocardiogram, routine ECG with at least 12 leads; with interpretation\",2026\n"
        "36415,Collection of venous blood by venipuncture,2026\n"
        "69209,\"Removal impacted cerumen using irrigation/lavage, unilateral\",2026\n"
        "71046,\"Radiologic examination, chest; 2 views\",2026\n";
    QVERIFY(!m_catalog->importData(csv, QStringLiteral("licensed.csv")).refused);
    QCOMPARE(codes(m_catalog->search(QStringLiteral("ekg"), 3)), split("93000"));
    QCOMPARE(codes(m_catalog->search(QStringLiteral("blood draw"), 3)), split("36415"));
    QCOMPARE(codes(m_catalog->search(QStringLiteral("ear wax removal"), 3)), split("69209"));
    QCOMPARE(codes(m_catalog->search(QStringLiteral("chest xray 2 views"), 3)), split("71046"));
}

void TestCodeCatalog::practiceSynonymsAreImportedAndKept()
{
    const QByteArray csv = "code,display\n28296,Correction of hallux valgus with osteotomy\n";
    QVERIFY(!m_catalog->importData(csv, QStringLiteral("codes.csv")).refused);
    QVERIFY(m_catalog->search(QStringLiteral("bunion"), 3).isEmpty());
    QSignalSpy changed(m_catalog.get(), &CodeCatalog::codesChanged);

    const auto report =
        m_catalog->importSynonymData("term,expansion\nbunion,hallux valgus\n", QStringLiteral("s.csv"));
    QVERIFY2(report, qPrintable(report ? QString() : report.error().text()));
    QCOMPARE(report->rowsRead, 1);
    QCOMPARE(report->imported, 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(codes(m_catalog->search(QStringLiteral("bunion"), 3)), split("28296"));
    QCOMPARE(codes(m_catalog->search(QStringLiteral("bunions"), 3)), split("28296"));
    QCOMPARE(m_catalog->practiceSynonyms(),
             (Catalog::Synonyms{{QStringLiteral("bunion"), QStringLiteral("hallux valgus")}}));

    // The same row again, written differently, is already known.
    const auto again = m_catalog->importSynonymData("BUNION , Hallux-Valgus\n", QStringLiteral("s.csv"));
    QVERIFY(again);
    QCOMPARE(again->imported, 0);
    QCOMPARE(again->unchanged, 1);

    // Kept in the catalog file: another program opening it searches with them.
    CodeCatalog other;
    QVERIFY(other.open(dbPath()));
    QCOMPARE(codes(other.search(QStringLiteral("bunion"), 3)), split("28296"));
    QCOMPARE(queryFile(dbPath(), QStringLiteral("SELECT count(*) FROM synonym")).toInt(), 1);
}

void TestCodeCatalog::badSynonymRowsAreReportedWithTheirLine()
{
    const QString file = catalogFixture(QStringLiteral("synonyms-practice.csv"));
    const auto report = m_catalog->importSynonyms(file);
    QVERIFY(report);
    QCOMPARE(report->rowsRead, 8);
    QCOMPARE(report->imported, 2);
    QCOMPARE(errorLines(*report), (QList<int>{6, 7, 8, 9, 10}));
    const QString lines = describe(*report);
    QVERIFY2(lines.contains(file + QStringLiteral(":6: error: knee shot: 20610 looks like a code")),
             qPrintable(lines));
    QVERIFY(lines.contains(QStringLiteral(":7: error: a row needs two fields")));
    QVERIFY(lines.contains(QStringLiteral(":8: error: the term has no letters or digits")));
    QVERIFY(lines.contains(QStringLiteral(":9: error: one two three four five: a term has at most 4 words")));
    QVERIFY(lines.contains(QStringLiteral(":10: error: ekg: the expansion only repeats the term")));
    QCOMPARE(m_catalog->practiceSynonyms().size(), 2);
}

void TestCodeCatalog::unreadableSynonymFileIsRefused()
{
    const auto missing = m_catalog->importSynonyms(m_dir->filePath(QStringLiteral("missing.csv")));
    QVERIFY(!missing);
    QVERIFY(missing.error().path.endsWith(u"missing.csv"));
    const auto empty = m_catalog->importSynonymData("# nothing here\n", QStringLiteral("empty.csv"));
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, QStringLiteral("no-synonyms"));
    QVERIFY(m_catalog->practiceSynonyms().isEmpty());
}

void TestCodeCatalog::schemaOneFileGetsTheSynonymTable()
{
    QVERIFY(!importFixture(*m_catalog, "basic.csv").refused);
    m_catalog->close();
    // As the previous version left it: no synonym table, schema 1.
    queryFile(dbPath(), QStringLiteral("DROP TABLE synonym"));
    queryFile(dbPath(), QStringLiteral("PRAGMA user_version = 1"));
    CodeCatalog catalog;
    QVERIFY2(catalog.open(dbPath()), qPrintable(catalog.errorString()));
    QCOMPARE(queryFile(dbPath(), QStringLiteral("PRAGMA user_version")).toInt(), 2);
    QCOMPARE(catalog.size(), 7);
    QVERIFY(catalog.importSynonymData("arthro,arthrocentesis\n", QStringLiteral("s.csv")));
    QCOMPARE(queryFile(dbPath(), QStringLiteral("SELECT count(*) FROM synonym")).toInt(), 1);
}

void TestCodeCatalog::searchHitsExplainAndListFavourites()
{
    QVERIFY(!importFixture(*m_catalog, "basic.csv").refused);
    Catalog::SearchOptions options;
    options.explain = true;
    const auto hits = m_catalog->searchHits(QStringLiteral("knee injection"), options);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.constFirst().entry.code, QStringLiteral("20610"));
    QCOMPARE(hits.constFirst().match, Catalog::SearchMatch::AllWords);
    QVERIFY(!hits.constFirst().matched.isEmpty());
    // No text: the favourites, listed, with their labels.
    QVERIFY(m_catalog->setFavourite(QStringLiteral("41899"), true));
    const auto listed = m_catalog->searchHits(QString(), options);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.constFirst().match, Catalog::SearchMatch::Listed);
    QCOMPARE(listed.constFirst().demotion, Catalog::Demotion::Dental);
    // A favourite comes first among equals.
    QCOMPARE(codes(m_catalog->search(QStringLiteral("moderate sedation"), 2)), split("99152 99153"));
    QVERIFY(m_catalog->noteUsed(QStringLiteral("99153")));
    options.primaryCodeOnLine = true;
    QCOMPARE(m_catalog->searchHits(QStringLiteral("moderate sedation"), options).constFirst().entry.code,
             QStringLiteral("99153"));
}

void TestCodeCatalog::readmeNamesTheDefaultCatalogFolder()
{
    // A clerk looks for the file where the README says it is.
    qunsetenv("SUPERBILL_CATALOG_DB");
    const QString path = Catalog::CodeCatalog::defaultDatabasePath();
    const QString folder = QFileInfo(QFileInfo(path).absolutePath()).fileName();
    QFile readme(QStringLiteral(SUPERBILL_SOURCE_DIR "/README.md"));
    QVERIFY(readme.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(readme.readAll());
    const QString named = QStringLiteral("~/.local/share/%1/catalog.sqlite").arg(folder);
    QVERIFY2(text.contains(named), qPrintable(named));
}

QTEST_GUILESS_MAIN(TestCodeCatalog)
#include "tst_codecatalog.moc"
