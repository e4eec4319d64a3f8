#!/usr/bin/env bash
# Runs `onsite --demo` under Xvfb and writes screenshots of the dashboard and of an assignment
# page to docs/screenshots/. Needs xvfb, imagemagick (import) and xdotool.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${ONSITE_BIN:-$root/build/bin}
out=${1:-$root/docs/screenshots}
mkdir -p "$out"
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$display QT_QPA_PLATFORM=xcb
"$bin/onsite" --demo >/tmp/onsite-screens.log 2>&1 &
app=$!
sleep 8
import -window root "$out/dashboard.png"
# Open the first row: focus the table, select, Enter.
win=$(xdotool search --sync --name Onsite | head -n1)
xdotool windowactivate --sync "$win" || true
xdotool mousemove 400 210 click 1 key Return
sleep 2
import -window root "$out/assignment.png"
# Back, then an assignment in progress (the In progress tab's first row), showing its visits.
xdotool key alt+Left
sleep 1
xdotool mousemove 390 70 click 1
sleep 1
xdotool mousemove 400 150 click 1 key Return
sleep 2
import -window root "$out/in-progress.png"
# Upload two files through "Upload Files…" (a photo and a large video) and catch them travelling.
files=$(mktemp -d)
convert -size 800x600 plasma:fractal "$files/shelf-after.png" 2>/dev/null ||
  printf '\x89PNG\r\n\x1a\n' >"$files/shelf-after.png"
{ printf '\0\0\0\x18ftypmp42'; head -c 600000000 /dev/urandom; } >"$files/walkthrough.mp4"
xdotool key alt+u
sleep 2
xdotool type --delay 5 "\"$files/shelf-after.png\" \"$files/walkthrough.mp4\""
xdotool key Return
sleep 2
import -window root "$out/upload-dialog.png"
xdotool key Return
sleep 3
import -window root "$out/uploading.png"
rm -rf "$files"
echo "wrote $out/dashboard.png $out/assignment.png $out/in-progress.png $out/upload-dialog.png $out/uploading.png"
