#pragma once

#include <chrono>
#include <memory>

#include <QtGlobal>

#include "ehr/ehrclient.h"
#include "sandbox/server.h"

/**
 * An EHR client talking to a test's training EHR. It reads `token` on every
 * request, so a test can change the token to provoke a 401. nullptr (after a
 * warning) when the server's address is refused.
 */
inline std::unique_ptr<Ehr::EhrClient> clientFor(const Sandbox::Server &server, const QString &token,
                                                 std::chrono::milliseconds transferTimeout)
{
    auto client = std::make_unique<Ehr::EhrClient>();
    if (!client->setBaseUrl(server.baseUrl())) {
        qWarning("the EHR client refused %s", qPrintable(server.baseUrl().toString()));
        return nullptr;
    }
    client->setTokenProvider([&token] { return token; });
    client->setTransferTimeout(transferTimeout);
    return client;
}
