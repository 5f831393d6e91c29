#!/usr/bin/env bash
# Builds the release preset and runs every benchmark (bench_* executables), printing figures.
# Usage: scripts/bench.sh [NAME_FILTER]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

superbill_install_packages libbenchmark-dev
superbill_build release
filter=${1:-}
find "$SUPERBILL_ROOT/build/release/tests" -type f -perm -u+x -name "bench_*${filter}*" | sort | while read -r bench; do
    echo "== $(basename "$bench")"
    QT_QPA_PLATFORM=offscreen "$bench"
done
