#include "typodictionary.h"

#include <algorithm>

namespace Catalog {

std::uint32_t TypoDictionary::add(std::string_view word)
{
    const auto [it, inserted] = m_ids.try_emplace(std::string(word), std::uint32_t(m_words.size()));
    if (!inserted)
        return it->second;
    const std::uint32_t id = it->second;
    m_words.emplace_back(word);
    file(std::string(word), id);
    for (std::size_t i = 0; i < word.size(); ++i) {
        std::string shorter(word);
        shorter.erase(i, 1);
        file(std::move(shorter), id);
    }
    return id;
}

void TypoDictionary::file(std::string key, std::uint32_t id)
{
    std::vector<std::uint32_t> &ids = m_byForm[std::move(key)];
    // A word with a doubled letter gives the same shorter form twice.
    if (ids.empty() || ids.back() != id)
        ids.push_back(id);
}

bool TypoDictionary::isOneEdit(std::string_view a, std::string_view b)
{
    if (a.size() > b.size())
        std::swap(a, b);
    if (b.size() - a.size() > 1 || a == b)
        return false;
    std::size_t start = 0;
    while (start < a.size() && a[start] == b[start])
        ++start;
    if (a.size() < b.size()) // one letter more in b
        return a.substr(start) == b.substr(start + 1);
    if (a.substr(start + 1) == b.substr(start + 1)) // one letter changed
        return true;
    return start + 1 < a.size() && a[start] == b[start + 1] && a[start + 1] == b[start] &&
           a.substr(start + 2) == b.substr(start + 2);
}

std::vector<std::uint32_t> TypoDictionary::oneEditAway(std::string_view word) const
{
    std::vector<std::uint32_t> found;
    auto consider = [&](const std::string &form) {
        const auto it = m_byForm.find(form);
        if (it == m_byForm.end())
            return;
        for (const std::uint32_t id : it->second) {
            if (isOneEdit(word, m_words[id]))
                found.push_back(id);
        }
    };
    consider(std::string(word));
    for (std::size_t i = 0; i < word.size(); ++i) {
        std::string shorter(word);
        shorter.erase(i, 1);
        consider(shorter);
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

} // namespace Catalog
