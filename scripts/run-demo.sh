#!/usr/bin/env bash
# README command 1: installs what is missing, builds the app and the server, and starts the app
# on its embedded default: the bundled server with demo data on loopback, signed in as Alex.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./scripts/install-deps.sh
build=${ONSITE_BUILD_DIR:-$root/build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 --target onsite onsite-server
exec "$build/bin/onsite" --demo "$@"
