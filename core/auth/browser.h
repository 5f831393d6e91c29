#pragma once

#include <functional>

#include <QUrl>

#include "common/result.h"

namespace Auth {

/// Opens a sign-in page for a person: SUPERBILL_BROWSER when set, else whatever the program provides.
using BrowserLauncher = std::function<Common::Status(const QUrl &url)>;

/**
 * SUPERBILL_BROWSER: a command (with arguments, split like a shell would) that
 * is given the URL to open instead of the desktop's default browser, for
 * kiosks and tests. The URL carries no secret: the PKCE challenge and the
 * state are made to be seen.
 */
namespace Browser {

/// The command from SUPERBILL_BROWSER, split into program and arguments; empty when unset.
QStringList environmentCommand();

/// A launcher that runs SUPERBILL_BROWSER when it is set, and `fallback` (the desktop's browser) when not.
BrowserLauncher fromEnvironment(BrowserLauncher fallback);

} // namespace Browser

} // namespace Auth
