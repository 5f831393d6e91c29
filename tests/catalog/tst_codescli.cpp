#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "../common/processrun.h"
#include "catalogtestdata.h"

using Run = ProcessRun;

/// superbill-cli codes import|search, run as a user would.
class TestCodesCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void searchUsesTheTrainingCatalogWithoutADatabase();
    void searchPrintsOneLinePerCode();
    void importThenSearch();
    void importReportsBadRowsWithLineNumbers();
    void strictImportChangesNothing();
    void environmentChoosesTheDatabase();
    void nothingFoundExitsOne();
    void favouritesAreSetAndRemoved();
    void noMatchOfEveryWordGivesSuggestions();
    void jsonExplainsTheMatch();
    void addOnsNeedAPrimaryCode();
    void synonymsImportThenSearch();
    void synonymsList();
    void usageErrors_data();
    void usageErrors();

private:
    Run run(const QStringList &arguments, const QProcessEnvironment &extra = {});
    QString db() const { return m_dir->filePath(QStringLiteral("catalog.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCodesCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Run TestCodesCli::run(const QStringList &arguments, const QProcessEnvironment &extra)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Keep the default catalog path inside the test's folder.
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("HOME"), m_dir->path());
    environment.remove(QStringLiteral("SUPERBILL_CATALOG_DB"));
    for (const QString &key : extra.keys())
        environment.insert(key, extra.value(key));
    return runProgram(QStringLiteral(SUPERBILL_CLI), QStringList{QStringLiteral("codes")} + arguments,
                      environment, {}, 30000);
}

void TestCodesCli::searchUsesTheTrainingCatalogWithoutADatabase()
{
    const Run result = run({QStringLiteral("search"), QStringLiteral("20610"), QStringLiteral("--json"),
                            QStringLiteral("--db"), db()});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject document = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(document.value(u"catalog").toString(), QStringLiteral("training"));
    QCOMPARE(document.value(u"query").toString(), QStringLiteral("20610"));
    const QJsonObject first = document.value(u"results").toArray().first().toObject();
    QCOMPARE(first.value(u"code").toString(), QStringLiteral("20610"));
    QCOMPARE(first.value(u"display").toString(),
             QStringLiteral("Arthrocentesis, aspiration and/or injection, major joint or bursa"));
    QCOMPARE(first.value(u"kind").toString(), QStringLiteral("cpt-category-i"));
    QCOMPARE(first.value(u"dental").toBool(true), false);
    QVERIFY2(!QFile::exists(db()), "a search must not create the catalog file");
}

void TestCodesCli::searchPrintsOneLinePerCode()
{
    const Run result = run({QStringLiteral("search"), QStringLiteral("knee"), QStringLiteral("arthro"),
                            QStringLiteral("--limit"), QStringLiteral("2")});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.constFirst().startsWith(u"29881  Knee arthroscopy"), qPrintable(lines.constFirst()));
    QVERIFY(result.err.contains(u"training catalog"));

    const Run anesthesia = run({QStringLiteral("search"), QStringLiteral("00400")});
    QVERIFY2(anesthesia.out.startsWith(u"00400  ") && anesthesia.out.contains(u"[anesthesia]"),
             qPrintable(anesthesia.out));
}

void TestCodesCli::importThenSearch()
{
    const Run imported = run({QStringLiteral("import"), catalogFixture(QStringLiteral("basic.csv")),
                              QStringLiteral("--db"), db()});
    QCOMPARE(imported.exitCode, 0);
    QVERIFY2(imported.out.contains(u"new: 7;"), qPrintable(imported.out));
    QVERIFY(QFile::exists(db()));

    const Run found = run({QStringLiteral("search"), QStringLiteral("41899"), QStringLiteral("--json"),
                           QStringLiteral("--db"), db()});
    QCOMPARE(found.exitCode, 0);
    const QJsonObject document = QJsonDocument::fromJson(found.out.toUtf8()).object();
    QCOMPARE(document.value(u"catalog").toString(), db());
    const QJsonArray results = document.value(u"results").toArray();
    QCOMPARE(results.size(), 1);
    QCOMPARE(results.first().toObject().value(u"dental").toBool(), true);

    // The imported catalog replaces the training one: 27447 is not in basic.csv.
    const Run missing =
        run({QStringLiteral("search"), QStringLiteral("27447"), QStringLiteral("--db"), db()});
    QCOMPARE(missing.exitCode, 1);
}

void TestCodesCli::importReportsBadRowsWithLineNumbers()
{
    const QString file = catalogFixture(QStringLiteral("bad-rows.csv"));
    const Run result = run({QStringLiteral("import"), file, QStringLiteral("--db"), db()});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(file + QStringLiteral(":3: error: J1100: HCPCS Level II")),
             qPrintable(result.err));
    QVERIFY(result.err.contains(file + QStringLiteral(":5: error: 400: ")));
    QVERIFY(result.err.contains(file + QStringLiteral(":8: warning: 99213: ")));
    QVERIFY2(result.out.contains(u"new: 3;"), qPrintable(result.out));

    const Run found = run({QStringLiteral("search"), QStringLiteral("00400"), QStringLiteral("--db"), db()});
    QCOMPARE(found.exitCode, 0);
}

void TestCodesCli::strictImportChangesNothing()
{
    QCOMPARE(run({QStringLiteral("import"), catalogFixture(QStringLiteral("edition-2025.csv")),
                  QStringLiteral("--db"), db()})
                 .exitCode,
             0);
    const Run result = run({QStringLiteral("import"), catalogFixture(QStringLiteral("bad-rows.csv")),
                            QStringLiteral("--strict"), QStringLiteral("--db"), db()});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"refused"), qPrintable(result.err));
    QVERIFY(result.err.contains(u":3: error: J1100"));

    const Run search = run({QStringLiteral("search"), QStringLiteral("00400"), QStringLiteral("--db"), db()});
    QCOMPARE(search.exitCode, 1);
    const Run old = run({QStringLiteral("search"), QStringLiteral("99213"), QStringLiteral("--db"), db()});
    QVERIFY2(old.out.contains(u"(old text)"), qPrintable(old.out));
}

void TestCodesCli::environmentChoosesTheDatabase()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("SUPERBILL_CATALOG_DB"), db());
    QCOMPARE(run({QStringLiteral("import"), catalogFixture(QStringLiteral("tab.tsv"))}, environment).exitCode,
             0);
    QVERIFY(QFile::exists(db()));
    const Run result =
        run({QStringLiteral("search"), QStringLiteral("0042"), QStringLiteral("--json")}, environment);
    QCOMPARE(result.exitCode, 0);
    const QJsonObject document = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(document.value(u"catalog").toString(), db());
    QCOMPARE(document.value(u"results").toArray().first().toObject().value(u"code").toString(),
             QStringLiteral("0042T"));
}

void TestCodesCli::nothingFoundExitsOne()
{
    const Run result = run({QStringLiteral("search"), QStringLiteral("zzzzqq")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(QStringLiteral("no code matches \"zzzzqq\"")), qPrintable(result.err));
    const Run json = run({QStringLiteral("search"), QStringLiteral("zzzzqq"), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    QVERIFY(json.err.contains(QStringLiteral("no code matches \"zzzzqq\"")));
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object().value(u"results").toArray().size(), 0);
}

void TestCodesCli::noMatchOfEveryWordGivesSuggestions()
{
    const Run result = run({QStringLiteral("search"), QStringLiteral("knee"), QStringLiteral("zzzzqq")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.contains(QStringLiteral("no code matches \"knee zzzzqq\"; the closest suggestions:")),
             qPrintable(result.err));
    QVERIFY2(result.out.startsWith(u"29881  Knee arthroscopy"), qPrintable(result.out));
    const Run json = run({QStringLiteral("search"), QStringLiteral("knee zzzzqq"), QStringLiteral("--json")});
    const QJsonObject document = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(document.value(u"allWordsFound").toBool(true), false);
    QCOMPARE(document.value(u"results").toArray().first().toObject().value(u"match").toString(),
             QStringLiteral("some-words"));
}

void TestCodesCli::jsonExplainsTheMatch()
{
    const Run result = run({QStringLiteral("search"), QStringLiteral("knee injection"),
                            QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("2")});
    QCOMPARE(result.exitCode, 0);
    const QJsonObject document = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(document.value(u"allWordsFound").toBool(), true);
    const QJsonArray results = document.value(u"results").toArray();
    QCOMPARE(results.size(), 2);
    const QJsonObject first = results.at(0).toObject();
    QCOMPARE(first.value(u"code").toString(), QStringLiteral("20610"));
    QCOMPARE(first.value(u"match").toString(), QStringLiteral("all-words"));
    const QJsonArray matched = first.value(u"matched").toArray();
    QVERIFY(matched.contains(QJsonObject{{QStringLiteral("query"), QStringLiteral("knee")},
                                         {QStringLiteral("term"), QStringLiteral("major joint")},
                                         {QStringLiteral("via"), QStringLiteral("synonym")}}));
    QVERIFY(matched.contains(QJsonObject{{QStringLiteral("query"), QStringLiteral("injection")},
                                         {QStringLiteral("term"), QStringLiteral("injection")},
                                         {QStringLiteral("via"), QStringLiteral("word")}}));
    // The ultrasound-guided code comes second.
    QCOMPARE(results.at(1).toObject().value(u"code").toString(), QStringLiteral("20611"));

    // The plain listing says the synonym too, and labels a dental code.
    const Run plain = run({QStringLiteral("search"), QStringLiteral("knee injection"),
                           QStringLiteral("--limit"), QStringLiteral("1")});
    QVERIFY2(plain.out.contains(u"(knee: major joint)"), qPrintable(plain.out));
    const Run dental = run({QStringLiteral("search"), QStringLiteral("70300")});
    QVERIFY2(dental.out.contains(u"dental: not on this superbill (500034)"), qPrintable(dental.out));
}

void TestCodesCli::addOnsNeedAPrimaryCode()
{
    const QStringList query = {QStringLiteral("search"), QStringLiteral("vaccine injection"),
                               QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("2")};
    const QJsonArray alone =
        QJsonDocument::fromJson(run(query).out.toUtf8()).object().value(u"results").toArray();
    QCOMPARE(alone.at(1).toObject().value(u"code").toString(), QStringLiteral("90472"));
    QCOMPARE(alone.at(1).toObject().value(u"demoted").toString(), QStringLiteral("add-on-without-primary"));
    const QJsonArray withPrimary =
        QJsonDocument::fromJson(run(query + QStringList{QStringLiteral("--with-primary")}).out.toUtf8())
            .object()
            .value(u"results")
            .toArray();
    QVERIFY(!withPrimary.at(1).toObject().contains(u"demoted"));
}

void TestCodesCli::synonymsImportThenSearch()
{
    QCOMPARE(run({QStringLiteral("import"), catalogFixture(QStringLiteral("basic.csv")),
                  QStringLiteral("--db"), db()})
                 .exitCode,
             0);
    QCOMPARE(run({QStringLiteral("search"), QStringLiteral("dentoalveolar"), QStringLiteral("--db"), db()})
                 .exitCode,
             0);
    QCOMPARE(
        run({QStringLiteral("search"), QStringLiteral("gum surgery"), QStringLiteral("--db"), db()}).exitCode,
        1);

    const QString file = m_dir->filePath(QStringLiteral("ours.csv"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("term,expansion\ngum surgery,unlisted dentoalveolar\nknee,20610\n");
    out.close();
    const Run imported =
        run({QStringLiteral("synonyms"), QStringLiteral("import"), file, QStringLiteral("--db"), db()});
    QCOMPARE(imported.exitCode, 1); // one row refused
    QVERIFY2(imported.out.contains(u"new synonyms: 1;"), qPrintable(imported.out));
    QVERIFY2(imported.err.contains(file + QStringLiteral(":3: error: knee: 20610 looks like a code")),
             qPrintable(imported.err));
    const Run found =
        run({QStringLiteral("search"), QStringLiteral("gum surgery"), QStringLiteral("--db"), db()});
    QCOMPARE(found.exitCode, 0);
    QVERIFY2(found.out.startsWith(u"41899  "), qPrintable(found.out));
}

void TestCodesCli::synonymsList()
{
    const Run shipped = run({QStringLiteral("synonyms"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(shipped.exitCode, 0);
    const QJsonArray rows =
        QJsonDocument::fromJson(shipped.out.toUtf8()).object().value(u"synonyms").toArray();
    QVERIFY(rows.size() >= 150);
    QVERIFY(rows.contains(QJsonObject{{QStringLiteral("term"), QStringLiteral("knee")},
                                      {QStringLiteral("expansion"), QStringLiteral("major joint")},
                                      {QStringLiteral("source"), QStringLiteral("shipped")}}));
    const Run csv = run({QStringLiteral("synonyms"), QStringLiteral("list")});
    QVERIFY(csv.out.startsWith(u"term,expansion\n# shipped\n"));
}

void TestCodesCli::favouritesAreSetAndRemoved()
{
    // Without a catalog file there is nothing to keep a favourite in.
    const Run none =
        run({QStringLiteral("favourite"), QStringLiteral("99213"), QStringLiteral("--db"), db()});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains(u"import one first"), qPrintable(none.err));
    QVERIFY(!QFile::exists(db()));

    QCOMPARE(run({QStringLiteral("import"), catalogFixture(QStringLiteral("basic.csv")),
                  QStringLiteral("--db"), db()})
                 .exitCode,
             0);
    const Run starred =
        run({QStringLiteral("favourite"), QStringLiteral("41899"), QStringLiteral("--db"), db()});
    QCOMPARE(starred.exitCode, 0);
    QVERIFY2(starred.out.contains(u"41899: a favourite"), qPrintable(starred.out));
    // An empty search lists favourites first.
    const Run listed = run({QStringLiteral("search"), QStringLiteral("--db"), db()});
    QVERIFY2(listed.out.startsWith(u"41899  "), qPrintable(listed.out));

    const Run unknown =
        run({QStringLiteral("favourite"), QStringLiteral("12345"), QStringLiteral("--db"), db()});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(u"12345 is not in the code catalog"), qPrintable(unknown.err));

    const Run removed = run({QStringLiteral("favourite"), QStringLiteral("41899"), QStringLiteral("--remove"),
                             QStringLiteral("--db"), db()});
    QCOMPARE(removed.exitCode, 0);
    QCOMPARE(run({QStringLiteral("search"), QStringLiteral("--db"), db()}).exitCode, 1);
    QCOMPARE(run({QStringLiteral("favourite"), QStringLiteral("--db"), db()}).exitCode, 2);
}

void TestCodesCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("no action") << QStringList();
    QTest::newRow("unknown action") << QStringList{QStringLiteral("frobnicate")};
    QTest::newRow("import without file") << QStringList{QStringLiteral("import")};
    QTest::newRow("import of a missing file")
        << QStringList{QStringLiteral("import"), QStringLiteral("/nonexistent/codes.csv")};
    QTest::newRow("bad limit") << QStringList{QStringLiteral("search"), QStringLiteral("knee"),
                                              QStringLiteral("--limit"), QStringLiteral("0")};
    QTest::newRow("import with an unknown option")
        << QStringList{QStringLiteral("import"), QStringLiteral("--bogus"), QStringLiteral("codes.csv")};
    QTest::newRow("search with an unknown option")
        << QStringList{QStringLiteral("search"), QStringLiteral("--frob"), QStringLiteral("knee")};
    QTest::newRow("search --limit without a value")
        << QStringList{QStringLiteral("search"), QStringLiteral("knee"), QStringLiteral("--limit")};
    QTest::newRow("limit not a number") << QStringList{QStringLiteral("search"), QStringLiteral("knee"),
                                                       QStringLiteral("--limit"), QStringLiteral("many")};
    QTest::newRow("synonyms without action") << QStringList{QStringLiteral("synonyms")};
    QTest::newRow("synonyms, unknown action")
        << QStringList{QStringLiteral("synonyms"), QStringLiteral("drop")};
    QTest::newRow("synonyms import without file")
        << QStringList{QStringLiteral("synonyms"), QStringLiteral("import")};
    QTest::newRow("synonyms import of a missing file") << QStringList{
        QStringLiteral("synonyms"), QStringLiteral("import"), QStringLiteral("/nonexistent/s.csv")};
}

void TestCodesCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(!result.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCodesCli)
#include "tst_codescli.moc"
