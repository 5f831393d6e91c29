#include <memory>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "../common/smartregistrationfacts.h"
#include "appsettings.h"
#include "ehr/ehrclient.h"
#include "settingsdialog.h"
#include "tokenstore.h"

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    T *field(const char *name)
    {
        auto *widget = m_dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no widget %s", name);
        return widget;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Ui::AppSettings> m_settings;
    std::unique_ptr<Ui::TokenStore> m_tokens;
    std::unique_ptr<Ui::SettingsDialog> m_dialog;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<Ui::AppSettings>(m_dir->filePath(QStringLiteral("settings.ini")));
        m_tokens = std::make_unique<Ui::TokenStore>(Ui::TokenStore::Backend::SessionOnly);
        m_dialog = std::make_unique<Ui::SettingsDialog>(m_settings->connection(), m_tokens.get(),
                                                        &Ehr::EhrClient::checkTransportSecurity);
        m_dialog->show();
    }

    void cleanup()
    {
        m_dialog.reset();
        m_tokens.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void defaultsAreTrainingAndFifteenMinutes()
    {
        QVERIFY(m_settings->isFirstStart());
        QVERIFY(field<QRadioButton>("trainingRadio")->isChecked());
        QCOMPARE(field<QSpinBox>("unitMinutesSpin")->value(), 15);
        QVERIFY(!field<QLineEdit>("baseUrlEdit")->isEnabled());
    }

    void plainHttpToAnotherHostIsRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https") << "https://ehr.example.org/mps/fhir/R4/V1" << true;
        QTest::newRow("http loopback") << "http://127.0.0.1:8080/fhir" << true;
        QTest::newRow("http localhost") << "http://localhost:8080/fhir" << true;
        QTest::newRow("http remote") << "http://ehr.example.org/fhir" << false;
        QTest::newRow("http private network") << "http://192.168.1.20/fhir" << false;
        QTest::newRow("no scheme") << "ehr.example.org" << false;
        QTest::newRow("empty") << "" << false;
    }

    void plainHttpToAnotherHostIsRefused()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        field<QRadioButton>("ehrRadio")->setChecked(true);
        auto *edit = field<QLineEdit>("baseUrlEdit");
        edit->setText(url);
        QSignalSpy spy(m_dialog.get(), &QDialog::accepted);
        m_dialog->accept();
        QCOMPARE(spy.count(), accepted ? 1 : 0);
        auto *message = field<QLabel>("baseUrlMessageLabel");
        QCOMPARE(message->isVisible(), !accepted);
        if (!accepted)
            QVERIFY(!message->text().isEmpty());
    }

    void settingsRoundTrip()
    {
        field<QRadioButton>("ehrRadio")->setChecked(true);
        field<QLineEdit>("baseUrlEdit")->setText(QStringLiteral("https://ehr.example.org/fhir"));
        field<QComboBox>("dialectCombo")->setCurrentIndex(1);
        field<QComboBox>("timeZoneCombo")->setCurrentText(QStringLiteral("America/Chicago"));
        field<QSpinBox>("unitMinutesSpin")->setValue(10);
        m_dialog->accept();
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        const Ui::ConnectionSettings chosen = m_dialog->settings();
        QCOMPARE(chosen.mode, Ui::EhrMode::Ehr);
        QCOMPARE(chosen.dialect, Fhir::Dialect::R4Strict);
        QCOMPARE(chosen.clinicTimeZone, QByteArray("America/Chicago"));
        QCOMPARE(chosen.unitMinutes, 10);
        m_settings->setConnection(chosen);
        m_settings->sync();
        Ui::AppSettings reread(m_settings->fileName());
        QCOMPARE(reread.connection(), chosen);
    }

    void unknownTimeZoneIsRefused()
    {
        field<QComboBox>("timeZoneCombo")->setCurrentText(QStringLiteral("Mars/Olympus"));
        m_dialog->accept();
        QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
        QVERIFY(field<QLabel>("timeZoneHintLabel")->text().contains(QStringLiteral("Unknown")));
    }

    void tokenWithControlCharactersIsRefused()
    {
        // Pasted with a line break and a header, it would add that header to every request.
        field<QRadioButton>("ehrRadio")->setChecked(true);
        field<QLineEdit>("baseUrlEdit")->setText(QStringLiteral("https://ehr.example.org/fhir"));
        auto *token = field<QLineEdit>("tokenEdit");
        QTest::keyClicks(token, QStringLiteral("s3cr3t"));
        QGuiApplication::clipboard()->setText(QStringLiteral("\rX-Injected: yes"));
        QTest::keyClick(token, Qt::Key_V, Qt::ControlModifier);
        QVERIFY2(token->text().size() > 6, qPrintable(token->text()));
        m_dialog->accept();
        QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
        QVERIFY(m_tokens->token().isEmpty());
        const QString status = field<QLabel>("tokenStatusLabel")->text();
        QVERIFY2(status.contains(QStringLiteral("character 7")), qPrintable(status));
        QVERIFY(!status.contains(QStringLiteral("s3cr3t")));
    }

    void tokenNeverReachesTheSettingsFile()
    {
        const QString secret = QStringLiteral("s3cr3t-t0ken-value");
        field<QRadioButton>("ehrRadio")->setChecked(true);
        field<QLineEdit>("baseUrlEdit")->setText(QStringLiteral("https://ehr.example.org/fhir"));
        auto *token = field<QLineEdit>("tokenEdit");
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QTest::keyClicks(token, secret);
        m_dialog->accept();
        QCOMPARE(m_tokens->token(), secret);
        QCOMPARE(m_tokens->state(), Ui::TokenStore::State::SessionOnly);
        QVERIFY(m_tokens->statusText().contains(QStringLiteral("session")));
        m_settings->setConnection(m_dialog->settings());
        m_settings->setWindow(QByteArray("geometry"), QByteArray("state"));
        m_settings->sync();
        QFile file(m_settings->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        QVERIFY(contents.contains("ehr.example.org"));
        QVERIFY(!contents.contains(secret.toUtf8()));
    }

    void smartFieldsOnlyForSmartSignIn()
    {
        field<QRadioButton>("smartRadio")->setChecked(true);
        QVERIFY(field<QLineEdit>("baseUrlEdit")->isEnabled());
        QVERIFY(field<QLineEdit>("clientIdEdit")->isVisible());
        QVERIFY(field<QSpinBox>("redirectPortSpin")->isVisible());
        QVERIFY(field<QLineEdit>("scopesEdit")->isVisible());
        QVERIFY(!field<QLineEdit>("tokenEdit")->isVisible());
        field<QRadioButton>("ehrRadio")->setChecked(true);
        QVERIFY(!field<QLineEdit>("clientIdEdit")->isVisible());
        QVERIFY(field<QLineEdit>("tokenEdit")->isVisible());
        field<QRadioButton>("trainingRadio")->setChecked(true);
        QVERIFY(!field<QLineEdit>("baseUrlEdit")->isEnabled());
    }

    void smartSettingsRoundTrip()
    {
        field<QRadioButton>("smartRadio")->setChecked(true);
        QTest::keyClicks(field<QLineEdit>("baseUrlEdit"), QStringLiteral("https://ehr.example.org/fhir/R4"));
        QTest::keyClicks(field<QLineEdit>("clientIdEdit"), QStringLiteral("sbd-12345"));
        field<QSpinBox>("redirectPortSpin")->setValue(53682);
        QTest::keyClicks(field<QLineEdit>("scopesEdit"), QStringLiteral("openid  user/Procedure.c"));
        m_dialog->accept();
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        const Ui::ConnectionSettings chosen = m_dialog->settings();
        QCOMPARE(chosen.mode, Ui::EhrMode::Ehr);
        QCOMPARE(chosen.signIn, Ui::SignInMethod::Smart);
        QCOMPARE(chosen.clientId, QStringLiteral("sbd-12345"));
        QCOMPARE(chosen.redirectPort, 53682);
        QCOMPARE(chosen.scopes, QStringLiteral("openid user/Procedure.c"));
        m_settings->setConnection(chosen);
        m_settings->sync();
        QCOMPARE(Ui::AppSettings(m_settings->fileName()).connection(), chosen);
    }

    void showsDiscoveryAndPrefersSmartWhenFound()
    {
        QStringList asked;
        m_dialog->setDiscovery([&asked](const QUrl &url, QObject *,
                                        std::function<void(bool, const QString &)> done) {
            asked.append(url.toString());
            done(true, QStringLiteral("SMART sign-in found: sign-in page https://ehr.example.org/authorize"));
        });
        field<QRadioButton>("ehrRadio")->setChecked(true);
        QApplication::setActiveWindow(m_dialog.get());
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
        auto *url = field<QLineEdit>("baseUrlEdit");
        url->setFocus();
        QTest::keyClicks(url, QStringLiteral("https://ehr.example.org/fhir"));
        QTest::keyClick(url, Qt::Key_Tab);
        QCOMPARE(asked, QStringList{QStringLiteral("https://ehr.example.org/fhir")});
        QVERIFY(field<QLabel>("discoveryLabel")->text().contains(QStringLiteral("sign-in page")));
        QVERIFY(field<QRadioButton>("smartRadio")->isChecked());
    }

    void saysWhatTheCommandLineHelpSays()
    {
        field<QRadioButton>("smartRadio")->setChecked(true);
        QString texts;
        for (const QLabel *label : m_dialog->findChildren<QLabel *>())
            texts += label->text() + u' ';
        for (const QAbstractButton *button : m_dialog->findChildren<QAbstractButton *>())
            texts += button->text() + u' ';
        for (const QLineEdit *edit : m_dialog->findChildren<QLineEdit *>())
            texts += edit->placeholderText() + u' ';
        texts = texts.simplified();
        // The same facts as superbill-cli auth --help gives (tst_authcli).
        for (const QString &fact : smartRegistrationFacts())
            QVERIFY2(texts.contains(fact), qPrintable(fact));
    }

    void firstStartIsRemembered()
    {
        QVERIFY(m_settings->isFirstStart());
        m_settings->markStarted();
        m_settings->sync();
        QVERIFY(!Ui::AppSettings(m_settings->fileName()).isFirstStart());
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
