#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTest>

#include "catalog/codeentry.h"

/// The path of tests/data/catalog/<name>.
inline QString catalogFixture(const QString &name)
{
    return QStringLiteral(SUPERBILL_TEST_DATA "/catalog/") + name;
}

/// The bytes of tests/data/catalog/<name>; fails the running test when the file is missing.
inline QByteArray readCatalogFixture(const QString &name)
{
    QFile file(catalogFixture(name));
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("cannot read fixture %1: %2").arg(name, file.errorString())),
                     __FILE__, __LINE__);
        return {};
    }
    return file.readAll();
}

/// The codes of a search result, in order.
inline QStringList codes(const Catalog::CodeEntries &entries)
{
    QStringList list;
    for (const auto &entry : entries)
        list.append(entry.code);
    return list;
}

/// "20610 20611" -> {"20610", "20611"}; "" -> {} (for _data() rows).
inline QStringList split(const char *codes)
{
    const QString text = QString::fromUtf8(codes);
    return text.isEmpty() ? QStringList() : text.split(u' ');
}
