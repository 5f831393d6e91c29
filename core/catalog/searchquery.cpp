#include "searchquery.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <functional>

#include "stemmer.h"

namespace Catalog {

namespace SearchDetail {

std::string synonymKey(std::vector<std::string> stems, bool sorted)
{
    if (sorted)
        std::sort(stems.begin(), stems.end());
    std::string key;
    for (const std::string &stem : stems)
        key += stem;
    return key;
}

std::string deniedStem(std::string_view term)
{
    if (!term.empty() && term.front() == DeniedMark)
        return DeniedMark + stemWord(term.substr(1));
    return stemWord(term);
}

std::vector<std::string_view> textsOf(const std::vector<FoldedWord> &words)
{
    std::vector<std::string_view> texts;
    texts.reserve(words.size());
    for (const FoldedWord &word : words)
        texts.push_back(word.text);
    return texts;
}

} // namespace SearchDetail

using namespace SearchDetail;

namespace {

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

/// The number a description's range must hold for the query's number at word: "over 64" is 65, so it
/// finds "65 or older" and not "40 to 64"; "under 65" is 64. Ages, counts and minutes are whole, so a
/// whole number steps by one; "under 2.5" only leaves 2.5 itself out.
double queriedNumber(double value, std::size_t word, const std::vector<NumberRange> &queryRanges)
{
    for (const NumberRange &range : queryRanges) {
        if (range.word != word || std::isinf(range.low) == std::isinf(range.high))
            continue;
        const bool whole = value == std::floor(value);
        if (range.low > value)
            return whole ? value + 1 : range.low;
        if (range.high < value)
            return whole ? value - 1 : range.high;
    }
    return value;
}

} // namespace

// ---------------------------------------------------------------------------------------------------
// The query: its words, and every way each can be found

SearchIndex::Query::Query(const SearchIndex &index, QStringView text)
    : index(index)
{
    std::vector<FoldedWord> folded = foldWords(text);
    if (folded.size() > MaxQueryWords)
        folded.resize(MaxQueryWords);
    const std::vector<bool> denied = deniedWords(textsOf(folded));
    const std::vector<NumberRange> ranges = numberRanges(folded);
    for (std::size_t i = 0; i < folded.size(); ++i) {
        Word word;
        word.stem = stemWord(folded[i].text);
        word.text = std::move(folded[i].text);
        const bool wo = word.text == "w" || (word.text == "o" && i > 0 && words[i - 1].text == "w");
        word.stop = isStopWord(word.text) || isNegation(word.text) || wo;
        word.number = isNumber(word.text);
        word.denied = denied[i];
        words.push_back(std::move(word));
    }
    // "over", "or older", "less than" say which numbers are meant; descriptions say it in their own
    // words ("65 or older" for "over 64"), so those words are not looked for.
    for (const NumberRange &range : ranges) {
        for (std::size_t k = range.firstWord; k < std::min(range.endWord, words.size()); ++k)
            words[k].stop = words[k].stop || !words[k].number;
    }
    if (std::all_of(words.cbegin(), words.cend(), [](const Word &w) { return w.stop; })) {
        for (Word &word : words)
            word.stop = false; // "with" alone is meant
    }
    const std::uint32_t noTerm = std::uint32_t(index.m_terms.size());
    // Number ranges only score codes: some word that brings codes must be there ("denied" brings none).
    const bool hasWordBesidesNumbers = std::any_of(
        words.cbegin(), words.cend(), [](const Word &w) { return !w.stop && !w.number && !w.denied; });
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word &word = words[i];
        if (!word.stop)
            significant |= std::uint16_t(1U << i);
        if (word.denied) {
            const std::string mark(1, DeniedMark);
            Alternative explicitly;
            explicitly.first = std::uint8_t(i);
            explicitly.parts = {index.termsStartingWith(mark + word.stem)};
            explicitly.wholeWords = {index.rankOf(mark + word.text), index.rankOf(mark + word.stem)};
            add(explicitly);
            Alternative absent;
            absent.first = std::uint8_t(i);
            absent.kind = Kind::Absent;
            absent.parts = {index.termsStartingWith(word.stem)};
            add(absent);
            continue;
        }
        // "over 64" leaves 64 out: the number is not looked for as a word, only as a range holding 65.
        const double value = word.number ? numberValue(word.text).value_or(0) : 0;
        const double queried = word.number ? queriedNumber(value, i, ranges) : 0;
        if (word.number && hasWordBesidesNumbers) {
            Alternative number;
            number.first = std::uint8_t(i);
            number.kind = Kind::Number;
            number.number = queried;
            add(number);
        }
        if (queried != value)
            continue;
        Alternative literal;
        literal.first = std::uint8_t(i);
        literal.wholeWords = {index.rankOf(word.text), index.rankOf(word.stem)};
        // A stop word is not looked for by itself (only in a synonym or run into the next word). A short
        // word that is not the one being typed is only itself: "im" is no start of "improve".
        if (word.stop) {
            literal.parts.clear();
        } else if (word.text.size() <= 2 && i + 1 < words.size()) {
            for (const std::uint32_t r : {literal.wholeWords[0], literal.wholeWords[1]}) {
                if (r < noTerm && (literal.parts.empty() || literal.parts.front().lo != r))
                    literal.parts.push_back({r, r + 1});
            }
        } else {
            literal.parts = {index.termsStartingWith(word.stem)};
        }
        add(literal);

        if (i + 1 < words.size() && !(word.number && words[i + 1].number) && !words[i + 1].denied) {
            // "x ray", "ear wax": the two words written as one; the last pair may still be typed.
            const std::string joined = word.text + words[i + 1].text;
            const std::string joinedStem = stemWord(joined);
            Alternative pair;
            pair.first = std::uint8_t(i);
            pair.count = 2;
            if (i + 2 == words.size()) {
                pair.parts = {index.termsStartingWith(joinedStem)};
            } else if (const std::uint32_t r = index.rankOf(joinedStem); r < noTerm) {
                pair.parts = {RankRange{r, r + 1}};
            }
            pair.wholeWords = {index.rankOf(joined), index.rankOf(joinedStem)};
            if (joined.size() >= 3)
                add(pair);
        }

        // A denied word has no synonyms of its own, but a term may hold its negation ("non smoker").
        std::vector<std::string> stems;
        for (std::size_t count = 1; count <= index.m_longestSynonymTerm && i + count <= words.size();
             ++count) {
            stems.push_back(words[i + count - 1].stem);
            std::vector<std::uint32_t> added;
            addSynonyms(i, count, synonymKey(stems, false), Kind::Synonym, added);
            if (count > 1)
                addSynonyms(i, count, synonymKey(stems, true), Kind::Synonym, added);
        }
    }
    // Words that are all denied ("without contrast") find codes that deny them, not every code
    // without them.
    if (std::none_of(words.cbegin(), words.cend(), [](const Word &w) { return !w.stop && !w.denied; })) {
        alternatives.erase(std::remove_if(alternatives.begin(), alternatives.end(),
                                          [](const Alternative &a) { return a.kind == Kind::Absent; }),
                           alternatives.end());
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        Word &word = words[i];
        const bool wholeTerm = index.rankOf(word.text) < noTerm || index.rankOf(word.stem) < noTerm;
        const bool synonym =
            std::any_of(alternatives.cbegin(), alternatives.cend(), [&](const Alternative &a) {
                return a.kind == Kind::Synonym && (a.mask() >> i & 1U);
            });
        word.strong =
            !word.stop && !word.number && !word.denied && (word.text.size() >= 3 || wholeTerm || synonym);
        if (word.strong)
            strong |= std::uint16_t(1U << i);
    }
    chooseDriver();
}

void SearchIndex::Query::add(Alternative alternative)
{
    alternative.parts.erase(std::remove_if(alternative.parts.begin(), alternative.parts.end(),
                                           [](RankRange r) { return r.isEmpty(); }),
                            alternative.parts.end());
    if (alternative.kind != Kind::Number && alternative.kind != Kind::Absent && alternative.parts.empty())
        return;
    if (alternatives.size() >= 255)
        return;
    if (alternative.kind == Kind::Word && words[alternative.first].text.size() >= 3) {
        for (const RankRange part : alternative.parts)
            saysUltrasound = saysUltrasound || part.contains(index.m_ultrasoundRank);
    }
    alternatives.push_back(std::move(alternative));
}

void SearchIndex::Query::addSynonyms(std::size_t first, std::size_t count, const std::string &key, Kind kind,
                                     std::vector<std::uint32_t> &added)
{
    const auto found = index.m_synonyms.find(key);
    if (found == index.m_synonyms.end())
        return;
    for (const std::uint32_t e : found->second) {
        if (std::find(added.cbegin(), added.cend(), e) != added.cend())
            continue;
        added.push_back(e);
        const Expansion &expansion = index.m_expansions[e];
        Alternative synonym;
        synonym.first = std::uint8_t(first);
        synonym.count = std::uint8_t(count);
        synonym.kind = kind;
        synonym.anyPart = false;
        synonym.parts = expansion.parts;
        synonym.expansion = e;
        saysUltrasound = saysUltrasound || expansion.saysUltrasound;
        add(std::move(synonym));
    }
}

std::uint32_t SearchIndex::Query::cost(const Alternative &alternative) const
{
    std::uint32_t total = 0;
    for (const RankRange part : alternative.parts)
        total += index.postingCount(part);
    return total;
}

void SearchIndex::Query::chooseDriver()
{
    // With strong words the codes having them all are found first (Scorer::runEveryStrongWord()).
    if (strong != 0)
        return;
    // One word brings the candidates: every result with all the words has it, so the one with the
    // shortest posting lists is the cheapest. A strong word if there is one, else a word before a
    // number (only short words: every result needs them all).
    std::uint32_t cheapest = NoRank;
    int cheapestClass = 4;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!(significant >> i & 1U))
            continue;
        // A denied word's absence brings no code: it drives only when every word is denied.
        const int wordClass = (strong >> i & 1U) ? 0 : words[i].denied ? 3 : words[i].number ? 2 : 1;
        std::uint32_t total = 0;
        for (const Alternative &a : alternatives) {
            if (!a.scoresOnly() && (a.mask() >> i & 1U))
                total += cost(a);
        }
        if (wordClass < cheapestClass || (wordClass == cheapestClass && total < cheapest)) {
            driver = std::uint16_t(1U << i);
            cheapest = total;
            cheapestClass = wordClass;
        }
    }
    for (Alternative &a : alternatives)
        a.driving = !a.scoresOnly() && (a.mask() & driver) != 0;
}

bool SearchIndex::Query::isOneWord() const
{
    return std::popcount(significant) == 1 &&
           std::all_of(alternatives.cbegin(), alternatives.cend(),
                       [&](const Alternative &a) { return !a.scoresOnly() && a.mask() == significant; });
}

void SearchIndex::Query::reachEveryStrongWord()
{
    driver |= strong;
    for (Alternative &a : alternatives)
        a.driving = a.driving || (!a.scoresOnly() && (a.mask() & driver) != 0);
}

void SearchIndex::Query::addInsideWords()
{
    // A word that starts no word of the catalog may be inside some codes, found in the sorted code
    // suffixes, or inside some words of the descriptions, found by looking for its rarest byte with
    // memchr in the vocabulary.
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string &needle = words[i].text;
        if (words[i].stop || words[i].denied || needle.size() < 3 ||
            !index.termsStartingWith(words[i].stem).isEmpty())
            continue;
        Alternative inside;
        inside.first = std::uint8_t(i);
        inside.kind = Kind::Inside;
        inside.driving = true;
        for (auto it =
                 std::lower_bound(index.m_codeSuffixes.cbegin(), index.m_codeSuffixes.cend(), needle,
                                  [this](CodeSuffix s, std::string_view n) { return index.view(s) < n; });
             it != index.m_codeSuffixes.cend() && startsWith(index.view(*it), needle); ++it) {
            const std::uint32_t r = index.m_entryTerms[index.m_entryTermStart[it->entry]] >> 8;
            inside.parts.push_back({r, r + 1});
        }
        std::size_t rare = 0;
        for (std::size_t b = 1; b < needle.size(); ++b) {
            if (index.m_byteCount[static_cast<unsigned char>(needle[b])] <
                index.m_byteCount[static_cast<unsigned char>(needle[rare])])
                rare = b;
        }
        const char *base = index.m_vocabulary.data();
        const std::size_t size = index.m_vocabulary.size();
        const std::vector<std::uint32_t> &starts = index.m_vocabularyStart;
        std::size_t word = 0;        // the word of the last match; starts[word] <= every later match
        std::size_t position = rare; // where the rare byte may next be
        while (position < size) {
            const auto *found =
                static_cast<const char *>(std::memchr(base + position, needle[rare], size - position));
            if (!found)
                break;
            const auto at = std::size_t(found - base);
            const std::size_t start = at - rare;
            if (start + needle.size() > size ||
                std::memcmp(base + start, needle.data(), needle.size()) != 0) {
                position = at + 1;
                continue;
            }
            // Gallop forward from the last match's word: matches come in order, often close together.
            std::size_t low = word;
            std::size_t high = word + 1;
            for (std::size_t step = 1; high < starts.size() && starts[high] <= start; step *= 2) {
                low = high;
                high += step;
            }
            high = std::min(high, starts.size());
            const auto next = std::upper_bound(starts.cbegin() + std::ptrdiff_t(low),
                                               starts.cbegin() + std::ptrdiff_t(high), std::uint32_t(start));
            word = std::size_t(next - starts.cbegin()) - 1;
            const std::uint32_t r = index.m_vocabularyRank[word];
            inside.parts.push_back({r, r + 1});
            position = std::size_t(starts[word + 1]) + rare;
        }
        add(std::move(inside));
    }
}

void SearchIndex::Query::addTypos()
{
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word &word = words[i];
        if (!word.strong || word.text.size() < std::size_t(TypoMinimumLength))
            continue;
        for (const std::uint32_t id : index.m_typos.oneEditAway(word.text)) {
            const std::string &meant = index.m_typos.word(id);
            if (const std::uint32_t r = index.m_typoRank[id]; r < index.m_terms.size()) {
                Alternative typo;
                typo.first = std::uint8_t(i);
                typo.kind = Kind::Typo;
                typo.driving = true;
                typo.parts = {{r, r + 1}};
                add(std::move(typo));
            }
            const std::size_t before = alternatives.size();
            std::vector<std::uint32_t> added;
            addSynonyms(i, 1, stemWord(meant), Kind::Typo, added);
            for (std::size_t a = before; a < alternatives.size(); ++a)
                alternatives[a].driving = true;
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Scoring: the codes the query's words reach, each with how well and where each word was found

std::uint32_t SearchIndex::Scorer::Candidate::foundNibbles() const
{
    // One bit at the bottom of each word's four that are not all zero.
    return (nibbles | nibbles >> 1 | nibbles >> 2 | nibbles >> 3) & 0x11111111U;
}

std::uint32_t SearchIndex::Scorer::nibblesOf(std::uint16_t words)
{
    std::uint32_t bits = 0;
    for (std::size_t i = 0; i < MaxQueryWords; ++i) {
        if (words >> i & 1U)
            bits |= 1U << (4 * i);
    }
    return bits;
}

SearchIndex::Scorer::Scratch &SearchIndex::Scorer::scratch(std::size_t entries)
{
    // One per thread: an index may be searched from any thread, a search from one at a time.
    thread_local Scratch scratch;
    if (scratch.byEntry.size() < entries) {
        scratch.byEntry.assign(entries, {});
        scratch.partStamp.assign(entries, 0);
        scratch.wordStamp.assign(entries, 0);
        scratch.wordGeneration = 0;
        scratch.partPosition.assign(entries, 0);
        scratch.generation = 0;
        scratch.partGeneration = 0;
    }
    if (++scratch.generation == 0) {
        std::fill(scratch.byEntry.begin(), scratch.byEntry.end(), Slot{});
        scratch.generation = 1;
    }
    return scratch;
}

SearchIndex::Scorer::Scorer(const SearchIndex &index, const Query &query,
                            const std::vector<std::uint32_t> &taken, bool primaryCodeOnLine)
    : m_index(index)
    , m_query(query)
    , m_scratch(scratch(std::size_t(index.size())))
    , m_significantNibbles(nibblesOf(query.significant))
{
    m_badFlags = Dental | Inactive;
    if (!primaryCodeOnLine)
        m_badFlags |= AddOn;
    if (!query.saysUltrasound)
        m_badFlags |= UltrasoundGuided;
    // Code hits are already in the result: a slot that is never a candidate.
    for (const std::uint32_t entry : taken)
        m_scratch.byEntry[entry] = {m_scratch.generation, NoRank};
}

std::uint32_t SearchIndex::Scorer::reserveGenerations(std::vector<std::uint32_t> &stamps,
                                                      std::uint32_t &generation, std::uint32_t count)
{
    if (generation > std::numeric_limits<std::uint32_t>::max() - count - 1) {
        std::fill(stamps.begin(), stamps.end(), 0);
        generation = 0;
    }
    const std::uint32_t first = generation + 1;
    generation += count;
    return first;
}

SearchIndex::Scorer::Candidate *SearchIndex::Scorer::candidateFor(std::uint32_t entry, bool create)
{
    Slot &slot = m_scratch.byEntry[entry];
    if (slot.generation == m_scratch.generation)
        return slot.candidate == NoRank ? nullptr : &m_candidates[slot.candidate];
    if (!create)
        return nullptr;
    slot = {m_scratch.generation, std::uint32_t(m_candidates.size())};
    m_candidates.emplace_back(entry);
    return &m_candidates.back();
}

void SearchIndex::Scorer::credit(Candidate &candidate, const Query::Alternative &alternative,
                                 std::uint32_t nibble, std::uint8_t position)
{
    if (alternative.count == 1) {
        const std::size_t i = alternative.first;
        const unsigned shift = unsigned(4 * i);
        const std::uint32_t current = candidate.nibbles >> shift & 15U;
        if (nibble > current) {
            candidate.nibbles += (nibble - current) << shift;
            candidate.positions[i] = position;
        } else if (nibble == current && position < candidate.positions[i]) {
            candidate.positions[i] = position;
        }
        return;
    }
    for (std::size_t i = alternative.first; i < std::size_t(alternative.first + alternative.count); ++i) {
        const unsigned shift = unsigned(4 * i);
        const std::uint32_t current = candidate.nibbles >> shift & 15U;
        if (nibble > current) {
            candidate.nibbles = (candidate.nibbles & ~(15U << shift)) | nibble << shift;
            candidate.positions[i] = position;
        } else if (nibble == current && position < candidate.positions[i]) {
            candidate.positions[i] = position;
        }
    }
}

std::uint32_t SearchIndex::Scorer::nibbleOf(const Query::Alternative &alternative, std::uint32_t rank) const
{
    // On a tie the words as typed are what counts ("knee", before "knee" as "major joint").
    switch (alternative.kind) {
    case Query::Kind::Word:
        return (alternative.isWholeWord(rank) ? WholeWord : WordStart) * 2U + 1U;
    case Query::Kind::Synonym:
        return WholeWord * 2U;
    case Query::Kind::Typo:
        return Typo * 2U;
    case Query::Kind::Number:
    case Query::Kind::Absent:
        return WordStart * 2U;
    case Query::Kind::Inside:
        break;
    }
    return InsideWord * 2U;
}

template<typename Visit>
void SearchIndex::Scorer::forEachPosting(const Query::Alternative &a, Visit visit)
{
    const std::uint32_t *postings = m_index.m_postings.data();
    const std::vector<std::uint32_t> &starts = m_index.m_postingStart;
    if (a.anyPart || a.parts.size() == 1) {
        for (const RankRange part : a.parts) {
            for (std::uint32_t r = part.lo; r < part.hi; ++r) {
                const std::uint32_t nibble = nibbleOf(a, r);
                for (std::uint32_t k = starts[r]; k < starts[r + 1]; ++k)
                    visit(postings[k] >> 8, nibble, std::uint8_t(postings[k] & 0xff));
            }
        }
        return;
    }
    // Every part needed: a code moves one generation up with each part it has.
    const auto parts = std::uint32_t(a.parts.size());
    const std::uint32_t first = reserveGenerations(m_scratch.partStamp, m_scratch.partGeneration, parts);
    std::vector<std::uint32_t> complete;
    for (std::uint32_t p = 0; p < parts; ++p) {
        const RankRange part = a.parts[p];
        for (std::uint32_t k = starts[part.lo]; k < starts[part.hi]; ++k) {
            const std::uint32_t entry = postings[k] >> 8;
            const auto position = std::uint8_t(postings[k] & 0xff);
            std::uint32_t &stamp = m_scratch.partStamp[entry];
            std::uint8_t &best = m_scratch.partPosition[entry];
            if (stamp == first + p) {
                best = std::min(best, position);
            } else if (p == 0 || stamp == first + p - 1) {
                best = p == 0 ? position : std::min(best, position);
                stamp = first + p;
                if (p + 1 == parts)
                    complete.push_back(entry);
            }
        }
    }
    const std::uint32_t nibble = nibbleOf(a, NoRank);
    for (const std::uint32_t entry : complete)
        visit(entry, nibble, m_scratch.partPosition[entry]);
}

void SearchIndex::Scorer::walk(std::size_t alternative, bool create)
{
    const Query::Alternative &a = m_query.alternatives[alternative];
    forEachPosting(a, [&](std::uint32_t entry, std::uint32_t nibble, std::uint8_t position) {
        if (Candidate *candidate = candidateFor(entry, create))
            credit(*candidate, a, nibble, position);
    });
}

void SearchIndex::Scorer::runEveryStrongWord()
{
    // The codes with every strong word: each word, rarest first, keeps the codes the ones before it
    // reached. Only these are scored; a code without one of them is a suggestion, looked for when too
    // few have them all.
    std::vector<std::pair<std::uint32_t, std::size_t>> byCost;
    for (std::size_t i = 0; i < m_query.words.size(); ++i) {
        if (!(m_query.strong >> i & 1U))
            continue;
        std::uint32_t cost = 0;
        for (const Query::Alternative &a : m_query.alternatives) {
            if (!a.scoresOnly() && (a.mask() >> i & 1U))
                cost += m_query.cost(a);
        }
        byCost.emplace_back(cost, i);
    }
    std::sort(byCost.begin(), byCost.end());
    const auto steps = std::uint32_t(byCost.size());
    const std::uint32_t first = reserveGenerations(m_scratch.wordStamp, m_scratch.wordGeneration, steps);
    std::vector<std::uint32_t> survivors;
    for (std::uint32_t step = 0; step < steps; ++step) {
        const std::size_t word = byCost[step].second;
        for (const Query::Alternative &a : m_query.alternatives) {
            if (a.scoresOnly() || !(a.mask() >> word & 1U))
                continue;
            forEachPosting(a, [&](std::uint32_t entry, std::uint32_t, std::uint8_t) {
                std::uint32_t &stamp = m_scratch.wordStamp[entry];
                if (stamp == first + step || (step > 0 && stamp != first + step - 1))
                    return;
                stamp = first + step;
                if (step + 1 == steps)
                    survivors.push_back(entry);
            });
        }
    }
    m_candidates.reserve(survivors.size());
    for (const std::uint32_t entry : survivors)
        candidateFor(entry, true);
    m_walked.assign(m_query.alternatives.size(), false);
    score();
}

SearchIndex::Scorer::Found SearchIndex::Scorer::evaluate(std::size_t alternative, std::uint32_t entry) const
{
    const Query::Alternative &a = m_query.alternatives[alternative];
    Found found;
    if (a.kind == Query::Kind::Number) {
        bool any = false;
        for (std::uint32_t k = m_index.m_numberRangeStart[entry]; k < m_index.m_numberRangeStart[entry + 1];
             ++k) {
            const NumberRange &range = m_index.m_numberRanges[k].range;
            if (range.contains(a.number) && (!any || range.slack(a.number) < found.slack)) {
                any = true;
                found = {nibbleOf(a, NoRank), std::uint8_t(range.word), NoRank, range.slack(a.number)};
            }
        }
        return found;
    }
    const std::uint32_t *terms = m_index.m_entryTerms.data();
    const std::uint32_t begin = m_index.m_entryTermStart[entry];
    const std::uint32_t end = m_index.m_entryTermStart[entry + 1];
    auto inPart = [&](std::uint32_t rank) {
        return std::any_of(a.parts.cbegin(), a.parts.cend(),
                           [&](RankRange part) { return part.contains(rank); });
    };
    if (a.kind == Query::Kind::Absent) {
        for (std::uint32_t k = begin; k < end; ++k) {
            if (inPart(terms[k] >> 8))
                return found;
        }
        return {nibbleOf(a, NoRank), CodePosition, NoRank, 0};
    }
    if (a.anyPart || a.parts.size() == 1) {
        for (std::uint32_t k = begin; k < end; ++k) {
            const std::uint32_t rank = terms[k] >> 8;
            if (!inPart(rank))
                continue;
            const std::uint32_t nibble = nibbleOf(a, rank);
            const auto position = std::uint8_t(terms[k] & 0xff);
            if (nibble > found.nibble || (nibble == found.nibble && position < found.position))
                found = {nibble, position, rank, 0};
        }
        return found;
    }
    std::uint8_t position = CodePosition;
    for (const RankRange part : a.parts) {
        bool has = false;
        for (std::uint32_t k = begin; k < end; ++k) {
            if (part.contains(terms[k] >> 8)) {
                has = true;
                position = std::min(position, std::uint8_t(terms[k] & 0xff));
            }
        }
        if (!has)
            return found;
    }
    return {nibbleOf(a, NoRank), position, NoRank, 0};
}

void SearchIndex::Scorer::scan(Candidate &candidate, std::size_t alternative)
{
    const Query::Alternative &a = m_query.alternatives[alternative];
    const std::size_t i = a.first;
    // A whole-word match of a number leaves its ranges out.
    if (a.kind == Query::Kind::Number && candidate.nibble(i) >= WholeWord * 2U)
        return;
    const Found found = evaluate(alternative, candidate.entry);
    if (found.nibble == 0)
        return;
    const bool first = candidate.nibble(i) < WordStart * 2U;
    credit(candidate, a, found.nibble, found.position);
    if (a.kind == Query::Kind::Number && first)
        candidate.slack = std::uint8_t(std::min(255.0, candidate.slack + std::ceil(found.slack)));
}

void SearchIndex::Scorer::run()
{
    const std::size_t count = m_query.alternatives.size();
    m_walked.resize(count, false);
    std::size_t reach = 0;
    for (std::size_t a = 0; a < count; ++a) {
        if (m_query.alternatives[a].driving && !m_walked[a])
            reach += m_query.cost(m_query.alternatives[a]);
    }
    m_candidates.reserve(m_candidates.size() + std::min(reach, std::size_t(m_index.size())));
    for (std::size_t a = 0; a < count; ++a) {
        if (m_query.alternatives[a].driving && !m_walked[a]) {
            walk(a, true);
            m_walked[a] = true;
        }
    }
    score();
}

void SearchIndex::Scorer::score()
{
    // The alternatives not walked score the new candidates: walking a short posting list beats looking
    // through every new candidate's words (and scores the others again, to no change).
    const std::size_t count = m_query.alternatives.size();
    m_walked.resize(count, false);
    const std::size_t fresh = m_candidates.size() - m_scanned;
    const std::size_t termsPerEntry =
        m_index.m_entryTerms.size() / std::max<std::size_t>(1, std::size_t(m_index.size()));
    std::vector<std::size_t> scanned;
    for (std::size_t a = 0; a < count && fresh > 0; ++a) {
        const Query::Alternative &alternative = m_query.alternatives[a];
        if (m_walked[a])
            continue;
        // A posting is a random access into the candidates; a candidate's terms are read in a row.
        if (!alternative.scoresOnly() &&
            4 * std::size_t(m_query.cost(alternative)) <= fresh * termsPerEntry) {
            walk(a, false);
            continue;
        }
        scanned.push_back(a);
    }
    // Numbers last: a whole-word match of the number leaves its ranges out.
    std::stable_partition(scanned.begin(), scanned.end(),
                          [&](std::size_t a) { return !m_query.alternatives[a].scoresOnly(); });
    for (std::size_t c = m_scanned; c < m_candidates.size(); ++c) {
        for (const std::size_t a : scanned)
            scan(m_candidates[c], a);
    }
    m_scanned = m_candidates.size();
}

bool SearchIndex::Scorer::isGood(std::uint32_t entry) const
{
    return (m_index.m_flags[entry] & m_badFlags) == 0;
}

std::vector<SearchIndex::Scorer::Cursor> SearchIndex::Scorer::cursorsFor(const Query::Alternative &word,
                                                                         bool wholeWords) const
{
    std::vector<Cursor> cursors;
    for (const RankRange part : word.parts) {
        for (std::uint32_t r = part.lo; r < part.hi; ++r) {
            const std::uint32_t begin = m_index.m_postingStart[r];
            const std::uint32_t end = m_index.m_postingStart[r + 1];
            if (word.isWholeWord(r) == wholeWords && begin < end)
                cursors.push_back({begin, end});
        }
    }
    return cursors;
}

bool SearchIndex::Scorer::walkInOrder(const Query::Alternative &word, std::vector<Cursor> cursors,
                                      std::uint32_t nibble, int wanted)
{
    // The postings of a term are in the order of where it is in the codes, then in code order; merged
    // across terms in that order, a code not reached yet is found no better, and no earlier, than the
    // last one reached. Codes that no code not reached yet can beat: good ones, found better than this,
    // or as well at a place no later than where the walk is.
    const std::size_t w = word.first;
    auto certain = [&](std::uint32_t layer) {
        int count = 0;
        for (const Candidate &candidate : m_candidates) {
            if (isGood(candidate.entry) &&
                (candidate.nibble(w) > nibble ||
                 (candidate.nibble(w) == nibble && candidate.positions[w] <= layer)))
                ++count;
        }
        return count;
    };
    const std::uint32_t *postings = m_index.m_postings.data();
    std::vector<std::pair<std::uint32_t, std::uint32_t>> heap; // (entry, cursor), smallest entry on top
    auto later = [](const auto &a, const auto &b) { return a.first > b.first; };
    while (!cursors.empty()) {
        std::uint32_t layer = 256;
        for (const Cursor &cursor : cursors)
            layer = std::min(layer, postings[cursor.next] & 0xffU);
        int good = certain(layer);
        if (good >= wanted)
            return true;
        heap.clear();
        for (std::uint32_t c = 0; c < cursors.size(); ++c) {
            if ((postings[cursors[c].next] & 0xffU) == layer)
                heap.emplace_back(postings[cursors[c].next] >> 8, c);
        }
        std::make_heap(heap.begin(), heap.end(), later);
        while (!heap.empty()) {
            std::pop_heap(heap.begin(), heap.end(), later);
            const auto [entry, c] = heap.back();
            heap.pop_back();
            const bool known = m_scratch.byEntry[entry].generation == m_scratch.generation;
            if (Candidate *candidate = candidateFor(entry, true)) {
                credit(*candidate, word, nibble, std::uint8_t(layer));
                if (!known && isGood(entry) && ++good >= wanted)
                    return true;
            }
            Cursor &cursor = cursors[c];
            if (++cursor.next < cursor.end && (postings[cursor.next] & 0xffU) == layer) {
                heap.emplace_back(postings[cursor.next] >> 8, c);
                std::push_heap(heap.begin(), heap.end(), later);
            }
        }
        cursors.erase(std::remove_if(cursors.begin(), cursors.end(),
                                     [&](const Cursor &cursor) { return cursor.next >= cursor.end; }),
                      cursors.end());
    }
    return false;
}

void SearchIndex::Scorer::runOneWord(int wanted, std::span<const std::uint32_t> preferred)
{
    // Best first: the word whole, then its synonyms, then the words it starts; each in the order of
    // where it is in the descriptions. The favourite and recent codes, which beat others found as well
    // and as early, are looked at first.
    const std::size_t count = m_query.alternatives.size();
    m_walked.assign(count, true);
    const auto isLiteral = [](const Query::Alternative &a) {
        return a.kind == Query::Kind::Word && a.count == 1;
    };
    const auto literal =
        std::size_t(std::find_if(m_query.alternatives.cbegin(), m_query.alternatives.cend(), isLiteral) -
                    m_query.alternatives.cbegin());
    m_preferred = preferred;
    scorePreferred(0);
    bool done = false;
    if (literal < count)
        done = walkInOrder(m_query.alternatives[literal], cursorsFor(m_query.alternatives[literal], true),
                           WholeWord * 2U + 1U, wanted);
    for (std::size_t a = 0; a < count && !done; ++a) {
        if (a != literal)
            walk(a, true);
    }
    if (literal < count && !done)
        done = walkInOrder(m_query.alternatives[literal], cursorsFor(m_query.alternatives[literal], false),
                           WordStart * 2U + 1U, wanted);
    // Stopped early, the rest can only rank lower; whether inside words or typos are looked for next
    // depends on counts that are already reached then.
    m_wanted = wanted;
    m_scanned = m_candidates.size();
}

void SearchIndex::Scorer::scorePreferred(std::size_t fromAlternative)
{
    for (const std::uint32_t entry : m_preferred) {
        if (entry >= m_scratch.byEntry.size())
            continue;
        for (std::size_t a = fromAlternative; a < m_query.alternatives.size(); ++a) {
            const Found found = evaluate(a, entry);
            if (found.nibble == 0)
                continue;
            if (Candidate *candidate = candidateFor(entry, true))
                credit(*candidate, m_query.alternatives[a], found.nibble, found.position);
        }
    }
}

void SearchIndex::Scorer::runOneWordFallback()
{
    // Inside words and typos come after everything the word found itself; those of one quality are
    // walked best first together (alternatives that need several parts are walked whole before).
    const std::size_t count = m_query.alternatives.size();
    const std::size_t before = m_walked.size();
    m_walked.resize(count, true);
    scorePreferred(before);
    std::vector<std::uint32_t> nibbles;
    for (std::size_t a = before; a < count; ++a)
        nibbles.push_back(nibbleOf(m_query.alternatives[a], NoRank));
    std::sort(nibbles.begin(), nibbles.end(), std::greater<>());
    nibbles.erase(std::unique(nibbles.begin(), nibbles.end()), nibbles.end());
    for (const std::uint32_t nibble : nibbles) {
        std::vector<Cursor> cursors;
        const Query::Alternative *any = nullptr;
        for (std::size_t a = before; a < count; ++a) {
            const Query::Alternative &alternative = m_query.alternatives[a];
            if (nibbleOf(alternative, NoRank) != nibble)
                continue;
            any = &alternative;
            if (!alternative.anyPart && alternative.parts.size() > 1) {
                walk(a, true);
                continue;
            }
            for (const RankRange part : alternative.parts) {
                for (std::uint32_t r = part.lo; r < part.hi; ++r) {
                    if (m_index.m_postingStart[r] < m_index.m_postingStart[r + 1])
                        cursors.push_back({m_index.m_postingStart[r], m_index.m_postingStart[r + 1]});
                }
            }
        }
        if (any && walkInOrder(*any, std::move(cursors), nibble, m_wanted))
            break;
    }
    m_scanned = m_candidates.size();
}

int SearchIndex::Scorer::countComplete(bool good) const
{
    int complete = 0;
    for (const Candidate &candidate : m_candidates) {
        if (candidate.has(m_significantNibbles) && (!good || isGood(candidate.entry)))
            ++complete;
    }
    return complete;
}

} // namespace Catalog
