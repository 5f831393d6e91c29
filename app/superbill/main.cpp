#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include "appsettings.h"
#include "mainwindow.h"
#include "theme.h"
#include "tokenstore.h"

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Superbill Desk"));
    QApplication::setOrganizationName(QStringLiteral("Superbill Desk"));
    QApplication::setApplicationVersion(QStringLiteral(SUPERBILL_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("superbill-desk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Superbill entry for FHIR R4 EHRs. Starts with the built-in training EHR the first time."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption trainingOption(
        QStringLiteral("training"),
        QApplication::translate("main", "Use the built-in training EHR (not a real EHR) for this run."));
    const QCommandLineOption quitAfterShowOption(
        QStringLiteral("quit-after-show"),
        QApplication::translate("main", "Quit as soon as the window is shown (start-up measurements)."));
    parser.addOption(trainingOption);
    parser.addOption(quitAfterShowOption);
    parser.process(app);

    Ui::applyTheme(app);
    Ui::AppSettings settings;
    const bool training = parser.isSet(trainingOption) || settings.isFirstStart() ||
                          settings.connection().mode == Ui::EhrMode::Training;
    settings.markStarted();
    Ui::TokenStore tokens;
    tokens.load();

    Ui::MainWindow window(settings, tokens, training);
    window.show();
    if (parser.isSet(quitAfterShowOption))
        QTimer::singleShot(0, &app, &QApplication::quit);
    return QApplication::exec();
}
