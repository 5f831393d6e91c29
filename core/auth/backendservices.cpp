#include "backendservices.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

#include "authlog.h"
#include "clientassertion.h"
#include "common/clock.h"
#include "discovery.h"
#include "tokenendpoint.h"

namespace Auth {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::BackendServices)
};

constexpr qint64 RenewBeforeSeconds = 30;

} // namespace

BackendServices::BackendServices(Settings settings, QObject *parent)
    : Ehr::Authenticator(parent)
    , m_settings(std::move(settings))
    , m_manager(new QNetworkAccessManager(this))
{
    m_manager->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

BackendServices::~BackendServices() = default;

QDateTime BackendServices::renewalTime(const QDateTime &issued, qint64 lifetimeSeconds)
{
    if (lifetimeSeconds <= 0)
        return {};
    const qint64 margin = std::min(RenewBeforeSeconds, lifetimeSeconds / 5);
    return issued.addSecs(lifetimeSeconds - margin);
}

bool BackendServices::hasUsableToken() const
{
    return !m_accessToken.isEmpty() && (!m_renewAt.isValid() || clock().nowUtc() < m_renewAt);
}

void BackendServices::withToken(TokenCallback done)
{
    if (!m_fetching && hasUsableToken()) {
        done(m_accessToken);
        return;
    }
    m_waiting.append(std::move(done));
    fetch();
}

void BackendServices::renewRejected(const QString &rejected, TokenCallback done)
{
    if (!m_fetching && rejected == m_accessToken)
        m_accessToken.clear();
    withToken(std::move(done));
}

void BackendServices::fetch()
{
    if (m_fetching)
        return;
    m_fetching = true;
    if (m_configuration) {
        requestToken();
        return;
    }
    Discovery::discover(m_manager, m_settings.fhirBase, this,
                        [this](const Common::Result<SmartConfiguration> &configuration) {
                            if (!configuration) {
                                finish(classifyTokenError(configuration.error()));
                                return;
                            }
                            if (const auto usable = configuration->checkBackendServices(); !usable) {
                                finish(usable.error());
                                return;
                            }
                            m_configuration = *configuration;
                            requestToken();
                        });
}

void BackendServices::requestToken()
{
    const QUrl endpoint = m_configuration->tokenEndpoint;
    const auto assertion = ClientAssertion::make(m_settings.key, m_settings.clientId, endpoint, clock());
    if (!assertion) {
        finish(assertion.error());
        return;
    }
    const FormFields form{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                          {QStringLiteral("scope"), m_settings.scopes.toString()},
                          {QStringLiteral("client_assertion_type"), QLatin1String(ClientAssertion::Type)},
                          {QStringLiteral("client_assertion"), QString::fromLatin1(*assertion)}};
    const QDateTime asked = clock().nowUtc();
    TokenEndpoint::post(m_manager, endpoint, form, m_settings.scopes, this,
                        [this, asked](const Common::Result<TokenResponse> &response) {
                            if (!response) {
                                finish(Common::makeError(
                                    classifyTokenError(response.error()).code,
                                    Text::tr("SMART Backend Services sign-in as client \"%1\" failed: %2")
                                        .arg(m_settings.clientId, response.error().message)));
                                return;
                            }
                            m_accessToken = response->accessToken;
                            m_granted = response->scope;
                            // From when it was asked for: the server's clock started no later.
                            m_expiresAt =
                                response->expiresIn > 0 ? asked.addSecs(response->expiresIn) : QDateTime();
                            m_renewAt = renewalTime(asked, response->expiresIn);
                            qCInfo(lcAuth) << "backend services token for" << response->expiresIn << "s";
                            finish(m_accessToken);
                        });
}

void BackendServices::finish(const Common::Result<QString> &token)
{
    m_fetching = false;
    if (!token)
        qCWarning(lcAuth).noquote() << "backend services sign-in failed:" << token.error().code;
    const QList<TokenCallback> waiting = std::exchange(m_waiting, {});
    for (const auto &done : waiting)
        done(token);
}

} // namespace Auth
