#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "../common/processrun.h"
#include "../common/resultcheck.h"
#include "sandbox/server.h"

/// The superbill executable as a person starts it: --version, --help, first start in training.
class TestApp : public QObject
{
    Q_OBJECT

private:
    QProcessEnvironment environment(const QTemporaryDir &dir) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("HOME"), dir.path());
        return env;
    }

    QByteArray run(const QStringList &arguments, const QTemporaryDir &dir, int *exitCode)
    {
        const ProcessRun run =
            runProgram(QStringLiteral(SUPERBILL_APP), arguments, environment(dir), {}, 30000);
        *exitCode = run.exitCode;
        return run.out.toUtf8();
    }

private Q_SLOTS:
    void versionAndHelp()
    {
        QTemporaryDir dir;
        int code = 0;
        QVERIFY(run({QStringLiteral("--version")}, dir, &code).contains(SUPERBILL_VERSION));
        QCOMPARE(code, 0);
        const QByteArray help = run({QStringLiteral("--help")}, dir, &code);
        QCOMPARE(code, 0);
        QVERIFY(help.contains("--training"));
        QVERIFY(help.contains("--version"));
        QVERIFY(help.contains("--ehr"));
        QVERIFY(help.contains("--client-id"));
    }

    void ehrAndClientIdSignInWhenItOpens()
    {
        // An EHR that knows this app only by the client id given on the command line.
        Sandbox::ServerOptions options;
        options.token = QStringLiteral("static-token");
        options.logRequests = false;
        options.smart.publicClients = {QStringLiteral("clinic-desk-7")};
        Sandbox::Server ehr(options);
        QVERIFY_OK(ehr.start());
        QTemporaryDir dir;
        QProcessEnvironment env = environment(dir);
        env.insert(QStringLiteral("SUPERBILL_BROWSER"), QStringLiteral(SUPERBILL_TEST_BROWSER));
        env.insert(QStringLiteral("TEST_BROWSER_LOG"), dir.filePath(QStringLiteral("browser.log")));
        QProcess app;
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(SUPERBILL_APP),
                  {QStringLiteral("--ehr"), ehr.baseUrl().toString(), QStringLiteral("--client-id"),
                   QStringLiteral("clinic-desk-7")});
        QVERIFY(app.waitForStarted(10000));
        // No stored sign-in: the app opens the sign-in page (the browser program) by itself.
        QTRY_COMPARE_WITH_TIMEOUT(ehr.smart().tokensIssued(QStringLiteral("authorization_code")), 1, 60000);
        app.terminate();
        QVERIFY(app.waitForFinished(10000) || (app.kill(), app.waitForFinished(5000)));
        QFile log(dir.filePath(QStringLiteral("browser.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("app answered 200"));
        // For this run only: the saved settings still say training.
        QFile settings(dir.filePath(QStringLiteral("config/Superbill Desk/Superbill Desk.conf")));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(!settings.readAll().contains(QByteArray(":" + QByteArray::number(ehr.port()))));
    }

    void helpAndVersionNeedNoDisplay()
    {
        QTemporaryDir dir;
        QProcessEnvironment env = environment(dir);
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        const ProcessRun version =
            runProgram(QStringLiteral(SUPERBILL_APP), {QStringLiteral("--version")}, env, {}, 30000);
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.contains(QStringLiteral(SUPERBILL_VERSION)), qPrintable(version.err));
        const ProcessRun help =
            runProgram(QStringLiteral(SUPERBILL_APP), {QStringLiteral("--help")}, env, {}, 30000);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("--training")), qPrintable(help.err));
        // In Spanish too, without a display.
        env.insert(QStringLiteral("SUPERBILL_LANGUAGE"), QStringLiteral("es"));
        const ProcessRun ayuda =
            runProgram(QStringLiteral(SUPERBILL_APP), {QStringLiteral("--help")}, env, {}, 30000);
        QCOMPARE(ayuda.exitCode, 0);
        QVERIFY(ayuda.out.contains(QStringLiteral("--quit-after-show")));
    }

    void firstStartOpensTraining()
    {
        QTemporaryDir dir;
        int code = 0;
        const QByteArray out = run({QStringLiteral("--quit-when-ready")}, dir, &code);
        QCOMPARE(code, 0);
        QVERIFY2(out.contains("ready-ms"), out.constData());
        // The training EHR and its own outbox, apart from a real EHR's queue.
        const QString data = dir.filePath(QStringLiteral("data/superbill-desk"));
        QVERIFY2(QFile::exists(QDir(data).filePath(QStringLiteral("training-outbox.sqlite"))),
                 qPrintable(data));
        QVERIFY(QFile::exists(QDir(data).filePath(QStringLiteral("training-ehr.sqlite"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("data/superbill-desk/outbox.sqlite"))));
        QFile settings(dir.filePath(QStringLiteral("config/Superbill Desk/Superbill Desk.conf")));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray text = settings.readAll();
        QVERIFY(text.contains("started=true"));
        QVERIFY(!text.contains("token"));
    }

    void firstFrameComesBeforeTheOutboxAndTheTrainingEhr()
    {
        QTemporaryDir dir;
        int code = 0;
        const QByteArray out =
            run({QStringLiteral("--training"), QStringLiteral("--quit-after-show")}, dir, &code);
        QCOMPARE(code, 0);
        QVERIFY2(out.startsWith("startup-ms "), out.constData());
        // Quit at the first frame: nothing that waits for it had started.
        const QString data = dir.filePath(QStringLiteral("data/superbill-desk"));
        QVERIFY(!QFile::exists(QDir(data).filePath(QStringLiteral("training-outbox.sqlite"))));
        QVERIFY(!QFile::exists(QDir(data).filePath(QStringLiteral("training-ehr.sqlite"))));
    }
};

QTEST_GUILESS_MAIN(TestApp)
#include "tst_app.moc"
