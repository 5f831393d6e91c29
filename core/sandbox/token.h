#pragma once

#include <optional>

#include <QByteArray>
#include <QString>

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

/// The first line of the file, trimmed; nullopt with a message when unreadable or empty.
std::optional<QString> readFile(const QString &path, QString *error);

/// Writes the token to a new file in dir, readable by the owner only (0600); its path, or empty and a
/// message.
QString writeNewFile(const QString &dir, const QString &token, QString *error);

} // namespace Token

} // namespace Sandbox
