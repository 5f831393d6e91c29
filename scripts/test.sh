#!/usr/bin/env bash
# The README's second command: install what is missing, build, run every test.
# SUPERBILL_PRESET=asan scripts/test.sh runs the same suites under the sanitizers.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

preset=${SUPERBILL_PRESET:-dev}
superbill_install_packages
superbill_build "$preset"
cd "$SUPERBILL_ROOT/build/$preset"
export LSAN_OPTIONS="suppressions=$SUPERBILL_ROOT/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --output-junit ctest.xml -j "$(nproc)" "$@"
