#include <random>
#include <tuple>

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include "catalog/codecatalog.h"
#include "catalog/codefileparser.h"
#include "catalog/foldtext.h"
#include "catalog/searchindex.h"
#include "catalogtestdata.h"

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

// The ranking written the slow, obvious way: every entry gets its rank key, then sort.
struct Folded
{
    QString text;
    QStringList words;
};

QList<Folded> foldAll(const Catalog::CodeEntries &sorted)
{
    QList<Folded> folded;
    for (const CodeEntry &e : sorted) {
        const QString text = Catalog::foldText(QString(e.code + u' ' + e.display));
        folded.append({text, text.split(u' ')});
    }
    return folded;
}

QStringList referenceSearch(const Catalog::CodeEntries &sorted, const QList<Folded> &folded,
                            const QString &query, int limit)
{
    const QStringList words = Catalog::foldText(query).split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty() || limit <= 0)
        return {};
    const QString trimmed = query.trimmed();
    static const QRegularExpression codeLike(QStringLiteral("^[A-Za-z0-9]+$"));
    const bool isCode = words.size() == 1 && codeLike.match(trimmed).hasMatch();
    const QString code = trimmed.toUpper();
    using Key = std::tuple<int, int, int, int>;
    QList<std::pair<Key, QString>> ranked;
    for (int i = 0; i < sorted.size(); ++i) {
        const CodeEntry &e = sorted.at(i);
        const int inactive = e.flags.inactive ? 1 : 0;
        const QString &text = folded.at(i).text;
        const QStringList &entryWords = folded.at(i).words;
        auto allWords = [&](auto test) { return std::all_of(words.cbegin(), words.cend(), test); };
        if (isCode && e.code == code) {
            ranked.append({{0, 0, 0, i}, e.code});
        } else if (isCode && e.code.startsWith(code)) {
            ranked.append({{1, inactive, 0, i}, e.code});
        } else if (allWords([&](const QString &w) {
                       return std::any_of(entryWords.cbegin(), entryWords.cend(),
                                          [&](const QString &ew) { return ew.startsWith(w); });
                   })) {
            const bool first = entryWords.size() > 1 &&
                               std::any_of(words.cbegin(), words.cend(),
                                           [&](const QString &w) { return entryWords.at(1).startsWith(w); });
            ranked.append({{2, inactive, first ? 0 : 1, i}, e.code});
        } else if (allWords([&](const QString &w) { return text.contains(w); })) {
            ranked.append({{3, inactive, 0, i}, e.code});
        }
    }
    std::sort(ranked.begin(), ranked.end());
    QStringList result;
    for (int i = 0; i < std::min<int>(limit, int(ranked.size())); ++i)
        result.append(ranked.at(i).second);
    return result;
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
    void agreesWithAPlainReference();
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

void TestSearchIndex::agreesWithAPlainReference()
{
    // A small vocabulary, so that common words take the bitmap path and rare ones the posting lists.
    const QStringList vocabulary = {
        QStringLiteral("arthroscopy"), QStringLiteral("arthroplasty"), QStringLiteral("knee"),
        QStringLiteral("hip"),         QStringLiteral("injection"),    QStringLiteral("biopsy"),
        QStringLiteral("skin"),        QStringLiteral("with"),         QStringLiteral("ultrasound"),
        QStringLiteral("guidance"),    QStringLiteral("Éxcision"),     QStringLiteral("lesion"),
        QStringLiteral("x-ray"),       QStringLiteral("anesthesia"),   QStringLiteral("minor"),
        QStringLiteral("myelography"), QStringLiteral("fixation"),     QStringLiteral("centesis")};
    std::mt19937 random(5);
    auto pickWord = [&]() { return vocabulary.at(int(random() % vocabulary.size())); };
    Catalog::CodeEntries entries;
    for (int i = 0; i < 3000; ++i) {
        QStringList display;
        const int length = 1 + int(random() % 6);
        for (int w = 0; w < length; ++w)
            display.append(pickWord());
        QString code = i % 10 == 0 ? QString::number(100 + i).rightJustified(5, u'0')
                                   : QString::number(10000 + i * 7 + int(random() % 7));
        if (i % 37 == 0)
            code = QString::number(i).rightJustified(4, u'0') + u'T';
        CodeEntry e = CodeEntry::classified(code, display.join(u' '), QStringLiteral("2026"));
        e.flags.inactive = random() % 9 == 0;
        entries.append(e);
    }
    const SearchIndex index(entries);
    const Catalog::CodeEntries sorted = index.entries();
    const QList<Folded> folded = foldAll(sorted);

    QStringList queries;
    for (int q = 0; q < 200; ++q) {
        QStringList parts;
        const int count = 1 + int(random() % 3);
        for (int p = 0; p < count; ++p) {
            const QString word =
                random() % 4 == 0 ? sorted.at(int(random() % sorted.size())).code : pickWord();
            const int from = random() % 5 == 0 ? int(random() % std::max<qsizetype>(1, word.size() - 1)) : 0;
            parts.append(word.mid(from, 1 + int(random() % word.size())));
        }
        queries.append(random() % 2 ? parts.join(u' ') : parts.join(u' ').toUpper());
    }
    for (const QString &query : std::as_const(queries)) {
        for (const int limit : {1, 7, 20}) {
            const QStringList actual = codes(index.search(query, limit));
            const QStringList expected = referenceSearch(sorted, folded, query, limit);
            if (actual != expected)
                QFAIL(qPrintable(QStringLiteral("query \"%1\" limit %2: got %3, expected %4")
                                     .arg(query)
                                     .arg(limit)
                                     .arg(actual.join(u' '), expected.join(u' '))));
        }
    }
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
