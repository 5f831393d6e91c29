#pragma once

#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

#include "catalog/codecatalog.h"
#include "catalog/csvreader.h"

/// One query of a labelled set: what a person types, and the codes of which one belongs in the top three.
struct LabelledQuery
{
    int line = 0;
    QString query;
    QStringList codes;
};

/// How a catalog answers a labelled set: hits at 1 and at 3, and what the misses got instead.
struct HitRate
{
    int queries = 0;
    int atOne = 0;
    int atThree = 0;
    QStringList misses; ///< "query -> wanted | got"

    double percentAtOne() const { return queries ? 100.0 * atOne / queries : 0; }
    double percentAtThree() const { return queries ? 100.0 * atThree / queries : 0; }
};

/// The rows of a query,codes CSV file (codes separated by spaces); empty when it cannot be read.
inline QList<LabelledQuery> readLabelledQueries(const QString &path)
{
    QList<LabelledQuery> queries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return queries;
    const Catalog::CsvTable table = Catalog::CsvReader::read(file.readAll());
    for (const Catalog::CsvRecord &record : table.records) {
        if (record.fields.size() != 2 || record.fields.at(0) == u"query")
            continue;
        queries.append(
            {record.line, record.fields.at(0), record.fields.at(1).split(u' ', Qt::SkipEmptyParts)});
    }
    return queries;
}

inline HitRate measureHitRate(const Catalog::CodeCatalog &catalog, const QList<LabelledQuery> &queries)
{
    HitRate rate;
    for (const LabelledQuery &labelled : queries) {
        QStringList got;
        for (const Catalog::CodeEntry &entry : catalog.search(labelled.query, 3))
            got.append(entry.code);
        ++rate.queries;
        const bool one = !got.isEmpty() && labelled.codes.contains(got.constFirst());
        const bool three = std::any_of(got.cbegin(), got.cend(),
                                       [&](const QString &c) { return labelled.codes.contains(c); });
        rate.atOne += one ? 1 : 0;
        rate.atThree += three ? 1 : 0;
        if (!three)
            rate.misses.append(QStringLiteral("%1 -> %2 | got %3")
                                   .arg(labelled.query, labelled.codes.join(u' '), got.join(u' ')));
    }
    return rate;
}
