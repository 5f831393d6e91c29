#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 30)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

seconds=${1:-30}
superbill_install_packages clang libclang-rt-14-dev
superbill_build fuzz fuzz_procedure_reader fuzz_operationoutcome_reader
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
cp "$SUPERBILL_ROOT"/tests/data/procedure/*.json "$corpus"/
for target in fuzz_procedure_reader fuzz_operationoutcome_reader; do
    echo "== $target for ${seconds}s"
    "$SUPERBILL_ROOT/build/fuzz/tests/fuzz/$target" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$SUPERBILL_ROOT/build/fuzz/$target-" "$corpus" 2>&1 | grep -E "^(stat::number_of_executed|stat::average_exec|Done|==[0-9]+==ERROR|SUMMARY)" || true
    # libFuzzer exits non-zero on a crash; PIPESTATUS keeps that.
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "$target found a crash; see build/fuzz/$target-*" >&2; exit 1; }
done
