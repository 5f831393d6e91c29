#include "fhir/datetime.h"

#include <QTest>
#include <QTimeZone>

class TestDateTime : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidDateTimes_data();
    void parsesValidDateTimes();
    void rejectsInvalidText_data();
    void rejectsInvalidText();
    void zoneOffsetFollowsDaylightSaving_data();
    void zoneOffsetFollowsDaylightSaving();
    void dateTimeWithoutZoneHasNoOffset();
};

void TestDateTime::parsesValidDateTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("offsetSeconds");
    QTest::addColumn<QString>("formatted");

    QTest::newRow("vendor example") << "2026-03-14T10:00:00-05:00" << -5 * 3600 << "2026-03-14T10:00:00-05:00";
    QTest::newRow("positive offset") << "2026-07-01T08:30:00+05:30" << (5 * 3600 + 30 * 60)
                                     << "2026-07-01T08:30:00+05:30";
    QTest::newRow("utc Z") << "2026-01-02T03:04:05Z" << 0 << "2026-01-02T03:04:05Z";
    QTest::newRow("milliseconds") << "2026-01-02T03:04:05.250-06:00" << -6 * 3600
                                  << "2026-01-02T03:04:05.250-06:00";
    // Qt keeps a zero offset as UTC, so "+00:00" comes back as the equivalent "Z".
    QTest::newRow("nanoseconds truncated") << "2026-01-02T03:04:05.123456789+00:00" << 0
                                           << "2026-01-02T03:04:05.123Z";
    QTest::newRow("extreme offset") << "2026-01-02T03:04:05+14:00" << 14 * 3600 << "2026-01-02T03:04:05+14:00";
}

void TestDateTime::parsesValidDateTimes()
{
    QFETCH(QString, text);
    QFETCH(int, offsetSeconds);
    QFETCH(QString, formatted);

    const auto parsed = Fhir::parseDateTime(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QVERIFY(Fhir::hasExplicitOffset(parsed.value));
    QCOMPARE(parsed.value.offsetFromUtc(), offsetSeconds);
    QCOMPARE(Fhir::formatDateTime(parsed.value), formatted);
}

void TestDateTime::rejectsInvalidText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("empty") << "" << "empty";
    QTest::newRow("date only") << "2026-03-14" << "only a date";
    QTest::newRow("year only") << "2026" << "only a date";
    QTest::newRow("words") << "yesterday at ten" << "not a date-time";
    QTest::newRow("no such day") << "2026-02-30T10:00:00-05:00" << "no such calendar date";
    QTest::newRow("hour 24") << "2026-02-03T24:00:00-05:00" << "no such time";
    QTest::newRow("offset too large") << "2026-02-03T10:00:00+15:00" << "offset outside";
    QTest::newRow("short offset") << "2026-02-03T10:00:00-05" << "not a date-time";
    QTest::newRow("space separator") << "2026-02-03 10:00:00-05:00" << "not a date-time";
}

void TestDateTime::rejectsInvalidText()
{
    QFETCH(QString, text);
    QFETCH(QString, errorContains);

    const auto parsed = Fhir::parseDateTime(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error.contains(errorContains), qPrintable(parsed.error));
}

void TestDateTime::zoneOffsetFollowsDaylightSaving_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Chicago in March, daylight time") << QDate(2026, 3, 14) << "2026-03-14T10:00:00-05:00";
    QTest::newRow("Chicago in January, standard time") << QDate(2026, 1, 14) << "2026-01-14T10:00:00-06:00";
    QTest::newRow("day after the switch to standard") << QDate(2026, 11, 2) << "2026-11-02T10:00:00-06:00";
}

void TestDateTime::zoneOffsetFollowsDaylightSaving()
{
    QFETCH(QDate, date);
    QFETCH(QString, expected);

    const QTimeZone chicago("America/Chicago");
    QVERIFY(chicago.isValid());
    QCOMPARE(Fhir::formatDateTime(QDateTime(date, QTime(10, 0), chicago)), expected);
}

void TestDateTime::dateTimeWithoutZoneHasNoOffset()
{
    const auto parsed = Fhir::parseDateTime(QStringLiteral("2026-03-14T10:00:00"));
    QVERIFY(parsed.ok());
    QVERIFY(!Fhir::hasExplicitOffset(parsed.value));
    QCOMPARE(Fhir::formatDateTime(parsed.value), QStringLiteral("2026-03-14T10:00:00"));
}

QTEST_GUILESS_MAIN(TestDateTime)
#include "tst_datetime.moc"
