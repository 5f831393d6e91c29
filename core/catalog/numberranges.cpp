#include "numberranges.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

#include "stemmer.h"

namespace Catalog {

namespace {

constexpr double Infinity = std::numeric_limits<double>::infinity();
// "under 130" leaves 130 out; numbers in descriptions have at most a few decimals.
constexpr double Exclusive = 1e-6;

template<std::size_t N>
bool isOneOf(std::string_view word, const std::array<std::string_view, N> &list)
{
    return std::find(list.cbegin(), list.cend(), word) != list.cend();
}

} // namespace

double NumberRange::slack(double value) const
{
    if (!contains(value))
        return 0;
    return low != -Infinity ? value - low : high - value;
}

std::optional<double> numberValue(std::string_view word)
{
    if (!isNumber(word))
        return std::nullopt;
    double value = 0;
    const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
    if (error != std::errc() || end != word.data() + word.size())
        return std::nullopt;
    return value;
}

std::vector<NumberRange> numberRanges(const std::vector<FoldedWord> &words)
{
    static constexpr std::array<std::string_view, 3> To = {"to", "through", "thru"};
    static constexpr std::array<std::string_view, 7> More = {"more",   "older", "over", "greater",
                                                             "longer", "above", "up"};
    static constexpr std::array<std::string_view, 5> Less = {"less", "fewer", "younger", "under", "below"};
    static constexpr std::array<std::string_view, 3> Below = {"under", "below", "before"};
    static constexpr std::array<std::string_view, 3> Above = {"over", "above", "beyond"};
    static constexpr std::array<std::string_view, 4> Than = {"less", "fewer", "younger", "shorter"};
    static constexpr std::array<std::string_view, 4> MoreThan = {"more", "greater", "longer", "older"};

    auto word = [&](std::size_t i) -> std::string_view {
        return i < words.size() ? std::string_view(words[i].text) : std::string_view();
    };
    std::vector<NumberRange> ranges;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::optional<double> value = numberValue(word(i));
        if (!value)
            continue;
        const std::optional<double> next = numberValue(word(i + 2));
        if (isOneOf(word(i + 1), To) && next) {
            ranges.push_back({*value, *next, i, i, i + 3});
            ++i;
            continue;
        }
        if (words[i].connectedToNext && numberValue(word(i + 1))) {
            ranges.push_back({*value, *numberValue(word(i + 1)), i, i, i + 2});
            ++i;
            continue;
        }
        if (word(i + 1) == "plus") {
            ranges.push_back({*value, Infinity, i, i, i + 2});
            continue;
        }
        const std::string_view joiner = word(i + 1);
        // "10 minutes or more": a unit may come between the number and "or more".
        const std::size_t unit = (joiner == "or" || joiner == "and") ? 0 : 1;
        const std::string_view orAnd = word(i + 1 + unit);
        const std::string_view direction = word(i + 2 + unit);
        if ((orAnd == "or" || orAnd == "and") && (isOneOf(direction, More) || isOneOf(direction, Less))) {
            const std::size_t end = i + 3 + unit;
            if (isOneOf(direction, More))
                ranges.push_back({*value, Infinity, i, i, end});
            else
                ranges.push_back({-Infinity, *value, i, i, end});
            continue;
        }
        const std::string_view before = i >= 1 ? word(i - 1) : std::string_view();
        const std::string_view twoBefore = i >= 2 ? word(i - 2) : std::string_view();
        if (isOneOf(before, Below))
            ranges.push_back({-Infinity, *value - Exclusive, i, i - 1, i + 1});
        else if (before == "than" && isOneOf(twoBefore, Than))
            ranges.push_back({-Infinity, *value - Exclusive, i, i - 2, i + 1});
        else if (isOneOf(before, Above))
            ranges.push_back({*value + Exclusive, Infinity, i, i - 1, i + 1});
        else if (before == "than" && isOneOf(twoBefore, MoreThan))
            ranges.push_back({*value + Exclusive, Infinity, i, i - 2, i + 1});
        else if ((before == "to" && twoBefore == "up") || (before == "most" && twoBefore == "at"))
            ranges.push_back({-Infinity, *value, i, i - 2, i + 1});
        else if (before == "within")
            ranges.push_back({-Infinity, *value, i, i - 1, i + 1});
        else if (before == "least" && twoBefore == "at")
            ranges.push_back({*value, Infinity, i, i - 2, i + 1});
    }
    return ranges;
}

} // namespace Catalog
