#include "categories.h"

#include <algorithm>

namespace Rules {

const QList<ProcedureCategory> &procedureCategories()
{
    static const QList<ProcedureCategory> categories{
        {QStringLiteral("387713003"), QStringLiteral("Surgical procedure")},
        {QStringLiteral("103693007"), QStringLiteral("Diagnostic procedure")},
        {QStringLiteral("409063005"), QStringLiteral("Counseling")},
        {QStringLiteral("409073007"), QStringLiteral("Education")},
        {QStringLiteral("24642003"), QStringLiteral("Psychiatry procedure or service")},
        {QStringLiteral("46947000"), QStringLiteral("Chiropractic manipulation")},
        {QStringLiteral("410606002"), QStringLiteral("Social service procedure")},
    };
    return categories;
}

const ProcedureCategory *findCategory(const QString &code)
{
    const auto &categories = procedureCategories();
    const auto it = std::find_if(categories.cbegin(), categories.cend(),
                                 [&code](const ProcedureCategory &category) { return category.code == code; });
    return it == categories.cend() ? nullptr : &*it;
}

} // namespace Rules
