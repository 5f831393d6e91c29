#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

/// Reads tests/data/<relativePath>; fails the running test when the file is missing.
inline QByteArray readTestData(const QString &relativePath)
{
    QFile file(QStringLiteral(SUPERBILL_TEST_DATA "/") + relativePath);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(
            qPrintable(QStringLiteral("cannot read test data %1: %2").arg(relativePath, file.errorString())),
            __FILE__, __LINE__);
        return {};
    }
    return file.readAll();
}

inline QJsonObject readTestJson(const QString &relativePath)
{
    return QJsonDocument::fromJson(readTestData(relativePath)).object();
}
