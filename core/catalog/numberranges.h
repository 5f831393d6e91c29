#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "foldtext.h"

namespace Catalog {

/// A span of numbers a description gives ("40 to 64", "10 minutes or more"), ends included.
struct NumberRange
{
    double low = 0;
    double high = 0;
    std::size_t word = 0;      ///< index of the (first) number among the words
    std::size_t firstWord = 0; ///< the words that say the range: [firstWord, endWord), numbers included
    std::size_t endWord = 0;

    bool contains(double value) const { return value >= low && value <= high; }
    /// How far value is from the end the range is measured from: "10 or more" for 15 gives 5, so
    /// the nearest threshold wins; 0 when outside.
    double slack(double value) const;
    friend bool operator==(const NumberRange &, const NumberRange &) = default;
};

/**
 * The number ranges in folded words, as catalog descriptions write them:
 * "A to B", "A-B", "A through B"; "A or more/older/over", "A and older/up";
 * "A plus"; "A or less/fewer/younger"; "under/below/less than/fewer than/
 * younger than A" (A not included); "over/above/more than/greater than/older
 * than/beyond A" (A not included); "up to/at most/within A", "at least A". A
 * search for "est pt 15 min" can then find "10 minutes or more", and
 * "physical 50 yo" finds "age 40 to 64". Queries are read the same way: "older
 * than 64" asks for a range holding something above 64.
 */
std::vector<NumberRange> numberRanges(const std::vector<FoldedWord> &words);

/// The value of a number word ("15", "2.5"), or nothing.
std::optional<double> numberValue(std::string_view word);

} // namespace Catalog
