#include <algorithm>
#include <cstdlib>
#include <functional>

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QTest>

#include "roundedbox.h"

namespace {

struct Box
{
    QColor fill;
    QColor border;
    int borderWidth = 0;
    int radius = 0;
};

/// The box drawn on a white image of the given device pixel ratio, at (offset, offset) after the
/// painter is moved by translate, as one shape or from its pieces.
QImage drawn(const Box &box, const QSize &size, int ratio, bool whole, const QPoint &translate = {})
{
    QImage image(QSize(size.width() + 8, size.height() + 8) * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.translate(translate);
    const QRect rect(QPoint(4, 4) - translate, size);
    if (whole)
        Ui::paintRoundedBoxWhole(&painter, rect, box.fill, box.border, box.borderWidth, box.radius);
    else
        Ui::paintRoundedBox(&painter, rect, box.fill, box.border, box.borderWidth, box.radius);
    painter.end();
    return image;
}

/// The largest difference of one colour channel between the two images, and where it is.
struct Difference
{
    int largest = 0;
    QPoint at;
    QByteArray text() const
    {
        return QStringLiteral("%1 levels at (%2, %3)").arg(largest).arg(at.x()).arg(at.y()).toLatin1();
    }
};

Difference differenceOf(const QImage &expected, const QImage &actual)
{
    Difference difference;
    for (int y = 0; y < expected.height(); ++y) {
        for (int x = 0; x < expected.width(); ++x) {
            const QRgb a = expected.pixel(x, y);
            const QRgb b = actual.pixel(x, y);
            const int largest = std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                          std::abs(qBlue(a) - qBlue(b)), std::abs(qAlpha(a) - qAlpha(b))});
            if (largest > difference.largest)
                difference = {largest, QPoint(x, y)};
        }
    }
    return difference;
}

} // namespace

/// The app style's rounded boxes (fields, buttons, cards) are put together from cached corners;
/// they must look exactly like the one antialiased shape they replace.
class TestRoundedBox : public QObject
{
    Q_OBJECT

private slots:
    void piecesAddUpToTheWholeShape_data()
    {
        QTest::addColumn<QColor>("fill");
        QTest::addColumn<QColor>("border");
        QTest::addColumn<int>("borderWidth");
        QTest::addColumn<int>("radius");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("ratio");
        const QColor fill(0xf6, 0xf8, 0xfa);
        const QColor border(0x8c, 0x95, 0x9f);
        QTest::newRow("field") << fill << border << 1 << 5 << QSize(180, 30) << 1;
        QTest::newRow("field at 2x") << fill << border << 1 << 5 << QSize(180, 30) << 2;
        QTest::newRow("focused field") << fill << QColor(0x0b, 0x5c, 0xad) << 2 << 5 << QSize(260, 30) << 1;
        QTest::newRow("wide border") << fill << border << 3 << 4 << QSize(40, 40) << 1;
        QTest::newRow("border wider than the radius") << fill << border << 6 << 2 << QSize(50, 50) << 1;
        QTest::newRow("card") << QColor(Qt::white) << border << 1 << 8 << QSize(783, 709) << 1;
        QTest::newRow("fill only") << fill << QColor() << 0 << 4 << QSize(120, 24) << 1;
        QTest::newRow("outline only") << QColor() << QColor(Qt::black) << 3 << 4 << QSize(64, 28) << 1;
        QTest::newRow("translucent fill")
            << QColor(11, 92, 173, 60) << border << 1 << 5 << QSize(90, 30) << 1;
        QTest::newRow("smallest composed") << fill << border << 1 << 5 << QSize(13, 13) << 1;
        QTest::newRow("too small to compose") << fill << border << 1 << 5 << QSize(12, 30) << 1;
        QTest::newRow("odd size at 3x") << fill << border << 1 << 5 << QSize(37, 23) << 3;
    }

    void piecesAddUpToTheWholeShape()
    {
        QFETCH(QColor, fill);
        QFETCH(QColor, border);
        QFETCH(int, borderWidth);
        QFETCH(int, radius);
        QFETCH(QSize, size);
        QFETCH(int, ratio);
        const Box box{fill, border, borderWidth, radius};
        // The rasteriser's antialiasing depends a little on where the painter's origin is: the same
        // shape at the same pixels differs by this much between two origins. The pieces (drawn at
        // the origin of their pixmap) may differ from the whole shape by no more than that, and one
        // level more where they are translucent: the pixmap stores premultiplied colours.
        const QList<QPoint> origins = {QPoint(), QPoint(3, 7), QPoint(-2, 5)};
        int ownVariation = 0;
        for (const QPoint &origin : origins) {
            ownVariation = std::max(
                ownVariation,
                differenceOf(drawn(box, size, ratio, true), drawn(box, size, ratio, true, origin)).largest);
        }
        for (const QPoint &origin : origins) {
            const Difference difference =
                differenceOf(drawn(box, size, ratio, true, origin), drawn(box, size, ratio, false, origin));
            const QByteArray message = difference.text() + " against " + QByteArray::number(ownVariation) +
                                       " between the whole shape's origins";
            QVERIFY2(difference.largest <= ownVariation + 1, message.constData());
        }
    }

    void theBoxIsActuallyDrawn()
    {
        // A box that drew nothing would equal a whole shape that also drew nothing.
        const QImage image = drawn({QColor(Qt::red), QColor(Qt::blue), 1, 5}, QSize(100, 40), 1, false);
        QCOMPARE(image.pixelColor(4 + 50, 4 + 20), QColor(Qt::red));
        QCOMPARE(image.pixelColor(4 + 50, 4), QColor(Qt::blue));
        QCOMPARE(image.pixelColor(4, 4), QColor(Qt::white)); // outside the rounded corner
        QCOMPARE(image.pixelColor(4, 4 + 20), QColor(Qt::blue));
    }

    void aScaledOrFadedPainterGetsTheWholeShape()
    {
        const Box box{QColor(0xf6, 0xf8, 0xfa), QColor(0x8c, 0x95, 0x9f), 1, 5};
        for (const auto &prepare :
             {std::function<void(QPainter &)>([](QPainter &p) { p.scale(1.5, 1.5); }),
              std::function<void(QPainter &)>([](QPainter &p) { p.setOpacity(0.5); }),
              std::function<void(QPainter &)>([](QPainter &p) { p.translate(0.5, 0); })}) {
            QImage whole(120, 60, QImage::Format_ARGB32_Premultiplied);
            whole.fill(Qt::white);
            QImage pieces = whole;
            for (auto [image, composed] : {std::pair{&whole, false}, std::pair{&pieces, true}}) {
                QPainter painter(image);
                prepare(painter);
                const QRect rect(4, 4, 70, 30);
                if (composed)
                    Ui::paintRoundedBox(&painter, rect, box.fill, box.border, box.borderWidth, box.radius);
                else
                    Ui::paintRoundedBoxWhole(&painter, rect, box.fill, box.border, box.borderWidth,
                                             box.radius);
            }
            QVERIFY2(whole == pieces, differenceOf(whole, pieces).text().constData());
        }
    }
};

QTEST_MAIN(TestRoundedBox)
#include "tst_roundedbox.moc"
