#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "../common/processrun.h"
#include "superbill/superbilltemplate.h"

/// superbill-cli template import|export, run as a user would.
class TestTemplateCli : public QObject
{
    Q_OBJECT

private:
    ProcessRun run(const QStringList &arguments)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("HOME"), m_dir->path());
        environment.remove(QStringLiteral("SUPERBILL_CATALOG_DB"));
        return runProgram(QStringLiteral(SUPERBILL_CLI), arguments, environment, {}, 30000);
    }
    QString db() const { return m_dir->filePath(QStringLiteral("catalog.sqlite")); }
    QString fixture(const QString &name) const
    {
        return QStringLiteral(SUPERBILL_TEST_DATA "/superbill/") + name;
    }

    void importTrainingCodes()
    {
        const ProcessRun codes =
            run({QStringLiteral("codes"), QStringLiteral("import"),
                 QStringLiteral(SUPERBILL_SOURCE_DIR "/resources/catalog/training-catalog.csv"),
                 QStringLiteral("--db"), db()});
        QCOMPARE(codes.exitCode, 0);
    }

    std::unique_ptr<QTemporaryDir> m_dir;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void exportWritesTheTrainingTemplateUntilOneIsImported()
    {
        const QString out = m_dir->filePath(QStringLiteral("out.json"));
        const ProcessRun result =
            run({QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("--out"), out});
        QCOMPARE(result.exitCode, 0);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto reading = Superbill::readTemplate(file.readAll(), out, {});
        QVERIFY(reading.ok());
        QCOMPARE(*reading.superbill, Superbill::trainingTemplate());
    }

    void importThenExport()
    {
        importTrainingCodes();
        const ProcessRun imported =
            run({QStringLiteral("template"), QStringLiteral("import"), fixture(QStringLiteral("small.json")),
                 QStringLiteral("--db"), db()});
        QCOMPARE(imported.exitCode, 0);
        QVERIFY2(imported.out.contains(QStringLiteral("2 sections, 3 codes")), qPrintable(imported.out));
        const ProcessRun exported =
            run({QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("--out"),
                 QStringLiteral("-"), QStringLiteral("--db"), db()});
        QCOMPARE(exported.exitCode, 0);
        const auto reading = Superbill::readTemplate(exported.out.toUtf8(), QStringLiteral("stdout"), {});
        QVERIFY(reading.ok());
        QCOMPARE(reading.superbill->name, QStringLiteral("Small clinic"));
    }

    void refusedCodesAreNamedByLine()
    {
        importTrainingCodes();
        const QString file = fixture(QStringLiteral("bad-codes.json"));
        const ProcessRun result =
            run({QStringLiteral("template"), QStringLiteral("import"), file, QStringLiteral("--db"), db()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(file + QStringLiteral(":9: 12345 is not in the code catalog")),
                 qPrintable(result.err));
        QVERIFY(result.err.contains(file + QStringLiteral(":10: 99201 is inactive")));
        QVERIFY(result.err.contains(file + QStringLiteral(":11: D0120 is a dental code")));
        QVERIFY(result.err.contains(QStringLiteral("not imported (7 problems)")));
        // Nothing was stored: the training template is still the one in use.
        const ProcessRun exported =
            run({QStringLiteral("template"), QStringLiteral("export"), QStringLiteral("--out"),
                 QStringLiteral("-"), QStringLiteral("--db"), db()});
        QVERIFY(exported.out.contains(QStringLiteral("Lakeside Family Clinic (training)")));
    }

    void importNeedsACatalog()
    {
        const ProcessRun result = run({QStringLiteral("template"), QStringLiteral("import"),
                                       fixture(QStringLiteral("small.json")), QStringLiteral("--db"), db()});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(QStringLiteral("codes import")));
        QVERIFY(!QFile::exists(db()));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no action") << QStringList{QStringLiteral("template")};
        QTest::newRow("unknown action")
            << QStringList{QStringLiteral("template"), QStringLiteral("frobnicate")};
        QTest::newRow("import without file")
            << QStringList{QStringLiteral("template"), QStringLiteral("import")};
        QTest::newRow("export without --out")
            << QStringList{QStringLiteral("template"), QStringLiteral("export")};
        QTest::newRow("unreadable file") << QStringList{QStringLiteral("template"), QStringLiteral("import"),
                                                        QStringLiteral("/nonexistent/t.json")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QCOMPARE(run(arguments).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestTemplateCli)
#include "tst_templatecli.moc"
