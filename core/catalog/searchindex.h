#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <QList>
#include <QStringView>

#include "codeentry.h"

namespace Catalog {

/**
 * The in-memory index behind search-as-you-type. Built once from a list of
 * codes (sorted by code) and never changed, so it can be shared: a search is
 * binary searches in the sorted codes and in a sorted list of distinct words
 * with, per word, the codes whose description contains it. A query that
 * matches inside words only takes a binary search in the sorted suffixes of
 * the codes and a scan of the distinct description words (far fewer bytes
 * than the descriptions). About 2 us per keystroke for 20,000 codes.
 *
 * Ranking: the exact code; then codes starting with the query; then codes
 * whose words start with every word of the query, in any order; then codes
 * that contain every query word anywhere. Within a rank, active codes come
 * before inactive ones, codes whose description starts with a query word first,
 * then code order. Text is compared folded (see foldText()).
 */
class SearchIndex
{
public:
    enum class Match
    {
        ExactCode,
        CodePrefix,
        WordStarts,
        Contains
    };

    struct Hit
    {
        qsizetype index = -1; ///< into entries()
        Match match = Match::Contains;
    };

    SearchIndex() = default;
    explicit SearchIndex(CodeEntries entries);

    qsizetype size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    /// Every code, sorted by code.
    const CodeEntries &entries() const { return m_entries; }
    /// The entry for a code (trimmed, any case), or nullptr.
    const CodeEntry *find(QStringView code) const;

    /// At most limit hits, best first; none for an empty query.
    QList<Hit> searchHits(QStringView text, int limit) const;
    CodeEntries search(QStringView text, int limit) const;

private:
    struct Span
    {
        std::uint32_t start = 0;
        std::uint32_t length = 0;
    };
    /// Word ranks [lo, hi) of the distinct words starting with one query word.
    struct RankRange
    {
        std::uint32_t lo = 0;
        std::uint32_t hi = 0;
        bool contains(std::uint32_t rank) const { return rank >= lo && rank < hi; }
    };

    std::string_view view(Span span) const { return {m_text.data() + span.start, span.length}; }
    std::string_view entryText(std::size_t entry) const;
    RankRange wordsStartingWith(std::string_view prefix) const;
    bool hasWordIn(std::size_t entry, RankRange range) const;
    void collectWordStarts(const std::vector<std::string_view> &words, qsizetype needed,
                           std::vector<std::uint8_t> &taken, QList<Hit> &hits) const;
    void collectContains(const std::vector<std::string_view> &words, qsizetype needed,
                         std::vector<std::uint8_t> &taken, QList<Hit> &hits) const;

    CodeEntries m_entries;
    std::vector<std::uint8_t> m_inactive;   ///< per entry, for the ranking without touching m_entries
    std::string m_text;                     ///< folded "code description\n" of every entry, in entry order
    std::vector<std::uint32_t> m_textStart; ///< entry i is m_text[m_textStart[i], m_textStart[i + 1] - 1)
    std::vector<std::uint32_t> m_entryWordRanks; ///< every entry's words as ranks in m_words, in entry order
    std::vector<std::uint32_t> m_entryWordStart; ///< entry i has m_entryWordRanks[m_entryWordStart[i] ...]
    std::vector<Span> m_words;                   ///< distinct words, sorted
    std::vector<std::uint32_t> m_postingStart;   ///< word w occurs in m_postings[m_postingStart[w] ...]
    std::vector<std::uint32_t> m_postings;       ///< entry indices, ascending per word
    std::vector<std::uint32_t> m_firstWordsBefore; ///< how many ranks below r start some entry\'s description
    /// Every suffix of every code, sorted, so that a code found by a piece of it takes a binary search.
    struct CodeSuffix
    {
        std::uint32_t entry = 0;
        std::uint16_t offset = 0;
        std::uint16_t length = 0;
    };
    std::string_view view(CodeSuffix suffix) const
    {
        return {m_text.data() + m_textStart[suffix.entry] + suffix.offset, suffix.length};
    }
    std::vector<CodeSuffix> m_codeSuffixes;
    /// The distinct words of the descriptions (codes have m_codeSuffixes) in rank order, each followed by
    /// '\n'.
    std::string m_vocabulary;
    std::vector<std::uint32_t>
        m_vocabularyStart; ///< vocabulary word v is m_vocabulary[m_vocabularyStart[v] ...]
    std::vector<std::uint32_t> m_vocabularyRank; ///< vocabulary word v is m_words[m_vocabularyRank[v]]
    std::vector<std::uint32_t> m_byteCount;      ///< how often each byte occurs in m_vocabulary
};

} // namespace Catalog
