#include "cataloglog.h"

Q_LOGGING_CATEGORY(lcCatalog, "superbill.catalog", QtWarningMsg)
