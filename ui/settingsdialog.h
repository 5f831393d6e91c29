#pragma once

#include <functional>

#include <QDialog>

#include "appsettings.h"
#include "common/result.h"

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QWidget;

namespace Ui {

class TokenStore;

/**
 * Where lines go and how the clinic works: training or a real EHR, its base
 * URL (HTTPS unless loopback), bearer token (kept by TokenStore), FHIR
 * dialect, clinic time zone and anesthesia unit minutes. OK is refused, with
 * the reason under the field, while a value cannot be used.
 */
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /// Returns why a base URL cannot be used, or an empty string.
    using UrlCheck = std::function<Common::Status(const QUrl &)>;

    SettingsDialog(const ConnectionSettings &settings, TokenStore *tokens, UrlCheck urlCheck,
                   QWidget *parent = nullptr);

    ConnectionSettings settings() const;

    void accept() override;

private:
    void updateMode();
    void updateZoneHint();
    bool checkUrl();
    void fitHeight();

    TokenStore *m_tokens;
    UrlCheck m_urlCheck;
    bool m_tokenEdited = false;
    QRadioButton *m_trainingRadio = nullptr;
    QRadioButton *m_ehrRadio = nullptr;
    QWidget *m_ehrBox = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLabel *m_urlMessage = nullptr;
    QLineEdit *m_tokenEdit = nullptr;
    QLabel *m_tokenStatus = nullptr;
    QComboBox *m_dialectCombo = nullptr;
    QComboBox *m_zoneCombo = nullptr;
    QLabel *m_zoneHint = nullptr;
    QSpinBox *m_unitSpin = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Ui
