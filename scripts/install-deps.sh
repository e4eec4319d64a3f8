#!/usr/bin/env bash
# Installs what Onsite needs to build, test and run on Debian 12 / Ubuntu 24.04 (apt).
# Only missing packages are installed; nothing happens when all are present. apt runs with
# --no-install-recommends, so every package a build or test step uses is named here, even when
# another one usually brings it (qt6-websockets-dev: Qt6HttpServer's CMake package needs it;
# file: CPack's deb generator). .ci/run checks this list in a brand-new Debian 12 root.
set -euo pipefail
packages=(build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins libqt6sql6-sqlite libqt6sql6-psql
  qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev libsodium-dev libssl-dev libgl-dev catch2
  postgresql fonts-dejavu-core dbus gnome-keyring nginx openssl curl sqlite3 python3 wrk
  dpkg-dev rpm file desktop-file-utils appstream poppler-utils
  xvfb xauth xdotool imagemagick x11-utils
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  clang-14 libclang-rt-14-dev llvm-14 clang-format-14 "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
