#pragma once

#include <optional>

#include <QString>
#include <QStringList>

namespace Fhir {

/**
 * How recordedDate is written. Base FHIR R4 Procedure has no recordedDate:
 * the vendor's EHR takes it at the top level, a strict R4 server only as the
 * R5 cross-version extension.
 */
enum class Dialect
{
    EhrVendor,
    R4Strict
};

inline constexpr auto RecordedExtensionUrl =
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-Procedure.recorded";

QString dialectName(Dialect dialect);
std::optional<Dialect> dialectFromName(const QString &name);
QStringList dialectNames();

} // namespace Fhir
