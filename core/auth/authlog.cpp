#include "authlog.h"

Q_LOGGING_CATEGORY(lcAuth, "superbill.auth")
