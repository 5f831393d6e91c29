#!/bin/sh
# Regenerates docs/screenshots/*.png from the real main window (offscreen, 1280x800; one also at
# 1024x700 and 1920x1080),
# against the training EHR running in-process. Usage: scripts/screenshots.sh [BUILD_DIR]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/dev}
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake --preset dev -S "$root" >/dev/null
fi
cmake --build "$build" --target superbill-screenshots -j2
QT_QPA_PLATFORM=offscreen "$build/tests/ui/superbill-screenshots" "$root/docs/screenshots"
# The printed superbill, as the page looks (pdftoppm from poppler-utils).
pdf="$root/docs/screenshots/superbill-printed.pdf"
pdftoppm -png -r 70 -singlefile "$pdf" "$root/docs/screenshots/superbill-printed"
rm -f "$pdf"
