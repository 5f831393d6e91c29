#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include "catalog/codecatalog.h"
#include "catalog/codefileparser.h"
#include "catalog/foldtext.h"
#include "catalog/numberranges.h"
#include "catalog/searchindex.h"
#include "catalog/stemmer.h"
#include "catalog/typodictionary.h"
#include "catalogtestdata.h"

using Catalog::CodeEntry;
using Catalog::Demotion;
using Catalog::MatchedTerm;
using Catalog::SearchIndex;
using Catalog::SearchMatch;
using Catalog::SearchOptions;

Q_DECLARE_METATYPE(Catalog::SearchMatch)

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

Catalog::CodeEntries trainingEntries()
{
    QFile file(Catalog::CodeCatalog::trainingCatalogResource());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Catalog::CodeEntries entries;
    for (const auto &row : Catalog::CodeFileParser::parse(file.readAll()).rows)
        entries.append(row.entry);
    return entries;
}

// The training catalog with the shipped synonyms, as the app searches it.
const SearchIndex &trainingIndex()
{
    static const SearchIndex index(trainingEntries(), Catalog::SynonymFile::shipped());
    return index;
}

QStringList hitCodes(const QList<SearchIndex::Hit> &hits)
{
    QStringList list;
    for (const auto &hit : hits)
        list.append(hit.entry.code);
    return list;
}

QList<SearchIndex::Hit> hits(const SearchIndex &index, const QString &query, int limit = 20,
                             bool primaryCodeOnLine = false)
{
    SearchOptions options;
    options.limit = limit;
    options.primaryCodeOnLine = primaryCodeOnLine;
    options.explain = true;
    return index.searchHits(query, options);
}

QStringList words(const std::vector<Catalog::FoldedWord> &folded)
{
    QStringList list;
    for (const auto &word : folded)
        list.append(QString::fromStdString(word.text) +
                    (word.connectedToNext ? QStringLiteral("-") : QString()));
    return list;
}

// ---------------------------------------------------------------------------------------------------
// The ranking rules of SearchIndex written the slow, obvious way: every entry, every term, every rule.

struct ReferenceTerm
{
    std::string text;
    int position = 0;
};

struct ReferenceEntry
{
    CodeEntry entry;
    std::vector<ReferenceTerm> terms;
    std::vector<Catalog::NumberRange> ranges;
    bool ultrasoundGuided = false;
};

bool startsWith(const std::string &text, const std::string &prefix)
{
    return text.compare(0, prefix.size(), prefix) == 0;
}

class Reference
{
public:
    explicit Reference(const Catalog::CodeEntries &sorted)
    {
        for (const CodeEntry &e : sorted) {
            ReferenceEntry r{e, {}, {}, false};
            const std::string code = e.code.toLower().toStdString();
            r.terms.push_back({code, 255});
            m_terms[code].insert(m_entries.size());
            m_surface.insert(code);
            const auto folded = Catalog::foldWords(e.display);
            std::vector<std::string_view> texts;
            for (const auto &w : folded)
                texts.push_back(w.text);
            const std::vector<bool> denied = Catalog::deniedWords(texts);
            bool ultrasound = false;
            bool guidance = false;
            for (std::size_t p = 0; p < folded.size(); ++p) {
                const int position = int(std::min<std::size_t>(p, 254));
                const std::string &w = folded[p].text;
                const std::string mark = denied[p] ? "!" : "";
                add(r, mark, w, position);
                if (!denied[p]) {
                    m_surface.insert(w);
                    if (w.size() >= 4 && !Catalog::isNumber(w))
                        m_dictionary.insert(w);
                    ultrasound = ultrasound || w == "ultrasound";
                    guidance = guidance || startsWith(w, "guid");
                }
                if (p + 1 < folded.size()) {
                    const auto &next = folded[p + 1];
                    const bool numbers = Catalog::isNumber(w) && Catalog::isNumber(next.text);
                    const bool lone = w.size() == 1 && w != "a" && w[0] >= 'a' && w[0] <= 'z';
                    if (!numbers && (folded[p].connectedToNext || lone))
                        add(r, mark, w + next.text, position);
                }
            }
            r.ranges = Catalog::numberRanges(folded);
            r.ultrasoundGuided = ultrasound && guidance;
            m_entries.push_back(std::move(r));
        }
    }

    QStringList search(const QString &query, int limit, const std::set<std::size_t> &preferred = {}) const
    {
        QStringList result;
        if (limit <= 0)
            return result;
        std::vector<Word> q;
        std::vector<std::string_view> texts;
        auto folded = Catalog::foldWords(query);
        if (folded.size() > 8)
            folded.resize(8);
        for (const auto &w : folded)
            texts.push_back(w.text);
        const std::vector<bool> denied = Catalog::deniedWords(texts);
        for (std::size_t i = 0; i < folded.size(); ++i) {
            const std::string &w = folded[i].text;
            const bool wo = w == "w" || (w == "o" && i > 0 && folded[i - 1].text == "w");
            q.push_back({w, Catalog::stemWord(w), Catalog::isStopWord(w) || Catalog::isNegation(w) || wo,
                         Catalog::isNumber(w), denied[i]});
        }
        if (q.empty())
            return result;
        if (std::all_of(q.cbegin(), q.cend(), [](const Word &w) { return w.stop; })) {
            for (Word &w : q)
                w.stop = false;
        }
        // The exact code, then codes starting with the query (inactive after the others).
        std::set<std::size_t> taken;
        const QString trimmed = query.trimmed();
        static const QRegularExpression codeLike(QStringLiteral("^[A-Za-z0-9]+$"));
        if (q.size() == 1 && codeLike.match(trimmed).hasMatch()) {
            const QString code = trimmed.toUpper();
            std::vector<std::size_t> later;
            for (std::size_t i = 0; i < m_entries.size() && int(result.size()) < limit; ++i) {
                const CodeEntry &e = m_entries[i].entry;
                if (!e.code.startsWith(code))
                    continue;
                if (e.flags.inactive && e.code != code) {
                    later.push_back(i);
                    continue;
                }
                result.append(e.code);
                taken.insert(i);
            }
            for (const std::size_t i : later) {
                if (int(result.size()) >= limit)
                    break;
                result.append(m_entries[i].entry.code);
                taken.insert(i);
            }
        }
        if (int(result.size()) >= limit)
            return result;
        const int wanted = limit - int(result.size());

        const std::size_t n = q.size();
        std::uint16_t significant = 0;
        std::uint16_t strong = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (!q[i].stop)
                significant |= std::uint16_t(1U << i);
            const bool term = hasTerm(q[i].text) || hasTerm(q[i].stem);
            if (!q[i].stop && !q[i].number && !q[i].denied && (q[i].text.size() >= 3 || term))
                strong |= std::uint16_t(1U << i);
        }
        // Inside words are only looked for a word that starts none.
        std::vector<bool> startsAWord;
        for (const Word &w : q) {
            const auto from = m_terms.lower_bound(w.stem);
            startsAWord.push_back(from != m_terms.cend() && startsWith(from->first, w.stem));
        }
        const bool someWordNotDenied =
            std::any_of(q.cbegin(), q.cend(), [](const Word &w) { return !w.stop && !w.denied; });
        const bool numbersCount = std::any_of(
            q.cbegin(), q.cend(), [](const Word &w) { return !w.stop && !w.number && !w.denied; });
        const bool saysUltrasound = says(q, "ultrasound");

        auto score = [&](const ReferenceEntry &e, bool inside, bool typos) {
            Score s;
            // Each word keeps its best match (quality, then the words as typed over anything else) and
            // the earliest place of that.
            auto match = [&](std::uint16_t mask, int quality, int position, bool typed = true) {
                const int nibble = quality * 2 + (typed ? 1 : 0);
                for (std::size_t i = 0; i < n; ++i) {
                    if (!(mask >> i & 1U))
                        continue;
                    if (nibble > s.nibble[i])
                        s.position[i] = position;
                    else if (nibble == s.nibble[i])
                        s.position[i] = std::min(s.position[i], position);
                    s.nibble[i] = std::max(s.nibble[i], nibble);
                    s.quality[i] = s.nibble[i] / 2;
                }
            };
            for (std::size_t i = 0; i < n; ++i) {
                const auto mask = std::uint16_t(1U << i);
                if (q[i].denied) {
                    // Denied in the description ("without ultrasound"); or not in it at all, below.
                    for (const ReferenceTerm &t : e.terms) {
                        if (startsWith(t.text, "!" + q[i].stem))
                            match(mask, t.text == "!" + q[i].text || t.text == "!" + q[i].stem ? 4 : 3,
                                  t.position);
                    }
                    continue;
                }
                // A stop word is only looked for run into the next word.
                const bool whole = q[i].text.size() <= 2 && i + 1 < n;
                for (const ReferenceTerm &t : e.terms) {
                    if (q[i].stop)
                        break;
                    const bool literal =
                        whole ? t.text == q[i].text || t.text == q[i].stem : startsWith(t.text, q[i].stem);
                    if (literal)
                        match(mask, t.text == q[i].text || t.text == q[i].stem ? 4 : 3, t.position);
                }
                if (i + 1 < n && !(q[i].number && q[i + 1].number) && !q[i + 1].denied) {
                    const std::string joined = q[i].text + q[i + 1].text;
                    const std::string joinedStem = Catalog::stemWord(joined);
                    const bool last = i + 2 == n;
                    for (const ReferenceTerm &t : e.terms) {
                        if (joined.size() >= 3 &&
                            (last ? startsWith(t.text, joinedStem) : t.text == joinedStem))
                            match(std::uint16_t(3U << i), t.text == joined || t.text == joinedStem ? 4 : 3,
                                  t.position);
                    }
                }
            }
            for (std::size_t i = 0; i < n; ++i) {
                const auto mask = std::uint16_t(1U << i);
                if (q[i].denied && someWordNotDenied &&
                    std::none_of(e.terms.cbegin(), e.terms.cend(),
                                 [&](const ReferenceTerm &t) { return startsWith(t.text, q[i].stem); }))
                    match(mask, 3, 255, false);
                if (inside && !q[i].stop && !q[i].denied && q[i].text.size() >= 3 && !startsAWord[i]) {
                    for (const ReferenceTerm &t : e.terms) {
                        if (m_surface.count(t.text) && t.text.find(q[i].text) != std::string::npos)
                            match(mask, 1, t.position, false);
                    }
                }
                if (typos && (strong >> i & 1U) && q[i].text.size() >= 5) {
                    for (const std::string &d : m_dictionary) {
                        if (!Catalog::TypoDictionary::isOneEdit(q[i].text, d))
                            continue;
                        for (const ReferenceTerm &t : e.terms) {
                            if (t.text == Catalog::stemWord(d))
                                match(mask, 2, t.position, false);
                        }
                    }
                }
            }
            for (std::size_t i = 0; i < n; ++i) {
                if (!q[i].number || !numbersCount || s.nibble[i] >= 8)
                    continue;
                const double value = *Catalog::numberValue(q[i].text);
                double best = -1;
                int position = 255;
                for (const auto &range : e.ranges) {
                    if (range.contains(value) && (best < 0 || range.slack(value) < best)) {
                        best = range.slack(value);
                        position = int(range.word);
                    }
                }
                if (best < 0)
                    continue;
                const bool first = s.nibble[i] < 6;
                match(std::uint16_t(1U << i), 3, position, false);
                if (first)
                    s.slack = std::min(255, s.slack + int(std::ceil(best)));
            }
            for (std::size_t i = 0; i < n; ++i) {
                if (s.quality[i] > 0)
                    s.found |= std::uint16_t(1U << i);
            }
            s.complete = (s.found & significant) == significant;
            for (std::size_t i = 0; i < n; ++i) {
                if ((significant >> i & 1U) && s.nibble[i] > 0)
                    s.firstPosition = std::min(s.firstPosition, s.position[i]);
            }
            return s;
        };
        auto demoted = [](const CodeEntry &e) { return e.flags.dental || e.flags.inactive || e.flags.addOn; };
        auto countComplete = [&](bool inside, bool good) {
            int count = 0;
            for (std::size_t k = 0; k < m_entries.size(); ++k) {
                const ReferenceEntry &e = m_entries[k];
                if (taken.count(k) || !score(e, inside, false).complete)
                    continue;
                if (good && (demoted(e.entry) || (e.ultrasoundGuided && !saysUltrasound)))
                    continue;
                ++count;
            }
            return count;
        };
        const bool inside = countComplete(false, true) < wanted;
        const bool typos = int(result.size()) + countComplete(inside, false) < 3;
        std::array<int, 8> weight = {};
        for (std::size_t i = 0; i < n; ++i) {
            double total = 0;
            const bool whole = q[i].text.size() <= 2 && i + 1 < n;
            if (q[i].stop)
                total += 0;
            else if (q[i].denied)
                total += reach([&](const std::string &t) { return startsWith(t, "!" + q[i].stem); });
            else if (whole)
                total += reach([&](const std::string &t) { return t == q[i].text || t == q[i].stem; });
            else
                total += reach([&](const std::string &t) { return startsWith(t, q[i].stem); });
            for (const std::size_t j : {i - 1, i}) {
                if (j >= n || j + 1 >= n || q[j].denied || q[j + 1].denied ||
                    (q[j].number && q[j + 1].number))
                    continue;
                const std::string joined = q[j].text + q[j + 1].text;
                const std::string joinedStem = Catalog::stemWord(joined);
                if (joined.size() >= 3)
                    total += reach([&](const std::string &t) {
                        return j + 2 == n ? startsWith(t, joinedStem) : t == joinedStem;
                    });
            }
            const double count = double(m_entries.size());
            weight[i] = int(std::lround(8 * std::log2((count + 1) / (std::min(total, count) + 1))));
        }

        using Key = std::tuple<int, int, int, int, int, int, int, int, int, int, int, int>;
        std::vector<std::pair<Key, QString>> ranked;
        for (std::size_t k = 0; k < m_entries.size(); ++k) {
            if (taken.count(k))
                continue;
            const ReferenceEntry &e = m_entries[k];
            const Score s = score(e, inside, typos);
            if (!s.complete && !(s.found & strong))
                continue;
            int matched = 0;
            int specificity = 0;
            int atWordStart = 0;
            int quality = 0;
            int asTyped = 0;
            for (std::size_t i = 0; i < n; ++i) {
                quality += s.quality[i];
                if ((significant >> i & 1U) && s.quality[i] > 0) {
                    ++matched;
                    specificity += weight[i];
                    atWordStart += s.quality[i] >= 2 ? 1 : 0;
                    asTyped += s.nibble[i] % 2;
                }
            }
            // Smaller is better in every place.
            ranked.push_back(
                {{s.complete ? 0 : 1, demoted(e.entry) ? 1 : 0, -matched, -std::min(specificity, 255),
                  e.ultrasoundGuided && !saysUltrasound ? 1 : 0, -atWordStart, -std::min(quality, 63),
                  -asTyped, s.slack, std::min(s.firstPosition, 15), preferred.count(k) ? 0 : 1, int(k)},
                 e.entry.code});
        }
        std::sort(ranked.begin(), ranked.end());
        for (int i = 0; i < std::min<int>(wanted, int(ranked.size())); ++i)
            result.append(ranked[std::size_t(i)].second);
        return result;
    }

private:
    struct Word
    {
        std::string text;
        std::string stem;
        bool stop = false;
        bool number = false;
        bool denied = false;
    };
    struct Score
    {
        std::array<int, 8> quality = {};
        std::array<int, 8> nibble = {}; ///< quality * 2, plus one when the words as typed found it
        std::array<int, 8> position = {255, 255, 255, 255, 255, 255, 255, 255};
        int firstPosition = 255;
        int slack = 0;
        std::uint16_t found = 0;
        bool complete = false;
    };
    void add(ReferenceEntry &r, const std::string &mark, const std::string &text, int position)
    {
        const std::size_t entry = m_entries.size();
        r.terms.push_back({mark + text, position});
        m_terms[mark + text].insert(entry);
        const std::string stem = Catalog::stemWord(text);
        if (stem != text) {
            r.terms.push_back({mark + stem, position});
            m_terms[mark + stem].insert(entry);
        }
    }

    bool hasTerm(const std::string &text) const { return m_terms.count(text) > 0; }

    // How many (term, code) pairs there are for the terms that match.
    template<typename Match>
    double reach(Match match) const
    {
        double total = 0;
        for (const auto &[text, entries] : m_terms) {
            if (match(text))
                total += double(entries.size());
        }
        return total;
    }

    // Whether a word of three letters or more, alone or run into the next, starts the given term.
    bool says(const std::vector<Word> &q, const std::string &term) const
    {
        if (!hasTerm(term))
            return false;
        for (std::size_t i = 0; i < q.size(); ++i) {
            if (q[i].text.size() < 3 || q[i].denied)
                continue;
            if (!q[i].stop && startsWith(term, q[i].stem))
                return true; // three letters or more: never a short word matched whole
            if (i + 1 < q.size() && !(q[i].number && q[i + 1].number) && !q[i + 1].denied) {
                const std::string joined = Catalog::stemWord(q[i].text + q[i + 1].text);
                if (i + 2 == q.size() ? startsWith(term, joined) : term == joined)
                    return true;
            }
        }
        return false;
    }
    std::vector<ReferenceEntry> m_entries;
    std::map<std::string, std::set<std::size_t>> m_terms;
    std::set<std::string> m_surface;
    std::set<std::string> m_dictionary;
};

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private slots:
    void foldText_data();
    void foldText();
    void foldWords_data();
    void foldWords();
    void stemming_data();
    void stemming();
    void numberRanges_data();
    void numberRanges();
    void typoDictionary_data();
    void typoDictionary();
    void ranking_data();
    void ranking();
    void matchKinds();
    void limit_data();
    void limit();
    void find();
    void emptyIndex();
    void synonymsMapWordsToWords();
    void synonymExplainsTheMatch();
    void typosNeedLongWordsAndFewResults();
    void dentalInactiveAndAddOnComeLastLabelled();
    void plainBeforeUltrasoundGuided();
    void numbersFindTheirRange();
    void queriesSayTheirRangeInTheirOwnWords_data();
    void queriesSayTheirRangeInTheirOwnWords();
    void preferredCodesFirstAmongEquals();
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

void TestSearchIndex::foldWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("words"); // a word joined to the next ends in "-"

    QTest::newRow("hyphen joins") << QStringLiteral("Chest X-ray") << split("chest x- ray");
    QTest::newRow("space does not") << QStringLiteral("x ray") << split("x ray");
    QTest::newRow("one word") << QStringLiteral("XRAY") << split("xray");
    QTest::newRow("slash and ampersand") << QStringLiteral("I&D w/o") << split("i- d w- o");
    QTest::newRow("spaced hyphen is no join") << QStringLiteral("knee - hip") << split("knee hip");
    QTest::newRow("apostrophe dropped") << QStringLiteral("patient’s visit's") << split("patients visits");
    QTest::newRow("decimals kept") << QStringLiteral("2.5 cm, 0.5 mL.") << split("2.5 cm 0.5 ml");
    QTest::newRow("number and unit split") << QStringLiteral("5cm 30min") << split("5 cm 30 min");
    QTest::newRow("codes and ordinals stay")
        << QStringLiteral("A1c B12 2nd 0042T") << split("a1c b12 2nd 0042t");
    QTest::newRow("range with hyphen") << QStringLiteral("age 40-64") << split("age 40- 64");
    QTest::newRow("accents and case") << QStringLiteral("Échographie") << split("echographie");
    QTest::newRow("nothing") << QStringLiteral(" - ") << QStringList();
}

void TestSearchIndex::foldWords()
{
    QFETCH(QString, text);
    QFETCH(QStringList, words);
    QCOMPARE(::words(Catalog::foldWords(text)), words);
}

void TestSearchIndex::stemming_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("stem");

    for (const char *w : {"biopsy", "biopsies"})
        QTest::newRow(w) << QString::fromUtf8(w) << QStringLiteral("biopsy");
    for (const char *w : {"inject", "injects", "injection", "injections", "injected", "injecting"})
        QTest::newRow(w) << QString::fromUtf8(w) << QStringLiteral("inject");
    for (const char *w : {"remove", "removal", "removing", "removed"})
        QTest::newRow(w) << QString::fromUtf8(w) << QStringLiteral("remov");
    for (const char *w : {"stitch", "stitches", "stitching", "stitched"})
        QTest::newRow(w) << QString::fromUtf8(w) << QStringLiteral("stitch");
    for (const char *w : {"drainage", "draining", "drain"})
        QTest::newRow(w) << QString::fromUtf8(w) << QStringLiteral("drain");
    for (const char *w : {"guidance", "guided", "guide"})
        QTest::newRow(w) << QString::fromUtf8(w) << QStringLiteral("guid");
    QTest::newRow("laparoscopic") << QStringLiteral("laparoscopic") << QStringLiteral("laparoscopy");
    QTest::newRow("knee kept") << QStringLiteral("knees") << QStringLiteral("knee");
    QTest::newRow("abscess kept") << QStringLiteral("abscess") << QStringLiteral("abscess");
    QTest::newRow("stenosis kept") << QStringLiteral("stenosis") << QStringLiteral("stenosis");
    QTest::newRow("uterus kept") << QStringLiteral("uterus") << QStringLiteral("uterus");
    QTest::newRow("bleeding") << QStringLiteral("bleeding") << QStringLiteral("bleed");
    QTest::newRow("trimming") << QStringLiteral("trimming") << QStringLiteral("trim");
    QTest::newRow("short word") << QStringLiteral("ear") << QStringLiteral("ear");
    QTest::newRow("numbers") << QStringLiteral("12") << QStringLiteral("12");
    QTest::newRow("word with digits") << QStringLiteral("leads12") << QStringLiteral("leads12");
}

void TestSearchIndex::stemming()
{
    QFETCH(QString, word);
    QFETCH(QString, stem);
    QCOMPARE(QString::fromStdString(Catalog::stemWord(word.toStdString())), stem);
}

void TestSearchIndex::numberRanges_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("inside");

    QTest::newRow("to") << QStringLiteral("age 40 to 64") << 50.0 << true;
    QTest::newRow("to, below") << QStringLiteral("age 40 to 64") << 39.0 << false;
    QTest::newRow("hyphen") << QStringLiteral("40-64 years") << 64.0 << true;
    QTest::newRow("or more") << QStringLiteral("10 minutes or more") << 15.0 << true;
    QTest::newRow("or more, below") << QStringLiteral("10 minutes or more") << 9.0 << false;
    QTest::newRow("or older") << QStringLiteral("age 65 or older") << 70.0 << true;
    QTest::newRow("or less") << QStringLiteral("30 minutes or less") << 30.0 << true;
    QTest::newRow("under excludes") << QStringLiteral("below 130 mm Hg") << 130.0 << false;
    QTest::newRow("under") << QStringLiteral("below 130 mm Hg") << 128.0 << true;
    QTest::newRow("more than excludes") << QStringLiteral("more than 30 minutes") << 30.0 << false;
    QTest::newRow("more than") << QStringLiteral("more than 30 minutes") << 31.0 << true;
    QTest::newRow("decimals") << QStringLiteral("1.1 to 2 cm") << 1.5 << true;
    QTest::newRow("up to") << QStringLiteral("up to 15") << 10.0 << true;
    QTest::newRow("within") << QStringLiteral("seen within 7 days") << 8.0 << false;
    QTest::newRow("a number alone is no range") << QStringLiteral("12 leads") << 12.0 << false;
    QTest::newRow("older than excludes") << QStringLiteral("older than 64") << 64.0 << false;
    QTest::newRow("older than") << QStringLiteral("older than 64") << 65.0 << true;
    QTest::newRow("fewer than") << QStringLiteral("fewer than 5 lesions") << 4.0 << true;
    QTest::newRow("and up") << QStringLiteral("age 65 and up") << 80.0 << true;
    QTest::newRow("plus") << QStringLiteral("65 plus") << 65.0 << true;
    QTest::newRow("plus, below") << QStringLiteral("65 plus") << 64.0 << false;
}

void TestSearchIndex::numberRanges()
{
    QFETCH(QString, text);
    QFETCH(double, value);
    QFETCH(bool, inside);
    const auto ranges = Catalog::numberRanges(Catalog::foldWords(text));
    const bool found =
        std::any_of(ranges.cbegin(), ranges.cend(), [&](const auto &r) { return r.contains(value); });
    QCOMPARE(found, inside);
}

void TestSearchIndex::typoDictionary_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QStringList>("found");

    QTest::newRow("letter missing") << QStringLiteral("colonscopy") << split("colonoscopy");
    QTest::newRow("letter changed") << QStringLiteral("arthrocentisis") << split("arthrocentesis");
    QTest::newRow("letters swapped") << QStringLiteral("arthrocnetesis") << split("arthrocentesis");
    QTest::newRow("letter added") << QStringLiteral("mammmogram") << split("mammogram");
    QTest::newRow("itself is no typo") << QStringLiteral("mammogram") << QStringList();
    QTest::newRow("two edits") << QStringLiteral("colnscpy") << QStringList();
    QTest::newRow("plural") << QStringLiteral("biopsie") << split("biopsies");
    QTest::newRow("several") << QStringLiteral("lesgion") << split("legion lesion");
}

void TestSearchIndex::typoDictionary()
{
    QFETCH(QString, word);
    QFETCH(QStringList, found);
    Catalog::TypoDictionary dictionary;
    for (const char *w :
         {"colonoscopy", "arthrocentesis", "mammogram", "biopsy", "biopsies", "lesion", "legion"})
        dictionary.add(w);
    dictionary.add("biopsy"); // twice: one id
    QCOMPARE(dictionary.size(), std::size_t(7));
    QStringList words;
    for (const auto id : dictionary.oneEditAway(word.toStdString()))
        words.append(QString::fromStdString(dictionary.word(id)));
    words.sort();
    found.sort();
    QCOMPARE(words, found);
}

void TestSearchIndex::ranking_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("exact code") << QStringLiteral("20610") << split("20610 0232T");
    QTest::newRow("exact code, lower case") << QStringLiteral("d0120") << split("D0120");
    QTest::newRow("exact code with spaces") << QStringLiteral("  20610 ") << split("20610 0232T");
    QTest::newRow("every rank for 2061") << QStringLiteral("2061") << split("20610 20611 20612 0232T");
    QTest::newRow("code prefix") << QStringLiteral("206") << split("20600 20610 20611 20612 0232T");
    QTest::newRow("inside a code") << QStringLiteral("0610") << split("0232T 20610");
    QTest::newRow("exact inactive code first") << QStringLiteral("20612") << split("20612");
    // Every word first, the earliest in the description first; then the closest suggestions.
    QTest::newRow("arthro knee") << QStringLiteral("arthro knee")
                                 << split("29881 27447 01402 73562 20610 20600 20611");
    QTest::newRow("knee arthro") << QStringLiteral("knee arthro")
                                 << split("29881 27447 01402 73562 20610 20600 20611");
    QTest::newRow("upper case") << QStringLiteral("ARTHRO KNEE")
                                << split("29881 27447 01402 73562 20610 20600 20611");
    QTest::newRow("accented query") << QStringLiteral("árthro knée")
                                    << split("29881 27447 01402 73562 20610 20600 20611");
    QTest::newRow("accented, full word") << QStringLiteral("ARTHROCENTÉSIS") << split("20610 20600 20611");
    QTest::newRow("accents in the catalog") << QStringLiteral("cafe") << split("11102");
    QTest::newRow("accents on both sides") << QStringLiteral("MÉDICA") << split("99213");
    QTest::newRow("description starting with the word first")
        << QStringLiteral("arthro") << split("20610 29881 20600 27447 01402 20611");
    QTest::newRow("inside words only") << QStringLiteral("centesis") << split("20610 20600 20611");
    QTest::newRow("word in the middle") << QStringLiteral("joint") << split("20600 20610 0232T 20611");
    QTest::newRow("active before inactive") << QStringLiteral("aspiration") << split("10160 20610 20612");
    QTest::newRow("x-ray") << QStringLiteral("x-ray") << split("73562");
    QTest::newRow("x ray") << QStringLiteral("x ray") << split("73562");
    QTest::newRow("xray") << QStringLiteral("xray") << split("73562");
    QTest::newRow("plural") << QStringLiteral("arthroplasties") << split("27447 01402");
    QTest::newRow("code and words") << QStringLiteral("2061 arthro")
                                    << split("20610 20611 29881 20600 27447 01402");
    QTest::newRow("some words: suggestions")
        << QStringLiteral("knee cyst") << split("29881 27447 01402 73562 20612");
    QTest::newRow("stop words need not be found") << QStringLiteral("repair of the face") << split("12061");
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
    QList<SearchMatch> kinds;
    for (const auto &hit : hits(index, QStringLiteral("2061")))
        kinds.append(hit.match);
    QCOMPARE(kinds, (QList<SearchMatch>{SearchMatch::CodePrefix, SearchMatch::CodePrefix,
                                        SearchMatch::CodePrefix, SearchMatch::AllWords}));
    const auto exact = hits(index, QStringLiteral("20610"), 1);
    QCOMPARE(exact.size(), 1);
    QCOMPARE(exact.constFirst().match, SearchMatch::ExactCode);
    const auto some = hits(index, QStringLiteral("knee cyst"));
    QVERIFY(!some.isEmpty());
    for (const auto &hit : some)
        QCOMPARE(hit.match, SearchMatch::SomeWords);
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
    QTest::newRow("word rank cut") << QStringLiteral("knee") << 2 << split("29881 27447");
    QTest::newRow("inside-word rank cut") << QStringLiteral("centesis") << 1 << split("20610");
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
    QCOMPARE(index.indexOf(QStringLiteral("01402")), 0);
    QCOMPARE(index.indexOf(QStringLiteral("nope")), -1);
    QVERIFY(std::is_sorted(index.entries().cbegin(), index.entries().cend(),
                           [](const CodeEntry &a, const CodeEntry &b) { return a.code < b.code; }));
}

void TestSearchIndex::emptyIndex()
{
    const SearchIndex index;
    QVERIFY(index.isEmpty());
    QVERIFY(index.search(QStringLiteral("20610"), 10).isEmpty());
    QVERIFY(index.search(QStringLiteral("knee injection"), 10).isEmpty());
    QVERIFY(!index.find(QStringLiteral("20610")));
}

void TestSearchIndex::synonymsMapWordsToWords()
{
    const Catalog::CodeEntries entries = {
        entry("93000", "Electrocardiogram, routine, with at least 12 leads"),
        entry("36415", "Collection of venous blood by venipuncture"),
        entry("20610", "Arthrocentesis, aspiration and/or injection, major joint or bursa"),
        entry("69210", "Removal impacted cerumen requiring instrumentation, unilateral"),
    };
    const Catalog::Synonyms synonyms = {
        {QStringLiteral("EKG"), QStringLiteral("electrocardiogram")},
        {QStringLiteral("blood draw"), QStringLiteral("venipuncture")},
        {QStringLiteral("knee"), QStringLiteral("major joint")},
        {QStringLiteral("ear wax"), QStringLiteral("cerumen")},
        {QStringLiteral("nothing"), QStringLiteral("no description has this word")},
    };
    const SearchIndex without(entries);
    const SearchIndex with(entries, synonyms);
    QCOMPARE(with.synonymCount(), 4);
    QVERIFY(without.search(QStringLiteral("ekg"), 5).isEmpty());
    QCOMPARE(codes(with.search(QStringLiteral("ekg"), 5)), split("93000"));
    QCOMPARE(codes(with.search(QStringLiteral("EKGs"), 5)), split("93000"));
    QCOMPARE(codes(with.search(QStringLiteral("blood draw"), 5)), split("36415"));
    QCOMPARE(codes(with.search(QStringLiteral("blood draws"), 5)), split("36415"));
    // A term of several words in another order is the same term.
    QCOMPARE(codes(with.search(QStringLiteral("draw blood"), 5)), split("36415"));
    QCOMPARE(codes(with.search(QStringLiteral("wax ear removal"), 5)), split("69210"));
    QCOMPARE(codes(with.search(QStringLiteral("knee injection"), 5)), split("20610"));
    // "ear wax", "earwax" and "ear-wax" are one term.
    for (const char *query : {"ear wax removal", "earwax removal", "ear-wax removal"})
        QCOMPARE(codes(with.search(QString::fromUtf8(query), 5)), split("69210"));
    // A synonym is a word for the query; the code's own words still count.
    QCOMPARE(codes(with.search(QStringLiteral("venipuncture"), 5)), split("36415"));
}

void TestSearchIndex::synonymExplainsTheMatch()
{
    const auto found = hits(trainingIndex(), QStringLiteral("knee injection"), 3);
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.constFirst().entry.code, QStringLiteral("20610"));
    const QList<MatchedTerm> matched = found.constFirst().matched;
    QVERIFY2(matched.contains(MatchedTerm{QStringLiteral("knee"), QStringLiteral("major joint"),
                                          MatchedTerm::Via::Synonym}),
             qPrintable(QString::number(matched.size())));
    QVERIFY(matched.contains(
        MatchedTerm{QStringLiteral("injection"), QStringLiteral("injection"), MatchedTerm::Via::Word}));

    const auto biopsy = hits(trainingIndex(), QStringLiteral("colonoscopy biopsy"), 1);
    QCOMPARE(biopsy.constFirst().entry.code, QStringLiteral("45380"));
    QVERIFY(biopsy.constFirst().matched.contains(
        MatchedTerm{QStringLiteral("biopsy"), QStringLiteral("biopsies"), MatchedTerm::Via::Word}));
}

void TestSearchIndex::typosNeedLongWordsAndFewResults()
{
    const SearchIndex &index = trainingIndex();
    const auto arthrocentesis = hits(index, QStringLiteral("arthrocentisis"), 3);
    QCOMPARE(hitCodes(arthrocentesis).value(0), QStringLiteral("20610"));
    QCOMPARE(arthrocentesis.constFirst().matched.constFirst().via, MatchedTerm::Via::Typo);
    QCOMPARE(arthrocentesis.constFirst().matched.constFirst().term, QStringLiteral("arthrocentesis"));
    QCOMPARE(hitCodes(hits(index, QStringLiteral("colonscopy"), 3)), split("45378 45380 45385"));
    QCOMPARE(hitCodes(hits(index, QStringLiteral("colonscopy biopsy"), 1)), split("45380"));
    // Four letters: no typo looked for ("knee" is not "kneel").
    QVERIFY(hits(index, QStringLiteral("kneq"), 3).isEmpty());
    // Enough results without typos: "tested" stays itself.
    for (const auto &hit : hits(index, QStringLiteral("office visit"), 20)) {
        for (const auto &term : hit.matched)
            QVERIFY(term.via != MatchedTerm::Via::Typo);
    }
}

void TestSearchIndex::dentalInactiveAndAddOnComeLastLabelled()
{
    const SearchIndex &index = trainingIndex();
    for (const char *query : {"x-ray", "xray", "x ray", "X-RAYS"}) {
        const auto found = hits(index, QString::fromUtf8(query));
        QVERIFY2(found.size() > 3, query);
        QVERIFY2(!found.constFirst().entry.flags.dental, query);
        // Dental x-rays (70300 is flagged dental by the practice, D0210 is CDT) after all the others.
        const auto firstDental = std::find_if(
            found.cbegin(), found.cend(), [](const auto &hit) { return hit.demotion == Demotion::Dental; });
        QVERIFY2(firstDental != found.cend(), query);
        QVERIFY(std::all_of(firstDental, found.cend(),
                            [](const auto &hit) { return hit.demotion == Demotion::Dental; }));
        QVERIFY(hitCodes(found).contains(QStringLiteral("70300")));
        QVERIFY(!Catalog::demotionText(firstDental->demotion).isEmpty());
    }
    // 99201 is inactive: after every active new-patient visit, before the closest suggestions.
    QList<SearchIndex::Hit> visits = hits(index, QStringLiteral("office visit new patient"));
    visits.erase(std::remove_if(visits.begin(), visits.end(),
                                [](const auto &hit) { return hit.match != SearchMatch::AllWords; }),
                 visits.end());
    QCOMPARE(hitCodes(visits), split("99202 99203 99204 99205 99201"));
    QCOMPARE(visits.constLast().demotion, Demotion::Inactive);
    // 90472 (each further vaccine) is an add-on: after 90471 unless a primary code is on the line.
    QCOMPARE(hitCodes(hits(index, QStringLiteral("vaccine injection"), 2)), split("90471 90472"));
    const auto further = hits(index, QStringLiteral("further vaccine injection"), 2);
    QCOMPARE(further.constFirst().entry.code, QStringLiteral("90472"));
    QCOMPARE(further.constFirst().demotion, Demotion::AddOnWithoutPrimary);
    QCOMPARE(hits(index, QStringLiteral("further vaccine injection"), 2, true).constFirst().demotion,
             Demotion::None);
    // The add-on comes up at all: every word found beats a suggestion.
    QCOMPARE(hitCodes(hits(index, QStringLiteral("prolonged visit"), 1)), split("99417"));
}

void TestSearchIndex::plainBeforeUltrasoundGuided()
{
    const SearchIndex &index = trainingIndex();
    QCOMPARE(hitCodes(hits(index, QStringLiteral("knee injection"), 2)), split("20610 20611"));
    QCOMPARE(hitCodes(hits(index, QStringLiteral("joint injection small"), 2)), split("20600 20604"));
    QCOMPARE(hitCodes(hits(index, QStringLiteral("ultrasound guided knee injection"), 1)), split("20611"));
    QCOMPARE(hitCodes(hits(index, QStringLiteral("US guided knee injection"), 1)), split("20611"));
    // "no ultrasound" in 20600 is no match for ultrasound, and is one for "without ultrasound".
    QCOMPARE(hitCodes(hits(index, QStringLiteral("small joint injection ultrasound"), 1)), split("20604"));
    QCOMPARE(hitCodes(hits(index, QStringLiteral("small joint injection without ultrasound"), 1)),
             split("20600"));
    QCOMPARE(hitCodes(hits(index, QStringLiteral("knee injection w/o ultrasound"), 1)), split("20610"));
    // Licensed descriptors say "without ultrasound guidance" for the plain code.
    const SearchIndex licensed(
        {entry("20610", "Arthrocentesis, major joint or bursa (eg, knee); without ultrasound guidance"),
         entry("20611", "Arthrocentesis, major joint or bursa (eg, knee); with ultrasound guidance")},
        Catalog::SynonymFile::shipped());
    QCOMPARE(hitCodes(hits(licensed, QStringLiteral("knee injection"))), split("20610 20611"));
    QCOMPARE(hitCodes(hits(licensed, QStringLiteral("knee injection ultrasound"))), split("20611 20610"));
    QCOMPARE(hitCodes(hits(licensed, QStringLiteral("knee injection no ultrasound"))), split("20610 20611"));
}

void TestSearchIndex::numbersFindTheirRange()
{
    const SearchIndex &index = trainingIndex();
    const auto visit = hits(index, QStringLiteral("est pt 15 min"), 1);
    QCOMPARE(hitCodes(visit), split("99212"));
    QVERIFY(visit.constFirst().matched.contains(
        MatchedTerm{QStringLiteral("15"), QStringLiteral("10 or more"), MatchedTerm::Via::NumberRange}));
    QCOMPARE(hitCodes(hits(index, QStringLiteral("est pt 25 min"), 1)), split("99213"));
    QCOMPARE(hitCodes(hits(index, QStringLiteral("established visit 45 minutes"), 1)), split("99215"));
    QCOMPARE(hitCodes(hits(index, QStringLiteral("preventive established 50"), 1)), split("99396"));
    QCOMPARE(hitCodes(hits(index, QStringLiteral("discharge 45 min"), 1)), split("99239"));
}

void TestSearchIndex::queriesSayTheirRangeInTheirOwnWords_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("first");

    QTest::newRow("over 65") << QStringLiteral("preventive established over 65") << QStringLiteral("99397");
    QTest::newRow("over 64") << QStringLiteral("preventive established over 64") << QStringLiteral("99397");
    QTest::newRow("older than 64") << QStringLiteral("physical established older than 64")
                                   << QStringLiteral("99397");
    QTest::newRow("65 and up") << QStringLiteral("preventive established 65 and up")
                               << QStringLiteral("99397");
    QTest::newRow("65 plus") << QStringLiteral("preventive new 65 plus") << QStringLiteral("99387");
    QTest::newRow("65+") << QStringLiteral("preventive new 65+") << QStringLiteral("99387");
    QTest::newRow("under 65") << QStringLiteral("preventive established under 65") << QStringLiteral("99396");
    QTest::newRow("younger than 1") << QStringLiteral("preventive new younger than 1")
                                    << QStringLiteral("99381");
    QTest::newRow("less than 1") << QStringLiteral("preventive established less than 1")
                                 << QStringLiteral("99391");
    QTest::newRow("at least 40") << QStringLiteral("preventive established at least 40")
                                 << QStringLiteral("99396");
}

void TestSearchIndex::queriesSayTheirRangeInTheirOwnWords()
{
    QFETCH(QString, query);
    QFETCH(QString, first);
    QCOMPARE(hitCodes(hits(trainingIndex(), query, 1)), QStringList{first});
}

void TestSearchIndex::preferredCodesFirstAmongEquals()
{
    const SearchIndex &index = trainingIndex();
    SearchOptions options;
    options.limit = 3;
    const QStringList plain = hitCodes(index.searchHits(QStringLiteral("chest x-ray"), options));
    QCOMPARE(plain.mid(0, 2), split("71045 71046"));
    const std::vector<std::uint32_t> preferred = {std::uint32_t(index.indexOf(QStringLiteral("71046")))};
    options.preferred = preferred;
    QCOMPARE(hitCodes(index.searchHits(QStringLiteral("chest x-ray"), options)).mid(0, 2),
             split("71046 71045"));
    // A better match still wins over a favourite.
    QCOMPARE(hitCodes(index.searchHits(QStringLiteral("chest x-ray one view"), options)).value(0),
             QStringLiteral("71045"));
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
    QTest::newRow("knee x ray") << QStringLiteral("knee x ray") << split("73562");
    QTest::newRow("knee xray") << QStringLiteral("knee xray") << split("73562");
    QTest::newRow("category III") << QStringLiteral("0042t") << split("0042T");
    QTest::newRow("flu shot") << QStringLiteral("flu shot") << split("90686");
    QTest::newRow("ekg") << QStringLiteral("ekg") << split("93000");
    QTest::newRow("immunization") << QStringLiteral("immunization") << split("90471");
    QTest::newRow("colonoscopy biopsy") << QStringLiteral("colonoscopy biopsy") << split("45380");
    QTest::newRow("knee injection") << QStringLiteral("knee injection") << split("20610");
    QTest::newRow("x-ray") << QStringLiteral("x-ray") << split("71045 71046");
}

void TestSearchIndex::training()
{
    QFETCH(QString, query);
    QFETCH(QStringList, firstCodes);
    const SearchIndex &index = trainingIndex();
    QVERIFY(index.size() > 100);
    QVERIFY(index.synonymCount() > 150);
    const QStringList found = codes(index.search(query, 20));
    QCOMPARE(found.mid(0, firstCodes.size()), firstCodes);
}

void TestSearchIndex::trainingWordsInAnyOrder()
{
    const SearchIndex &index = trainingIndex();
    const QStringList forward = codes(index.search(QStringLiteral("arthro knee"), 20));
    const QStringList backward = codes(index.search(QStringLiteral("knee arthro"), 20));
    QVERIFY(forward.contains(QStringLiteral("27447")));
    QVERIFY(forward.contains(QStringLiteral("29881")));
    QVERIFY(forward.contains(QStringLiteral("01402")));
    QCOMPARE(forward, backward);
}

void TestSearchIndex::agreesWithAPlainReference()
{
    // A small vocabulary, so that common words take the long posting lists and rare ones the short;
    // numbers and "or more" make number ranges, "ultrasound guidance" the plain-first rule.
    const QStringList vocabulary = {QStringLiteral("arthroscopy"), QStringLiteral("arthroplasty"),
                                    QStringLiteral("knee"),        QStringLiteral("hip"),
                                    QStringLiteral("injections"),  QStringLiteral("biopsies"),
                                    QStringLiteral("skin"),        QStringLiteral("with"),
                                    QStringLiteral("ultrasound"),  QStringLiteral("guidance"),
                                    QStringLiteral("Éxcision"),    QStringLiteral("lesion"),
                                    QStringLiteral("x-ray"),       QStringLiteral("anesthesia"),
                                    QStringLiteral("minor"),       QStringLiteral("myelography"),
                                    QStringLiteral("fixation"),    QStringLiteral("centesis"),
                                    QStringLiteral("15"),          QStringLiteral("30"),
                                    QStringLiteral("minutes"),     QStringLiteral("or more"),
                                    QStringLiteral("to"),          QStringLiteral("of the"),
                                    QStringLiteral("without"),     QStringLiteral("no")};
    const QStringList typed = {
        QStringLiteral("arthroscopi"), QStringLiteral("injection"), QStringLiteral("biopsy"),
        QStringLiteral("xray"),        QStringLiteral("x ray"),     QStringLiteral("20"),
        QStringLiteral("excisoin"),    QStringLiteral("min"),       QStringLiteral("ultra"),
        QStringLiteral("fixatoin"),    QStringLiteral("the"),       QStringLiteral("cent"),
        QStringLiteral("w/o"),         QStringLiteral("without"),   QStringLiteral("no")};
    std::mt19937 random(5);
    auto pickWord = [&]() { return vocabulary.at(int(random() % vocabulary.size())); };
    Catalog::CodeEntries entries;
    for (int i = 0; i < 1500; ++i) {
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
        e.flags.addOn = random() % 13 == 0;
        e.flags.dental = random() % 17 == 0;
        entries.append(e);
    }
    const SearchIndex index(entries);
    const Reference reference(index.entries());
    const Catalog::CodeEntries &sorted = index.entries();

    QStringList queries;
    for (int q = 0; q < 120; ++q) {
        QStringList parts;
        const int count = 1 + int(random() % 3);
        for (int p = 0; p < count; ++p) {
            const int kind = int(random() % 6);
            const QString word = kind == 0   ? sorted.at(int(random() % sorted.size())).code
                                 : kind == 1 ? typed.at(int(random() % typed.size()))
                                             : pickWord();
            const int from = random() % 5 == 0 ? int(random() % std::max<qsizetype>(1, word.size() - 1)) : 0;
            parts.append(word.mid(from, 1 + int(random() % word.size())));
        }
        queries.append(random() % 2 ? parts.join(u' ') : parts.join(u' ').toUpper());
    }
    // Favourite and recent codes: a third of the entries, so that they often tie with others.
    std::set<std::size_t> preferred;
    std::vector<std::uint32_t> preferredEntries;
    for (std::uint32_t i = 0; i < std::uint32_t(sorted.size()); ++i) {
        if (random() % 3 == 0) {
            preferred.insert(i);
            preferredEntries.push_back(i);
        }
    }
    for (const QString &query : std::as_const(queries)) {
        for (const int limit : {1, 7, 20}) {
            SearchOptions options;
            options.limit = limit;
            const bool favour = random() % 2 == 0;
            if (favour)
                options.preferred = preferredEntries;
            const QStringList actual = hitCodes(index.searchHits(query, options));
            const QStringList expected =
                reference.search(query, limit, favour ? preferred : std::set<std::size_t>());
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
