#!/usr/bin/env bash
# Builds the release preset and runs every benchmark (bench_* executables), printing figures, then
# every figure that has a goal (the GOAL lines: ratios against a floor measured in the same run,
# beside their goals) together at the end.
# Usage: scripts/bench.sh [NAME_FILTER]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

superbill_install_packages libbenchmark-dev
superbill_build release
filter=${1:-}
goals=$(mktemp)
trap 'rm -f "$goals"' EXIT
while read -r bench; do
    echo "== $(basename "$bench")"
    QT_QPA_PLATFORM=offscreen "$bench" | tee -a "$goals"
done < <(find "$SUPERBILL_ROOT/build/release/tests" -type f -perm -u+x -name "bench_*${filter}*" | sort)
echo
echo "== Goals ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); ratios are measured in the same run)"
# A line may start after a colour reset that Google Benchmark leaves on stdout.
grep -o 'GOAL .*' "$goals" || echo "(no benchmark with a goal ran)"
