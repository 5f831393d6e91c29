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

#include "ehr/bearertoken.h"
#include "linedraft.h"
#include "theme.h"
#include "tokenstore.h"

namespace Ui {

namespace {

/// A row of the form: the caption (its buddy the field), the field, and a note under the field.
void addRow(QFormLayout *form, const QString &caption, QWidget *field, QLabel *note,
            Qt::Alignment fieldAlignment = {})
{
    auto *label = new QLabel(caption, form->parentWidget());
    label->setBuddy(field);
    auto *box = new QVBoxLayout;
    box->setSpacing(2);
    box->addWidget(field, 0, fieldAlignment);
    box->addWidget(note);
    form->addRow(label, box);
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
    m_ehrRadio = new QRadioButton(tr("A real &EHR"), ehrGroup);
    m_ehrRadio->setObjectName(QStringLiteral("ehrRadio"));
    m_ehrRadio->setAccessibleName(tr("Use a real EHR"));
    ehrLayout->addWidget(m_trainingRadio);
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

    m_tokenEdit = new QLineEdit(m_ehrBox);
    m_tokenEdit->setObjectName(QStringLiteral("tokenEdit"));
    m_tokenEdit->setAccessibleName(tr("Bearer token"));
    m_tokenEdit->setEchoMode(QLineEdit::Password);
    m_tokenEdit->setPlaceholderText(tokens && !tokens->token().isEmpty() ? tr("•••••••• (unchanged)")
                                                                         : tr("Bearer token"));
    m_tokenStatus = makeHint(QString(), m_ehrBox);
    m_tokenStatus->setObjectName(QStringLiteral("tokenStatusLabel"));
    addRow(form, tr("T&oken"), m_tokenEdit, m_tokenStatus);

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
    (settings.mode == EhrMode::Training ? m_trainingRadio : m_ehrRadio)->setChecked(true);
    m_urlEdit->setText(settings.baseUrl.toString());
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
    settings.dialect =
        Fhir::dialectFromName(m_dialectCombo->currentData().toString()).value_or(Fhir::Dialect::EhrVendor);
    settings.clinicTimeZone = m_zoneCombo->currentText().trimmed().toUtf8();
    settings.unitMinutes = m_unitSpin->value();
    return settings;
}

void SettingsDialog::updateMode()
{
    m_ehrBox->setEnabled(m_ehrRadio->isChecked());
    if (m_trainingRadio->isChecked())
        m_urlMessage->setVisible(false);
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
