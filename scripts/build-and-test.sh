#!/usr/bin/env bash
# README command 2: installs what is missing, builds everything, starts a throwaway PostgreSQL
# for the server's PostgreSQL run, and runs every test. Ends with ctest's summary line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/install-deps.sh
# The habits CI holds: formatting as .clang-format says, and no compiler warning.
./scripts/check-format.sh
build=$(ONSITE_CMAKE_ARGS="-DONSITE_WERROR=ON ${ONSITE_CMAKE_ARGS:-}" ./scripts/build.sh | tail -n1)
pgdir=$(mktemp -d /tmp/onsite-pg.XXXXXX)
cleanup() {
  local rc=$?
  "$root/scripts/test-postgres.sh" stop "$pgdir"
  rm -rf "$pgdir"
  exit $rc
}
trap cleanup EXIT
export ONSITE_TEST_PG_URL
ONSITE_TEST_PG_URL=$("$root/scripts/test-postgres.sh" start "$pgdir")
cd "$build"
QT_QPA_PLATFORM=offscreen ctest -j2 --output-on-failure --timeout 600
