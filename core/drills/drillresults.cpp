#include "drillresults.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace Drills {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Drills::DrillResults", text);
}

constexpr int SchemaVersion = 1;
const QChar MistakeSeparator(u'\n');

Common::Error sqlError(const QString &what, const QSqlError &error)
{
    return Common::makeError(QStringLiteral("sql"), tr("%1: %2").arg(what, error.text()));
}

QString csvCell(QString text)
{
    if (!text.isEmpty() && QStringLiteral("=+-@").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        return u'"' + text.replace(u'"', QStringLiteral("\"\"")) + u'"';
    return text;
}

} // namespace

DrillResults::DrillResults()
    : m_connectionName(QStringLiteral("superbill-drill-results-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

DrillResults::~DrillResults()
{
    close();
}

Common::Status DrillResults::open(const QString &path)
{
    close();
    Common::Status status = openAndMigrate(path);
    if (!status.ok())
        close();
    return status;
}

Common::Status DrillResults::openAndMigrate(const QString &path)
{
    const bool existed = QFileInfo::exists(path);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        if (!db.open())
            return Common::makeError(QStringLiteral("unreadable"), db.lastError().text(), path);
        if (!existed)
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            return sqlError(tr("Reading the results file"), query.lastError());
        const int version = query.value(0).toInt();
        if (version > SchemaVersion)
            return Common::makeError(QStringLiteral("too-new"),
                                     tr("the results file was written by a newer version of the app"), path);
        if (version < SchemaVersion) {
            db.transaction();
            if (!query.exec(QStringLiteral("CREATE TABLE attempts ("
                                           " id INTEGER PRIMARY KEY,"
                                           " trainee TEXT NOT NULL,"
                                           " drill TEXT NOT NULL,"
                                           " title TEXT NOT NULL,"
                                           " started_at TEXT NOT NULL,"
                                           " seconds INTEGER NOT NULL,"
                                           " keystrokes INTEGER NOT NULL,"
                                           " hints INTEGER NOT NULL,"
                                           " correct INTEGER NOT NULL,"
                                           " percent INTEGER NOT NULL,"
                                           " mistakes TEXT NOT NULL)")) ||
                !query.exec(QStringLiteral("CREATE INDEX attempts_trainee ON attempts (trainee)")) ||
                !query.exec(QStringLiteral("PRAGMA user_version = %1").arg(SchemaVersion))) {
                const QSqlError error = query.lastError();
                db.rollback();
                return sqlError(tr("Creating the results file"), error);
            }
            if (!db.commit())
                return sqlError(tr("Creating the results file"), db.lastError());
        }
    }
    return {};
}

void DrillResults::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    QSqlDatabase::database(m_connectionName, false).close();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool DrillResults::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) &&
           QSqlDatabase::database(m_connectionName, false).isOpen();
}

Common::Status DrillResults::record(const DrillAttempt &attempt)
{
    if (!isOpen())
        return Common::makeError(QStringLiteral("closed"), tr("the results file is not open"));
    if (attempt.trainee.trimmed().isEmpty())
        return Common::makeError(QStringLiteral("invalid"), tr("a result needs the trainee's name"));
    // SQLite takes a null QString as NULL; the columns are NOT NULL.
    const auto text = [](const QString &value) { return value.isNull() ? QStringLiteral("") : value; };
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("INSERT INTO attempts (trainee, drill, title, started_at, seconds, keystrokes, hints,"
                       " correct, percent, mistakes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(attempt.trainee.trimmed());
    query.addBindValue(text(attempt.drillId));
    query.addBindValue(text(attempt.drillTitle));
    query.addBindValue(attempt.startedAt.toUTC().toString(Qt::ISODate));
    query.addBindValue(attempt.seconds);
    query.addBindValue(attempt.keystrokes);
    query.addBindValue(attempt.hintsUsed);
    query.addBindValue(attempt.correct ? 1 : 0);
    query.addBindValue(attempt.percent);
    query.addBindValue(text(attempt.mistakes.join(MistakeSeparator)));
    if (!query.exec())
        return sqlError(tr("Saving the result"), query.lastError());
    return {};
}

QList<DrillAttempt> DrillResults::attempts(const QString &trainee) const
{
    QList<DrillAttempt> list;
    if (!isOpen())
        return list;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(
        QStringLiteral("SELECT trainee, drill, title, started_at, seconds, keystrokes, hints, correct,"
                       " percent, mistakes FROM attempts") +
        (trainee.isEmpty() ? QString() : QStringLiteral(" WHERE trainee = ?")) +
        QStringLiteral(" ORDER BY id"));
    if (!trainee.isEmpty())
        query.addBindValue(trainee);
    if (!query.exec())
        return list;
    while (query.next()) {
        DrillAttempt attempt;
        attempt.trainee = query.value(0).toString();
        attempt.drillId = query.value(1).toString();
        attempt.drillTitle = query.value(2).toString();
        attempt.startedAt = QDateTime::fromString(query.value(3).toString(), Qt::ISODate);
        attempt.seconds = query.value(4).toLongLong();
        attempt.keystrokes = query.value(5).toInt();
        attempt.hintsUsed = query.value(6).toInt();
        attempt.correct = query.value(7).toInt() != 0;
        attempt.percent = query.value(8).toInt();
        const QString mistakes = query.value(9).toString();
        attempt.mistakes = mistakes.isEmpty() ? QStringList() : mistakes.split(MistakeSeparator);
        list.append(attempt);
    }
    return list;
}

QStringList DrillResults::trainees() const
{
    QStringList names;
    if (!isOpen())
        return names;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("SELECT DISTINCT trainee FROM attempts ORDER BY trainee")))
        return names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

QByteArray DrillResults::toCsv(const QList<DrillAttempt> &attempts)
{
    QStringList lines{QStringLiteral(
        "trainee,drill,title,started_at,seconds,keystrokes,hints_used,correct,score_percent,mistakes")};
    for (const auto &attempt : attempts) {
        lines.append(QStringList{
            csvCell(attempt.trainee), csvCell(attempt.drillId), csvCell(attempt.drillTitle),
            attempt.startedAt.toUTC().toString(Qt::ISODate), QString::number(attempt.seconds),
            QString::number(attempt.keystrokes), QString::number(attempt.hintsUsed),
            attempt.correct ? QStringLiteral("yes") : QStringLiteral("no"), QString::number(attempt.percent),
            csvCell(attempt.mistakes.join(QStringLiteral("; ")))}
                         .join(u','));
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

Common::Status DrillResults::exportCsv(const QString &path, const QString &trainee) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Common::makeError(QStringLiteral("unwritable"), file.errorString(), path);
    file.write(toCsv(attempts(trainee)));
    if (!file.commit())
        return Common::makeError(QStringLiteral("unwritable"), file.errorString(), path);
    return {};
}

} // namespace Drills
