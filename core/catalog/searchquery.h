#pragma once

// Inside SearchIndex: a query taken apart, and the scoring of the codes it reaches. Not a public
// header; searchindex.cpp and searchquery.cpp share it.

#include <array>
#include <limits>

#include "foldtext.h"
#include "searchindex.h"

namespace Catalog::SearchDetail {

constexpr std::uint32_t NoRank = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint8_t CodePosition = 255; // the code is no word of the description
constexpr std::uint8_t LastPosition = 254;
constexpr std::size_t MaxQueryWords = 8; // later words are not looked for
constexpr int TypoMinimumLength = 5;
constexpr char DeniedMark = '!'; // "without ultrasound" is filed as "!ultrasound"; sorts before letters

// How well a query word was found in a description, worst to best.
enum Quality : std::uint8_t
{
    NotFound = 0,
    InsideWord = 1,
    Typo = 2,
    WordStart = 3,
    WholeWord = 4
};

/// The key a synonym term is filed under: its words' stems run together, in their order or sorted
/// (a term of several words is filed both ways, so that word order does not matter).
std::string synonymKey(std::vector<std::string> stems, bool sorted);

/// The stem of a term, keeping the mark of a denied word in front.
std::string deniedStem(std::string_view term);
std::vector<std::string_view> textsOf(const std::vector<FoldedWord> &words);

} // namespace Catalog::SearchDetail

namespace Catalog {

class SearchIndex::Query
{
public:
    enum class Kind : std::uint8_t
    {
        Word,
        Synonym,
        Typo,
        Inside,
        Number, ///< only scores candidates: never brings one
        Absent  ///< a denied word the description does not have at all; only scores candidates
    };

    struct Word
    {
        std::string text;
        std::string stem;
        bool stop = false; ///< need not be found, and only as itself: "for", "with", "without"
        bool number = false;
        bool denied = false; ///< after "no", "without"...: must be denied in the description, or absent
        bool strong = false; ///< may bring a result on its own
    };

    struct Alternative
    {
        std::uint8_t first = 0;
        std::uint8_t count = 1;
        Kind kind = Kind::Word;
        bool anyPart = true; ///< one of the parts is enough (else every part is needed)
        bool driving = false;
        std::vector<RankRange> parts;
        std::array<std::uint32_t, 2> wholeWords = {SearchDetail::NoRank, SearchDetail::NoRank};
        std::uint32_t expansion = SearchDetail::NoRank;
        double number = 0;

        std::uint16_t mask() const { return std::uint16_t(((1U << count) - 1) << first); }
        bool scoresOnly() const { return kind == Kind::Number || kind == Kind::Absent; }
        bool isWholeWord(std::uint32_t rank) const { return rank == wholeWords[0] || rank == wholeWords[1]; }
    };

    Query(const SearchIndex &index, QStringView text);

    void addInsideWords();
    void addTypos();
    /// One word to find (others are stop words with nothing of their own), and nothing that only scores:
    /// its codes can be walked best first.
    bool isOneWord() const;
    /// Lets every strong word bring candidates, not only the one with the shortest posting lists.
    void reachEveryStrongWord();
    /// Postings of an alternative's parts: the codes it reaches, counted with repeats.
    std::uint32_t cost(const Alternative &alternative) const;

    const SearchIndex &index;
    std::vector<Word> words;
    std::vector<Alternative> alternatives;
    std::uint16_t significant = 0; ///< words that must be found for a result to have all words
    std::uint16_t strong = 0;
    std::uint16_t driver = 0; ///< words whose alternatives bring the candidates
    bool saysUltrasound = false;

private:
    void add(Alternative alternative);
    /// Adds the expansions filed under key that `added` does not hold yet, and notes them there.
    void addSynonyms(std::size_t first, std::size_t count, const std::string &key, Kind kind,
                     std::vector<std::uint32_t> &added);
    void chooseDriver();
};

class SearchIndex::Scorer
{
public:
    /// A code the query reached, with how well and where each word was found.
    struct Candidate
    {
        explicit Candidate(std::uint32_t e = 0)
            : entry(e)
        {
            positions.fill(SearchDetail::CodePosition);
        }
        std::uint32_t entry = 0;
        /// Four bits per query word: quality * 2, plus one when the words as typed found it (they win
        /// a tie with a synonym). 0: not found.
        std::uint32_t nibbles = 0;
        std::array<std::uint8_t, SearchDetail::MaxQueryWords> positions; ///< where each was found best
        std::uint8_t slack = 0; ///< distance to the number ranges found, summed, at most 255

        std::uint32_t nibble(std::size_t word) const { return nibbles >> (4 * word) & 15U; }
        /// Bit 4 * i set when word i was found.
        std::uint32_t foundNibbles() const;
        /// Whether every word whose bit is set in `words` (as nibblesOf() gives) was found.
        bool has(std::uint32_t words) const { return (foundNibbles() & words) == words; }
    };

    /// One alternative held against one code.
    struct Found
    {
        std::uint32_t nibble = 0; ///< 0: no match
        std::uint8_t position = SearchDetail::CodePosition;
        std::uint32_t rank = SearchDetail::NoRank; ///< the term that matched, when one did
        double slack = 0;
    };

    Scorer(const SearchIndex &index, const Query &query, const std::vector<std::uint32_t> &taken,
           bool primaryCodeOnLine);
    /// Bit 4 * i for every word i of the mask.
    static std::uint32_t nibblesOf(std::uint16_t words);
    /// How many of the bits 4 * i are set (a multiplication sums them into the top four bits).
    static std::uint32_t countNibbles(std::uint32_t bits) { return (bits & 0x11111111U) * 0x11111111U >> 28; }

    /// Walks the posting lists of the driving alternatives not walked yet, then scores the codes
    /// they reached with every other alternative.
    void run();
    /// For a query with strong words: scores the codes that have every one of them (the rest can only
    /// be suggestions; run() brings them once reachEveryStrongWord() made them driving).
    void runEveryStrongWord();
    /// For a query of one word: walks its posting lists in the order of where the word is in the
    /// descriptions, whole words and synonyms first, and stops once `wanted` good results are
    /// certain to be the best (a code not reached yet can only rank lower). preferred: see
    /// SearchOptions::preferred.
    void runOneWord(int wanted, std::span<const std::uint32_t> preferred);
    /// After runOneWord(): walks the alternatives added since (inside words, typos) best first too.
    void runOneWordFallback();
    /// Gives the favourite and recent codes what the alternatives from fromAlternative on find in them:
    /// they beat the others found as well and as early, so they are looked at before a walk.
    void scorePreferred(std::size_t fromAlternative);
    /// Candidates with every significant word; good: and neither demoted nor ultrasound-guided unasked.
    int countComplete(bool good) const;
    bool isGood(std::uint32_t entry) const;

    const std::vector<Candidate> &candidates() const { return m_candidates; }
    Found evaluate(std::size_t alternative, std::uint32_t entry) const;

private:
    struct Cursor
    {
        std::uint32_t next = 0;
        std::uint32_t end = 0;
    };
    struct Slot
    {
        std::uint32_t generation = 0;
        std::uint32_t candidate = 0;
    };
    struct Scratch
    {
        std::vector<Slot> byEntry; ///< per entry: its candidate, when generation is this search's
        std::uint32_t generation = 0;
        std::vector<std::uint32_t> partStamp; ///< per entry, for alternatives that need every part
        std::vector<std::uint8_t> partPosition;
        std::uint32_t partGeneration = 0;
        std::vector<std::uint32_t> wordStamp; ///< per entry, for the codes with every strong word
        std::uint32_t wordGeneration = 0;
    };
    static Scratch &scratch(std::size_t entries);

    static std::uint32_t reserveGenerations(std::vector<std::uint32_t> &stamps, std::uint32_t &generation,
                                            std::uint32_t count);
    template<typename Visit>
    void forEachPosting(const Query::Alternative &alternative, Visit visit);
    /// Scores the candidates not scored yet with every alternative not walked.
    void score();
    Candidate *candidateFor(std::uint32_t entry, bool create);
    void credit(Candidate &candidate, const Query::Alternative &alternative, std::uint32_t nibble,
                std::uint8_t position);
    std::uint32_t nibbleOf(const Query::Alternative &alternative, std::uint32_t rank) const;
    void walk(std::size_t alternative, bool create);

    void scan(Candidate &candidate, std::size_t alternative);
    /// The posting lists of word's whole-word terms, or of its other terms.
    std::vector<Cursor> cursorsFor(const Query::Alternative &word, bool wholeWords) const;
    /// Walks the cursors best first at the given nibble; true when `wanted` good codes are certain.
    bool walkInOrder(const Query::Alternative &word, std::vector<Cursor> cursors, std::uint32_t nibble,
                     int wanted);

    const SearchIndex &m_index;
    const Query &m_query;
    Scratch &m_scratch;
    std::vector<Candidate> m_candidates;
    std::vector<bool> m_walked; ///< per alternative: its posting lists were walked, bringing candidates
    std::size_t m_scanned = 0;
    std::uint32_t m_significantNibbles = 0;
    std::uint8_t m_badFlags = 0;                ///< EntryFlag bits that make a code not good for this query
    int m_wanted = 0;                           ///< for runOneWordFallback()
    std::span<const std::uint32_t> m_preferred; ///< candidates
                                                ///< below this had every other alternative applied
};

} // namespace Catalog
