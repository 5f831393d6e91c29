#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

#include "appstyle.h"
#include "theme.h"

/// The look the style draws from the properties widgets set, checked on the pixels drawn and the
/// fonts, colours and sizes the widgets end up with.
class TestAppStyle : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QWidget> m_window;
    QVBoxLayout *m_layout = nullptr;

    template<typename W>
    W *add(W *widget)
    {
        m_layout->addWidget(widget);
        return widget;
    }

    void showWindow()
    {
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    static QColor leftBorder(QWidget *widget)
    {
        return widget->grab().toImage().pixelColor(0, widget->height() / 2);
    }
    static QColor middle(QWidget *widget)
    {
        return widget->grab().toImage().pixelColor(widget->width() - 4, widget->height() / 2);
    }

private slots:
    void initTestCase() { Ui::applyTheme(*qApp); }

    void init()
    {
        m_window = std::make_unique<QWidget>();
        m_layout = new QVBoxLayout(m_window.get());
    }

    void cleanup() { m_window.reset(); }

    void aFieldShowsItsFindingInItsBorderAndFill()
    {
        auto *plain = add(new QLineEdit);
        auto *marked = add(new QLineEdit);
        auto *warned = add(new QLineEdit);
        auto *elsewhere = add(new QPushButton(QStringLiteral("Elsewhere")));
        showWindow();
        elsewhere->setFocus();
        QTRY_VERIFY(elsewhere->hasFocus());
        Ui::setStyleProperty(marked, "finding", QStringLiteral("error"));
        Ui::setStyleProperty(warned, "finding", QStringLiteral("warning"));
        QCOMPARE(leftBorder(plain), QColor(0xc5, 0xcc, 0xd6));
        QCOMPARE(middle(plain), QColor(Qt::white));
        QCOMPARE(leftBorder(marked), QColor(0xc8, 0x36, 0x2b));
        QCOMPARE(middle(marked), QColor(0xff, 0xf6, 0xf5));
        QCOMPARE(leftBorder(warned), QColor(0xd0, 0x8a, 0x00));

        // Fixed: back to the plain look.
        Ui::setStyleProperty(marked, "finding", QString());
        QCOMPARE(leftBorder(marked), QColor(0xc5, 0xcc, 0xd6));
        QCOMPARE(middle(marked), QColor(Qt::white));
    }

    void theFocusedFieldHasABlueBorder()
    {
        auto *first = add(new QLineEdit);
        auto *second = add(new QLineEdit);
        showWindow();
        second->setFocus();
        QTRY_VERIFY(second->hasFocus());
        QCOMPARE(leftBorder(second), QColor(0x2f, 0x6f, 0xd6));
        QCOMPARE(leftBorder(first), QColor(0xc5, 0xcc, 0xd6));
    }

    void aTitleIsLargerAndBoldUntilItsRoleChanges()
    {
        auto *plain = add(new QLabel(QStringLiteral("Plain")));
        auto *title = new QLabel(QStringLiteral("Title"));
        title->setProperty("role", QStringLiteral("title"));
        add(title);
        showWindow();
        QCOMPARE(title->font().weight(), QFont::DemiBold);
        QCOMPARE(title->font().pointSizeF(), 12.0);
        QCOMPARE(plain->font().weight(), QFont::Normal);

        Ui::setStyleProperty(title, "role", QStringLiteral("hint"));
        QCOMPARE(title->font(), plain->font());
        QCOMPARE(title->palette().color(QPalette::WindowText), QColor(0x6b, 0x74, 0x82));
    }

    void aFontTheCodeSetIsKept()
    {
        auto *label = new QLabel(QStringLiteral("Ctrl+F"));
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
        add(label);
        showWindow();
        QVERIFY(label->font().bold());
        Ui::setStyleProperty(label, "role", QStringLiteral("caption"));
        QVERIFY(label->font().bold());
    }

    void thePrimaryButtonIsBlueWithWhiteText()
    {
        auto *button = new QPushButton(QStringLiteral("Submit"));
        button->setProperty("role", QStringLiteral("primary"));
        add(button);
        auto *other = add(new QPushButton(QStringLiteral("New")));
        showWindow();
        QCOMPARE(middle(button), QColor(0x1d, 0x5f, 0xbf));
        QCOMPARE(button->palette().color(QPalette::ButtonText), QColor(Qt::white));
        QCOMPARE(middle(other), QColor(Qt::white));
    }

    void aListShowsItsSelectionStronglyOnlyWithTheKeyboard()
    {
        auto *list = add(new QListWidget);
        list->addItems({QStringLiteral("one"), QStringLiteral("two")});
        list->setCurrentRow(1);
        auto *field = add(new QLineEdit);
        showWindow();
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        QCOMPARE(list->palette().color(QPalette::Highlight), QColor(0xdc, 0xe8, 0xfc));
        list->setFocus();
        QTRY_VERIFY(list->hasFocus());
        QCOMPARE(list->palette().color(QPalette::Highlight), QColor(0x1d, 0x5f, 0xbf));
        QCOMPARE(list->palette().color(QPalette::HighlightedText), QColor(Qt::white));
    }

    void aScaleGrowsEverySizeAndShrinksBack()
    {
        auto *field = add(new QLineEdit);
        auto *pill = new QLabel(QStringLiteral("Open"));
        pill->setProperty("role", QStringLiteral("pill"));
        add(pill);
        showWindow();
        auto *style = qobject_cast<Ui::AppStyle *>(QApplication::style());
        QVERIFY(style);
        const int height = field->sizeHint().height();
        QVERIFY2(height >= 26 + 4, qPrintable(QString::number(height)));
        QCOMPARE(pill->contentsMargins().left(), 10);

        style->setScale(2, false);
        QVERIFY2(field->sizeHint().height() >= 2 * (26 + 4),
                 qPrintable(QString::number(field->sizeHint().height())));
        QCOMPARE(pill->contentsMargins().left(), 20);
        style->setScale(1, false);
        QCOMPARE(field->sizeHint().height(), height);
        QCOMPARE(pill->contentsMargins().left(), 10);
    }
};

QTEST_MAIN(TestAppStyle)
#include "tst_appstyle.moc"
