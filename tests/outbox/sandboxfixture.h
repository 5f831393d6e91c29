#pragma once

#include <memory>

#include <QString>

#include "sandbox/server.h"

inline constexpr auto SandboxToken = "outbox-test-token";

/// A training EHR on 127.0.0.1 (free port), in this process, with a token and without a request log.
inline std::unique_ptr<Sandbox::Server> startSandbox(const Sandbox::FaultSettings &faults = {},
                                                     quint32 seed = 7)
{
    Sandbox::ServerOptions options;
    options.token = QLatin1String(SandboxToken);
    options.logRequests = false;
    options.faults = faults;
    options.seed = seed;
    auto server = std::make_unique<Sandbox::Server>(options);
    QString error;
    if (!server->start(&error)) {
        qWarning("cannot start the sandbox: %s", qPrintable(error));
        return nullptr;
    }
    return server;
}
