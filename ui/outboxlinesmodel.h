#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QPointer>
#include <QTimeZone>

#include "outbox/outboxline.h"

class QTableView;
class QWidget;

namespace Common {
class Clock;
}

namespace Outbox {
class OutboxStore;
class PatientDirectory;
} // namespace Outbox

namespace Ui {

/// How a line's row reads: "Queued", "Sent · Procedure/123", "Needs correction", "Waiting to retry".
struct LineStatus
{
    enum class Kind
    {
        Queued,
        Sending,
        Waiting,
        Sent,
        NeedsCorrection,
        Discarded
    };
    Kind kind = Kind::Queued;
    QString text;   ///< short, for the state column
    QString detail; ///< the EHR's id, its message, or when the next try is
    QString icon;   ///< resource path
};

/// The row text for a line; a next attempt is shown in `zone` (the clinic's; invalid: this computer's),
/// with the zone named.
LineStatus lineStatus(const Outbox::OutboxLine &line, const QDateTime &nowUtc, const QTimeZone &zone = {});

/// A moment for a person, in `zone` (invalid: this computer's) with the zone named: "14:03 CDT", with
/// the day in front when it is not today ("15 Mar 14:03 CDT"); seconds when asked.
QString zonedTimeText(const QDateTime &value, const QTimeZone &zone, const QDateTime &nowUtc,
                      bool seconds = false);

/// When a line was performed (`end` valid for anesthesia), in `zone` (invalid: as the line says) with
/// the zone named: "14 Mar 10:30 CDT", or for anesthesia "14 Mar 10:30–11:45 CDT".
QString performedText(const QDateTime &start, const QDateTime &end, const QTimeZone &zone,
                      const QLocale &locale);

/**
 * Outbox lines as table rows: the lines of one encounter (the superbill
 * being entered), or every line needing attention (the queue view: waiting,
 * refused, or not yet sent). Follows the store's changes.
 */
class OutboxLinesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Filter
    {
        Encounter,
        Attention
    };
    enum Column
    {
        StateColumn,
        CodeColumn,
        DescriptionColumn,
        PerformedColumn,
        PatientColumn,
        EncounterColumn, ///< when the encounter was, in its own zone
        DetailColumn,
        ColumnCount
    };
    enum Role
    {
        LineIdRole = Qt::UserRole + 1,
        KindRole,
        EncounterIdRole,
        PatientIdRole
    };

    OutboxLinesModel(Filter filter, QObject *parent = nullptr);

    void setStore(Outbox::OutboxStore *store);
    void setClock(const Common::Clock *clock);
    /// Where patient names, encounter dates and diagnosis names come from (its offline copy); without
    /// one, the lines show what they hold themselves.
    void setDirectory(Outbox::PatientDirectory *directory);
    /// The clinic's zone, for the times shown.
    void setTimeZone(const QTimeZone &zone);
    /// For Filter::Encounter: whose lines to show.
    void setEncounterId(const QString &encounterId);

    void refresh();
    int rowOf(qint64 lineId) const;
    std::optional<Outbox::OutboxLine> lineAt(int row) const;
    /// The line with its entry, read from the store: the rows are listings, which leave it out.
    std::optional<Outbox::OutboxLine> lineWithEntry(qint64 lineId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    /// What a row shows beyond the line's own fields, worked out once per refresh.
    struct Row
    {
        QString performed;
        QString diagnoses; ///< "M17.11 — …, I10 — …"
        QString patient;
        QString encounter;
    };
    Row rowFor(const Outbox::OutboxLine &line) const;
    Outbox::LineFilter filter() const;
    bool accepts(const Outbox::OutboxLine &line) const;
    void onLineChanged(qint64 id);

    Filter m_filter;
    QPointer<Outbox::OutboxStore> m_store;
    const Common::Clock *m_clock = nullptr;
    QPointer<Outbox::PatientDirectory> m_directory;
    QTimeZone m_zone;
    QString m_encounterId;
    QList<Outbox::OutboxLine> m_lines;
    QList<Row> m_rows;
};

/// A read-only table of a lines model: whole rows, one at a time, no grid, the description stretched.
QTableView *makeLinesTable(OutboxLinesModel *model, const QString &objectName, const QString &accessibleName,
                           int rowHeight, QWidget *parent);

} // namespace Ui
