#include "searchindex.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include <QCoreApplication>

#include "foldtext.h"
#include "searchquery.h"
#include "stemmer.h"

namespace Catalog {

using namespace SearchDetail;

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Catalog::SearchIndex)
};

constexpr int TyposWanted = 3;

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

// A single run of letters and digits, as a code is typed: "2061", "d01", "0042t".
bool isCodeLike(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')))
            return false;
    }
    return true;
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
}

// "x-ray", "i&d", and a lone letter before a word ("x ray", "vitamin d level"): also read as one word.
bool joinsNext(const FoldedWord &word, const FoldedWord &next)
{
    if (isNumber(word.text) && isNumber(next.text))
        return false;
    if (word.connectedToNext)
        return true;
    return word.text.size() == 1 && word.text != "a" && isLetter(word.text[0]);
}

QString numberText(double value)
{
    return QString::number(value, 'g', 6);
}

QString rangeText(const NumberRange &range)
{
    if (std::isinf(range.high))
        return Text::tr("%1 or more").arg(numberText(std::round(range.low * 1000) / 1000));
    if (std::isinf(range.low))
        return Text::tr("up to %1").arg(numberText(std::round(range.high * 1000) / 1000));
    return Text::tr("%1 to %2").arg(numberText(range.low), numberText(range.high));
}

} // namespace

QString demotionText(Demotion demotion)
{
    switch (demotion) {
    case Demotion::None:
        return {};
    case Demotion::Dental:
        return Text::tr("dental: not on this superbill (500034)");
    case Demotion::Inactive:
        return Text::tr("inactive code");
    case Demotion::AddOnWithoutPrimary:
        return Text::tr("add-on: needs a primary code on the line");
    }
    return {};
}

QString viaName(MatchedTerm::Via via)
{
    switch (via) {
    case MatchedTerm::Via::Word:
        return QStringLiteral("word");
    case MatchedTerm::Via::Synonym:
        return QStringLiteral("synonym");
    case MatchedTerm::Via::Typo:
        return QStringLiteral("typo");
    case MatchedTerm::Via::InsideWord:
        return QStringLiteral("inside-word");
    case MatchedTerm::Via::NumberRange:
        return QStringLiteral("number-range");
    }
    return {};
}

// ---------------------------------------------------------------------------------------------------
// Building

SearchIndex::SearchIndex(CodeEntries entries, const Synonyms &synonyms)
    : m_entries(std::move(entries))
{
    std::sort(m_entries.begin(), m_entries.end(),
              [](const CodeEntry &a, const CodeEntry &b) { return a.code < b.code; });
    buildTerms();
    buildSynonyms(synonyms);
    buildTypoDictionary();
}

void SearchIndex::buildTerms()
{
    const auto count = std::size_t(m_entries.size());
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::string> texts;
    std::vector<std::uint8_t> inDescription; // per id: a word as a description writes it
    std::vector<std::uint32_t> entryTermIds; // id << 8 | position
    auto idOf = [&](std::string text) {
        const auto [it, inserted] = ids.try_emplace(std::move(text), std::uint32_t(texts.size()));
        if (inserted) {
            texts.push_back(it->first);
            inDescription.push_back(0);
        }
        return it->second;
    };
    auto add = [&](std::string text, std::uint8_t position) {
        const std::uint32_t id = idOf(std::move(text));
        entryTermIds.push_back(id << 8 | position);
        return id;
    };
    auto addWithStem = [&](const std::string &text, std::uint8_t position) {
        const std::uint32_t id = add(text, position);
        std::string stem = deniedStem(text);
        if (stem != text)
            add(std::move(stem), position);
        return id;
    };

    m_flags.reserve(count);
    m_entryTermStart.reserve(count + 1);
    m_codeStart.reserve(count + 1);
    m_numberRangeStart.reserve(count + 1);
    for (std::size_t i = 0; i < count; ++i) {
        const CodeEntry &entry = m_entries.at(qsizetype(i));
        m_entryTermStart.push_back(std::uint32_t(entryTermIds.size()));
        m_numberRangeStart.push_back(std::uint32_t(m_numberRanges.size()));
        const std::string code = entry.code.toLower().toStdString();
        m_codeStart.push_back(std::uint32_t(m_codeText.size()));
        m_codeText += code;
        add(code, CodePosition);

        const std::vector<FoldedWord> words = foldWords(entry.display);
        const std::vector<bool> denied = deniedWords(textsOf(words));
        bool ultrasound = false;
        bool guidance = false;
        for (std::size_t w = 0; w < words.size(); ++w) {
            const auto position = std::uint8_t(std::min<std::size_t>(w, LastPosition));
            const std::string &text = words[w].text;
            // "without ultrasound" is filed apart from "ultrasound", as "!ultrasound".
            const std::string mark = denied[w] ? std::string(1, DeniedMark) : std::string();
            const std::uint32_t id = addWithStem(mark + text, position);
            if (!denied[w])
                inDescription[id] = 1;
            if (w + 1 < words.size() && joinsNext(words[w], words[w + 1]))
                addWithStem(mark + text + words[w + 1].text, position);
            ultrasound = ultrasound || (text == "ultrasound" && !denied[w]);
            guidance = guidance || (startsWith(text, "guid") && !denied[w]);
        }
        for (NumberRange range : numberRanges(words)) {
            range.word = std::min<std::size_t>(range.word, LastPosition);
            m_numberRanges.push_back({range, std::uint32_t(i)});
        }
        std::uint8_t flags = 0;
        if (entry.flags.inactive)
            flags |= Inactive;
        if (entry.flags.dental)
            flags |= Dental;
        if (entry.flags.addOn)
            flags |= AddOn;
        if (ultrasound && guidance)
            flags |= UltrasoundGuided;
        m_flags.push_back(flags);
    }
    m_entryTermStart.push_back(std::uint32_t(entryTermIds.size()));
    m_codeStart.push_back(std::uint32_t(m_codeText.size()));
    m_numberRangeStart.push_back(std::uint32_t(m_numberRanges.size()));

    // Terms sorted into ranks, so that the terms starting with some text are one range of ranks.
    std::vector<std::uint32_t> order(texts.size());
    for (std::uint32_t id = 0; id < order.size(); ++id)
        order[id] = id;
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return texts[a] < texts[b]; });
    std::vector<std::uint32_t> rank(order.size());
    m_terms.reserve(order.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = r;
        m_terms.push_back({std::uint32_t(m_termText.size()), std::uint32_t(texts[order[r]].size())});
        m_termText += texts[order[r]];
    }
    m_entryTerms.resize(entryTermIds.size());
    for (std::size_t k = 0; k < entryTermIds.size(); ++k)
        m_entryTerms[k] = rank[entryTermIds[k] >> 8] << 8 | (entryTermIds[k] & 0xff);

    // One posting per term and entry, at the term's first position in the entry.
    const std::size_t termCount = m_terms.size();
    std::vector<std::uint32_t> lastEntry(termCount, NoRank);
    m_postingStart.assign(termCount + 1, 0);
    for (std::size_t i = 0; i < count; ++i) {
        for (std::uint32_t k = m_entryTermStart[i]; k < m_entryTermStart[i + 1]; ++k) {
            const std::uint32_t r = m_entryTerms[k] >> 8;
            if (lastEntry[r] != i) {
                lastEntry[r] = std::uint32_t(i);
                ++m_postingStart[r + 1];
            }
        }
    }
    for (std::size_t r = 0; r < termCount; ++r)
        m_postingStart[r + 1] += m_postingStart[r];
    m_postings.resize(m_postingStart.back());
    std::vector<std::uint32_t> fill(m_postingStart.begin(), m_postingStart.end() - 1);
    std::fill(lastEntry.begin(), lastEntry.end(), NoRank);
    for (std::size_t i = 0; i < count; ++i) {
        for (std::uint32_t k = m_entryTermStart[i]; k < m_entryTermStart[i + 1]; ++k) {
            const std::uint32_t r = m_entryTerms[k] >> 8;
            const std::uint32_t position = m_entryTerms[k] & 0xff;
            if (lastEntry[r] != i) {
                lastEntry[r] = std::uint32_t(i);
                m_postings[fill[r]++] = std::uint32_t(i) << 8 | position;
            } else if (position < (m_postings[fill[r] - 1] & 0xff)) {
                m_postings[fill[r] - 1] = std::uint32_t(i) << 8 | position;
            }
        }
    }

    // Each term's codes in the order of where the term is in them, then in code order, so that a word's
    // codes can be walked best first (see Scorer::runOneWord).
    for (std::size_t r = 0; r < termCount; ++r) {
        std::sort(m_postings.begin() + m_postingStart[r], m_postings.begin() + m_postingStart[r + 1],
                  [](std::uint32_t a, std::uint32_t b) {
                      return (a & 0xffU) != (b & 0xffU) ? (a & 0xffU) < (b & 0xffU) : a < b;
                  });
    }

    for (std::uint32_t r = 0; r < termCount; ++r) {
        if (!inDescription[order[r]])
            continue;
        m_vocabularyStart.push_back(std::uint32_t(m_vocabulary.size()));
        m_vocabularyRank.push_back(r);
        m_vocabulary.append(term(r));
        m_vocabulary.push_back('\n');
    }
    m_vocabularyStart.push_back(std::uint32_t(m_vocabulary.size()));
    m_byteCount.assign(256, 0);
    for (const char c : m_vocabulary)
        ++m_byteCount[static_cast<unsigned char>(c)];

    // Sorted on the first eight bytes packed big-endian (what codes are), then on the rest if any.
    std::vector<std::pair<std::uint64_t, CodeSuffix>> suffixes;
    suffixes.reserve(m_codeText.size());
    for (std::uint32_t i = 0; i < count; ++i) {
        const auto length = std::uint16_t(std::min<std::size_t>(codeText(i).size(), 0xffff));
        for (std::uint16_t offset = 0; offset < length; ++offset) {
            const CodeSuffix suffix{i, offset, std::uint16_t(length - offset)};
            const std::string_view text = view(suffix);
            std::uint64_t key = 0;
            for (std::size_t b = 0; b < 8; ++b)
                key = (key << 8) | (b < text.size() ? static_cast<unsigned char>(text[b]) : 0U);
            suffixes.emplace_back(key, suffix);
        }
    }
    std::sort(suffixes.begin(), suffixes.end(), [this](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : view(a.second) < view(b.second);
    });
    m_codeSuffixes.reserve(suffixes.size());
    for (const auto &suffix : suffixes)
        m_codeSuffixes.push_back(suffix.second);

    m_ultrasoundRank = rankOf("ultrasound");
}

SearchIndex::RankRange SearchIndex::termsStartingWith(std::string_view prefix) const
{
    const auto lo =
        std::lower_bound(m_terms.cbegin(), m_terms.cend(), prefix, [this](Span s, std::string_view p) {
            return std::string_view(m_termText.data() + s.start, s.length) < p;
        });
    const auto hi = std::partition_point(lo, m_terms.cend(), [&](Span s) {
        return startsWith(std::string_view(m_termText.data() + s.start, s.length), prefix);
    });
    return {std::uint32_t(lo - m_terms.cbegin()), std::uint32_t(hi - m_terms.cbegin())};
}

std::uint32_t SearchIndex::rankOf(std::string_view text) const
{
    const auto it =
        std::lower_bound(m_terms.cbegin(), m_terms.cend(), text, [this](Span s, std::string_view t) {
            return std::string_view(m_termText.data() + s.start, s.length) < t;
        });
    const auto r = std::uint32_t(it - m_terms.cbegin());
    return r < m_terms.size() && term(r) == text ? r : std::uint32_t(m_terms.size());
}

SearchIndex::RankRange SearchIndex::rangeForExpansionWord(std::string_view word) const
{
    // Long stems are safe as prefixes ("vaccin" for "vaccination"); short ones only as whole terms.
    const std::string stem = stemWord(word);
    if (stem.size() >= 6)
        return termsStartingWith(stem);
    const std::uint32_t r = rankOf(stem);
    return r < m_terms.size() ? RankRange{r, r + 1} : RankRange{};
}

void SearchIndex::buildSynonyms(const Synonyms &synonyms)
{
    std::unordered_map<std::string, std::vector<std::vector<std::uint32_t>>> seen; // key -> parts used
    for (const Synonym &synonym : synonyms) {
        const std::vector<FoldedWord> termWords = foldWords(synonym.term);
        if (termWords.empty() || termWords.size() > std::size_t(SynonymFile::MaxTermWords))
            continue;
        std::vector<std::string> stems;
        for (const FoldedWord &word : termWords)
            stems.push_back(stemWord(word.text));
        Expansion expansion;
        expansion.text = synonym.expansion.trimmed();
        bool usable = true;
        for (const FoldedWord &word : foldWords(synonym.expansion)) {
            if (isStopWord(word.text))
                continue;
            const RankRange range = rangeForExpansionWord(word.text);
            usable = usable && !range.isEmpty();
            expansion.parts.push_back(range);
            expansion.saysUltrasound = expansion.saysUltrasound || range.contains(m_ultrasoundRank);
        }
        // An expansion no description has can never match: leave it out of every search.
        if (!usable || expansion.parts.empty())
            continue;
        std::sort(expansion.parts.begin(), expansion.parts.end(),
                  [](RankRange a, RankRange b) { return a.lo != b.lo ? a.lo < b.lo : a.hi < b.hi; });
        expansion.parts.erase(
            std::unique(expansion.parts.begin(), expansion.parts.end(),
                        [](RankRange a, RankRange b) { return a.lo == b.lo && a.hi == b.hi; }),
            expansion.parts.end());
        std::vector<std::uint32_t> signature;
        for (const RankRange part : expansion.parts) {
            signature.push_back(part.lo);
            signature.push_back(part.hi);
        }
        // Filed under the words in their order, and in sorted order too: "draw blood" is "blood draw".
        const auto id = std::uint32_t(m_expansions.size());
        bool filed = false;
        for (const std::string &key : {synonymKey(stems, false), synonymKey(stems, true)}) {
            auto &used = seen[key];
            if (std::find(used.cbegin(), used.cend(), signature) != used.cend())
                continue;
            used.push_back(signature);
            m_synonyms[key].push_back(id);
            filed = true;
        }
        if (!filed)
            continue;
        m_expansions.push_back(std::move(expansion));
        m_longestSynonymTerm = std::max(m_longestSynonymTerm, termWords.size());
        if (termWords.size() == 1 && !isNumber(termWords.front().text) &&
            termWords.front().text.size() >= std::size_t(TypoMinimumLength) - 1)
            m_typoRank.resize(m_typos.add(termWords.front().text) + 1, std::uint32_t(m_terms.size()));
    }
}

void SearchIndex::buildTypoDictionary()
{
    for (std::size_t v = 0; v + 1 < m_vocabularyStart.size(); ++v) {
        const std::string_view word = term(m_vocabularyRank[v]);
        if (word.size() < std::size_t(TypoMinimumLength) - 1 || isNumber(word))
            continue;
        m_typoRank.resize(m_typos.add(word) + 1, std::uint32_t(m_terms.size()));
    }
    m_typoRank.resize(m_typos.size(), std::uint32_t(m_terms.size()));
    for (std::uint32_t id = 0; id < m_typos.size(); ++id)
        m_typoRank[id] = rankOf(stemWord(m_typos.word(id)));
}

const CodeEntry *SearchIndex::find(QStringView code) const
{
    const qsizetype index = indexOf(code);
    return index < 0 ? nullptr : &m_entries.at(index);
}

qsizetype SearchIndex::indexOf(QStringView code) const
{
    const QString key = normalizedCode(code);
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), key,
                                     [](const CodeEntry &entry, const QString &k) { return entry.code < k; });
    return it != m_entries.cend() && it->code == key ? qsizetype(it - m_entries.cbegin()) : -1;
}

Demotion SearchIndex::demotionOf(qsizetype index, bool primaryCodeOnLine) const
{
    const std::uint8_t flags = m_flags[std::size_t(index)];
    if (flags & Dental)
        return Demotion::Dental;
    if (flags & Inactive)
        return Demotion::Inactive;
    if ((flags & AddOn) && !primaryCodeOnLine)
        return Demotion::AddOnWithoutPrimary;
    return Demotion::None;
}

// ---------------------------------------------------------------------------------------------------
// Searching

QList<SearchIndex::Hit> SearchIndex::codeHits(QStringView trimmed, int limit,
                                              std::vector<std::uint32_t> &taken) const
{
    // The exact code, then codes that start with the query; inactive ones after the active.
    QList<Hit> hits;
    QList<Hit> inactive;
    const QString code = trimmed.toString().toUpper();
    auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), code,
                               [](const CodeEntry &entry, const QString &k) { return entry.code < k; });
    for (; it != m_entries.cend() && hits.size() < limit && it->code.startsWith(code); ++it) {
        const auto index = qsizetype(it - m_entries.cbegin());
        const bool exact = it->code == code;
        if ((m_flags[std::size_t(index)] & Inactive) && !exact) {
            if (inactive.size() < limit)
                inactive.append({*it, index, SearchMatch::CodePrefix, Demotion::None, {}});
            continue;
        }
        hits.append(
            {*it, index, exact ? SearchMatch::ExactCode : SearchMatch::CodePrefix, Demotion::None, {}});
    }
    for (const Hit &hit : std::as_const(inactive)) {
        if (hits.size() >= limit)
            break;
        hits.append(hit);
    }
    for (const Hit &hit : std::as_const(hits))
        taken.push_back(std::uint32_t(hit.index));
    return hits;
}

QList<SearchIndex::Hit> SearchIndex::searchHits(QStringView text, const SearchOptions &options) const
{
    QList<Hit> hits;
    const int limit = options.limit;
    if (limit <= 0 || m_entries.isEmpty())
        return hits;
    Query query(*this, text);
    if (query.words.empty())
        return hits;

    std::vector<std::uint32_t> taken;
    const QStringView trimmed = text.trimmed();
    if (query.words.size() == 1 && isCodeLike(trimmed))
        hits = codeHits(trimmed, limit, taken);
    for (Hit &hit : hits)
        hit.demotion = demotionOf(hit.index, options.primaryCodeOnLine);
    if (hits.size() >= limit)
        return hits;

    const int wanted = limit - int(hits.size());
    const bool primary = options.primaryCodeOnLine;
    Scorer scorer(*this, query, taken, primary);
    // Walked best first, a word stops once enough is certain: enough for the result, and for knowing
    // that typos need not be looked for.
    if (query.isOneWord())
        scorer.runOneWord(std::max(wanted, TyposWanted - int(hits.size())), options.preferred);
    else if (query.strong != 0)
        scorer.runEveryStrongWord();
    else
        scorer.run();
    const bool oneWord = query.isOneWord();
    auto runAdded = [&]() { oneWord ? scorer.runOneWordFallback() : scorer.run(); };
    if (scorer.countComplete(true) < wanted) {
        const std::size_t before = query.alternatives.size();
        query.addInsideWords();
        if (query.alternatives.size() > before)
            runAdded();
    }
    if (int(hits.size()) + scorer.countComplete(false) < TyposWanted) {
        const std::size_t before = query.alternatives.size();
        query.addTypos();
        if (query.alternatives.size() > before)
            runAdded();
    }
    // Too few codes with every word: the other strong words bring the closest suggestions.
    if (scorer.countComplete(false) < wanted && (query.strong & ~query.driver) != 0) {
        query.reachEveryStrongWord();
        scorer.run();
    }

    // How telling each word is: one that few codes have says more than one that many have ("tcm"
    // against "visit"), so a suggestion with the rarer word comes first.
    const std::size_t wordCount = query.words.size();
    std::array<std::uint64_t, MaxQueryWords> weight = {};
    const double count = double(m_entries.size());
    for (std::size_t i = 0; i < wordCount; ++i) {
        double reach = 0;
        for (const Query::Alternative &a : query.alternatives) {
            const bool asWritten = a.kind == Query::Kind::Word || a.kind == Query::Kind::Synonym;
            if (!asWritten || !(a.mask() >> i & 1U))
                continue;
            std::uint32_t postings = a.anyPart ? 0 : NoRank;
            for (const RankRange part : a.parts)
                postings = a.anyPart ? postings + postingCount(part) : std::min(postings, postingCount(part));
            reach += a.parts.empty() ? 0 : postings;
        }
        weight[i] = std::uint64_t(std::lround(8 * std::log2((count + 1) / (std::min(reach, count) + 1))));
    }

    // One number per candidate, bigger is better, so that a partial sort picks the best. The words'
    // four-bit qualities are read all at once (see Scorer::Candidate::nibbles).
    using Candidate = Scorer::Candidate;
    const std::vector<Candidate> &candidates = scorer.candidates();
    struct Ranked
    {
        std::uint64_t key = 0;
        std::uint32_t candidate = 0;
        bool complete = false;
    };
    std::vector<Ranked> ranked;
    ranked.reserve(candidates.size());
    const std::uint32_t significant = Scorer::nibblesOf(query.significant);
    const std::uint32_t strong = Scorer::nibblesOf(query.strong);
    std::array<std::uint16_t, 256> specificityOf = {}; // by the mask of significant words found
    for (std::uint32_t mask = 0; mask < 256; ++mask) {
        for (std::size_t i = 0; i < wordCount; ++i)
            specificityOf[mask] = std::uint16_t(specificityOf[mask] + ((mask >> i & 1U) ? weight[i] : 0));
    }
    std::uint8_t demotedFlags = Dental | Inactive;
    if (!options.primaryCodeOnLine)
        demotedFlags |= AddOn;
    const std::uint8_t penaltyFlags = query.saysUltrasound ? 0 : UltrasoundGuided;
    for (std::uint32_t c = 0; c < candidates.size(); ++c) {
        const Candidate &candidate = candidates[c];
        const std::uint32_t nibbles = candidate.nibbles;
        const std::uint32_t found = candidate.foundNibbles();
        const bool complete = (found & significant) == significant;
        if (!complete && (found & strong) == 0)
            continue;
        const std::uint32_t mine = found & significant;
        const std::uint64_t matched = Scorer::countNibbles(mine);
        const std::uint64_t atWordStart = Scorer::countNibbles((nibbles >> 2 | nibbles >> 3) & significant);
        const std::uint64_t asTyped = Scorer::countNibbles(nibbles & significant);
        const std::uint32_t halves = nibbles >> 1 & 0x77777777U;
        const std::uint64_t quality =
            (((halves & 0x0F0F0F0FU) + (halves >> 4 & 0x0F0F0F0FU)) * 0x01010101U) >> 24;
        // The found words' bits (one per four) packed into a byte.
        std::uint32_t words = (mine | mine >> 3) & 0x03030303U;
        words = (words | words >> 6) & 0x000F000FU;
        words = (words | words >> 12) & 0xFFU;
        int firstPosition = CodePosition;
        for (std::uint32_t rest = words; rest != 0; rest &= rest - 1)
            firstPosition =
                std::min<int>(firstPosition, candidate.positions[std::size_t(std::countr_zero(rest))]);
        const std::uint32_t entry = candidate.entry;
        const std::uint8_t flags = m_flags[entry];
        const bool preferred = !options.preferred.empty() &&
                               std::binary_search(options.preferred.begin(), options.preferred.end(), entry);
        std::uint64_t key = 0;
        key = key << 1 | (complete ? 1 : 0);
        key = key << 1 | ((flags & demotedFlags) != 0 ? 0 : 1);
        key = key << 4 | matched;
        key = key << 8 | std::min<std::uint64_t>(specificityOf[words], 255);
        key = key << 1 | ((flags & penaltyFlags) != 0 ? 0 : 1);
        key = key << 4 | atWordStart;
        key = key << 6 | std::min<std::uint64_t>(quality, 63);
        key = key << 4 | asTyped;
        key = key << 8 | std::uint64_t(255 - candidate.slack);
        key = key << 4 | std::uint64_t(15 - std::min(firstPosition, 15));
        key = key << 1 | (preferred ? 1 : 0);
        ranked.push_back({key, c, complete});
    }
    const auto keep = std::min<std::size_t>(std::size_t(wanted), ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + std::ptrdiff_t(keep), ranked.end(),
                      [&](const Ranked &a, const Ranked &b) {
                          return a.key != b.key
                                     ? a.key > b.key
                                     : candidates[a.candidate].entry < candidates[b.candidate].entry;
                      });
    for (std::size_t k = 0; k < keep; ++k) {
        const auto entry = qsizetype(candidates[ranked[k].candidate].entry);
        Hit hit{m_entries.at(entry),
                entry,
                ranked[k].complete ? SearchMatch::AllWords : SearchMatch::SomeWords,
                demotionOf(entry, options.primaryCodeOnLine),
                {}};
        if (options.explain)
            hit.matched = explain(query, scorer, std::uint32_t(entry));
        hits.append(hit);
    }
    return hits;
}

QList<MatchedTerm> SearchIndex::explain(const Query &query, const Scorer &scorer, std::uint32_t entry) const
{
    // Which alternative found each word best, the words as typed first on a tie, as in the ranking.
    const std::size_t wordCount = query.words.size();
    std::array<Scorer::Found, MaxQueryWords> best = {};
    std::array<std::size_t, MaxQueryWords> via = {};
    for (std::size_t a = 0; a < query.alternatives.size(); ++a) {
        const Query::Alternative &alternative = query.alternatives[a];
        const Scorer::Found found = scorer.evaluate(a, entry);
        for (std::size_t i = alternative.first; i < std::size_t(alternative.first + alternative.count); ++i) {
            if (found.nibble > best[i].nibble) {
                best[i] = found;
                via[i] = a;
            }
        }
    }
    const std::vector<FoldedWord> description = foldWords(m_entries.at(entry).display);
    QList<MatchedTerm> matched;
    std::vector<std::size_t> told;
    for (std::size_t i = 0; i < wordCount; ++i) {
        if (best[i].nibble == 0 || std::find(told.cbegin(), told.cend(), via[i]) != told.cend())
            continue;
        told.push_back(via[i]);
        const Query::Alternative &a = query.alternatives[via[i]];
        const Scorer::Found &found = best[i];
        MatchedTerm term;
        QStringList typed;
        for (std::size_t w = a.first; w < std::size_t(a.first + a.count); ++w)
            typed.append(QString::fromStdString(query.words[w].text));
        term.query = typed.join(u' ');
        if (a.expansion != NoRank) {
            term.term = m_expansions[a.expansion].text;
            term.via = a.kind == Query::Kind::Typo ? MatchedTerm::Via::Typo : MatchedTerm::Via::Synonym;
        } else if (a.kind == Query::Kind::Number) {
            term.via = MatchedTerm::Via::NumberRange;
            for (std::uint32_t k = m_numberRangeStart[entry]; k < m_numberRangeStart[entry + 1]; ++k) {
                const NumberRange &range = m_numberRanges[k].range;
                if (range.contains(a.number) && range.slack(a.number) == found.slack) {
                    term.term = rangeText(range);
                    break;
                }
            }
        } else if (a.kind == Query::Kind::Absent) {
            term.term = Text::tr("not mentioned");
        } else {
            term.via = a.kind == Query::Kind::Typo     ? MatchedTerm::Via::Typo
                       : a.kind == Query::Kind::Inside ? MatchedTerm::Via::InsideWord
                                                       : MatchedTerm::Via::Word;
            const std::string_view text = this->term(found.rank);
            if (query.words[a.first].denied)
                term.term = Text::tr("not %1").arg(QString::fromStdString(std::string(text.substr(1))));
            else if (found.position == CodePosition)
                term.term = m_entries.at(entry).code;
            else if (a.count > 1 || found.position >= description.size())
                term.term = QString::fromStdString(std::string(text));
            else
                term.term = QString::fromStdString(description[found.position].text);
        }
        matched.append(term);
    }
    return matched;
}

CodeEntries SearchIndex::search(QStringView text, int limit) const
{
    SearchOptions options;
    options.limit = limit;
    CodeEntries entries;
    const QList<Hit> hits = searchHits(text, options);
    entries.reserve(hits.size());
    for (const Hit &hit : hits)
        entries.append(hit.entry);
    return entries;
}

} // namespace Catalog
