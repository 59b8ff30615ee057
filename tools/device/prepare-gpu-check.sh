#!/usr/bin/env bash
# Companion of tools/device/gpu-check.sh, run HERE (a machine with the fixtures, Debian's packages and
# PyPI): fills gpu-carry/ (git-ignored) with what the GPU machine lacks, to be carried with the device
# tool (`carry: ["gpu-carry"]`). The engine's sources travel with the working tree itself.
#   fixtures/   the tiny SD2 inpainting model and the goldens of goldens/pipeline_cases.json, when they fit
#               beside the tree (the base model and the F16 single file never do). The SDXL fixture set travels
#               with the tree (tests/fixtures/sdxl) and is the parity set the GPU check always runs.
#   nlohmann/   nlohmann-json's headers and CMake package (header-only; the GPU machine has none)
#   wheels/     the pinned diffusers wheel and importlib_metadata, which it asks for (torch, transformers,
#               safetensors, huggingface_hub, Pillow are on the GPU machine: device tool's KINDS.md)
# Usage: tools/device/prepare-gpu-check.sh        (DROSTE_FIXTURES overrides ../shared/fixtures)
set -euo pipefail
cd "$(dirname "$0")/../.."
DIFFUSERS_VERSION=0.42.1  # as tools/bench/compare_unet_speed.sh
fixtures=${DROSTE_FIXTURES:-../shared/fixtures}
carry=gpu-carry
limit_mib=60  # the device tool carries at most 64 MiB, the working tree included

[ -f "$fixtures/goldens/pipeline_cases.json" ] || { echo "no fixtures at $fixtures (set DROSTE_FIXTURES)" >&2; exit 1; }
[ -d /usr/include/nlohmann ] || { echo "nlohmann-json3-dev is not installed (tools/install-deps.sh)" >&2; exit 1; }
rm -rf "$carry"
mkdir -p "$carry/nlohmann/include" "$carry/nlohmann/share/cmake" "$carry/wheels"
cp -r /usr/include/nlohmann "$carry/nlohmann/include/"
cp -r /usr/share/cmake/nlohmann_json "$carry/nlohmann/share/cmake/"

python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: -d "$carry/wheels" \
  "diffusers==$DIFFUSERS_VERSION" "importlib_metadata==10.2.0"

kib() { du -sk "$@" | awk '{ s += $1 } END { print s }'; }
tree_kib=$(git ls-files -z | du -c --files0-from=- -k 2>/dev/null | tail -1 | cut -f1)

# The SD2 set: its model, and the goldens of the cases in pipeline_cases.json, only if the whole still fits.
sd2_cases=$(python3 -c 'import json, sys; print("\n".join(c["name"] for c in json.load(open(sys.argv[1]))))' \
  "$fixtures/goldens/pipeline_cases.json")
sd2_files=("$fixtures/tiny-sd2-inpainting" "$fixtures/goldens/pipeline_cases.json" "$fixtures/goldens/pipeline_cases_extra.json")
while read -r name; do sd2_files+=("$fixtures/goldens/pipeline_$name.safetensors"); done <<<"$sd2_cases"
if (( (tree_kib + $(kib "$carry") + $(kib "${sd2_files[@]}")) / 1024 <= limit_mib )); then
  mkdir -p "$carry/fixtures/goldens"
  cp -r "${sd2_files[0]}" "$carry/fixtures/"
  cp "${sd2_files[@]:1}" "$carry/fixtures/goldens/"
  echo "$sd2_cases" >"$carry/cases.txt"
  echo "prepare-gpu-check: the SD2 fixture set is carried ($(wc -l <"$carry/cases.txt") golden cases)"
else
  echo "prepare-gpu-check: the SD2 fixture set ($(( $(kib "${sd2_files[@]}") / 1024 )) MiB) does not fit beside the tree:" \
       "the GPU check runs parity on the SDXL set only (tests/fixtures/sdxl)"
fi

carry_kib=$(kib "$carry")
total_mib=$(( (tree_kib + carry_kib) / 1024 ))
echo "prepare-gpu-check: $carry/ $((carry_kib / 1024)) MiB + working tree $((tree_kib / 1024)) MiB = $total_mib MiB"
if [ "$total_mib" -gt "$limit_mib" ]; then
  echo "prepare-gpu-check: over $limit_mib MiB: the device tool would refuse it" >&2
  exit 1
fi
