#pragma once

#include <QColor>
#include <QRect>

class QPainter;

namespace Ui {

/**
 * Fills and outlines rect (a widget's whole rect) with a rounded box whose border lies inside it;
 * an invalid fill or border colour leaves it out. Radius and border width are in device-independent
 * pixels. A box with a plain fill, on a plain painter (whole-pixel translation, integral device
 * pixel ratio, full opacity), is put together from its corners, drawn once into a small cached
 * pixmap, and rectangles of plain colour for its straight edges and middle: the rasteriser
 * otherwise antialiases the whole shape at every repaint, however little of it the repaint's clip
 * leaves (submitting a line repainted the form's card and ten fields: 9% of its instructions).
 */
void paintRoundedBox(QPainter *painter, const QRect &rect, const QColor &fill, const QColor &border,
                     int borderWidth, int radius);

/// The same box drawn as one antialiased shape: what paintRoundedBox's pieces add up to.
void paintRoundedBoxWhole(QPainter *painter, const QRect &rect, const QColor &fill, const QColor &border,
                          int borderWidth, int radius);

} // namespace Ui
