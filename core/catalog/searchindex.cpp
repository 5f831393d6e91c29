#include "searchindex.h"

#include <algorithm>
#include <unordered_map>

#include "foldtext.h"

namespace Catalog {

namespace {

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

} // namespace

SearchIndex::SearchIndex(CodeEntries entries)
    : m_entries(std::move(entries))
{
    std::sort(m_entries.begin(), m_entries.end(),
              [](const CodeEntry &a, const CodeEntry &b) { return a.code < b.code; });

    const auto count = std::size_t(m_entries.size());
    m_textStart.reserve(count + 1);
    for (const CodeEntry &entry : std::as_const(m_entries)) {
        m_textStart.push_back(std::uint32_t(m_text.size()));
        const QByteArray folded = foldTextUtf8(QString(entry.code + u' ' + entry.display));
        m_text.append(folded.constData(), std::size_t(folded.size()));
        m_text.push_back('\n');
    }
    m_textStart.push_back(std::uint32_t(m_text.size()));

    // Distinct words first, then one posting list per word in entry order (so ascending, no sort needed).
    std::unordered_map<std::string_view, std::uint32_t> wordIds;
    std::vector<std::uint32_t> entryWordIds;
    m_entryWordStart.reserve(count + 1);
    for (std::size_t i = 0; i < count; ++i) {
        m_entryWordStart.push_back(std::uint32_t(m_entryWords.size()));
        const std::string_view text = entryText(qsizetype(i));
        for (const std::string_view word : splitWords(text)) {
            const Span span{std::uint32_t(word.data() - m_text.data()), std::uint32_t(word.size())};
            m_entryWords.push_back(span);
            const auto [it, inserted] = wordIds.try_emplace(word, std::uint32_t(m_words.size()));
            if (inserted)
                m_words.push_back(span);
            entryWordIds.push_back(it->second);
        }
    }
    m_entryWordStart.push_back(std::uint32_t(m_entryWords.size()));

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

    std::vector<std::uint32_t> lastEntry(m_words.size(), std::uint32_t(-1));
    std::vector<std::uint32_t> counts(m_words.size() + 1, 0);
    for (std::size_t i = 0; i < count; ++i) {
        for (std::uint32_t k = m_entryWordStart[i]; k < m_entryWordStart[i + 1]; ++k) {
            const std::uint32_t w = rank[entryWordIds[k]];
            if (lastEntry[w] != i) {
                lastEntry[w] = std::uint32_t(i);
                ++counts[w + 1];
            }
        }
    }
    m_postingStart.resize(m_words.size() + 1, 0);
    for (std::size_t w = 0; w < m_words.size(); ++w)
        m_postingStart[w + 1] = m_postingStart[w] + counts[w + 1];
    m_postings.resize(m_postingStart.back());
    std::vector<std::uint32_t> fill(m_postingStart.begin(), m_postingStart.end() - 1);
    std::fill(lastEntry.begin(), lastEntry.end(), std::uint32_t(-1));
    for (std::size_t i = 0; i < count; ++i) {
        for (std::uint32_t k = m_entryWordStart[i]; k < m_entryWordStart[i + 1]; ++k) {
            const std::uint32_t w = rank[entryWordIds[k]];
            if (lastEntry[w] != i) {
                lastEntry[w] = std::uint32_t(i);
                m_postings[fill[w]++] = std::uint32_t(i);
            }
        }
    }
}

std::string_view SearchIndex::entryText(qsizetype entry) const
{
    const auto i = std::size_t(entry);
    return {m_text.data() + m_textStart[i], m_textStart[i + 1] - m_textStart[i] - 1};
}

const CodeEntry *SearchIndex::find(QStringView code) const
{
    const QString key = normalizedCode(code);
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), key,
                                     [](const CodeEntry &entry, const QString &k) { return entry.code < k; });
    return it != m_entries.cend() && it->code == key ? &*it : nullptr;
}

bool SearchIndex::hasWordStartingWith(qsizetype entry, std::string_view prefix) const
{
    const auto i = std::size_t(entry);
    for (std::uint32_t k = m_entryWordStart[i]; k < m_entryWordStart[i + 1]; ++k) {
        if (startsWith(view(m_entryWords[k]), prefix))
            return true;
    }
    return false;
}

bool SearchIndex::displayStartsWithAny(qsizetype entry, const std::vector<std::string_view> &words) const
{
    // Word 0 is the code; word 1 is the first word of the description.
    const auto i = std::size_t(entry);
    if (m_entryWordStart[i + 1] - m_entryWordStart[i] < 2)
        return false;
    const std::string_view first = view(m_entryWords[m_entryWordStart[i] + 1]);
    return std::any_of(words.cbegin(), words.cend(),
                       [&](std::string_view w) { return startsWith(first, w); });
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
    std::vector<bool> taken(std::size_t(m_entries.size()), false);
    // Inactive codes of one rank wait until the active ones of that rank are in.
    QList<Hit> deferred;
    auto flushDeferred = [&]() {
        for (const Hit &hit : std::as_const(deferred)) {
            if (hits.size() >= needed)
                break;
            hits.append(hit);
        }
        deferred.clear();
    };
    auto add = [&](qsizetype index, Match match) {
        taken[std::size_t(index)] = true;
        if (m_entries.at(index).flags.inactive && match != Match::ExactCode) {
            if (deferred.size() < needed)
                deferred.append({index, match});
        } else {
            hits.append({index, match});
        }
    };

    // The exact code, then codes that start with the query.
    const QStringView trimmed = text.trimmed();
    if (words.size() == 1 && isCodeLike(trimmed)) {
        const QString code = trimmed.toString().toUpper();
        auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), code,
                                   [](const CodeEntry &entry, const QString &k) { return entry.code < k; });
        for (; it != m_entries.cend() && hits.size() < needed && it->code.startsWith(code); ++it)
            add(it - m_entries.cbegin(), it->code == code ? Match::ExactCode : Match::CodePrefix);
        flushDeferred();
    }

    // Codes with a word starting with each query word. The rarest query word drives; the others are checked.
    if (hits.size() < needed) {
        std::size_t driverLo = 0;
        std::size_t driverHi = 0;
        std::uint32_t driverCount = std::uint32_t(-1);
        for (const std::string_view word : words) {
            const auto lo = std::lower_bound(m_words.cbegin(), m_words.cend(), word,
                                             [this](Span s, std::string_view w) { return view(s) < w; });
            auto hi = lo;
            while (hi != m_words.cend() && startsWith(view(*hi), word))
                ++hi;
            const auto loIndex = std::size_t(lo - m_words.cbegin());
            const auto hiIndex = std::size_t(hi - m_words.cbegin());
            const std::uint32_t postings = m_postingStart[hiIndex] - m_postingStart[loIndex];
            if (postings < driverCount) {
                driverCount = postings;
                driverLo = loIndex;
                driverHi = hiIndex;
            }
        }
        struct Candidate
        {
            bool inactive;
            bool notFirstWord;
            std::uint32_t index;
            bool operator<(const Candidate &o) const
            {
                return std::tie(inactive, notFirstWord, index) <
                       std::tie(o.inactive, o.notFirstWord, o.index);
            }
        };
        std::vector<Candidate> candidates;
        std::vector<bool> checked(taken.size(), false);
        for (std::size_t w = driverLo; w < driverHi; ++w) {
            for (std::uint32_t p = m_postingStart[w]; p < m_postingStart[w + 1]; ++p) {
                const std::uint32_t entry = m_postings[p];
                if (taken[entry] || checked[entry])
                    continue;
                checked[entry] = true;
                const bool all = std::all_of(words.cbegin(), words.cend(), [&](std::string_view word) {
                    return hasWordStartingWith(qsizetype(entry), word);
                });
                if (all)
                    candidates.push_back({m_entries.at(entry).flags.inactive,
                                          !displayStartsWithAny(qsizetype(entry), words), entry});
            }
        }
        const auto room = std::min<std::size_t>(candidates.size(), std::size_t(needed - hits.size()));
        std::partial_sort(candidates.begin(), candidates.begin() + std::ptrdiff_t(room), candidates.end());
        for (std::size_t c = 0; c < room; ++c) {
            taken[candidates[c].index] = true;
            hits.append({qsizetype(candidates[c].index), Match::WordStarts});
        }
    }

    // Codes that contain every query word somewhere, found by scanning for the longest one.
    if (hits.size() < needed) {
        const std::string_view longest =
            *std::max_element(words.cbegin(), words.cend(),
                              [](std::string_view a, std::string_view b) { return a.size() < b.size(); });
        const std::string_view all(m_text);
        std::size_t position = 0;
        while (hits.size() < needed) {
            position = all.find(longest, position);
            if (position == std::string_view::npos)
                break;
            const auto next =
                std::upper_bound(m_textStart.cbegin(), m_textStart.cend(), std::uint32_t(position));
            const auto entry = std::size_t(next - m_textStart.cbegin()) - 1;
            position = *next;
            if (taken[entry])
                continue;
            const std::string_view entryView = entryText(qsizetype(entry));
            const bool every = std::all_of(words.cbegin(), words.cend(), [&](std::string_view word) {
                return entryView.find(word) != std::string_view::npos;
            });
            if (every)
                add(qsizetype(entry), Match::Contains);
        }
        flushDeferred();
    }
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
