#include "searchindex.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>

#include "foldtext.h"

namespace Catalog {

namespace {

constexpr std::uint32_t NoRank = std::uint32_t(-1);

std::vector<std::string_view> splitWords(std::string_view text)
{
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (end > start)
            words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

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

using PostingList = std::pair<const std::uint32_t *, const std::uint32_t *>;

// Calls visit(entry) for every entry in any of the lists, once each, in ascending order, until visit
// returns false. Picks the cheapest way: one word's list is already ascending; a few entries are sorted;
// many are marked in a bitmap over all entries.
template<typename Visit>
void visitAscending(const std::vector<PostingList> &lists, std::size_t entryCount, Visit visit,
                    bool oneWord = false)
{
    std::size_t total = 0;
    for (const PostingList &list : lists)
        total += std::size_t(list.second - list.first);
    if (oneWord) {
        for (const std::uint32_t *p = lists.front().first; p != lists.front().second; ++p) {
            if (!visit(*p))
                return;
        }
    } else if (total < entryCount / 16) {
        std::vector<std::uint32_t> entries;
        entries.reserve(total);
        for (const PostingList &list : lists)
            entries.insert(entries.end(), list.first, list.second);
        std::sort(entries.begin(), entries.end());
        entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
        for (const std::uint32_t entry : entries) {
            if (!visit(entry))
                return;
        }
    } else {
        std::vector<std::uint8_t> marked(entryCount, 0);
        for (const PostingList &list : lists) {
            for (const std::uint32_t *p = list.first; p != list.second; ++p)
                marked[*p] = 1;
        }
        for (std::uint32_t entry = 0; entry < entryCount; ++entry) {
            if (marked[entry] && !visit(entry))
                return;
        }
    }
}

} // namespace

SearchIndex::SearchIndex(CodeEntries entries)
    : m_entries(std::move(entries))
{
    std::sort(m_entries.begin(), m_entries.end(),
              [](const CodeEntry &a, const CodeEntry &b) { return a.code < b.code; });

    const auto count = std::size_t(m_entries.size());
    m_inactive.reserve(count);
    m_textStart.reserve(count + 1);
    for (const CodeEntry &entry : std::as_const(m_entries)) {
        m_inactive.push_back(entry.flags.inactive ? 1 : 0);
        m_textStart.push_back(std::uint32_t(m_text.size()));
        const QByteArray folded = foldTextUtf8(QString(entry.code + u' ' + entry.display));
        m_text.append(folded.constData(), std::size_t(folded.size()));
        m_text.push_back('\n');
    }
    m_textStart.push_back(std::uint32_t(m_text.size()));

    // Distinct words first (ids in order of appearance), then sorted into ranks.
    std::unordered_map<std::string_view, std::uint32_t> wordIds;
    std::vector<std::uint32_t> entryWordIds;
    m_entryWordStart.reserve(count + 1);
    for (std::size_t i = 0; i < count; ++i) {
        m_entryWordStart.push_back(std::uint32_t(entryWordIds.size()));
        for (const std::string_view word : splitWords(entryText(i))) {
            const auto [it, inserted] = wordIds.try_emplace(word, std::uint32_t(m_words.size()));
            if (inserted)
                m_words.push_back({std::uint32_t(word.data() - m_text.data()), std::uint32_t(word.size())});
            entryWordIds.push_back(it->second);
        }
    }
    m_entryWordStart.push_back(std::uint32_t(entryWordIds.size()));

    std::vector<std::uint32_t> order(m_words.size());
    for (std::uint32_t w = 0; w < order.size(); ++w)
        order[w] = w;
    std::sort(order.begin(), order.end(),
              [this](std::uint32_t a, std::uint32_t b) { return view(m_words[a]) < view(m_words[b]); });
    std::vector<std::uint32_t> rank(order.size());
    std::vector<Span> sortedWords(order.size());
    for (std::uint32_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = r;
        sortedWords[r] = m_words[order[r]];
    }
    m_words = std::move(sortedWords);
    m_entryWordRanks.resize(entryWordIds.size());
    for (std::size_t k = 0; k < entryWordIds.size(); ++k)
        m_entryWordRanks[k] = rank[entryWordIds[k]];

    std::vector<std::uint8_t> startsDescription(m_words.size(), 0);
    for (std::size_t i = 0; i < count; ++i) {
        // Word 0 is the code; word 1 starts the description.
        if (m_entryWordStart[i] + 1 < m_entryWordStart[i + 1])
            startsDescription[m_entryWordRanks[m_entryWordStart[i] + 1]] = 1;
    }
    m_firstWordsBefore.assign(m_words.size() + 1, 0);
    for (std::size_t w = 0; w < m_words.size(); ++w)
        m_firstWordsBefore[w + 1] = m_firstWordsBefore[w] + startsDescription[w];

    std::vector<std::uint8_t> inDescription(m_words.size(), 0);
    for (std::size_t i = 0; i < count; ++i) {
        for (std::uint32_t k = m_entryWordStart[i] + 1; k < m_entryWordStart[i + 1]; ++k)
            inDescription[m_entryWordRanks[k]] = 1;
    }
    for (std::uint32_t w = 0; w < m_words.size(); ++w) {
        if (!inDescription[w])
            continue;
        m_vocabularyStart.push_back(std::uint32_t(m_vocabulary.size()));
        m_vocabularyRank.push_back(w);
        m_vocabulary.append(view(m_words[w]));
        m_vocabulary.push_back('\n');
    }
    m_vocabularyStart.push_back(std::uint32_t(m_vocabulary.size()));

    // Sorted on the first eight bytes packed big-endian (what codes are), then on the rest if any.
    std::vector<std::pair<std::uint64_t, CodeSuffix>> suffixes;
    for (std::size_t i = 0; i < count; ++i) {
        if (m_entryWordStart[i] == m_entryWordStart[i + 1])
            continue;
        const auto length = std::uint16_t(
            std::min<std::size_t>(m_words[m_entryWordRanks[m_entryWordStart[i]]].length, 0xffff));
        for (std::uint16_t offset = 0; offset < length; ++offset) {
            const CodeSuffix suffix{std::uint32_t(i), offset, std::uint16_t(length - offset)};
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
    m_byteCount.assign(256, 0);
    for (const char c : m_vocabulary)
        ++m_byteCount[static_cast<unsigned char>(c)];

    // One posting list per word, filled in entry order so each is ascending.
    std::vector<std::uint32_t> lastEntry(m_words.size(), NoRank);
    m_postingStart.assign(m_words.size() + 1, 0);
    for (std::size_t i = 0; i < count; ++i) {
        for (std::uint32_t k = m_entryWordStart[i]; k < m_entryWordStart[i + 1]; ++k) {
            const std::uint32_t w = m_entryWordRanks[k];
            if (lastEntry[w] != i) {
                lastEntry[w] = std::uint32_t(i);
                ++m_postingStart[w + 1];
            }
        }
    }
    for (std::size_t w = 0; w < m_words.size(); ++w)
        m_postingStart[w + 1] += m_postingStart[w];
    m_postings.resize(m_postingStart.back());
    std::vector<std::uint32_t> fill(m_postingStart.begin(), m_postingStart.end() - 1);
    std::fill(lastEntry.begin(), lastEntry.end(), NoRank);
    for (std::size_t i = 0; i < count; ++i) {
        for (std::uint32_t k = m_entryWordStart[i]; k < m_entryWordStart[i + 1]; ++k) {
            const std::uint32_t w = m_entryWordRanks[k];
            if (lastEntry[w] != i) {
                lastEntry[w] = std::uint32_t(i);
                m_postings[fill[w]++] = std::uint32_t(i);
            }
        }
    }
}

std::string_view SearchIndex::entryText(std::size_t entry) const
{
    return {m_text.data() + m_textStart[entry], m_textStart[entry + 1] - m_textStart[entry] - 1};
}

const CodeEntry *SearchIndex::find(QStringView code) const
{
    const QString key = normalizedCode(code);
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), key,
                                     [](const CodeEntry &entry, const QString &k) { return entry.code < k; });
    return it != m_entries.cend() && it->code == key ? &*it : nullptr;
}

SearchIndex::RankRange SearchIndex::wordsStartingWith(std::string_view prefix) const
{
    const auto lo = std::lower_bound(m_words.cbegin(), m_words.cend(), prefix,
                                     [this](Span s, std::string_view w) { return view(s) < w; });
    const auto hi =
        std::partition_point(lo, m_words.cend(), [&](Span s) { return startsWith(view(s), prefix); });
    return {std::uint32_t(lo - m_words.cbegin()), std::uint32_t(hi - m_words.cbegin())};
}

bool SearchIndex::hasWordIn(std::size_t entry, RankRange range) const
{
    for (std::uint32_t k = m_entryWordStart[entry]; k < m_entryWordStart[entry + 1]; ++k) {
        if (range.contains(m_entryWordRanks[k]))
            return true;
    }
    return false;
}

void SearchIndex::collectWordStarts(const std::vector<std::string_view> &words, qsizetype needed,
                                    std::vector<std::uint8_t> &taken, QList<Hit> &hits) const
{
    std::vector<RankRange> ranges;
    std::size_t driver = 0;
    std::uint32_t driverPostings = NoRank;
    for (const std::string_view word : words) {
        const RankRange range = wordsStartingWith(word);
        if (range.lo == range.hi)
            return;
        const std::uint32_t postings = m_postingStart[range.hi] - m_postingStart[range.lo];
        if (postings < driverPostings) {
            driverPostings = postings;
            driver = ranges.size();
        }
        ranges.push_back(range);
    }

    // Ranked by (inactive, description does not start with a query word, code); candidates are visited in
    // code order, so each bucket fills in rank order and the search stops once the best bucket that can
    // have members at all is full.
    const bool canStartDescription = std::any_of(ranges.cbegin(), ranges.cend(), [this](RankRange r) {
        return m_firstWordsBefore[r.hi] > m_firstWordsBefore[r.lo];
    });
    const std::size_t best = canStartDescription ? 0 : 1;
    std::array<QList<Hit>, 4> buckets;
    auto visit = [&](std::uint32_t entry) {
        if (taken[entry])
            return true;
        for (std::size_t w = 0; w < ranges.size(); ++w) {
            if (w != driver && !hasWordIn(entry, ranges[w]))
                return true;
        }
        // Word 0 is the code; word 1 starts the description.
        const std::uint32_t first = m_entryWordStart[entry] + 1;
        const bool startsDescription = first < m_entryWordStart[entry + 1] &&
                                       std::any_of(ranges.cbegin(), ranges.cend(), [&](RankRange r) {
                                           return r.contains(m_entryWordRanks[first]);
                                       });
        QList<Hit> &bucket = buckets[std::size_t(m_inactive[entry]) * 2 + (startsDescription ? 0 : 1)];
        if (bucket.size() < needed)
            bucket.append({qsizetype(entry), Match::WordStarts});
        return buckets[best].size() < needed;
    };

    // Consecutive ranks have consecutive posting lists, so a range of words is one span of postings.
    const RankRange &range = ranges[driver];
    visitAscending(
        {{m_postings.data() + m_postingStart[range.lo], m_postings.data() + m_postingStart[range.hi]}},
        taken.size(), visit, range.hi - range.lo == 1);
    for (const QList<Hit> &bucket : buckets) {
        for (const Hit &hit : bucket) {
            if (hits.size() >= needed)
                return;
            taken[std::size_t(hit.index)] = 1;
            hits.append(hit);
        }
    }
}

void SearchIndex::collectContains(const std::vector<std::string_view> &words, qsizetype needed,
                                  std::vector<std::uint8_t> &taken, QList<Hit> &hits) const
{
    // The longest query word is inside some codes, found in the sorted code suffixes, or inside some
    // words of the descriptions, found by looking for its rarest byte with memchr in the vocabulary.
    // Query words hold no spaces, so a word is in an entry's text exactly when it is inside one of the
    // entry's words.
    const std::string_view needle =
        *std::max_element(words.cbegin(), words.cend(),
                          [](std::string_view a, std::string_view b) { return a.size() < b.size(); });
    std::size_t rare = 0;
    for (std::size_t i = 1; i < needle.size(); ++i) {
        if (m_byteCount[static_cast<unsigned char>(needle[i])] <
            m_byteCount[static_cast<unsigned char>(needle[rare])])
            rare = i;
    }
    // Codes containing it, from the sorted code suffixes. An entry may come twice ("9" in "99213").
    std::vector<std::uint32_t> inCodes;
    for (auto it = std::lower_bound(m_codeSuffixes.cbegin(), m_codeSuffixes.cend(), needle,
                                    [this](CodeSuffix s, std::string_view n) { return view(s) < n; });
         it != m_codeSuffixes.cend() && startsWith(view(*it), needle); ++it)
        inCodes.push_back(it->entry);

    const char *base = m_vocabulary.data();
    const std::size_t size = m_vocabulary.size();
    std::vector<PostingList> lists;
    const std::vector<std::uint32_t> &starts = m_vocabularyStart;
    std::size_t word = 0;        // the word of the last match; starts[word] <= every later match
    std::size_t position = rare; // where the rare byte may next be
    while (position < size) {
        const auto *found =
            static_cast<const char *>(std::memchr(base + position, needle[rare], size - position));
        if (!found)
            break;
        const auto at = std::size_t(found - base);
        const std::size_t start = at - rare;
        if (start + needle.size() > size || std::memcmp(base + start, needle.data(), needle.size()) != 0) {
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
        const std::uint32_t rank = m_vocabularyRank[word];
        lists.emplace_back(m_postings.data() + m_postingStart[rank],
                           m_postings.data() + m_postingStart[rank + 1]);
        position = std::size_t(starts[word + 1]) + rare;
    }
    const bool oneWord = lists.size() == 1 && inCodes.empty();
    if (!inCodes.empty())
        lists.emplace_back(inCodes.data(), inCodes.data() + inCodes.size());
    if (lists.empty())
        return;

    QList<Hit> inactive;
    visitAscending(
        lists, taken.size(),
        [&](std::uint32_t entry) {
            if (taken[entry])
                return true;
            const std::string_view text = entryText(entry);
            const bool every = std::all_of(words.cbegin(), words.cend(), [&](std::string_view word) {
                return text.find(word) != std::string_view::npos;
            });
            if (!every)
                return true;
            taken[entry] = 1;
            if (!m_inactive[entry])
                hits.append({qsizetype(entry), Match::Contains});
            else if (inactive.size() < needed)
                inactive.append({qsizetype(entry), Match::Contains});
            return hits.size() < needed;
        },
        oneWord);
    for (const Hit &hit : std::as_const(inactive)) {
        if (hits.size() >= needed)
            break;
        hits.append(hit);
    }
}

QList<SearchIndex::Hit> SearchIndex::searchHits(QStringView text, int limit) const
{
    QList<Hit> hits;
    if (limit <= 0 || m_entries.isEmpty())
        return hits;
    const QByteArray folded = foldTextUtf8(text);
    const std::vector<std::string_view> words =
        splitWords(std::string_view(folded.constData(), folded.size()));
    if (words.empty())
        return hits;

    const auto needed = qsizetype(limit);
    std::vector<std::uint8_t> taken(std::size_t(m_entries.size()), 0);

    // The exact code, then codes that start with the query; inactive ones after the active.
    const QStringView trimmed = text.trimmed();
    if (words.size() == 1 && isCodeLike(trimmed)) {
        const QString code = trimmed.toString().toUpper();
        QList<Hit> inactive;
        auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), code,
                                   [](const CodeEntry &entry, const QString &k) { return entry.code < k; });
        for (; it != m_entries.cend() && hits.size() < needed && it->code.startsWith(code); ++it) {
            const auto index = std::size_t(it - m_entries.cbegin());
            const bool exact = it->code == code;
            if (m_inactive[index] && !exact) {
                if (inactive.size() < needed)
                    inactive.append({qsizetype(index), Match::CodePrefix});
                continue;
            }
            taken[index] = 1;
            hits.append({qsizetype(index), exact ? Match::ExactCode : Match::CodePrefix});
        }
        for (const Hit &hit : std::as_const(inactive)) {
            if (hits.size() >= needed)
                break;
            taken[std::size_t(hit.index)] = 1;
            hits.append(hit);
        }
    }
    if (hits.size() < needed)
        collectWordStarts(words, needed, taken, hits);
    if (hits.size() < needed)
        collectContains(words, needed, taken, hits);
    return hits;
}

CodeEntries SearchIndex::search(QStringView text, int limit) const
{
    CodeEntries entries;
    const QList<Hit> hits = searchHits(text, limit);
    entries.reserve(hits.size());
    for (const Hit &hit : hits)
        entries.append(m_entries.at(hit.index));
    return entries;
}

} // namespace Catalog
