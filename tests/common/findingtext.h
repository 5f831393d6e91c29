#pragma once

#include <QStringList>

#include "model/finding.h"

/// "CODE path: message; ..." for a failing test's message.
inline QString describeFindings(const Model::Findings &findings)
{
    QStringList lines;
    for (const auto &finding : findings)
        lines.append(finding.code + u' ' + finding.path + QStringLiteral(": ") + finding.message);
    return lines.join(QStringLiteral("; "));
}
