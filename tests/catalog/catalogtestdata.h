#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

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
