#include <QTest>
#include <QTimeZone>

#include "../common/findingtext.h"
#include "catalog/codecatalog.h"
#include "rules/validator.h"

using Model::ProcedureEntry;

namespace {

const QTimeZone Chicago("America/Chicago");

QDateTime chicago(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, 14), QTime(hour, minute), Chicago);
}

// A valid line for code; the display comes from the catalog, as the form fills it.
ProcedureEntry lineFor(const Catalog::CodeCatalog &catalog, const QString &code)
{
    ProcedureEntry entry;
    entry.status = QStringLiteral("completed");
    const auto found = catalog.lookup(code);
    entry.code = {QLatin1String(Model::Systems::Cpt), found ? found->version : QString(), code,
                  found ? found->display : QStringLiteral("Procedure")};
    entry.subject = Model::Reference::to(QStringLiteral("Patient"), QStringLiteral("Patient-265"));
    entry.encounter = Model::Reference::to(QStringLiteral("Encounter"), QStringLiteral("Encounter-805"));
    entry.performedDateTime = chicago(10);
    entry.recordedDate = chicago(10, 5);
    return entry;
}

bool has(const Model::Findings &findings, const char *code, const char *path)
{
    return std::any_of(findings.cbegin(), findings.cend(), [&](const Model::Finding &f) {
        return f.code == QLatin1String(code) && f.path == QLatin1String(path) && f.isError();
    });
}

} // namespace

/// The catalog's flags reach the shared Validator through ValidationContext::codeFlags.
class TestCatalogRules : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void plainCodeIsValid();
    void catalogFlaggedDentalCodeIsRefused_data();
    void catalogFlaggedDentalCodeIsRefused();
    void catalogFlaggedAnesthesiaCodeNeedsAPeriod_data();
    void catalogFlaggedAnesthesiaCodeNeedsAPeriod();
    void periodSatisfiesCatalogFlaggedAnesthesia();
    void inactiveCodeIsAWarning();
    void practiceFlagFromAnImportIsUsed();

private:
    Rules::ValidationContext context() const
    {
        Rules::ValidationContext context;
        context.codeFlags = m_catalog->flagsLookup();
        return context;
    }

    std::unique_ptr<Catalog::CodeCatalog> m_catalog;
};

void TestCatalogRules::init()
{
    m_catalog = std::make_unique<Catalog::CodeCatalog>();
    QVERIFY2(m_catalog->loadTrainingCatalog(), qPrintable(m_catalog->errorString()));
}

void TestCatalogRules::plainCodeIsValid()
{
    const auto findings = Rules::Validator::check(lineFor(*m_catalog, QStringLiteral("20610")), context());
    QVERIFY2(findings.isEmpty(), qPrintable(describeFindings(findings)));
}

void TestCatalogRules::catalogFlaggedDentalCodeIsRefused_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("41899, a CPT code the practice flags dental") << QStringLiteral("41899");
    QTest::newRow("70300, a CPT code the practice flags dental") << QStringLiteral("70300");
}

void TestCatalogRules::catalogFlaggedDentalCodeIsRefused()
{
    QFETCH(QString, code);
    const ProcedureEntry entry = lineFor(*m_catalog, code);
    QVERIFY(m_catalog->lookup(code)->flags.dental);
    QCOMPARE(Rules::CodeClassifier::classify(code), Rules::CodeKind::CptCategoryI);

    // Without the catalog the form of the code says nothing is wrong ...
    const auto withoutCatalog = Rules::Validator::check(entry);
    QVERIFY2(withoutCatalog.isEmpty(), qPrintable(describeFindings(withoutCatalog)));
    // ... with it, the EHR's dental rule applies.
    const auto findings = Rules::Validator::check(entry, context());
    QVERIFY2(has(findings, "500034", "Procedure.code.coding[0].code"),
             qPrintable(describeFindings(findings)));
}

void TestCatalogRules::catalogFlaggedAnesthesiaCodeNeedsAPeriod_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("99152, sedation flagged anesthesia") << QStringLiteral("99152");
    QTest::newRow("99153, add-on flagged anesthesia") << QStringLiteral("99153");
}

void TestCatalogRules::catalogFlaggedAnesthesiaCodeNeedsAPeriod()
{
    QFETCH(QString, code);
    const ProcedureEntry entry = lineFor(*m_catalog, code);
    QVERIFY(m_catalog->lookup(code)->flags.anesthesia);

    QVERIFY(!Rules::Validator::needsPeriod(entry));
    QVERIFY(Rules::Validator::needsPeriod(entry, context()));
    const auto findings = Rules::Validator::check(entry, context());
    QVERIFY2(has(findings, "500032", "Procedure.performedPeriod"), qPrintable(describeFindings(findings)));
    QVERIFY2(!has(Rules::Validator::check(entry), "500032", "Procedure.performedPeriod"),
             "without the catalog the code is not anesthesia");
}

void TestCatalogRules::periodSatisfiesCatalogFlaggedAnesthesia()
{
    ProcedureEntry entry = lineFor(*m_catalog, QStringLiteral("99152"));
    entry.performedDateTime = {};
    entry.performedPeriod = {chicago(10), chicago(10, 40)};
    entry.recordedDate = chicago(11);
    const auto findings = Rules::Validator::check(entry, context());
    QVERIFY2(!Model::hasErrors(findings), qPrintable(describeFindings(findings)));
}

void TestCatalogRules::inactiveCodeIsAWarning()
{
    const auto findings = Rules::Validator::check(lineFor(*m_catalog, QStringLiteral("99201")), context());
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.constFirst().code, QStringLiteral("SBD006"));
    QVERIFY(!findings.constFirst().isError());
}

void TestCatalogRules::practiceFlagFromAnImportIsUsed()
{
    const Rules::CodeFlagsLookup lookup = m_catalog->flagsLookup();
    const ProcedureEntry entry = lineFor(*m_catalog, QStringLiteral("20610"));
    Rules::ValidationContext ctx;
    ctx.codeFlags = lookup;
    QVERIFY(Rules::Validator::check(entry, ctx).isEmpty());

    const auto report = m_catalog->importData(QByteArray("code,display,version,dental\n"
                                                         "20610,Joint injection,2026,yes\n"),
                                              QStringLiteral("practice.csv"));
    QVERIFY(!report.refused && !report.hasErrors());
    // The same lookup, handed out before the import, sees the new flag.
    QVERIFY(has(Rules::Validator::check(entry, ctx), "500034", "Procedure.code.coding[0].code"));
}

QTEST_GUILESS_MAIN(TestCatalogRules)
#include "tst_catalogrules.moc"
