#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <QList>
#include <QString>
#include <QStringView>

#include "codeentry.h"
#include "numberranges.h"
#include "synonymfile.h"
#include "typodictionary.h"

namespace Catalog {

/// How a search result was found, best first.
enum class SearchMatch
{
    ExactCode,
    CodePrefix,
    AllWords,  ///< every word of the query (words like "for" and "with" may be missing)
    SomeWords, ///< a closest suggestion: not every word was found
    Listed     ///< no text: a favourite or a recently used code
};

/// Why a result comes after the others: as it stands it cannot go on this superbill.
enum class Demotion
{
    None,
    Dental,             ///< the EHR refuses it (500034)
    Inactive,           ///< no longer in the code set
    AddOnWithoutPrimary ///< an add-on code, and no primary code is on the line
};

/// A short label for a demoted result ("dental: not on this superbill (500034)"); empty for None.
QString demotionText(Demotion demotion);

/// What made a result come up: a word of the query and what was found for it.
struct MatchedTerm
{
    enum class Via
    {
        Word,        ///< the word, its start, or another ending of it ("biopsy" for "biopsies")
        Synonym,     ///< the synonym table's expansion ("knee" -> "major joint")
        Typo,        ///< a word one edit away ("colonoscopy" for "colonscopy")
        InsideWord,  ///< inside a longer word ("centesis" in "arthrocentesis")
        NumberRange, ///< a number in a range the description gives ("15" in "10 or more")
    };

    QString query; ///< the folded query words, e.g. "knee", "blood draw"
    QString term;  ///< what was found, e.g. "major joint", "injection", "10 or more"
    Via via = Via::Word;

    friend bool operator==(const MatchedTerm &, const MatchedTerm &) = default;
};

/// "word", "synonym", "typo", "inside-word", "number-range": for JSON.
QString viaName(MatchedTerm::Via via);

/// What a search should know beyond the text.
struct SearchOptions
{
    int limit = 20;
    /// A primary code is already on the line, so add-on codes rank like the others.
    bool primaryCodeOnLine = false;
    /// Fill Hit::matched (costs a little; the form and the CLI want it, search-as-you-type does not).
    bool explain = false;
    /// Entry indices (into SearchIndex::entries(), ascending) of the person's favourite and recent codes:
    /// among otherwise equal results they come first.
    std::span<const std::uint32_t> preferred;
};

/**
 * The in-memory index behind search-as-you-type. Built once from the codes
 * and the synonym table, then only read, so it can be shared.
 *
 * Text is folded (case, accents, punctuation; see foldWords()), words joined by
 * a hyphen or slash, or a lone letter and the next word, are also one word
 * ("x-ray", "x ray" and "xray" are alike), and every word is also indexed by its
 * stem (see stemWord()): a query word matches a description word it starts, or
 * whose stem its stem starts ("biopsies" finds "biopsy", "inj" finds
 * "injection"); a short word that is not the last is only itself ("im" is no
 * start of "improve"), and a stop word ("for", "with") is not looked for. A
 * word after "no", "not", "without" or "w/o" is denied, in descriptions and in
 * queries: "without ultrasound" matches codes that say so or do not mention
 * ultrasound, and "no ultrasound" in a description is no ultrasound. A query
 * word, or a run of up to four in any order, found in the synonym table also
 * matches the words of its expansions ("knee" -> "major joint"). A number
 * matches the ranges a description gives ("15" in "10 minutes or more"). A word
 * that starts no word of the catalog is looked for inside words ("centesis")
 * when the others leave fewer good results than the limit; when fewer than
 * three results have every word, query words of five letters or more also match
 * words one edit away.
 *
 * Ranking: the exact code, then codes starting with the query; then word
 * results, best first by: every query word found (the others are the closest
 * suggestions, SearchMatch::SomeWords); not demoted (dental, inactive, add-on
 * without a primary code: see Demotion); how many words were found, and how
 * rare they are; not "with ultrasound guidance" unless the query says
 * ultrasound; words found at word starts; whole words and synonyms before word
 * starts, and the words as typed before synonyms; the nearest number range;
 * where in the description the words were found, earliest first; the person's
 * favourite and recent codes; code order. A suggestion needs a strong word: one
 * of three letters or more, a whole word of the catalog, or a synonym.
 *
 * A search never scans every code. A one-word query walks the word's posting
 * lists best first (in the order of where the word is in the descriptions) and
 * stops once its results are certain; a longer query scores the codes that
 * have every strong word, found by intersecting their posting lists rarest
 * first, and reaches for suggestions only when too few have them all. See
 * bench_catalog for the figures.
 */
class SearchIndex
{
public:
    struct Hit
    {
        CodeEntry entry;
        qsizetype index = -1; ///< into entries()
        SearchMatch match = SearchMatch::AllWords;
        Demotion demotion = Demotion::None;
        QList<MatchedTerm> matched; ///< with SearchOptions::explain
    };

    SearchIndex() = default;
    explicit SearchIndex(CodeEntries entries, const Synonyms &synonyms = {});

    qsizetype size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    /// Every code, sorted by code.
    const CodeEntries &entries() const { return m_entries; }
    /// The entry for a code (trimmed, any case), or nullptr.
    const CodeEntry *find(QStringView code) const;
    /// Index of the entry for a code in entries(), or -1.
    qsizetype indexOf(QStringView code) const;
    /// How many synonym rows are in use (rows whose expansion no description has are left out).
    qsizetype synonymCount() const { return qsizetype(m_expansions.size()); }

    /// At most options.limit hits, best first; none for an empty query.
    QList<Hit> searchHits(QStringView text, const SearchOptions &options) const;
    CodeEntries search(QStringView text, int limit) const;

    /// The demotion of entry index for a line with or without a primary code.
    Demotion demotionOf(qsizetype index, bool primaryCodeOnLine) const;

private:
    struct Span
    {
        std::uint32_t start = 0;
        std::uint32_t length = 0;
    };
    /// Term ranks [lo, hi) in m_terms.
    struct RankRange
    {
        std::uint32_t lo = 0;
        std::uint32_t hi = 0;
        bool isEmpty() const { return lo >= hi; }
        bool contains(std::uint32_t rank) const { return rank >= lo && rank < hi; }
    };
    struct Expansion
    {
        QString text;                 ///< as the table writes it
        std::vector<RankRange> parts; ///< every one must be in a description
        bool saysUltrasound = false;
    };
    struct CodeSuffix
    {
        std::uint32_t entry = 0;
        std::uint16_t offset = 0;
        std::uint16_t length = 0;
    };
    struct EntryRange
    {
        NumberRange range;
        std::uint32_t entry = 0;
    };
    class Query;
    class Scorer;
    friend class Query;
    friend class Scorer;

    std::string_view term(std::uint32_t rank) const
    {
        return {m_termText.data() + m_terms[rank].start, m_terms[rank].length};
    }
    std::string_view codeText(std::uint32_t entry) const
    {
        return {m_codeText.data() + m_codeStart[entry], m_codeStart[entry + 1] - m_codeStart[entry]};
    }
    std::string_view view(CodeSuffix suffix) const
    {
        return codeText(suffix.entry).substr(suffix.offset, suffix.length);
    }
    RankRange termsStartingWith(std::string_view prefix) const;
    /// The rank of a term, or m_terms.size().
    std::uint32_t rankOf(std::string_view text) const;
    /// Stem of word's range: every term starting with it when it is long, else the term alone.
    RankRange rangeForExpansionWord(std::string_view word) const;
    std::uint32_t postingCount(RankRange range) const
    {
        return m_postingStart[range.hi] - m_postingStart[range.lo];
    }

    void buildTerms();
    void buildSynonyms(const Synonyms &synonyms);
    void buildTypoDictionary();

    QList<Hit> codeHits(QStringView trimmed, int limit, std::vector<std::uint32_t> &taken) const;
    QList<MatchedTerm> explain(const Query &query, const Scorer &scorer, std::uint32_t entry) const;

    enum EntryFlag : std::uint8_t
    {
        Inactive = 1,
        Dental = 2,
        AddOn = 4,
        UltrasoundGuided = 8
    };

    CodeEntries m_entries;
    std::vector<std::uint8_t> m_flags; ///< EntryFlag bits per entry

    std::string m_termText;                    ///< the text of every term
    std::vector<Span> m_terms;                 ///< distinct terms (words, stems, joined words, codes), sorted
    std::vector<std::uint32_t> m_postingStart; ///< term r occurs in m_postings[m_postingStart[r] ...]
    std::vector<std::uint32_t> m_postings;     ///< entry << 8 | word position, ascending per term
    std::vector<std::uint32_t> m_entryTermStart; ///< entry e has m_entryTerms[m_entryTermStart[e] ...]
    std::vector<std::uint32_t> m_entryTerms;     ///< rank << 8 | word position, per entry

    /// Every code folded ("d0120"), one after the other; and every suffix of them, sorted, so that
    /// a code found by a piece of it takes a binary search.
    std::string m_codeText;
    std::vector<std::uint32_t> m_codeStart;
    std::vector<CodeSuffix> m_codeSuffixes;
    /// The distinct description words in rank order, each followed by '\n', for words inside words.
    std::string m_vocabulary;
    std::vector<std::uint32_t>
        m_vocabularyStart; ///< vocabulary word v is m_vocabulary[m_vocabularyStart[v] ...]
    std::vector<std::uint32_t> m_vocabularyRank; ///< vocabulary word v is m_terms[m_vocabularyRank[v]]
    std::vector<std::uint32_t> m_byteCount;      ///< how often each byte occurs in m_vocabulary

    std::vector<EntryRange> m_numberRanges;        ///< ascending by entry
    std::vector<std::uint32_t> m_numberRangeStart; ///< entry e has m_numberRanges[m_numberRangeStart[e] ...]

    std::vector<Expansion> m_expansions;
    /// Stems of a term's words run together ("blood draw" -> "blooddraw") -> its expansions.
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_synonyms;
    std::size_t m_longestSynonymTerm = 0; ///< in words

    /// Description words and one-word synonym terms that a typo may have meant.
    TypoDictionary m_typos;
    std::vector<std::uint32_t> m_typoRank; ///< per typo dictionary word: its stem's rank, or m_terms.size()
    std::uint32_t m_ultrasoundRank = 0;    ///< rank of "ultrasound", or m_terms.size()
};

} // namespace Catalog
