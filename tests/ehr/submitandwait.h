#pragma once

#include <optional>

#include <QTest>

#include "ehr/ehrclient.h"

/// Creates the Procedure and waits (at most 10 s) for its result; Blocked with status -1 when none came.
inline Ehr::SubmitResult submitAndWait(Ehr::EhrClient &client, const Model::ProcedureEntry &entry,
                                       const QObject *context)
{
    std::optional<Ehr::SubmitResult> result;
    client.createProcedure(entry, context, [&](const Ehr::SubmitResult &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000)) {
        Ehr::SubmitResult none;
        none.kind = Ehr::SubmitResult::Kind::Blocked;
        none.httpStatus = -1;
        none.errorString = QStringLiteral("no result in time");
        return none;
    }
    return *result;
}
