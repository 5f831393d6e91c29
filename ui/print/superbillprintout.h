#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include "ehr/conditionsummary.h"
#include "ehr/encountersummary.h"
#include "ehr/patientsummary.h"
#include "outbox/outboxline.h"
#include "superbill/practice.h"

namespace Print {

/// A diagnosis as the printed superbill lists it: its pointer letter and ICD-10-CM code.
struct PrintedDiagnosis
{
    QChar letter;
    QString code;
    QString display;

    friend bool operator==(const PrintedDiagnosis &, const PrintedDiagnosis &) = default;
};

/// One procedure line as printed.
struct PrintedLine
{
    QString code;
    QString description;
    QString time;     ///< "14 Mar 2026 09:30 CDT", or the start–end and minutes of a period
    QString pointers; ///< "AB"
    QString state;    ///< "Sent (Procedure/123)", "Queued", "Needs correction: 500002 …"

    friend bool operator==(const PrintedLine &, const PrintedLine &) = default;
};

/// Everything one printed superbill shows, already in words.
struct SuperbillPrintout
{
    QString practiceName;
    QString practiceAddress; ///< lines separated by '\n'
    QString patientName;
    QDate birthDate;
    QString mrn;
    QString encounterId;
    QString encounterWhen; ///< the encounter's start in its zone
    QString encounterType;
    QList<PrintedDiagnosis> diagnoses;
    QList<PrintedLine> lines;
    QString printedAt;
};

/// What a superbill is printed from: the same for the app and superbill-cli.
struct PrintSource
{
    Superbill::PracticeDetails practice;
    Ehr::PatientSummary patient;
    Ehr::EncounterSummary encounter;
    /// The patient's diagnoses, to name the linked ones by their ICD-10-CM codes.
    QList<Ehr::ConditionSummary> conditions;
    /// Condition ids in the order the form letters them (A first); diagnoses the lines link that are
    /// not among them follow in the order the lines first use them.
    QStringList diagnosisOrder;
    /// The encounter's outbox lines, in the order they were entered; discarded ones are not printed.
    QList<Outbox::OutboxLine> lines;
    /// Where times are shown when the encounter names no zone (the clinic's).
    QTimeZone clinicZone;
    QDateTime now;
};

SuperbillPrintout makePrintout(const PrintSource &source);

} // namespace Print
