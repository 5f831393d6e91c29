#pragma once

#include <optional>

#include <QString>
#include <QUrl>

#include "common/result.h"
#include "fhir/dialect.h"

namespace Ehr {

/**
 * Where the EHR and the outbox are, shared by the desktop app and
 * superbill-cli so both see the same queue. In increasing precedence:
 * built-in defaults (the outbox in
 * QStandardPaths::GenericDataLocation/superbill-desk/outbox.sqlite, no EHR
 * address), the shared settings file
 * (GenericConfigLocation/superbill-desk/ehr.ini, written by save(): keys
 * ehr/url, ehr/dialect, outbox/database; read also: outbox/inFlight, and
 * auth/client_id and auth/key_file for superbill-cli's SMART Backend
 * Services), the environment (SUPERBILL_EHR_URL, SUPERBILL_DB,
 * SUPERBILL_DIALECT, SUPERBILL_EHR_TIMEOUT_MS, SUPERBILL_IN_FLIGHT,
 * SUPERBILL_CLIENT_ID, SUPERBILL_KEY_FILE), then command-line flags. Never
 * holds a token or a key, only the key file's path.
 */
struct EhrSettings
{
    static constexpr int DefaultLinesInFlight = 4;
    static constexpr int MaxLinesInFlight = 16;

    QUrl ehrUrl; ///< empty: not configured
    QString databasePath;
    Fhir::Dialect dialect = Fhir::Dialect::EhrVendor;
    int transferTimeoutMs = 30000;
    /// How many outbox lines are sent at the same time, 1 to MaxLinesInFlight.
    int linesInFlight = DefaultLinesInFlight;
    QString backendClientId; ///< SMART Backend Services client id (superbill-cli)
    QString keyFile;         ///< its private key file (PEM)

    /// Defaults, then the settings file, then the environment.
    static EhrSettings fromEnvironment();
    static QString defaultDatabasePath();
    static QString configFilePath();
    /// Writes ehrUrl, dialect and databasePath to the shared settings file.
    Common::Status save() const;

    /// The token from SUPERBILL_TOKEN (trimmed; empty when unset), or why it cannot be used.
    static Common::Result<QString> tokenFromEnvironment();

    struct TokenFile
    {
        QString token;
        QString warning; ///< set when others may read the file: the token is a password
    };
    /// Reads a token file: its first line, trimmed, checked with checkBearerToken().
    static Common::Result<TokenFile> readTokenFile(const QString &path);
};

} // namespace Ehr
