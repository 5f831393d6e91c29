#include <QTest>

#include "catalog/csvreader.h"
#include "catalogtestdata.h"

using Catalog::CsvReader;
using Catalog::CsvTable;

using Records = QList<QStringList>;

namespace {

// "a|b" -> {"a", "b"}: keeps the tables short under QT_NO_CAST_FROM_ASCII.
QStringList R(const char *fields)
{
    return QString::fromUtf8(fields).split(u'|');
}

Records fieldsOf(const CsvTable &table)
{
    Records records;
    for (const auto &record : table.records)
        records.append(record.fields);
    return records;
}

QList<int> linesOf(const CsvTable &table)
{
    QList<int> lines;
    for (const auto &record : table.records)
        lines.append(record.line);
    return lines;
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void readText_data();
    void readText();
    void unterminatedQuoteIsReportedOnItsLine();
    void quoteHeavyFieldsAreReadWhole();
    void detectDelimiter_data();
    void detectDelimiter();
    void encodings_data();
    void encodings();
    void invalidUtf8IsReadAsWindows1252WithANote();
};

void TestCsvReader::readText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Records>("records");
    QTest::addColumn<QList<int>>("lines");

    QTest::newRow("comma, LF") << u"a,b\nc,d\n"_qs << Records{R("a|b"), R("c|d")} << QList<int>{1, 2};
    QTest::newRow("no final line break") << u"a,b\nc,d"_qs << Records{R("a|b"), R("c|d")} << QList<int>{1, 2};
    QTest::newRow("CRLF") << u"a,b\r\nc,d\r\n"_qs << Records{R("a|b"), R("c|d")} << QList<int>{1, 2};
    QTest::newRow("lone CR") << u"a,b\rc,d\r"_qs << Records{R("a|b"), R("c|d")} << QList<int>{1, 2};
    QTest::newRow("quoted comma") << u"20610,\"Joint injection, knee\"\n"_qs
                                  << Records{R("20610|Joint injection, knee")} << QList<int>{1};
    QTest::newRow("doubled quotes") << u"11102,\"Skin biopsy, \"\"shave\"\" method\"\n"_qs
                                    << Records{R("11102|Skin biopsy, \"shave\" method")} << QList<int>{1};
    QTest::newRow("empty quoted field") << u"a,\"\",c\n"_qs << Records{R("a||c")} << QList<int>{1};
    QTest::newRow("quoted line break keeps later line numbers")
        << u"1,\"two\r\nlines\"\r\n2,x\r\n"_qs << Records{R("1|two\nlines"), R("2|x")} << QList<int>{1, 3};
    QTest::newRow("blank and comment lines skipped")
        << u"# a comment, with a comma\n\ncode,display\n   \n99213,visit\n"_qs
        << Records{R("code|display"), R("99213|visit")} << QList<int>{3, 5};
    QTest::newRow("a line of empty fields is blank")
        << u"a,b\n,,\nc,d\n"_qs << Records{R("a|b"), R("c|d")} << QList<int>{1, 3};
    QTest::newRow("fields are trimmed")
        << u"  99213 ,  Office visit   \n"_qs << Records{R("99213|Office visit")} << QList<int>{1};
    QTest::newRow("quote after spaces still opens a quoted field")
        << u"1,  \"a, b\"\n"_qs << Records{R("1|a, b")} << QList<int>{1};
    QTest::newRow("stray quote in a bare field is kept")
        << u"1,5\" splint\n"_qs << Records{R("1|5\" splint")} << QList<int>{1};
    QTest::newRow("trailing empty fields kept") << u"a,,\n"_qs << Records{R("a||")} << QList<int>{1};
    QTest::newRow("tab separated, commas are text")
        << u"code\tdisplay\n20610\tJoint injection, knee\n"_qs
        << Records{R("code|display"), R("20610|Joint injection, knee")} << QList<int>{1, 2};
    QTest::newRow("hash inside a record is text") << u"1,#2\n"_qs << Records{R("1|#2")} << QList<int>{1};
}

void TestCsvReader::readText()
{
    QFETCH(QString, text);
    QFETCH(Records, records);
    QFETCH(QList<int>, lines);

    const CsvTable table = CsvReader::readText(text);
    QCOMPARE(fieldsOf(table), records);
    QCOMPARE(linesOf(table), lines);
    for (const auto &record : table.records)
        QVERIFY2(record.problem.isEmpty(), qPrintable(record.problem));
}

void TestCsvReader::unterminatedQuoteIsReportedOnItsLine()
{
    const CsvTable table = CsvReader::read(readCatalogFixture(QStringLiteral("unterminated.csv")));
    QCOMPARE(table.records.size(), 3);
    QCOMPARE(table.records.at(1).problem, QString());
    QCOMPARE(table.records.at(2).line, 3);
    QVERIFY(table.records.at(2).problem.contains(u"never closed"));
}

void TestCsvReader::quoteHeavyFieldsAreReadWhole()
{
    // A megabyte of quotes and blanks in a bare field, after a closing quote, and doubled inside quotes:
    // each field comes back whole. The reader once trimmed a copy of the field at every quote that
    // followed a blank, so such a field took minutes.
    constexpr qsizetype Pairs = 500'000;
    QString spaced;
    spaced.reserve(2 * Pairs);
    for (qsizetype i = 0; i < Pairs; ++i)
        spaced += QStringLiteral("\" ");
    const QString text = QStringLiteral("x ") + spaced + QStringLiteral(",\"a\" ") + spaced +
                         QStringLiteral(",\"") + QString(2 * Pairs, u'"') +
                         QStringLiteral("\"\n20610,done\n");
    const CsvTable table = CsvReader::readText(text);
    QCOMPARE(table.records.size(), 2);
    const QStringList fields = table.records.at(0).fields;
    QCOMPARE(fields.size(), 3);
    QCOMPARE(fields.at(0), QString(QStringLiteral("x ") + spaced).trimmed());
    QCOMPARE(fields.at(1), QString(QStringLiteral("a ") + spaced).trimmed());
    QCOMPARE(fields.at(2), QString(Pairs, u'"'));
    QCOMPARE(table.records.at(1).fields, (QStringList{QStringLiteral("20610"), QStringLiteral("done")}));
    QCOMPARE(table.records.at(1).line, 2);
}

void TestCsvReader::detectDelimiter_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QChar>("delimiter");

    QTest::newRow("comma") << u"code,display,version"_qs << QChar(u',');
    QTest::newRow("tab") << u"code\tdisplay"_qs << QChar(u'\t');
    QTest::newRow("tab wins over commas in text") << u"20610\tJoint injection, knee"_qs << QChar(u'\t');
    QTest::newRow("semicolon") << u"code;display"_qs << QChar(u';');
    QTest::newRow("comma inside quotes does not count") << u"\"a,b,c\";d"_qs << QChar(u';');
    QTest::newRow("one column") << u"code"_qs << QChar(u',');
}

void TestCsvReader::detectDelimiter()
{
    QFETCH(QString, line);
    QFETCH(QChar, delimiter);
    QCOMPARE(CsvReader::detectDelimiter(line), delimiter);
}

void TestCsvReader::encodings_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QChar>("delimiter");
    QTest::addColumn<QStringList>("firstRecord");
    QTest::addColumn<QStringList>("lastRecord");

    QTest::newRow("UTF-8 with BOM, CRLF")
        << u"bom-crlf.csv"_qs << u"UTF-8 with BOM"_qs << QChar(u',') << R("Code|Description|Year")
        << R("73562|Knee X-ray three views|2026");
    QTest::newRow("UTF-8 without BOM") << u"accents.csv"_qs << u"UTF-8"_qs << QChar(u',') << R("code|display")
                                       << R("11102|Biopsia de piel por afeitado (café con leche)");
    QTest::newRow("UTF-16LE with BOM, tab")
        << u"excel-unicode.txt"_qs << u"UTF-16LE with BOM"_qs << QChar(u'\t') << R("code|description")
        << R("99213|Visite établie");
}

void TestCsvReader::encodings()
{
    QFETCH(QString, fixture);
    QFETCH(QString, encoding);
    QFETCH(QChar, delimiter);
    QFETCH(QStringList, firstRecord);
    QFETCH(QStringList, lastRecord);

    const CsvTable table = CsvReader::read(readCatalogFixture(fixture));
    QCOMPARE(table.encoding, encoding);
    QCOMPARE(table.delimiter, delimiter);
    QVERIFY(table.notes.isEmpty());
    QVERIFY(table.records.size() >= 2);
    QCOMPARE(table.records.constFirst().fields, firstRecord);
    QCOMPARE(table.records.constLast().fields, lastRecord);
}

void TestCsvReader::invalidUtf8IsReadAsWindows1252WithANote()
{
    const CsvTable table = CsvReader::read(readCatalogFixture(QStringLiteral("windows-1252.csv")));
    QCOMPARE(table.records.size(), 2);
    QCOMPARE(table.records.at(1).fields, (R("99213|Visite établie")));
    QCOMPARE(table.notes.size(), 1);
    QVERIFY(table.notes.constFirst().message.contains(table.encoding));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
