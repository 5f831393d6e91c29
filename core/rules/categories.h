#pragma once

#include <QList>
#include <QString>

namespace Rules {

/// One of the SNOMED CT procedure categories the EHR accepts.
struct ProcedureCategory
{
    QString code;
    QString display;
};

/// The seven categories of the vendor's page, with their SNOMED CT displays.
const QList<ProcedureCategory> &procedureCategories();
/// The category for a SNOMED code, or nullptr.
const ProcedureCategory *findCategory(const QString &code);

} // namespace Rules
