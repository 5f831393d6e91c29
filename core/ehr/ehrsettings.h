#pragma once

#include <optional>

#include <QString>
#include <QUrl>

#include "fhir/dialect.h"

namespace Ehr {

/**
 * Where the EHR and the outbox are, shared by the desktop app and
 * superbill-cli so both see the same queue. Defaults: the training EHR on
 * this computer and a database under the user's data directory
 * (QStandardPaths::GenericDataLocation/superbill-desk/outbox.sqlite); the
 * environment (SUPERBILL_EHR_URL, SUPERBILL_DB, SUPERBILL_DIALECT) overrides
 * them, and command-line flags override the environment.
 */
struct EhrSettings
{
    QUrl ehrUrl;
    QString databasePath;
    Fhir::Dialect dialect = Fhir::Dialect::EhrVendor;

    /// Defaults with the environment applied.
    static EhrSettings fromEnvironment();
    static QUrl defaultEhrUrl();
    static QString defaultDatabasePath();

    /// The token from SUPERBILL_TOKEN, or empty.
    static QString tokenFromEnvironment();
    /// Reads a token file (first line, trimmed). On failure returns nullopt and says why;
    /// a file others may read gives a warning, because the token is a password.
    static std::optional<QString> readTokenFile(const QString &path, QString *error,
                                                QString *warning = nullptr);
};

} // namespace Ehr
