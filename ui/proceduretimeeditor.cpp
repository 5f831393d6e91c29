#include "proceduretimeeditor.h"

#include <QCoreApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScopedValueRollback>
#include <QVBoxLayout>

#include "linedraft.h"
#include "model/procedureentry.h"
#include "theme.h"
#include "zoneddatetimeedit.h"

namespace Ui {

// Words the line form has always shown keep its translation context ("Ui::LineEditor"), so their
// translations stay with them.

namespace {

ZonedDateTimeEdit *makeEdit(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new ZonedDateTimeEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace

ProcedureTimeEditor::ProcedureTimeEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("procedureTimeEditor"));
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("procedureTimeCaption"));
    m_caption->setProperty("role", QStringLiteral("caption"));
    m_caption->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_performedEdit =
        makeEdit(QStringLiteral("performedAtEdit"),
                 QCoreApplication::translate("Ui::LineEditor", "Performed date and time"), this);
    m_performedOffsetLabel = makeHintLabel(QStringLiteral("performedOffsetLabel"), this);
    m_performedRow = new QWidget(this);
    auto *performedLayout = new QHBoxLayout(m_performedRow);
    performedLayout->setContentsMargins(0, 0, 0, 0);
    performedLayout->setSpacing(8);
    performedLayout->addWidget(m_performedEdit);
    performedLayout->addWidget(m_performedOffsetLabel);
    performedLayout->addStretch(1);
    layout->addWidget(m_performedRow);

    m_startEdit = makeEdit(QStringLiteral("anesthesiaStartEdit"),
                           QCoreApplication::translate("Ui::LineEditor", "Anesthesia start"), this);
    m_endEdit = makeEdit(QStringLiteral("anesthesiaEndEdit"),
                         QCoreApplication::translate("Ui::LineEditor", "Anesthesia end"), this);
    m_startOffsetLabel = makeHintLabel(QStringLiteral("anesthesiaStartOffsetLabel"), this);
    m_endOffsetLabel = makeHintLabel(QStringLiteral("anesthesiaEndOffsetLabel"), this);
    m_minutesLabel = new QLabel(this);
    m_minutesLabel->setObjectName(QStringLiteral("anesthesiaMinutesLabel"));
    m_minutesLabel->setProperty("role", QStringLiteral("metric"));
    m_unitsLabel = makeHintLabel(QStringLiteral("anesthesiaUnitsLabel"), this);
    m_unitsLabel->setWordWrap(true);
    m_unitsLabel->setToolTip(QCoreApplication::translate(
        "Ui::LineEditor", "A preview only: the EHR computes the billed anesthesia units from its own "
                          "configuration."));
    m_periodRow = new QWidget(this);
    auto *periodLayout = new QGridLayout(m_periodRow);
    periodLayout->setContentsMargins(0, 0, 0, 0);
    periodLayout->setHorizontalSpacing(8);
    periodLayout->setVerticalSpacing(4);
    auto *startCaption = new QLabel(QCoreApplication::translate("Ui::LineEditor", "&Start"), m_periodRow);
    startCaption->setBuddy(m_startEdit);
    auto *endCaption = new QLabel(QCoreApplication::translate("Ui::LineEditor", "&End"), m_periodRow);
    endCaption->setBuddy(m_endEdit);
    periodLayout->addWidget(startCaption, 0, 0);
    periodLayout->addWidget(m_startEdit, 0, 1);
    periodLayout->addWidget(m_startOffsetLabel, 0, 2);
    periodLayout->addWidget(endCaption, 1, 0);
    periodLayout->addWidget(m_endEdit, 1, 1);
    periodLayout->addWidget(m_endOffsetLabel, 1, 2);
    // Under the times, with the row's whole width: beside them the estimate wrapped into a column a
    // few words wide on a narrow window, and ran out of it.
    auto *metrics = new QHBoxLayout;
    metrics->setSpacing(8);
    metrics->addWidget(m_minutesLabel);
    metrics->addWidget(m_unitsLabel, 1);
    periodLayout->addLayout(metrics, 2, 1, 1, 3);
    periodLayout->setColumnMinimumWidth(2, 90);
    periodLayout->setColumnStretch(3, 1);
    layout->addWidget(m_periodRow);

    setTabOrder(m_performedEdit, m_startEdit);
    setTabOrder(m_startEdit, m_endEdit);

    const auto onEdit = [this](FormField field) {
        return [this, field] {
            updateLabels();
            if (m_quiet)
                return;
            m_startSet = m_startSet || field == FormField::PeriodStart;
            m_endSet = m_endSet || field == FormField::PeriodEnd;
            Q_EMIT edited(field);
        };
    };
    connect(m_performedEdit, &QDateTimeEdit::dateTimeChanged, this, onEdit(FormField::Performed));
    connect(m_startEdit, &QDateTimeEdit::dateTimeChanged, this, onEdit(FormField::PeriodStart));
    connect(m_endEdit, &QDateTimeEdit::dateTimeChanged, this, onEdit(FormField::PeriodEnd));

    m_periodMode = true; // so that the call below shows the single time
    setPeriodMode(false);
    updateLabels();
}

void ProcedureTimeEditor::setZone(const QTimeZone &zone)
{
    const QScopedValueRollback quiet(m_quiet, true);
    for (auto *edit : {m_performedEdit, m_startEdit, m_endEdit})
        edit->setZone(zone);
}

QTimeZone ProcedureTimeEditor::zone() const
{
    return m_performedEdit->zone();
}

void ProcedureTimeEditor::setUnitMinutes(int minutes)
{
    m_unitMinutes = minutes > 0 ? minutes : 15;
    updateLabels();
}

void ProcedureTimeEditor::setPeriodMode(bool period)
{
    if (period == m_periodMode)
        return;
    m_periodMode = period;
    if (period) {
        // An anesthesia code starts from the time already given.
        const QScopedValueRollback quiet(m_quiet, true);
        if (!m_startSet)
            m_startEdit->setZonedValue(m_performedEdit->zonedValue());
        if (!m_endSet)
            m_endEdit->setZonedValue(m_startEdit->zonedValue());
    }
    m_performedRow->setVisible(!period);
    m_periodRow->setVisible(period);
    m_caption->setText(period ? QCoreApplication::translate("Ui::LineEditor", "Anesthesia")
                              : QCoreApplication::translate("Ui::LineEditor", "&Performed"));
    m_caption->setBuddy(period ? static_cast<QWidget *>(m_startEdit) : m_performedEdit);
}

QDateTime ProcedureTimeEditor::performed() const
{
    return m_performedEdit->zonedValue();
}

QDateTime ProcedureTimeEditor::periodStart() const
{
    return m_startEdit->zonedValue();
}

QDateTime ProcedureTimeEditor::periodEnd() const
{
    return m_endEdit->zonedValue();
}

void ProcedureTimeEditor::reset(const QDateTime &performed)
{
    {
        const QScopedValueRollback quiet(m_quiet, true);
        m_performedEdit->setZonedValue(performed);
    }
    restartPeriod();
}

void ProcedureTimeEditor::restartPeriod()
{
    const QScopedValueRollback quiet(m_quiet, true);
    m_startEdit->setZonedValue(m_performedEdit->zonedValue());
    m_endEdit->setZonedValue(m_performedEdit->zonedValue());
    m_startSet = false;
    m_endSet = false;
}

void ProcedureTimeEditor::load(const QDateTime &performed, const QDateTime &start, const QDateTime &end)
{
    const QScopedValueRollback quiet(m_quiet, true);
    m_performedEdit->setZonedValue(performed);
    m_startEdit->setZonedValue(start.isValid() ? start : performed);
    m_endEdit->setZonedValue(end.isValid() ? end : performed);
    m_startSet = start.isValid();
    m_endSet = end.isValid();
}

void ProcedureTimeEditor::updateLabels()
{
    m_performedOffsetLabel->setText(offsetText(m_performedEdit->zonedValue()));
    m_startOffsetLabel->setText(offsetText(m_startEdit->zonedValue()));
    m_endOffsetLabel->setText(offsetText(m_endEdit->zonedValue()));
    const Model::Period period{m_startEdit->zonedValue(), m_endEdit->zonedValue()};
    const qint64 minutes = period.minutes().value_or(0);
    m_minutesLabel->setText(minutes < 0
                                ? QCoreApplication::translate("Ui::LineEditor", "End before start")
                                : QCoreApplication::translate("Ui::LineEditor", "%1 min").arg(minutes));
    const qint64 units = estimatedTimeUnits(minutes, m_unitMinutes);
    m_unitsLabel->setText(
        (units == 1 ? QCoreApplication::translate("Ui::LineEditor", "≈ 1 time unit")
                    : QCoreApplication::translate("Ui::LineEditor", "≈ %n time units", nullptr, int(units))) +
        QCoreApplication::translate("Ui::LineEditor", " — estimate, %1 min per unit").arg(m_unitMinutes));
}

} // namespace Ui
