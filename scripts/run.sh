#!/usr/bin/env bash
# The README's first command: install what is missing, build, start the app.
# Extra arguments go to the app (e.g. scripts/run.sh --training).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

superbill_install_packages
superbill_build release superbill
exec "$SUPERBILL_ROOT/build/release/app/superbill/superbill" "$@"
