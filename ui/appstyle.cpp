#include "appstyle.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPainter>
#include <QPushButton>
#include <QStatusBar>
#include <QStyleFactory>
#include <QStyleOption>
#include <QTabBar>
#include <QTableView>
#include <QToolButton>

#include "deferredicon.h"
#include "roundedbox.h"

namespace Ui {

namespace {

namespace Colour {
const QColor Ink(0x1c, 0x24, 0x30);
const QColor Body(0x4a, 0x55, 0x63);
const QColor Caption(0x3d, 0x47, 0x56);
const QColor Hint(0x6b, 0x74, 0x82);
const QColor Faint(0x8a, 0x93, 0xa0);
const QColor CardBorder(0xdd, 0xe2, 0xe9);
const QColor Rule(0xe6, 0xe9, 0xee);
const QColor FieldBorder(0xc5, 0xcc, 0xd6);
const QColor ViewBorder(0xd5, 0xdb, 0xe3);
const QColor Focus(0x2f, 0x6f, 0xd6);
const QColor HighContrastFocus(0xe0, 0x7b, 0x00);
const QColor Accent(0x1d, 0x5f, 0xbf);
const QColor AccentHover(0x1a, 0x56, 0xad);
const QColor AccentPressed(0x17, 0x4f, 0x9f);
const QColor AccentFocus(0x0c, 0x35, 0x75);
const QColor AccentDisabled(0x9d, 0xb8, 0xe2);
const QColor ButtonHover(0xf2, 0xf5, 0xf9);
const QColor ButtonPressed(0xe4, 0xe9, 0xf0);
const QColor ToolHover(0xe8, 0xed, 0xf4);
const QColor ToolPressed(0xd8, 0xe0, 0xeb);
const QColor Window(0xf3, 0xf5, 0xf8);
const QColor Filled(0xf6, 0xf8, 0xfb);
const QColor FilledText(0x2a, 0x33, 0x40);
const QColor SelectionText(0x10, 0x18, 0x20);
const QColor SoftSelection(0xdc, 0xe8, 0xfc);
const QColor ErrorText(0xa2, 0x26, 0x1d);
const QColor ErrorBorder(0xc8, 0x36, 0x2b);
const QColor ErrorFill(0xff, 0xf6, 0xf5);
const QColor WarningText(0x87, 0x50, 0x00);
const QColor WarningBorder(0xd0, 0x8a, 0x00);
const QColor WarningFill(0xff, 0xfa, 0xf0);
const QColor OkText(0x1f, 0x6b, 0x3a);
const QColor OpenFill(0xe3, 0xf3, 0xe8);
const QColor ClosedFill(0xfb, 0xe4, 0xe2);
const QColor ClosedText(0x9c, 0x23, 0x1b);
const QColor NoticeFill(0xfd, 0xf1, 0xef);
const QColor NoticeBorder(0xee, 0xc3, 0xbe);
const QColor NoticeText(0x6e, 0x1a, 0x13);
const QColor BannerFill(0xff, 0xf3, 0xcd);
const QColor BannerText(0x5c, 0x44, 0x00);
const QColor BannerBorder(0xec, 0xd4, 0x8a);
const QColor SimulatedFill(0xff, 0xe0, 0x8a);
const QColor SimulatedBorder(0xd9, 0xa4, 0x00);
const QColor CurrentRowFill(0xe8, 0xf0, 0xfd);
const QColor CurrentRowBorder(0xb9, 0xcf, 0xf5);
const QColor MenuRule(0xe3, 0xe7, 0xed);
} // namespace Colour

/// What of a widget's look the style set, so that unpolish gives back only that.
enum Owned : int
{
    OwnsFont = 1,
    OwnsPalette = 2,
    OwnsMargins = 4,
    OwnsMaximumHeight = 8,
};
const char *const OwnedProperty = "_appStyleOwns";

QString text(const QWidget *widget, const char *name)
{
    return widget ? widget->property(name).toString() : QString();
}

bool is(const QWidget *widget, const char *name, const char *value)
{
    return widget && widget->property(name).toString() == QLatin1String(value);
}

/// A field's finding ("error", "warning" or none).
QString findingOf(const QWidget *widget)
{
    return text(widget, "finding");
}

/// A rounded box behind a frame or label, in design pixels.
struct Box
{
    QColor fill;
    QColor border;
    double radius = 0;
    bool bottomBorderOnly = false;
};

std::optional<Box> boxOf(const QWidget *widget)
{
    if (!widget)
        return std::nullopt;
    const QString role = text(widget, "role");
    const QString finding = findingOf(widget);
    const auto findingBox = [&finding](double radius) -> std::optional<Box> {
        if (finding == u"error")
            return Box{Colour::ErrorFill, Colour::ErrorBorder, radius};
        if (finding == u"warning")
            return Box{Colour::WarningFill, Colour::WarningBorder, radius};
        return std::nullopt;
    };
    if (role == u"superbillRow") {
        if (auto marked = findingBox(4))
            return marked;
        if (widget->property("current").toBool())
            return Box{Colour::CurrentRowFill, Colour::CurrentRowBorder, 4};
        return std::nullopt;
    }
    if (auto marked = findingBox(0))
        return marked;
    if (role == u"card" || role == u"tips")
        return Box{Qt::white, Colour::CardBorder, 8};
    if (role == u"rule")
        return Box{Colour::Rule, QColor(), 0};
    if (role == u"notice")
        return Box{Colour::NoticeFill, Colour::NoticeBorder, 6};
    if (role == u"detail")
        return Box{Qt::white, Colour::CardBorder, 6};
    if (role == u"pointerBox")
        return Box{Qt::white, Colour::FieldBorder, 4};
    if (role == u"pill") {
        const QString state = text(widget, "state");
        if (state == u"open")
            return Box{Colour::OpenFill, QColor(), 9};
        if (state == u"closed")
            return Box{Colour::ClosedFill, QColor(), 9};
        return std::nullopt;
    }
    const QString name = widget->objectName();
    if (name == u"trainingBannerLabel") {
        const bool simulated = is(widget, "behaviour", "simulated");
        return Box{simulated ? Colour::SimulatedFill : Colour::BannerFill,
                   simulated ? Colour::SimulatedBorder : Colour::BannerBorder, 0, true};
    }
    if (name == u"keystrokeStripLabel")
        return Box{Colour::Ink, QColor(), 0};
    return std::nullopt;
}

/// A label's or button's text: its colour, weight, size and the room around it, in design units.
struct TextLook
{
    QColor colour;
    QPalette::ColorRole colourRole = QPalette::WindowText;
    bool demiBold = false;
    bool normalWeight = false;
    double points = 0; // 0: the inherited size
    std::optional<QMargins> margins;
};

QColor stateColour(const QString &state, const QColor &otherwise)
{
    if (state == u"error")
        return Colour::ErrorText;
    if (state == u"warning")
        return Colour::WarningText;
    if (state == u"ok")
        return Colour::OkText;
    return otherwise;
}

TextLook labelLook(const QLabel *label)
{
    TextLook look;
    const QString role = text(label, "role");
    const QString name = label->objectName();
    const QWidget *parent = label->parentWidget();
    if (role == u"title") {
        look = {Colour::Ink, QPalette::WindowText, true, false, 12, {}};
    } else if (role == u"sectionTitle") {
        look = {Colour::Ink, QPalette::WindowText, true, false, 10.5, QMargins(0, 2, 0, 2)};
    } else if (role == u"subtitle" || role == u"summary") {
        look.colour = role == u"summary" ? stateColour(text(label, "state"), Colour::Body) : Colour::Body;
        look.demiBold = role == u"summary";
    } else if (role == u"caption") {
        look.colour = Colour::Caption;
    } else if (role == u"hint") {
        look.colour = Colour::Hint;
    } else if (role == u"metric") {
        look = {Colour::Ink, QPalette::WindowText, true, false, 0, {}};
    } else if (role == u"pill") {
        const QString state = text(label, "state");
        look.colour = state == u"open" ? Colour::OkText : state == u"closed" ? Colour::ClosedText : QColor();
        look.demiBold = true;
        look.margins = QMargins(10, 2, 10, 2);
    } else if (role == u"fieldMessage") {
        const QString severity = text(label, "severity");
        look.colour = severity == u"error"     ? Colour::ErrorText
                      : severity == u"warning" ? Colour::WarningText
                                               : QColor();
        look.margins = QMargins(2, 1, 2, 1);
    } else if (role == u"detail") {
        look.margins = QMargins(11, 9, 11, 9);
    } else if (role == u"pointerBox") {
        const bool implicit = label->property("implicit").toBool();
        look = {implicit ? Colour::Faint : Colour::Ink,
                QPalette::WindowText,
                !implicit,
                implicit,
                0,
                QMargins(4, 1, 4, 1)};
    } else if (name == u"trainingBannerLabel") {
        look = {Colour::BannerText, QPalette::WindowText, true, false, 0, QMargins(12, 7, 12, 8)};
    } else if (name == u"keystrokeStripLabel") {
        look = {Qt::white, QPalette::WindowText, true, false, 15, QMargins(14, 6, 14, 6)};
    } else if (name == u"encounterLabel" && findingOf(label) == u"error") {
        look = {Colour::ErrorText, QPalette::WindowText, true, false, 0, {}};
    } else if (is(parent, "role", "superbillRow") && (name == u"codeLabel" || name == u"formLabel")) {
        if (parent->property("locked").toBool())
            look.colour = Colour::Hint;
        else if (name == u"codeLabel" && parent->property("ticked").toBool())
            look = {Colour::Accent, QPalette::WindowText, true, false, 0, {}};
    } else if (qobject_cast<const QStatusBar *>(parent)) {
        look.margins = QMargins(8, 0, 8, 0);
    }
    return look;
}

TextLook lookOf(const QWidget *widget)
{
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        return labelLook(label);
    TextLook look;
    if (const auto *button = qobject_cast<const QPushButton *>(widget)) {
        look.colourRole = QPalette::ButtonText;
        if (is(button, "role", "primary")) {
            look.colour = Qt::white;
            look.demiBold = true;
        } else if (is(button, "role", "danger")) {
            look.colour = Colour::ErrorText;
        }
    } else if (qobject_cast<const QHeaderView *>(widget)) {
        look = {Colour::Caption, QPalette::ButtonText, true, false, 0, {}};
    } else if (qobject_cast<const QStatusBar *>(widget)) {
        look.colour = Colour::Caption;
    } else if (is(widget, "role", "notice")) {
        look.colour = Colour::NoticeText; // its labels inherit it
    } else if (qobject_cast<const QLineEdit *>(widget) && widget->property("filled").toBool()) {
        look = {Colour::FilledText, QPalette::Text, false, false, 0, {}};
    }
    return look;
}

bool isField(const QWidget *widget)
{
    return qobject_cast<const QLineEdit *>(widget) || qobject_cast<const QComboBox *>(widget) ||
           qobject_cast<const QAbstractSpinBox *>(widget);
}

bool isItemView(const QWidget *widget)
{
    return qobject_cast<const QAbstractItemView *>(widget);
}

void setTextColour(QPalette &palette, QPalette::ColorRole role, const QColor &colour)
{
    palette.setColor(QPalette::Active, role, colour);
    palette.setColor(QPalette::Inactive, role, colour);
}

} // namespace

AppStyle::AppStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        connect(app, &QApplication::focusChanged, this, &AppStyle::showFocusOfViews);
}

int AppStyle::px(double designed) const
{
    if (designed <= 0)
        return 0;
    return std::max(1, int(std::lround(designed * m_scale)));
}

void AppStyle::setScale(double scale, bool highContrastFocus)
{
    m_scale = scale;
    m_boldTabExtra.clear();
    m_highContrastFocus = highContrastFocus;
    // What QApplication::setStyle does for a new style: each widget takes the new sizes and fonts.
    const QWidgetList widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        if (widget->style() != this || !widget->testAttribute(Qt::WA_WState_Polished))
            continue;
        unpolish(widget);
        polish(widget);
        QEvent changed(QEvent::StyleChange);
        QCoreApplication::sendEvent(widget, &changed);
        widget->updateGeometry();
        widget->update();
    }
}

void AppStyle::polish(QWidget *widget)
{
    QProxyStyle::polish(widget);
    const int ownedBefore = widget->property(OwnedProperty).toInt();
    int owned = ownedBefore;
    const QString role = text(widget, "role");
    const TextLook look = lookOf(widget);

    if (look.demiBold || look.normalWeight || look.points > 0) {
        QFont font;
        if (look.demiBold)
            font.setWeight(QFont::DemiBold);
        if (look.normalWeight)
            font.setWeight(QFont::Normal);
        if (look.points > 0)
            font.setPointSizeF(look.points * m_scale);
        widget->setFont(font);
        owned |= OwnsFont;
    } else if (owned & OwnsFont) {
        widget->setFont(QFont());
        owned &= ~OwnsFont;
    }

    QPalette palette;
    bool paletteSet = false;
    if (look.colour.isValid()) {
        setTextColour(palette, look.colourRole, look.colour);
        paletteSet = true;
    }
    if (qobject_cast<QStatusBar *>(widget) || qobject_cast<QMenuBar *>(widget)) {
        palette.setColor(QPalette::Window, Qt::white);
        paletteSet = true;
    }
    if (paletteSet) {
        widget->setPalette(palette);
        owned |= OwnsPalette;
    } else if (owned & OwnsPalette) {
        widget->setPalette(QPalette());
        owned &= ~OwnsPalette;
    }

    if (look.margins) {
        const QMargins m = *look.margins;
        widget->setContentsMargins(px(m.left()), px(m.top()), px(m.right()), px(m.bottom()));
        owned |= OwnsMargins;
    } else if (owned & OwnsMargins) {
        widget->setContentsMargins(0, 0, 0, 0);
        owned &= ~OwnsMargins;
    }

    if (role == u"rule") {
        widget->setMaximumHeight(px(1));
        owned |= OwnsMaximumHeight;
    }

    if (auto *bar = qobject_cast<QStatusBar *>(widget)) {
        bar->setAutoFillBackground(true);
        bar->installEventFilter(this);
    }
    if (auto *view = qobject_cast<QAbstractItemView *>(widget)) {
        if (!m_views.contains(view))
            m_views.append(view);
        showSelectionFocus(view);
        owned |= OwnsPalette;
    }
    // A superbill row's labels follow the row's state.
    if (role == u"superbillRow") {
        for (const char *name : {"codeLabel", "formLabel"}) {
            if (auto *label = widget->findChild<QLabel *>(QLatin1String(name), Qt::FindDirectChildrenOnly);
                label && label->testAttribute(Qt::WA_WState_Polished)) {
                unpolish(label);
                polish(label);
            }
        }
    }
    if (owned != ownedBefore)
        widget->setProperty(OwnedProperty, owned);
}

void AppStyle::unpolish(QWidget *widget)
{
    const int owned = widget->property(OwnedProperty).toInt();
    if (owned & OwnsFont)
        widget->setFont(QFont());
    if (owned & OwnsPalette)
        widget->setPalette(QPalette());
    if (owned & OwnsMargins)
        widget->setContentsMargins(0, 0, 0, 0);
    if (owned & OwnsMaximumHeight)
        widget->setMaximumHeight(QWIDGETSIZE_MAX);
    widget->setProperty(OwnedProperty, QVariant());
    if (qobject_cast<QStatusBar *>(widget))
        widget->removeEventFilter(this);
    if (auto *view = qobject_cast<QAbstractItemView *>(widget))
        m_views.removeAll(view);
    QProxyStyle::unpolish(widget);
}

void AppStyle::showSelectionFocus(QAbstractItemView *view) const
{
    // The list with the keyboard shows its selection strongly; the others softly.
    const bool focused = view->hasFocus();
    const QColor fill = focused ? Colour::Accent : Colour::SoftSelection;
    const QColor textColour = focused ? QColor(Qt::white) : Colour::SelectionText;
    QPalette palette = view->palette();
    if (palette.color(QPalette::Active, QPalette::Highlight) == fill &&
        palette.color(QPalette::Active, QPalette::HighlightedText) == textColour &&
        view->testAttribute(Qt::WA_SetPalette))
        return;
    setTextColour(palette, QPalette::Highlight, fill);
    setTextColour(palette, QPalette::HighlightedText, textColour);
    view->setPalette(palette);
}

void AppStyle::showFocusOfViews()
{
    m_views.removeAll(nullptr);
    for (const QPointer<QAbstractItemView> &view : std::as_const(m_views))
        showSelectionFocus(view);
}

bool AppStyle::eventFilter(QObject *watched, QEvent *event)
{
    // The status bar's top rule, drawn over what the bar paints.
    if (event->type() == QEvent::Paint) {
        if (auto *bar = qobject_cast<QStatusBar *>(watched)) {
            static_cast<QObject *>(bar)->event(event);
            QPainter painter(bar);
            painter.fillRect(QRect(0, 0, bar->width(), px(1)), Colour::CardBorder);
            return true;
        }
    }
    return QProxyStyle::eventFilter(watched, event);
}

int AppStyle::spinButtonsWidth(const QStyleOption *option) const
{
    const auto *spin = qstyleoption_cast<const QStyleOptionSpinBox *>(option);
    return spin && spin->buttonSymbols != QAbstractSpinBox::NoButtons ? px(16) : 0;
}

void AppStyle::drawField(const QStyleOption *option, QPainter *painter, const QWidget *widget) const
{
    const QString finding = findingOf(widget);
    QColor fill = Qt::white;
    QColor border = Colour::FieldBorder;
    if (finding == u"error") {
        fill = Colour::ErrorFill;
        border = Colour::ErrorBorder;
    } else if (finding == u"warning") {
        fill = Colour::WarningFill;
        border = Colour::WarningBorder;
    } else if (widget && widget->property("filled").toBool()) {
        fill = Colour::Filled;
    }
    int width = px(1);
    if (option->state & State_HasFocus) {
        border = m_highContrastFocus ? Colour::HighContrastFocus : Colour::Focus;
        width = m_highContrastFocus ? px(3) : px(1);
    }
    paintRoundedBox(painter, option->rect, fill, border, width, px(5));
}

void AppStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                             const QWidget *widget) const
{
    switch (element) {
    case PE_PanelLineEdit:
        if (const auto *frame = qstyleoption_cast<const QStyleOptionFrame *>(option);
            frame && frame->lineWidth > 0) {
            drawField(option, painter, widget);
            return;
        }
        // The text of a combo box or date field, inside the field its owner draws.
        if (widget && isField(widget->parentWidget())) {
            return;
        }
        break;
    case PE_FrameLineEdit:
        return;
    case PE_PanelButtonCommand: {
        const bool primary = is(widget, "role", "primary");
        const bool enabled = option->state & State_Enabled;
        const bool pressed = option->state & (State_Sunken | State_On);
        const bool hovered = enabled && (option->state & State_MouseOver);
        QColor fill = Qt::white;
        QColor border = Colour::FieldBorder;
        int width = px(1);
        if (primary) {
            fill = !enabled  ? Colour::AccentDisabled
                   : pressed ? Colour::AccentPressed
                   : hovered ? Colour::AccentHover
                             : Colour::Accent;
            border = enabled ? Colour::AccentPressed : Colour::AccentDisabled;
        } else if (pressed) {
            fill = Colour::ButtonPressed;
        } else if (hovered) {
            fill = Colour::ButtonHover;
        }
        if (option->state & State_HasFocus) {
            border = m_highContrastFocus ? Colour::HighContrastFocus
                     : primary           ? Colour::AccentFocus
                                         : Colour::Focus;
            width = m_highContrastFocus ? px(3) : primary ? px(2) : px(1);
        }
        paintRoundedBox(painter, option->rect, fill, border, width, px(5));
        return;
    }
    case PE_FrameDefaultButton:
        return;
    case PE_FrameFocusRect:
        // Fields and buttons show focus by their border.
        if (qobject_cast<const QPushButton *>(widget) || isField(widget) || isItemView(widget))
            return;
        if (m_highContrastFocus) {
            paintRoundedBox(painter, option->rect.adjusted(-1, -1, 1, 1), QColor(), Colour::HighContrastFocus,
                            px(2), px(3));
            return;
        }
        break;
    case PE_PanelButtonTool: {
        const bool enabled = option->state & State_Enabled;
        QColor fill;
        if (enabled && (option->state & (State_Sunken | State_On)))
            fill = Colour::ToolPressed;
        else if (enabled && (option->state & State_MouseOver))
            fill = Colour::ToolHover;
        if (fill.isValid())
            paintRoundedBox(painter, option->rect, fill, QColor(), 0, px(4));
        if (m_highContrastFocus && (option->state & State_HasFocus))
            paintRoundedBox(painter, option->rect, QColor(), Colour::HighContrastFocus, px(3), px(4));
        return;
    }
    case PE_FrameTabWidget:
        return;
    default:
        break;
    }
    QProxyStyle::drawPrimitive(element, option, painter, widget);
}

void AppStyle::drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                           const QWidget *widget) const
{
    switch (element) {
    case CE_ShapedFrame:
        if (isItemView(widget)) {
            const bool focused = option->state & State_HasFocus;
            QColor border = findingOf(widget) == u"error" ? Colour::ErrorBorder : Colour::ViewBorder;
            int width = px(1);
            if (focused) {
                border = m_highContrastFocus ? Colour::HighContrastFocus : Colour::Focus;
                width = pixelMetric(PM_DefaultFrameWidth, option, widget);
            }
            paintRoundedBox(painter, option->rect, option->palette.color(QPalette::Base), border, width,
                            px(5));
            return;
        }
        if (const std::optional<Box> box = boxOf(widget)) {
            // A label's padding is its contents margins, which its frame rectangle leaves out.
            const QRect rect = widget->rect();
            if (box->bottomBorderOnly) {
                painter->fillRect(rect, box->fill);
                painter->fillRect(QRect(rect.left(), rect.bottom() - px(1) + 1, rect.width(), px(1)),
                                  box->border);
            } else {
                paintRoundedBox(painter, rect, box->fill, box->border, px(1), px(box->radius));
            }
            return;
        }
        break;
    case CE_HeaderSection: {
        painter->fillRect(option->rect, Colour::Window);
        painter->fillRect(QRect(option->rect.left(), option->rect.bottom(), option->rect.width(), 1),
                          Colour::ViewBorder);
        return;
    }
    case CE_TabBarTabShape:
        if (const auto *tab = qstyleoption_cast<const QStyleOptionTab *>(option);
            tab && (tab->state & State_Selected)) {
            painter->fillRect(
                QRect(tab->rect.left(), tab->rect.bottom() - px(2) + 1, tab->rect.width(), px(2)),
                Colour::Accent);
        }
        return;
    case CE_TabBarTabLabel:
        if (const auto *tab = qstyleoption_cast<const QStyleOptionTab *>(option)) {
            QStyleOptionTab shown = *tab;
            const bool selected = tab->state & State_Selected;
            shown.palette.setColor(QPalette::WindowText, selected ? Colour::Accent : Colour::Body);
            painter->save();
            if (selected) {
                QFont font = painter->font();
                font.setWeight(QFont::DemiBold);
                painter->setFont(font);
            }
            QProxyStyle::drawControl(element, &shown, painter, widget);
            painter->restore();
            return;
        }
        break;
    case CE_Splitter:
        return;
    default:
        break;
    }
    QProxyStyle::drawControl(element, option, painter, widget);
}

void AppStyle::drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                                  QPainter *painter, const QWidget *widget) const
{
    if (control == CC_ComboBox) {
        drawField(option, painter, widget);
        // A date field with its calendar draws as a combo box; both show a chevron.
        QStyleOption arrow = *option;
        arrow.rect = subControlRect(CC_ComboBox, option, SC_ComboBoxArrow, widget);
        const int side = std::min(arrow.rect.width(), arrow.rect.height()) / 2;
        arrow.rect =
            QRect(arrow.rect.center().x() - side / 2, arrow.rect.center().y() - side / 2, side, side);
        arrow.palette.setColor(QPalette::ButtonText, Colour::Hint);
        QProxyStyle::drawPrimitive(PE_IndicatorArrowDown, &arrow, painter, widget);
        return;
    }
    if (control == CC_SpinBox) {
        if (const auto *spin = qstyleoption_cast<const QStyleOptionSpinBox *>(option)) {
            if (spin->frame)
                drawField(option, painter, widget);
            if (spin->buttonSymbols != QAbstractSpinBox::NoButtons) {
                for (const auto &[part, primitive] : {std::pair{SC_SpinBoxUp, PE_IndicatorArrowUp},
                                                      std::pair{SC_SpinBoxDown, PE_IndicatorArrowDown}}) {
                    QStyleOption arrow = *option;
                    arrow.rect = subControlRect(CC_SpinBox, option, part, widget).adjusted(2, 1, -2, -1);
                    arrow.palette.setColor(QPalette::ButtonText, Colour::Hint);
                    QProxyStyle::drawPrimitive(primitive, &arrow, painter, widget);
                }
            }
            return;
        }
    }
    if (control == CC_ScrollBar) {
        if (const auto *bar = qstyleoption_cast<const QStyleOptionSlider *>(option)) {
            drawScrollBar(bar, painter, widget);
            return;
        }
    }
    QProxyStyle::drawComplexControl(control, option, painter, widget);
}

void AppStyle::drawScrollBar(const QStyleOptionSlider *bar, QPainter *painter, const QWidget *widget) const
{
    // Flat, in solid rectangles only: Fusion's shaded groove and handle are drawn in spans the
    // size of the bar, and Qt fills each such span list on a pool of threads it starts for the purpose.
    const bool vertical = bar->orientation == Qt::Vertical;
    const bool enabled = bar->state & State_Enabled;
    painter->fillRect(bar->rect, Colour::Window);
    const auto pressed = [bar](SubControl part) {
        return (bar->activeSubControls & part) && (bar->state & State_Sunken);
    };
    for (const auto &[part, primitive] :
         {std::pair{SC_ScrollBarSubLine, vertical ? PE_IndicatorArrowUp : PE_IndicatorArrowLeft},
          std::pair{SC_ScrollBarAddLine, vertical ? PE_IndicatorArrowDown : PE_IndicatorArrowRight}}) {
        QStyleOption arrow = *bar;
        arrow.rect = subControlRect(CC_ScrollBar, bar, part, widget);
        if (arrow.rect.isEmpty())
            continue;
        if (pressed(part))
            painter->fillRect(arrow.rect, Colour::ToolPressed);
        arrow.rect = arrow.rect.adjusted(px(3), px(3), -px(3), -px(3));
        arrow.palette.setColor(QPalette::ButtonText, Colour::Hint);
        QProxyStyle::drawPrimitive(primitive, &arrow, painter, widget);
    }
    const QRect handle = subControlRect(CC_ScrollBar, bar, SC_ScrollBarSlider, widget);
    if (!enabled || handle.isEmpty() || bar->minimum == bar->maximum)
        return;
    const bool hovered = (bar->activeSubControls & SC_ScrollBarSlider) && (bar->state & State_MouseOver);
    const QColor colour = pressed(SC_ScrollBarSlider) ? Colour::Hint
                          : hovered                   ? Colour::Faint
                                                      : Colour::FieldBorder;
    const int inset = px(3);
    painter->fillRect(
        vertical ? handle.adjusted(inset, 1, -inset, -1) : handle.adjusted(1, inset, -1, -inset), colour);
}

QSize AppStyle::sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &contentsSize,
                                 const QWidget *widget) const
{
    // Sizes as the design gives them: a field's text box is at least 26 px high, with 1 px of border and
    // 1 px above and below, 6 px of room on either side; a button's label at least 28 px, 2 px above and
    // below, 14 px on either side.
    const int fieldHeight = std::max(contentsSize.height(), px(26)) + 2 * (px(1) + px(1));
    switch (type) {
    case CT_LineEdit:
        return {contentsSize.width() + 2 * (px(1) + px(6)), fieldHeight};
    case CT_ComboBox:
        return {contentsSize.width() + 2 * (px(1) + px(6)) + px(20), fieldHeight};
    case CT_SpinBox: {
        const int buttons = spinButtonsWidth(option);
        return {contentsSize.width() + 2 * (px(1) + px(6)) + buttons, fieldHeight};
    }
    case CT_PushButton:
        return {contentsSize.width() + 2 * (px(1) + px(14)),
                std::max(contentsSize.height(), px(28)) + 2 * (px(1) + px(2))};
    case CT_ToolButton:
        return contentsSize + QSize(2 * px(3), 2 * px(3));
    case CT_HeaderSection: {
        QSize size = QProxyStyle::sizeFromContents(type, option, contentsSize, widget);
        const int baseMargin = QProxyStyle::pixelMetric(PM_HeaderMargin, option, widget);
        const int textHeight = option ? option->fontMetrics.height() : 0;
        return {size.width() + 2 * std::max(0, px(8) - baseMargin),
                std::max(size.height(), textHeight + 2 * px(5) + 1)};
    }
    case CT_TabBarTab:
        if (const auto *tab = qstyleoption_cast<const QStyleOptionTab *>(option)) {
            // The selected tab's label is bold: every tab has room for that. A tab bar asks again and
            // again, for every tab.
            const QFont font = widget ? widget->font() : QApplication::font();
            const QString key = font.key() + u'\n' + tab->text;
            auto found = m_boldTabExtra.constFind(key);
            if (found == m_boldTabExtra.cend()) {
                QFont bold = font;
                bold.setWeight(QFont::DemiBold);
                found = m_boldTabExtra.insert(
                    key, std::max(0, QFontMetrics(bold).horizontalAdvance(tab->text) -
                                         QFontMetrics(font).horizontalAdvance(tab->text)));
            }
            return contentsSize + QSize(*found, 0);
        }
        break;
    case CT_ItemViewItem:
        if (qobject_cast<const QTableView *>(widget))
            return QProxyStyle::sizeFromContents(type, option, contentsSize, widget) + QSize(2 * px(6), 0);
        break;
    default:
        break;
    }
    return QProxyStyle::sizeFromContents(type, option, contentsSize, widget);
}

QRect AppStyle::subElementRect(SubElement element, const QStyleOption *option, const QWidget *widget) const
{
    switch (element) {
    case SE_LineEditContents:
        // The text of a combo box or date field keeps the room its owner's field gives it.
        if (const auto *frame = qstyleoption_cast<const QStyleOptionFrame *>(option);
            !frame || frame->lineWidth <= 0)
            break;
        return option->rect.adjusted(px(1) + px(6) - 2, px(1) + px(1), -(px(1) + px(6) - 2),
                                     -(px(1) + px(1)));
    case SE_ItemViewItemText:
        if (qobject_cast<const QTableView *>(widget))
            return QProxyStyle::subElementRect(element, option, widget).adjusted(px(6), 0, -px(6), 0);
        break;
    case SE_HeaderLabel:
        return option->rect.adjusted(px(8), 0, -px(8), 0);
    default:
        break;
    }
    return QProxyStyle::subElementRect(element, option, widget);
}

QRect AppStyle::subControlRect(ComplexControl control, const QStyleOptionComplex *option,
                               SubControl subControl, const QWidget *widget) const
{
    const QRect rect = option->rect;
    const int inset = px(1) + px(6);
    if (control == CC_ComboBox) {
        const int arrowWidth = px(20);
        switch (subControl) {
        case SC_ComboBoxFrame:
            return rect;
        case SC_ComboBoxArrow:
            return QRect(rect.right() - px(1) - arrowWidth + 1, rect.top() + px(1), arrowWidth,
                         rect.height() - 2 * px(1));
        case SC_ComboBoxEditField:
            return rect.adjusted(inset, px(2), -(px(1) + arrowWidth), -px(2));
        default:
            break;
        }
    }
    if (control == CC_SpinBox) {
        const int buttons = spinButtonsWidth(option);
        const int buttonsLeft = rect.right() - px(1) - buttons + 1;
        const int middle = rect.top() + rect.height() / 2;
        switch (subControl) {
        case SC_SpinBoxFrame:
            return rect;
        case SC_SpinBoxEditField:
            return rect.adjusted(inset, px(2), -(px(1) + buttons + (buttons ? 0 : px(6))), -px(2));
        case SC_SpinBoxUp:
            return buttons ? QRect(buttonsLeft, rect.top() + px(1), buttons, middle - rect.top() - px(1))
                           : QRect();
        case SC_SpinBoxDown:
            return buttons ? QRect(buttonsLeft, middle, buttons, rect.bottom() - px(1) - middle + 1)
                           : QRect();
        default:
            break;
        }
    }
    return QProxyStyle::subControlRect(control, option, subControl, widget);
}

int AppStyle::pixelMetric(PixelMetric metric, const QStyleOption *option, const QWidget *widget) const
{
    switch (metric) {
    case PM_DefaultFrameWidth:
        if (isItemView(widget))
            return m_highContrastFocus ? px(3) : px(2);
        if (isField(widget) || qobject_cast<const QPushButton *>(widget))
            return px(1);
        break;
    case PM_TabBarTabHSpace:
        return 2 * px(16);
    case PM_TabBarTabVSpace:
        return 2 * px(6) + px(2);
    case PM_TabBarTabShiftHorizontal:
    case PM_TabBarTabShiftVertical:
    case PM_ButtonShiftHorizontal:
    case PM_ButtonShiftVertical:
        return 0;
    case PM_SplitterWidth:
        return px(6);
    default:
        break;
    }
    return QProxyStyle::pixelMetric(metric, option, widget);
}

QIcon AppStyle::standardIcon(StandardPixmap standardIcon, const QStyleOption *option,
                             const QWidget *widget) const
{
    // Read when first drawn: the first frame shows none of them (a line edit's clear button, the menu
    // bar's overflow arrow), and reading the first one loads every image format plugin of the system,
    // since Qt asks each of them before its own PNG reader. The widget may be gone by then; of the
    // option, the standard icons read only what every option has (the direction).
    const QPointer<const QStyle> base(baseStyle());
    const QPointer<const QWidget> target(widget);
    const std::optional<QStyleOption> copied = option ? std::optional<QStyleOption>(*option) : std::nullopt;
    return deferredIcon([base, target, copied, standardIcon] {
        return base ? base->standardIcon(standardIcon, copied ? &*copied : nullptr, target.data()) : QIcon();
    });
}

} // namespace Ui
