#!/usr/bin/env bash
# droste-cli closes a loop and exports one period of it: `zoom --close-loop`, `render --loop` (the video
# stops one frame short of position N, which is its first frame again).
#   cli_loop_test.sh DROSTE_CLI
set -euo pipefail
cli="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen

"$cli" zoom --painter draft --prompt "a spiral staircase" --keyframes 3 --size 128 --outpaint 32 --seed 2 \
  --close-loop --project "$work/loop.droste" > "$work/zoom.log" 2>&1
grep -q "loop closed in" "$work/zoom.log" || { cat "$work/zoom.log"; echo "FAIL: no loop was closed"; exit 1; }

"$cli" render "$work/loop.droste" --loop --fps 5 --output "$work/frames/" > /dev/null 2>&1
count=$(ls "$work/frames" | wc -l)
[ "$count" = 15 ] || { echo "FAIL: $count frames, expected 3 steps x 5 = 15 (no frame for position 3)"; exit 1; }
"$cli" render "$work/loop.droste" --loop --ease --output "$work/eased.mp4" > "$work/eased.log" 2>&1 && {
  echo "FAIL: an eased loop was accepted"; exit 1; }
grep -q "cannot ease" "$work/eased.log" || { cat "$work/eased.log"; echo "FAIL: no reason given"; exit 1; }

# Two keyframes cannot close a loop: said, and the project is still saved.
if "$cli" zoom --painter draft --prompt x --keyframes 1 --size 128 --outpaint 32 --close-loop \
     --project "$work/short.droste" > "$work/short.log" 2>&1; then
  echo "FAIL: a loop of 2 keyframes was closed"; exit 1
fi
grep -q "at least 3 keyframes" "$work/short.log" || { cat "$work/short.log"; echo "FAIL: no reason given"; exit 1; }
[ -f "$work/short.droste" ] || { echo "FAIL: the painted keyframes were not saved"; exit 1; }
echo "PASS: loop closed, 15-frame period, eased loop and short chain refused"
