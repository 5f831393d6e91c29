#include <QTest>

#include "rules/codeclassifier.h"

using Rules::CodeClassifier;
using Rules::CodeKind;

Q_DECLARE_METATYPE(Rules::CodeKind)

class TestCodeClassifier : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
};

void TestCodeClassifier::classify_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<CodeKind>("kind");
    QTest::addColumn<bool>("isCpt");

    QTest::newRow("category I") << "20610" << CodeKind::CptCategoryI << true;
    QTest::newRow("E/M visit") << "99213" << CodeKind::CptCategoryI << true;
    QTest::newRow("below anesthesia range") << "00099" << CodeKind::CptCategoryI << true;
    QTest::newRow("anesthesia low end") << "00100" << CodeKind::CptAnesthesia << true;
    QTest::newRow("anesthesia") << "01402" << CodeKind::CptAnesthesia << true;
    QTest::newRow("anesthesia high end") << "01999" << CodeKind::CptAnesthesia << true;
    QTest::newRow("above anesthesia range") << "02000" << CodeKind::CptCategoryI << true;
    QTest::newRow("category II") << "3074F" << CodeKind::CptCategoryII << true;
    QTest::newRow("category III") << "0042T" << CodeKind::CptCategoryIII << true;
    QTest::newRow("PLA") << "0001U" << CodeKind::CptPla << true;
    QTest::newRow("dental") << "D0120" << CodeKind::CdtDental << false;
    QTest::newRow("HCPCS J") << "J1100" << CodeKind::HcpcsLevelII << false;
    QTest::newRow("HCPCS A") << "A0428" << CodeKind::HcpcsLevelII << false;
    QTest::newRow("HCPCS V") << "V2020" << CodeKind::HcpcsLevelII << false;
    QTest::newRow("W is not HCPCS") << "W1234" << CodeKind::Malformed << false;
    QTest::newRow("lower case suffix") << "3074f" << CodeKind::Malformed << false;
    QTest::newRow("lower case dental") << "d0120" << CodeKind::Malformed << false;
    QTest::newRow("other suffix") << "1234X" << CodeKind::Malformed << false;
    QTest::newRow("four digits") << "2061" << CodeKind::Malformed << false;
    QTest::newRow("six digits") << "206100" << CodeKind::Malformed << false;
    QTest::newRow("empty") << "" << CodeKind::Malformed << false;
    QTest::newRow("spaces") << "206 0" << CodeKind::Malformed << false;
    QTest::newRow("arabic-indic digits") << QString::fromUtf8("٢٠٦١٠") << CodeKind::Malformed << false;
}

void TestCodeClassifier::classify()
{
    QFETCH(QString, code);
    QFETCH(CodeKind, kind);
    QFETCH(bool, isCpt);

    QCOMPARE(CodeClassifier::classify(code), kind);
    QCOMPARE(CodeClassifier::isCpt(kind), isCpt);
    QVERIFY(!CodeClassifier::kindName(kind).isEmpty());
    QVERIFY(!CodeClassifier::describe(kind).isEmpty());
}

QTEST_GUILESS_MAIN(TestCodeClassifier)
#include "tst_codeclassifier.moc"
