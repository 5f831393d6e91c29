#pragma once

#include "fhir/procedurereader.h"
#include "validator.h"

namespace Rules {

struct DocumentCheck
{
    std::optional<Model::ProcedureEntry> entry;
    Model::Findings findings;
    std::optional<Fhir::Dialect> recordedDialect;

    bool isValid() const { return entry.has_value() && !Model::hasErrors(findings); }
};

/**
 * Reads a Procedure JSON document and validates what it says: the reader's
 * problems first, then the validator's findings, leaving out a validator
 * finding on an element the reader already reported (one problem, one message).
 * With fillDefaults the line gets what the app fills (status, profile,
 * identifier) before it is checked.
 */
DocumentCheck checkProcedureDocument(const QByteArray &json, const ValidationContext &context = {},
                                     bool fillDefaults = false);

} // namespace Rules
