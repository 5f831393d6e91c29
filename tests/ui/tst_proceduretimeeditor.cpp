#include <QDateTimeEdit>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include "proceduretimeeditor.h"
#include "zoneddatetimeedit.h"

namespace {

const QTimeZone Chicago("America/Chicago");

QDateTime chicago(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 3, 14), QTime(hour, minute), Chicago);
}

} // namespace

class TestProcedureTimeEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Ui::ProcedureTimeEditor> m_editor;

    QLabel *label(const char *name) const { return m_editor->findChild<QLabel *>(QLatin1String(name)); }

private Q_SLOTS:
    void init()
    {
        m_editor = std::make_unique<Ui::ProcedureTimeEditor>();
        m_editor->setZone(Chicago);
        m_editor->reset(chicago(9));
        m_editor->show();
        QApplication::setActiveWindow(m_editor.get());
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
        // Each test tabs into the field it types in, as a person does.
        if (QWidget *focus = QApplication::focusWidget())
            focus->clearFocus();
    }

    void cleanup() { m_editor.reset(); }

    void aSingleTimeWithItsOffset()
    {
        QVERIFY(m_editor->performedEdit()->isVisible());
        QVERIFY(!m_editor->startEdit()->isVisible());
        QCOMPARE(m_editor->caption()->text(), QStringLiteral("&Performed"));
        QCOMPARE(label("performedOffsetLabel")->text(), QStringLiteral("\u221205:00 CDT"));
        QSignalSpy edited(m_editor.get(), &Ui::ProcedureTimeEditor::edited);
        m_editor->performedEdit()->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(m_editor->performedEdit(), QStringLiteral("1030"));
        QCOMPARE(m_editor->performed(), chicago(10, 30));
        QVERIFY(edited.count() >= 1);
        QCOMPARE(edited.last().first().value<Ui::FormField>(), Ui::FormField::Performed);
    }

    void anesthesiaStartsAtTheTimeGivenAndCountsMinutes()
    {
        m_editor->performedEdit()->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(m_editor->performedEdit(), QStringLiteral("0945"));
        m_editor->setPeriodMode(true);
        QVERIFY(m_editor->startEdit()->isVisible());
        QVERIFY(!m_editor->performedEdit()->isVisible());
        QCOMPARE(m_editor->caption()->text(), QStringLiteral("Anesthesia"));
        QCOMPARE(m_editor->periodStart(), chicago(9, 45));
        QCOMPARE(m_editor->periodEnd(), chicago(9, 45));
        m_editor->endEdit()->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(m_editor->endEdit(), QStringLiteral("1100"));
        QCOMPARE(label("anesthesiaMinutesLabel")->text(), QStringLiteral("75 min"));
        QVERIFY(label("anesthesiaUnitsLabel")->text().contains(QStringLiteral("5 time units")));
        m_editor->setUnitMinutes(10);
        QVERIFY(label("anesthesiaUnitsLabel")->text().contains(QStringLiteral("8 time units")));
        // Back to a single time and again to anesthesia: what the person set stays.
        m_editor->setPeriodMode(false);
        m_editor->setPeriodMode(true);
        QCOMPARE(m_editor->periodEnd(), chicago(11));
    }

    void aWholeDateAndTimeTypedAtOnce_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QDateTime>("value");
        QTest::newRow("iso") << "2026-03-13 16:45" << chicago(16, 45).addDays(-1);
        QTest::newRow("digits") << "20260312 0905" << chicago(9, 5).addDays(-2);
        QTest::newRow("month and day") << "0312 0905" << chicago(9, 5).addDays(-2);
        QTest::newRow("day first") << "12/03/2026 07:10" << chicago(7, 10).addDays(-2);
        QTest::newRow("hour and minute only") << "1030" << chicago(10, 30);
    }

    void aWholeDateAndTimeTypedAtOnce()
    {
        QFETCH(QString, typed);
        QFETCH(QDateTime, value);
        m_editor->performedEdit()->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(m_editor->performedEdit(), typed);
        QCOMPARE(m_editor->performed(), value);
    }

    void loadingAndResettingSayNothing()
    {
        QSignalSpy edited(m_editor.get(), &Ui::ProcedureTimeEditor::edited);
        m_editor->load(QDateTime(), chicago(8), chicago(8, 30));
        QCOMPARE(m_editor->periodStart(), chicago(8));
        QCOMPARE(m_editor->periodEnd(), chicago(8, 30));
        m_editor->reset(chicago(12));
        QCOMPARE(m_editor->periodStart(), chicago(12));
        m_editor->setZone(QTimeZone("America/New_York"));
        QCOMPARE(edited.count(), 0);
        // The instant is kept; the wall clock follows the zone.
        QCOMPARE(m_editor->performed().toUTC(), chicago(12).toUTC());
    }
};

QTEST_MAIN(TestProcedureTimeEditor)
#include "tst_proceduretimeeditor.moc"
