#include "roundedbox.h"

#include <algorithm>
#include <cmath>

#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>

namespace Ui {

namespace {

bool isOutlined(const QColor &border, int borderWidth)
{
    return border.isValid() && borderWidth > 0;
}

/// True when pieces drawn at whole device pixels land exactly where the whole shape's would.
bool canCompose(const QPainter *painter)
{
    const QTransform &transform = painter->worldTransform();
    const double ratio = painter->device()->devicePixelRatio();
    return transform.type() <= QTransform::TxTranslate && transform.dx() == std::floor(transform.dx()) &&
           transform.dy() == std::floor(transform.dy()) && ratio == std::floor(ratio) &&
           painter->opacity() == 1.0 && painter->compositionMode() == QPainter::CompositionMode_SourceOver;
}

/// A box of 2 * corner + 1 device-independent pixels a side, for its four corners.
QPixmap cornersOf(const QColor &fill, const QColor &border, int borderWidth, int radius, int corner,
                  int ratio)
{
    const QString key = QStringLiteral("Ui::roundedBox:%1:%2:%3:%4:%5:%6")
                            .arg(fill.isValid() ? fill.rgba() : 0, 0, 16)
                            .arg(isOutlined(border, borderWidth) ? border.rgba() : 0, 0, 16)
                            .arg(fill.isValid())
                            .arg(borderWidth)
                            .arg(radius)
                            .arg(ratio);
    QPixmap pixmap;
    if (QPixmapCache::find(key, &pixmap))
        return pixmap;
    const int side = 2 * corner + 1;
    pixmap = QPixmap(side * ratio, side * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintRoundedBoxWhole(&painter, QRect(0, 0, side, side), fill, border, borderWidth, radius);
    painter.end();
    QPixmapCache::insert(key, pixmap);
    return pixmap;
}

} // namespace

void paintRoundedBoxWhole(QPainter *painter, const QRect &rect, const QColor &fill, const QColor &border,
                          int borderWidth, int radius)
{
    const bool outlined = isOutlined(border, borderWidth);
    if (radius <= 0 && (!outlined || fill.isValid())) {
        // Plain rectangles: filled directly, with no antialiased edges to compute.
        if (outlined)
            painter->fillRect(rect, border);
        if (fill.isValid()) {
            const int inset = outlined ? borderWidth : 0;
            painter->fillRect(rect.adjusted(inset, inset, -inset, -inset), fill);
        }
        return;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    if (outlined && fill.isValid() && fill.alpha() == 255) {
        // The border's colour under the whole box, then the fill inside it: two fills, no stroke.
        painter->setBrush(border);
        painter->drawRoundedRect(QRectF(rect), radius, radius);
        const int innerRadius = std::max(0, radius - borderWidth);
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(rect).adjusted(borderWidth, borderWidth, -borderWidth, -borderWidth),
                                 innerRadius, innerRadius);
    } else {
        if (outlined)
            painter->setPen(QPen(border, borderWidth));
        painter->setBrush(fill.isValid() ? QBrush(fill) : QBrush());
        const double half = outlined ? borderWidth / 2.0 : 0;
        painter->drawRoundedRect(QRectF(rect).adjusted(half, half, -half, -half), radius - half,
                                 radius - half);
    }
    painter->restore();
}

void paintRoundedBox(QPainter *painter, const QRect &rect, const QColor &fill, const QColor &border,
                     int borderWidth, int radius)
{
    // Only a box with a plain fill has straight edges that are plain colours: border colour for
    // borderWidth pixels, then the fill. The corners' curves lie within this many pixels of the sides.
    const bool outlined = isOutlined(border, borderWidth);
    const int corner = std::max(radius, outlined ? borderWidth : 0) + 1;
    const bool plainEdges = fill.isValid() && (!outlined || fill.alpha() == 255);
    if (radius <= 0 || !plainEdges || rect.width() <= 2 * corner || rect.height() <= 2 * corner ||
        !canCompose(painter)) {
        paintRoundedBoxWhole(painter, rect, fill, border, borderWidth, radius);
        return;
    }
    const int ratio = int(painter->device()->devicePixelRatio());
    const QPixmap corners = cornersOf(fill, border, borderWidth, radius, corner, ratio);
    const int far = corner + 1; // where the pixmap's right and bottom corners begin
    const int right = rect.left() + rect.width() - corner;
    const int bottom = rect.top() + rect.height() - corner;
    const auto drawCorner = [&](int x, int y, int sourceX, int sourceY) {
        painter->drawPixmap(QRect(x, y, corner, corner), corners,
                            QRect(sourceX * ratio, sourceY * ratio, corner * ratio, corner * ratio));
    };
    drawCorner(rect.left(), rect.top(), 0, 0);
    drawCorner(right, rect.top(), far, 0);
    drawCorner(rect.left(), bottom, 0, far);
    drawCorner(right, bottom, far, far);
    const int edge = outlined ? borderWidth : 0;
    const int middleWidth = rect.width() - 2 * corner;
    const int middleHeight = rect.height() - 2 * corner;
    if (edge > 0) {
        painter->fillRect(QRect(rect.left() + corner, rect.top(), middleWidth, edge), border);
        painter->fillRect(QRect(rect.left() + corner, rect.bottom() + 1 - edge, middleWidth, edge), border);
        painter->fillRect(QRect(rect.left(), rect.top() + corner, edge, middleHeight), border);
        painter->fillRect(QRect(rect.right() + 1 - edge, rect.top() + corner, edge, middleHeight), border);
    }
    // The fill: a band across between the top and bottom corners, and the columns beside it.
    painter->fillRect(QRect(rect.left() + edge, rect.top() + corner, rect.width() - 2 * edge, middleHeight),
                      fill);
    painter->fillRect(QRect(rect.left() + corner, rect.top() + edge, middleWidth, corner - edge), fill);
    painter->fillRect(QRect(rect.left() + corner, bottom, middleWidth, corner - edge), fill);
}

} // namespace Ui
