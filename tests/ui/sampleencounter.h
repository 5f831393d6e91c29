#pragma once

#include <QTimeZone>

#include "linedraft.h"

/// The demo encounter the form tests type into: Patient-265's Encounter-805 in Chicago, with two
/// diagnoses the form may link; signed off when asked.
inline Ui::EncounterContext sampleEncounter(bool signedOff = false)
{
    Ui::EncounterContext context;
    context.patientId = QStringLiteral("Patient-265");
    context.patientName = QStringLiteral("Doe, Jane");
    context.encounterId = QStringLiteral("Encounter-805");
    context.title = QStringLiteral("Encounter-805 · 14 Mar 2026");
    context.timeZone = QTimeZone("America/Chicago");
    context.start = QDateTime(QDate(2026, 3, 14), QTime(9, 0), context.timeZone);
    if (signedOff)
        context.facts.state.billing = Model::BillingState::SignedOff;
    context.stateText = signedOff ? QStringLiteral("Signed off") : QStringLiteral("Open");
    context.diagnoses = {
        {QStringLiteral("Condition-Problem-I-1332"), QStringLiteral("I10"),
         QStringLiteral("Essential hypertension")},
        {QStringLiteral("Condition-2"), QStringLiteral("E11.9"), QStringLiteral("Type 2 diabetes")}};
    context.diagnosesKnown = true;
    return context;
}
