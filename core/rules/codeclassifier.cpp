#include "codeclassifier.h"

#include <algorithm>

#include <QCoreApplication>

namespace Rules {

namespace {
bool allDigits(QStringView text)
{
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}
} // namespace

bool hasPrimaryCode(const QStringList &codes, const CodeFlagsLookup &lookup)
{
    if (!lookup)
        return false;
    return std::any_of(codes.cbegin(), codes.cend(), [&lookup](const QString &code) {
        const std::optional<CodeFlags> flags = lookup(code);
        return flags && !flags->addOn;
    });
}

CodeKind CodeClassifier::classify(QStringView code)
{
    if (code.size() != 5)
        return CodeKind::Malformed;
    if (allDigits(code)) {
        const int value = code.toInt();
        return value >= 100 && value <= 1999 ? CodeKind::CptAnesthesia : CodeKind::CptCategoryI;
    }
    const QChar first = code.front();
    const QChar last = code.back();
    if (allDigits(code.first(4))) {
        if (last == u'F')
            return CodeKind::CptCategoryII;
        if (last == u'T')
            return CodeKind::CptCategoryIII;
        if (last == u'U')
            return CodeKind::CptPla;
        return CodeKind::Malformed;
    }
    if (!allDigits(code.sliced(1)))
        return CodeKind::Malformed;
    if (first == u'D')
        return CodeKind::CdtDental;
    if (first >= u'A' && first <= u'V')
        return CodeKind::HcpcsLevelII;
    return CodeKind::Malformed;
}

bool CodeClassifier::isCpt(CodeKind kind)
{
    switch (kind) {
    case CodeKind::CptCategoryI:
    case CodeKind::CptAnesthesia:
    case CodeKind::CptCategoryII:
    case CodeKind::CptCategoryIII:
    case CodeKind::CptPla:
        return true;
    case CodeKind::CdtDental:
    case CodeKind::HcpcsLevelII:
    case CodeKind::Malformed:
        return false;
    }
    return false;
}

QString CodeClassifier::kindName(CodeKind kind)
{
    switch (kind) {
    case CodeKind::CptCategoryI:
        return QStringLiteral("cpt-category-i");
    case CodeKind::CptAnesthesia:
        return QStringLiteral("cpt-anesthesia");
    case CodeKind::CptCategoryII:
        return QStringLiteral("cpt-category-ii");
    case CodeKind::CptCategoryIII:
        return QStringLiteral("cpt-category-iii");
    case CodeKind::CptPla:
        return QStringLiteral("cpt-pla");
    case CodeKind::CdtDental:
        return QStringLiteral("cdt-dental");
    case CodeKind::HcpcsLevelII:
        return QStringLiteral("hcpcs-level-ii");
    case CodeKind::Malformed:
        return QStringLiteral("malformed");
    }
    return QStringLiteral("malformed");
}

QString CodeClassifier::describe(CodeKind kind)
{
    const char *text = QT_TRANSLATE_NOOP("Rules::CodeClassifier", "not a procedure code");
    switch (kind) {
    case CodeKind::CptCategoryI:
        text = QT_TRANSLATE_NOOP("Rules::CodeClassifier", "CPT Category I");
        break;
    case CodeKind::CptAnesthesia:
        text = QT_TRANSLATE_NOOP("Rules::CodeClassifier", "CPT anesthesia (00100-01999)");
        break;
    case CodeKind::CptCategoryII:
        text = QT_TRANSLATE_NOOP("Rules::CodeClassifier", "CPT Category II (performance measurement)");
        break;
    case CodeKind::CptCategoryIII:
        text = QT_TRANSLATE_NOOP("Rules::CodeClassifier", "CPT Category III (emerging technology)");
        break;
    case CodeKind::CptPla:
        text = QT_TRANSLATE_NOOP("Rules::CodeClassifier", "CPT proprietary laboratory analysis");
        break;
    case CodeKind::CdtDental:
        text = QT_TRANSLATE_NOOP("Rules::CodeClassifier", "CDT dental code");
        break;
    case CodeKind::HcpcsLevelII:
        text = QT_TRANSLATE_NOOP("Rules::CodeClassifier", "HCPCS Level II code (not CPT)");
        break;
    case CodeKind::Malformed:
        break;
    }
    return QCoreApplication::translate("Rules::CodeClassifier", text);
}

} // namespace Rules
