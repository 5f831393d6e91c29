#pragma once

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

} // namespace Catalog
