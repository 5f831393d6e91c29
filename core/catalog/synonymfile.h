#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "csvreader.h"
#include "importreport.h"

namespace Catalog {

/// One row of a synonym table: what people type, and words the descriptions use for it.
struct Synonym
{
    QString term;      ///< e.g. "knee", "flu shot", "EKG"
    QString expansion; ///< e.g. "major joint", "influenza vaccine", "electrocardiogram"

    friend bool operator==(const Synonym &, const Synonym &) = default;
};

using Synonyms = QList<Synonym>;

/// A synonym file understood row by row; see SynonymFile.
struct ParsedSynonymFile
{
    Synonyms synonyms;
    QList<ImportIssue> issues; ///< each with the line it is on; errors were left out of synonyms
    int rowsRead = 0;
    QString refusal; ///< non-empty: the file as a whole cannot be used
};

/**
 * Synonym tables: CSV (or tab-separated) with the columns term,expansion and
 * an optional header line, '#' comments allowed. A term may have several rows.
 * Both sides map words to words: an expansion that is a code is refused, as is
 * a term of more than MaxTermWords words, an empty side, or an expansion that
 * only repeats its term. The shipped table is resources/catalog/synonyms.csv.
 */
class SynonymFile
{
public:
    static constexpr int MaxTermWords = 4;

    static ParsedSynonymFile parse(const QByteArray &data);
    static ParsedSynonymFile parse(const CsvTable &table);

    static QString shippedResource();
    /// The shipped table, read once.
    static const Synonyms &shipped();
    /// The same row written differently ("X-ray" and "x ray") gives the same key.
    static QString rowKey(const Synonym &synonym);
};

} // namespace Catalog
