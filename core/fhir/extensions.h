#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

/**
 * FHIR extension and code-system URLs that more than one module spells: the
 * training EHR writes them and the EHR client reads them, so they live in one
 * place and cannot drift apart.
 */
namespace Fhir::Urls {

/// The EHR's billing state of an encounter: valueCode open, signed-off, billed or partially-billed.
inline constexpr auto EncounterStateExtension =
    "https://superbill-desk.example.org/fhir/StructureDefinition/encounter-state";
/// The IANA time zone of an encounter (valueCode), HL7's standard extension.
inline constexpr auto TimezoneExtension = "http://hl7.org/fhir/StructureDefinition/timezone";
/// ICD-10-CM, the code system of the patients' diagnoses.
inline constexpr auto Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
/// The identifier system of a patient's medical record number.
inline constexpr auto MrnSystem = "urn:superbill-desk:mrn";
/// The meta.tag system of a Procedure the training EHR refused (code: the EHR code it answered with).
inline constexpr auto SandboxRefusalTag =
    "https://superbill-desk.example.org/fhir/CodeSystem/sandbox-refusal";

} // namespace Fhir::Urls

namespace Fhir {

/// The valueCode of the resource's first extension with this url, or empty.
inline QString extensionValueCode(const QJsonObject &resource, const char *url)
{
    for (const auto &item : resource.value(QStringLiteral("extension")).toArray()) {
        const QJsonObject extension = item.toObject();
        if (extension.value(QStringLiteral("url")).toString() == QLatin1String(url))
            return extension.value(QStringLiteral("valueCode")).toString();
    }
    return {};
}

} // namespace Fhir
