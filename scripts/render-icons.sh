#!/usr/bin/env bash
# Renders resources/icons/onsite.svg to the PNG sizes installed beside it (hicolor theme) and
# bundled for the window icon. Run after changing the SVG (needs librsvg2-bin).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
for s in 16 24 32 48 64 128 256 512; do
  mkdir -p "$root/resources/icons/hicolor/${s}x${s}"
  rsvg-convert -w "$s" -h "$s" "$root/resources/icons/onsite.svg" \
    -o "$root/resources/icons/hicolor/${s}x${s}/org.onsite.Onsite.png"
done
