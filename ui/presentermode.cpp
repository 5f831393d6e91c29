#include "presentermode.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QWidget>

#include "appsettings.h"
#include "theme.h"

namespace Ui {

namespace {

// The sizes the zoom keys step through, as a browser's do.
constexpr double Steps[] = {0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0};

} // namespace

PresenterMode::PresenterMode(AppSettings &settings, QWidget *window)
    : QObject(window)
    , m_settings(settings)
{
    const auto make = [window](const QString &text, const QString &name, const QList<QKeySequence> &keys) {
        auto *action = new QAction(text, window);
        action->setObjectName(name);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        window->addAction(action);
        return action;
    };
    m_toggle = make(tr("&Presenter mode"), QStringLiteral("presenterModeAction"),
                    {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    m_toggle->setCheckable(true);
    m_toggle->setToolTip(tr("Larger text, the last keys pressed at the bottom, a thick focus frame"));
    connect(m_toggle, &QAction::toggled, this, &PresenterMode::setOn);
    m_zoomIn = make(tr("&Larger"), QStringLiteral("zoomInAction"),
                    {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    connect(m_zoomIn, &QAction::triggered, this, &PresenterMode::zoomIn);
    m_zoomOut =
        make(tr("S&maller"), QStringLiteral("zoomOutAction"), {QKeySequence(Qt::CTRL | Qt::Key_Minus)});
    connect(m_zoomOut, &QAction::triggered, this, &PresenterMode::zoomOut);
    m_zoomReset =
        make(tr("&Actual size"), QStringLiteral("zoomResetAction"), {QKeySequence(Qt::CTRL | Qt::Key_0)});
    connect(m_zoomReset, &QAction::triggered, this, &PresenterMode::resetZoom);

    m_strip = new QLabel(window);
    m_strip->setObjectName(QStringLiteral("keystrokeStripLabel"));
    m_strip->setAccessibleName(tr("Keys pressed"));
    m_strip->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_strip->setTextFormat(Qt::PlainText);
    m_strip->hide();
    m_watcher = new KeystrokeWatcher(window, this);
    connect(m_watcher, &KeystrokeWatcher::keyPressed, this, [this](const QString &name, bool plain) {
        if (!isOn())
            return;
        m_log.add(name, plain);
        m_strip->setText(m_log.text());
    });

    const TrainingSettings saved = m_settings.training();
    if (saved.presenterMode)
        m_toggle->setChecked(true); // applies
    else if (saved.scale != 1.0)
        apply();
}

bool PresenterMode::isOn() const
{
    return m_toggle->isChecked();
}

double PresenterMode::scale() const
{
    const TrainingSettings settings = m_settings.training();
    return isOn() ? settings.presenterScale : settings.scale;
}

void PresenterMode::setOn(bool on)
{
    if (m_toggle->isChecked() != on) {
        m_toggle->setChecked(on); // comes back here through toggled
        return;
    }
    TrainingSettings settings = m_settings.training();
    settings.presenterMode = on;
    m_settings.setTraining(settings);
    m_settings.sync();
    m_log.clear();
    m_strip->setText(on ? tr("Keys pressed appear here") : QString());
    m_strip->setVisible(on);
    apply();
}

void PresenterMode::setScale(double scale)
{
    TrainingSettings settings = m_settings.training();
    (isOn() ? settings.presenterScale : settings.scale) = scale;
    m_settings.setTraining(settings);
    m_settings.sync();
    apply();
}

void PresenterMode::zoomIn()
{
    const double current = scale();
    const auto next = std::find_if(std::begin(Steps), std::end(Steps),
                                   [current](double step) { return step > current + 0.001; });
    if (next != std::end(Steps))
        setScale(*next);
}

void PresenterMode::zoomOut()
{
    const double current = scale();
    const auto previous = std::find_if(std::rbegin(Steps), std::rend(Steps),
                                       [current](double step) { return step < current - 0.001; });
    if (previous != std::rend(Steps))
        setScale(*previous);
}

void PresenterMode::resetZoom()
{
    setScale(1.0);
}

void PresenterMode::apply()
{
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        applyThemeScale(*app, scale(), isOn());
}

} // namespace Ui
