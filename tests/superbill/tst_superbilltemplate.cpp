#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "catalog/codecatalog.h"
#include "superbill/jsonlines.h"
#include "superbill/superbilltemplate.h"

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(SUPERBILL_TEST_DATA "/superbill/") + name;
}

QByteArray readFixture(const QString &name)
{
    QFile file(fixture(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

/// "FILE:LINE code" for each error, to compare whole lists at once.
QStringList placesAndCodes(const QList<Common::Error> &errors)
{
    QStringList list;
    for (const auto &error : errors)
        list << error.path.section(u':', -1) + u' ' + error.code;
    return list;
}

} // namespace

/// The superbill template format: reading, line numbers of every problem, the catalog checks,
/// the shipped training template, and keeping a template in the catalog's file.
class TestSuperbillTemplate : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalog::CodeCatalog> m_catalog;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_catalog = std::make_unique<Catalog::CodeCatalog>();
        QVERIFY(m_catalog->loadTrainingCatalog(m_dir->filePath(QStringLiteral("catalog.sqlite"))));
    }

    void goodTemplateIsRead()
    {
        const auto reading = Superbill::readTemplate(readFixture(QStringLiteral("small.json")),
                                                     QStringLiteral("small.json"), m_catalog->flagsLookup());
        QVERIFY2(reading.ok(), qPrintable(reading.errors.value(0).text()));
        const Superbill::SuperbillTemplate &superbill = *reading.superbill;
        QCOMPARE(superbill.name, QStringLiteral("Small clinic"));
        QCOMPARE(superbill.sections.size(), 2);
        QCOMPARE(superbill.sections.at(0).title, QStringLiteral("Visits"));
        QCOMPARE(superbill.codeCount(), 3);
        QCOMPARE(superbill.sections.at(0).codes.at(0),
                 (Superbill::TemplateCode{QStringLiteral("99213"), {}, {}, false}));
        QCOMPARE(superbill.sections.at(0).codes.at(1).label, QStringLiteral("Established, moderate"));
        const Superbill::TemplateCode *anesthesia = superbill.find(QStringLiteral("00400"));
        QVERIFY(anesthesia);
        QVERIFY(anesthesia->timeRequired);
        QCOMPARE(anesthesia->categoryCode, QStringLiteral("387713003"));
        QVERIFY(!superbill.find(QStringLiteral("99215")));
    }

    void writtenTemplateReadsBackTheSame()
    {
        const auto reading = Superbill::readTemplate(readFixture(QStringLiteral("small.json")),
                                                     QStringLiteral("small.json"), {});
        QVERIFY(reading.ok());
        const QByteArray written = reading.superbill->toJson();
        const auto again = Superbill::readTemplate(written, QStringLiteral("written.json"), {});
        QVERIFY2(again.ok(), written.constData());
        QCOMPARE(*again.superbill, *reading.superbill);
        // One code a line, code first, as a person edits it.
        QVERIFY2(
            written.contains("                {\"code\": \"99214\", \"label\": \"Established, moderate\"}"),
            written.constData());
    }

    void unknownInactiveDentalAndNonCptCodesAreRefusedWithTheirLines()
    {
        const QString file = fixture(QStringLiteral("bad-codes.json"));
        const auto reading = Superbill::readTemplate(readFixture(QStringLiteral("bad-codes.json")), file,
                                                     m_catalog->flagsLookup());
        QVERIFY(!reading.ok());
        QCOMPARE(placesAndCodes(reading.errors),
                 (QStringList{QStringLiteral("9 unknown-code"), QStringLiteral("10 inactive-code"),
                              QStringLiteral("11 dental-code"), QStringLiteral("14 dental-code"),
                              QStringLiteral("16 not-cpt"), QStringLiteral("17 duplicate-code"),
                              QStringLiteral("18 time-required")}));
        QCOMPARE(reading.errors.at(0).text(), file + QStringLiteral(":9: 12345 is not in the code catalog"));
        QVERIFY(reading.errors.at(1).message.contains(QStringLiteral("99201 is inactive")));
        QVERIFY(reading.errors.at(2).message.contains(QStringLiteral("500034")));
        QVERIFY(reading.errors.at(3).message.startsWith(QStringLiteral("70300 is a dental code")));
        QVERIFY(reading.errors.at(5).message.contains(QStringLiteral("first on line 8")));
    }

    void withoutACatalogOnlyTheFormIsChecked()
    {
        const auto reading = Superbill::readTemplate(readFixture(QStringLiteral("bad-codes.json")),
                                                     QStringLiteral("bad-codes.json"), {});
        // Dental by its form (D0120), HCPCS and the duplicate need no catalog.
        QCOMPARE(placesAndCodes(reading.errors),
                 (QStringList{QStringLiteral("11 dental-code"), QStringLiteral("16 not-cpt"),
                              QStringLiteral("17 duplicate-code")}));
    }

    void badFormatIsReportedWithLines()
    {
        const auto reading =
            Superbill::readTemplate(readFixture(QStringLiteral("bad-format.json")),
                                    QStringLiteral("bad-format.json"), m_catalog->flagsLookup());
        QVERIFY(!reading.ok());
        QCOMPARE(placesAndCodes(reading.errors),
                 (QStringList{QStringLiteral("4 template-format"), QStringLiteral("3 template-format"),
                              QStringLiteral("6 template-format"), QStringLiteral("7 template-format"),
                              QStringLiteral("12 template-format"), QStringLiteral("12 template-format"),
                              QStringLiteral("13 template-format")}));
        QVERIFY(reading.errors.at(0).message.contains(QStringLiteral("\"colour\"")));
        QVERIFY(reading.errors.at(4).message.contains(QStringLiteral("category 12345")));
    }

    void syntaxErrorNamesItsLine()
    {
        const auto reading = Superbill::readTemplate(readFixture(QStringLiteral("syntax.json")),
                                                     QStringLiteral("syntax.json"), {});
        QCOMPARE(reading.errors.size(), 1);
        QCOMPARE(reading.errors.at(0).path, QStringLiteral("syntax.json:5"));
        QCOMPARE(reading.errors.at(0).code, QStringLiteral("template-json"));
    }

    void notATemplate_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no format") << QByteArray(
            R"({"version": 1, "sections": [{"title": "A", "codes": ["99213"]}]})");
        QTest::newRow("no sections") << QByteArray(R"({"format": "superbill-template", "version": 1})");
        QTest::newRow("code not text") << QByteArray(
            R"({"format": "superbill-template", "version": 1, "sections": [{"title": "A", "codes": [{"code": 1}]}]})");
    }

    void notATemplate()
    {
        QFETCH(QByteArray, json);
        const auto reading = Superbill::readTemplate(json, QStringLiteral("x.json"), {});
        QVERIFY(!reading.ok());
        QVERIFY(reading.errors.constFirst().path.startsWith(QStringLiteral("x.json")));
    }

    void byteOrderMarkIsAccepted()
    {
        const auto reading = Superbill::readTemplate(
            "\xEF\xBB\xBF" + readFixture(QStringLiteral("small.json")), QStringLiteral("small.json"), {});
        QVERIFY(reading.ok());
    }

    void trainingTemplateFitsTheTrainingCatalog()
    {
        const Superbill::SuperbillTemplate training = Superbill::trainingTemplate();
        QVERIFY(training.codeCount() >= 35 && training.codeCount() <= 45);
        QCOMPARE(training.sections.constFirst().title, QStringLiteral("Office visits"));
        const auto checked =
            Superbill::readTemplate(training.toJson(), QStringLiteral("training"), m_catalog->flagsLookup());
        QVERIFY2(checked.ok(), qPrintable(checked.errors.value(0).text()));
    }

    void importKeepsTheTemplateInTheCatalogFile()
    {
        QCOMPARE(*Superbill::templateInUse(*m_catalog), Superbill::trainingTemplate());
        const auto imported = Superbill::importTemplate(*m_catalog, readFixture(QStringLiteral("small.json")),
                                                        QStringLiteral("small.json"));
        QVERIFY2(imported.ok(), qPrintable(imported.errors.value(0).text()));

        Catalog::CodeCatalog reopened;
        QVERIFY(reopened.loadTrainingCatalog(m_dir->filePath(QStringLiteral("catalog.sqlite"))));
        const auto inUse = Superbill::templateInUse(reopened);
        QVERIFY(inUse.ok());
        QCOMPARE(inUse->name, QStringLiteral("Small clinic"));
        QCOMPARE(*inUse, *imported.superbill);
        {
            // In the catalog database, as its own table.
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(m_dir->filePath(QStringLiteral("catalog.sqlite")));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT source FROM superbill_template")) && query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("small.json"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    }

    void refusedImportChangesNothing()
    {
        QVERIFY(Superbill::importTemplate(*m_catalog, readFixture(QStringLiteral("small.json")),
                                          QStringLiteral("small.json"))
                    .ok());
        const auto refused = Superbill::importTemplate(
            *m_catalog, readFixture(QStringLiteral("bad-codes.json")), QStringLiteral("bad-codes.json"));
        QVERIFY(!refused.ok());
        QCOMPARE(Superbill::templateInUse(*m_catalog)->name, QStringLiteral("Small clinic"));
    }

    void emptyCatalogRefusesAtOnce()
    {
        Catalog::CodeCatalog empty;
        QVERIFY(empty.open(m_dir->filePath(QStringLiteral("empty.sqlite"))));
        const auto refused = Superbill::importTemplate(empty, readFixture(QStringLiteral("small.json")),
                                                       QStringLiteral("small.json"));
        QCOMPARE(refused.errors.size(), 1);
        QCOMPARE(refused.errors.constFirst().code, QStringLiteral("catalog-empty"));
    }

    void jsonLinesFollowsNesting()
    {
        const QByteArray json =
            "{\n \"a\": [\n  1,\n  {\"b\": \"x\\\"y\",\n   \"c/d\": null}\n ],\n \"e\": true\n}";
        const Superbill::JsonLines lines(json);
        QCOMPARE(lines.lineOf(QString()), 1);
        QCOMPARE(lines.lineOf(QStringLiteral("/a")), 2);
        QCOMPARE(lines.lineOf(QStringLiteral("/a/0")), 3);
        QCOMPARE(lines.lineOf(QStringLiteral("/a/1")), 4);
        QCOMPARE(lines.lineOf(QStringLiteral("/a/1/b")), 4);
        QCOMPARE(lines.lineOf(QStringLiteral("/a/1/c~1d")), 5);
        QCOMPARE(lines.lineOf(QStringLiteral("/e")), 7);
        QCOMPARE(lines.lineOf(QStringLiteral("/missing")), 0);
    }
};

QTEST_GUILESS_MAIN(TestSuperbillTemplate)
#include "tst_superbilltemplate.moc"
