#include <QFile>
#include <QTest>

#include "catalog/codecatalog.h"
#include "catalog/codefileparser.h"
#include "catalog/foldtext.h"
#include "catalog/searchindex.h"

using Catalog::CodeEntry;
using Catalog::SearchIndex;
using Match = Catalog::SearchIndex::Match;

Q_DECLARE_METATYPE(Catalog::SearchIndex::Match)

namespace {

CodeEntry entry(const char *code, const char *display, bool inactive = false)
{
    CodeEntry e =
        CodeEntry::classified(QString::fromUtf8(code), QString::fromUtf8(display), QStringLiteral("2026"));
    e.flags.inactive = inactive;
    return e;
}

// Small enough to know every answer; each rank has a member for "2061".
SearchIndex smallIndex()
{
    return SearchIndex({
        entry("27447", "Total knee arthroplasty"),
        entry("20610", "Arthrocentesis, aspiration and/or injection, major joint or bursa"),
        entry("20611", "Arthrocentesis of a major joint with ultrasound guidance"),
        entry("20612", "Aspiration of a ganglion cyst", true),
        entry("20600", "Small joint arthrocentesis"),
        entry("10160", "Aspiration of an abscess"),
        entry("29881", "Knee arthroscopy with meniscectomy"),
        entry("01402", "Anesthesia for knee arthroplasty"),
        entry("73562", "X-ray of the knee, three views"),
        entry("0232T", "Platelet-rich plasma injection (compare 20610 for a joint)"),
        entry("12061", "Layered wound repair of the face"),
        entry("11102", "Biopsia de piel por afeitado (café con leche)"),
        entry("99213", "Consulta médica de seguimiento"),
        entry("D0120", "Periodic oral exam"),
    });
}

QStringList codes(const Catalog::CodeEntries &entries)
{
    QStringList list;
    for (const auto &e : entries)
        list.append(e.code);
    return list;
}

QStringList split(const char *codes)
{
    const QString text = QString::fromUtf8(codes);
    return text.isEmpty() ? QStringList() : text.split(u' ');
}

SearchIndex trainingIndex()
{
    QFile file(Catalog::CodeCatalog::trainingCatalogResource());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Catalog::CodeEntries entries;
    for (const auto &row : Catalog::CodeFileParser::parse(file.readAll()).rows)
        entries.append(row.entry);
    return SearchIndex(entries);
}

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private slots:
    void foldText_data();
    void foldText();
    void ranking_data();
    void ranking();
    void matchKinds();
    void limit_data();
    void limit();
    void find();
    void emptyIndex();
    void training_data();
    void training();
    void trainingWordsInAnyOrder();
};

void TestSearchIndex::foldText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");

    QTest::newRow("case") << QStringLiteral("Knee ARTHRO") << QStringLiteral("knee arthro");
    QTest::newRow("accents") << QStringLiteral("Artrocentésis Ñandú Crème")
                             << QStringLiteral("artrocentesis nandu creme");
    QTest::newRow("combining accent") << QStringLiteral("cafe\u0301") << QStringLiteral("cafe");
    QTest::newRow("punctuation") << QStringLiteral("and/or, X-ray (knee)")
                                 << QStringLiteral("and or x ray knee");
    QTest::newRow("spaces") << QStringLiteral("  a \t b  ") << QStringLiteral("a b");
    QTest::newRow("ligature") << QStringLiteral("ﬁbula") << QStringLiteral("fibula");
    QTest::newRow("nothing to keep") << QStringLiteral(" - / ") << QString();
}

void TestSearchIndex::foldText()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(Catalog::foldText(text), folded);
}

void TestSearchIndex::ranking_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("exact code") << QStringLiteral("20610") << split("20610 0232T");
    QTest::newRow("exact code, lower case") << QStringLiteral("d0120") << split("D0120");
    QTest::newRow("exact code with spaces") << QStringLiteral("  20610 ") << split("20610 0232T");
    QTest::newRow("every rank for 2061") << QStringLiteral("2061") << split("20610 20611 20612 0232T 12061");
    QTest::newRow("code prefix") << QStringLiteral("206") << split("20600 20610 20611 20612 0232T 12061");
    QTest::newRow("exact inactive code first") << QStringLiteral("20612") << split("20612");
    QTest::newRow("arthro knee") << QStringLiteral("arthro knee") << split("29881 01402 27447");
    QTest::newRow("knee arthro") << QStringLiteral("knee arthro") << split("29881 01402 27447");
    QTest::newRow("upper case") << QStringLiteral("ARTHRO KNEE") << split("29881 01402 27447");
    QTest::newRow("accented query") << QStringLiteral("árthro knée") << split("29881 01402 27447");
    QTest::newRow("accented, full word") << QStringLiteral("ARTHROCENTÉSIS") << split("20610 20611 20600");
    QTest::newRow("accents in the catalog") << QStringLiteral("cafe") << split("11102");
    QTest::newRow("accents on both sides") << QStringLiteral("MÉDICA") << split("99213");
    QTest::newRow("description starting with the word first")
        << QStringLiteral("arthro") << split("20610 20611 01402 20600 27447 29881");
    QTest::newRow("inside words only") << QStringLiteral("centesis") << split("20600 20610 20611");
    QTest::newRow("word in the middle") << QStringLiteral("joint") << split("0232T 20600 20610 20611");
    QTest::newRow("active before inactive") << QStringLiteral("aspiration") << split("10160 20610 20612");
    QTest::newRow("punctuation ignored") << QStringLiteral("x-ray") << split("73562");
    QTest::newRow("code and words") << QStringLiteral("2061 arthro") << split("20610 20611");
    QTest::newRow("every word must match") << QStringLiteral("knee cyst") << QStringList();
    QTest::newRow("no match") << QStringLiteral("zzzz") << QStringList();
    QTest::newRow("blank") << QStringLiteral("   ") << QStringList();
    QTest::newRow("only punctuation") << QStringLiteral("--/") << QStringList();
}

void TestSearchIndex::ranking()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QCOMPARE(codes(smallIndex().search(query, 20)), expected);
}

void TestSearchIndex::matchKinds()
{
    const SearchIndex index = smallIndex();
    QList<Match> kinds;
    for (const auto &hit : index.searchHits(QStringLiteral("2061"), 20))
        kinds.append(hit.match);
    QCOMPARE(kinds, (QList<Match>{Match::CodePrefix, Match::CodePrefix, Match::CodePrefix, Match::WordStarts,
                                  Match::Contains}));
    const auto exact = index.searchHits(QStringLiteral("20610"), 1);
    QCOMPARE(exact.size(), 1);
    QCOMPARE(exact.constFirst().match, Match::ExactCode);
}

void TestSearchIndex::limit_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("one") << QStringLiteral("2061") << 1 << split("20610");
    QTest::newRow("two, inactive left out") << QStringLiteral("2061") << 2 << split("20610 20611");
    QTest::newRow("four") << QStringLiteral("2061") << 4 << split("20610 20611 20612 0232T");
    QTest::newRow("zero") << QStringLiteral("2061") << 0 << QStringList();
    QTest::newRow("negative") << QStringLiteral("2061") << -3 << QStringList();
    QTest::newRow("word rank cut") << QStringLiteral("knee") << 2 << split("29881 01402");
    QTest::newRow("inside-word rank cut") << QStringLiteral("centesis") << 1 << split("20600");
}

void TestSearchIndex::limit()
{
    QFETCH(QString, query);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    QCOMPARE(codes(smallIndex().search(query, limit)), expected);
}

void TestSearchIndex::find()
{
    const SearchIndex index = smallIndex();
    QCOMPARE(index.size(), 14);
    QVERIFY(index.find(QStringLiteral("20610")));
    QCOMPARE(index.find(QStringLiteral(" d0120 "))->code, QStringLiteral("D0120"));
    QVERIFY(index.find(QStringLiteral("20612"))->flags.inactive);
    QVERIFY(!index.find(QStringLiteral("2061")));
    QVERIFY(!index.find(QString()));
    QVERIFY(std::is_sorted(index.entries().cbegin(), index.entries().cend(),
                           [](const CodeEntry &a, const CodeEntry &b) { return a.code < b.code; }));
}

void TestSearchIndex::emptyIndex()
{
    const SearchIndex index;
    QVERIFY(index.isEmpty());
    QVERIFY(index.search(QStringLiteral("20610"), 10).isEmpty());
    QVERIFY(!index.find(QStringLiteral("20610")));
}

void TestSearchIndex::training_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("firstCodes");

    QTest::newRow("20610") << QStringLiteral("20610") << split("20610");
    QTest::newRow("2061") << QStringLiteral("2061") << split("20610 20611");
    QTest::newRow("206") << QStringLiteral("206") << split("20600 20604 20605 20606 20610 20611");
    QTest::newRow("office visit established")
        << QStringLiteral("office visit established") << split("99211 99212 99213 99214 99215");
    QTest::newRow("dental codes") << QStringLiteral("D01") << split("D0120 D0150");
    QTest::newRow("anesthesia knee") << QStringLiteral("anesthesia knee") << split("01400 01402");
    QTest::newRow("x-ray knee") << QStringLiteral("knee x ray") << split("73562");
    QTest::newRow("category III") << QStringLiteral("0042t") << split("0042T");
}

void TestSearchIndex::training()
{
    QFETCH(QString, query);
    QFETCH(QStringList, firstCodes);
    const SearchIndex index = trainingIndex();
    QVERIFY(index.size() > 100);
    const QStringList found = codes(index.search(query, 20));
    QCOMPARE(found.mid(0, firstCodes.size()), firstCodes);
}

void TestSearchIndex::trainingWordsInAnyOrder()
{
    const SearchIndex index = trainingIndex();
    const QStringList forward = codes(index.search(QStringLiteral("arthro knee"), 20));
    const QStringList backward = codes(index.search(QStringLiteral("knee arthro"), 20));
    QVERIFY(forward.contains(QStringLiteral("27447")));
    QVERIFY(forward.contains(QStringLiteral("29881")));
    QVERIFY(forward.contains(QStringLiteral("01402")));
    QStringList a = forward;
    QStringList b = backward;
    a.sort();
    b.sort();
    QCOMPARE(a, b);
    for (const auto &hit : index.searchHits(QStringLiteral("arthro knee"), 20))
        QCOMPARE(hit.match, Match::WordStarts);
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
