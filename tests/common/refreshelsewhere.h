#pragma once

#include <optional>

#include <QNetworkAccessManager>
#include <QObject>
#include <QTest>

#include "auth/secretstore.h"
#include "auth/smartsession.h"
#include "auth/tokenendpoint.h"
#include "sandbox/server.h"

/**
 * Someone else uses a copy of the session's stored refresh token before the session does: the
 * training EHR rotates it for them, so the session's own one is then a reused, old refresh token.
 * The thief's answer, or nullopt when none came within 30 s.
 */
inline std::optional<Common::Result<Auth::TokenResponse>>
refreshElsewhere(const Sandbox::Server &server, Auth::SecretStore &secrets, const Auth::SmartSession &session)
{
    std::optional<Common::Result<QString>> stored;
    secrets.read(session.secretKey(), [&stored](const Common::Result<QString> &value) { stored = value; });
    if (!stored || !stored->ok())
        return std::nullopt;
    QNetworkAccessManager manager;
    QObject context;
    std::optional<Common::Result<Auth::TokenResponse>> stolen;
    Auth::TokenEndpoint::post(&manager, server.smart().tokenEndpoint(),
                              {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                               {QStringLiteral("refresh_token"), stored->value()},
                               {QStringLiteral("client_id"), Auth::SmartSession::defaultClientId()}},
                              {}, &context, [&stolen](const auto &answer) { stolen = answer; });
    if (!QTest::qWaitFor([&stolen] { return stolen.has_value(); }, 30000))
        return std::nullopt;
    return stolen;
}
