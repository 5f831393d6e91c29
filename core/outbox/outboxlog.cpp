#include "outboxlog.h"

// Warnings by default; QT_LOGGING_RULES="superbill.outbox.info=true" shows the rest.
Q_LOGGING_CATEGORY(lcOutbox, "superbill.outbox", QtWarningMsg)
