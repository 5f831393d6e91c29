#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "diagnosislinkseditor.h"

namespace {

QList<Ui::DiagnosisOption> options()
{
    return {{QStringLiteral("C-1"), QStringLiteral("M17.11"),
             QStringLiteral("Unilateral primary osteoarthritis, right knee")},
            {QStringLiteral("C-2"), QStringLiteral("M25.561"), QStringLiteral("Pain in right knee")},
            {QStringLiteral("C-3"), QStringLiteral("I10"), QStringLiteral("Essential hypertension")}};
}

} // namespace

class TestDiagnosisLinksEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Ui::DiagnosisLinksEditor> m_editor;

private Q_SLOTS:
    void init()
    {
        m_editor = std::make_unique<Ui::DiagnosisLinksEditor>();
        m_editor->setOptions(options(), QStringLiteral("none"));
        m_editor->show();
        QApplication::setActiveWindow(m_editor.get());
        QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
        m_editor->combo()->setFocus();
    }

    void cleanup() { m_editor.reset(); }

    void enterLinksAndOffersTheNext()
    {
        QSignalSpy changed(m_editor.get(), &Ui::DiagnosisLinksEditor::changed);
        QTest::keyClick(m_editor->combo(), Qt::Key_Return);
        QTest::keyClick(m_editor->combo(), Qt::Key_Return);
        QCOMPARE(m_editor->ids(), (QStringList{QStringLiteral("C-1"), QStringLiteral("C-2")}));
        QCOMPARE(changed.count(), 2);
        QCOMPARE(m_editor->combo()->currentIndex(), 2);
        // Code and name, never the internal id.
        QCOMPARE(m_editor->list()->item(0)->text(),
                 QStringLiteral("1.  M17.11 — Unilateral primary osteoarthritis, right knee"));
    }

    void listKeysReorderAndUnlink()
    {
        m_editor->setIds({QStringLiteral("C-1"), QStringLiteral("C-2"), QStringLiteral("C-3")});
        m_editor->focusRow(2);
        QCOMPARE(QApplication::focusWidget(), m_editor->list());
        QTest::keyClick(m_editor->list(), Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(m_editor->ids(),
                 (QStringList{QStringLiteral("C-1"), QStringLiteral("C-3"), QStringLiteral("C-2")}));
        QTest::keyClick(m_editor->list(), Qt::Key_Delete);
        QCOMPARE(m_editor->ids(), (QStringList{QStringLiteral("C-1"), QStringLiteral("C-2")}));
    }

    void theSameDiagnosesAreOfferedAgain()
    {
        QVERIFY(!m_editor->sameButton()->isVisibleTo(m_editor.get()));
        m_editor->offerSame({QStringLiteral("C-2"), QStringLiteral("C-3")});
        QVERIFY(m_editor->sameButton()->isVisibleTo(m_editor.get()));
        QVERIFY(m_editor->sameButton()->text().contains(QStringLiteral("Ctrl+D")));
        QVERIFY(m_editor->sameButton()->text().contains(QStringLiteral("M25.561, I10")));
        QSignalSpy changed(m_editor.get(), &Ui::DiagnosisLinksEditor::changed);
        QVERIFY(m_editor->linkSame());
        QCOMPARE(m_editor->ids(), (QStringList{QStringLiteral("C-2"), QStringLiteral("C-3")}));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!m_editor->sameButton()->isVisibleTo(m_editor.get()));
        QVERIFY(!m_editor->linkSame()); // nothing more to add
    }

    void rowsShowTheirFindings()
    {
        m_editor->setIds({QStringLiteral("C-1"), QStringLiteral("C-1")});
        m_editor->markRows(
            {{1, {{QStringLiteral("500036"), Model::Severity::Error, QString(), QStringLiteral("twice")}}}});
        QVERIFY(m_editor->list()->item(0)->toolTip().isEmpty());
        QCOMPARE(m_editor->list()->item(1)->toolTip(), QStringLiteral("500036: twice"));
    }
};

QTEST_MAIN(TestDiagnosisLinksEditor)
#include "tst_diagnosislinkseditor.moc"
