#pragma once

#include <QByteArray>

#include "common/result.h"
#include "dialect.h"
#include "model/procedureentry.h"

namespace Fhir {

/**
 * ProcedureEntry -> FHIR R4 Procedure JSON in the shape of the vendor's
 * example. Empty values are left out; a line with a performedPeriod is written
 * with the period only.
 *
 * The bytes are those QJsonDocument writes for the same resource (keys in
 * sorted order, its indentation and escaping), written directly: serialising
 * through QJsonObject cost five times as much as checking the line.
 */
class ProcedureWriter
{
public:
    explicit ProcedureWriter(Dialect dialect = Dialect::EhrVendor)
        : m_dialect(dialect)
    {
    }

    /// The Procedure as JSON text: indented (four spaces a level, ending in a newline) or compact.
    /// Refused, naming the element, when a text holds an unpaired UTF-16 surrogate, which no
    /// UTF-8 JSON text can carry.
    Common::Result<QByteArray> toBytes(const Model::ProcedureEntry &entry, bool indented = true) const;

private:
    Dialect m_dialect;
};

} // namespace Fhir
