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
/// The category a CPT code's section of the code set suggests (surgery, radiology and laboratory,
/// psychiatry, counselling, education, chiropractic), or nullptr when the section says nothing about
/// it (visits, anesthesia, most of medicine): a suggestion a person may change.
const ProcedureCategory *suggestedCategory(const QString &cptCode);

} // namespace Rules
