#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace Catalog {

/**
 * Light English stemming for search, on folded words (see foldWords()): one
 * plural ("biopsies" -> "biopsy", "stitches" -> "stitch"), then at most one
 * ending ("-ing", "-ed", "-ion" after t or s, "-ment", "-al", "-ance",
 * "-ence", "-ure", "-er", "-ly", "-age"; "-scopic" -> "-scopy"), then a final
 * "e": "injections", "injected" and "inject" all give "inject", "removal" and
 * "removing" give "remov". Words of three letters or fewer, and words with
 * digits, are kept as they are. The stems only need to agree with each other;
 * they are not always words.
 */
std::string stemWord(std::string_view word);

/// Words a query may hold that need not be found ("for", "the", "with"...).
bool isStopWord(std::string_view word);

/// Words that deny the word after them: "no", "not", "without", "non", "wo" (as in "w/o").
bool isNegation(std::string_view word);

/**
 * Which of the words are denied: the word right after a negation ("without
 * ultrasound", "no microscope", "w/o contrast"), unless it is a number or a
 * stop word. The negations themselves are not denied.
 */
std::vector<bool> deniedWords(const std::vector<std::string_view> &words);

/// Digits, with a decimal point or not ("15", "2.5").
bool isNumber(std::string_view word);

} // namespace Catalog
