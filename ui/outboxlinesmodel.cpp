#include "outboxlinesmodel.h"

#include <algorithm>

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QHeaderView>
#include <QIcon>
#include <QLocale>
#include <QLoggingCategory>
#include <QTableView>

#include "common/clock.h"
#include "common/printable.h"
#include "encounterlistmodel.h"
#include "linedraft.h"
#include "outbox/outboxstore.h"
#include "outbox/patientdirectory.h"
#include "theme.h"

namespace Ui {

namespace {
Q_LOGGING_CATEGORY(lcLinesModel, "superbill.ui.lines")
}

QTableView *makeLinesTable(OutboxLinesModel *model, const QString &objectName, const QString &accessibleName,
                           int rowHeight, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(rowHeight);
    table->horizontalHeader()->setHighlightSections(false);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->horizontalHeader()->setSectionResizeMode(OutboxLinesModel::DescriptionColumn,
                                                    QHeaderView::Stretch);
    // The state, the code and the times are never cut off.
    for (const int column : {OutboxLinesModel::StateColumn, OutboxLinesModel::CodeColumn,
                             OutboxLinesModel::PerformedColumn, OutboxLinesModel::EncounterColumn})
        table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    return table;
}

QString zonedTimeText(const QDateTime &value, const QTimeZone &zone, const QDateTime &nowUtc, bool seconds)
{
    if (!value.isValid())
        return {};
    const QTimeZone shown = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    const QDateTime local = value.toTimeZone(shown);
    const QString clock =
        QLocale().toString(local.time(), seconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    const QString day = local.date() == nowUtc.toTimeZone(shown).date()
                            ? QString()
                            : QLocale().toString(local.date(), QStringLiteral("d MMM "));
    return day + clock + u' ' + zoneName(local);
}

QString performedText(const QDateTime &start, const QDateTime &end, const QTimeZone &zone,
                      const QLocale &locale)
{
    const auto inZone = [&zone](const QDateTime &value) {
        return zone.isValid() && value.isValid() ? value.toTimeZone(zone) : value;
    };
    const QDateTime shownStart = inZone(start);
    if (!shownStart.isValid())
        return {};
    QString text = locale.toString(shownStart, QStringLiteral("d MMM HH:mm"));
    const QDateTime shownEnd = inZone(end);
    if (shownEnd.isValid())
        text += QStringLiteral("–") + locale.toString(shownEnd, QStringLiteral("HH:mm"));
    return text + u' ' + zoneName(shownStart);
}

LineStatus lineStatus(const Outbox::OutboxLine &line, const QDateTime &nowUtc, const QTimeZone &zone)
{
    LineStatus status;
    switch (line.state) {
    case Outbox::LineState::Pending:
        if (line.attempts > 0 || !line.lastError.isEmpty()) {
            status.kind = LineStatus::Kind::Waiting;
            status.text = OutboxLinesModel::tr("Waiting to retry");
            status.icon = QStringLiteral(":/icons/retry.svg");
            if (line.nextAttemptAt.isValid() && line.nextAttemptAt > nowUtc) {
                status.detail = OutboxLinesModel::tr("Next try at %1")
                                    .arg(zonedTimeText(line.nextAttemptAt, zone, nowUtc, true));
            } else {
                status.detail = OutboxLinesModel::tr("Next try now");
            }
            status.detail += OutboxLinesModel::tr(" (attempt %1)").arg(line.attempts + 1);
            if (!line.lastError.isEmpty())
                status.detail += QStringLiteral(" — ") + Common::printable(line.lastError);
        } else {
            status.kind = LineStatus::Kind::Queued;
            status.text = OutboxLinesModel::tr("Queued");
            status.detail = OutboxLinesModel::tr("Waiting to be sent");
            status.icon = QStringLiteral(":/icons/queued.svg");
        }
        break;
    case Outbox::LineState::Sending:
        status.kind = LineStatus::Kind::Sending;
        status.text = OutboxLinesModel::tr("Sending…");
        status.icon = QStringLiteral(":/icons/queued.svg");
        break;
    case Outbox::LineState::Sent:
        status.kind = LineStatus::Kind::Sent;
        status.text = OutboxLinesModel::tr("Sent");
        status.detail = line.ehrId.isEmpty() ? OutboxLinesModel::tr("Recorded by the EHR")
                                             : QStringLiteral("Procedure/") + Common::printable(line.ehrId);
        status.icon = QStringLiteral(":/icons/sent.svg");
        break;
    case Outbox::LineState::NeedsCorrection: {
        status.kind = LineStatus::Kind::NeedsCorrection;
        status.text = OutboxLinesModel::tr("Needs correction");
        status.icon = QStringLiteral(":/icons/correction.svg");
        QStringList messages;
        for (const auto &finding : line.findings)
            messages << Common::printable(finding.code + QStringLiteral(" ") + finding.message);
        status.detail = messages.isEmpty() ? Common::printable(line.lastError) : messages.join(u'\n');
        break;
    }
    case Outbox::LineState::Discarded:
        status.kind = LineStatus::Kind::Discarded;
        status.text = OutboxLinesModel::tr("Discarded");
        status.icon = QStringLiteral(":/icons/discard.svg");
        status.detail = Common::printable(line.lastError);
        break;
    }
    return status;
}

OutboxLinesModel::OutboxLinesModel(Filter filter, QObject *parent)
    : QAbstractTableModel(parent)
    , m_filter(filter)
    , m_clock(&Common::Clock::system())
{
}

void OutboxLinesModel::setStore(Outbox::OutboxStore *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &Outbox::OutboxStore::lineChanged, this, &OutboxLinesModel::onLineChanged);
    refresh();
}

void OutboxLinesModel::setClock(const Common::Clock *clock)
{
    m_clock = Common::Clock::orSystem(clock);
}

void OutboxLinesModel::setDirectory(Outbox::PatientDirectory *directory)
{
    m_directory = directory;
    refresh();
}

void OutboxLinesModel::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    refresh();
}

OutboxLinesModel::Row OutboxLinesModel::rowFor(const Outbox::OutboxLine &line) const
{
    Row row;
    const Outbox::OfflineCache *cache = m_directory ? &m_directory->cache() : nullptr;
    const auto encounter = cache ? cache->encounter(line.encounterId) : std::nullopt;
    const auto patient = cache ? cache->patient(line.patientId) : std::nullopt;
    // Names come from the EHR: shown with their control characters escaped.
    row.patient = patient ? Common::printable(patient->displayName()) : tr("Patient not in the offline copy");
    row.encounter =
        encounter ? EncounterListModel::whenText(*encounter) : tr("Encounter not in the offline copy");
    // The encounter's zone when it is known, else the clinic's.
    const QTimeZone zone = encounter && encounter->zone().isValid() ? encounter->zone() : m_zone;
    row.performed = performedText(line.performedStart, line.performedEnd, zone, QLocale());
    const QList<Ehr::ConditionSummary> conditions =
        cache ? cache->conditionsOf(line.patientId) : QList<Ehr::ConditionSummary>();
    QStringList diagnoses;
    for (const QString &id : line.diagnosisIds) {
        const auto known =
            std::find_if(conditions.cbegin(), conditions.cend(),
                         [&id](const Ehr::ConditionSummary &condition) { return condition.id == id; });
        diagnoses << (known == conditions.cend()
                          ? id
                          : DiagnosisOption{known->id, known->code, known->display}.label());
    }
    row.diagnoses = Common::printable(diagnoses.join(QStringLiteral("; ")));
    return row;
}

void OutboxLinesModel::setEncounterId(const QString &encounterId)
{
    if (encounterId == m_encounterId)
        return;
    m_encounterId = encounterId;
    refresh();
}

Outbox::LineFilter OutboxLinesModel::filter() const
{
    using Outbox::LineState;
    if (m_filter == Filter::Encounter)
        return {m_encounterId,
                {LineState::Pending, LineState::Sending, LineState::Sent, LineState::NeedsCorrection}};
    return {{}, {LineState::Pending, LineState::Sending, LineState::NeedsCorrection}};
}

bool OutboxLinesModel::accepts(const Outbox::OutboxLine &line) const
{
    const Outbox::LineFilter shown = filter();
    return (shown.encounterId.isEmpty() || line.encounterId == shown.encounterId) &&
           shown.states.contains(line.state);
}

void OutboxLinesModel::refresh()
{
    beginResetModel();
    m_lines.clear();
    m_rows.clear();
    // The store finds the lines by encounter and state in SQL and reads them from plain columns, so a
    // refresh costs what is shown, however many lines were sent before.
    const bool wanted = m_filter == Filter::Attention || !m_encounterId.isEmpty();
    if (m_store && m_store->isOpen() && wanted) {
        if (auto lines = m_store->lines(filter())) {
            m_lines = std::move(*lines);
            for (const auto &line : std::as_const(m_lines))
                m_rows.append(rowFor(line));
        } else {
            qCWarning(lcLinesModel) << "outbox lines not listed:" << lines.error().code;
        }
    }
    endResetModel();
}

void OutboxLinesModel::onLineChanged(qint64 id)
{
    // The sender changes lines all the time; listing them again for each would cost a query per change,
    // so only the changed line is read.
    if (!m_store)
        return;
    const int row = rowOf(id);
    const auto line = m_store->line(id);
    const bool shown = line && accepts(*line);
    if (row < 0 && !shown)
        return;
    if (row >= 0 && !shown) {
        beginRemoveRows({}, row, row);
        m_lines.removeAt(row);
        m_rows.removeAt(row);
        endRemoveRows();
        return;
    }
    if (row >= 0) {
        Outbox::OutboxLine listed = *line;
        listed.entryJson.clear(); // as lines() lists it
        m_lines[row] = listed;
        m_rows[row] = rowFor(listed);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    refresh();
}

int OutboxLinesModel::rowOf(qint64 lineId) const
{
    for (int row = 0; row < m_lines.size(); ++row) {
        if (m_lines.at(row).id == lineId)
            return row;
    }
    return -1;
}

std::optional<Outbox::OutboxLine> OutboxLinesModel::lineAt(int row) const
{
    if (row < 0 || row >= m_lines.size())
        return std::nullopt;
    return m_lines.at(row);
}

std::optional<Outbox::OutboxLine> OutboxLinesModel::lineWithEntry(qint64 lineId) const
{
    if (!m_store)
        return std::nullopt;
    auto line = m_store->line(lineId);
    if (!line) {
        qCWarning(lcLinesModel) << "outbox line not read:" << line.error().code;
        return std::nullopt;
    }
    return *line;
}

int OutboxLinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int OutboxLinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OutboxLinesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const Outbox::OutboxLine &line = m_lines.at(index.row());
    const Row &row = m_rows.at(index.row());
    // Views ask for many roles of every cell on each paint; most need no status text.
    const auto status = [&line, this] { return lineStatus(line, m_clock->nowUtc(), m_zone); };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StateColumn:
            return status().text;
        case CodeColumn:
            return line.code;
        case DescriptionColumn:
            return Common::printable(line.display);
        case PerformedColumn:
            return row.performed;
        case PatientColumn:
            return row.patient;
        case EncounterColumn:
            return row.encounter;
        case DetailColumn:
            return status().detail.replace(u'\n', QStringLiteral(" · "));
        default:
            return {};
        }
    case Qt::DecorationRole:
        return index.column() == StateColumn ? QVariant(cachedIcon(status().icon)) : QVariant();
    case Qt::ToolTipRole: {
        if (index.column() == DescriptionColumn && !row.diagnoses.isEmpty())
            return QString(Common::printable(line.display) + u'\n' + tr("Diagnoses: %1").arg(row.diagnoses));
        const QString detail = status().detail;
        return detail.isEmpty() ? QVariant() : QVariant(detail);
    }
    case Qt::ForegroundRole:
        if (index.column() == StateColumn || index.column() == DetailColumn) {
            switch (status().kind) {
            case LineStatus::Kind::NeedsCorrection:
                return QBrush(QColor(0xa2, 0x26, 0x1d));
            case LineStatus::Kind::Waiting:
                return QBrush(QColor(0x87, 0x50, 0x00));
            case LineStatus::Kind::Sent:
                return QBrush(QColor(0x1f, 0x6b, 0x3a));
            default:
                break;
            }
        }
        return {};
    case Qt::FontRole:
        if (index.column() == CodeColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case LineIdRole:
        return line.id;
    case KindRole:
        return int(status().kind);
    case EncounterIdRole:
        return line.encounterId;
    case PatientIdRole:
        return line.patientId;
    default:
        return {};
    }
}

QVariant OutboxLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn:
        return tr("State");
    case CodeColumn:
        return tr("Code");
    case DescriptionColumn:
        return tr("Description");
    case PerformedColumn:
        return tr("Performed");
    case PatientColumn:
        return tr("Patient");
    case EncounterColumn:
        return tr("Encounter");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}

} // namespace Ui
