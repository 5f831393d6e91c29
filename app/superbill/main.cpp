#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Superbill Desk"));
    QApplication::setOrganizationName(QStringLiteral("Superbill Desk"));
    QApplication::setApplicationVersion(QStringLiteral(SUPERBILL_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Superbill entry for FHIR R4 EHRs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption trainingOption(QStringLiteral("training"),
                                            QStringLiteral("Start with the built-in training EHR."));
    parser.addOption(trainingOption);
    parser.process(app);

    Ui::MainWindow window(true);
    window.show();
    return QApplication::exec();
}
