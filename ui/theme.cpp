#include "theme.h"

#include <cmath>
#include <functional>
#include <optional>

#include <QApplication>
#include <QFont>
#include <QHash>
#include <QIconEngine>
#include <QLabel>
#include <QPalette>
#include <QPointer>
#include <QProxyStyle>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWidget>

namespace Ui {

namespace {

const char *const StyleSheet = R"(
QMainWindow, QDialog { background: #f3f5f8; }
QFrame[role="card"] { background: #ffffff; border: 1px solid #dde2e9; border-radius: 8px; }
QFrame[role="rule"] { color: #e6e9ee; background: #e6e9ee; max-height: 1px; border: none; }
QLabel[role="title"] { font-size: 12pt; font-weight: 600; color: #1c2430; }
QLabel[role="sectionTitle"] { font-size: 10.5pt; font-weight: 600; color: #1c2430; padding: 2px 0; }
QLabel[role="subtitle"] { color: #4a5563; }
QLabel[role="caption"] { color: #3d4756; }
QLabel[role="hint"] { color: #6b7482; }
QLabel[role="metric"] { color: #1c2430; font-weight: 600; }
QLabel[role="pill"] { border-radius: 9px; padding: 2px 10px; font-weight: 600; }
QLabel[role="pill"][state="open"] { background: #e3f3e8; color: #1f6b3a; }
QLabel[role="pill"][state="closed"] { background: #fbe4e2; color: #9c231b; }
QLabel[role="fieldMessage"] { padding: 1px 2px; }
QLabel[role="detail"] { background: #ffffff; border: 1px solid #dde2e9; border-radius: 6px; padding: 8px 10px; }
QFrame[role="notice"] { background: #fdf1ef; border: 1px solid #eec3be; border-radius: 6px; }
QFrame[role="notice"] QLabel { color: #6e1a13; }
QFrame[role="tips"] { background: #ffffff; border: 1px solid #dde2e9; border-radius: 8px; }
QFrame[role="tips"] QLabel { border: none; }
QLabel[role="fieldMessage"][severity="error"] { color: #a2261d; }
QLabel[role="fieldMessage"][severity="warning"] { color: #875000; }
QLabel[role="summary"] { color: #4a5563; font-weight: 600; }
QLabel[role="summary"][state="error"] { color: #a2261d; }
QLabel[role="summary"][state="warning"] { color: #875000; }
QLabel[role="summary"][state="ok"] { color: #1f6b3a; }
QLabel#trainingBannerLabel { background: #fff3cd; color: #5c4400; border-bottom: 1px solid #ecd48a;
    padding: 7px 12px; font-weight: 600; }
QLabel#trainingBannerLabel[behaviour="simulated"] { background: #ffe08a; border-bottom: 1px solid #d9a400; }
QLabel#keystrokeStripLabel { background: #1c2430; color: #ffffff; padding: 6px 14px; font-size: 15pt;
    font-weight: 600; }
QLabel#encounterLabel[finding="error"] { color: #a2261d; font-weight: 600; }

QLineEdit, QComboBox, QDateTimeEdit { min-height: 26px; padding: 1px 6px; border: 1px solid #c5ccd6;
    border-radius: 5px; background: #ffffff; selection-background-color: #cfe0fb; selection-color: #101820; }
QLineEdit:focus, QComboBox:focus, QDateTimeEdit:focus { border: 1px solid #2f6fd6; }
QSpinBox { min-height: 26px; }
QLineEdit[filled="true"] { background: #f6f8fb; color: #2a3340; }
QComboBox::drop-down, QDateTimeEdit::drop-down { border: none; width: 20px; }
*[finding="error"] { border: 1px solid #c8362b; background: #fff6f5; }
*[finding="warning"] { border: 1px solid #d08a00; background: #fffaf0; }
QListWidget, QListView, QTableView, QTreeView { border: 1px solid #d5dbe3; border-radius: 5px; background: #ffffff;
    alternate-background-color: #f8f9fb; selection-background-color: #dce8fc; selection-color: #101820; }
QTableView::item { padding: 0 6px; }
QListWidget:focus, QListView:focus, QTableView:focus, QTreeView:focus { border: 2px solid #2f6fd6;
    selection-background-color: #1d5fbf; selection-color: #ffffff; }
QListWidget[finding="error"] { border: 1px solid #c8362b; }
QHeaderView::section { background: #f3f5f8; color: #3d4756; border: none; border-bottom: 1px solid #d5dbe3;
    padding: 5px 8px; font-weight: 600; }
QPushButton { min-height: 28px; padding: 2px 14px; border: 1px solid #c5ccd6; border-radius: 5px; background: #ffffff; }
QPushButton:hover { background: #f2f5f9; }
QPushButton:focus { border: 1px solid #2f6fd6; }
QPushButton[role="primary"] { background: #1d5fbf; color: #ffffff; border: 1px solid #174f9f; font-weight: 600; }
QPushButton[role="primary"]:hover { background: #1a56ad; }
QPushButton[role="primary"]:focus { border: 2px solid #0c3575; }
QPushButton[role="danger"] { color: #a2261d; }
QToolButton { border: none; border-radius: 4px; padding: 3px; }
QToolButton:hover { background: #e8edf4; }
QTabWidget::pane { border: none; }
QTabBar::tab { padding: 6px 16px; border: none; color: #4a5563; }
QTabBar::tab:selected { color: #1d5fbf; border-bottom: 2px solid #1d5fbf; font-weight: 600; }
QStatusBar { background: #ffffff; border-top: 1px solid #dde2e9; color: #3d4756; }
QStatusBar QLabel { padding: 0 8px; }
QMenuBar { background: #ffffff; border-bottom: 1px solid #e3e7ed; }
QSplitter::handle { background: transparent; }
QFrame[role="superbillRow"] { border: 1px solid transparent; border-radius: 4px; }
QFrame[role="superbillRow"][current="true"] { background: #e8f0fd; border: 1px solid #b9cff5; }
QFrame[role="superbillRow"][finding="error"] { border: 1px solid #c8362b; background: #fff6f5; }
QFrame[role="superbillRow"][finding="warning"] { border: 1px solid #d08a00; background: #fffaf0; }
QFrame[role="superbillRow"][ticked="true"] QLabel#codeLabel { font-weight: 600; color: #1d5fbf; }
QFrame[role="superbillRow"][locked="true"] QLabel#codeLabel, QFrame[role="superbillRow"][locked="true"] QLabel#formLabel { color: #6b7482; }
QLabel[role="pointerBox"] { border: 1px solid #c5ccd6; border-radius: 4px; background: #ffffff; font-weight: 600;
    color: #1c2430; padding: 0 3px; }
QLabel[role="pointerBox"][implicit="true"] { color: #8a93a0; font-weight: normal; }
)";

const char *const HighContrastFocus = R"(
QLineEdit:focus, QComboBox:focus, QDateTimeEdit:focus, QPushButton:focus, QListView:focus, QListWidget:focus,
QTableView:focus, QToolButton:focus, QCheckBox:focus, QRadioButton:focus { border: 3px solid #e07b00; }
)";

QHash<QString, QIcon> *icons = nullptr;
double baseFontPoints = 0;

/// The style sheet with every pt and px size times scale; a 1px line stays at least 1px.
QString scaledStyleSheet(const QString &sheet, double scale)
{
    static const QRegularExpression size(QStringLiteral("(\\d+(?:\\.\\d+)?)(pt|px)"));
    QString scaled;
    qsizetype last = 0;
    for (auto it = size.globalMatch(sheet); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        scaled += QStringView(sheet).mid(last, match.capturedStart() - last);
        const double value =
            std::max(match.captured(1).toDouble() * scale, match.captured(1).toDouble() > 0 ? 1.0 : 0.0);
        scaled += QString::number(match.captured(2) == u"px" ? std::round(value) : value, 'g', 4) +
                  match.captured(2);
        last = match.capturedEnd();
    }
    return scaled + QStringView(sheet).mid(last);
}

/// An icon drawn from its files only when it is first painted or measured.
class DeferredIconEngine : public QIconEngine
{
public:
    explicit DeferredIconEngine(std::function<QIcon()> load)
        : m_load(std::move(load))
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        icon().paint(painter, rect, Qt::AlignCenter, mode, state);
    }
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().pixmap(size, mode, state);
    }
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        return icon().pixmap(size, scale, mode, state);
    }
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return icon().actualSize(size, mode, state);
    }
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override
    {
        return icon().availableSizes(mode, state);
    }
    bool isNull() override { return icon().isNull(); }
    QString key() const override { return QStringLiteral("deferred"); }
    QIconEngine *clone() const override { return new DeferredIconEngine(*this); }

private:
    const QIcon &icon()
    {
        if (m_load) {
            m_icon = m_load();
            m_load = nullptr;
        }
        return m_icon;
    }

    std::function<QIcon()> m_load;
    QIcon m_icon;
};

/// Fusion, with its standard icons (a line edit's clear button, the menu bar's overflow arrow) read
/// when first shown: the first frame shows none of them, and reading the first one loads every image
/// format plugin of the system, since Qt asks each of them before its own PNG reader.
class DeferredIconStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                       const QWidget *widget) const override
    {
        // The widget may be gone by the time the icon is drawn; of the option, the standard icons read
        // only what every option has (the direction).
        const QPointer<const QStyle> base(baseStyle());
        const QPointer<const QWidget> target(widget);
        const std::optional<QStyleOption> copied =
            option ? std::optional<QStyleOption>(*option) : std::nullopt;
        return QIcon(new DeferredIconEngine([base, target, copied, standardIcon] {
            return base ? base->standardIcon(standardIcon, copied ? &*copied : nullptr, target.data())
                        : QIcon();
        }));
    }
};

} // namespace

void applyTheme(QApplication &app)
{
    app.setStyle(new DeferredIconStyle(QStyleFactory::create(QStringLiteral("Fusion"))));
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0xf3, 0xf5, 0xf8));
    palette.setColor(QPalette::WindowText, QColor(0x1c, 0x24, 0x30));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf8, 0xf9, 0xfb));
    palette.setColor(QPalette::Text, QColor(0x1c, 0x24, 0x30));
    palette.setColor(QPalette::Button, Qt::white);
    palette.setColor(QPalette::ButtonText, QColor(0x1c, 0x24, 0x30));
    palette.setColor(QPalette::Highlight, QColor(0x1d, 0x5f, 0xbf));
    palette.setColor(QPalette::HighlightedText, Qt::white);
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
    app.setStyleSheet(QLatin1String(StyleSheet));
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
    // A widget styled by the sheet keeps the font it had when polished; the sheet's own size reaches all.
    QString sheet = QStringLiteral("QWidget { font-size: %1pt; }\n").arg(baseFontPoints, 0, 'g', 4) +
                    QLatin1String(StyleSheet);
    if (highContrastFocus)
        sheet += QLatin1String(HighContrastFocus);
    app.setStyleSheet(scaledStyleSheet(sheet, scale));
}

QString iconText(const QString &icon, const QString &text)
{
    return QStringLiteral(
               "<img src=\"%1\" width=\"12\" height=\"12\" style=\"vertical-align:middle\">&nbsp;%2")
        .arg(icon, text.toHtmlEscaped());
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
        it = icons->insert(path, QIcon(path));
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
