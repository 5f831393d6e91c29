#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include "drills/drillresults.h"

/// The class's drill results in a real SQLite file, per trainee, and as CSV.
class TestDrillResults : public QObject
{
    Q_OBJECT

private:
    static Drills::DrillAttempt attempt(const QString &trainee, const QString &drill, bool correct)
    {
        Drills::DrillAttempt attempt;
        attempt.trainee = trainee;
        attempt.drillId = drill;
        attempt.drillTitle = QStringLiteral("Knee injection, \"no\" ultrasound");
        attempt.startedAt = QDateTime(QDate(2026, 3, 14), QTime(15, 30), QTimeZone::utc());
        attempt.seconds = 95;
        attempt.keystrokes = 16;
        attempt.hintsUsed = correct ? 0 : 1;
        attempt.correct = correct;
        attempt.percent = correct ? 100 : 75;
        if (!correct)
            attempt.mistakes = {QStringLiteral("code 20611 — expected 20610: the note says no ultrasound"),
                                QStringLiteral("second mistake")};
        return attempt;
    }

private slots:
    void keptPerTraineeAcrossRuns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("results.sqlite"));
        {
            Drills::DrillResults results;
            QVERIFY(results.open(path).ok());
            QVERIFY(
                results.record(attempt(QStringLiteral("Maria"), QStringLiteral("01-knee-injection"), false))
                    .ok());
            const Common::Status second =
                results.record(attempt(QStringLiteral("Maria"), QStringLiteral("01-knee-injection"), true));
            QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().text()));
            QVERIFY(
                results.record(attempt(QStringLiteral("Ahmed"), QStringLiteral("02-anesthesia-period"), true))
                    .ok());
        }
        QCOMPARE(QFile::permissions(path) &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        Drills::DrillResults reopened;
        QVERIFY(reopened.open(path).ok());
        QCOMPARE(reopened.trainees(), (QStringList{QStringLiteral("Ahmed"), QStringLiteral("Maria")}));
        const auto maria = reopened.attempts(QStringLiteral("Maria"));
        QCOMPARE(maria.size(), 2);
        QCOMPARE(maria.at(0), attempt(QStringLiteral("Maria"), QStringLiteral("01-knee-injection"), false));
        QCOMPARE(reopened.attempts().size(), 3);
    }

    void csvForASpreadsheet()
    {
        Drills::DrillAttempt risky =
            attempt(QStringLiteral("=HYPERLINK(\"x\")"), QStringLiteral("01"), false);
        const QByteArray csv = Drills::DrillResults::toCsv(
            {attempt(QStringLiteral("Maria"), QStringLiteral("01"), true), risky});
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.at(0).trimmed(), QByteArray("trainee,drill,title,started_at,seconds,keystrokes,hints_"
                                                   "used,correct,score_percent,mistakes"));
        QCOMPARE(
            lines.at(1).trimmed(),
            QByteArray(
                "Maria,01,\"Knee injection, \"\"no\"\" ultrasound\",2026-03-14T15:30:00Z,95,16,0,yes,100,"));
        // A name a spreadsheet would run as a formula is written as text.
        QVERIFY2(lines.at(2).startsWith("\"'=HYPERLINK(\"\"x\"\")\""), lines.at(2).constData());
        QVERIFY(lines.at(2).contains(
            QStringLiteral("code 20611 — expected 20610: the note says no ultrasound; second mistake")
                .toUtf8()));
        QVERIFY(csv.endsWith("\r\n"));

        QTemporaryDir dir;
        Drills::DrillResults results;
        QVERIFY(results.open(dir.filePath(QStringLiteral("r.sqlite"))).ok());
        QVERIFY(results.record(risky).ok());
        const QString file = dir.filePath(QStringLiteral("class.csv"));
        QVERIFY(results.exportCsv(file).ok());
        QFile exported(file);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(exported.readAll(), Drills::DrillResults::toCsv({risky}));
        QVERIFY(!results.exportCsv(dir.filePath(QStringLiteral("no/such/folder/x.csv"))).ok());
    }

    void aNewerFileIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("results.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 9"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        Drills::DrillResults results;
        const Common::Status opened = results.open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, QStringLiteral("too-new"));
        QVERIFY(!results.record(attempt(QStringLiteral("x"), QStringLiteral("y"), true)).ok());
    }
};

QTEST_GUILESS_MAIN(TestDrillResults)
#include "tst_drillresults.moc"
