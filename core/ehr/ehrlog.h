#pragma once

#include <QLoggingCategory>

/// "superbill.ehr": requests, their results and timings; never tokens, patient data or bodies.
Q_DECLARE_LOGGING_CATEGORY(lcEhr)
