#include <QTest>

#include "catalog/codecatalog.h"
#include "labelledqueries.h"

/// The code search on the training catalog, measured against queries written the way clerks and
/// clinicians type them (tests/data/catalog/search-queries*.csv): each names the codes that belong
/// in the first three results.
class TestSearchQuality : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void labelledSet_data();
    void labelledSet();

private:
    Catalog::CodeCatalog m_catalog;
};

void TestSearchQuality::initTestCase()
{
    QVERIFY2(m_catalog.loadTrainingCatalog(), qPrintable(m_catalog.errorString()));
}

void TestSearchQuality::labelledSet_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("atLeastAtThree");
    // The set written with the vocabulary, and the one written after it and never tuned for.
    QTest::newRow("search-queries") << QStringLiteral("search-queries.csv") << 90.0;
    QTest::newRow("held-out") << QStringLiteral("search-queries-holdout.csv") << 85.0;
}

void TestSearchQuality::labelledSet()
{
    QFETCH(QString, file);
    QFETCH(double, atLeastAtThree);
    const QList<LabelledQuery> queries =
        readLabelledQueries(QStringLiteral(SUPERBILL_TEST_DATA "/catalog/") + file);
    QVERIFY2(queries.size() >= 30, qPrintable(file));
    const HitRate rate = measureHitRate(m_catalog, queries);
    for (const QString &miss : rate.misses)
        qInfo("miss: %s", qPrintable(miss));
    qInfo("%s: %d queries, hit rate at 1: %.1f%%, at 3: %.1f%%", qPrintable(file), rate.queries,
          rate.percentAtOne(), rate.percentAtThree());
    QVERIFY2(rate.percentAtThree() >= atLeastAtThree,
             qPrintable(QStringLiteral("%1%% at 3").arg(rate.percentAtThree(), 0, 'f', 1)));
}

QTEST_GUILESS_MAIN(TestSearchQuality)
#include "tst_searchquality.moc"
