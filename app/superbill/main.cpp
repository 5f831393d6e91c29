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
void installTranslations(QCoreApplication &app)
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
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
        QCoreApplication::installTranslator(own);
        // Dates and numbers follow the language shown, not only the words; a drill picks its
        // Spanish texts by it too.
        QLocale::setDefault(locale);
        return;
    }
}

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("Superbill Desk"));
    QCoreApplication::setOrganizationName(QStringLiteral("Superbill Desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SUPERBILL_VERSION));
}

/// The program's options, for the parser that runs and for the one that only prints them.
struct Options
{
    QCommandLineOption training{
        QStringLiteral("training"),
        QCoreApplication::translate("main", "Use the built-in training EHR (not a real EHR) for this run.")};
    QCommandLineOption ehr{
        QStringLiteral("ehr"),
        QCoreApplication::translate("main", "Use this EHR (FHIR base URL) for this run, with SMART sign-in."),
        QStringLiteral("URL")};
    QCommandLineOption clientId{
        QStringLiteral("client-id"),
        QCoreApplication::translate("main",
                                    "The SMART client id the EHR registered for this app, for this run."),
        QStringLiteral("ID")};
    QCommandLineOption quitAfterShow{
        QStringLiteral("quit-after-show"),
        QCoreApplication::translate("main",
                                    "Print the time and memory to the window's first frame, then quit "
                                    "(before the EHR connection, the outbox and the catalog start).")};
    QCommandLineOption quitWhenReady{
        QStringLiteral("quit-when-ready"),
        QCoreApplication::translate("main",
                                    "Print the time and memory until the EHR connection, the outbox and "
                                    "the catalog are ready, then quit.")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Superbill entry for FHIR R4 EHRs. The first start opens the built-in training EHR."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(training);
        parser.addOption(ehr);
        parser.addOption(clientId);
        parser.addOption(quitAfterShow);
        parser.addOption(quitWhenReady);
    }
};

/// --help and --version print and quit; they need no display, so no window system is opened for them.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "--help-all" || argument == "-?" ||
            argument == "-v" || argument == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        installTranslations(app);
        QCommandLineParser parser;
        const Options options;
        options.addTo(parser);
        parser.process(app); // prints, then exits
        return 0;
    }
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setDesktopFileName(QStringLiteral("org.superbilldesk.SuperbillDesk"));
    installTranslations(app);

    QCommandLineParser parser;
    const Options cli;
    cli.addTo(parser);
    parser.process(app);

    Ui::applyTheme(app);
    Ui::AppSettings settings;
    Ui::ConnectionSettings connection = settings.connection();
    if (parser.isSet(cli.ehr)) {
        connection.mode = Ui::EhrMode::Ehr;
        connection.baseUrl = QUrl(parser.value(cli.ehr));
        connection.signIn = Ui::SignInMethod::Smart;
    }
    if (parser.isSet(cli.clientId))
        connection.clientId = parser.value(cli.clientId);
    Ui::Workspace::Options options;
    options.connection = connection;
    options.training =
        parser.isSet(cli.training) ||
        (!parser.isSet(cli.ehr) && (settings.isFirstStart() || connection.mode == Ui::EhrMode::Training));
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
    if (parser.isSet(cli.quitAfterShow)) {
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
        if (parser.isSet(cli.quitWhenReady))
            QObject::connect(&workspace, &Ui::Workspace::started, &app, [&report] { report("ready-ms"); });
        window.startWorkspaceWhenShown(options);
    }
    window.show();
    return QApplication::exec();
}
