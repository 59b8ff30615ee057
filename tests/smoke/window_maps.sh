#!/usr/bin/env bash
# Starts the GUI under a private Xvfb and waits until a window titled "Droste" is mapped.
set -euo pipefail
binary="$1"
exec xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  unset QT_QPA_PLATFORM
  "$0" & pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 120); do
    if xwininfo -root -tree 2>/dev/null | grep -q "\"Droste"; then
      state=$(xwininfo -name "$(xwininfo -root -tree | grep -o "\"Droste —[^\"]*\"" | head -1 | tr -d \")" | sed -n "s/.*Map State: //p")
      echo "main window found, map state: $state"
      [ "$state" = "IsViewable" ] && exit 0
    fi
    kill -0 $pid 2>/dev/null || { echo "droste exited early"; exit 1; }
    sleep 0.5
  done
  echo "no Droste window mapped within 60 s"; exit 1
' "$binary"
