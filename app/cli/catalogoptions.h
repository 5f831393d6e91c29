#pragma once

// Shared by the commands that read the code catalog (codes, template, superbill); header-only
// because the CLI's CMakeLists compiles only *command.cpp files.

#include <QCommandLineOption>
#include <QCommandLineParser>

#include "catalog/codecatalog.h"

namespace Cli {

inline QCommandLineOption catalogDbOption()
{
    return {QStringLiteral("db"),
            QStringLiteral("The catalog file (default: $SUPERBILL_CATALOG_DB, else %1).")
                .arg(Catalog::CodeCatalog::defaultDatabasePath()),
            QStringLiteral("FILE")};
}

inline QString catalogPath(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    return parser.isSet(option) ? parser.value(option) : Catalog::CodeCatalog::defaultDatabasePath();
}

} // namespace Cli
