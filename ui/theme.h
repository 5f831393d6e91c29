#pragma once

#include <initializer_list>
#include <utility>

#include <QIcon>
#include <QVariant>

class QApplication;
class QLabel;
class QWidget;

namespace Ui {

/**
 * The application's look: AppStyle (Fusion, drawing cards, captions, field markers and the training
 * banner) with a light, calm palette. Widgets only set a "role" or "finding" property; the colours
 * live in AppStyle.
 */
void applyTheme(QApplication &app);
/// The same look at another size: fonts and the style's sizes times scale (1 = as designed), for
/// a projector; highContrastFocus draws a thick amber frame around the focused field so a class can follow.
void applyThemeScale(QApplication &app, double scale, bool highContrastFocus);

/// Sets properties the style draws by ("finding", "severity", "state" ...) and re-polishes the
/// widget once, only when a value changed: a re-polish recomputes the widget's whole style.
void setStyleProperties(QWidget *widget, std::initializer_list<std::pair<const char *, QVariant>> properties);
/// The icon of a resource file (":/icons/error.svg"), made once and read when first drawn. Models hand
/// out icons on every paint; a new QIcon would draw its SVG again each time, since Qt caches the drawn
/// pixmaps per QIcon. Every icon of the app's own comes from here.
QIcon cachedIcon(const QString &path);

/// A small grey label for a hint beside a field (the offset of a time, the kind of a code).
QLabel *makeHintLabel(const QString &objectName, QWidget *parent);

/// Rich text: a 12 px icon, then the text (escaped), for status labels and the banner.
QString iconText(const QString &icon, const QString &text);

inline void setStyleProperty(QWidget *widget, const char *name, const QVariant &value)
{
    setStyleProperties(widget, {{name, value}});
}

} // namespace Ui
