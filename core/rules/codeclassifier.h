#pragma once

#include <functional>
#include <optional>

#include <QString>
#include <QStringView>

namespace Rules {

enum class CodeKind
{
    CptCategoryI,   ///< five digits
    CptAnesthesia,  ///< Category I in 00100-01999
    CptCategoryII,  ///< four digits + F
    CptCategoryIII, ///< four digits + T
    CptPla,         ///< four digits + U (proprietary laboratory analyses)
    CdtDental,      ///< D + four digits
    HcpcsLevelII,   ///< a letter A-V (not D) + four digits: not CPT
    Malformed,
};

/// Flags the practice's code catalog keeps for a code; they add to what the form of the code says.
struct CodeFlags
{
    bool anesthesia = false;
    bool dental = false;
    bool addOn = false;
    bool inactive = false;
    QString display;
};
using CodeFlagsLookup = std::function<std::optional<CodeFlags>(const QString &code)>;

/**
 * What kind of code a procedure code is, from its form alone. Only CPT is
 * accepted by the EHR; anesthesia codes need a period; dental codes are refused.
 */
class CodeClassifier
{
public:
    static CodeKind classify(QStringView code);
    static bool isCpt(CodeKind kind);
    static QString kindName(CodeKind kind);
    /// A sentence for a person: "CPT Category III (emerging technology)".
    static QString describe(CodeKind kind);
};

} // namespace Rules
