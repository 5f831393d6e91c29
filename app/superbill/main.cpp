#include <QApplication>
#include <QCommandLineParser>
#include <QDesktopServices>
#include <QElapsedTimer>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTextStream>
#include <QTranslator>

#include "appsettings.h"
#include "auth/browser.h"
#include "keychainsecretstore.h"
#include "mainwindow.h"
#include "theme.h"
#include "tokenstore.h"
#include "workspace.h"

namespace {

/// Resident memory of this process in KiB, from /proc (Linux); 0 elsewhere.
qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

/// Installs the app's translation for the first of the user's UI languages that has one, with
/// Qt's own (qtbase, for standard buttons and dialogs) where the system has it. English is the
/// source language: a user who lists English before Spanish gets English. SUPERBILL_LANGUAGE
/// (e.g. "es" or "en") overrides the system's languages.
void installTranslations(QApplication &app)
{
    const QString forced = qEnvironmentVariable("SUPERBILL_LANGUAGE");
    const QStringList languages = forced.isEmpty() ? QLocale::system().uiLanguages() : QStringList{forced};
    for (const QString &language : languages) {
        const QLocale locale(language);
        if (locale.language() == QLocale::English || locale.language() == QLocale::C)
            return;
        auto *own = new QTranslator(&app);
        if (!own->load(locale, QStringLiteral("superbill"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
            delete own;
            continue;
        }
        auto *qt = new QTranslator(&app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(qt);
        else
            delete qt;
        QApplication::installTranslator(own);
        // The app's own language, for what it picks by language (a drill's Spanish texts).
        QLocale::setDefault(locale);
        return;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Superbill Desk"));
    QApplication::setOrganizationName(QStringLiteral("Superbill Desk"));
    QApplication::setApplicationVersion(QStringLiteral(SUPERBILL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.superbilldesk.SuperbillDesk"));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Superbill entry for FHIR R4 EHRs. The first start opens the built-in training EHR."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption trainingOption(
        QStringLiteral("training"),
        QApplication::translate("main", "Use the built-in training EHR (not a real EHR) for this run."));
    const QCommandLineOption quitAfterShowOption(
        QStringLiteral("quit-after-show"),
        QApplication::translate("main", "Print the time and memory to the window's first frame, then quit "
                                        "(before the EHR connection, the outbox and the catalog start)."));
    const QCommandLineOption quitWhenReadyOption(
        QStringLiteral("quit-when-ready"),
        QApplication::translate("main", "Print the time and memory until the EHR connection, the outbox and "
                                        "the catalog are ready, then quit."));
    const QCommandLineOption ehrOption(
        QStringLiteral("ehr"),
        QApplication::translate("main", "Use this EHR (FHIR base URL) for this run, with SMART sign-in."),
        QStringLiteral("URL"));
    const QCommandLineOption clientIdOption(
        QStringLiteral("client-id"),
        QApplication::translate("main", "The SMART client id the EHR registered for this app, for this run."),
        QStringLiteral("ID"));
    parser.addOption(trainingOption);
    parser.addOption(ehrOption);
    parser.addOption(clientIdOption);
    parser.addOption(quitAfterShowOption);
    parser.addOption(quitWhenReadyOption);
    parser.process(app);

    Ui::applyTheme(app);
    Ui::AppSettings settings;
    Ui::ConnectionSettings connection = settings.connection();
    if (parser.isSet(ehrOption)) {
        connection.mode = Ui::EhrMode::Ehr;
        connection.baseUrl = QUrl(parser.value(ehrOption));
        connection.signIn = Ui::SignInMethod::Smart;
    }
    if (parser.isSet(clientIdOption))
        connection.clientId = parser.value(clientIdOption);
    Ui::Workspace::Options options;
    options.connection = connection;
    options.training =
        parser.isSet(trainingOption) ||
        (!parser.isSet(ehrOption) && (settings.isFirstStart() || connection.mode == Ui::EhrMode::Training));
    Ui::KeychainSecretStore secrets;
    options.secrets = &secrets;
    options.browser = Auth::Browser::fromEnvironment([](const QUrl &url) {
        if (QDesktopServices::openUrl(url))
            return Common::Status();
        return Common::Status(Common::makeError(
            QStringLiteral("no-browser"),
            QApplication::translate("main", "No web browser could be opened for the EHR's sign-in page; set "
                                            "SUPERBILL_BROWSER to a command that opens one.")));
    });

    Ui::TokenStore tokens;
    if (!options.training)
        tokens.load();

    Ui::Workspace workspace;
    Ui::MainWindow window(settings, tokens, workspace);
    const auto report = [&startup](const char *what) {
        QTextStream(stdout) << what << ' ' << startup.elapsed() << " rss-kib " << residentKiB() << Qt::endl;
        QApplication::quit();
    };
    if (parser.isSet(quitAfterShowOption)) {
        // The first frame alone: what waits for it is not started.
        QObject::connect(&window, &Ui::MainWindow::firstFrameShown, &app,
                         [&report] { report("startup-ms"); });
    } else {
        // Written after the first frame: writing the settings file waits for the disk.
        QObject::connect(&window, &Ui::MainWindow::firstFrameShown, &app, [&settings] {
            settings.markStarted();
            settings.sync();
        });
        QObject::connect(&window, &Ui::MainWindow::workspaceFailed, &app, [&window](const QString &error) {
            QMessageBox::critical(&window, QApplication::translate("main", "Superbill Desk"), error);
            QApplication::exit(1);
        });
        if (parser.isSet(quitWhenReadyOption))
            QObject::connect(&workspace, &Ui::Workspace::started, &app, [&report] { report("ready-ms"); });
        window.startWorkspaceWhenShown(options);
    }
    window.show();
    return QApplication::exec();
}
