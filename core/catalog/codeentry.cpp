#include "codeentry.h"

namespace Catalog {

CodeEntry CodeEntry::classified(const QString &code, const QString &display, const QString &version)
{
    CodeEntry entry;
    entry.code = code;
    entry.display = display;
    entry.version = version;
    entry.kind = Rules::CodeClassifier::classify(code);
    entry.flags.anesthesia = entry.kind == Rules::CodeKind::CptAnesthesia;
    entry.flags.dental = entry.kind == Rules::CodeKind::CdtDental;
    entry.flags.display = display;
    return entry;
}

QStringList CodeEntry::flagNames() const
{
    QStringList names;
    if (flags.anesthesia)
        names.append(QStringLiteral("anesthesia"));
    if (flags.dental)
        names.append(QStringLiteral("dental"));
    if (flags.addOn)
        names.append(QStringLiteral("add-on"));
    if (flags.inactive)
        names.append(QStringLiteral("inactive"));
    return names;
}

QString normalizedCode(QStringView code)
{
    return code.trimmed().toString().toUpper();
}

} // namespace Catalog
