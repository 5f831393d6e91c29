#include "settingsdialog.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include "auth/scopeset.h"
#include "auth/smartsession.h"
#include "ehr/bearertoken.h"
#include "linedraft.h"
#include "theme.h"
#include "tokenstore.h"

namespace Ui {

namespace {

/// A row of the form: the caption (its buddy the field), the field, and a note under the field. Returns
/// the caption, by which the row can be shown or hidden.
QLabel *addRow(QFormLayout *form, const QString &caption, QWidget *field, QLabel *note,
               Qt::Alignment fieldAlignment = {})
{
    auto *label = new QLabel(caption, form->parentWidget());
    label->setBuddy(field);
    auto *box = new QVBoxLayout;
    box->setSpacing(2);
    box->addWidget(field, 0, fieldAlignment);
    box->addWidget(note);
    form->addRow(label, box);
    return label;
}

QLabel *makeHint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setProperty("role", QStringLiteral("hint"));
    label->setWordWrap(true);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(const ConnectionSettings &settings, TokenStore *tokens, UrlCheck urlCheck,
                               QWidget *parent)
    : QDialog(parent)
    , m_tokens(tokens)
    , m_urlCheck(std::move(urlCheck))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setMinimumWidth(600);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(14);

    auto *ehrGroup = new QGroupBox(tr("EHR"), this);
    auto *ehrLayout = new QVBoxLayout(ehrGroup);
    ehrLayout->setSpacing(8);
    m_trainingRadio =
        new QRadioButton(tr("&Training EHR — built in, with demo patients; not a real EHR"), ehrGroup);
    m_trainingRadio->setObjectName(QStringLiteral("trainingRadio"));
    m_trainingRadio->setAccessibleName(tr("Use the training EHR"));
    m_smartRadio = new QRadioButton(
        tr("&SMART sign-in — a real EHR; you sign in on its page in your browser"), ehrGroup);
    m_smartRadio->setObjectName(QStringLiteral("smartRadio"));
    m_smartRadio->setAccessibleName(tr("Use a real EHR with SMART sign-in"));
    m_ehrRadio = new QRadioButton(tr("&Bearer token — a real EHR without SMART; paste a token"), ehrGroup);
    m_ehrRadio->setObjectName(QStringLiteral("ehrRadio"));
    m_ehrRadio->setAccessibleName(tr("Use a real EHR with a bearer token"));
    ehrLayout->addWidget(new QLabel(tr("Sign-in method:"), ehrGroup));
    ehrLayout->addWidget(m_trainingRadio);
    ehrLayout->addWidget(m_smartRadio);
    ehrLayout->addWidget(m_ehrRadio);

    m_ehrBox = new QWidget(ehrGroup);
    auto *form = new QFormLayout(m_ehrBox);
    form->setContentsMargins(24, 4, 0, 0);
    form->setHorizontalSpacing(12);
    form->setVerticalSpacing(6);
    m_urlEdit = new QLineEdit(m_ehrBox);
    m_urlEdit->setObjectName(QStringLiteral("baseUrlEdit"));
    m_urlEdit->setAccessibleName(tr("EHR base URL"));
    m_urlEdit->setPlaceholderText(QStringLiteral("https://ehr.example.org/mps/fhir/R4/V1"));
    m_urlMessage = new QLabel(m_ehrBox);
    m_urlMessage->setObjectName(QStringLiteral("baseUrlMessageLabel"));
    m_urlMessage->setProperty("role", QStringLiteral("fieldMessage"));
    m_urlMessage->setProperty("severity", QStringLiteral("error"));
    m_urlMessage->setWordWrap(true);
    m_urlMessage->setVisible(false);
    addRow(form, tr("Base &URL"), m_urlEdit, m_urlMessage);
    m_discoveryLabel = makeHint(QString(), m_ehrBox);
    m_discoveryLabel->setObjectName(QStringLiteral("discoveryLabel"));
    m_discoveryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_discoveryLabel);

    m_clientIdEdit = new QLineEdit(m_ehrBox);
    m_clientIdEdit->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientIdEdit->setAccessibleName(tr("SMART client id"));
    m_clientIdEdit->setPlaceholderText(Auth::SmartSession::defaultClientId());
    m_smartRows.append(addRow(
        form, tr("Client &id"), m_clientIdEdit,
        makeHint(
            tr("The client id the EHR's administrator registered for Superbill Desk as a public native app: "
               "no client secret, PKCE S256. Empty: %1.")
                .arg(Auth::SmartSession::defaultClientId()),
            m_ehrBox)));
    m_redirectPortSpin = new QSpinBox(m_ehrBox);
    m_redirectPortSpin->setObjectName(QStringLiteral("redirectPortSpin"));
    m_redirectPortSpin->setAccessibleName(tr("Redirect port"));
    m_redirectPortSpin->setRange(0, 65535);
    m_redirectPortSpin->setSpecialValueText(tr("any free port"));
    m_smartRows.append(
        addRow(form, tr("&Redirect port"), m_redirectPortSpin,
               makeHint(tr("The sign-in comes back to http://127.0.0.1:PORT/ on this computer "
                           "only. Leave \"any free port\" unless the EHR registers a fixed one."),
                        m_ehrBox),
               Qt::AlignLeft));
    m_scopesEdit = new QLineEdit(m_ehrBox);
    m_scopesEdit->setObjectName(QStringLiteral("scopesEdit"));
    m_scopesEdit->setAccessibleName(tr("SMART scopes"));
    m_scopesEdit->setPlaceholderText(Auth::ScopeSet::appDefaults().toString());
    m_smartRows.append(addRow(
        form, tr("Sco&pes"), m_scopesEdit,
        makeHint(
            tr("Empty: %1 (the v1 names, such as user/Procedure.write, when the EHR lists only "
               "permission-v1). Without user/Procedure.c lines are kept in the queue and not sent. The base "
               "URL is sent as aud exactly as entered; the refresh token is kept in the system keychain, "
               "access tokens are renewed at 80% of their life and once more after a 401.")
                .arg(Auth::ScopeSet::appDefaults().toString()),
            m_ehrBox)));

    m_tokenEdit = new QLineEdit(m_ehrBox);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setAccessibleName(tr("Bearer token"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tokens && !tokens->token().isEmpty() ? tr("•••••••• (unchanged)")
                                                                         : tr("Bearer token"));
    m_tokenStatus = makeHint(QString(), m_ehrBox);
    m_tokenStatus->setObjectName(QStringLiteral("tokenStatusLabel"));
    m_tokenRow = addRow(form, tr("T&oken"), m_tokenEdit, m_tokenStatus);
    m_form = form;

    m_dialectCombo = new QComboBox(m_ehrBox);
    m_dialectCombo->setObjectName(QStringLiteral("dialectCombo"));
    m_dialectCombo->setAccessibleName(tr("FHIR dialect"));
    m_dialectCombo->addItem(tr("ehr-vendor — the vendor's EHR"), Fhir::dialectName(Fhir::Dialect::EhrVendor));
    m_dialectCombo->addItem(tr("r4-strict — standard FHIR R4 servers"),
                            Fhir::dialectName(Fhir::Dialect::R4Strict));
    addRow(form, tr("FHIR &dialect"), m_dialectCombo,
           makeHint(tr("How the recorded date is sent: a top-level recordedDate (ehr-vendor) or the R5 "
                       "extension a strict R4 server accepts (r4-strict)."),
                    m_ehrBox));
    ehrLayout->addWidget(m_ehrBox);
    layout->addWidget(ehrGroup);

    auto *clinicGroup = new QGroupBox(tr("Clinic"), this);
    auto *clinicForm = new QFormLayout(clinicGroup);
    clinicForm->setHorizontalSpacing(12);
    clinicForm->setVerticalSpacing(6);
    m_zoneCombo = new QComboBox(clinicGroup);
    m_zoneCombo->setObjectName(QStringLiteral("timeZoneCombo"));
    m_zoneCombo->setAccessibleName(tr("Clinic time zone"));
    m_zoneCombo->setEditable(true);
    m_zoneCombo->setInsertPolicy(QComboBox::NoInsert);
    m_zoneCombo->setMaxVisibleItems(16);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zoneCombo->addItem(QString::fromUtf8(id));
    m_zoneCombo->completer()->setFilterMode(Qt::MatchContains);
    m_zoneCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_zoneCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_zoneHint = makeHint(QString(), clinicGroup);
    m_zoneHint->setObjectName(QStringLiteral("timeZoneHintLabel"));
    addRow(clinicForm, tr("Time &zone"), m_zoneCombo, m_zoneHint);
    m_unitSpin = new QSpinBox(clinicGroup);
    m_unitSpin->setObjectName(QStringLiteral("unitMinutesSpin"));
    m_unitSpin->setAccessibleName(tr("Anesthesia time-unit minutes"));
    m_unitSpin->setRange(1, 60);
    m_unitSpin->setSuffix(tr(" min"));
    addRow(clinicForm, tr("Anesthesia &unit"), m_unitSpin,
           makeHint(tr("Used only for the estimate beside anesthesia lines; the EHR computes billed units."),
                    clinicGroup),
           Qt::AlignLeft);
    layout->addWidget(clinicGroup);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setProperty("role", QStringLiteral("primary"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    // Values.
    (settings.mode == EhrMode::Training       ? m_trainingRadio
     : settings.signIn == SignInMethod::Smart ? m_smartRadio
                                              : m_ehrRadio)
        ->setChecked(true);
    m_urlEdit->setText(settings.baseUrl.toString());
    m_clientIdEdit->setText(settings.clientId);
    m_redirectPortSpin->setValue(settings.redirectPort);
    m_scopesEdit->setText(settings.scopes);
    m_dialectCombo->setCurrentIndex(
        std::max(0, m_dialectCombo->findData(Fhir::dialectName(settings.dialect))));
    const QByteArray zone =
        settings.clinicTimeZone.isEmpty() ? QTimeZone::systemTimeZoneId() : settings.clinicTimeZone;
    const int zoneIndex = m_zoneCombo->findText(QString::fromUtf8(zone));
    if (zoneIndex >= 0)
        m_zoneCombo->setCurrentIndex(zoneIndex);
    else
        m_zoneCombo->setEditText(QString::fromUtf8(zone));
    m_unitSpin->setValue(settings.unitMinutes);
    if (m_tokens)
        m_tokenStatus->setText(m_tokens->statusText());

    connect(m_trainingRadio, &QRadioButton::toggled, this, &SettingsDialog::updateMode);
    connect(m_smartRadio, &QRadioButton::toggled, this, &SettingsDialog::updateMode);
    connect(m_urlEdit, &QLineEdit::textEdited, this, [this] {
        if (m_urlMessage->isVisible())
            checkUrl();
    });
    connect(m_urlEdit, &QLineEdit::editingFinished, this, &SettingsDialog::checkUrl);
    connect(m_tokenEdit, &QLineEdit::textEdited, this, [this] { m_tokenEdited = true; });
    connect(m_zoneCombo, &QComboBox::currentTextChanged, this, &SettingsDialog::updateZoneHint);
    if (m_tokens) {
        connect(m_tokens, &TokenStore::stateChanged, this,
                [this] { m_tokenStatus->setText(m_tokens->statusText()); });
    }
    updateMode();
    updateZoneHint();
    fitHeight();
}

void SettingsDialog::fitHeight()
{
    // Wrapped hints and messages change the height the form needs; grow once the layout knows it.
    QTimer::singleShot(0, this, [this] {
        layout()->activate();
        resize(width(), std::max(height(), heightForWidth(width())));
    });
}

ConnectionSettings SettingsDialog::settings() const
{
    ConnectionSettings settings;
    settings.mode = m_trainingRadio->isChecked() ? EhrMode::Training : EhrMode::Ehr;
    settings.baseUrl = QUrl(m_urlEdit->text().trimmed());
    settings.signIn = m_ehrRadio->isChecked() ? SignInMethod::BearerToken : SignInMethod::Smart;
    settings.clientId = m_clientIdEdit->text().trimmed();
    settings.redirectPort = quint16(m_redirectPortSpin->value());
    settings.scopes = Auth::ScopeSet::parse(m_scopesEdit->text()).toString();
    settings.dialect =
        Fhir::dialectFromName(m_dialectCombo->currentData().toString()).value_or(Fhir::Dialect::EhrVendor);
    settings.clinicTimeZone = m_zoneCombo->currentText().trimmed().toUtf8();
    settings.unitMinutes = m_unitSpin->value();
    return settings;
}

void SettingsDialog::updateMode()
{
    m_ehrBox->setEnabled(!m_trainingRadio->isChecked());
    for (QLabel *caption : std::as_const(m_smartRows))
        m_form->setRowVisible(caption, !m_ehrRadio->isChecked());
    m_form->setRowVisible(m_tokenRow, m_ehrRadio->isChecked());
    if (m_trainingRadio->isChecked())
        m_urlMessage->setVisible(false);
    fitHeight();
}

void SettingsDialog::setDiscovery(Discovery discovery)
{
    m_discovery = std::move(discovery);
    discover();
}

void SettingsDialog::discover()
{
    const QUrl url(m_urlEdit->text().trimmed());
    if (!m_discovery || m_trainingRadio->isChecked() || url == m_discovered || url.host().isEmpty() ||
        (m_urlCheck && !m_urlCheck(url)))
        return;
    m_discovered = url;
    m_discoveryLabel->setText(tr("Looking for SMART sign-in at this address…"));
    m_discovery(url, this, [this, url](bool found, const QString &text) {
        if (url != m_discovered)
            return; // the address changed meanwhile
        m_discoveryLabel->setText(text);
        // SMART is the default once the EHR offers it, unless a token is being used already.
        if (found && m_ehrRadio->isChecked() && m_tokenEdit->text().isEmpty() &&
            (!m_tokens || m_tokens->token().isEmpty()))
            m_smartRadio->setChecked(true);
        fitHeight();
    });
}

void SettingsDialog::updateZoneHint()
{
    const QByteArray id = m_zoneCombo->currentText().trimmed().toUtf8();
    const QTimeZone zone(id);
    if (!zone.isValid()) {
        m_zoneHint->setText(tr("Unknown time zone; pick one from the list, e.g. America/Chicago."));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc().toTimeZone(zone);
    m_zoneHint->setText(tr("Now %1 there (%2). Times are entered and shown in this zone unless the encounter "
                           "names its own.")
                            .arg(QLocale().toString(now.time(), QLocale::ShortFormat), offsetText(now)));
}

bool SettingsDialog::checkUrl()
{
    QString error;
    if (m_ehrRadio->isChecked()) {
        const QUrl url(m_urlEdit->text().trimmed(), QUrl::StrictMode);
        if (m_urlEdit->text().trimmed().isEmpty())
            error = tr("Enter the EHR's FHIR base URL, e.g. https://ehr.example.org/mps/fhir/R4/V1.");
        else if (!url.isValid() || url.host().isEmpty())
            error = tr("This is not a URL: give the full address with https:// and the host.");
        else if (const Common::Status usable = m_urlCheck ? m_urlCheck(url) : Common::Status(); !usable)
            error = usable.error().message;
    }
    m_urlMessage->setText(error);
    m_urlMessage->setVisible(!error.isEmpty());
    if (error.isEmpty())
        discover();
    fitHeight();
    setStyleProperty(m_urlEdit, "finding", error.isEmpty() ? QString() : QStringLiteral("error"));
    return error.isEmpty();
}

void SettingsDialog::accept()
{
    if (!checkUrl()) {
        m_urlEdit->setFocus();
        return;
    }
    if (!QTimeZone(m_zoneCombo->currentText().trimmed().toUtf8()).isValid()) {
        m_zoneCombo->setFocus();
        return;
    }
    if (m_tokenEdited && m_tokens) {
        const QString token = m_tokenEdit->text().trimmed();
        if (const Common::Status valid = Ehr::checkBearerToken(token); !valid) {
            m_tokenStatus->setText(valid.error().message);
            setStyleProperty(m_tokenEdit, "finding", QStringLiteral("error"));
            m_tokenEdit->setFocus();
            fitHeight();
            return;
        }
        m_tokens->setToken(token);
    }
    QDialog::accept();
}

} // namespace Ui
