#include <memory>

#include <QLabel>
#include <QTest>
#include <QVBoxLayout>

#include "wrappedlabel.h"

namespace {

const QString Short = QStringLiteral("Code 20610 needs a diagnosis.");
const QString Long =
    QStringLiteral("<b>Code 20610</b> needs a diagnosis linked to it: pick one of the encounter's "
                   "diagnoses in the list below, or add the diagnosis to the encounter in the EHR first, "
                   "then come back to this line and link it.");

/// The height a plain QLabel with the same settings gives: what the remembered heights must match.
int plainHeight(const QLabel &like, int width)
{
    QLabel plain;
    plain.setWordWrap(true);
    plain.setTextFormat(like.textFormat());
    plain.setFont(like.font());
    plain.setText(like.text());
    return plain.heightForWidth(width);
}

/// A plain QLabel with the same settings and text, to compare the remembered size hints with.
std::unique_ptr<QLabel> plainLike(const QLabel &like)
{
    auto plain = std::make_unique<QLabel>();
    plain->setWordWrap(true);
    plain->setTextFormat(like.textFormat());
    plain->setFont(like.font());
    plain->setText(like.text());
    return plain;
}

} // namespace

class TestWrappedLabel : public QObject
{
    Q_OBJECT

private slots:
    void givesQLabelsHeightForEveryWidth()
    {
        Ui::WrappedLabel label;
        QVERIFY(label.wordWrap());
        label.setTextFormat(Qt::RichText);
        label.setText(Long);
        // More widths than it remembers, each asked twice, as layouts do.
        for (const int width : {120, 200, 320, 480, 640, 120, 200, 320, 480, 640}) {
            QCOMPARE(label.heightForWidth(width), plainHeight(label, width));
            QCOMPARE(label.heightForWidth(width), plainHeight(label, width));
        }
    }

    void newTextIsMeasuredAgain()
    {
        Ui::WrappedLabel label;
        label.setTextFormat(Qt::RichText);
        label.setText(Short);
        const int oneLine = label.heightForWidth(200);
        label.setText(Long);
        QVERIFY(label.heightForWidth(200) > oneLine);
        QCOMPARE(label.heightForWidth(200), plainHeight(label, 200));
        label.setText(Short);
        QCOMPARE(label.heightForWidth(200), oneLine);
    }

    void sizeHintsFollowTheTextBackAndForth()
    {
        Ui::WrappedLabel label;
        label.setTextFormat(Qt::RichText);
        const auto plain = plainLike(label); // shown the same texts, measuring each afresh
        // More texts than it remembers, and back to each of them.
        const QStringList texts = {Short,
                                   Long,
                                   QString(),
                                   QStringLiteral("Ready to submit"),
                                   QStringLiteral("CPT Category I"),
                                   Short,
                                   Long,
                                   QString(),
                                   Short};
        for (const QString &text : texts) {
            label.setText(text);
            plain->setText(text);
            QCOMPARE(label.sizeHint(), plain->sizeHint());
            QCOMPARE(label.minimumSizeHint(), plain->minimumSizeHint());
            QCOMPARE(label.heightForWidth(240), plain->heightForWidth(240));
        }
        label.setText(Short);
        const QSize shortHint = label.sizeHint();
        label.setText(Long);
        QVERIFY(label.sizeHint() != shortHint);
    }

    void newFontIsMeasuredAgain()
    {
        Ui::WrappedLabel label;
        label.setText(Long);
        const int before = label.heightForWidth(300);
        QFont larger = label.font();
        larger.setPointSizeF(larger.pointSizeF() * 2);
        label.setFont(larger);
        QVERIFY(label.heightForWidth(300) > before);
        QCOMPARE(label.heightForWidth(300), plainHeight(label, 300));
    }

    void layoutGivesItTheHeightOfItsText()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *label = new Ui::WrappedLabel(&window);
        label->setText(Short);
        layout->addWidget(label);
        layout->addStretch(1);
        window.resize(260, 400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const int shortHeight = label->height();
        label->setText(Long);
        QTRY_VERIFY(label->height() > shortHeight);
        QCOMPARE(label->height(), plainHeight(*label, label->width()));
    }
};

QTEST_MAIN(TestWrappedLabel)
#include "tst_wrappedlabel.moc"
