#pragma once

#include <functional>

#include <QIcon>

namespace Ui {

/// An icon that calls load only when it is first painted or measured. An SVG icon is read and parsed
/// as soon as it is made; most of the app's icons (menus, pages not shown yet) are not drawn for a while.
QIcon deferredIcon(std::function<QIcon()> load);

} // namespace Ui
