#pragma once

#include <cstdio>

#include <QTextStream>

/**
 * Standard output and standard error as QTextStreams for the command-line
 * programs (superbill-cli, superbill-sandbox): one stream of each per
 * program, so text written through different helpers never interleaves out
 * of order.
 */
namespace Common {

inline QTextStream &standardOutput()
{
    static QTextStream stream(stdout);
    return stream;
}

inline QTextStream &standardError()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace Common
