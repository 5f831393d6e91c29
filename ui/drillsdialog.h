#pragma once

#include <QDialog>

#include "drills/drill.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace Drills {
class DrillResults;
}

namespace Ui {

class AppSettings;

/**
 * Training → Drills…: the built-in drills and those of the trainer's folder,
 * the trainee's name and their results so far, and the class's results as
 * CSV. Start picks the drill; the drill panel runs it.
 */
class DrillsDialog : public QDialog
{
    Q_OBJECT

public:
    DrillsDialog(AppSettings &settings, Drills::DrillResults &results, QWidget *parent = nullptr);

    /// The chosen drill, once accepted.
    const Drills::Drill *drill() const;
    QString trainee() const;

    void accept() override;
    /// Writes every trainee's results to path as CSV; an error for a person, or empty.
    QString exportResults(const QString &path);

private:
    void loadDrills();
    void showDrill();
    void showResults();
    void chooseFolder();

    AppSettings &m_settings;
    Drills::DrillResults &m_results;
    Drills::DrillList m_list;
    QListWidget *m_drills = nullptr;
    QLabel *m_preview = nullptr;
    QLineEdit *m_trainee = nullptr;
    QLineEdit *m_folder = nullptr;
    QLabel *m_problems = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_start = nullptr;
};

} // namespace Ui
