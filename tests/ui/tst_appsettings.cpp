#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "appsettings.h"

/// The settings file on disk: what is stored reads back, and a file that already holds what is
/// stored is not written again (the window stores its layout on every close).
class TestAppSettings : public QObject
{
    Q_OBJECT

private:
    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static void fill(Ui::AppSettings &settings)
    {
        Ui::ConnectionSettings connection;
        connection.mode = Ui::EhrMode::Ehr;
        connection.baseUrl = QUrl(QStringLiteral("https://ehr.example.org/fhir"));
        connection.redirectPort = 8765;
        connection.unitMinutes = 10;
        settings.setConnection(connection);
        Ui::TrainingSettings training;
        training.presenterMode = true;
        training.presenterScale = 1.75;
        settings.setTraining(training);
        settings.setWindow(QByteArray("\x01\x02geometry", 10), QByteArray("state"));
        settings.setSplitterState(QStringLiteral("centre"), QByteArray("\x00\x10", 2));
        settings.markStarted();
    }

private slots:
    void theSameValuesLeaveTheFileAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        {
            Ui::AppSettings settings(path);
            fill(settings);
            settings.sync();
        }
        // A line QSettings drops whenever it writes the file.
        const QByteArray mark = "; kept unless the file is written again\n";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::Append));
            file.write(mark);
        }
        {
            Ui::AppSettings settings(path);
            QCOMPARE(settings.connection().redirectPort, quint16(8765));
            QCOMPARE(settings.training().presenterScale, 1.75);
            fill(settings);
            settings.sync();
        }
        QVERIFY(contents(path).contains(mark));

        {
            Ui::AppSettings settings(path);
            settings.setWindow(QByteArray("moved"), QByteArray("state"));
            settings.sync();
        }
        QVERIFY(!contents(path).contains(mark));
        QCOMPARE(Ui::AppSettings(path).windowGeometry(), QByteArray("moved"));
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
