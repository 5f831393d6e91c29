// The floor bench_startup measures superbill against: a bare Qt Widgets program that shows a
// QMainWindow with a label and quits once it is shown, as `superbill --quit-after-show` does.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("Superbill Desk"), &window));
    window.resize(1200, 800);
    window.show();
    QTimer::singleShot(0, &app, &QApplication::quit);
    return QApplication::exec();
}
