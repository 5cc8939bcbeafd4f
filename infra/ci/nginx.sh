#!/usr/bin/env bash
# Print the path of an nginx binary for the gateway tests (tests/deploy/test_gateway.py).
#
# Uses nginx from PATH when there is one; otherwise unpacks Debian's nginx package into a cache
# folder (no installation, no service started, nothing outside the cache touched). Exits non-zero
# when neither works (not a Debian-like machine): the tests then skip with that reason.
set -euo pipefail

if command -v nginx >/dev/null 2>&1; then
  command -v nginx
  exit 0
fi

CACHE="${SPLOT_NGINX_CACHE:-${TMPDIR:-/tmp}/splot-nginx}"
BIN="$CACHE/root/usr/sbin/nginx"
if [ -x "$BIN" ] && "$BIN" -v >/dev/null 2>&1; then
  echo "$BIN"
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || { echo "no nginx and no apt-get to fetch one" >&2; exit 1; }
command -v dpkg >/dev/null 2>&1 || { echo "no nginx and no dpkg to unpack one" >&2; exit 1; }

mkdir -p "$CACHE/debs"
cd "$CACHE/debs"
if ! apt-get download nginx >/dev/null 2>&1; then
  # A fresh machine may have no package lists yet.
  if [ "$(id -u)" = "0" ]; then apt-get update -qq >/dev/null 2>&1 || true; fi
  apt-get download nginx >/dev/null 2>&1 || { echo "could not download Debian's nginx package" >&2; exit 1; }
fi
rm -rf "$CACHE/root"
for deb in "$CACHE"/debs/nginx_*.deb; do dpkg -x "$deb" "$CACHE/root"; done
"$BIN" -v >/dev/null 2>&1 || { echo "the unpacked nginx does not run here" >&2; exit 1; }
echo "$BIN"
