#pragma once

#include <memory>

#include <QtGlobal>

#include "sandbox/server.h"

/**
 * A training EHR for a test, in the test's own process, listening on
 * 127.0.0.1 on a free port; nullptr (after a warning saying why) when it
 * cannot start. Shared by the sandbox, EHR client and outbox suites.
 */
inline std::unique_ptr<Sandbox::Server> startTestSandbox(const Sandbox::ServerOptions &options)
{
    auto server = std::make_unique<Sandbox::Server>(options);
    if (const Common::Status started = server->start(); !started) {
        qWarning("cannot start the sandbox: %s", qPrintable(started.error().message));
        return nullptr;
    }
    return server;
}
