#!/usr/bin/env bash
# A crash (SIGKILL) at any moment loses at most the job in flight (#17 item 5): droste-cli is killed at
# a random point of a generation, an export and a download, ROUNDS times each; after every kill
#   - the project it was painting into still opens (the previous one, or the new one if the save ended),
#   - the video it was exporting to is the previous complete video or the new complete one, never a torso,
#   - every model file in the Hub cache's snapshot is byte-identical to the served one, and the next
#     download completes the model (resuming what the killed one fetched).
# Autosave and saving are covered by ProjectFile.CrashSafety in droste_core_tests (a save loop killed
# at spread-out points).
# Usage: kill_at_random_test.sh DROSTE_CLI FAKE_HUB FIXTURES_DIR ROUNDS
set -euo pipefail
cli="$1" fake="$2" fixtures="${DROSTE_FIXTURES:-$3}" rounds="$4"
model="$fixtures/tiny-sd2-inpainting"
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
unset QT_QPA_PLATFORM DISPLAY WAYLAND_DISPLAY
RANDOM=$$  # another spread of kill points each run; the log says where each landed

now_ms() { date +%s%3N; }
# Runs "$@" in the background, kills it after $1 ms; prints "killed" or "finished" (it ended first).
kill_after() {
  local ms=$1; shift
  "$@" >"$work/out" 2>&1 & local pid=$!
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  if kill -KILL $pid 2>/dev/null; then wait $pid 2>/dev/null || true; echo killed
  else wait $pid 2>/dev/null || true; echo finished; fi
}
# A random point in [0, span) ms, spread over the rounds so that early and late points both come up.
point() { local round=$1 span=$2; echo $(( (span * (2 * round + 1) / (2 * rounds) + RANDOM % (span / rounds + 1)) % span )); }
opens() { "$cli" render "$1" --output "$work/check/" --size 32 --fps 1 >/dev/null 2>&1; rm -rf "$work/check"; }
frames() { ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=nb_read_frames -of csv=p=0 "$1"; }

# --- Generation -------------------------------------------------------------------------------------
zoom=(zoom --painter draft --keyframes 6 --size 256 --outpaint 64 --seed 7 --project "$work/chain.droste")
start=$(now_ms); "$cli" "${zoom[@]}" --prompt "first" >/dev/null 2>&1; span=$(( $(now_ms) - start ))
opens "$work/chain.droste" || { echo "the first chain does not open"; exit 1; }
killed=0
for round in $(seq 0 $((rounds - 1))); do
  at=$(point "$round" "$span")
  outcome=$(kill_after "$at" "$cli" "${zoom[@]}" --prompt "round $round")
  [ "$outcome" = killed ] && killed=$((killed + 1))
  opens "$work/chain.droste" || { echo "generation round $round (killed at $at of $span ms): the project no longer opens"; exit 1; }
done
echo "generation: $rounds rounds over $span ms, $killed killed mid-run, the project opened after each"
[ $killed -gt 0 ] || { echo "no kill landed inside a generation: nothing was tested"; exit 1; }

# --- Export -----------------------------------------------------------------------------------------
render=(render "$work/chain.droste" --output "$work/zoom.mp4" --size 256 --fps 24 --threads 2)
start=$(now_ms); "$cli" "${render[@]}" >/dev/null 2>&1; span=$(( $(now_ms) - start ))
complete=$(frames "$work/zoom.mp4")
[ "$complete" -gt 0 ] || { echo "the first export has no frames"; exit 1; }
killed=0
for round in $(seq 0 $((rounds - 1))); do
  at=$(point "$round" "$span")
  outcome=$(kill_after "$at" "$cli" "${render[@]}")
  [ "$outcome" = killed ] && killed=$((killed + 1))
  got=$(frames "$work/zoom.mp4" 2>/dev/null || echo unreadable)
  [ "$got" = "$complete" ] || { echo "export round $round (killed at $at of $span ms): zoom.mp4 has $got frames, not $complete"; exit 1; }
done
echo "export: $rounds rounds over $span ms, $killed killed mid-export, zoom.mp4 complete ($complete frames) after each"
[ $killed -gt 0 ] || { echo "no kill landed inside an export: nothing was tested"; exit 1; }

# --- Download ---------------------------------------------------------------------------------------
"$fake" test-org/tiny "$model" >"$work/endpoint" & server=$!
for _ in $(seq 1 100); do [ -s "$work/endpoint" ] && break; sleep 0.1; done
export HF_ENDPOINT=$(head -1 "$work/endpoint") HF_TOKEN_PATH="$work/none"
unset HF_TOKEN HF_HUB_OFFLINE
same_as_served() {  # every file the snapshot shows is whole
  local snapshot="$1/models--test-org--tiny/snapshots"
  [ -d "$snapshot" ] || return 0
  (cd "$snapshot"/* && find . -type f -o -type l) | while read -r f; do
    [ -e "$snapshot"/*/"$f" ] || continue
    cmp -s "$model/$f" "$snapshot"/*/"$f" || { echo "$f differs from the served file"; return 1; }
  done
}
export HF_HUB_CACHE="$work/timing-cache"
start=$(now_ms); "$cli" download test-org/tiny >/dev/null 2>&1; span=$(( $(now_ms) - start ))
killed=0
for round in $(seq 0 $((rounds - 1))); do
  export HF_HUB_CACHE="$work/cache-$round"
  at=$(point "$round" "$span")
  outcome=$(kill_after "$at" "$cli" download test-org/tiny)
  [ "$outcome" = killed ] && killed=$((killed + 1))
  same_as_served "$HF_HUB_CACHE" || { echo "download round $round (killed at $at of $span ms)"; exit 1; }
  snapshot=$("$cli" download test-org/tiny 2>"$work/err") || { echo "download round $round: the next download failed"; cat "$work/err"; exit 1; }
  (cd "$model" && find . -type f) | while read -r f; do cmp "$model/$f" "$snapshot/$f"; done
  rm -rf "$HF_HUB_CACHE"
done
echo "download: $rounds rounds over $span ms, $killed killed mid-download, the next download completed the model each time"
[ $killed -gt 0 ] || { echo "no kill landed inside a download: nothing was tested"; exit 1; }
