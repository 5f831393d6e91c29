#pragma once

#include <memory>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>
#include <QVariant>

#include "fhir/dialect.h"

class QSettings;

namespace Ui {

/// Where lines go: the built-in training EHR, or a real one.
enum class EhrMode
{
    Training,
    Ehr
};

/// How the app signs in to a real EHR.
enum class SignInMethod
{
    Smart,       ///< SMART on FHIR: the EHR's sign-in page in the browser, tokens renewed by themselves
    BearerToken, ///< a token pasted in Settings, for EHRs without SMART
};

/// The connection and clinic settings a person chooses in the settings dialog.
struct ConnectionSettings
{
    EhrMode mode = EhrMode::Training;
    QUrl baseUrl;
    SignInMethod signIn = SignInMethod::Smart;
    QString clientId;         ///< SMART client id; empty: Auth::SmartSession::defaultClientId()
    quint16 redirectPort = 0; ///< SMART loopback redirect port; 0: a free one each time
    QString scopes;           ///< SMART scopes; empty: the defaults in the EHR's syntax
    Fhir::Dialect dialect = Fhir::Dialect::EhrVendor;
    QByteArray clinicTimeZone; ///< IANA id; empty: this computer's zone
    int unitMinutes = 15;      ///< anesthesia time-unit length for the estimate

    /// The zone times are entered in when the encounter names none: clinicTimeZone, else this computer's.
    QTimeZone clinicZone() const;

    friend bool operator==(const ConnectionSettings &, const ConnectionSettings &) = default;
};

/// What a trainer set up: their demo data and drills, the trainee at the keyboard, presenter mode.
struct TrainingSettings
{
    QString demoDataDir;  ///< empty: the built-in demo data
    QString drillsFolder; ///< a trainer's own drills, beside the built-in ones
    QString trainee;      ///< the name drill results are kept under
    bool presenterMode = false;
    double presenterScale = 1.5; ///< the whole window's scale in presenter mode
    double scale = 1.0;          ///< and outside it

    friend bool operator==(const TrainingSettings &, const TrainingSettings &) = default;
};

/**
 * What the app remembers between runs, in QSettings: connection and clinic
 * settings, window geometry and state. Never the token (that lives in
 * the system keychain, see TokenStore) and never patient data.
 */
class AppSettings
{
public:
    /// The application's QSettings (organisation/application names).
    AppSettings();
    /// A settings file of its own (tests, portable installs).
    explicit AppSettings(const QString &iniFile);
    ~AppSettings();

    /// True until the app has been started once; the first start opens training mode.
    bool isFirstStart() const;
    void markStarted();

    ConnectionSettings connection() const;
    void setConnection(const ConnectionSettings &settings);

    TrainingSettings training() const;
    void setTraining(const TrainingSettings &settings);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindow(const QByteArray &geometry, const QByteArray &state);
    QByteArray splitterState(const QString &name) const;
    void setSplitterState(const QString &name, const QByteArray &state);

    void sync();
    QString fileName() const;

private:
    /// Sets key to value unless the file already holds it.
    void store(const QString &key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Ui
