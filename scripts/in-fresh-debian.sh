#!/usr/bin/env bash
# Runs a command in a clean clone of this repository's committed HEAD inside a brand-new
# Debian 12 root, as root, so that an install step the README commands forgot fails here and
# not on a user's machine. .ci/run uses it for README command 2 and a smoke run of command 1.
#
#   scripts/in-fresh-debian.sh                         # README command 2
#   scripts/in-fresh-debian.sh -- ./scripts/x.sh args  # any command, from the clone's root
#
# The root is made once with `mmdebstrap --variant=apt bookworm` and its tarball kept outside
# the clone (ONSITE_FRESH_CACHE, default /var/cache/onsite-fresh-debian); each run unpacks a
# new copy, so nothing a run installs survives into the next one.
# ONSITE_FRESH_KEEP=1 keeps the root afterwards for a look inside; ONSITE_FRESH_OUT=DIR copies
# the clone's build/artifacts there (the real-window tests' screenshots).
# Exit status: the command's. Needs root (or sudo) and Debian's package registry.
set -euo pipefail
if [ "$(id -u)" != 0 ]; then exec sudo -E "$0" "$@"; fi
repo=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = "--" ]; then shift; fi
if [ $# -eq 0 ]; then set -- ./scripts/build-and-test.sh; fi

apt_install() {
  command -v "$1" >/dev/null && return 0
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}

cache=${ONSITE_FRESH_CACHE:-/var/cache/onsite-fresh-debian}
tarball=$cache/bookworm.tar
mkdir -p "$cache"
# A root left by an interrupted or older run (a directory, not a tarball) is made again.
if [ -e "$tarball" ] && [ ! -f "$tarball" ]; then rm -rf --one-file-system "$tarball"; fi
if [ ! -s "$tarball" ]; then
  apt_install mmdebstrap mmdebstrap
  # The host's own Debian mirror: the only registry this machine (and CI) reaches.
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  echo "in-fresh-debian: making a Debian 12 root from $mirror (once)" >&2
  # git to clone the project; ca-certificates for an https mirror. Nothing else: the README
  # commands must install the rest themselves.
  # --format=tar: the ".part" name would otherwise make mmdebstrap write a directory.
  rm -rf --one-file-system "$tarball.part"
  mmdebstrap --quiet --variant=apt --format=tar --include=ca-certificates,git bookworm \
    "$tarball.part" "$mirror"
  mv "$tarball.part" "$tarball"
fi

root=$(mktemp -d /var/tmp/onsite-fresh.XXXXXX)
mounted=()
cleanup() {
  local rc=$?
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
  if [ -n "${ONSITE_FRESH_OUT:-}" ] && [ -d "$root/src/onsite/build/artifacts" ]; then
    mkdir -p "$ONSITE_FRESH_OUT"
    cp -a "$root/src/onsite/build/artifacts/." "$ONSITE_FRESH_OUT/" || true
  fi
  if [ "${ONSITE_FRESH_KEEP:-0}" = 1 ]; then
    echo "in-fresh-debian: kept $root" >&2
  else
    rm -rf --one-file-system "$root"
  fi
  exit $rc
}
trap cleanup EXIT
tar -xf "$tarball" -C "$root"
git clone -q "$repo" "$root/src/onsite"
# Developers and CI have ../shared beside the project; give the clone the same when it exists.
[ -d "$repo/../shared" ] && cp -a "$repo/../shared" "$root/src/shared"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The same apt sources as the host (its mirror is the registry CI can reach).
if [ -f /etc/apt/sources.list.d/debian.sources ]; then
  cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/debian.sources"
  rm -f "$root/etc/apt/sources.list"
fi
for m in proc sys dev dev/pts dev/shm; do
  mkdir -p "$root/$m"
  mount --bind "/$m" "$root/$m"
  mounted+=("$root/$m")
done
echo "in-fresh-debian: running '$*' in a new Debian 12 root ($root)" >&2
quoted=$(printf '%q ' "$@")
chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 CI="${CI:-}" \
  /bin/bash -c "cd /src/onsite && $quoted"
