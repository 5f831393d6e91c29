#pragma once

#include <QLoggingCategory>

/// The catalog's logging category, "superbill.catalog". Codes and file names only, never patient data.
Q_DECLARE_LOGGING_CATEGORY(lcCatalog)
