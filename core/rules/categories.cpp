#include "categories.h"

#include <algorithm>

#include <QtGlobal>

namespace Rules {

const QList<ProcedureCategory> &procedureCategories()
{
    // The displays go into the FHIR coding in English; the form shows them translated.
    static const QList<ProcedureCategory> categories{
        {QStringLiteral("387713003"),
         QStringLiteral(QT_TRANSLATE_NOOP("Rules::Categories", "Surgical procedure"))},
        {QStringLiteral("103693007"),
         QStringLiteral(QT_TRANSLATE_NOOP("Rules::Categories", "Diagnostic procedure"))},
        {QStringLiteral("409063005"), QStringLiteral(QT_TRANSLATE_NOOP("Rules::Categories", "Counseling"))},
        {QStringLiteral("409073007"), QStringLiteral(QT_TRANSLATE_NOOP("Rules::Categories", "Education"))},
        {QStringLiteral("24642003"),
         QStringLiteral(QT_TRANSLATE_NOOP("Rules::Categories", "Psychiatry procedure or service"))},
        {QStringLiteral("46947000"),
         QStringLiteral(QT_TRANSLATE_NOOP("Rules::Categories", "Chiropractic manipulation"))},
        {QStringLiteral("410606002"),
         QStringLiteral(QT_TRANSLATE_NOOP("Rules::Categories", "Social service procedure"))},
    };
    return categories;
}

const ProcedureCategory *findCategory(const QString &code)
{
    const auto &categories = procedureCategories();
    const auto it =
        std::find_if(categories.cbegin(), categories.cend(),
                     [&code](const ProcedureCategory &category) { return category.code == code; });
    return it == categories.cend() ? nullptr : &*it;
}

} // namespace Rules
