#!/usr/bin/env bash
# Companion of tools/device/gpu-check.sh, run HERE (a machine with the fixtures, Debian's packages and
# PyPI): fills gpu-carry/ (git-ignored) with what the GPU machine lacks, to be carried with the device
# tool (`carry: ["gpu-carry"]`). The engine's sources travel with the working tree itself.
#   fixtures/   the tiny SD2 inpainting model and the goldens of goldens/pipeline_cases.json
#               (the base model and the F16 single file stay here: with them the carry exceeds 64 MiB)
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
mkdir -p "$carry/fixtures/goldens" "$carry/nlohmann/include" "$carry/nlohmann/share/cmake" "$carry/wheels"

cp -r "$fixtures/tiny-sd2-inpainting" "$carry/fixtures/"
cp "$fixtures/goldens/pipeline_cases.json" "$fixtures/goldens/pipeline_cases_extra.json" "$carry/fixtures/goldens/"
python3 - "$fixtures/goldens/pipeline_cases.json" >"$carry/cases.txt" <<'PY'
import json, sys
print("\n".join(c["name"] for c in json.load(open(sys.argv[1]))))
PY
while read -r name; do cp "$fixtures/goldens/pipeline_$name.safetensors" "$carry/fixtures/goldens/"; done <"$carry/cases.txt"

cp -r /usr/include/nlohmann "$carry/nlohmann/include/"
cp -r /usr/share/cmake/nlohmann_json "$carry/nlohmann/share/cmake/"

python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: -d "$carry/wheels" \
  "diffusers==$DIFFUSERS_VERSION" "importlib_metadata==10.2.0"

tree_kib=$(git ls-files -z | du -c --files0-from=- -k 2>/dev/null | tail -1 | cut -f1)
carry_kib=$(du -sk "$carry" | cut -f1)
total_mib=$(( (tree_kib + carry_kib) / 1024 ))
echo "prepare-gpu-check: $carry/ $((carry_kib / 1024)) MiB + working tree $((tree_kib / 1024)) MiB = $total_mib MiB ($(wc -l <"$carry/cases.txt") golden cases)"
if [ "$total_mib" -gt "$limit_mib" ]; then
  echo "prepare-gpu-check: over $limit_mib MiB: the device tool would refuse it" >&2
  exit 1
fi
