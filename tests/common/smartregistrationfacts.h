#pragma once

#include <QStringList>

/// What `superbill-cli auth --help` and the Settings dialog both tell about registering the app with an
/// EHR and keeping its tokens fresh; each is looked for in both, white space folded.
inline QStringList smartRegistrationFacts()
{
    return {QStringLiteral("public native app"),
            QStringLiteral("PKCE S256"),
            QStringLiteral("http://127.0.0.1"),
            QStringLiteral("offline_access"),
            QStringLiteral("user/Procedure.c"),
            QStringLiteral("permission-v1"),
            QStringLiteral("kept in the queue and not sent"),
            QStringLiteral("aud"),
            QStringLiteral("system keychain"),
            QStringLiteral("80%"),
            QStringLiteral("401")};
}
