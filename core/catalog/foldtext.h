#pragma once

#include <string>
#include <vector>

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Catalog {

/**
 * The form text is compared in for search: accents removed ("é" -> "e"),
 * case folded, and every run of characters that are neither letters nor
 * digits turned into one space, trimmed. "Arthrocentèse, KNEE/hip" becomes
 * "arthrocentese knee hip". The index and the query are folded alike, so
 * search is case- and accent-insensitive and ignores punctuation.
 */
QString foldText(QStringView text);

/// foldText() as UTF-8, the form the search index stores (byte prefixes of
/// valid UTF-8 are character prefixes, so prefix and substring tests stay exact).
QByteArray foldTextUtf8(QStringView text);

/// One word of folded text, UTF-8.
struct FoldedWord
{
    std::string text;
    /// Written joined to the next word by one hyphen, slash or ampersand ("x-ray", "i&d", "w/o"),
    /// so that the two can be read as one word.
    bool connectedToNext = false;

    friend bool operator==(const FoldedWord &, const FoldedWord &) = default;
};

/**
 * The words search compares: folded as foldText() does, except that an
 * apostrophe inside a word is dropped ("patient's" -> "patients"), a decimal
 * point between digits is kept ("2.5"), and a number run into a unit is
 * split from it ("5cm" -> "5" "cm"; "a1c", "b12" and "2nd" stay whole).
 */
std::vector<FoldedWord> foldWords(QStringView text);

} // namespace Catalog
