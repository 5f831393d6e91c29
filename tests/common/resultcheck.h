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
