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

const ProcedureCategory *suggestedCategory(const QString &cptCode)
{
    // Category I codes only: five digits. Ranges from the sections of the CPT code set.
    if (cptCode.size() != 5 ||
        !std::all_of(cptCode.cbegin(), cptCode.cend(), [](QChar c) { return c.isDigit(); }))
        return nullptr;
    struct Range
    {
        int first;
        int last;
        const char *category;
    };
    static constexpr Range Ranges[] = {
        {10004, 69990, "387713003"}, // surgery
        {70010, 79999, "103693007"}, // radiology
        {80047, 89398, "103693007"}, // pathology and laboratory
        {90785, 90899, "24642003"},  // psychiatry
        {93000, 93799, "103693007"}, // cardiovascular diagnostics
        {95782, 95999, "103693007"}, // neurology diagnostics
        {98940, 98943, "46947000"},  // chiropractic manipulative treatment
        {98960, 98962, "409073007"}, // education and training for patient self-management
        {99401, 99412, "409063005"}, // preventive medicine counselling
    };
    const int number = cptCode.toInt();
    for (const Range &range : Ranges) {
        if (number >= range.first && number <= range.last)
            return findCategory(QLatin1String(range.category));
    }
    return nullptr;
}

} // namespace Rules
