#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with gnome-keyring's secret service unlocked.
set -euo pipefail
exec dbus-run-session -- bash -c '
  export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
  export HOME=$(mktemp -d)
  printf "onsite-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' bash "$@"
