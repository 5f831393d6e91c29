#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QHash>
#include <QLabel>
#include <QPalette>
#include <QStyle>
#include <QTextDocument>
#include <QUrl>
#include <QWidget>

#include "appstyle.h"
#include "svgicon.h"

namespace Ui {

namespace {

QHash<QString, QIcon> *icons = nullptr;
double baseFontPoints = 0;
/// The size of an icon in a label's text (iconText), in design pixels.
constexpr int TextIconSize = 12;

/// The scheme of an app icon in a label's text (iconText): "appicon:/icons/queue.svg" is
/// ":/icons/queue.svg". No file has that name, so the text document asks textIcon for it instead of
/// reading the file with QImageReader, which parses the SVG again for each label and, the first time,
/// asks every image format plugin of the system.
const QString TextIconScheme = QStringLiteral("appicon");

QVariant textIcon(const QUrl &url)
{
    if (url.scheme() != TextIconScheme)
        return {};
    return cachedIcon(u':' + url.path()).pixmap(QSize(TextIconSize, TextIconSize), qApp->devicePixelRatio());
}

} // namespace

void applyTheme(QApplication &app)
{
    app.setStyle(new AppStyle);
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xf3, 0xf5, 0xf8));
    palette.setColor(QPalette::WindowText, QColor(0x1c, 0x24, 0x30));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf8, 0xf9, 0xfb));
    palette.setColor(QPalette::Text, QColor(0x1c, 0x24, 0x30));
    palette.setColor(QPalette::Button, Qt::white);
    palette.setColor(QPalette::ButtonText, QColor(0x1c, 0x24, 0x30));
    // Selected text in fields; lists show their own selection (AppStyle).
    palette.setColor(QPalette::Highlight, QColor(0xcf, 0xe0, 0xfb));
    palette.setColor(QPalette::HighlightedText, QColor(0x10, 0x18, 0x20));
    palette.setColor(QPalette::ToolTipBase, QColor(0x1c, 0x24, 0x30));
    palette.setColor(QPalette::ToolTipText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x93, 0xa0));
    palette.setColor(QPalette::Link, QColor(0x1d, 0x5f, 0xbf));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9a, 0xa2, 0xad));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9a, 0xa2, 0xad));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9a, 0xa2, 0xad));
    app.setPalette(palette);
    QFont font = app.font();
    if (font.pointSizeF() < 10)
        font.setPointSizeF(10);
    app.setFont(font);
    baseFontPoints = font.pointSizeF();
}

QLabel *makeHintLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setProperty("role", QStringLiteral("hint"));
    return label;
}

void applyThemeScale(QApplication &app, double scale, bool highContrastFocus)
{
    if (baseFontPoints <= 0)
        baseFontPoints = app.font().pointSizeF() > 0 ? app.font().pointSizeF() : 10;
    QFont font = app.font();
    font.setPointSizeF(baseFontPoints * scale);
    app.setFont(font);
    auto *style = qobject_cast<AppStyle *>(app.style());
    if (!style) {
        style = new AppStyle;
        app.setStyle(style);
    }
    style->setScale(scale, highContrastFocus);
}

QString iconText(const QString &icon, const QString &text)
{
    // Its addresses need the provider, wherever the text is shown.
    [[maybe_unused]] static const bool provided = [] {
        QTextDocument::setDefaultResourceProvider(textIcon);
        return true;
    }();
    return QStringLiteral(
               "<img src=\"%1\" width=\"%2\" height=\"%2\" style=\"vertical-align:middle\">&nbsp;%3")
        .arg(TextIconScheme + icon, QString::number(TextIconSize), text.toHtmlEscaped());
}

QIcon cachedIcon(const QString &path)
{
    if (!icons) {
        icons = new QHash<QString, QIcon>;
        // Dropped with the application, not after it: icons hold pixmaps.
        qAddPostRoutine([] {
            delete icons;
            icons = nullptr;
        });
    }
    auto it = icons->constFind(path);
    if (it == icons->cend())
        it = icons->insert(path, svgIcon(path));
    return *it;
}

void setStyleProperties(QWidget *widget, std::initializer_list<std::pair<const char *, QVariant>> properties)
{
    bool changed = false;
    for (const auto &[name, value] : properties) {
        if (widget->property(name) != value) {
            widget->setProperty(name, value);
            changed = true;
        }
    }
    // A widget not polished yet takes its properties when it is first polished (shown or measured):
    // polishing it now as well would do that work twice.
    if (!changed || !widget->testAttribute(Qt::WA_WState_Polished))
        return;
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

} // namespace Ui
