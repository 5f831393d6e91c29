#include <QApplication>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QTest>
#include <QTextDocument>
#include <QUrl>

#include "svgicon.h"
#include "theme.h"

namespace {

/// How many pixels of the image are not fully transparent.
int drawnPixels(const QImage &image)
{
    int drawn = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            drawn += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
    }
    return drawn;
}

} // namespace

/// The app's icons: each SVG drawn from one parse, at every size, scale and mode, and in labels' text.
class TestSvgIcon : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Ui::applyTheme(*qApp); }

    void anIconIsDrawnAtTheSizeAndScaleAskedFor()
    {
        const QIcon icon = Ui::svgIcon(QStringLiteral(":/icons/error.svg"));
        QVERIFY(!icon.isNull());
        QCOMPARE(icon.actualSize(QSize(24, 24)), QSize(24, 24));
        const QPixmap small = icon.pixmap(QSize(16, 16));
        QCOMPARE(small.size(), QSize(16, 16));
        QVERIFY(drawnPixels(small.toImage()) > 16);
        const QPixmap sharp = icon.pixmap(QSize(16, 16), 2.0);
        QCOMPARE(sharp.size(), QSize(32, 32));
        QCOMPARE(sharp.devicePixelRatio(), 2.0);
        QVERIFY(drawnPixels(sharp.toImage()) > 3 * drawnPixels(small.toImage()));
    }

    void aCopyDrawsTheSameAndADisabledIconLooksDifferent()
    {
        const QIcon icon = Ui::svgIcon(QStringLiteral(":/icons/queue.svg"));
        const QIcon copy = icon; // Qt copies the engine when a copy is changed; drawing shares the parse
        const QImage normal = icon.pixmap(QSize(20, 20)).toImage();
        QCOMPARE(copy.pixmap(QSize(20, 20)).toImage(), normal);
        const QImage disabled = icon.pixmap(QSize(20, 20), QIcon::Disabled).toImage();
        QCOMPARE(disabled.size(), normal.size());
        QVERIFY(disabled != normal);
    }

    void aFileThatIsNotThereGivesANullIcon()
    {
        const QIcon missing = Ui::svgIcon(QStringLiteral(":/icons/no-such-icon.svg"));
        QVERIFY(missing.isNull());
        QVERIFY(missing.pixmap(QSize(16, 16)).isNull());
    }

    void anIconInALabelsTextIsDrawnFromItsIcon()
    {
        // iconText's <img> is answered by the app's icon at the text's size, not read from the file (an
        // image reader would give the SVG's own 24 pixels, or nothing).
        QLabel label(Ui::iconText(QStringLiteral(":/icons/queue.svg"), QStringLiteral("Queue")));
        label.adjustSize();
        auto *document = label.findChild<QTextDocument *>();
        QVERIFY(document);
        const QVariant image = document->resource(QTextDocument::ImageResource,
                                                  QUrl(QStringLiteral("appicon:/icons/queue.svg")));
        QCOMPARE(image.typeId(), QMetaType::QPixmap);
        const QPixmap pixmap = image.value<QPixmap>();
        QCOMPARE(pixmap.deviceIndependentSize().toSize(), QSize(12, 12));
        QVERIFY(drawnPixels(pixmap.toImage()) > 0);
        // Anything else is left to Qt.
        QVERIFY(!QTextDocument::defaultResourceProvider()(QUrl(QStringLiteral("https://example.org/a.png")))
                     .isValid());
    }
};

QTEST_MAIN(TestSvgIcon)
#include "tst_svgicon.moc"
