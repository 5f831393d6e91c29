#pragma once

class QApplication;

namespace Ui {

/**
 * The application's look: Fusion with a light, calm palette and a small
 * style sheet for cards, captions, field markers and the training banner.
 * Widgets only set a "role" or "finding" property; the colours live here.
 */
void applyTheme(QApplication &app);

} // namespace Ui
