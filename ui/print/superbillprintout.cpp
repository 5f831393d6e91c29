#include "superbillprintout.h"

#include <QCoreApplication>
#include <QLocale>

#include "common/printable.h"
#include "superbill/pointers.h"

namespace Print {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Print::SuperbillPrintout)
};

/// "14 Mar 2026 09:30 CDT": the same on every computer, so the paper reads the same everywhere.
QString dateTimeText(const QDateTime &value)
{
    if (!value.isValid())
        return {};
    return QLocale::c().toString(value, QStringLiteral("d MMM yyyy HH:mm")) + u' ' +
           value.timeZoneAbbreviation();
}

// A line's time from the outbox's listing columns: its moment, or the period of an anesthesia line.
QString timeText(const Outbox::OutboxLine &line, const QTimeZone &zone)
{
    const QDateTime start = line.performedStart.toTimeZone(zone);
    if (!line.performedEnd.isValid())
        return dateTimeText(start);
    const QDateTime end = line.performedEnd.toTimeZone(zone);
    const QString endText =
        start.date() == end.date() ? QLocale::c().toString(end, QStringLiteral("HH:mm")) : dateTimeText(end);
    return Text::tr("%1 to %2 (%3 min)").arg(dateTimeText(start), endText).arg(start.secsTo(end) / 60);
}

QString stateText(const Outbox::OutboxLine &line)
{
    switch (line.state) {
    case Outbox::LineState::Pending:
        return line.attempts > 0 ? Text::tr("Waiting to retry") : Text::tr("Queued");
    case Outbox::LineState::Sending:
        return Text::tr("Sending");
    case Outbox::LineState::Sent:
        return Text::tr("Sent (Procedure/%1)").arg(line.ehrId);
    case Outbox::LineState::NeedsCorrection:
        return line.findings.isEmpty() ? Text::tr("Needs correction")
                                       : Text::tr("Needs correction: %1 %2")
                                             .arg(Common::printable(line.findings.constFirst().code),
                                                  Common::printable(line.findings.constFirst().message));
    case Outbox::LineState::Discarded:
        return Text::tr("Discarded");
    }
    return {};
}

} // namespace

SuperbillPrintout makePrintout(const PrintSource &source)
{
    SuperbillPrintout printout;
    printout.practiceName = source.practice.name;
    printout.practiceAddress = source.practice.address;
    printout.patientName = source.patient.displayName();
    printout.birthDate = source.patient.birthDate;
    printout.mrn = source.patient.mrn;
    printout.encounterId = source.encounter.id;
    const QTimeZone zone = source.encounter.zone().isValid() ? source.encounter.zone()
                           : source.clinicZone.isValid()     ? source.clinicZone
                                                             : QTimeZone::systemTimeZone();
    printout.encounterWhen = dateTimeText(source.encounter.start.toTimeZone(zone));
    printout.encounterType = source.encounter.type;
    printout.printedAt = dateTimeText(source.now.toTimeZone(zone));

    QStringList lettered = source.diagnosisOrder;
    for (const Outbox::OutboxLine &line : source.lines) {
        if (line.state == Outbox::LineState::Discarded)
            continue;
        for (const QString &id : line.diagnosisIds) {
            if (!lettered.contains(id))
                lettered << id;
        }
        printout.lines.append({line.code, line.display, timeText(line, zone),
                               Superbill::Pointers::text(line.diagnosisIds, lettered), stateText(line)});
    }
    for (qsizetype i = 0; i < lettered.size() && i < Superbill::Pointers::MaxDiagnoses; ++i) {
        PrintedDiagnosis diagnosis{Superbill::Pointers::letter(i), lettered.at(i), {}};
        for (const Ehr::ConditionSummary &condition : source.conditions) {
            if (condition.id == lettered.at(i))
                diagnosis = {diagnosis.letter, condition.code, condition.display};
        }
        printout.diagnoses.append(diagnosis);
    }
    return printout;
}

} // namespace Print
