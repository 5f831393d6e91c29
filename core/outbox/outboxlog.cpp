#include "outboxlog.h"

Q_LOGGING_CATEGORY(lcOutbox, "superbill.outbox")
