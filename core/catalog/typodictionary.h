#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace Catalog {

/**
 * Finds the words one edit away from a word (Damerau: one letter added,
 * removed, changed, or two neighbours swapped), among the words it was given,
 * without comparing against each of them: every word is filed under itself and
 * under each form with one letter left out, and two words are one edit apart
 * only if they share such a form. A lookup is one hash lookup per letter of
 * the word. Bytes are compared, so this is meant for folded words.
 */
class TypoDictionary
{
public:
    /// Adds a word (again: ignored) and returns its id, in the order added.
    std::uint32_t add(std::string_view word);
    std::size_t size() const { return m_words.size(); }
    const std::string &word(std::uint32_t id) const { return m_words[id]; }

    /// Ids of the words exactly one edit away from word (not word itself), ascending.
    std::vector<std::uint32_t> oneEditAway(std::string_view word) const;

    /// Whether a and b are exactly one Damerau edit apart.
    static bool isOneEdit(std::string_view a, std::string_view b);

private:
    void file(std::string key, std::uint32_t id);

    std::vector<std::string> m_words;
    std::unordered_map<std::string, std::uint32_t> m_ids;
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_byForm;
};

} // namespace Catalog
