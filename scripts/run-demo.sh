#!/usr/bin/env bash
# README command 1: installs what is missing, builds the app and the server, and starts the app
# on its embedded default: the bundled server with demo data on loopback, signed in as Alex.
set -euo pipefail
build=$("$(dirname "$0")/build.sh" onsite onsite-server | tail -n1)
exec "$build/bin/onsite" --demo "$@"
