#pragma once

#include <optional>

#include <QDate>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include "common/result.h"

namespace Ehr {

/**
 * What the superbill form shows of a FHIR Patient: enough to pick the right
 * person (name, MRN, birth date, gender). Read from the EHR's JSON, which the
 * offline cache also keeps verbatim.
 */
struct PatientSummary
{
    QString id;
    QString mrn; ///< identifier with system urn:superbill-desk:mrn, or empty
    QString family;
    QString given; ///< given names joined by spaces
    QDate birthDate;
    QString gender; ///< FHIR administrative gender: male | female | other | unknown

    /// "Family, Given", or whichever part exists, or the id.
    QString displayName() const;

    /// Reads a Patient resource; nullopt with a reason when it is not one or has no id.
    static Common::Result<PatientSummary> fromFhir(const QJsonObject &resource);

    friend bool operator==(const PatientSummary &, const PatientSummary &) = default;
};

} // namespace Ehr

Q_DECLARE_METATYPE(Ehr::PatientSummary)
