#pragma once

#include <QLoggingCategory>

/// "superbill.outbox": line ids, states, attempts and timings; never tokens or patient data.
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)
