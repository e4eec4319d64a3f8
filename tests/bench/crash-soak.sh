#!/usr/bin/env bash
# The crash test for longer than CI runs it: the client killed with SIGKILL CYCLES times
# (default 1000) while recording and pushing changes; then no loss, no duplicate.
set -euo pipefail
build=${ONSITE_BUILD_DIR:-$(cd "$(dirname "$0")/../.." && pwd)/build}
ONSITE_CRASH_CYCLES=${1:-1000} "$build/bin/crash_tests" -s | tail -n 5
