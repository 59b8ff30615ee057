#!/usr/bin/env bash
# Takes the AppStream screenshots (1280x800, as the metainfo declares) of the real window under a
# private Xvfb. Rerun before a release and publish the PNGs at the URLs in
# resources/app.droste.Droste.metainfo.xml (https://droste.app/screenshots/...).
# Usage: packaging/screenshots/take-screenshots.sh BUILD_DIR [OUT_DIR]
set -euo pipefail
build="$(cd "$1" && pwd)"
out="$(cd "${2:-$(dirname "$0")}" && pwd)"
exec xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  unset QT_QPA_PLATFORM
  "$0/app/droste" & pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 120); do
    xwininfo -root -tree 2>/dev/null | grep -q "\"Droste" && break
    sleep 0.5
  done
  id=$(xwininfo -root -tree | grep "\"Droste" | head -1 | awk "{print \$1}")
  [ -n "$id" ] || { echo "no Droste window appeared"; exit 1; }
  sleep 2  # let the first paint settle
  import -window root "$1/main-window.png"
  echo "wrote $1/main-window.png"
' "$build" "$out"
