#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include "common/result.h"

namespace Drills {

/// One trainee's attempt at a drill, as scored.
struct DrillAttempt
{
    QString trainee;
    QString drillId;
    QString drillTitle;
    QDateTime startedAt; ///< UTC
    qint64 seconds = 0;
    int keystrokes = 0;
    int hintsUsed = 0;
    bool correct = false;
    int percent = 0;
    QStringList mistakes;

    friend bool operator==(const DrillAttempt &, const DrillAttempt &) = default;
};

/**
 * The drill results of a class, per trainee name, in an SQLite file among
 * the training data (owner-only, like every data file), so a trainer can
 * follow a class across days; and the same as CSV for a spreadsheet. A reset
 * of the demo data keeps them.
 */
class DrillResults
{
public:
    DrillResults();
    ~DrillResults();
    DrillResults(const DrillResults &) = delete;
    DrillResults &operator=(const DrillResults &) = delete;

    Common::Status open(const QString &path);
    void close();
    bool isOpen() const;

    Common::Status record(const DrillAttempt &attempt);
    /// Oldest first; every trainee's when trainee is empty.
    QList<DrillAttempt> attempts(const QString &trainee = {}) const;
    /// The names that have attempts, sorted.
    QStringList trainees() const;

    /// RFC 4180 CSV with a header line; a cell that a spreadsheet would run as a formula (=, +, -, @)
    /// is written with a leading apostrophe.
    static QByteArray toCsv(const QList<DrillAttempt> &attempts);
    Common::Status exportCsv(const QString &path, const QString &trainee = {}) const;

private:
    Common::Status openAndMigrate(const QString &path);

    QString m_connectionName;
};

} // namespace Drills
