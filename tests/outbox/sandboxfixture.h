#pragma once

#include "../common/sandboxfixture.h"

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
    return startTestSandbox(options);
}
