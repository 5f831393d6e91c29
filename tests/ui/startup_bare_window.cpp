// The floor bench_startup measures superbill against: a bare Qt Widgets program that shows a
// QMainWindow with a label and quits once its first frame is painted, as `superbill
// --quit-after-show` does (MainWindow::firstFrameShown). Quitting right after show() would end
// before the window system's first paint, and measure a window that was never drawn.
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

namespace {

class BareWindow : public QMainWindow
{
protected:
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            // Posted: it follows the painting and the flush to the screen that this event is part of.
            QTimer::singleShot(0, qApp, &QApplication::quit);
        }
        return QMainWindow::event(event);
    }

private:
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    BareWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("Superbill Desk"), &window));
    window.resize(1200, 800);
    window.show();
    return QApplication::exec();
}
