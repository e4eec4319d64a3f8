#!/usr/bin/env bash
# Builds the .deb and .rpm packages from the build tree (cpack), checks their contents and
# metadata, validates the desktop entry and AppStream metainfo, then installs the .debs with
# dpkg -i (as root: on this machine, removed again at the end; otherwise into a scratch root)
# and runs the installed app the way its menu entry does: --version, then a real start
# (--demo, offscreen) that signs in to the installed server and syncs.
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
# Plugins loaded at run time: without them a clean system shows no window or has no database.
for dep in qt6-qpa-plugins libqt6sql6-sqlite; do
  dpkg-deb -f "$app_deb" Depends | grep -q "$dep" || fail "onsite does not depend on $dep"
done
dpkg-deb -f "$server_deb" Depends | grep -q libqt6sql6-psql || fail "onsite-server does not depend on the PostgreSQL driver"
[ "$(dpkg-deb -f "$app_deb" Version)" = "$version" ] || fail "wrong version"
rpm -qp --requires "$app_rpm" 2>/dev/null | grep -q libQt6Widgets || fail "the rpm does not require Qt Widgets"
rpm -qp --requires "$app_rpm" 2>/dev/null | grep -q qt6-qtbase-gui || fail "the rpm does not require the platform plugins (qt6-qtbase-gui)"

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
if [ "$root" = / ]; then
  # The installed app really starts: the menu entry's program with --demo runs the installed
  # server, signs in and syncs (offscreen: no display here).
  home=$work/home
  mkdir -p "$home"
  env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    QT_QPA_PLATFORM=offscreen timeout 90 "/usr/bin/$program" --demo >"$work/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do
    grep -q "sync done" "$work/app.log" && break
    kill -0 $app 2>/dev/null || break
    sleep 0.5
  done
  kill $app 2>/dev/null || true
  wait $app 2>/dev/null || true
  grep -q "^Demo server: http://127.0.0.1:" "$work/app.log" &&
    grep -q "sync done" "$work/app.log" ||
    { cat "$work/app.log" >&2; fail "the installed app did not start, sign in to its demo server and sync"; }
  echo "installed app started: $(grep -m1 'sync done' "$work/app.log")"
fi
if [ "$root" = / ] && command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /lib/systemd/system/onsite-server.service 2>"$work/verify.log" ||
    { cat "$work/verify.log" >&2; fail "systemd-analyze verify"; }
fi
echo "installed with dpkg -i under $root: $out"
