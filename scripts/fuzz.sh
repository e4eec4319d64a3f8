#!/usr/bin/env bash
# Fuzzes the assignment document codec and the operation applier with libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer: builds core and the two fuzzers in build-fuzz/ (clang 14),
# then runs each for SECONDS/2 seconds (default SECONDS=120) on a temporary copy of
# tests/fuzz/corpus, so a run never adds files to the repository. Prints each fuzzer's
# executions; exits non-zero when either found a crash, sanitizer error, leak, timeout or
# out-of-memory, keeping the reproducer under build-fuzz/findings/ and printing its path.
# Reproduce one with: build-fuzz/bin/fuzz_codec FILE (or fuzz_applier); ONSITE_FUZZ_TRACE=1 in
# the environment makes the fuzzers say what they did with it. The reproducer is also printed
# in base64, for CI logs. More libFuzzer options (e.g. -jobs=2) go in $ONSITE_FUZZ_ARGS.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
secs=${1:-120}
if ! [[ "$secs" =~ ^[0-9]+$ ]] || [ "$secs" -lt 2 ]; then
  echo "usage: $0 [SECONDS>=2]" >&2
  exit 2
fi
./scripts/install-deps.sh >&2
build=$root/build-fuzz
cmake --no-warn-unused-cli -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 -DONSITE_FUZZ=ON >/dev/null
cmake --build "$build" -j2 --target fuzz_codec fuzz_applier >&2

work=$(mktemp -d /tmp/onsite-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
findings=$build/findings
mkdir -p "$findings"
symbolizer=$(command -v llvm-symbolizer-14 || true)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=32${symbolizer:+:external_symbolizer_path=$symbolizer}}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1${symbolizer:+:external_symbolizer_path=$symbolizer}}
export LC_ALL=C.UTF-8 TZ=UTC
failed=0
# shellcheck disable=SC2086 # ONSITE_FUZZ_ARGS is split into options on purpose
for name in codec applier; do
  cp -r "tests/fuzz/corpus/$name" "$work/$name"
  log=$build/fuzz_$name.log
  mkdir -p "$findings/$name"
  touch "$work/$name.start"
  rc=0
  "$build/bin/fuzz_$name" "$work/$name" -max_total_time=$((secs / 2)) -rss_limit_mb=2048 \
    -timeout=10 -max_len=16384 -dict=tests/fuzz/json.dict -print_final_stats=1 \
    -artifact_prefix="$findings/$name/" ${ONSITE_FUZZ_ARGS:-} >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  echo "fuzz_$name: ${execs:-?} executions (${rate:-?}/s) in $((secs / 2)) s, corpus $(find "$work/$name" -type f | wc -l) inputs"
  mapfile -t found < <(find "$findings/$name" -type f -newer "$work/$name.start")
  if [ "$rc" -ne 0 ] || [ ${#found[@]} -gt 0 ]; then
    failed=1
    echo "fuzz_$name FAILED (exit $rc); log: $log" >&2
    grep -E "ERROR: |runtime error|INVARIANT BROKEN|SUMMARY" "$log" | head -n 5 >&2 || true
    for f in "${found[@]}"; do
      echo "reproducer: $f" >&2
      echo "reproducer (base64): $(base64 -w0 "$f")" >&2
    done
  fi
done
exit $failed
