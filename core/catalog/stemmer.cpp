#include "stemmer.h"

#include <algorithm>
#include <array>

namespace Catalog {

namespace {

bool endsWith(std::string_view word, std::string_view suffix)
{
    return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool hasVowel(std::string_view word)
{
    return std::any_of(word.cbegin(), word.cend(), isVowel);
}

bool hasDigit(std::string_view word)
{
    return std::any_of(word.cbegin(), word.cend(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string withoutPlural(std::string word)
{
    if (endsWith(word, "ies") && word.size() > 4) {
        word.resize(word.size() - 3);
        word.push_back('y');
    } else if (endsWith(word, "sses")) {
        word.resize(word.size() - 2);
    } else if (endsWith(word, "ches") || endsWith(word, "shes") || endsWith(word, "xes") ||
               endsWith(word, "zes")) {
        word.resize(word.size() - 2);
    } else if (endsWith(word, "s") && !endsWith(word, "ss") && !endsWith(word, "us") &&
               !endsWith(word, "is")) {
        word.pop_back();
    }
    return word;
}

// "stopp" -> "stop" after "-ing" or "-ed"; l, s and z stay doubled ("counsell", "dress").
void undouble(std::string &word)
{
    const std::size_t n = word.size();
    if (n >= 3 && word[n - 1] == word[n - 2] && !isVowel(word[n - 1]) && word[n - 1] != 'l' &&
        word[n - 1] != 's' && word[n - 1] != 'z')
        word.pop_back();
}

void withoutEnding(std::string &word)
{
    struct Ending
    {
        std::string_view suffix;
        std::size_t keep; // letters that must remain
        std::string_view replacement = {};
    };
    static constexpr std::array<Ending, 4> Replaced = {{
        {"scopic", 1, "scopy"},
        {"scopically", 1, "scopy"},
        {"graphic", 1, "graphy"},
        {"graphically", 1, "graphy"},
    }};
    for (const Ending &ending : Replaced) {
        if (endsWith(word, ending.suffix) && word.size() - ending.suffix.size() >= ending.keep) {
            word.resize(word.size() - ending.suffix.size());
            word.append(ending.replacement);
            return;
        }
    }
    if (endsWith(word, "eed"))
        return;
    for (const std::string_view verbal : {std::string_view("ing"), std::string_view("ed")}) {
        if (endsWith(word, verbal) && word.size() - verbal.size() >= 3 &&
            hasVowel(std::string_view(word).substr(0, word.size() - verbal.size()))) {
            word.resize(word.size() - verbal.size());
            undouble(word);
            return;
        }
    }
    if ((endsWith(word, "tion") || endsWith(word, "sion")) && word.size() >= 7) {
        word.resize(word.size() - 3);
        return;
    }
    static constexpr std::array<Ending, 8> Removed = {{
        {"ment", 4},
        {"ance", 4},
        {"ence", 4},
        {"ure", 4},
        {"age", 4},
        {"al", 4},
        {"er", 4},
        {"ly", 4},
    }};
    for (const Ending &ending : Removed) {
        // "lateral", "general", "femoral" keep their ending: "later" and "gener" are other words.
        if (ending.suffix == "al" && endsWith(word, "ral"))
            continue;
        if (endsWith(word, ending.suffix) && word.size() - ending.suffix.size() >= ending.keep) {
            word.resize(word.size() - ending.suffix.size());
            return;
        }
    }
}

} // namespace

std::string stemWord(std::string_view word)
{
    if (word.size() <= 3 || hasDigit(word))
        return std::string(word);
    std::string stem = withoutPlural(std::string(word));
    withoutEnding(stem);
    if (stem.size() >= 4 && stem.back() == 'e' && stem[stem.size() - 2] != 'e')
        stem.pop_back();
    return stem;
}

bool isStopWord(std::string_view word)
{
    static constexpr std::array<std::string_view, 20> Words = {
        "a",  "an", "and", "as", "at",  "by",  "for", "from", "in",   "into",
        "is", "of", "on",  "or", "per", "the", "to",  "w",    "with", "within"};
    return std::find(Words.cbegin(), Words.cend(), word) != Words.cend();
}

bool isNegation(std::string_view word)
{
    return word == "no" || word == "not" || word == "without" || word == "non" || word == "wo";
}

std::vector<bool> deniedWords(const std::vector<std::string_view> &words)
{
    std::vector<bool> denied(words.size(), false);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        std::size_t next = i + 1;
        if (words[i] == "w" && words[next] == "o") // "w/o"
            ++next;
        else if (!isNegation(words[i]))
            continue;
        if (next < words.size() && !isNumber(words[next]) && !isStopWord(words[next]) &&
            !isNegation(words[next]))
            denied[next] = true;
    }
    return denied;
}

bool isNumber(std::string_view word)
{
    if (word.empty() || word.front() == '.' || word.back() == '.')
        return false;
    return std::all_of(word.cbegin(), word.cend(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
}

} // namespace Catalog
