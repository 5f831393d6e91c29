#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Ui {

MainWindow::MainWindow(bool training, QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Superbill Desk"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    if (training) {
        auto *banner = new QLabel(tr("Training — not a real EHR"), central);
        banner->setObjectName(QStringLiteral("trainingBannerLabel"));
        banner->setAlignment(Qt::AlignCenter);
        banner->setStyleSheet(QStringLiteral("background:#fff4ce;color:#5c4400;padding:6px;font-weight:bold;"));
        layout->addWidget(banner);
    }
    auto *placeholder =
        new QLabel(tr("Superbill entry arrives here: pick an encounter, add procedure lines, submit."), central);
    placeholder->setAlignment(Qt::AlignCenter);
    layout->addWidget(placeholder, 1);
    setCentralWidget(central);
    statusBar()->showMessage(training ? tr("Training mode") : tr("EHR mode"));
    resize(1280, 800);
}

} // namespace Ui
