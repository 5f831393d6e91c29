#pragma once

#include <QString>

namespace Common {

/**
 * Text from outside (an input file, the EHR's messages, a code catalog) made safe to show on a
 * terminal or in a message area: every control character, and the Unicode marks that reorder or
 * break lines, is written as an escape such as `\x1b` or `\u202e`, so an ESC sequence cannot move
 * the cursor or recolour the screen, a NUL cannot cut the text short, and a CR or LF cannot forge
 * another line. Everything else, accents and other scripts included, is kept as it is.
 */
QString printable(const QString &text);

/// True when printable() would change nothing.
bool isPrintable(const QString &text);

} // namespace Common
