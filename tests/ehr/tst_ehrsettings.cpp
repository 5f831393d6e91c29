#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "ehr/ehrsettings.h"

using Ehr::EhrSettings;

class TestEhrSettings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void defaultsWithoutAnything();
    void settingsFileThenEnvironment();
    void linesInFlightFromFileThenEnvironment();
    void tokenFile_data();
    void tokenFile();
    void tokenFromEnvironment();
    void tokenWithControlCharactersIsRefused_data();
    void tokenWithControlCharactersIsRefused();

private:
    QString write(const QString &name, const QByteArray &contents, QFileDevice::Permissions permissions);

    QTemporaryDir m_dir;
};

void TestEhrSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestEhrSettings::init()
{
    for (const char *name : {"SUPERBILL_EHR_URL", "SUPERBILL_DB", "SUPERBILL_DIALECT", "SUPERBILL_TOKEN",
                             "SUPERBILL_EHR_TIMEOUT_MS", "SUPERBILL_IN_FLIGHT"})
        qunsetenv(name);
    QFile::remove(EhrSettings::configFilePath());
}

void TestEhrSettings::cleanup()
{
    QFile::remove(EhrSettings::configFilePath());
}

QString TestEhrSettings::write(const QString &name, const QByteArray &contents,
                               QFileDevice::Permissions permissions)
{
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly, permissions))
        return {};
    file.write(contents);
    return path;
}

void TestEhrSettings::defaultsWithoutAnything()
{
    const EhrSettings settings = EhrSettings::fromEnvironment();
    QVERIFY(settings.ehrUrl.isEmpty());
    QVERIFY(settings.databasePath.endsWith(QStringLiteral("superbill-desk/outbox.sqlite")));
    QCOMPARE(settings.dialect, Fhir::Dialect::EhrVendor);
    QCOMPARE(settings.transferTimeoutMs, 30000);
    QCOMPARE(settings.linesInFlight, 4);
}

void TestEhrSettings::settingsFileThenEnvironment()
{
    EhrSettings saved;
    saved.ehrUrl = QUrl(QStringLiteral("https://ehr.example.org/fhir"));
    saved.dialect = Fhir::Dialect::R4Strict;
    saved.databasePath = m_dir.filePath(QStringLiteral("shared.sqlite"));
    QVERIFY(saved.save());

    EhrSettings read = EhrSettings::fromEnvironment();
    QCOMPARE(read.ehrUrl, saved.ehrUrl);
    QCOMPARE(read.dialect, Fhir::Dialect::R4Strict);
    QCOMPARE(read.databasePath, saved.databasePath);

    qputenv("SUPERBILL_EHR_URL", "http://127.0.0.1:9/fhir");
    qputenv("SUPERBILL_DB", "/tmp/other.sqlite");
    qputenv("SUPERBILL_DIALECT", "ehr-vendor");
    qputenv("SUPERBILL_EHR_TIMEOUT_MS", "1500");
    read = EhrSettings::fromEnvironment();
    QCOMPARE(read.ehrUrl, QUrl(QStringLiteral("http://127.0.0.1:9/fhir")));
    QCOMPARE(read.databasePath, QStringLiteral("/tmp/other.sqlite"));
    QCOMPARE(read.dialect, Fhir::Dialect::EhrVendor);
    QCOMPARE(read.transferTimeoutMs, 1500);
}

void TestEhrSettings::linesInFlightFromFileThenEnvironment()
{
    QVERIFY(QDir().mkpath(QFileInfo(EhrSettings::configFilePath()).absolutePath()));
    {
        QSettings file(EhrSettings::configFilePath(), QSettings::IniFormat);
        file.setValue(QStringLiteral("outbox/inFlight"), 8);
    }
    QCOMPARE(EhrSettings::fromEnvironment().linesInFlight, 8);
    qputenv("SUPERBILL_IN_FLIGHT", "12");
    QCOMPARE(EhrSettings::fromEnvironment().linesInFlight, 12);
    // Within 1..16, whatever is asked.
    qputenv("SUPERBILL_IN_FLIGHT", "64");
    QCOMPARE(EhrSettings::fromEnvironment().linesInFlight, 16);
    qputenv("SUPERBILL_IN_FLIGHT", "0");
    QCOMPARE(EhrSettings::fromEnvironment().linesInFlight, 1);
}

void TestEhrSettings::tokenFile_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<int>("permissions");
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("warns");
    const int ownerOnly = int(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QTest::newRow("first line trimmed")
        << QByteArray("  abc123 \nsecond\n") << ownerOnly << "abc123" << false;
    QTest::newRow("readable by others")
        << QByteArray("abc") << int(ownerOnly | QFileDevice::ReadOther) << "abc" << true;
    QTest::newRow("empty") << QByteArray("\n") << ownerOnly << "" << false;
}

void TestEhrSettings::tokenWithControlCharactersIsRefused_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("shown");
    QTest::newRow("CR inside the first line") << QByteArray("abc\rX-Injected: 1\n") << "\\x0d";
    QTest::newRow("ESC") << QByteArray("abc\x1b[2Jdef") << "\\x1b";
    QTest::newRow("NUL") << QByteArray("abc\0def", 7) << "\\x00";
    QTest::newRow("tab") << QByteArray("abc\tdef") << "\\x09";
    QTest::newRow("space") << QByteArray("abc def") << "a space";
}

void TestEhrSettings::tokenWithControlCharactersIsRefused()
{
    // A CR or LF in the token would end the Authorization header and add others to every request.
    QFETCH(QByteArray, contents);
    QFETCH(QString, shown);
    const QString path =
        write(QStringLiteral("token"), contents, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const auto read = EhrSettings::readTokenFile(path);
    QVERIFY(!read);
    QCOMPARE(read.error().path, path);
    QVERIFY2(read.error().message.contains(shown), qPrintable(read.error().message));
    QVERIFY2(read.error().message.contains(QStringLiteral("character 4")), qPrintable(read.error().message));
    QVERIFY(!read.error().message.contains(QStringLiteral("def")));

    if (contents.contains('\0'))
        return; // the environment cannot hold a NUL
    qputenv("SUPERBILL_TOKEN", contents);
    const auto fromEnvironment = EhrSettings::tokenFromEnvironment();
    qunsetenv("SUPERBILL_TOKEN");
    QVERIFY(!fromEnvironment);
    QCOMPARE(fromEnvironment.error().path, QStringLiteral("SUPERBILL_TOKEN"));
    QVERIFY(!fromEnvironment.error().message.contains(QStringLiteral("def")));
}

void TestEhrSettings::tokenFile()
{
    QFETCH(QByteArray, contents);
    QFETCH(int, permissions);
    QFETCH(QString, token);
    QFETCH(bool, warns);
    const QString path = write(QStringLiteral("token"), contents, QFileDevice::Permissions(permissions));
    const auto read = EhrSettings::readTokenFile(path);
    if (token.isEmpty()) {
        QVERIFY(!read);
        QVERIFY(read.error().message.contains(QStringLiteral("empty")));
        return;
    }
    QVERIFY(read);
    QCOMPARE(read->token, token);
    QCOMPARE(!read->warning.isEmpty(), warns);
    QVERIFY(!read->warning.contains(token));
}

void TestEhrSettings::tokenFromEnvironment()
{
    QCOMPARE(EhrSettings::tokenFromEnvironment().valueOr(QStringLiteral("?")), QString());
    qputenv("SUPERBILL_TOKEN", " t0k \n");
    QCOMPARE(EhrSettings::tokenFromEnvironment().valueOr(QString()), QStringLiteral("t0k"));
    qunsetenv("SUPERBILL_TOKEN");
    const auto missing = EhrSettings::readTokenFile(m_dir.filePath(QStringLiteral("missing")));
    QVERIFY(!missing);
    QVERIFY(missing.error().text().contains(QStringLiteral("missing")));
}

QTEST_GUILESS_MAIN(TestEhrSettings)
#include "tst_ehrsettings.moc"
