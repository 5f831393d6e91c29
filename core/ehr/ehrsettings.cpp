#include "ehrsettings.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>

#include "bearertoken.h"
#include "common/paths.h"

namespace Ehr {

namespace {

// The translation context of this file's messages, declared so that lupdate sees it too.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Ehr::EhrSettings)
};

} // namespace

QString EhrSettings::defaultDatabasePath()
{
    return QDir(Common::dataDirectory()).filePath(QStringLiteral("outbox.sqlite"));
}

QString EhrSettings::configFilePath()
{
    return QDir(Common::configDirectory()).filePath(QStringLiteral("ehr.ini"));
}

Common::Status EhrSettings::save() const
{
    QSettings file(configFilePath(), QSettings::IniFormat);
    file.setValue(QStringLiteral("ehr/url"), ehrUrl.toString());
    file.setValue(QStringLiteral("ehr/dialect"), Fhir::dialectName(dialect));
    file.setValue(QStringLiteral("outbox/database"), databasePath);
    file.sync();
    if (file.status() != QSettings::NoError)
        return Common::makeError(QStringLiteral("unwritable"), Text::tr("cannot write the settings"),
                                 configFilePath());
    return {};
}

EhrSettings EhrSettings::fromEnvironment()
{
    EhrSettings settings;
    settings.databasePath = defaultDatabasePath();
    if (QFile::exists(configFilePath())) {
        const QSettings file(configFilePath(), QSettings::IniFormat);
        const QString savedUrl = file.value(QStringLiteral("ehr/url")).toString();
        if (!savedUrl.isEmpty())
            settings.ehrUrl = QUrl(savedUrl);
        if (const auto dialect = Fhir::dialectFromName(file.value(QStringLiteral("ehr/dialect")).toString()))
            settings.dialect = *dialect;
        const QString savedDb = file.value(QStringLiteral("outbox/database")).toString();
        if (!savedDb.isEmpty())
            settings.databasePath = savedDb;
        settings.backendClientId = file.value(QStringLiteral("auth/client_id")).toString();
        settings.keyFile = file.value(QStringLiteral("auth/key_file")).toString();
        bool ok = false;
        if (const int inFlight = file.value(QStringLiteral("outbox/inFlight")).toInt(&ok); ok)
            settings.linesInFlight = std::clamp(inFlight, 1, MaxLinesInFlight);
    }
    const QString url = qEnvironmentVariable("SUPERBILL_EHR_URL");
    if (!url.isEmpty())
        settings.ehrUrl = QUrl(url);
    const QString db = qEnvironmentVariable("SUPERBILL_DB");
    if (!db.isEmpty())
        settings.databasePath = db;
    if (const auto dialect = Fhir::dialectFromName(qEnvironmentVariable("SUPERBILL_DIALECT")))
        settings.dialect = *dialect;
    if (const QString clientId = qEnvironmentVariable("SUPERBILL_CLIENT_ID"); !clientId.isEmpty())
        settings.backendClientId = clientId;
    if (const QString keyFile = qEnvironmentVariable("SUPERBILL_KEY_FILE"); !keyFile.isEmpty())
        settings.keyFile = keyFile;
    bool ok = false;
    const int timeout = qEnvironmentVariableIntValue("SUPERBILL_EHR_TIMEOUT_MS", &ok);
    if (ok && timeout > 0)
        settings.transferTimeoutMs = timeout;
    if (const int inFlight = qEnvironmentVariableIntValue("SUPERBILL_IN_FLIGHT", &ok); ok)
        settings.linesInFlight = std::clamp(inFlight, 1, MaxLinesInFlight);
    return settings;
}

Common::Result<QString> EhrSettings::tokenFromEnvironment()
{
    const QString token = qEnvironmentVariable("SUPERBILL_TOKEN").trimmed();
    if (const Common::Status valid = checkBearerToken(token); !valid) {
        Common::Error error = valid.error();
        error.path = QStringLiteral("SUPERBILL_TOKEN");
        return error;
    }
    return token;
}

Common::Result<EhrSettings::TokenFile> EhrSettings::readTokenFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Common::makeError(QStringLiteral("unreadable"),
                                 Text::tr("cannot read the token file: %1").arg(file.errorString()), path);
    TokenFile read;
    read.token = QString::fromUtf8(file.readLine(64 * 1024)).trimmed();
    if (read.token.isEmpty())
        return Common::makeError(QStringLiteral("token-empty"), Text::tr("the token file is empty"), path);
    if (const Common::Status valid = checkBearerToken(read.token); !valid) {
        Common::Error error = valid.error();
        error.path = path;
        return error;
    }
    const auto permissions = file.permissions();
    if (permissions &
        (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther))
        read.warning =
            Text::tr("%1: the token file can be read by other users; restrict it with chmod 600").arg(path);
    return read;
}

} // namespace Ehr
