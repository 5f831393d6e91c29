#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include "appsettings.h"
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
        QApplication::translate("main",
                                "Print the start-up time and memory, then quit once the window is shown."));
    parser.addOption(trainingOption);
    parser.addOption(quitAfterShowOption);
    parser.process(app);

    Ui::applyTheme(app);
    Ui::AppSettings settings;
    const Ui::ConnectionSettings connection = settings.connection();
    Ui::Workspace::Options options;
    options.connection = connection;
    options.training =
        parser.isSet(trainingOption) || settings.isFirstStart() || connection.mode == Ui::EhrMode::Training;
    settings.markStarted();
    settings.sync();

    Ui::TokenStore tokens;
    if (!options.training)
        tokens.load();

    Ui::Workspace workspace;
    QString error;
    if (!workspace.start(
            options, [&tokens] { return tokens.token(); }, &error)) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Superbill Desk"), error);
        return 1;
    }

    Ui::MainWindow window(settings, tokens, workspace);
    window.show();
    if (parser.isSet(quitAfterShowOption)) {
        QTimer::singleShot(0, &app, [&startup] {
            QTextStream(stdout) << "startup-ms " << startup.elapsed() << " rss-kib " << residentKiB()
                                << Qt::endl;
            QApplication::quit();
        });
    }
    return QApplication::exec();
}
