#pragma once

#include <QByteArray>
#include <QJsonObject>

#include "dialect.h"
#include "model/procedureentry.h"

namespace Fhir {

/**
 * ProcedureEntry -> FHIR R4 Procedure JSON in the shape of the vendor's
 * example. Empty values are left out; a line with a performedPeriod is written
 * with the period only.
 */
class ProcedureWriter
{
public:
    explicit ProcedureWriter(Dialect dialect = Dialect::EhrVendor)
        : m_dialect(dialect)
    {
    }

    QJsonObject toJson(const Model::ProcedureEntry &entry) const;
    QByteArray toBytes(const Model::ProcedureEntry &entry, bool indented = true) const;

private:
    Dialect m_dialect;
};

} // namespace Fhir
