#include <QIcon>
#include <QTest>

#include "findingsmodel.h"

class TestFindingsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorsComeFirstWithTheirField()
    {
        Ui::FindingsModel model;
        model.setFindings({
            {QStringLiteral("SBD001"), Model::Severity::Warning,
             QStringLiteral("Procedure.performedDateTime"), QStringLiteral("In the future")},
            {QStringLiteral("500036"), Model::Severity::Error,
             QStringLiteral("Procedure.reasonReference[1].reference"), QStringLiteral("Linked twice")},
        });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.errorCount(), 1);
        QCOMPARE(model.warningCount(), 1);
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(Ui::FindingsModel::CodeRole).toString(), QStringLiteral("500036"));
        QCOMPARE(first.data(Ui::FindingsModel::NameRole).toString(), QStringLiteral("DUPLICATE_ICD"));
        QCOMPARE(first.data(Ui::FindingsModel::FieldRole).toInt(), int(Ui::FormField::Diagnoses));
        QCOMPARE(first.data(Ui::FindingsModel::DiagnosisIndexRole).toInt(), 1);
        QCOMPARE(model.index(1).data(Ui::FindingsModel::FieldRole).toInt(), int(Ui::FormField::Performed));
        QVERIFY(!first.data(Qt::AccessibleTextRole).toString().isEmpty());
    }

    void controlCharactersFromTheEhrAreShownEscaped()
    {
        Ui::FindingsModel model;
        model.setFindings(
            {{QStringLiteral("500\x1b[2J"), Model::Severity::Error, QStringLiteral("Procedure.code"),
              QString(QStringLiteral("Refused\r\nby ") + QChar(0) + QStringLiteral("\x1b]0;x\x07"))}});
        const QModelIndex index = model.index(0);
        QCOMPARE(index.data(Ui::FindingsModel::MessageRole).toString(),
                 QStringLiteral("Refused\\x0d\\x0aby \\x00\\x1b]0;x\\x07"));
        QCOMPARE(index.data(Ui::FindingsModel::CodeRole).toString(), QStringLiteral("500\\x1b[2J"));
        for (const int role : {int(Qt::DisplayRole), int(Qt::AccessibleTextRole)}) {
            const QString text = index.data(role).toString();
            QVERIFY2(!text.contains(QChar(0x1b)) && !text.contains(QChar(0)) && !text.contains(u'\r'),
                     qPrintable(text));
        }
    }

    void iconsAreMadeOncePerFile()
    {
        // A view asks for the icon on every paint; a new QIcon each time would draw its SVG again.
        Ui::FindingsModel model;
        model.setFindings({{QStringLiteral("500036"), Model::Severity::Error, QString(), QString()},
                           {QStringLiteral("500034"), Model::Severity::Error, QString(), QString()}});
        const auto icon = [&model](int row) {
            return model.index(row).data(Qt::DecorationRole).value<QIcon>();
        };
        QVERIFY(!icon(0).isNull());
        QCOMPARE(icon(0).cacheKey(), icon(0).cacheKey());
        QCOMPARE(icon(0).cacheKey(), icon(1).cacheKey());
    }
};

QTEST_MAIN(TestFindingsModel)
#include "tst_findingsmodel.moc"
