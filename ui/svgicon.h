#pragma once

#include <QIcon>

namespace Ui {

/// The icon of an SVG file (":/icons/error.svg"), read and parsed once, when it is first drawn or
/// measured, and drawn from that parse at every size and mode. Qt's own SVG icon engine is a plugin
/// that reads and parses the file again for each size and mode it draws, and finding the plugin reads
/// the metadata of every icon engine plugin of the system.
QIcon svgIcon(const QString &path);

} // namespace Ui
