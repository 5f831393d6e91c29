#include "drillsdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "appsettings.h"
#include "drillpanel.h"
#include "drills/drillresults.h"
#include "drillsession.h"

namespace Ui {

DrillsDialog::DrillsDialog(AppSettings &settings, Drills::DrillResults &results, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_results(results)
{
    setObjectName(QStringLiteral("drillsDialog"));
    setWindowTitle(tr("Drills"));
    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_drills = new QListWidget(this);
    m_drills->setObjectName(QStringLiteral("drillList"));
    m_drills->setMinimumSize(300, 300);
    top->addWidget(m_drills, 1);
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("drillPreviewLabel"));
    m_preview->setWordWrap(true);
    m_preview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_preview->setMinimumWidth(320);
    m_preview->setProperty("role", QStringLiteral("detail"));
    top->addWidget(m_preview, 1);
    layout->addLayout(top, 1);

    auto *form = new QFormLayout;
    m_trainee = new QLineEdit(m_settings.training().trainee, this);
    m_trainee->setObjectName(QStringLiteral("traineeEdit"));
    m_trainee->setPlaceholderText(tr("The name results are kept under"));
    auto *traineeLabel = new QLabel(tr("&Trainee"), this);
    traineeLabel->setBuddy(m_trainee);
    form->addRow(traineeLabel, m_trainee);
    auto *folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(m_settings.training().drillsFolder, this);
    m_folder->setObjectName(QStringLiteral("drillsFolderEdit"));
    m_folder->setReadOnly(true);
    m_folder->setPlaceholderText(tr("Only the built-in drills"));
    folderRow->addWidget(m_folder, 1);
    auto *choose = new QPushButton(tr("&Folder…"), this);
    choose->setObjectName(QStringLiteral("drillsFolderButton"));
    folderRow->addWidget(choose);
    form->addRow(tr("Trainer's drills"), folderRow);
    layout->addLayout(form);
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("drillProblemsLabel"));
    m_problems->setWordWrap(true);
    m_problems->setProperty("role", QStringLiteral("hint"));
    layout->addWidget(m_problems);

    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("drillResultsTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Drill"), tr("Started"), tr("Score"), tr("Time"), tr("Keystrokes"), tr("Hints")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(140);
    layout->addWidget(m_table);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("drillsMessageLabel"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(this);
    m_start = buttons->addButton(tr("&Start the drill"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(QStringLiteral("startDrillButton"));
    m_start->setDefault(true);
    auto *exportButton = buttons->addButton(tr("&Export results as CSV…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(QStringLiteral("exportResultsButton"));
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &DrillsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_drills, &QListWidget::currentRowChanged, this, &DrillsDialog::showDrill);
    connect(m_drills, &QListWidget::itemActivated, this, &DrillsDialog::accept);
    connect(m_trainee, &QLineEdit::textChanged, this, &DrillsDialog::showResults);
    connect(choose, &QPushButton::clicked, this, &DrillsDialog::chooseFolder);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export drill results"), QStringLiteral("drill-results.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty())
            m_message->setText(exportResults(path));
    });
    loadDrills();
    showResults();
    m_drills->setFocus();
}

const Drills::Drill *DrillsDialog::drill() const
{
    const int row = m_drills->currentRow();
    return row >= 0 && row < m_list.drills.size() ? &m_list.drills.at(row) : nullptr;
}

QString DrillsDialog::trainee() const
{
    return m_trainee->text().trimmed();
}

void DrillsDialog::accept()
{
    if (!drill()) {
        m_message->setText(tr("Choose a drill."));
        return;
    }
    if (trainee().isEmpty()) {
        m_message->setText(tr("Give the trainee's name: results are kept under it."));
        m_trainee->setFocus();
        return;
    }
    TrainingSettings settings = m_settings.training();
    settings.trainee = trainee();
    m_settings.setTraining(settings);
    m_settings.sync();
    QDialog::accept();
}

QString DrillsDialog::exportResults(const QString &path)
{
    const Common::Status exported = m_results.exportCsv(path);
    if (!exported.ok())
        return tr("The results were not exported: %1").arg(exported.error().text());
    return tr("Results exported to %1: %2.")
        .arg(QDir::toNativeSeparators(path))
        .arg(m_results.attempts().size());
}

void DrillsDialog::loadDrills()
{
    m_list = Drills::loadDrills({Drills::builtInDrillsFolder(), m_settings.training().drillsFolder});
    const QString language = DrillSession::language();
    m_drills->clear();
    for (const auto &drill : std::as_const(m_list.drills))
        new QListWidgetItem(drill.title.text(language), m_drills);
    QStringList problems;
    for (const auto &problem : std::as_const(m_list.problems))
        problems.append(problem.text());
    m_problems->setText(problems.isEmpty() ? QString()
                                           : tr("Not listed: %1").arg(problems.join(QStringLiteral("\n"))));
    m_problems->setVisible(!problems.isEmpty());
    m_drills->setCurrentRow(m_list.drills.isEmpty() ? -1 : 0);
}

void DrillsDialog::showDrill()
{
    const Drills::Drill *chosen = drill();
    if (!chosen) {
        m_preview->clear();
        return;
    }
    const QString language = DrillSession::language();
    m_preview->setText(QStringLiteral("%1\n\n%2\n\n%3")
                           .arg(chosen->title.text(language), chosen->instructions.text(language),
                                tr("Hints: %1.").arg(chosen->hints.size())));
}

void DrillsDialog::showResults()
{
    const QList<Drills::DrillAttempt> attempts =
        trainee().isEmpty() ? QList<Drills::DrillAttempt>() : m_results.attempts(trainee());
    m_table->setRowCount(int(attempts.size()));
    for (int row = 0; row < attempts.size(); ++row) {
        const Drills::DrillAttempt &attempt = attempts.at(row);
        const QStringList cells{attempt.drillTitle,
                                QLocale().toString(attempt.startedAt.toLocalTime(), QLocale::ShortFormat),
                                tr("%1%").arg(attempt.percent) +
                                    (attempt.correct ? tr(" · correct") : tr(" · not correct")),
                                durationText(attempt.seconds),
                                QString::number(attempt.keystrokes),
                                QString::number(attempt.hintsUsed)};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
}

void DrillsDialog::chooseFolder()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("The trainer's drills folder"), m_folder->text());
    if (folder.isEmpty())
        return;
    TrainingSettings settings = m_settings.training();
    settings.drillsFolder = folder;
    m_settings.setTraining(settings);
    m_settings.sync();
    m_folder->setText(folder);
    loadDrills();
}

} // namespace Ui
