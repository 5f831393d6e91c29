#include <memory>

#include <QEventLoop>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "../common/resultcheck.h"
#include "../ehr/scriptedserver.h"
#include "appsettings.h"
#include "encounterlistmodel.h"
#include "encounterpicker.h"
#include "lineeditor.h"
#include "mainwindow.h"
#include "patientlistmodel.h"
#include "sandbox/server.h"
#include "tokenstore.h"
#include "workspace.h"

namespace {

constexpr int SlowMachineTimeoutMs = 30000;
const QString Token = QStringLiteral("encounter-load-test-token");

/// One answer of the training EHR, fetched once so a scripted EHR can serve it at its own pace.
QByteArray fetch(QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + Token.toUtf8());
    request.setRawHeader("Accept", "application/fhir+json");
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(SlowMachineTimeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return reply->isFinished() && reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
}

} // namespace

/**
 * An EHR answers the encounter list before the diagnoses, and the clerk opens the encounter in
 * between: the diagnoses must still reach the open form when they arrive, and what was typed stays.
 */
class TestEncounterLoad : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void diagnosesArrivingAfterTheEncounterWasOpenedJoinTheForm();
};

void TestEncounterLoad::diagnosesArrivingAfterTheEncounterWasOpenedJoinTheForm()
{
    Sandbox::ServerOptions options;
    options.token = Token;
    Sandbox::Server training(options);
    QString error;
    QVERIFY_OK(training.start());
    QNetworkAccessManager network;
    const QString base = training.baseUrl().toString();
    const QByteArray metadata = fetch(network, QUrl(base + QStringLiteral("/metadata")));
    const QByteArray patients = fetch(network, QUrl(base + QStringLiteral("/Patient?name=Okafor")));
    const QByteArray encounters =
        fetch(network, QUrl(base + QStringLiteral("/Encounter?patient=Patient-265")));
    const QByteArray conditions =
        fetch(network, QUrl(base + QStringLiteral("/Condition?patient=Patient-265")));
    QVERIFY(!metadata.isEmpty() && !patients.isEmpty() && !encounters.isEmpty() && !conditions.isEmpty());

    // The diagnoses come last, in pieces, well after the encounters.
    ScriptedServer ehr;
    QVERIFY(ehr.start());
    ehr.handler = [&](const RecordedRequest &request) {
        const QByteArray path = request.target.left(request.target.indexOf('?'));
        if (path.endsWith("/metadata"))
            return ScriptedResponse::json(200, metadata);
        if (path.endsWith("/Encounter"))
            return ScriptedResponse::json(200, encounters);
        if (path.endsWith("/Condition"))
            return ScriptedResponse::drip(200, conditions, 3, 600);
        return ScriptedResponse::json(200, patients);
    };

    QTemporaryDir dir;
    Ui::AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    Ui::TokenStore tokens(Ui::TokenStore::Backend::SessionOnly);
    Ui::Workspace workspace;
    Ui::Workspace::Options workspaceOptions;
    workspaceOptions.training = false;
    workspaceOptions.connection.mode = Ui::EhrMode::Ehr;
    workspaceOptions.connection.baseUrl = ehr.baseUrl();
    workspaceOptions.connection.signIn = Ui::SignInMethod::BearerToken; // the scripted EHR has no SMART
    workspaceOptions.dataDir = dir.path();
    workspaceOptions.outboxPath = dir.filePath(QStringLiteral("outbox.sqlite"));
    QVERIFY2(workspace.start(
                 workspaceOptions, [] { return Token; }, &error),
             qPrintable(error));
    Ui::MainWindow window(settings, tokens, workspace);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Okafor"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    Ui::EncounterPicker *picker = window.encounterPicker();
    QTRY_VERIFY_WITH_TIMEOUT(picker->patientModel()->rowCount() >= 1, SlowMachineTimeoutMs);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Down);
    const QString encounterId = QStringLiteral("Encounter-805");
    QTRY_VERIFY_WITH_TIMEOUT(picker->encounterModel()->rowOf(encounterId) >= 0, SlowMachineTimeoutMs);

    // Opened as soon as it is listed, before the diagnoses have come.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    auto *list = window.findChild<QListView *>(QStringLiteral("encounterList"));
    list->setCurrentIndex(picker->encounterModel()->index(picker->encounterModel()->rowOf(encounterId)));
    QTest::keyClick(list, Qt::Key_Return);
    Ui::LineEditor *editor = window.lineEditor();
    QCOMPARE(editor->encounter().encounterId, encounterId);
    QVERIFY(editor->encounter().diagnoses.isEmpty());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("20610"));

    QTRY_VERIFY_WITH_TIMEOUT(editor->encounter().diagnoses.size() >= 2, SlowMachineTimeoutMs);
    QVERIFY(editor->encounter().diagnosesKnown);
    QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("cptCodeEdit"))->text(), QStringLiteral("20610"));
}

QTEST_MAIN(TestEncounterLoad)
#include "tst_encounterload.moc"
