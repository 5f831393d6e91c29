#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "rules/errorcatalog.h"

using Rules::ErrorCatalog;
using Rules::ErrorClass;

Q_DECLARE_METATYPE(Rules::ErrorClass)

class TestErrorCatalog : public QObject
{
    Q_OBJECT

private slots:
    void knowsEveryCodeOfTheVendorPage();
    void classes_data();
    void classes();
    void codesListedTwiceKeepBothMeanings();
    void unknownCodeIsStillReadable();
    void describeNamesCodeAndMessage();
};

void TestErrorCatalog::knowsEveryCodeOfTheVendorPage()
{
    // tests/data/vendor holds the vendor's page verbatim; it lists each code at the start of a line, followed
    // by its name.
    QFile page(QStringLiteral(SUPERBILL_TEST_DATA "/vendor/ims-procedure-api.txt"));
    QVERIFY2(page.open(QIODevice::ReadOnly), qPrintable(page.errorString()));
    const QRegularExpression codeLine(QStringLiteral("^(\\d{6}|[A-Za-z]+\\d{3,4}) \\S"));
    QSet<QString> pageCodes;
    const QStringList lines = QString::fromUtf8(page.readAll()).split(u'\n');
    for (const QString &line : lines) {
        const auto match = codeLine.match(line);
        if (match.hasMatch())
            pageCodes.insert(match.captured(1));
    }
    QVERIFY(pageCodes.size() > 100);
    const ErrorCatalog &catalog = ErrorCatalog::instance();
    for (const QString &code : std::as_const(pageCodes)) {
        QVERIFY2(catalog.contains(code), qPrintable(code));
        QVERIFY(!catalog.lookup(code).message.isEmpty());
    }
    QCOMPARE(catalog.ehrCodes().size(), 111); // 108 codes, three of them listed twice
}

void TestErrorCatalog::classes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<ErrorClass>("errorClass");

    QTest::newRow("validation failed") << "500001"
                                       << "VALIDATION_FAILED" << ErrorClass::NeedsCorrection;
    QTest::newRow("duplicate record") << "500002"
                                      << "DUPLICATE_RECORD" << ErrorClass::AlreadyRecorded;
    QTest::newRow("insert failed") << "500003"
                                   << "INSERT_FAILED" << ErrorClass::Retry;
    QTest::newRow("dependency failure") << "500008"
                                        << "DEPENDENCY_FAILURE" << ErrorClass::Retry;
    QTest::newRow("signed off") << "500009"
                                << "ENCOUNTER_SIGNED_OFF" << ErrorClass::NeedsCorrection;
    QTest::newRow("anesthesia") << "500032"
                                << "ANESTHETIC_PERIOD_REQUIRED" << ErrorClass::NeedsCorrection;
    QTest::newRow("dental") << "500034"
                            << "DENTAL_CPT_NOT_ALLOWED" << ErrorClass::NeedsCorrection;
    QTest::newRow("duplicate icd is a correction") << "500036"
                                                   << "DUPLICATE_ICD" << ErrorClass::NeedsCorrection;
    QTest::newRow("procedure code") << "PRO001"
                                    << "Invalid procedure code" << ErrorClass::NeedsCorrection;
    QTest::newRow("missing status") << "GEN011"
                                    << "Missing Procedure Status" << ErrorClass::NeedsCorrection;
    QTest::newRow("appointment") << "APPT0016"
                                 << "Missing provider or location" << ErrorClass::NeedsCorrection;
    QTest::newRow("org mixed case") << "OrgINS004"
                                    << "Carrier code duplicated" << ErrorClass::AlreadyRecorded;
    QTest::newRow("app warning") << "SBD001"
                                 << "PERFORMED_IN_FUTURE" << ErrorClass::Warning;
}

void TestErrorCatalog::classes()
{
    QFETCH(QString, code);
    QFETCH(QString, name);
    QFETCH(ErrorClass, errorClass);

    const Rules::ErrorInfo info = ErrorCatalog::instance().lookup(code);
    QVERIFY(info.known);
    QCOMPARE(info.name, name);
    QCOMPARE(info.errorClass, errorClass);
}

void TestErrorCatalog::codesListedTwiceKeepBothMeanings()
{
    const auto meanings = ErrorCatalog::instance().meanings(QStringLiteral("CON003"));
    QCOMPARE(meanings.size(), 2);
    QCOMPARE(meanings.at(0).name, QStringLiteral("Invalid diagnosis code"));
    QCOMPARE(meanings.at(1).name, QStringLiteral("Invalid bodySite coding"));
    QCOMPARE(ErrorCatalog::instance().lookup(QStringLiteral("CON003")).name,
             QStringLiteral("Invalid diagnosis code"));
}

void TestErrorCatalog::unknownCodeIsStillReadable()
{
    const Rules::ErrorInfo info = ErrorCatalog::instance().lookup(QStringLiteral("XYZ999"));
    QVERIFY(!info.known);
    QVERIFY(info.message.contains(QStringLiteral("XYZ999")));
    QCOMPARE(info.errorClass, ErrorClass::NeedsCorrection);
    QVERIFY(!ErrorCatalog::instance().lookup(QString()).message.isEmpty());
}

void TestErrorCatalog::describeNamesCodeAndMessage()
{
    QCOMPARE(
        ErrorCatalog::instance().describe(QStringLiteral("500029")),
        QStringLiteral("500029 INVALID_PERIOD_RANGE: Start date time cannot be greater than end date time."));
}

QTEST_GUILESS_MAIN(TestErrorCatalog)
#include "tst_errorcatalog.moc"
