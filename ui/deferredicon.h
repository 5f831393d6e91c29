#pragma once

#include <functional>

#include <QIcon>

namespace Ui {

/// An icon that calls load only when it is first painted or measured: for icons whose making costs
/// before anything shows them (the style's standard icons, whose first one loads every image format
/// plugin of the system). The app's own SVG icons are lazy by themselves (svgicon.h).
QIcon deferredIcon(std::function<QIcon()> load);

} // namespace Ui
