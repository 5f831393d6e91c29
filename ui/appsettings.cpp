#include "appsettings.h"

#include <QSettings>

namespace Ui {

namespace Key {
const auto Started = QStringLiteral("app/started");
const auto Mode = QStringLiteral("ehr/mode");
const auto BaseUrl = QStringLiteral("ehr/baseUrl");
const auto Dialect = QStringLiteral("ehr/dialect");
const auto SignIn = QStringLiteral("ehr/signIn");
const auto ClientId = QStringLiteral("smart/clientId");
const auto RedirectPort = QStringLiteral("smart/redirectPort");
const auto Scopes = QStringLiteral("smart/scopes");
const auto TimeZone = QStringLiteral("clinic/timeZone");
const auto UnitMinutes = QStringLiteral("clinic/anesthesiaUnitMinutes");
const auto Geometry = QStringLiteral("window/geometry");
const auto State = QStringLiteral("window/state");
const auto Splitters = QStringLiteral("window/splitter/");
const auto DemoData = QStringLiteral("training/demoDataDir");
const auto DrillsFolder = QStringLiteral("training/drillsFolder");
const auto Trainee = QStringLiteral("training/trainee");
const auto Presenter = QStringLiteral("presenter/enabled");
const auto PresenterScale = QStringLiteral("presenter/scale");
const auto Scale = QStringLiteral("window/scale");
} // namespace Key

QTimeZone ConnectionSettings::clinicZone() const
{
    return clinicTimeZone.isEmpty() ? QTimeZone::systemTimeZone() : QTimeZone(clinicTimeZone);
}

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{
}

AppSettings::AppSettings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

void AppSettings::store(const QString &key, const QVariant &value)
{
    // QSettings writes its file again, with a lock and two flushes to disk, after any setValue, even
    // of what the file already holds; the window stores its layout on every close.
    QVariant stored = m_settings->value(key);
    if (stored.isValid() && stored.convert(value.metaType()) && stored == value)
        return;
    m_settings->setValue(key, value);
}

bool AppSettings::isFirstStart() const
{
    return !m_settings->value(Key::Started, false).toBool();
}

void AppSettings::markStarted()
{
    store(Key::Started, true);
}

ConnectionSettings AppSettings::connection() const
{
    ConnectionSettings settings;
    settings.mode =
        m_settings->value(Key::Mode).toString() == QLatin1String("ehr") ? EhrMode::Ehr : EhrMode::Training;
    settings.baseUrl = QUrl(m_settings->value(Key::BaseUrl).toString());
    // Settings from before SMART sign-in existed used a bearer token for a real EHR: they keep it.
    const QString method = m_settings->value(Key::SignIn).toString();
    settings.signIn =
        method == QLatin1String("bearer-token") ||
                (method.isEmpty() && settings.mode == EhrMode::Ehr && !settings.baseUrl.isEmpty())
            ? SignInMethod::BearerToken
            : SignInMethod::Smart;
    settings.clientId = m_settings->value(Key::ClientId).toString();
    const uint port = m_settings->value(Key::RedirectPort, 0).toUInt();
    settings.redirectPort = port <= 65535 ? quint16(port) : 0;
    settings.scopes = m_settings->value(Key::Scopes).toString();
    settings.dialect =
        Fhir::dialectFromName(m_settings->value(Key::Dialect).toString()).value_or(Fhir::Dialect::EhrVendor);
    settings.clinicTimeZone = m_settings->value(Key::TimeZone).toByteArray();
    const int minutes = m_settings->value(Key::UnitMinutes, 15).toInt();
    settings.unitMinutes = minutes > 0 && minutes <= 60 ? minutes : 15;
    return settings;
}

void AppSettings::setConnection(const ConnectionSettings &settings)
{
    store(Key::Mode, settings.mode == EhrMode::Ehr ? QStringLiteral("ehr") : QStringLiteral("training"));
    store(Key::BaseUrl, settings.baseUrl.toString());
    store(Key::SignIn, settings.signIn == SignInMethod::BearerToken ? QStringLiteral("bearer-token")
                                                                    : QStringLiteral("smart"));
    store(Key::ClientId, settings.clientId);
    store(Key::RedirectPort, settings.redirectPort);
    store(Key::Scopes, settings.scopes);
    store(Key::Dialect, Fhir::dialectName(settings.dialect));
    store(Key::TimeZone, settings.clinicTimeZone);
    store(Key::UnitMinutes, settings.unitMinutes);
}

TrainingSettings AppSettings::training() const
{
    // A scale from a damaged file stays within what the zoom keys can reach.
    const auto scale = [this](const QString &key, double fallback) {
        const double value = m_settings->value(key, fallback).toDouble();
        return value >= 0.5 && value <= 4.0 ? value : fallback;
    };
    TrainingSettings settings;
    settings.demoDataDir = m_settings->value(Key::DemoData).toString();
    settings.drillsFolder = m_settings->value(Key::DrillsFolder).toString();
    settings.trainee = m_settings->value(Key::Trainee).toString();
    settings.presenterMode = m_settings->value(Key::Presenter, false).toBool();
    settings.presenterScale = scale(Key::PresenterScale, TrainingSettings().presenterScale);
    settings.scale = scale(Key::Scale, 1.0);
    return settings;
}

void AppSettings::setTraining(const TrainingSettings &settings)
{
    store(Key::DemoData, settings.demoDataDir);
    store(Key::DrillsFolder, settings.drillsFolder);
    store(Key::Trainee, settings.trainee);
    store(Key::Presenter, settings.presenterMode);
    store(Key::PresenterScale, settings.presenterScale);
    store(Key::Scale, settings.scale);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(Key::Geometry).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(Key::State).toByteArray();
}

void AppSettings::setWindow(const QByteArray &geometry, const QByteArray &state)
{
    store(Key::Geometry, geometry);
    store(Key::State, state);
}

QByteArray AppSettings::splitterState(const QString &name) const
{
    return m_settings->value(Key::Splitters + name).toByteArray();
}

void AppSettings::setSplitterState(const QString &name, const QByteArray &state)
{
    store(Key::Splitters + name, state);
}

void AppSettings::sync()
{
    m_settings->sync();
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace Ui
