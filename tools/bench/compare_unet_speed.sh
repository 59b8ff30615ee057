#!/usr/bin/env bash
# Side-by-side speed of one UNet step (CFG batch 2, random weights, SD2 or SD1.5 inpainting sizes):
# droste-bench vs a reference, ALTERNATELY, round after round, so machine load hits both alike; prints
# each round and the ratio of the medians (droste / reference: below 1 = Droste faster). References:
#   --reference eager      tools/bench/reference_sd2.py: diffusers' computation in plain PyTorch on
#                          Debian's python3-torch (the same libtorch 1.13 as the Debian build; SD2 only)
#   --reference diffusers  tools/bench/diffusers_bench.py: the pinned diffusers release from PyPI on
#                          PyTorch 2.x with its own attention (what a CPU user runs today), in the venv of
#                          the pip build (build-pip/torch-venv; diffusers is installed there if missing)
#
# Needs: a built droste-bench, and Debian's python3-torch (eager) or `DROSTE_TORCH=pip ./dev.sh build` (diffusers).
# Run it on a quiet machine (nothing else compiling): one 512^2 fp32 round (both sides, warm-up + 3 repeats) takes
# roughly 3 minutes plus model set-up.
#
# Usage: tools/bench/compare_unet_speed.sh [--bench PATH] [--reference eager|diffusers] [--arch sd2|sd15]
#                                          [--size 512] [--dtype fp32|bf16]
#                                          [--repeats 3] [--rounds 3] [--parts unet] [--threads 2]
#                                          [--droste-args "--attention chunked --channels-last"]
#   --parts  comma list for both sides: unet (default), text, vae-encode, vae-decode
#   --droste-args  extra `droste-bench bench` options (the reference always runs diffusers' defaults)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
bench=""
size=512 dtype=fp32 repeats=3 rounds=3 parts=unet threads=2 droste_args="" reference=eager arch=sd2
DIFFUSERS_VERSION=0.42.1  # pinned: the release the numbers in the issues were measured against
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bench) bench=$2; shift 2 ;;
    --reference) reference=$2; shift 2 ;;
    --arch) arch=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --dtype) dtype=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --parts) parts=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --droste-args) droste_args=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [[ -z "$bench" ]]; then
  for candidate in "$here"/../../build*/app/bench/droste-bench; do
    [[ -x "$candidate" ]] && { bench=$candidate; break; }
  done
fi
[[ -x "$bench" ]] || { echo "droste-bench not found: build it (cmake --build BUILD --target droste-bench) and pass --bench PATH" >&2; exit 2; }
case "$reference" in
  eager)
    python=${PYTHON:-/usr/bin/python3}  # Debian's python3-torch lives in the system interpreter
    [[ "$arch" == sd2 ]] || { echo "the eager reference has the SD2 UNet only" >&2; exit 2; }
    "$python" -c "import torch" 2>/dev/null || { echo "$python has no torch: apt-get install python3-torch (or set PYTHON)" >&2; exit 2; }
    ;;
  diffusers)
    python=${PYTHON:-$here/../../build-pip/torch-venv/bin/python}
    [[ -x "$python" ]] || { echo "no $python: DROSTE_TORCH=pip ./dev.sh build installs it (or set PYTHON)" >&2; exit 2; }
    "$python" -c "import diffusers; assert diffusers.__version__ == '$DIFFUSERS_VERSION'" 2>/dev/null ||
      "$python" -m pip install --quiet --disable-pip-version-check "diffusers==$DIFFUSERS_VERSION" numpy
    ;;
  *) echo "--reference must be eager or diffusers" >&2; exit 2 ;;
esac

read -r -a extra <<<"$droste_args"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "droste-bench: $bench"
if [[ "$reference" == eager ]]; then
  reference_cmd=("$python" "$here/reference_sd2.py" --json)
else
  "$bench" configs --arch "$arch" "$out/configs" >/dev/null
  reference_cmd=("$python" "$here/diffusers_bench.py" --configs "$out/configs" --device cpu)
fi
desc=$("$python" -c 'import torch; print("torch", torch.__version__)' 2>/dev/null)
[[ "$reference" == diffusers ]] && desc+=", diffusers $DIFFUSERS_VERSION"
echo "reference:    $reference ($python, $desc)"
echo "$arch inpainting, ${size}x${size} px, batch 2, cpu $dtype, $threads threads, parts $parts, median of $repeats per run, $rounds rounds${droste_args:+, droste-bench $droste_args}"
for ((r = 1; r <= rounds; ++r)); do
  "$bench" bench --arch "$arch" --size "$size" --dtype "$dtype" --repeats "$repeats" --threads "$threads" \
    --only "$parts" --json "${extra[@]}" >"$out/droste.$r.json" 2>"$out/droste.$r.log"
  "${reference_cmd[@]}" --size "$size" --dtype "$dtype" --repeats "$repeats" --threads "$threads" \
    --only "$parts" >"$out/reference.$r.json" 2>"$out/reference.$r.log"
  "$python" - "$out" "$r" "$parts" <<'EOF'
import json, sys
out, r, parts = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
key = {"unet": "unet_step_ms", "text": "text_encoder_ms", "vae-encode": "vae_encode_ms", "vae-decode": "vae_decode_ms"}
d = json.load(open(f"{out}/droste.{r}.json")); p = json.load(open(f"{out}/reference.{r}.json"))
print(f"round {r}: " + "; ".join(f"{part} droste {d[key[part]]:.0f} ms, reference {p[key[part]]:.0f} ms, "
                                 f"ratio {d[key[part]] / p[key[part]]:.3f}" for part in parts))
EOF
done
"$python" - "$out" "$rounds" "$parts" <<'EOF'
import json, statistics, sys
out, rounds, parts = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(",")
key = {"unet": "unet_step_ms", "text": "text_encoder_ms", "vae-encode": "vae_encode_ms", "vae-decode": "vae_decode_ms"}
load = lambda side: [json.load(open(f"{out}/{side}.{r}.json")) for r in range(1, rounds + 1)]
d, p = load("droste"), load("reference")
print("summary (median over rounds of the per-run medians):")
for part in parts:
    k, c = key[part], key[part].replace("_ms", "_cpu_ms")
    dm, pm = statistics.median(x[k] for x in d), statistics.median(x[k] for x in p)
    dc, pc = statistics.median(x[c] for x in d), statistics.median(x[c] for x in p)
    print(f"  {part:<10} droste {dm:9.1f} ms   reference {pm:9.1f} ms   ratio {dm / pm:.3f}   "
          f"(CPU time: {dc:.0f} vs {pc:.0f} ms, ratio {dc / pc:.3f})")
print(f"  peak RSS   droste {max(x['peak_rss_mb'] for x in d):.0f} MB   reference {max(x['peak_rss_mb'] for x in p):.0f} MB")
EOF
