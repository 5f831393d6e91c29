#include <memory>

#include <QAbstractItemView>
#include <QAction>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include "catalog/codecatalog.h"
#include "codefield.h"
#include "windowshortcuts.h"

/**
 * The CPT code field on its own, in a small window with one shortcut and a second field: the
 * pop-up never fills the field by itself.
 */
class TestCodeField : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Catalog::CodeCatalog> m_catalog;
    std::unique_ptr<QWidget> m_window;
    Ui::CodeField *m_field = nullptr;
    QLineEdit *m_other = nullptr;
    QAction *m_find = nullptr;

    QLineEdit *edit() const { return m_field->lineEdit(); }
    QAbstractItemView *popup() const { return m_field->popup(); }

    /// A key as the window system delivers it: to the open pop-up, else to the focused field.
    void key(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *target = QApplication::activePopupWidget() ? QApplication::activePopupWidget()
                                                            : QApplication::focusWidget();
        QTest::keyClick(target, key, modifiers);
    }

private Q_SLOTS:
    void init()
    {
        m_catalog = std::make_unique<Catalog::CodeCatalog>();
        QVERIFY2(m_catalog->loadTrainingCatalog(), qPrintable(m_catalog->errorString()));
        QVERIFY(m_catalog->noteUsed(QStringLiteral("99212")));
        m_window = std::make_unique<QWidget>();
        auto *layout = new QVBoxLayout(m_window.get());
        m_field = new Ui::CodeField(m_window.get());
        m_field->setCatalog(m_catalog.get());
        m_other = new QLineEdit(m_window.get());
        m_other->setObjectName(QStringLiteral("otherEdit"));
        layout->addWidget(m_field);
        layout->addWidget(m_other);
        m_find = new QAction(m_window.get());
        m_find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
        m_window->addAction(m_find);
        connect(m_find, &QAction::triggered, m_other, [this] { m_other->setFocus(Qt::ShortcutFocusReason); });
        new Ui::WindowShortcuts(m_window.get());
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        edit()->setFocus();
    }

    void cleanup()
    {
        m_window.reset();
        m_catalog.reset();
    }

    void typingWordsOffersCodesAndEnterTakesTheBest()
    {
        QSignalSpy chosen(m_field, &Ui::CodeField::completionChosen);
        QTest::keyClicks(edit(), QStringLiteral("arthrocentesis major"));
        QTRY_VERIFY(popup()->isVisible());
        key(Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(m_field->code(), QStringLiteral("20610"));
        QCOMPARE(chosen.first().first().value<Catalog::CodeEntry>().display,
                 m_catalog->lookup(QStringLiteral("20610"))->display);
    }

    void anEmptiedFieldOpensNoListByItself()
    {
        // 99, Backspace twice: the field is empty again and nothing is offered until ↓.
        QTest::keyClicks(edit(), QStringLiteral("99"));
        key(Qt::Key_Backspace);
        key(Qt::Key_Backspace);
        QVERIFY(m_field->code().isEmpty());
        QVERIFY(!popup()->isVisible());
        key(Qt::Key_Tab);
        QVERIFY(m_field->code().isEmpty());
        edit()->setFocus();
        key(Qt::Key_Down);
        QTRY_VERIFY(popup()->isVisible());
        QVERIFY(popup()->model()->index(0, 0).data().toString().contains(QStringLiteral("99212")));
    }

    void aWindowShortcutClosesTheListAndRuns()
    {
        key(Qt::Key_Down);
        QTRY_VERIFY(popup()->isVisible());
        QSignalSpy chosen(m_field, &Ui::CodeField::completionChosen);
        key(Qt::Key_F, Qt::ControlModifier);
        QVERIFY(!popup()->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), m_other);
        key(Qt::Key_Tab);
        QCOMPARE(chosen.count(), 0);
        QVERIFY(m_field->code().isEmpty());
    }

    void theListClosesWhenTheFocusLeaves()
    {
        QTest::keyClicks(edit(), QStringLiteral("knee"));
        QTRY_VERIFY(popup()->isVisible());
        m_other->setFocus(Qt::OtherFocusReason);
        QVERIFY(!popup()->isVisible());
        QSignalSpy chosen(m_field, &Ui::CodeField::completionChosen);
        key(Qt::Key_Return);
        QCOMPARE(chosen.count(), 0);
        QCOMPARE(m_field->code(), QStringLiteral("knee"));
    }

    void ctrlBStarsTheCode()
    {
        QTest::keyClicks(edit(), QStringLiteral("99213"));
        QSignalSpy starred(m_field, &Ui::CodeField::favouriteChanged);
        key(Qt::Key_B, Qt::ControlModifier);
        QVERIFY(m_catalog->isFavourite(QStringLiteral("99213")));
        key(Qt::Key_B, Qt::ControlModifier);
        QVERIFY(!m_catalog->isFavourite(QStringLiteral("99213")));
        QCOMPARE(starred.count(), 2);
        // In the list, the highlighted code gets the star, and the list shows it at once.
        edit()->clear();
        key(Qt::Key_Down);
        QTRY_VERIFY(popup()->isVisible());
        key(Qt::Key_B, Qt::ControlModifier);
        QVERIFY(m_catalog->isFavourite(QStringLiteral("99212")));
        QVERIFY(popup()->model()->index(0, 0).data().toString().startsWith(QStringLiteral("★")));
    }

    void theHintFollowsTheText()
    {
        QTest::keyClicks(edit(), QStringLiteral("99213"));
        QVERIFY(m_field->hint().contains(QStringLiteral("Category I")));
        m_field->clear();
        QVERIFY(!m_field->hint().contains(QStringLiteral("Category I")));
        // Lower case is shown in the catalog's spelling.
        QTest::keyClicks(edit(), QStringLiteral("d0120"));
        QCOMPARE(m_field->code(), QStringLiteral("D0120"));
    }
};

QTEST_MAIN(TestCodeField)
#include "tst_codefield.moc"
