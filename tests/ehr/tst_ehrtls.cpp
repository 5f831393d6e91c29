#include <optional>

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>

#include "ehr/ehrclient.h"

/// TLS errors fail closed: a server whose certificate this computer does not trust gets nothing.
class TestEhrTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void untrustedCertificateIsRefused();

private:
    QSslServer m_server;
    int m_bytesReceived = 0;
};

void TestEhrTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend on this machine");
    QFile certFile(QStringLiteral(SUPERBILL_EHR_TEST_DIR "/data/selfsigned-cert.pem"));
    QFile keyFile(QStringLiteral(SUPERBILL_EHR_TEST_DIR "/data/selfsigned-key.pem"));
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certFile.readAll()));
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    m_server.setSslConfiguration(configuration);
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this,
                    [this, socket] { m_bytesReceived += int(socket->readAll().size()); });
        }
    });
    QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
}

void TestEhrTls::untrustedCertificateIsRefused()
{
    Ehr::EhrClient client;
    QVERIFY(client.setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1/fhir").arg(m_server.serverPort()))));
    client.setTokenProvider([] { return QStringLiteral("tls-secret"); });
    client.setTransferTimeout(std::chrono::milliseconds(5000));
    Model::ProcedureEntry entry;
    entry.identifiers = {Model::ProcedureEntry::newClientIdentifier()};
    std::optional<Ehr::SubmitResult> result;
    client.createProcedure(entry, this, [&](const Ehr::SubmitResult &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QCOMPARE(Ehr::submitKindName(result->kind), Ehr::submitKindName(Ehr::SubmitResult::Kind::Blocked));
    QVERIFY2(result->errorString.contains(QStringLiteral("never ignored")), qPrintable(result->errorString));
    qInfo().noquote() << result->errorString;
    QCOMPARE(m_bytesReceived, 0); // not a byte of the request (or the token) went over
}

QTEST_GUILESS_MAIN(TestEhrTls)
#include "tst_ehrtls.moc"
