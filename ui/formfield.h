#pragma once

#include <QString>

namespace Ui {

/// The places on the screen a finding can point at.
enum class FormField
{
    None,
    Patient,
    Encounter,
    Code,
    Description,
    Category,
    Status,
    Performed,
    PeriodStart,
    PeriodEnd,
    Recorded,
    Diagnoses,
};

/**
 * Where a Validator or EHR finding belongs on the form: maps a FHIR element
 * path ("Procedure.performedPeriod.end", "Procedure.reasonReference[1].reference")
 * to the field that shows it. For a linked diagnosis, diagnosisIndex receives
 * the position in the list (or -1).
 */
FormField fieldForPath(const QString &path, int *diagnosisIndex = nullptr);

/// The label a person sees for a field ("Performed", "Anesthesia end", ...).
QString fieldLabel(FormField field);

} // namespace Ui
