#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>

#include "common/result.h"

namespace Ehr {

/**
 * What the EHR's CapabilityStatement (GET [base]/metadata) says that matters
 * here: is it FHIR R4, and does it take Procedures with a conditional create
 * (If-None-Exist), which makes a resend after a lost answer harmless.
 */
struct Capabilities
{
    QString fhirVersion;
    QString software; ///< software.name and version, for the settings page
    bool procedureCreate = false;
    bool conditionalCreate = false;

    bool isR4() const { return fhirVersion.startsWith(QStringLiteral("4.0")); }

    static Common::Result<Capabilities> fromFhir(const QJsonObject &resource);
};

} // namespace Ehr
