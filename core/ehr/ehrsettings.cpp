#include "ehrsettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace Ehr {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Ehr::EhrSettings", text);
}

} // namespace

QUrl EhrSettings::defaultEhrUrl()
{
    return QUrl(QStringLiteral("http://127.0.0.1:8765/mps/fhir/R4/V1"));
}

QString EhrSettings::defaultDatabasePath()
{
    // A fixed folder name rather than the application's: the app and superbill-cli share one queue.
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("superbill-desk/outbox.sqlite"));
}

EhrSettings EhrSettings::fromEnvironment()
{
    EhrSettings settings;
    settings.ehrUrl = defaultEhrUrl();
    settings.databasePath = defaultDatabasePath();
    const QString url = qEnvironmentVariable("SUPERBILL_EHR_URL");
    if (!url.isEmpty())
        settings.ehrUrl = QUrl::fromUserInput(url);
    const QString db = qEnvironmentVariable("SUPERBILL_DB");
    if (!db.isEmpty())
        settings.databasePath = db;
    if (const auto dialect = Fhir::dialectFromName(qEnvironmentVariable("SUPERBILL_DIALECT")))
        settings.dialect = *dialect;
    return settings;
}

QString EhrSettings::tokenFromEnvironment()
{
    return qEnvironmentVariable("SUPERBILL_TOKEN").trimmed();
}

std::optional<QString> EhrSettings::readTokenFile(const QString &path, QString *error, QString *warning)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1: cannot read the token file: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QString token = QString::fromUtf8(file.readLine(64 * 1024)).trimmed();
    if (token.isEmpty()) {
        if (error)
            *error = tr("%1: the token file is empty").arg(path);
        return std::nullopt;
    }
    const auto permissions = file.permissions();
    if (warning && (permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                   QFileDevice::WriteOther))) {
        *warning = tr("%1: the token file can be read by other users; restrict it with chmod 600").arg(path);
    }
    return token;
}

} // namespace Ehr
