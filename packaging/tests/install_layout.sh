#!/usr/bin/env bash
# `cmake --install` into a scratch root puts every file where desktops and software centres look,
# and the installed tree validates as a whole.
# Usage: install_layout.sh BUILD_DIR APP_ID "ICON SIZES"
set -euo pipefail
build="$1" id="$2" sizes="$3"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
DESTDIR="$root" cmake --install "$build" --prefix /usr >/dev/null

fail=0
expect() { if [ -e "$root/usr/$1" ]; then echo "ok   /usr/$1"; else echo "MISSING /usr/$1"; fail=1; fi; }
expect bin/droste
expect bin/droste-cli
expect share/applications/$id.desktop
expect share/metainfo/$id.metainfo.xml
expect share/icons/hicolor/scalable/apps/$id.svg
for s in $sizes; do
  png="share/icons/hicolor/${s}x${s}/apps/$id.png"
  expect "$png"
  if [ -e "$root/usr/$png" ]; then
    # PNG header: bytes 16..23 are width and height, big-endian.
    read -r w0 w1 w2 w3 h0 h1 h2 h3 < <(od -An -tu1 -j16 -N8 "$root/usr/$png")
    w=$(( (w0<<24) | (w1<<16) | (w2<<8) | w3 )) h=$(( (h0<<24) | (h1<<16) | (h2<<8) | h3 ))
    if [ "$w" != "$s" ] || [ "$h" != "$s" ]; then echo "WRONG SIZE /usr/$png: ${w}x${h}"; fail=1; fi
  fi
done
[ -x "$root/usr/bin/droste-cli" ] || { echo "droste-cli is not executable"; fail=1; }
# Installed binaries find their libraries in system paths: no RPATH/RUNPATH (Debian policy).
for bin in "$root"/usr/bin/*; do
  if readelf -d "$bin" | grep -q -E 'RPATH|RUNPATH'; then echo "RPATH in /usr/bin/$(basename "$bin")"; fail=1; fi
done

echo "== appstreamcli validate-tree"
appstreamcli validate-tree --no-net "$root" || fail=1
exit $fail
