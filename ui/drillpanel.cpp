#include "drillpanel.h"

#include <QCloseEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "theme.h"
#include "trainingtexts.h"
#include "workspace.h"

namespace Ui {

namespace {

} // namespace

QString durationText(qint64 seconds)
{
    if (seconds < 60)
        return DrillPanel::tr("%1 s").arg(seconds);
    return DrillPanel::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

DrillPanel::DrillPanel(Workspace &workspace, QWidget *window)
    : QDockWidget(tr("Drill"), window)
    , m_session(workspace, window)
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("drillPanel"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(8);
    const auto label = [body, layout](const QString &name, const QString &role) {
        auto *label = new QLabel(body);
        label->setObjectName(name);
        label->setWordWrap(true);
        if (!role.isEmpty())
            label->setProperty("role", role);
        layout->addWidget(label);
        return label;
    };
    m_title = label(QStringLiteral("drillTitleLabel"), QStringLiteral("title"));
    m_instructions = label(QStringLiteral("drillInstructionsLabel"), QString());
    m_instructions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ehr = label(QStringLiteral("drillEhrLabel"), QStringLiteral("hint"));
    m_hintButton = new QPushButton(body);
    m_hintButton->setObjectName(QStringLiteral("drillHintButton"));
    layout->addWidget(m_hintButton);
    m_hints = label(QStringLiteral("drillHintsLabel"), QStringLiteral("detail"));
    m_hints->hide();
    m_progress = label(QStringLiteral("drillProgressLabel"), QStringLiteral("metric"));
    m_checkButton = new QPushButton(tr("&Check my work"), body);
    m_checkButton->setObjectName(QStringLiteral("drillCheckButton"));
    m_checkButton->setProperty("role", QStringLiteral("primary"));
    layout->addWidget(m_checkButton);
    m_message = label(QStringLiteral("drillMessageLabel"), QStringLiteral("hint"));
    m_score = label(QStringLiteral("drillScoreLabel"), QStringLiteral("summary"));
    m_results = new QListWidget(body);
    m_results->setObjectName(QStringLiteral("drillResultsList"));
    m_results->setWordWrap(true);
    m_results->setAccessibleName(tr("What the check found"));
    layout->addWidget(m_results, 1);
    m_retryButton = new QPushButton(tr("&Try again"), body);
    m_retryButton->setObjectName(QStringLiteral("drillRetryButton"));
    layout->addWidget(m_retryButton);
    setWidget(body);
    setMinimumWidth(300);

    connect(m_hintButton, &QPushButton::clicked, this, &DrillPanel::showHint);
    connect(m_checkButton, &QPushButton::clicked, this, &DrillPanel::check);
    connect(m_retryButton, &QPushButton::clicked, this, &DrillPanel::tryAgain);
    connect(m_tick, &QTimer::timeout, this, &DrillPanel::updateProgress);
    connect(&m_session, &DrillSession::keystrokesChanged, this, &DrillPanel::updateProgress);
    connect(&m_session, &DrillSession::started, this, [this] {
        m_tick->start(1000);
        m_checkButton->setEnabled(true);
        setMessage(QString());
        updateProgress();
    });
    connect(&m_session, &DrillSession::failed, this, [this](const QString &message) {
        m_checkButton->setEnabled(m_session.isRunning());
        setMessage(message);
    });
    connect(&m_session, &DrillSession::ehrBackToNormal, this,
            [this] { setMessage(tr("The EHR answers again.")); });
    connect(&m_session, &DrillSession::checked, this, &DrillPanel::showReport);
}

bool DrillPanel::start(const Drills::Drill &drill, const QString &trainee)
{
    const QString language = DrillSession::language();
    m_title->setText(drill.title.text(language));
    m_instructions->setText(drill.instructions.text(language));
    m_ehr->setText(behaviourTexts(drill.ehr.behaviour).drill);
    m_ehr->setVisible(!m_ehr->text().isEmpty());
    m_hints->clear();
    m_hints->hide();
    m_results->clear();
    m_score->clear();
    m_retryButton->hide();
    m_checkButton->setEnabled(false);
    setMessage(tr("Setting up the drill…"));
    show();
    raise();
    const QString error = m_session.start(drill, trainee);
    if (!error.isEmpty()) {
        setMessage(error);
        return false;
    }
    updateProgress();
    return true;
}

void DrillPanel::showHint()
{
    const QString hint = m_session.takeHint();
    if (hint.isEmpty())
        return;
    m_hints->setText(m_hints->text().isEmpty() ? hint : m_hints->text() + QStringLiteral("\n\n") + hint);
    m_hints->show();
    updateProgress();
}

void DrillPanel::check()
{
    if (!m_session.isRunning())
        return;
    m_checkButton->setEnabled(false);
    setMessage(tr("Checking what the training EHR holds…"));
    m_session.check();
}

void DrillPanel::tryAgain()
{
    start(m_session.drill(), m_session.trainee());
}

void DrillPanel::closeEvent(QCloseEvent *event)
{
    m_session.stop();
    m_tick->stop();
    QDockWidget::closeEvent(event);
}

void DrillPanel::updateProgress()
{
    const int left = m_session.hintsLeft();
    m_hintButton->setText(tr("Show a &hint (%n left)", nullptr, left));
    m_hintButton->setEnabled(m_session.isRunning() && left > 0);
    m_hintButton->setVisible(!m_session.drill().hints.isEmpty());
    m_progress->setText(tr("%1 · keystrokes: %2 · hints used: %3")
                            .arg(durationText(m_session.elapsedSeconds()))
                            .arg(m_session.keystrokes())
                            .arg(m_session.hintsUsed()));
}

void DrillPanel::showReport(const Drills::CheckReport &report, const Drills::DrillAttempt &attempt)
{
    m_tick->stop();
    updateProgress();
    setMessage(QString());
    m_results->clear();
    for (const auto &item : report.items) {
        QString icon = QStringLiteral(":/icons/sent.svg");
        if (item.verdict == Drills::CheckItem::Verdict::Wrong)
            icon = QStringLiteral(":/icons/error.svg");
        else if (item.verdict == Drills::CheckItem::Verdict::NotChecked)
            icon = QStringLiteral(":/icons/info.svg");
        auto *row = new QListWidgetItem(cachedIcon(icon), item.text, m_results);
        row->setData(Qt::UserRole, int(item.verdict));
    }
    m_score->setText(
        tr("Score %1% — %2 · %3 · keystrokes: %4 · hints used: %5")
            .arg(attempt.percent)
            .arg(attempt.correct ? tr("correct") : tr("not correct yet"), durationText(attempt.seconds))
            .arg(attempt.keystrokes)
            .arg(attempt.hintsUsed));
    setStyleProperty(m_score, "state", attempt.correct ? QStringLiteral("ok") : QStringLiteral("error"));
    m_retryButton->show();
}

void DrillPanel::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

} // namespace Ui
