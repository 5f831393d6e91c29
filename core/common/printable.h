#pragma once

#include <QString>

namespace Common {

/**
 * Text from outside (an input file, the EHR's messages, a code catalog, a request) made safe to
 * show on a terminal, in a message area or in a log: every control character, and the Unicode
 * marks that reorder or break lines, is written as an escape such as `\x1b` or `\u202e`, so an ESC
 * sequence cannot move the cursor or recolour the screen, a NUL cannot cut the text short, and a
 * CR or LF cannot forge another line. A backslash is doubled, so text that spells "\x0a" cannot
 * pass for an escaped line break. Everything else, accents and other scripts included, is kept.
 */
QString printable(const QString &text);

} // namespace Common
