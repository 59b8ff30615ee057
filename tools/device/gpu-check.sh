#!/usr/bin/env bash
# The GPU proof, one command on a fresh GPU machine (device tool, nvidia-h200: PyTorch 2.11 + CUDA 13,
# CMake, ninja, Python; no Qt, no FFmpeg, no network), within 8 minutes:
#   1. builds the Qt-free engine and droste-bench against that machine's PyTorch (DROSTE_ENGINE_ONLY);
#   2. golden parity on the GPU in fp32 (the fixture README's tolerances, TF32 off), fp16 and bf16
#      (final picture within MSE 1e-3 of the golden: golden_parity.h), and diffusers' own pipeline on the
#      same cases and precisions beside it (tools/device/reference_parity.py), for each fixture set: the
#      SDXL set of the tree (tests/fixtures/sdxl) and the SD2 set when the carry holds it;
#   3. the real-size SD1.5 and SD2 inpainting UNet step (CFG batch 2) and VAE decode at 512 px, and SDXL's
#      at 1024 px, in fp16: droste-bench and diffusers (tools/bench/diffusers_bench.py) on the same GPU,
#      side by side, with both VRAM peaks; and a whole 25-step keyframe, SD2 at 512 px and SDXL at 1024 px
#      (time and VRAM peak); on the GPU both sides run under a VRAM cap (--vram-cap-mb, 24 GiB: an RTX 4090's),
#      so a peak says what such a card needs, not what a 139 GiB card lends to cuDNN's workspaces;
#   4. one JSON summary (tools/device/gpu_summary.py) on stdout and in $OUT/gpu-check.json.
# Needs gpu-carry/ from tools/device/prepare-gpu-check.sh, carried with the device tool:
#   run(command="bash tools/device/gpu-check.sh", carry=["gpu-carry"], timeout_s=540)
# Here (no GPU) it runs the same steps on the CPU, to test the script itself:
#   PYTHON=build-pip/torch-venv/bin/python tools/device/gpu-check.sh --device cpu --size 128 --bench build-pip/app/bench/droste-bench
# Options: --device cuda|cpu  --size N (SD1.5/SD2 bench and keyframe, default 512)  --xl-size N (SDXL's, default
#   1024)  --archs "sd15 sd2 sdxl" (which to bench)  --bench PATH (skip the build)  --carry DIR
#   --vram-cap-mb N (CUDA only, default 24576; 0: no cap)
set -uo pipefail  # not -e: a failed step is recorded in the summary and the next one still runs
cd "$(dirname "$0")/../.."
device=cuda size=512 xl_size=1024 archs="sd15 sd2 sdxl" bench="" carry=gpu-carry vram_cap_mb=24576
while [[ $# -gt 0 ]]; do
  case "$1" in
    --device) device=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --xl-size) xl_size=$2; shift 2 ;;
    --archs) archs=$2; shift 2 ;;
    --bench) bench=$2; shift 2 ;;
    --carry) carry=$2; shift 2 ;;
    --vram-cap-mb) vram_cap_mb=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# The device tool brings back at most 8 files from $OUT: the logs live in a work folder, packed into
# $OUT/gpu-check-logs.tar.gz after every step (so a run cut short still returns what it did).
results=${OUT:-$PWD/gpu-check-out}
out=${DROSTE_GPU_WORK:-/tmp/droste-gpu-check}
rm -rf "$out"
mkdir -p "$out" "$results"
python=${PYTHON:-python3}
export PYTHONUNBUFFERED=1
steps="$out/steps.tsv"
: >"$steps"
[[ -d "$carry/nlohmann" && -d "$carry/wheels" ]] || { echo "no $carry/: run tools/device/prepare-gpu-check.sh here first" >&2; exit 2; }

# step NAME LIMIT_S COMMAND...: runs it with a time limit, logs to $out/NAME.log, records status and seconds.
step() {
  local name=$1 limit=$2
  shift 2
  local start=$SECONDS
  echo "== $name"
  timeout "$limit" "$@" >"$out/$name.log" 2>&1
  local rc=$?
  printf '%s\t%s\t%s\n' "$name" "$rc" "$((SECONDS - start))" >>"$steps"
  tail -n 3 "$out/$name.log"
  tar czf "$results/gpu-check-logs.tar.gz" -C "$out" .
  return $rc
}

step environment 60 "$python" -c '
import json, os, platform, torch
gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else None
print(json.dumps({"torch": torch.__version__, "cuda": torch.version.cuda, "gpu": gpu,
                  "cpus": os.cpu_count(), "python": platform.python_version()}))'

if [[ -z "$bench" ]]; then
  torch_dir=$("$python" -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2>/dev/null)
  build=${DROSTE_GPU_BUILD:-/tmp/droste-gpu-build}
  step configure 120 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDROSTE_ENGINE_ONLY=ON \
    -DDROSTE_BUILD_TESTS=OFF "-DCMAKE_PREFIX_PATH=$torch_dir;$torch_dir/share/cmake;$PWD/$carry/nlohmann" \
    "-DDROSTE_REQUIRE_CUDA=$([[ $device == cuda ]] && echo ON || echo OFF)"
  step build 360 cmake --build "$build" --target droste-bench --parallel "$(nproc)"
  bench="$build/app/bench/droste-bench"
fi

dtypes=(fp32 fp16 bf16)
[[ "$device" == cpu ]] && dtypes=(fp32 bf16)  # no fp16 on the CPU
bench_dtype=fp16
[[ "$device" == cpu ]] && bench_dtype=fp32
read -ra archs <<<"$archs"
cap=()  # the benches' and keyframes' VRAM cap, the same for Droste and diffusers
[[ "$device" == cuda && "$vram_cap_mb" != 0 ]] && cap=(--vram-cap-mb "$vram_cap_mb")
size_of() { [[ $1 == sdxl ]] && echo "$xl_size" || echo "$size"; }

# Fixture sets for parity: SDXL's lives in the tree; SD2's comes in the carry when it fits the device
# tool's 64 MiB beside the tree (prepare-gpu-check.sh says which), restricted to the cases it carries.
parity_sets=(sdxl)
fixtures_sdxl=tests/fixtures/sdxl cases_sdxl=()
if [[ -d "$carry/fixtures" ]]; then
  parity_sets=(sd2 sdxl)
  fixtures_sd2=$carry/fixtures cases_sd2=()
  while read -r c; do cases_sd2+=(--case "$c"); done <"$carry/cases.txt"
fi

# Droste first, diffusers after: a run cut short by the device tool's limit still has Droste's results.
for set in "${parity_sets[@]}"; do
  fixtures_var=fixtures_$set cases_var="cases_$set[@]"
  for dtype in "${dtypes[@]}"; do
    step "parity-$set-$dtype" 180 "$bench" parity --fixtures "${!fixtures_var}" --device "$device" --dtype "$dtype" \
      "${!cases_var}" --json "$out/parity-$set-$dtype.json"
  done
done
for arch in "${archs[@]}"; do
  "$bench" configs --arch "$arch" "$out/configs-$arch" >/dev/null
  step "bench-$arch" 240 bash -c '"$0" bench --arch "$1" --size "$2" --device "$3" --dtype "$4" --only unet,vae-decode --warmup 3 --repeats 10 --json "${@:6}" >"$5"' \
    "$bench" "$arch" "$(size_of "$arch")" "$device" "$bench_dtype" "$out/bench-$arch.json" "${cap[@]}"
done

# A whole 25-step keyframe (load, CFG denoising, encode/decode) with random real-size weights: its time and
# the VRAM peak (issue #12 asks for both beside the UNet step). SDXL's comes last: the longest, no reference.
keyframe() {
  step "keyframe-$1" 300 bash -c '"$0" generate-memory --arch "$1" --size "$2" --steps 25 --dtype "$3" --device "$4" --trace-stages --json "${@:6}" >"$5"' \
    "$bench" "$1" "$(size_of "$1")" "$bench_dtype" "$device" "$out/keyframe-$1.json" "${cap[@]}"
}
keyframe sd2

# diffusers (and what it asks for) from the carried wheels, beside the machine's own packages.
site=/tmp/droste-gpu-site
step wheels 120 "$python" -m pip install --quiet --no-index --no-deps --no-compile --no-cache-dir --upgrade \
  --target "$site" "$carry"/wheels/*.whl
export PYTHONPATH="$site${PYTHONPATH:+:$PYTHONPATH}"
for arch in "${archs[@]}"; do
  step "reference-bench-$arch" 240 bash -c '"$0" tools/bench/diffusers_bench.py --configs "$1" --size "$2" --device "$3" --dtype "$4" --warmup 3 --repeats 10 "${@:6}" >"$5"' \
    "$python" "$out/configs-$arch" "$(size_of "$arch")" "$device" "$bench_dtype" "$out/reference-bench-$arch.json" "${cap[@]}"
done
for set in "${parity_sets[@]}"; do
  fixtures_var=fixtures_$set cases_var="cases_$set[@]"
  for dtype in "${dtypes[@]}"; do
    step "reference-parity-$set-$dtype" 180 bash -c '"$0" tools/device/reference_parity.py --fixtures "$1" --device "$2" --dtype "$3" "${@:5}" >"$4"' \
      "$python" "${!fixtures_var}" "$device" "$dtype" "$out/reference-parity-$set-$dtype.json" "${!cases_var}"
  done
done
[[ " ${archs[*]} " == *" sdxl "* ]] && keyframe sdxl

"$python" tools/device/gpu_summary.py "$out" | tee "$results/gpu-check.json"
