#pragma once

#include <functional>

#include <QDialog>

#include "appsettings.h"
#include "common/result.h"

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QWidget;

namespace Ui {

class TokenStore;

/**
 * Where lines go and how the clinic works. The sign-in method: the training
 * EHR, a real EHR with SMART sign-in (client id, redirect port, scopes, and
 * what discovery found at the base URL), or a real EHR with a bearer token
 * (kept by TokenStore); its base URL (HTTPS unless loopback), FHIR dialect,
 * clinic time zone and anesthesia unit minutes. OK is refused, with the
 * reason under the field, while a value cannot be used.
 */
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /// Returns why a base URL cannot be used, or an empty string.
    using UrlCheck = std::function<Common::Status(const QUrl &)>;
    /// Looks for SMART sign-in at a base URL and calls back (on `context`) with what it found, or why not.
    using Discovery = std::function<void(const QUrl &, QObject *context,
                                         std::function<void(bool found, const QString &text)>)>;

    SettingsDialog(const ConnectionSettings &settings, TokenStore *tokens, UrlCheck urlCheck,
                   QWidget *parent = nullptr);

    ConnectionSettings settings() const;
    /// SMART discovery for the base URL, run when it is entered (and at once for a saved one).
    void setDiscovery(Discovery discovery);

    void accept() override;

private:
    void updateMode();
    void updateZoneHint();
    bool checkUrl();
    void discover();
    void fitHeight();

    TokenStore *m_tokens;
    UrlCheck m_urlCheck;
    Discovery m_discovery;
    QUrl m_discovered;
    bool m_tokenEdited = false;
    QRadioButton *m_trainingRadio = nullptr;
    QRadioButton *m_smartRadio = nullptr;
    QRadioButton *m_ehrRadio = nullptr;
    QWidget *m_ehrBox = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLabel *m_urlMessage = nullptr;
    QLabel *m_discoveryLabel = nullptr;
    QFormLayout *m_form = nullptr;
    QList<QLabel *> m_smartRows;
    QLabel *m_tokenRow = nullptr;
    QLineEdit *m_clientIdEdit = nullptr;
    QSpinBox *m_redirectPortSpin = nullptr;
    QLineEdit *m_scopesEdit = nullptr;
    QLineEdit *m_tokenEdit = nullptr;
    QLabel *m_tokenStatus = nullptr;
    QComboBox *m_dialectCombo = nullptr;
    QComboBox *m_zoneCombo = nullptr;
    QLabel *m_zoneHint = nullptr;
    QSpinBox *m_unitSpin = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Ui
