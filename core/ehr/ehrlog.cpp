#include "ehrlog.h"

Q_LOGGING_CATEGORY(lcEhr, "superbill.ehr")
