#include "browser.h"

#include <QCoreApplication>
#include <QProcess>

#include "authlog.h"

namespace Auth::Browser {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::Browser)
};

} // namespace

QStringList environmentCommand()
{
    return QProcess::splitCommand(qEnvironmentVariable("SUPERBILL_BROWSER"));
}

BrowserLauncher fromEnvironment(BrowserLauncher fallback)
{
    return [fallback = std::move(fallback)](const QUrl &url) -> Common::Status {
        QStringList command = environmentCommand();
        if (command.isEmpty()) {
            if (fallback)
                return fallback(url);
            return Common::makeError(
                QStringLiteral("no-browser"),
                Text::tr("No browser is available; set SUPERBILL_BROWSER to a command that "
                         "opens a web page."));
        }
        const QString program = command.takeFirst();
        qCInfo(lcAuth) << "opening the sign-in page with SUPERBILL_BROWSER";
        if (!QProcess::startDetached(program, command << url.toString(QUrl::FullyEncoded)))
            return Common::makeError(QStringLiteral("no-browser"),
                                     Text::tr("SUPERBILL_BROWSER (%1) could not be started.").arg(program));
        return {};
    };
}

} // namespace Auth::Browser
