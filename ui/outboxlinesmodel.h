#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>

#include "outbox/outboxline.h"

class QTableView;
class QWidget;

namespace Common {
class Clock;
}

namespace Outbox {
class OutboxStore;
}

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

/// The row text for a line; next attempts are shown in this computer's time.
LineStatus lineStatus(const Outbox::OutboxLine &line, const QDateTime &nowUtc);

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
        EncounterColumn,
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
        QString diagnoses;
    };
    static Row rowFor(const Outbox::OutboxLine &line);
    Outbox::LineFilter filter() const;
    bool accepts(const Outbox::OutboxLine &line) const;
    void onLineChanged(qint64 id);

    Filter m_filter;
    QPointer<Outbox::OutboxStore> m_store;
    const Common::Clock *m_clock = nullptr;
    QString m_encounterId;
    QList<Outbox::OutboxLine> m_lines;
    QList<Row> m_rows;
};

/// A read-only table of a lines model: whole rows, one at a time, no grid, the description stretched.
QTableView *makeLinesTable(OutboxLinesModel *model, const QString &objectName, const QString &accessibleName,
                           int rowHeight, QWidget *parent);

} // namespace Ui
