#!/usr/bin/env bash
# droste-cli paints a 16:9 chain (the ring wider on the long sides) and exports it at 1080p, as the README
# shows: `zoom --width --height`, `render --output-size`, and PNG frames of the keyframes' shape by default.
#   cli_wide_zoom_test.sh DROSTE_CLI
set -euo pipefail
cli="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen

"$cli" zoom --painter draft --prompt "a harbour at dawn" --keyframes 2 --width 512 --height 288 --outpaint 128 \
  --seed 5 --project "$work/wide.droste" > "$work/zoom.log"
grep -q "512x288 px, ring 128" "$work/zoom.log" || { cat "$work/zoom.log"; echo "FAIL: zoom did not paint 512x288"; exit 1; }

# A ring that cannot zoom both axes alike is refused with the rings that can.
if "$cli" zoom --painter draft --prompt x --keyframes 1 --width 512 --height 288 --outpaint 96 \
     --project "$work/bad.droste" 2> "$work/bad.log"; then
  echo "FAIL: a 96 px ring on 512x288 was accepted"; exit 1
fi
grep -q "use 128, 256" "$work/bad.log" || { cat "$work/bad.log"; echo "FAIL: no advice on the ring"; exit 1; }

"$cli" render "$work/wide.droste" --output-size 1920x1080 --fps 8 --output "$work/wide.mp4" > /dev/null
size=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height,nb_frames -of csv=p=0 "$work/wide.mp4")
[ "$size" = "1920,1080,17" ] || { echo "FAIL: the video is '$size', expected 1920,1080,17"; exit 1; }

# Render copies with detail (here the draft painter's): stored in the project, and the 1080p export draws from them.
"$cli" detail "$work/wide.droste" --output-size 1920x1080 --painter draft --strength 0.3 > "$work/detail.log" 2>&1
grep -q "wrote 3 render copies of 1920x1080 (detail strength 0.3" "$work/detail.log" || { cat "$work/detail.log"; echo "FAIL: no render copies"; exit 1; }
"$cli" render "$work/wide.droste" --output-size 1920x1080 --fps 8 --output "$work/detailed.mp4" > /dev/null 2> "$work/render.log"
grep -q "drawing from the project's render copies: 1920x1080" "$work/render.log" || { cat "$work/render.log"; echo "FAIL: render ignored the copies"; exit 1; }
size=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height,nb_frames -of csv=p=0 "$work/detailed.mp4")
[ "$size" = "1920,1080,17" ] || { echo "FAIL: the detailed video is '$size', expected 1920,1080,17"; exit 1; }

# Without a size: frames of the keyframes' shape, 512 px on the long side.
"$cli" render "$work/wide.droste" --fps 2 --output "$work/frames/" > /dev/null
first=$(ls "$work/frames" | head -1)
dims=$(ffprobe -v error -show_entries stream=width,height -of csv=p=0 "$work/frames/$first")
[ "$dims" = "512,288" ] || { echo "FAIL: PNG frames are '$dims', expected 512,288"; exit 1; }

# The zoom ends on a picture of the artist's (here: one of the frames): one keyframe more.
"$cli" zoom --painter draft --prompt "a harbour at dawn" --keyframes 2 --width 512 --height 288 --outpaint 128 \
  --seed 5 --exit-image "$work/frames/$first" --project "$work/exit.droste" > "$work/exit.log"
grep -q "Saved 4 keyframes" "$work/exit.log" || { cat "$work/exit.log"; echo "FAIL: no exit keyframe"; exit 1; }
echo "PASS: 16:9 chain, 1080p video, render copies with detail, 512x288 frames, exit picture"
