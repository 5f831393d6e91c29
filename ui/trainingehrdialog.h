#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QLineEdit;

namespace Ui {

/**
 * The training EHR's address and bearer token, so a trainer can show
 * superbill-cli against the same EHR the class is using. The token is hidden
 * unless asked for and copied to the clipboard on request; it is never
 * written to a log or a file.
 */
class TrainingEhrDialog : public QDialog
{
    Q_OBJECT

public:
    TrainingEhrDialog(const QUrl &address, const QString &token, QWidget *parent = nullptr);

private:
    QLineEdit *m_tokenEdit = nullptr;
    QCheckBox *m_showToken = nullptr;
};

} // namespace Ui
