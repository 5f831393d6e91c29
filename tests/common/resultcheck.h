#pragma once

#include <QString>

#include "common/result.h"

/// "code: message" of a failed Result (empty for a success), for QVERIFY2(result,
/// qPrintable(whyFailed(result))).
template<typename T>
QString whyFailed(const Common::Result<T> &result)
{
    return result ? QString() : result.error().code + QStringLiteral(": ") + result.error().message;
}

/// Fails the test with the error's code and message unless expression gives a successful Result.
#define QVERIFY_OK(expression)                                                                               \
    do {                                                                                                     \
        const auto verifiedResult = (expression);                                                            \
        QVERIFY2(verifiedResult.ok(), qPrintable(whyFailed(verifiedResult)));                                \
    } while (false)
