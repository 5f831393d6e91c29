#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Ui {

class OutboxLinesModel;
class Workspace;

/**
 * Every line that still needs something: waiting to be sent, waiting to
 * retry, or refused by the EHR. Open one to correct it (Enter), send it now
 * (Ctrl+R), or discard it after confirming (Delete).
 */
class QueueView : public QWidget
{
    Q_OBJECT

public:
    explicit QueueView(QWidget *parent = nullptr);

    void setWorkspace(Workspace *workspace);
    OutboxLinesModel *model() const { return m_model; }
    /// The line under the cursor, or -1.
    qint64 currentLineId() const;

public Q_SLOTS:
    void openCurrent();
    void resendCurrent();
    /// Asks for confirmation first, unless `confirmed`.
    void discardCurrent(bool confirmed = false);

Q_SIGNALS:
    void openRequested(qint64 lineId);
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateButtons();

    Workspace *m_workspace = nullptr;
    OutboxLinesModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_resendButton = nullptr;
    QPushButton *m_discardButton = nullptr;
};

} // namespace Ui
