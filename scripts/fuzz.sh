#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 30)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

seconds=${1:-30}
superbill_install_packages clang libclang-rt-14-dev
superbill_build fuzz fuzz_procedure_reader fuzz_operationoutcome_reader fuzz_csv_reader
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Each target starts from the files it reads in real life; -timeout makes an input that takes over
# 10 s a failure too, not only a crash.
corpus_of() {
    case "$1" in
        fuzz_csv_reader) echo "$SUPERBILL_ROOT"/tests/data/catalog/* ;;
        *) echo "$SUPERBILL_ROOT"/tests/data/procedure/*.json ;;
    esac
}
for target in fuzz_procedure_reader fuzz_operationoutcome_reader fuzz_csv_reader; do
    corpus="$work/$target"
    mkdir -p "$corpus"
    # shellcheck disable=SC2046
    cp $(corpus_of "$target") "$corpus"/
    echo "== $target for ${seconds}s"
    "$SUPERBILL_ROOT/build/fuzz/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$SUPERBILL_ROOT/build/fuzz/$target-" "$corpus" 2>&1 | grep -E "^(stat::number_of_executed|stat::average_exec|Done|==[0-9]+==ERROR|SUMMARY|ALARM)" || true
    # libFuzzer exits non-zero on a crash or a timeout; PIPESTATUS keeps that.
    [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "$target found a crash or a slow input; see build/fuzz/$target-*" >&2; exit 1; }
done
