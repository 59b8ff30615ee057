#!/usr/bin/env bash
# Builds one libFuzzer target with clang + ASan/UBSan from our sources (instrumented) and runs it for
# SECONDS, keeping its corpus in WORK_DIR so that later runs continue where earlier ones stopped.
# Usage: run_fuzzer.sh CLANGXX SOURCE_DIR WORK_DIR SECONDS TARGET
#   TARGET: tokenizer | project_file | project_json | image_import | model_configs | checkpoint_keys
#   (the safetensors header: run_header_fuzzer.sh)
# Exit status 0 = no crash, no hang, no sanitizer report. Findings land in WORK_DIR/artifacts/.
set -euo pipefail
clangxx="$1" src="$2" work="$3" seconds="$4" target="$5"
work="$work/$target"
mkdir -p "$work/corpus" "$work/artifacts"
flags=(-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I"$src")
fixtures="${DROSTE_FIXTURES:-$src/../shared/fixtures}"

case "$target" in
  tokenizer)
    # Plain C++ and nlohmann/json: no libtorch, no Qt.
    "$clangxx" "${flags[@]}" "$src/tests/fuzz/tokenizer_fuzzer.cpp" "$src/core/diffusion/text/clip_tokenizer.cpp" \
      "$src/core/diffusion/text/unicode_text.cpp" -o "$work/fuzzer"
    export DROSTE_FUZZ_TOKENIZER="$fixtures/tiny-sd2-inpainting/tokenizer"
    # Seeds: the fixture prompts, HTML entities, special tokens, broken UTF-8, a long word.
    printf 'a cosy library inside a seashell, warm light, highly detailed' > "$work/corpus/prompt"
    printf 'caf\xc3\xa9 &amp; na\xc3\xafve &#39;quotes&#39; \xe2\x80\x9csmart\xe2\x80\x9d' > "$work/corpus/entities"
    printf '<|startoftext|>x<|endoftext|> y' > "$work/corpus/special"
    printf 'ok\xff\xfe\xc3(\xe2\x82 broken' > "$work/corpus/invalid-utf8"
    head -c 4000 /dev/zero | tr '\0' 'w' > "$work/corpus/long-word"
    options=(-max_len=4096)
    ;;
  project_file)
    qt=$(pkg-config --cflags --libs Qt6Gui)
    # Qt's headers as system headers (no warnings from them); its libraries are not instrumented.
    "$clangxx" "${flags[@]}" -fPIC ${qt//-I/-isystem } -DQT_NO_KEYWORDS -DDROSTE_VERSION=\"fuzz\" \
      "$src/tests/fuzz/project_file_fuzzer.cpp" "$src/core/zoom/project_file.cpp" "$src/core/io/zip_store.cpp" \
      "$src/core/zoom/zoom_types.cpp" "$src/core/render/keyframe_stack.cpp" -o "$work/fuzzer"
    # Seeds: two small real projects (droste-cli zoom --painter draft --size 64, one and two keyframes).
    cp "$src"/tests/fuzz/seeds/project_file/*.droste "$work/corpus/"
    options=(-max_len=262144 -rss_limit_mb=4096)
    ;;
  project_json)
    qt=$(pkg-config --cflags --libs Qt6Gui)
    "$clangxx" "${flags[@]}" -fPIC ${qt//-I/-isystem } -DQT_NO_KEYWORDS -DDROSTE_VERSION=\"fuzz\" \
      "$src/tests/fuzz/project_json_fuzzer.cpp" "$src/core/zoom/project_file.cpp" "$src/core/io/zip_store.cpp" \
      "$src/core/zoom/zoom_types.cpp" "$src/core/render/keyframe_stack.cpp" -o "$work/fuzzer"
    # Seeds: project.json of the two seed projects (square, version 1) and a wide one (version 2).
    for seed in "$src"/tests/fuzz/seeds/project_file/*.droste; do
      python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("project.json"))' \
        "$seed" > "$work/corpus/$(basename "$seed" .droste).json"
    done
    cp "$src"/tests/fuzz/seeds/project_json/*.json "$work/corpus/"
    options=(-max_len=65536 -rss_limit_mb=4096)
    ;;
  image_import)
    qt=$(pkg-config --cflags --libs Qt6Gui)
    zoom="$src/core/zoom"
    "$clangxx" "${flags[@]}" -fPIC ${qt//-I/-isystem } -DQT_NO_KEYWORDS \
      "$src/tests/fuzz/image_import_fuzzer.cpp" "$zoom/outpaint.cpp" "$zoom/padding.cpp" "$zoom/masks.cpp" \
      "$zoom/color_match.cpp" "$zoom/geometry.cpp" "$zoom/zoom_types.cpp" "$src/core/imaging/resample.cpp" \
      -o "$work/fuzzer"
    # Seeds: the keyframe PNGs of the seed projects.
    for seed in "$src"/tests/fuzz/seeds/project_file/*.droste; do
      python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for i, n in enumerate(x for x in z.namelist() if x.endswith(".png")):
    open(sys.argv[2] + "-%d.png" % i, "wb").write(z.read(n))' "$seed" "$work/corpus/$(basename "$seed" .droste)"
    done
    options=(-max_len=65536 -rss_limit_mb=4096)
    ;;
  checkpoint_keys)
    # The translator and the safetensors reader include ATen: Debian's libtorch headers, and its libraries
    # linked (not instrumented; no tensor is ever made, the file's data is a sparse tail).
    d="$src/core/diffusion/loading" io="$src/core/io"
    [[ -f /usr/include/ATen/ATen.h ]] || { echo "checkpoint_keys needs Debian's libtorch-dev headers" >&2; exit 2; }
    # C++17: clang 14 rejects ATen 1.13's headers in C++20 mode (ivalue_inl.h); these files need nothing newer.
    "$clangxx" "${flags[@]}" -std=c++17 -isystem /usr/include/torch/csrc/api/include -Wno-unused-command-line-argument \
      "$src/tests/fuzz/checkpoint_keys_fuzzer.cpp" "$d/checkpoint_keys.cpp" "$io/safetensors.cpp" \
      "$io/safetensors_header.cpp" "$io/memory_map.cpp" -ltorch -ltorch_cpu -lc10 -o "$work/fuzzer"
    # Seeds: the headers of the single-file fixtures (SD2 in fp32 and fp16, SDXL in fp16).
    for f in "$fixtures"/tiny-sd2-inpainting-single*.safetensors "$src"/tests/fixtures/sdxl/*.safetensors; do
      [[ -f "$f" ]] || continue
      python3 -c 'import struct, sys
raw = open(sys.argv[1], "rb").read(8); n = struct.unpack("<Q", raw)[0]
f = open(sys.argv[1], "rb"); f.seek(8); sys.stdout.buffer.write(f.read(n))' "$f" > "$work/corpus/$(basename "$f" .safetensors).json"
    done
    options=(-max_len=1048576 -rss_limit_mb=4096)
    ;;
  model_configs)
    # Plain C++ and nlohmann/json: the config readers are kept out of the torch translation units for this.
    d="$src/core/diffusion"
    "$clangxx" "${flags[@]}" "$src/tests/fuzz/model_configs_fuzzer.cpp" "$d/loading/config_json.cpp" \
      "$d/loading/model_family.cpp" "$d/models/unet_config.cpp" "$d/models/vae_config.cpp" \
      "$d/models/clip_text_config.cpp" "$d/schedulers/scheduler_config.cpp" -o "$work/fuzzer"
    # Seeds: every config.json and model_index.json of the fixture models (SD2, SD2 base, SDXL), and the
    # scheduler configs (Python's -Infinity).
    i=0
    for f in "$fixtures"/tiny-sd2-*/*/config.json "$fixtures"/tiny-sd2-*/model_index.json \
             "$src"/tests/fixtures/sdxl/tiny-sdxl-*/*/config.json "$src"/tests/fixtures/sdxl/tiny-sdxl-*/*/scheduler_config.json \
             "$fixtures"/tiny-sd2-*/scheduler/scheduler_config.json; do
      [[ -f "$f" ]] && cp "$f" "$work/corpus/seed-$((i++)).json"
    done
    cp "$src"/tests/fuzz/seeds/model_configs/*.json "$work/corpus/"  # empty lists, wrong kinds, extremes
    options=(-max_len=8192 -dict="$src/tests/fuzz/model_configs.dict")
    ;;
  *) echo "run_fuzzer.sh: unknown target '$target'" >&2; exit 2 ;;
esac

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
"$work/fuzzer" "$work/corpus" "${options[@]}" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/"
