#!/usr/bin/env bash
# Runs `onsite --demo` under Xvfb at the two laptop sizes the app must hold (1366x768 and
# 1024x700, the window filling the screen) and writes screenshots of the dashboard and of
# assignment pages to docs/screenshots/ (or the folder given). Needs xvfb, imagemagick
# (import) and xdotool.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${ONSITE_BIN:-$root/build/bin}
out=${1:-$root/docs/screenshots}
mkdir -p "$out"
app=""
xvfb=""
home=$(mktemp -d)
files=$(mktemp -d)
stop() {
  [ -n "$app" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null && wait "$xvfb" 2>/dev/null || true
  app="" xvfb=""
}
trap 'stop; rm -rf "$home" "$files"' EXIT

# Starts Xvfb at WxH and the app on it, the window made as large as the screen (as a
# maximised window is), and waits for the first sync.
start() {
  local size=$1
  exec 5< <(Xvfb -displayfd 1 -screen 0 "${size}x24" -nolisten tcp 2>/dev/null)
  xvfb=$!
  read -r -u 5 number
  export DISPLAY=:$number QT_QPA_PLATFORM=xcb
  rm -rf "$home" && mkdir -p "$home/bin"
  # A stand-in for the desktop's viewer (Xvfb has none): "Open document" records the file.
  printf '#!/bin/sh\necho "$@" >>"%s/opened.log"\n' "$home" >"$home/bin/xdg-open"
  chmod +x "$home/bin/xdg-open"
  PATH=$home/bin:$PATH HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
    "$bin/onsite" --demo >"$home.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do
    grep -q "sync done" "$home.log" 2>/dev/null && break
    sleep 0.5
  done
  win=$(xdotool search --sync --name '^Onsite$' | head -n1)
  xdotool windowmove "$win" 0 0 windowsize --sync "$win" "${size%x*}" "${size#*x}" || true
  xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
  sleep 1
}

# Opens the first dashboard row the search finds: Ctrl+F, the words, Enter, Enter.
open_first() {
  xdotool key ctrl+f
  xdotool type --delay 20 "$1"
  xdotool key Return Return
  sleep 2
}

shot() { import -window root "$out/$1"; }

for size in 1366x768 1024x700; do
  start "$size"
  shot "dashboard-$size.png"
  open_first "deliverables late"
  shot "in-progress-$size.png"
  xdotool key Escape
  sleep 1
  # A visit open now: the running time on site beside Check out.
  open_first "on site for"
  shot "on-site-$size.png"
  xdotool key Escape
  sleep 1
  # Running late told: the row's "ETA … reported", the page's list and its buttons.
  open_first "reported"
  shot "running-late-$size.png"
  xdotool key Escape
  sleep 1
  # A company message not read yet (the row's "✉ 1 new"): the thread and the box to answer.
  open_first "1 new"
  shot "messages-$size.png"
  # The client's documents, kept on this computer after the sync; Alt+E opens the work order
  # (and brings the list into view).
  xdotool key alt+e
  sleep 1
  shot "documents-$size.png"
  xdotool key Escape
  sleep 1
  if [ "$size" = 1366x768 ]; then
    cp "$out/dashboard-$size.png" "$out/dashboard.png"
    cp "$out/in-progress-$size.png" "$out/in-progress.png"
    open_first "not confirmed"
    shot assignment.png
    # Upload two files through "Upload Files…" (a photo and a large video) and catch them
    # travelling.
    convert -size 800x600 plasma:fractal "$files/shelf-after.png" 2>/dev/null ||
      printf '\x89PNG\r\n\x1a\n' >"$files/shelf-after.png"
    { printf '\0\0\0\x18ftypmp42'; head -c 600000000 /dev/urandom; } >"$files/walkthrough.mp4"
    xdotool key Escape
    sleep 1
    open_first "deliverables late"
    xdotool key alt+u
    sleep 2
    xdotool type --delay 5 "\"$files/shelf-after.png\" \"$files/walkthrough.mp4\""
    xdotool key Return
    sleep 2
    shot upload-dialog.png
    xdotool key Return
    sleep 3
    shot uploading.png
  fi
  stop
done
echo "wrote $(cd "$out" && ls dashboard*.png in-progress*.png on-site*.png running-late*.png messages*.png documents*.png assignment.png upload*.png | tr '\n' ' ')"
