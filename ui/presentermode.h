#pragma once

#include <QObject>

#include "keystrokewatcher.h"

class QAction;
class QLabel;
class QWidget;

namespace Ui {

class AppSettings;

/**
 * Presenter mode, for a trainer in front of a projector: the whole window
 * larger (Ctrl+= / Ctrl+- / Ctrl+0, remembered per mode), a strip at the
 * bottom showing the last keys pressed so a class can follow, and a thick
 * focus frame. View → Presenter mode (Ctrl+Shift+P) turns it on and off; the
 * zoom keys work in both modes.
 */
class PresenterMode : public QObject
{
    Q_OBJECT

public:
    PresenterMode(AppSettings &settings, QWidget *window);

    QAction *toggleAction() const { return m_toggle; }
    QList<QAction *> zoomActions() const { return {m_zoomIn, m_zoomOut, m_zoomReset}; }
    /// The keystroke strip, for the window's layout; shown in presenter mode only.
    QLabel *strip() const { return m_strip; }
    bool isOn() const;
    double scale() const;

public Q_SLOTS:
    void setOn(bool on);
    void zoomIn();
    void zoomOut();
    void resetZoom();

private:
    void setScale(double scale);
    void apply();

    AppSettings &m_settings;
    QAction *m_toggle = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_zoomReset = nullptr;
    QLabel *m_strip = nullptr;
    KeystrokeWatcher *m_watcher = nullptr;
    KeystrokeLog m_log;
};

} // namespace Ui
