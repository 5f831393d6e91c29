#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include "rules/codeclassifier.h"

namespace Catalog {

/**
 * One code of the catalog as search and lookup return it: the code, its
 * description, the code-system version it came from (e.g. "2026"), the flags
 * the rules use, and its kind from the form of the code.
 */
struct CodeEntry
{
    QString code;           ///< upper case, e.g. "20610", "0042T", "D0120"
    QString display;        ///< the description shown and sent as code.coding.display
    QString version;        ///< code-system version, e.g. "2026"; may be empty
    Rules::CodeFlags flags; ///< flags.display mirrors display
    Rules::CodeKind kind = Rules::CodeKind::Malformed;

    /// An entry whose kind and anesthesia/dental flags come from the form of the code.
    static CodeEntry classified(const QString &code, const QString &display, const QString &version = {});

    bool isActive() const { return !flags.inactive; }
    /// "anesthesia, add-on" and so on; empty when no flag is set.
    QStringList flagNames() const;

    friend bool operator==(const CodeEntry &a, const CodeEntry &b)
    {
        return a.code == b.code && a.display == b.display && a.version == b.version && a.kind == b.kind &&
               a.flags.anesthesia == b.flags.anesthesia && a.flags.dental == b.flags.dental &&
               a.flags.addOn == b.flags.addOn && a.flags.inactive == b.flags.inactive;
    }
};

using CodeEntries = QList<CodeEntry>;

/// Trimmed and upper-cased, the form codes are stored and looked up in.
QString normalizedCode(QStringView code);

} // namespace Catalog

Q_DECLARE_METATYPE(Catalog::CodeEntry)
