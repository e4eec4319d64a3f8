#!/usr/bin/env bash
# Builds the .deb and .rpm packages from the build tree (cpack), checks their contents and
# metadata, validates the desktop entry and AppStream metainfo, then installs the .debs with
# dpkg -i (as root: on this machine, removed again at the end; otherwise into a scratch root)
# and runs the installed app the way its menu entry does, with --version.
set -euo pipefail
build=$1
version=$2
work=$(mktemp -d)
installed=()
cleanup() {
  local rc=$?
  if [ ${#installed[@]} -gt 0 ]; then dpkg -r "${installed[@]}" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cd "$build"
cpack -G "DEB;RPM" -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log" >&2; fail "cpack"; }
app_deb=$(ls "$work"/out/onsite_"$version"*_*.deb)
server_deb=$(ls "$work"/out/onsite-server_"$version"*_*.deb)
app_rpm=$(ls "$work"/out/onsite-"$version"*.rpm | grep -v onsite-server)
server_rpm=$(ls "$work"/out/onsite-server-"$version"*.rpm)
echo "built: $(cd "$work/out" && ls *.deb *.rpm | tr '\n' ' ')"

expect_files() { # listing, then each expected path
  local listing=$1; shift
  for f in "$@"; do grep -q -- "$f\$" <<<"$listing" || fail "$f missing from the package"; done
}
app_files=(/usr/bin/onsite /usr/share/applications/org.onsite.Onsite.desktop
  /usr/share/metainfo/org.onsite.Onsite.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/org.onsite.Onsite.svg
  /usr/share/icons/hicolor/48x48/apps/org.onsite.Onsite.png
  /usr/share/icons/hicolor/256x256/apps/org.onsite.Onsite.png)
server_files=(/usr/bin/onsite-server /lib/systemd/system/onsite-server.service)
expect_files "$(dpkg-deb -c "$app_deb" | awk '{print substr($6,2)}')" "${app_files[@]}"
expect_files "$(dpkg-deb -c "$server_deb" | awk '{print substr($6,2)}')" "${server_files[@]}"
expect_files "$(rpm -qlp "$app_rpm" 2>/dev/null)" "${app_files[@]}"
expect_files "$(rpm -qlp "$server_rpm" 2>/dev/null)" "${server_files[@]}"
# Shared-library dependencies were worked out (dpkg-shlibdeps), so apt pulls Qt in.
dpkg-deb -f "$app_deb" Depends | grep -q libqt6widgets6 || fail "onsite does not depend on Qt Widgets"
dpkg-deb -f "$server_deb" Depends | grep -q libsodium || fail "onsite-server does not depend on libsodium"
[ "$(dpkg-deb -f "$app_deb" Version)" = "$version" ] || fail "wrong version"
rpm -qp --requires "$app_rpm" 2>/dev/null | grep -q libQt6Widgets || fail "the rpm does not require Qt Widgets"

# The metadata, as the package carries it.
dpkg-deb -x "$app_deb" "$work/app"
desktop-file-validate "$work/app/usr/share/applications/org.onsite.Onsite.desktop"
appstreamcli validate --no-net "$work/app/usr/share/metainfo/org.onsite.Onsite.metainfo.xml" >"$work/as.log" ||
  { cat "$work/as.log" >&2; fail "appstreamcli validate"; }
echo "desktop entry and metainfo valid"

# Install, then start the app as its menu entry says (Exec=), asking for its version.
if [ "$(id -u)" = 0 ]; then
  root=/
  dpkg -i "$app_deb" "$server_deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i"; }
  installed=(onsite onsite-server)
else
  root=$work/root
  mkdir -p "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/info"
  touch "$root/var/lib/dpkg/status"
  dpkg --root="$root" --force-not-root --force-depends --log=/dev/null -i "$app_deb" "$server_deb" \
    >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i"; }
fi
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/org.onsite.Onsite.desktop" | head -n1)
program=${exec_line%% *}
[ "$program" = onsite ] || fail "unexpected Exec=$exec_line"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/$program" --version)
[ "$out" = "onsite $version" ] || fail "onsite --version printed '$out'"
env -u DISPLAY "$root/usr/bin/onsite" --help | grep -q -- "--demo" || fail "onsite --help"
"$root/usr/bin/onsite-server" --version | grep -q "$version" || fail "onsite-server --version"
if [ "$root" = / ] && command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /lib/systemd/system/onsite-server.service 2>"$work/verify.log" ||
    { cat "$work/verify.log" >&2; fail "systemd-analyze verify"; }
fi
echo "installed with dpkg -i under $root: $out"
