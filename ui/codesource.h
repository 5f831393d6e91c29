#pragma once

#include <functional>
#include <optional>

#include <QList>
#include <QString>

#include "rules/codeclassifier.h"

namespace Ui {

/// One code offered while typing in the CPT field.
struct CodeSuggestion
{
    QString code;
    QString display;
    QString version;
    bool favourite = false;
    bool recent = false;
    friend bool operator==(const CodeSuggestion &, const CodeSuggestion &) = default;
};

/**
 * Where the line editor gets its codes from: ranked search (empty text gives
 * favourites then recent codes), exact lookup, the catalog's flags for the
 * Validator, and a note that a code was used.
 */
struct CodeSource
{
    std::function<QList<CodeSuggestion>(const QString &text, int limit)> search;
    std::function<std::optional<CodeSuggestion>(const QString &code)> lookup;
    Rules::CodeFlagsLookup flags;
    std::function<void(const QString &code)> noteUsed;
};

} // namespace Ui
