#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonObject>

#include "dialect.h"
#include "model/finding.h"
#include "model/procedureentry.h"

namespace Fhir {

struct ProcedureReadResult
{
    /// Empty when the input is not a Procedure at all (not JSON, not an object, other resourceType).
    std::optional<Model::ProcedureEntry> entry;
    /// What could not be read, each with the EHR code of the element and its path;
    /// warnings for elements this app does not send and therefore ignores.
    Model::Findings problems;
    /// Which dialect the recorded date came in, when it came at all.
    std::optional<Dialect> recordedDialect;
};

/**
 * FHIR Procedure JSON -> ProcedureEntry. Accepts recordedDate in both
 * dialects. Never throws and never crashes: anything malformed becomes a
 * finding that names the JSON offset or the element path.
 */
class ProcedureReader
{
public:
    static ProcedureReadResult read(const QByteArray &json);
    static ProcedureReadResult read(const QJsonObject &resource);
};

} // namespace Fhir
