#!/usr/bin/env bash
# Builds the safetensors header fuzzer with clang + libFuzzer + ASan/UBSan and runs it.
# Usage: run_header_fuzzer.sh CLANGXX SOURCE_DIR WORK_DIR SECONDS [INCLUDE_DIR|...]
# (ctest runs it with label 'slow'.) Exit status 0 = no crash, no sanitizer report.
set -euo pipefail
clangxx="$1" src="$2" work="$3" seconds="$4" includes="${5:-}"
mkdir -p "$work/corpus" "$work/artifacts"

flags=(-std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I"$src")
IFS='|' read -ra dirs <<< "$includes"
for d in "${dirs[@]}"; do
  case "$d" in ""|/usr/include|/usr/local/include) ;; *) flags+=(-isystem "$d") ;; esac  # default dirs break include_next
done
# The header parser needs no libtorch library, only headers (c10::ScalarType) and nlohmann/json.
"$clangxx" "${flags[@]}" "$src/tests/fuzz/safetensors_header_fuzzer.cpp" "$src/core/io/safetensors_header.cpp" \
  -o "$work/safetensors_header_fuzzer"

# Seeds: [u64 data size][header]
seed() { printf "$1" > "$work/corpus/$2"; }
seed '\x10\x00\x00\x00\x00\x00\x00\x00{"a":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}' valid
seed '\x10\x00\x00\x00\x00\x00\x00\x00{"__metadata__":{"format":"pt"},"b":{"dtype":"F16","shape":[],"data_offsets":[0,2]},"c":{"dtype":"I64","shape":[1],"data_offsets":[2,10]}}' metadata
seed '\x08\x00\x00\x00\x00\x00\x00\x00{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[2,6]}}' overlap
fixture="$src/../shared/fixtures/tiny-sd2-inpainting/text_encoder/model.safetensors"
if [ -f "$fixture" ]; then
  n=$(od -An -t u8 -N8 "$fixture" | tr -d ' ')
  { printf '\x00\x00\x00\x10\x00\x00\x00\x00'; head -c "$((n + 8))" "$fixture" | tail -c +9; } > "$work/corpus/fixture"
fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
"$work/safetensors_header_fuzzer" "$work/corpus" -dict="$src/tests/fuzz/safetensors_header.dict" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/"
