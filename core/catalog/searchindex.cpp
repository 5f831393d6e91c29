#include "searchindex.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>

#include <QCoreApplication>

#include "foldtext.h"
#include "stemmer.h"

namespace Catalog {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Catalog::SearchIndex)
};

constexpr std::uint32_t NoRank = std::uint32_t(-1);
constexpr std::uint8_t CodePosition = 255; // the code is no word of the description
constexpr std::uint8_t LastPosition = 254;
constexpr std::size_t MaxQueryWords = 8; // later words are not looked for
constexpr int TypoMinimumLength = 5;
constexpr int TyposWanted = 3;

// How well a query word was found in a description, worst to best.
enum Quality : std::uint8_t
{
    NotFound = 0,
    InsideWord = 1,
    Typo = 2,
    WordStart = 3,
    WholeWord = 4
};

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

constexpr char DeniedMark = '!'; // sorts before letters and digits

// The stem of a term, keeping the mark of a denied word in front.
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
        std::string key;
        for (const FoldedWord &word : termWords)
            key += stemWord(word.text);
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
        auto &used = seen[key];
        if (std::find(used.cbegin(), used.cend(), signature) != used.cend())
            continue;
        used.push_back(signature);
        m_synonyms[key].push_back(std::uint32_t(m_expansions.size()));
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
// The query: its words, and every way each can be found

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
        std::array<std::uint32_t, 2> wholeWords = {NoRank, NoRank}; ///< ranks that are the word itself
        std::uint32_t expansion = NoRank;
        double number = 0;

        std::uint16_t mask() const { return std::uint16_t(((1U << count) - 1) << first); }
        bool scoresOnly() const { return kind == Kind::Number || kind == Kind::Absent; }
    };

    Query(const SearchIndex &index, QStringView text);

    void addInsideWords();
    void addTypos();

    const SearchIndex &index;
    std::vector<Word> words;
    std::vector<Alternative> alternatives;
    std::uint16_t significant = 0; ///< words that must be found for a result to have all words
    std::uint16_t strong = 0;
    std::uint16_t driver = 0; ///< results must have one of these words
    bool saysUltrasound = false;

private:
    void add(Alternative alternative);
    void addSynonyms(std::size_t first, std::size_t count, std::string_view key, Kind kind);
    std::uint32_t cost(const Alternative &alternative) const;
    void chooseDrivers();
};

SearchIndex::Query::Query(const SearchIndex &index, QStringView text)
    : index(index)
{
    std::vector<FoldedWord> folded = foldWords(text);
    if (folded.size() > MaxQueryWords)
        folded.resize(MaxQueryWords);
    const std::vector<bool> denied = deniedWords(textsOf(folded));
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
    if (std::all_of(words.cbegin(), words.cend(), [](const Word &w) { return w.stop; })) {
        for (Word &word : words)
            word.stop = false; // "with" alone is meant
    }
    const std::uint32_t noTerm = std::uint32_t(index.m_terms.size());
    const bool hasWordBesidesNumbers =
        std::any_of(words.cbegin(), words.cend(), [](const Word &w) { return !w.stop && !w.number; });
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
        Alternative literal;
        literal.first = std::uint8_t(i);
        literal.wholeWords = {index.rankOf(word.text), index.rankOf(word.stem)};
        // A stop word is only itself ("with" must not find "without"), and so is a short word that is
        // not the one being typed: "im" and "iv" are abbreviations, not the start of "improve".
        if (word.stop || (word.text.size() <= 2 && i + 1 < words.size())) {
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
        std::string key;
        for (std::size_t count = 1; count <= index.m_longestSynonymTerm && i + count <= words.size();
             ++count) {
            key += words[i + count - 1].stem;
            addSynonyms(i, count, key, Kind::Synonym);
        }

        if (word.number && hasWordBesidesNumbers) {
            Alternative number;
            number.first = std::uint8_t(i);
            number.kind = Kind::Number;
            number.number = numberValue(word.text).value_or(0);
            add(number);
        }
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
    chooseDrivers();
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

void SearchIndex::Query::addSynonyms(std::size_t first, std::size_t count, std::string_view key, Kind kind)
{
    const auto found = index.m_synonyms.find(std::string(key));
    if (found == index.m_synonyms.end())
        return;
    for (const std::uint32_t e : found->second) {
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

void SearchIndex::Query::chooseDrivers()
{
    driver = strong;
    if (driver == 0) {
        // Only short words: every result needs them all, so one of them brings the candidates: a word
        // before a number, and the cheapest.
        std::uint32_t cheapest = NoRank;
        bool cheapestIsNumber = true;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (!(significant >> i & 1U))
                continue;
            std::uint32_t total = 0;
            for (const Alternative &a : alternatives) {
                if (a.scoresOnly() == false && (a.mask() >> i & 1U))
                    total += cost(a);
            }
            const bool number = words[i].number;
            if (driver == 0 || (cheapestIsNumber && !number) ||
                (number == cheapestIsNumber && total < cheapest)) {
                driver = std::uint16_t(1U << i);
                cheapest = total;
                cheapestIsNumber = number;
            }
        }
    }
    for (Alternative &a : alternatives)
        a.driving = !a.scoresOnly() && (a.mask() & driver) != 0;
}

void SearchIndex::Query::addInsideWords()
{
    // The word inside some codes, found in the sorted code suffixes, or inside some words of the
    // descriptions, found by looking for its rarest byte with memchr in the vocabulary.
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string &needle = words[i].text;
        if (words[i].stop || words[i].denied || needle.size() < 3)
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
            addSynonyms(i, 1, stemWord(meant), Kind::Typo);
            for (std::size_t a = before; a < alternatives.size(); ++a)
                alternatives[a].driving = true;
        }
    }
}

// ---------------------------------------------------------------------------------------------------
// Scoring: the entries the query's words reach, each with how well each word was found

class SearchIndex::Scorer
{
public:
    struct Candidate
    {
        std::uint32_t entry = 0;
        std::array<std::uint8_t, MaxQueryWords> quality = {};
        std::array<std::uint8_t, MaxQueryWords> via = {}; ///< the alternative that found each word
        std::uint8_t firstPosition = CodePosition;
        std::uint8_t slack = 0; ///< distance to the number ranges found, summed, at most 255
    };

    Scorer(const SearchIndex &index, const Query &query, const std::vector<std::uint32_t> &taken);

    /// Applies the alternatives from `from` on: driving ones reach new entries, the others only
    /// score the candidates.
    void run(std::size_t fromAlternative);
    /// Candidates with every significant word; good: and neither demoted nor ultrasound-guided unasked.
    int countComplete(bool good, bool primaryCodeOnLine) const;

    const std::vector<Candidate> &candidates() const { return m_candidates; }

private:
    struct Scratch
    {
        std::vector<std::uint32_t> stamp; ///< per entry: == generation when slot is valid
        std::vector<std::uint32_t> slot;
        std::uint32_t generation = 0;
        std::vector<std::uint32_t> partStamp; ///< per entry, for alternatives that need every part
        std::vector<std::uint8_t> partPosition;
        std::uint32_t partGeneration = 0;
    };
    static Scratch &scratch(std::size_t entries);

    std::uint32_t reservePartGenerations(std::uint32_t count);
    Candidate *candidateFor(std::uint32_t entry, bool create);
    void credit(Candidate &candidate, std::size_t alternative, Quality quality, std::uint8_t position);
    Quality qualityOf(const Query::Alternative &alternative, std::uint32_t rank) const;
    void walkPostings(std::size_t alternative, bool create);
    void scan(Candidate &candidate, std::size_t alternative);

    const SearchIndex &m_index;
    const Query &m_query;
    Scratch &m_scratch;
    std::vector<Candidate> m_candidates;
    std::size_t m_scanned = 0; ///< candidates below this had every scoring alternative applied
};

SearchIndex::Scorer::Scratch &SearchIndex::Scorer::scratch(std::size_t entries)
{
    // One per thread: an index may be searched from any thread, a search from one at a time.
    thread_local Scratch scratch;
    if (scratch.stamp.size() < entries) {
        scratch.stamp.assign(entries, 0);
        scratch.slot.assign(entries, 0);
        scratch.partStamp.assign(entries, 0);
        scratch.partPosition.assign(entries, 0);
        scratch.generation = 0;
        scratch.partGeneration = 0;
    }
    if (++scratch.generation == 0) {
        std::fill(scratch.stamp.begin(), scratch.stamp.end(), 0);
        scratch.generation = 1;
    }
    return scratch;
}

SearchIndex::Scorer::Scorer(const SearchIndex &index, const Query &query,
                            const std::vector<std::uint32_t> &taken)
    : m_index(index)
    , m_query(query)
    , m_scratch(scratch(std::size_t(index.size())))
{
    // Code hits are already in the result: a slot that is never a candidate.
    for (const std::uint32_t entry : taken) {
        m_scratch.stamp[entry] = m_scratch.generation;
        m_scratch.slot[entry] = 0;
    }
}

std::uint32_t SearchIndex::Scorer::reservePartGenerations(std::uint32_t count)
{
    if (m_scratch.partGeneration > std::numeric_limits<std::uint32_t>::max() - count - 1) {
        std::fill(m_scratch.partStamp.begin(), m_scratch.partStamp.end(), 0);
        m_scratch.partGeneration = 0;
    }
    const std::uint32_t first = m_scratch.partGeneration + 1;
    m_scratch.partGeneration += count;
    return first;
}

SearchIndex::Scorer::Candidate *SearchIndex::Scorer::candidateFor(std::uint32_t entry, bool create)
{
    if (m_scratch.stamp[entry] == m_scratch.generation) {
        const std::uint32_t slot = m_scratch.slot[entry];
        return slot == 0 ? nullptr : &m_candidates[slot - 1];
    }
    if (!create)
        return nullptr;
    m_scratch.stamp[entry] = m_scratch.generation;
    m_candidates.push_back({});
    m_candidates.back().entry = entry;
    m_scratch.slot[entry] = std::uint32_t(m_candidates.size());
    return &m_candidates.back();
}

void SearchIndex::Scorer::credit(Candidate &candidate, std::size_t alternative, Quality quality,
                                 std::uint8_t position)
{
    const Query::Alternative &a = m_query.alternatives[alternative];
    bool significant = false;
    // On a tie the words as typed are what is told ("knee", before "knee" as "major joint").
    const bool typed = a.kind == Query::Kind::Word;
    for (std::size_t i = a.first; i < std::size_t(a.first + a.count); ++i) {
        if (quality > candidate.quality[i] ||
            (quality == candidate.quality[i] && typed &&
             m_query.alternatives[candidate.via[i]].kind != Query::Kind::Word)) {
            candidate.quality[i] = quality;
            candidate.via[i] = std::uint8_t(alternative);
        }
        significant = significant || (m_query.significant >> i & 1U);
    }
    if (significant)
        candidate.firstPosition = std::min(candidate.firstPosition, position);
}

Quality SearchIndex::Scorer::qualityOf(const Query::Alternative &alternative, std::uint32_t rank) const
{
    switch (alternative.kind) {
    case Query::Kind::Word:
        return rank == alternative.wholeWords[0] || rank == alternative.wholeWords[1] ? WholeWord : WordStart;
    case Query::Kind::Synonym:
        return WholeWord;
    case Query::Kind::Typo:
        return Typo;
    case Query::Kind::Inside:
    case Query::Kind::Number:
    case Query::Kind::Absent:
        break;
    }
    return InsideWord;
}

void SearchIndex::Scorer::walkPostings(std::size_t alternative, bool create)
{
    const Query::Alternative &a = m_query.alternatives[alternative];
    const std::uint32_t *postings = m_index.m_postings.data();
    const std::vector<std::uint32_t> &starts = m_index.m_postingStart;
    if (a.anyPart || a.parts.size() == 1) {
        for (const RankRange part : a.parts) {
            for (std::uint32_t r = part.lo; r < part.hi; ++r) {
                const Quality quality = qualityOf(a, r);
                for (std::uint32_t k = starts[r]; k < starts[r + 1]; ++k) {
                    if (Candidate *candidate = candidateFor(postings[k] >> 8, create))
                        credit(*candidate, alternative, quality, std::uint8_t(postings[k] & 0xff));
                }
            }
        }
        return;
    }
    // Every part needed: an entry moves one generation up with each part it has.
    const auto parts = std::uint32_t(a.parts.size());
    const std::uint32_t first = reservePartGenerations(parts);
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
    for (const std::uint32_t entry : complete) {
        if (Candidate *candidate = candidateFor(entry, create))
            credit(*candidate, alternative, qualityOf(a, NoRank), m_scratch.partPosition[entry]);
    }
}

void SearchIndex::Scorer::scan(Candidate &candidate, std::size_t alternative)
{
    const Query::Alternative &a = m_query.alternatives[alternative];
    const std::uint32_t entry = candidate.entry;
    if (a.kind == Query::Kind::Number) {
        const std::size_t i = a.first;
        if (candidate.quality[i] >= WholeWord)
            return;
        double best = -1;
        std::uint8_t position = CodePosition;
        for (std::uint32_t k = m_index.m_numberRangeStart[entry]; k < m_index.m_numberRangeStart[entry + 1];
             ++k) {
            const NumberRange &range = m_index.m_numberRanges[k].range;
            if (range.contains(a.number) && (best < 0 || range.slack(a.number) < best)) {
                best = range.slack(a.number);
                position = std::uint8_t(range.word);
            }
        }
        if (best < 0)
            return;
        const bool first = candidate.quality[i] < WordStart;
        credit(candidate, alternative, WordStart, position);
        if (first)
            candidate.slack = std::uint8_t(std::min(255.0, candidate.slack + std::ceil(best)));
        return;
    }
    const std::uint32_t *terms = m_index.m_entryTerms.data();
    const std::uint32_t begin = m_index.m_entryTermStart[entry];
    const std::uint32_t end = m_index.m_entryTermStart[entry + 1];
    if (a.kind == Query::Kind::Absent) {
        for (std::uint32_t k = begin; k < end; ++k) {
            for (const RankRange part : a.parts) {
                if (part.contains(terms[k] >> 8))
                    return;
            }
        }
        credit(candidate, alternative, WordStart, CodePosition);
        return;
    }
    if (a.anyPart || a.parts.size() == 1) {
        for (std::uint32_t k = begin; k < end; ++k) {
            const std::uint32_t rank = terms[k] >> 8;
            for (const RankRange part : a.parts) {
                if (part.contains(rank))
                    credit(candidate, alternative, qualityOf(a, rank), std::uint8_t(terms[k] & 0xff));
            }
        }
        return;
    }
    std::uint8_t position = CodePosition;
    for (const RankRange part : a.parts) {
        bool found = false;
        for (std::uint32_t k = begin; k < end; ++k) {
            if (part.contains(terms[k] >> 8)) {
                found = true;
                position = std::min(position, std::uint8_t(terms[k] & 0xff));
            }
        }
        if (!found)
            return;
    }
    credit(candidate, alternative, qualityOf(a, NoRank), position);
}

void SearchIndex::Scorer::run(std::size_t fromAlternative)
{
    const std::size_t count = m_query.alternatives.size();
    for (std::size_t a = fromAlternative; a < count; ++a) {
        if (m_query.alternatives[a].driving)
            walkPostings(a, true);
    }
    // The scoring alternatives: on the first run, walking a short posting list beats looking through
    // every candidate's words; candidates reached later are always looked through.
    const std::size_t termsPerEntry =
        m_index.m_entryTerms.size() / std::max<std::size_t>(1, std::size_t(m_index.size()));
    std::vector<std::size_t> scanned;
    for (std::size_t a = 0; a < count; ++a) {
        const Query::Alternative &alternative = m_query.alternatives[a];
        if (alternative.driving)
            continue;
        if (m_scanned == 0 && !alternative.scoresOnly()) {
            std::uint32_t total = 0;
            for (const RankRange part : alternative.parts)
                total += m_index.postingCount(part);
            if (total <= m_candidates.size() * termsPerEntry) {
                walkPostings(a, false);
                continue;
            }
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

int SearchIndex::Scorer::countComplete(bool good, bool primaryCodeOnLine) const
{
    int complete = 0;
    for (const Candidate &candidate : m_candidates) {
        std::uint16_t found = 0;
        for (std::size_t i = 0; i < m_query.words.size(); ++i) {
            if (candidate.quality[i] != NotFound)
                found |= std::uint16_t(1U << i);
        }
        if ((found & m_query.significant) != m_query.significant)
            continue;
        if (good && (m_index.demotionOf(candidate.entry, primaryCodeOnLine) != Demotion::None ||
                     ((m_index.m_flags[candidate.entry] & UltrasoundGuided) && !m_query.saysUltrasound)))
            continue;
        ++complete;
    }
    return complete;
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

    Scorer scorer(*this, query, taken);
    scorer.run(0);
    const int wanted = limit - int(hits.size());
    if (scorer.countComplete(true, options.primaryCodeOnLine) < wanted) {
        const std::size_t before = query.alternatives.size();
        query.addInsideWords();
        if (query.alternatives.size() > before)
            scorer.run(before);
    }
    if (int(hits.size()) + scorer.countComplete(false, options.primaryCodeOnLine) < TyposWanted) {
        const std::size_t before = query.alternatives.size();
        query.addTypos();
        if (query.alternatives.size() > before)
            scorer.run(before);
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

    // One number per candidate, bigger is better, so that a partial sort picks the best.
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
    for (std::uint32_t c = 0; c < candidates.size(); ++c) {
        const Candidate &candidate = candidates[c];
        std::uint16_t found = 0;
        std::uint64_t matched = 0;
        std::uint64_t specificity = 0;
        std::uint64_t atWordStart = 0;
        std::uint64_t quality = 0;
        std::uint64_t asTyped = 0;
        for (std::size_t i = 0; i < wordCount; ++i) {
            const std::uint8_t q = candidate.quality[i];
            if (q == NotFound)
                continue;
            found |= std::uint16_t(1U << i);
            quality += q;
            if (query.significant >> i & 1U) {
                ++matched;
                specificity += weight[i];
                atWordStart += q >= Typo ? 1 : 0;
                asTyped += query.alternatives[candidate.via[i]].kind == Query::Kind::Word ? 1 : 0;
            }
        }
        const bool complete = (found & query.significant) == query.significant;
        if (!complete && !(found & query.strong))
            continue;
        const std::uint32_t entry = candidate.entry;
        const bool demoted = demotionOf(entry, options.primaryCodeOnLine) != Demotion::None;
        const bool penalised = (m_flags[entry] & UltrasoundGuided) && !query.saysUltrasound;
        const bool preferred = std::binary_search(options.preferred.begin(), options.preferred.end(), entry);
        std::uint64_t key = 0;
        key = key << 1 | (complete ? 1 : 0);
        key = key << 1 | (demoted ? 0 : 1);
        key = key << 4 | matched;
        key = key << 8 | std::min<std::uint64_t>(specificity, 255);
        key = key << 1 | (penalised ? 0 : 1);
        key = key << 4 | atWordStart;
        key = key << 6 | std::min<std::uint64_t>(quality, 63);
        key = key << 4 | asTyped;
        key = key << 8 | std::uint64_t(255 - candidate.slack);
        key = key << 4 | std::uint64_t(15 - std::min<int>(candidate.firstPosition, 15));
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
        const Candidate &candidate = candidates[ranked[k].candidate];
        Hit hit{m_entries.at(qsizetype(candidate.entry)),
                qsizetype(candidate.entry),
                ranked[k].complete ? SearchMatch::AllWords : SearchMatch::SomeWords,
                demotionOf(candidate.entry, options.primaryCodeOnLine),
                {}};
        if (options.explain) {
            const std::vector<FoldedWord> description = foldWords(m_entries.at(hit.index).display);
            std::vector<std::uint8_t> told;
            for (std::size_t i = 0; i < wordCount; ++i) {
                if (candidate.quality[i] == NotFound)
                    continue;
                const std::uint8_t via = candidate.via[i];
                if (std::find(told.cbegin(), told.cend(), via) != told.cend())
                    continue;
                told.push_back(via);
                const Query::Alternative &a = query.alternatives[via];
                MatchedTerm term;
                QStringList typed;
                for (std::size_t w = a.first; w < std::size_t(a.first + a.count); ++w)
                    typed.append(QString::fromStdString(query.words[w].text));
                term.query = typed.join(u' ');
                if (a.expansion != NoRank) {
                    term.term = m_expansions[a.expansion].text;
                    term.via =
                        a.kind == Query::Kind::Typo ? MatchedTerm::Via::Typo : MatchedTerm::Via::Synonym;
                } else if (a.kind == Query::Kind::Number) {
                    term.via = MatchedTerm::Via::NumberRange;
                    const std::uint32_t entry = candidate.entry;
                    double best = -1;
                    for (std::uint32_t k2 = m_numberRangeStart[entry]; k2 < m_numberRangeStart[entry + 1];
                         ++k2) {
                        const NumberRange &range = m_numberRanges[k2].range;
                        if (range.contains(a.number) && (best < 0 || range.slack(a.number) < best)) {
                            best = range.slack(a.number);
                            term.term = rangeText(range);
                        }
                    }
                } else if (a.kind == Query::Kind::Absent) {
                    term.term = Text::tr("not mentioned");
                } else {
                    term.via = a.kind == Query::Kind::Typo     ? MatchedTerm::Via::Typo
                               : a.kind == Query::Kind::Inside ? MatchedTerm::Via::InsideWord
                                                               : MatchedTerm::Via::Word;
                    for (std::uint32_t k2 = m_entryTermStart[candidate.entry];
                         k2 < m_entryTermStart[candidate.entry + 1] && term.term.isEmpty(); ++k2) {
                        const std::uint32_t rank = m_entryTerms[k2] >> 8;
                        const std::size_t position = m_entryTerms[k2] & 0xff;
                        if (std::none_of(a.parts.cbegin(), a.parts.cend(),
                                         [&](RankRange part) { return part.contains(rank); }))
                            continue;
                        if (query.words[a.first].denied)
                            term.term = Text::tr("not %1").arg(
                                QString::fromStdString(std::string(this->term(rank).substr(1))));
                        else if (position == CodePosition)
                            term.term = m_entries.at(hit.index).code;
                        else if (a.count > 1 || position >= description.size())
                            term.term = QString::fromStdString(std::string(this->term(rank)));
                        else
                            term.term = QString::fromStdString(description[position].text);
                    }
                }
                hit.matched.append(term);
            }
        }
        hits.append(hit);
    }
    return hits;
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
