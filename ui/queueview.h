#pragma once

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Ui {

class OutboxLinesModel;
class Workspace;

/// Asks whether the line with this code may be discarded; Cancel is the default, so Enter keeps it.
bool confirmDiscard(QWidget *parent, const QString &code);

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

    /// The lines of the workspace's outbox; times in the clinic's `zone`.
    void setWorkspace(Workspace *workspace, const QTimeZone &zone = {});
    OutboxLinesModel *model() const { return m_model; }
    /// The line under the cursor, or -1.
    qint64 currentLineId() const;

public Q_SLOTS:
    void openCurrent();
    void resendCurrent();
    /// Asks for confirmation first, unless `confirmed`.
    void discardCurrent(bool confirmed = false);
    /// Shows the current line's state, its detail and what can be done about it.
    void updateButtons();

Q_SIGNALS:
    void openRequested(qint64 lineId);
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Workspace *m_workspace = nullptr;
    OutboxLinesModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_resendButton = nullptr;
    QPushButton *m_discardButton = nullptr;
    QTimeZone m_zone;
};

} // namespace Ui
