#pragma once

#include <QString>

#include "result.h"

namespace Common {

/**
 * Where Superbill Desk keeps its files. One fixed folder name rather than the
 * program's own (QStandardPaths::AppDataLocation differs per program), because
 * the desktop app and superbill-cli share the outbox, the code catalog and the
 * EHR settings.
 */
/// GenericDataLocation/superbill-desk, e.g. ~/.local/share/superbill-desk.
QString dataDirectory();
/// GenericConfigLocation/superbill-desk, e.g. ~/.config/superbill-desk.
QString configDirectory();

/// Creates `path` and any missing parent owner-only (0700), as the data folder holds patient data.
/// Folders that exist are left as they are.
Status makePrivateDirectory(const QString &path);

} // namespace Common
