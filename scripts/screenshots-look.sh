#!/usr/bin/env bash
# The app as the system asks for it: in Spanish (LANG=es_ES), dark (GTK_THEME=…:dark) and at
# twice the pixel density (QT_SCALE_FACTOR=2). Runs `onsite --demo` under Xvfb with a fresh
# settings folder each time and writes docs/screenshots/look-*.png. Needs xvfb, imagemagick
# (import) and xdotool.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${ONSITE_BIN:-$root/build/bin}
out=${1:-$root/docs/screenshots}
mkdir -p "$out"

shoot() { # name width height env...
  local name=$1 width=$2 height=$3
  shift 3
  local display=:$((70 + RANDOM % 19)) config
  config=$(mktemp -d)
  Xvfb "$display" -screen 0 "${width}x${height}x24" -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  env DISPLAY="$display" QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME="$config" "$@" \
    "$bin/onsite" --demo >"/tmp/onsite-look-$name.log" 2>&1 &
  local app=$!
  sleep 8
  import -display "$display" -window root "$out/look-$name-dashboard.png"
  local win
  win=$(DISPLAY=$display xdotool search --sync --name Onsite | head -n1)
  DISPLAY=$display xdotool windowactivate --sync "$win" || true
  # The In progress tab, its first row: a page with visits, requests and the gear menu.
  local scale=1
  [ "$width" -gt 2000 ] && scale=2
  DISPLAY=$display xdotool mousemove $((390 * scale)) $((70 * scale)) click 1
  sleep 1
  DISPLAY=$display xdotool mousemove $((400 * scale)) $((150 * scale)) click 1 key Return
  sleep 2
  import -display "$display" -window root "$out/look-$name-assignment.png"
  kill $app $xvfb 2>/dev/null || true
  wait $app $xvfb 2>/dev/null || true
  rm -rf "$config"
}

shoot es 1280 800 LANG=es_ES.UTF-8 LANGUAGE=es LC_ALL=es_ES.UTF-8
shoot dark 1280 800 GTK_THEME=Adwaita:dark
shoot hidpi 2560 1600 QT_SCALE_FACTOR=2
echo "wrote $out/look-{es,dark,hidpi}-{dashboard,assignment}.png"
