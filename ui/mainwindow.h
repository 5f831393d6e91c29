#pragma once

#include <QMainWindow>

namespace Ui {

/**
 * The application's main window. For now a shell that says which mode it is in;
 * the superbill form, the encounter picker and the queue view move in here.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(bool training, QWidget *parent = nullptr);
};

} // namespace Ui
