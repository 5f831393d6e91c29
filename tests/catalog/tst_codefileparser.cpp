#include <QTest>

#include "catalog/codefileparser.h"
#include "catalogtestdata.h"

using Catalog::CodeFileParser;
using Catalog::ImportIssue;
using Catalog::ParsedCodeFile;

namespace {

const Catalog::CodeEntry *rowFor(const ParsedCodeFile &file, const QString &code)
{
    for (const auto &row : file.rows) {
        if (row.entry.code == code)
            return &row.entry;
    }
    return nullptr;
}

QString describe(const QList<ImportIssue> &issues)
{
    QStringList lines;
    for (const auto &issue : issues)
        lines.append(QString::number(issue.line) + u' ' + issue.code + QStringLiteral(": ") + issue.reason);
    return lines.join(QStringLiteral("; "));
}

QStringList codesOf(const ParsedCodeFile &file)
{
    QStringList codes;
    for (const auto &row : file.rows)
        codes.append(row.entry.code);
    return codes;
}

} // namespace

class TestCodeFileParser : public QObject
{
    Q_OBJECT

private slots:
    void headerAndFlags();
    void formatsGiveTheSameCodes_data();
    void formatsGiveTheSameCodes();
    void badRowsAreReportedWithLineAndReason_data();
    void badRowsAreReportedWithLineAndReason();
    void badRowsDoNotStopTheOthers();
    void headerWithoutCodeColumnIsRefused();
    void emptyFileIsRefused();
    void noHeaderReadsByPosition();
    void defaultVersionFillsMissingVersions();
    void compareVersions_data();
    void compareVersions();
};

void TestCodeFileParser::headerAndFlags()
{
    const ParsedCodeFile file = CodeFileParser::parse(readCatalogFixture(QStringLiteral("basic.csv")));
    QVERIFY2(file.issues.isEmpty(), qPrintable(describe(file.issues)));
    QVERIFY(file.hasHeader);
    QCOMPARE(file.rowsRead, 7);
    QCOMPARE(file.highestVersion, QStringLiteral("2026"));

    const auto *joint = rowFor(file, QStringLiteral("20610"));
    QVERIFY(joint);
    QCOMPARE(joint->display,
             QStringLiteral("Arthrocentesis, aspiration and/or injection, major joint or bursa"));
    QCOMPARE(joint->kind, Rules::CodeKind::CptCategoryI);
    QVERIFY(!joint->flags.anesthesia && !joint->flags.dental && !joint->flags.addOn &&
            !joint->flags.inactive);
    // From the form of the code.
    QVERIFY(rowFor(file, QStringLiteral("00400"))->flags.anesthesia);
    QVERIFY(rowFor(file, QStringLiteral("D0120"))->flags.dental);
    QCOMPARE(rowFor(file, QStringLiteral("D0120"))->kind, Rules::CodeKind::CdtDental);
    // From the row's own flag columns.
    QVERIFY(rowFor(file, QStringLiteral("41899"))->flags.dental);
    QVERIFY(rowFor(file, QStringLiteral("99152"))->flags.anesthesia);
    QVERIFY(!rowFor(file, QStringLiteral("99152"))->flags.addOn);
    QVERIFY(rowFor(file, QStringLiteral("99153"))->flags.addOn);
    QCOMPARE(rowFor(file, QStringLiteral("99153"))->flags.display,
             rowFor(file, QStringLiteral("99153"))->display);
}

void TestCodeFileParser::formatsGiveTheSameCodes_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QChar>("delimiter");

    QTest::newRow("BOM, CRLF, quotes, comment")
        << QStringLiteral("bom-crlf.csv")
        << QStringList{QStringLiteral("20610"), QStringLiteral("11102"), QStringLiteral("12001"),
                       QStringLiteral("73562")}
        << QStringLiteral("Skin biopsy, \"shave\" method") << QChar(u',');
    QTest::newRow("tab, other header names")
        << QStringLiteral("tab.tsv")
        << QStringList{QStringLiteral("99213"), QStringLiteral("99201"), QStringLiteral("0042T")}
        << QStringLiteral("Office visit, established") << QChar(u'\t');
    QTest::newRow("UTF-16 Excel text") << QStringLiteral("excel-unicode.txt")
                                       << QStringList{QStringLiteral("20610"), QStringLiteral("99213")}
                                       << QStringLiteral("Visite établie") << QChar(u'\t');
}

void TestCodeFileParser::formatsGiveTheSameCodes()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, codes);
    QFETCH(QString, display);
    QFETCH(QChar, delimiter);

    const ParsedCodeFile file = CodeFileParser::parse(readCatalogFixture(fixture));
    QVERIFY2(file.refusal.isEmpty(), qPrintable(file.refusal));
    QVERIFY2(file.issues.isEmpty(), qPrintable(describe(file.issues)));
    QVERIFY(file.hasHeader);
    QCOMPARE(file.delimiter, delimiter);
    QCOMPARE(codesOf(file), codes);
    const bool found =
        std::any_of(file.rows.cbegin(), file.rows.cend(),
                    [&](const Catalog::ParsedCodeRow &row) { return row.entry.display == display; });
    QVERIFY2(found, qPrintable(display));
}

void TestCodeFileParser::badRowsAreReportedWithLineAndReason_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("reasonPart");

    QTest::newRow("HCPCS Level II") << 3 << QStringLiteral("J1100") << true
                                    << QStringLiteral("HCPCS Level II");
    QTest::newRow("malformed") << 4 << QStringLiteral("ABCDE") << true
                               << QStringLiteral("not a CPT or CDT code");
    QTest::newRow("leading zeros lost") << 5 << QStringLiteral("400") << true << QStringLiteral("00400?");
    QTest::newRow("no description") << 6 << QStringLiteral("99214") << true
                                    << QStringLiteral("description is empty");
    QTest::newRow("bad flag value") << 7 << QStringLiteral("99215") << true << QStringLiteral("\"maybe\"");
    QTest::newRow("same row twice") << 8 << QStringLiteral("99213") << false
                                    << QStringLiteral("Repeats line 2");
    QTest::newRow("same code, other text")
        << 10 << QStringLiteral("20610") << true << QStringLiteral("Line 9");
    QTest::newRow("no code") << 11 << QString() << true << QStringLiteral("no code");
}

void TestCodeFileParser::badRowsAreReportedWithLineAndReason()
{
    QFETCH(int, line);
    QFETCH(QString, code);
    QFETCH(bool, isError);
    QFETCH(QString, reasonPart);

    const ParsedCodeFile file = CodeFileParser::parse(readCatalogFixture(QStringLiteral("bad-rows.csv")));
    const auto found = std::find_if(file.issues.cbegin(), file.issues.cend(),
                                    [&](const ImportIssue &issue) { return issue.line == line; });
    QVERIFY2(found != file.issues.cend(), qPrintable(describe(file.issues)));
    QCOMPARE(found->code, code);
    QCOMPARE(found->isError(), isError);
    QVERIFY2(found->reason.contains(reasonPart), qPrintable(found->reason));
}

void TestCodeFileParser::badRowsDoNotStopTheOthers()
{
    const ParsedCodeFile file = CodeFileParser::parse(readCatalogFixture(QStringLiteral("bad-rows.csv")));
    QVERIFY(file.refusal.isEmpty());
    QCOMPARE(file.rowsRead, 11);
    QCOMPARE(codesOf(file),
             (QStringList{QStringLiteral("99213"), QStringLiteral("20610"), QStringLiteral("00400")}));
    QCOMPARE(file.issues.size(), 8);
    QCOMPARE(std::count_if(file.issues.cbegin(), file.issues.cend(),
                           [](const ImportIssue &i) { return i.isError(); }),
             7);
    // Codes of rejected rows are known, so an import never marks them inactive for being "missing".
    QVERIFY(file.rejectedCodes.contains(QStringLiteral("99214")));
    QVERIFY(file.rejectedCodes.contains(QStringLiteral("J1100")));
    QVERIFY(!file.rejectedCodes.contains(QStringLiteral("20610")));
}

void TestCodeFileParser::headerWithoutCodeColumnIsRefused()
{
    const ParsedCodeFile file =
        CodeFileParser::parse(readCatalogFixture(QStringLiteral("no-code-column.csv")));
    QVERIFY(file.refusal.contains(u"line 1"));
    QVERIFY(file.rows.isEmpty());
}

void TestCodeFileParser::emptyFileIsRefused()
{
    QVERIFY(!CodeFileParser::parse(QByteArray()).refusal.isEmpty());
    QVERIFY(!CodeFileParser::parse(QByteArray("# only a comment\n\n")).refusal.isEmpty());
    QVERIFY(!CodeFileParser::parse(QByteArray("code,display\n")).refusal.isEmpty());
}

void TestCodeFileParser::noHeaderReadsByPosition()
{
    const ParsedCodeFile file = CodeFileParser::parse(readCatalogFixture(QStringLiteral("no-header.csv")));
    QVERIFY2(file.issues.isEmpty(), qPrintable(describe(file.issues)));
    QVERIFY(!file.hasHeader);
    QCOMPARE(codesOf(file), (QStringList{QStringLiteral("20610"), QStringLiteral("99213")}));
    QCOMPARE(file.rows.constFirst().line, 1);
    QCOMPARE(file.rows.constFirst().entry.version, QStringLiteral("2026"));
    QCOMPARE(file.rows.constFirst().entry.display, QStringLiteral("Joint injection large joint"));
}

void TestCodeFileParser::defaultVersionFillsMissingVersions()
{
    Catalog::ImportOptions options;
    options.defaultVersion = QStringLiteral("2027");
    const ParsedCodeFile file = CodeFileParser::parse(QByteArray("code,display,version\n"
                                                                 "99213,Visit,\n"
                                                                 "99214,Visit,2026\n"),
                                                      options);
    QCOMPARE(file.rows.at(0).entry.version, QStringLiteral("2027"));
    QCOMPARE(file.rows.at(1).entry.version, QStringLiteral("2026"));
    QCOMPARE(file.highestVersion, QStringLiteral("2027"));
}

void TestCodeFileParser::compareVersions_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("sign");

    QTest::newRow("newer year") << QStringLiteral("2026") << QStringLiteral("2025") << 1;
    QTest::newRow("same") << QStringLiteral("2026") << QStringLiteral("2026") << 0;
    QTest::newRow("numeric, not text") << QStringLiteral("987") << QStringLiteral("2026") << -1;
    QTest::newRow("text") << QStringLiteral("2026b") << QStringLiteral("2026a") << 1;
}

void TestCodeFileParser::compareVersions()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, sign);
    const int result = CodeFileParser::compareVersions(a, b);
    QCOMPARE((result > 0) - (result < 0), sign);
}

QTEST_GUILESS_MAIN(TestCodeFileParser)
#include "tst_codefileparser.moc"
