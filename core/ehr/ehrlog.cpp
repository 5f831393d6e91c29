#include "ehrlog.h"

// Warnings by default; QT_LOGGING_RULES="superbill.ehr.info=true" shows the rest.
Q_LOGGING_CATEGORY(lcEhr, "superbill.ehr", QtWarningMsg)
