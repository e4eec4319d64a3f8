#!/usr/bin/env bash
# Installs what is missing, configures and builds (all targets, or the ones named).
# Prints the build directory on its last line for the calling script.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/install-deps.sh >&2
build=${ONSITE_BUILD_DIR:-$root/build}
# $ONSITE_CMAKE_ARGS: more configure options (README command 2 adds -DONSITE_WERROR=ON).
# shellcheck disable=SC2086
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${ONSITE_CMAKE_ARGS:-} >/dev/null
if [ $# -gt 0 ]; then
  cmake --build "$build" -j2 --target "$@" >&2
else
  cmake --build "$build" -j2 >&2
fi
echo "$build"
