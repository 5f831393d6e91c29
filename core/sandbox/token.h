#pragma once

#include <QByteArray>
#include <QString>

#include "common/result.h"

namespace Sandbox {

/**
 * The sandbox's bearer token: generated, compared and kept in files that only
 * the owner may read. A token never travels on a command line or into a log.
 */
namespace Token {

/// 32 random bytes from the system generator, base64url without padding.
QString generate();

/// Compares in time that does not depend on where the two differ.
bool equalsConstantTime(const QByteArray &a, const QByteArray &b);

/// The first line of the file, trimmed; an error when it is unreadable or empty.
Common::Result<QString> readFile(const QString &path);

/// Writes the token to a new file in dir, readable by the owner only (0600); its path.
Common::Result<QString> writeNewFile(const QString &dir, const QString &token);

} // namespace Token

} // namespace Sandbox
