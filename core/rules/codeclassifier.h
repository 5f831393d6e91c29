#pragma once

#include <functional>
#include <optional>

#include <QString>
#include <QStringList>
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

/// Whether one of codes is a primary code: known to the lookup and not an add-on. An add-on code (each
/// further vaccine) is billed beside its primary, so once a primary is on the superbill an add-on is as
/// likely a choice as any other code.
bool hasPrimaryCode(const QStringList &codes, const CodeFlagsLookup &lookup);

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
