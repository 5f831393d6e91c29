#pragma once

#include <QDialog>

class QLineEdit;
class QListWidget;
class QPushButton;

namespace Ui {

/**
 * Picks the EHR code the training EHR refuses the next line with, from the
 * codes this app knows (the Procedure's first, then every resource's), with
 * a filter on the code, its name and its message.
 */
class RefuseCodeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RefuseCodeDialog(QWidget *parent = nullptr);

    QString code() const;
    void setCode(const QString &code);

private:
    void filter(const QString &text);

    QLineEdit *m_filter = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace Ui
