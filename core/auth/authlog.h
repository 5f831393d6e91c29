#pragma once

#include <QLoggingCategory>

/// Sign-in: discovery, token requests and renewals. Never a token, a code or a key.
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
