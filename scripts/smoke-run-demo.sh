#!/usr/bin/env bash
# Smoke run of README command 1: `./scripts/run-demo.sh` exactly as a user types it (installs
# what is missing, builds, starts the app with its bundled demo server), offscreen, until the
# app says it signed in and synced the demo's assignments; then it quits. Fails otherwise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp /tmp/onsite-smoke.XXXXXX.log)
home=$(mktemp -d /tmp/onsite-smoke-home.XXXXXX)
env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
  QT_QPA_PLATFORM=offscreen "$root/scripts/run-demo.sh" >"$log" 2>&1 &
app=$!
ok=0
# The build comes first on a clean clone: allow it up to an hour, then 60 s for the app.
for _ in $(seq 1 3600); do
  if grep -Eq "sync done: [0-9]+ pages, [1-9][0-9]* changes" "$log"; then ok=1; break; fi
  kill -0 $app 2>/dev/null || break
  sleep 1
done
pkill -TERM -P $app 2>/dev/null || true
kill $app 2>/dev/null || true
wait $app 2>/dev/null || true
if [ $ok = 1 ] && grep -q "^Demo server: http://127.0.0.1:" "$log"; then
  echo "README command 1: $(grep -m1 '^Demo server:' "$log"); $(grep -Eom1 'sync done: .*' "$log")"
  rm -rf "$log" "$home"
  exit 0
fi
tail -n 60 "$log" >&2
echo "README command 1 did not start the app, sign in to the demo server and sync its rows" >&2
exit 1
