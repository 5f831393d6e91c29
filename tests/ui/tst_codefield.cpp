#include <cstdlib>
#include <memory>

#include <QAbstractItemView>
#include <QAction>
#include <QImage>
#include <QLineEdit>
#include <QPainter>
#include <QSignalSpy>
#include <QStyledItemDelegate>
#include <QTest>
#include <QVBoxLayout>

#include "catalog/codecatalog.h"
#include "codecompletionmodel.h"
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

    void aRowWithoutANoteIsPaintedAsTheStylePaintsIt()
    {
        // The list paints the rows' text itself (a description is elided once, not on every paint); a
        // row without a note must still look as the style paints an item: its text in the same place,
        // elided at the same length, and the same background and selection around it.
        QTest::keyClicks(edit(), QStringLiteral("2061"));
        QTRY_VERIFY(popup()->isVisible());
        QModelIndex plain;
        QModelIndex other;
        for (int row = 0; row < popup()->model()->rowCount(); ++row) {
            const QModelIndex index = popup()->model()->index(row, 0);
            QModelIndex &found =
                index.data(Ui::CodeCompletionModel::NoteRole).toString().isEmpty() && !plain.isValid()
                    ? plain
                    : other;
            found = index;
        }
        QVERIFY(plain.isValid() && other.isValid());
        QVERIFY(plain.data().toString().size() > 40);
        QAbstractItemDelegate *ours = popup()->itemDelegate();
        QStyledItemDelegate styled;
        // The row as the list paints it, with a delegate.
        const auto paint = [this, &plain](QAbstractItemDelegate *delegate) {
            popup()->setItemDelegate(delegate);
            return popup()->viewport()->grab(popup()->visualRect(plain)).toImage();
        };
        // Where the text is: what differs from the row's background at its right end.
        const auto ink = [](const QImage &image) {
            const QRgb background = image.pixel(image.width() - 2, image.height() / 2);
            QRect box;
            for (int y = 1; y < image.height() - 1; ++y) {
                for (int x = 1; x < image.width() - 2; ++x) {
                    if (image.pixel(x, y) != background)
                        box |= QRect(x, y, 1, 1);
                }
            }
            return box;
        };
        for (const int width : {popup()->width(), 200}) {
            popup()->resize(width, popup()->height());
            for (const bool current : {false, true}) {
                popup()->setCurrentIndex(current ? plain : other);
                const QImage oursImage = paint(ours);
                const QImage styledImage = paint(&styled);
                popup()->setItemDelegate(ours);
                const QRect oursText = ink(oursImage);
                const QRect styledText = ink(styledImage);
                const QString where = QStringLiteral("width %1, current %2: text at %3,%4 to %5,%6, the "
                                                     "style's at %7,%8 to %9,%10")
                                          .arg(width)
                                          .arg(current)
                                          .arg(oursText.left())
                                          .arg(oursText.top())
                                          .arg(oursText.right())
                                          .arg(oursText.bottom())
                                          .arg(styledText.left())
                                          .arg(styledText.top())
                                          .arg(styledText.right())
                                          .arg(styledText.bottom());
                QVERIFY2(styledText.width() > width / 2, qPrintable(where));
                const auto near = [](int a, int b) { return std::abs(a - b) <= 1; };
                QVERIFY2(near(oursText.left(), styledText.left()) &&
                             near(oursText.right(), styledText.right()) &&
                             near(oursText.top(), styledText.top()) &&
                             near(oursText.bottom(), styledText.bottom()),
                         qPrintable(where));
                // Around the text (background, selection): the same pixels.
                QImage oursAround = oursImage;
                QImage styledAround = styledImage;
                for (QImage *image : {&oursAround, &styledAround}) {
                    QPainter cover(image);
                    cover.fillRect(oursText.united(styledText).adjusted(-1, -1, 1, 1), Qt::black);
                }
                QVERIFY2(oursAround == styledAround, qPrintable(where));
            }
        }
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
