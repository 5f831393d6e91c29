#include "queueview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "common/clock.h"
#include "common/printable.h"
#include "outbox/outboxstore.h"
#include "outbox/patientdirectory.h"
#include "outboxlinesmodel.h"
#include "theme.h"
#include "workspace.h"

namespace Ui {

bool confirmDiscard(QWidget *parent, const QString &code)
{
    QMessageBox box(QMessageBox::Warning, QueueView::tr("Discard line"),
                    QueueView::tr("Discard the %1 line? It will not be sent to the EHR. It stays in the "
                                  "outbox's audit log.")
                        .arg(code),
                    QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("discardConfirmBox"));
    auto *discard = box.addButton(QueueView::tr("Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("confirmDiscardButton"));
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == static_cast<QAbstractButton *>(discard);
}

QueueView::QueueView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("queueView"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 10, 0, 0);
    layout->setSpacing(8);

    auto *intro =
        new QLabel(tr("Lines that have not reached the EHR yet. Refused lines wait for you; the others are "
                      "sent on their own as soon as the EHR answers."),
                   this);
    intro->setProperty("role", QStringLiteral("hint"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_model = new OutboxLinesModel(OutboxLinesModel::Filter::Attention, this);
    m_table = makeLinesTable(m_model, QStringLiteral("queueTable"), tr("Lines needing attention"), 30, this);
    // The description keeps room beside the patient and the encounter's date: it shares what is left
    // with the details, which the panel below shows in full anyway.
    m_table->horizontalHeader()->setSectionResizeMode(OutboxLinesModel::EncounterColumn,
                                                      QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(OutboxLinesModel::DetailColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(OutboxLinesModel::EncounterColumn, 150);
    m_table->setColumnWidth(OutboxLinesModel::PatientColumn, 140);
    m_table->installEventFilter(this);
    layout->addWidget(m_table, 1);

    m_empty = new QLabel(tr("Nothing waiting: every line has reached the EHR."), this);
    m_empty->setObjectName(QStringLiteral("queueEmptyLabel"));
    m_empty->setProperty("role", QStringLiteral("hint"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setFocusPolicy(Qt::TabFocus);
    m_empty->setAccessibleName(m_empty->text());
    layout->addWidget(m_empty);

    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("queueDetailLabel"));
    m_detail->setProperty("role", QStringLiteral("detail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_detail);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    m_openButton =
        new QPushButton(cachedIcon(QStringLiteral(":/icons/open-line.svg")), tr("Open and correct"), this);
    m_openButton->setObjectName(QStringLiteral("openLineButton"));
    m_openButton->setAccessibleName(tr("Open the line to correct it"));
    m_openButton->setToolTip(tr("Enter"));
    m_resendButton = new QPushButton(cachedIcon(QStringLiteral(":/icons/resend.svg")), tr("Send now"), this);
    m_resendButton->setObjectName(QStringLiteral("resendButton"));
    m_resendButton->setAccessibleName(tr("Send the line now"));
    m_resendButton->setToolTip(tr("Ctrl+R"));
    m_discardButton =
        new QPushButton(cachedIcon(QStringLiteral(":/icons/discard.svg")), tr("Discard…"), this);
    m_discardButton->setObjectName(QStringLiteral("discardButton"));
    m_discardButton->setAccessibleName(tr("Discard the line"));
    m_discardButton->setToolTip(tr("Delete; asks first"));
    m_discardButton->setProperty("role", QStringLiteral("danger"));
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_resendButton);
    buttons->addStretch(1);
    buttons->addWidget(m_discardButton);
    layout->addLayout(buttons);

    connect(m_openButton, &QPushButton::clicked, this, &QueueView::openCurrent);
    connect(m_resendButton, &QPushButton::clicked, this, &QueueView::resendCurrent);
    connect(m_discardButton, &QPushButton::clicked, this, [this] { discardCurrent(false); });
    connect(m_table, &QTableView::activated, this, &QueueView::openCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &QueueView::updateButtons);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &QueueView::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &QueueView::updateButtons);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &QueueView::updateButtons);
    updateButtons();
}

void QueueView::setWorkspace(Workspace *workspace, const QTimeZone &zone)
{
    m_workspace = workspace;
    m_zone = zone;
    m_model->setClock(workspace ? &workspace->clock() : nullptr);
    m_model->setTimeZone(zone);
    m_model->setDirectory(workspace ? workspace->directory() : nullptr);
    m_model->setStore(workspace ? workspace->store() : nullptr);
}

qint64 QueueView::currentLineId() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() ? index.data(OutboxLinesModel::LineIdRole).toLongLong() : -1;
}

void QueueView::updateButtons()
{
    const bool empty = m_model->rowCount() == 0;
    // Hidden with the focus, the table would hand it to the next widget of the window (the patient
    // search): the clerk who sent or discarded the last line stays on the queue, on its message.
    QWidget *shown = empty ? static_cast<QWidget *>(m_empty) : m_table;
    QWidget *hidden = empty ? static_cast<QWidget *>(m_table) : m_empty;
    const bool hadFocus = hidden->hasFocus();
    shown->setVisible(true);
    if (hadFocus)
        shown->setFocus(Qt::OtherFocusReason);
    hidden->setVisible(false);
    if (!empty && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_model->index(0, 0));
    const qint64 id = currentLineId();
    const auto line = m_model->lineAt(m_model->rowOf(id));
    m_openButton->setEnabled(line.has_value());
    m_detail->setVisible(line.has_value());
    if (line) {
        const LineStatus status = lineStatus(
            *line, (m_workspace ? m_workspace->clock() : Common::Clock::system()).nowUtc(), m_zone);
        QString hint;
        const Common::Status takesLines = m_workspace && m_workspace->directory()
                                              ? m_workspace->directory()->checkTakesLines(line->encounterId)
                                              : Common::Status();
        switch (status.kind) {
        case LineStatus::Kind::NeedsCorrection:
            hint = takesLines ? tr("Open it to correct and resend (Enter), or discard it (Delete).")
                              : takesLines.error().message + u' ' +
                                    tr("Open it (Enter) to move it, or discard it (Delete).");
            break;
        case LineStatus::Kind::Waiting:
            hint = tr("It goes on its own when the EHR answers; Ctrl+R sends it now.");
            break;
        default:
            hint = tr("It is sent in the background.");
            break;
        }
        const int row = m_model->rowOf(id);
        const auto cell = [this, row](int column) {
            return m_model->index(row, column).data().toString().toHtmlEscaped();
        };
        m_detail->setText(
            QStringLiteral(
                "<b>%1</b> · <b>%2</b> %3 · %4 · %5<br>%6<br><span style=\"color:#5b6472\">%7</span>")
                .arg(status.text.toHtmlEscaped(), Common::printable(line->code).toHtmlEscaped(),
                     Common::printable(line->display).toHtmlEscaped(), cell(OutboxLinesModel::PatientColumn),
                     cell(OutboxLinesModel::EncounterColumn),
                     status.detail.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")),
                     hint.toHtmlEscaped()));
    }
    m_resendButton->setEnabled(line && line->state != Outbox::LineState::Sending &&
                               (!m_workspace || !m_workspace->directory() ||
                                m_workspace->directory()->checkTakesLines(line->encounterId)));
    // A line claimed ahead (sending, its request not out yet) can still be discarded.
    m_discardButton->setEnabled(line && (line->state != Outbox::LineState::Sending ||
                                         (m_workspace && !m_workspace->isSendingNow(line->id))));
}

void QueueView::openCurrent()
{
    const qint64 id = currentLineId();
    if (id >= 0)
        Q_EMIT openRequested(id);
}

void QueueView::resendCurrent()
{
    const qint64 id = currentLineId();
    if (id < 0 || !m_workspace)
        return;
    const QString error = m_workspace->resend(id);
    Q_EMIT message(error.isEmpty() ? tr("Line queued to be sent now.") : tr("Not resent: %1").arg(error));
}

void QueueView::discardCurrent(bool confirmed)
{
    const qint64 id = currentLineId();
    const auto line = m_model->lineAt(m_model->rowOf(id));
    if (!line || !m_workspace)
        return;
    if (!confirmed && !confirmDiscard(this, line->code))
        return;
    const QString error = m_workspace->discard(id, tr("discarded by the user"));
    Q_EMIT message(error.isEmpty() ? tr("Line discarded.") : tr("Not discarded: %1").arg(error));
}

bool QueueView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete && key->modifiers() == Qt::NoModifier) {
            discardCurrent(false);
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            key->modifiers() == Qt::NoModifier) {
            openCurrent();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Ui
