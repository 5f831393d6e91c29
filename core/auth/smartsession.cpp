#include "smartsession.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

#include "authlog.h"
#include "common/clock.h"
#include "discovery.h"
#include "loopbackreceiver.h"
#include "secretstore.h"
#include "tokenendpoint.h"

namespace Auth {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Auth::SmartSession)
};

const QString SignedOutCode = QStringLiteral("signed-out");

} // namespace

SmartSession::SmartSession(Settings settings, SecretStore *secrets, BrowserLauncher browser, QObject *parent)
    : Ehr::Authenticator(parent)
    , m_settings(std::move(settings))
    , m_clock(&Common::Clock::system())
    , m_secrets(secrets)
    , m_browser(std::move(browser))
    , m_manager(new QNetworkAccessManager(this))
{
    m_manager->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        // During a new sign-in the old grant is about to be replaced; refreshing it would race the new one.
        if (!m_busy && !m_signingIn && !m_refreshToken.isEmpty())
            refresh();
    });
}

SmartSession::~SmartSession()
{
    flush(Common::makeError(SignedOutCode, Text::tr("The sign-in was closed.")));
}

void SmartSession::setClock(const Common::Clock *clock)
{
    m_clock = Common::Clock::orSystem(clock);
}

QDateTime SmartSession::refreshTime(const QDateTime &issued, qint64 lifetimeSeconds)
{
    if (lifetimeSeconds <= 0)
        return {};
    return issued.addMSecs(lifetimeSeconds * 800);
}

QString SmartSession::secretKey() const
{
    return QStringLiteral("smart-refresh-token ") + m_settings.fhirBase.toString() + u' ' +
           m_settings.clientId;
}

QString SmartSession::storageNote() const
{
    return m_secrets ? m_secrets->note() : QString();
}

bool SmartSession::keepsSignInAcrossRuns() const
{
    return m_secrets && m_secrets->isPersistent();
}

bool SmartSession::canCreateProcedures() const
{
    return m_granted.permits(QStringLiteral("Procedure"), ScopeSet::Create);
}

ScopeSet SmartSession::requestedScopes() const
{
    const ScopeSyntax syntax = m_configuration ? m_configuration->scopeSyntax() : ScopeSyntax::V2;
    return m_settings.scopes.isEmpty() ? ScopeSet::appDefaults(syntax) : m_settings.scopes.inSyntax(syntax);
}

void SmartSession::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void SmartSession::flush(const Common::Result<QString> &token)
{
    m_busy = false;
    const QList<TokenCallback> waiting = std::exchange(m_waiting, {});
    for (const auto &done : waiting)
        done(token);
}

void SmartSession::withConfiguration(std::function<void(const Common::Status &)> next)
{
    if (m_configuration) {
        next({});
        return;
    }
    Discovery::discover(m_manager, m_settings.fhirBase, this,
                        [this, next](const Common::Result<SmartConfiguration> &configuration) {
                            if (!configuration) {
                                next(classifyTokenError(configuration.error()));
                                return;
                            }
                            m_configuration = *configuration;
                            next({});
                        });
}

void SmartSession::start(bool signInIfNeeded)
{
    if (m_busy || !m_secrets)
        return;
    m_busy = true;
    setState(State::SigningIn);
    m_secrets->read(secretKey(), [this, signInIfNeeded](const Common::Result<QString> &stored) {
        if (stored && !stored->isEmpty()) {
            m_refreshToken = *stored;
            refresh();
            return;
        }
        m_busy = false;
        setState(State::SignedOut);
        if (signInIfNeeded)
            signIn();
        else
            flush(Common::makeError(SignedOutCode, Text::tr("Not signed in to the EHR.")));
    });
}

void SmartSession::signIn()
{
    if (m_signingIn)
        return; // one sign-in at a time; the browser page is already open
    m_signingIn = true;
    // Signing in again (another person, another grant) does not hold requests the current token serves.
    m_busy = m_busy || m_accessToken.isEmpty();
    setState(State::SigningIn);
    withConfiguration([this](const Common::Status &found) {
        if (!found) {
            failSignIn(found.error());
            return;
        }
        if (const auto usable = m_configuration->checkAuthorizationCode(); !usable) {
            failSignIn(usable.error());
            return;
        }
        m_receiver = new LoopbackReceiver(this);
        if (const auto listening = m_receiver->listen(m_settings.redirectPort); !listening) {
            failSignIn(listening.error());
            return;
        }
        m_redirectUri = m_receiver->redirectUri();
        m_pkce = Pkce::generate();
        m_requested = requestedScopes();
        const QByteArray state = randomToken(24);
        QUrl url = m_configuration->authorizationEndpoint;
        const FormFields query{{QStringLiteral("response_type"), QStringLiteral("code")},
                               {QStringLiteral("client_id"), m_settings.clientId},
                               {QStringLiteral("redirect_uri"), m_redirectUri.toString()},
                               {QStringLiteral("scope"), m_requested.toString()},
                               {QStringLiteral("state"), QString::fromLatin1(state)},
                               {QStringLiteral("aud"), m_settings.fhirBase.toString()},
                               {QStringLiteral("code_challenge"), QString::fromLatin1(m_pkce.challenge)},
                               {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
        QByteArray encoded = TokenEndpoint::formEncode(query);
        if (url.hasQuery())
            encoded.prepend(url.query(QUrl::FullyEncoded).toLatin1() + '&');
        url.setQuery(QString::fromLatin1(encoded));
        m_receiver->waitForCode(state, m_settings.signInTimeout, [this](const Common::Result<QString> &code) {
            m_receiver->deleteLater();
            m_receiver = nullptr;
            if (!code)
                failSignIn(code.error());
            else
                exchangeCode(*code);
        });
        qCInfo(lcAuth) << "opening the EHR's sign-in page";
        if (const auto opened = m_browser
                                    ? m_browser(url)
                                    : Common::Status(Common::makeError(QStringLiteral("no-browser"),
                                                                       Text::tr("No browser is available.")));
            !opened) {
            m_receiver->close();
            m_receiver->deleteLater();
            m_receiver = nullptr;
            failSignIn(opened.error());
        }
    });
}

void SmartSession::exchangeCode(const QString &code)
{
    const QDateTime asked = clock().nowUtc();
    TokenEndpoint::post(m_manager, m_configuration->tokenEndpoint,
                        {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                         {QStringLiteral("code"), code},
                         {QStringLiteral("redirect_uri"), m_redirectUri.toString()},
                         {QStringLiteral("client_id"), m_settings.clientId},
                         {QStringLiteral("code_verifier"), QString::fromLatin1(m_pkce.verifier)}},
                        m_requested, this, [this, asked](const Common::Result<TokenResponse> &response) {
                            m_pkce = {};
                            if (!response) {
                                failSignIn(response.error());
                                return;
                            }
                            m_signingIn = false;
                            ++m_grant; // a refresh of the previous grant still under way is now moot
                            accept(*response, asked);
                        });
}

void SmartSession::refresh()
{
    m_busy = true;
    m_refreshing = true;
    if (m_state != State::SignedIn)
        setState(State::SigningIn);
    const quint64 grant = m_grant;
    withConfiguration([this, grant](const Common::Status &found) {
        if (!found) {
            m_refreshing = false;
            flush(found.error());
            if (m_accessToken.isEmpty())
                setState(State::SignedOut);
            return;
        }
        const QDateTime asked = clock().nowUtc();
        TokenEndpoint::post(
            m_manager, m_configuration->tokenEndpoint,
            {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
             {QStringLiteral("refresh_token"), m_refreshToken},
             {QStringLiteral("client_id"), m_settings.clientId}},
            m_granted.isEmpty() ? requestedScopes() : m_granted, this,
            [this, asked, grant](const Common::Result<TokenResponse> &response) {
                m_refreshing = false;
                if (grant != m_grant) {
                    // A new sign-in (or a sign-out) replaced the grant this refreshed.
                    flush(m_accessToken.isEmpty() ? Common::Result<QString>(Common::makeError(
                                                        SignedOutCode, Text::tr("Not signed in to the EHR.")))
                                                  : Common::Result<QString>(m_accessToken));
                    return;
                }
                if (response) {
                    accept(*response, asked);
                    return;
                }
                const Common::Error error = classifyTokenError(response.error());
                if (error.code == QLatin1String(UnavailableCode)) {
                    // The token endpoint is down: keep the session, try at the next request.
                    qCInfo(lcAuth) << "refresh postponed: the token endpoint did not answer";
                    flush(error);
                    if (m_accessToken.isEmpty())
                        setState(State::SignedOut);
                    return;
                }
                qCInfo(lcAuth) << "refresh refused:" << error.code;
                endSession(Text::tr("The EHR ended the sign-in (%1). Sign in again to send the "
                                    "waiting lines.")
                               .arg(error.message));
            });
    });
}

void SmartSession::accept(const TokenResponse &response, const QDateTime &asked)
{
    const bool rotated = !response.refreshToken.isEmpty() && response.refreshToken != m_refreshToken;
    if (!rotated || !m_secrets) {
        publish(response, asked);
        return;
    }
    // Rotation: the old refresh token no longer works, so the new one is kept before anything uses the
    // answer; a crash in between must not leave the keychain with a dead token only.
    m_refreshToken = response.refreshToken;
    m_secrets->write(
        secretKey(), response.refreshToken, [this, response, asked](const Common::Status &stored) {
            if (!stored)
                qCWarning(lcAuth)
                    << "the refresh token could not be stored; this sign-in lasts for the session only";
            publish(response, asked);
        });
}

void SmartSession::publish(const TokenResponse &response, const QDateTime &asked)
{
    if (!response.refreshToken.isEmpty())
        m_refreshToken = response.refreshToken;
    m_accessToken = response.accessToken;
    // A refresh answer may leave out what the sign-in said; keep it then.
    const TokenResponse previous = m_response;
    m_response = response;
    if (m_response.idToken.isEmpty() && m_response.fhirUser.isEmpty()) {
        m_response.idToken = previous.idToken;
        m_response.fhirUser = previous.fhirUser;
    }
    if (m_response.patient.isEmpty())
        m_response.patient = previous.patient;
    if (m_response.encounter.isEmpty())
        m_response.encounter = previous.encounter;
    m_response.accessToken.clear();
    m_response.refreshToken.clear();
    m_granted = response.scope;
    m_user = m_response.userDisplayName();
    m_expiresAt = response.expiresIn > 0 ? asked.addSecs(response.expiresIn) : QDateTime();
    m_refreshAt = refreshTime(asked, response.expiresIn);
    m_refreshTimer.stop();
    if (m_refreshAt.isValid() && !m_refreshToken.isEmpty())
        m_refreshTimer.start(
            std::chrono::milliseconds(std::max<qint64>(0, clock().nowUtc().msecsTo(m_refreshAt))));
    qCInfo(lcAuth) << "signed in; token for" << response.expiresIn << "s"
                   << (m_refreshToken.isEmpty() ? "without" : "with") << "a refresh token";
    // Emitted before the waiting requests go, so that a read-only grant holds the queue first.
    m_busy = false;
    m_state = State::SignedIn;
    emit stateChanged();
    flush(m_accessToken);
}

void SmartSession::failSignIn(const Common::Error &error)
{
    m_signingIn = false;
    if (m_receiver) {
        m_receiver->close();
        m_receiver->deleteLater();
        m_receiver = nullptr;
    }
    m_pkce = {};
    qCInfo(lcAuth) << "sign-in failed:" << error.code;
    // A refresh that runs meanwhile answers the waiting requests itself.
    if (!m_refreshing) {
        flush(Common::makeError(SignedOutCode, error.message));
        setState(m_accessToken.isEmpty() ? State::SignedOut : State::SignedIn);
    }
    emit signInFailed(error.message);
}

void SmartSession::endSession(const QString &message)
{
    ++m_grant;
    m_accessToken.clear();
    m_refreshToken.clear();
    m_granted = {};
    m_user.clear();
    m_expiresAt = {};
    m_refreshAt = {};
    m_refreshTimer.stop();
    if (m_secrets)
        m_secrets->remove(secretKey(), [](const Common::Status &) {});
    flush(Common::makeError(SignedOutCode, message));
    setState(State::SignedOut);
    emit signInRequired(message);
}

void SmartSession::signOut()
{
    m_signingIn = false;
    ++m_grant;
    if (m_receiver) {
        m_receiver->close();
        m_receiver->deleteLater();
        m_receiver = nullptr;
    }
    m_accessToken.clear();
    m_refreshToken.clear();
    m_granted = {};
    m_user.clear();
    m_refreshTimer.stop();
    if (m_secrets)
        m_secrets->remove(secretKey(), [](const Common::Status &) {});
    flush(Common::makeError(SignedOutCode, Text::tr("Signed out of the EHR.")));
    setState(State::SignedOut);
}

void SmartSession::withToken(TokenCallback done)
{
    if (m_busy) {
        m_waiting.append(std::move(done));
        return;
    }
    const QDateTime now = clock().nowUtc();
    const bool fresh = !m_accessToken.isEmpty() && (!m_refreshAt.isValid() || now < m_refreshAt);
    if (fresh) {
        done(m_accessToken);
        return;
    }
    const bool unexpired = !m_accessToken.isEmpty() && (!m_expiresAt.isValid() || now < m_expiresAt);
    if (m_signingIn) {
        // A new sign-in replaces this grant: no refresh of it meanwhile, its token while it lasts.
        if (unexpired)
            done(m_accessToken);
        else
            m_waiting.append(std::move(done));
        return;
    }
    if (!m_refreshToken.isEmpty()) {
        m_waiting.append(std::move(done));
        refresh();
        return;
    }
    if (unexpired) {
        done(m_accessToken); // no refresh token: used until it expires
        return;
    }
    if (m_state == State::SignedIn) {
        m_waiting.append(std::move(done));
        endSession(Text::tr("The sign-in to the EHR has expired. Sign in again to send the waiting lines."));
        return;
    }
    done(Common::makeError(SignedOutCode, Text::tr("Not signed in to the EHR; sign in to send lines.")));
}

void SmartSession::renewRejected(const QString &rejected, TokenCallback done)
{
    if (m_busy || (rejected != m_accessToken && !m_accessToken.isEmpty())) {
        withToken(std::move(done)); // already renewed, or being renewed
        return;
    }
    if (m_signingIn) {
        m_waiting.append(std::move(done)); // the new sign-in's token will serve
        return;
    }
    if (!m_refreshToken.isEmpty()) {
        m_waiting.append(std::move(done));
        refresh();
        return;
    }
    m_waiting.append(std::move(done));
    endSession(Text::tr("The EHR no longer accepts the sign-in. Sign in again to send the waiting lines."));
}

} // namespace Auth
