#include <QTest>
#include <QTimeZone>

#include "fhir/datetime.h"

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
    void skippedAndRepeatedLocalTimes_data();
    void skippedAndRepeatedLocalTimes();
    void subMinuteOffsetIsWrittenAsUtc();
    void formatsAsQtFormatsEveryYear_data();
    void formatsAsQtFormatsEveryYear();
};

void TestDateTime::parsesValidDateTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("offsetSeconds");
    QTest::addColumn<QString>("formatted");

    QTest::newRow("vendor example") << "2026-03-14T10:00:00-05:00" << -5 * 3600
                                    << "2026-03-14T10:00:00-05:00";
    QTest::newRow("positive offset") << "2026-07-01T08:30:00+05:30" << (5 * 3600 + 30 * 60)
                                     << "2026-07-01T08:30:00+05:30";
    QTest::newRow("utc Z") << "2026-01-02T03:04:05Z" << 0 << "2026-01-02T03:04:05Z";
    QTest::newRow("milliseconds") << "2026-01-02T03:04:05.250-06:00" << -6 * 3600
                                  << "2026-01-02T03:04:05.250-06:00";
    // Qt keeps a zero offset as UTC, so "+00:00" comes back as the equivalent "Z".
    QTest::newRow("nanoseconds truncated")
        << "2026-01-02T03:04:05.123456789+00:00" << 0 << "2026-01-02T03:04:05.123Z";
    QTest::newRow("extreme offset") << "2026-01-02T03:04:05+14:00" << 14 * 3600
                                    << "2026-01-02T03:04:05+14:00";
}

void TestDateTime::parsesValidDateTimes()
{
    QFETCH(QString, text);
    QFETCH(int, offsetSeconds);
    QFETCH(QString, formatted);

    const auto parsed = Fhir::parseDateTime(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QVERIFY(Fhir::hasExplicitOffset(*parsed));
    QCOMPARE(parsed->offsetFromUtc(), offsetSeconds);
    QCOMPARE(Fhir::formatDateTime(*parsed), formatted);
}

void TestDateTime::rejectsInvalidText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("date only") << "2026-03-14"
                               << "only a date";
    QTest::newRow("year only") << "2026"
                               << "only a date";
    QTest::newRow("words") << "yesterday at ten"
                           << "not a date-time";
    QTest::newRow("no such day") << "2026-02-30T10:00:00-05:00"
                                 << "no such calendar date";
    QTest::newRow("hour 24") << "2026-02-03T24:00:00-05:00"
                             << "no such time";
    QTest::newRow("offset too large") << "2026-02-03T10:00:00+15:00"
                                      << "offset outside";
    QTest::newRow("short offset") << "2026-02-03T10:00:00-05"
                                  << "not a date-time";
    QTest::newRow("space separator") << "2026-02-03 10:00:00-05:00"
                                     << "not a date-time";
    // "$" alone would also match before a final newline.
    QTest::newRow("trailing newline") << "2026-02-03T10:00:00-05:00\n"
                                      << "not a date-time";
    QTest::newRow("date only, trailing newline") << "2026-02-03\n"
                                                 << "not a date-time";
    QTest::newRow("leap second") << "2026-12-31T23:59:60Z"
                                 << "leap second";
}

void TestDateTime::rejectsInvalidText()
{
    QFETCH(QString, text);
    QFETCH(QString, errorContains);

    const auto parsed = Fhir::parseDateTime(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, QStringLiteral("invalid-date-time"));
    QVERIFY2(parsed.error().message.contains(errorContains), qPrintable(parsed.error().message));
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
    QVERIFY(!Fhir::hasExplicitOffset(*parsed));
    QCOMPARE(Fhir::formatDateTime(*parsed), QStringLiteral("2026-03-14T10:00:00"));
}

void TestDateTime::skippedAndRepeatedLocalTimes_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<bool>("skipped");
    QTest::addColumn<bool>("repeated");

    const QDate spring(2026, 3, 8);
    const QDate autumn(2026, 11, 1);
    QTest::newRow("Chicago, in the spring-forward gap")
        << QByteArray("America/Chicago") << spring << QTime(2, 30) << true << false;
    QTest::newRow("Chicago, just before the gap")
        << QByteArray("America/Chicago") << spring << QTime(1, 59) << false << false;
    QTest::newRow("Chicago, just after the gap")
        << QByteArray("America/Chicago") << spring << QTime(3, 0) << false << false;
    QTest::newRow("Chicago, the repeated hour")
        << QByteArray("America/Chicago") << autumn << QTime(1, 30) << false << true;
    QTest::newRow("Chicago, start of the repeated hour")
        << QByteArray("America/Chicago") << autumn << QTime(1, 0) << false << true;
    QTest::newRow("Chicago, before the repeated hour")
        << QByteArray("America/Chicago") << autumn << QTime(0, 59) << false << false;
    QTest::newRow("Chicago, after the repeated hour")
        << QByteArray("America/Chicago") << autumn << QTime(2, 0) << false << false;
    QTest::newRow("Chicago, an ordinary day")
        << QByteArray("America/Chicago") << QDate(2026, 3, 14) << QTime(10, 0) << false << false;
    QTest::newRow("Kolkata has no daylight saving")
        << QByteArray("Asia/Kolkata") << spring << QTime(2, 30) << false << false;
}

void TestDateTime::skippedAndRepeatedLocalTimes()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(bool, skipped);
    QFETCH(bool, repeated);

    const QTimeZone timeZone(zone);
    QVERIFY(timeZone.isValid());
    const QDateTime value(date, time, timeZone);
    QCOMPARE(Fhir::isSkippedLocalTime(value), skipped);
    QCOMPARE(Fhir::isRepeatedLocalTime(value), repeated);
    // A time that does not exist is never written as some other time.
    if (skipped)
        QCOMPARE(Fhir::formatDateTime(value), QString());
    // Values with a plain offset name one instant and are neither.
    const QDateTime fixed(date, time, Qt::OffsetFromUTC, -5 * 3600);
    QVERIFY(!Fhir::isSkippedLocalTime(fixed));
    QVERIFY(!Fhir::isRepeatedLocalTime(fixed));
}

void TestDateTime::subMinuteOffsetIsWrittenAsUtc()
{
    // FHIR offsets have no seconds: dropping them would move the time, so the instant goes out in UTC.
    const QDateTime odd(QDate(2026, 1, 14), QTime(10, 0), Qt::OffsetFromUTC, -(5 * 3600 + 30));
    QCOMPARE(Fhir::formatDateTime(odd), QStringLiteral("2026-01-14T15:00:30Z"));
    const QDateTime localMeanTime(QDate(1880, 1, 1), QTime(10, 0), QTimeZone("America/Chicago"));
    QVERIFY(localMeanTime.offsetFromUtc() % 60 != 0);
    const auto parsed = Fhir::parseDateTime(Fhir::formatDateTime(localMeanTime));
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->toMSecsSinceEpoch(), localMeanTime.toMSecsSinceEpoch());
}

void TestDateTime::formatsAsQtFormatsEveryYear_data()
{
    QTest::addColumn<QDateTime>("value");
    QTest::addColumn<QString>("qtFormat");
    QTest::addColumn<QString>("offset");

    const QString seconds = QStringLiteral("yyyy-MM-ddTHH:mm:ss");
    const QString millis = QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz");
    QTest::newRow("year 1") << QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC) << seconds << "Z";
    QTest::newRow("year 999, milliseconds")
        << QDateTime(QDate(999, 12, 31), QTime(23, 59, 59, 7), Qt::UTC) << millis << "Z";
    QTest::newRow("year 12345") << QDateTime(QDate(12345, 6, 7), QTime(8, 9, 10), Qt::LocalTime) << seconds
                                << "";
    QTest::newRow("before year 1") << QDateTime(QDate(-44, 3, 15), QTime(12, 0), Qt::UTC) << seconds << "Z";
    QTest::newRow("half-hour offset")
        << QDateTime(QDate(2026, 3, 14), QTime(10, 0, 0, 500), Qt::OffsetFromUTC, -(9 * 3600 + 1800))
        << millis << "-09:30";
}

void TestDateTime::formatsAsQtFormatsEveryYear()
{
    QFETCH(QDateTime, value);
    QFETCH(QString, qtFormat);
    QFETCH(QString, offset);

    // The writer spells date-times digit by digit; they must read as QDateTime::toString() wrote them.
    QCOMPARE(Fhir::formatDateTime(value), value.toString(qtFormat) + offset);
}

QTEST_GUILESS_MAIN(TestDateTime)
#include "tst_datetime.moc"
