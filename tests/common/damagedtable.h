#pragma once

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

/**
 * Overwrites the root page of `table` in the SQLite file at `path` (closed by everyone) with garbage:
 * the file still opens and its schema and indexes still read, but the table's rows do not, as on a
 * disk that lost a sector.
 */
inline bool damageTable(const QString &path, const QString &table)
{
    const QString connection = QStringLiteral("damage-") + table;
    qint64 offset = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM "
                                         "sqlite_master WHERE type = 'table' AND name = :table"));
            query.bindValue(QStringLiteral(":table"), table);
            if (query.exec() && query.next())
                offset = (query.value(0).toLongLong() - 1) * query.value(1).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    QFile file(path);
    if (offset <= 0 || !file.open(QIODevice::ReadWrite) || !file.seek(offset))
        return false;
    return file.write(QByteArray(4096, '\x5a')) == 4096;
}
