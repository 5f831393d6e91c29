#pragma once

#include <QHash>
#include <QList>
#include <QPointer>
#include <QProxyStyle>

class QAbstractItemView;
class QStyleOptionSlider;

namespace Ui {

/**
 * The application's look drawn by the style itself, on Fusion: rounded fields and buttons, cards,
 * captions, pills, field markers and the training banner. Widgets only set a "role", "finding",
 * "state" ... property; the colours and sizes live here.
 *
 * A style sheet gave the same look, but Qt then styles every widget through its style sheet engine:
 * matching each rule on each widget cost a third of the start-up and every re-polish.
 */
class AppStyle : public QProxyStyle
{
    Q_OBJECT

public:
    AppStyle();

    /// Every size of the look times scale (1 = as designed), and a thick amber frame around the
    /// focused field when highContrastFocus is set. Widgets already polished are polished again.
    void setScale(double scale, bool highContrastFocus);
    double scale() const { return m_scale; }
    bool highContrastFocus() const { return m_highContrastFocus; }

    void polish(QWidget *widget) override;
    void unpolish(QWidget *widget) override;
    using QProxyStyle::polish;
    using QProxyStyle::unpolish;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget = nullptr) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option, QPainter *painter,
                            const QWidget *widget = nullptr) const override;
    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &contentsSize,
                           const QWidget *widget = nullptr) const override;
    QRect subElementRect(SubElement element, const QStyleOption *option,
                         const QWidget *widget = nullptr) const override;
    QRect subControlRect(ComplexControl control, const QStyleOptionComplex *option, SubControl subControl,
                         const QWidget *widget = nullptr) const override;
    int pixelMetric(PixelMetric metric, const QStyleOption *option = nullptr,
                    const QWidget *widget = nullptr) const override;
    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
                       const QWidget *widget = nullptr) const override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// A length of the design (pixels at scale 1) at the current scale; a line stays at least 1 px.
    int px(double designed) const;
    /// The rounded field every input draws: its fill and border follow focus and the field's finding.
    void drawField(const QStyleOption *option, QPainter *painter, const QWidget *widget) const;
    /// The width of a spin box's up and down buttons; 0 when it has none.
    int spinButtonsWidth(const QStyleOption *option) const;
    void drawScrollBar(const QStyleOptionSlider *bar, QPainter *painter, const QWidget *widget) const;
    void showSelectionFocus(QAbstractItemView *view) const;
    void showFocusOfViews();

    double m_scale = 1;
    bool m_highContrastFocus = false;
    /// Views whose selection colour follows their focus; a completer's list has the focus of its field.
    QList<QPointer<QAbstractItemView>> m_views;
    /// How much wider each tab's label is in bold, by font and text.
    mutable QHash<QString, int> m_boldTabExtra;
};

} // namespace Ui
