#include "svgicon.h"

#include <memory>

#include <QApplication>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPixmapCache>
#include <QStyle>
#include <QStyleOption>
#include <QSvgRenderer>

namespace Ui {

namespace {

/// One file's parse, shared by the copies Qt makes of an icon.
struct SvgSource
{
    QString path;
    std::unique_ptr<QSvgRenderer> renderer;

    QSvgRenderer &parsed()
    {
        if (!renderer)
            renderer = std::make_unique<QSvgRenderer>(path);
        return *renderer;
    }
};

class SvgIconEngine : public QIconEngine
{
public:
    explicit SvgIconEngine(const QString &path)
        : m_source(std::make_shared<SvgSource>(SvgSource{path, nullptr}))
    {
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        // Scaled to fit, as Qt's SVG engine does: a square icon takes the size asked for.
        QSize fitted = m_source->parsed().defaultSize();
        if (fitted.isEmpty())
            return {};
        fitted.scale(size, Qt::KeepAspectRatio);
        return fitted;
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    /// size is in device pixels (QIcon::pixmap multiplies the size asked for by the scale).
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        const QSize device = actualSize(size, mode, state);
        if (device.isEmpty())
            return {};
        const QString key = QStringLiteral("superbill-svg:%1:%2x%3:%4")
                                .arg(m_source->path)
                                .arg(device.width())
                                .arg(device.height())
                                .arg(int(mode));
        QPixmap drawn;
        if (!QPixmapCache::find(key, &drawn)) {
            QImage image(device, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter painter(&image);
            m_source->parsed().render(&painter);
            painter.end();
            drawn = QPixmap::fromImage(std::move(image));
            // Disabled, active and selected look as the style makes them from the normal one, as for
            // any other icon.
            if (mode != QIcon::Normal) {
                QStyleOption option;
                option.palette = QApplication::palette();
                drawn = QApplication::style()->generatedIconPixmap(mode, drawn, &option);
            }
            QPixmapCache::insert(key, drawn);
        }
        drawn.setDevicePixelRatio(scale);
        return drawn;
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        const QPixmap drawn = scaledPixmap(rect.size() * scale, mode, state, scale);
        if (drawn.isNull())
            return;
        painter->drawPixmap(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter,
                                                drawn.deviceIndependentSize().toSize(), rect),
                            drawn);
    }

    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override { return {}; }
    bool isNull() override { return !m_source->parsed().isValid(); }
    QString key() const override { return QStringLiteral("svg"); }
    QIconEngine *clone() const override { return new SvgIconEngine(*this); }

private:
    std::shared_ptr<SvgSource> m_source;
};

} // namespace

QIcon svgIcon(const QString &path)
{
    return QIcon(new SvgIconEngine(path));
}

} // namespace Ui
