#!/usr/bin/env bash
# Droste's one entry point for developers and CI.
#   ./dev.sh run [args]   install what is missing, build (Release), start the app
#   ./dev.sh test         install what is missing, build, run the test suite (all but label 'slow')
#   ./dev.sh build        install what is missing, build
# Environment:
#   DROSTE_TORCH=debian   (default) Debian's libtorch 1.13, CPU only; build folder: build
#   DROSTE_TORCH=pip      PyTorch's current libtorch with CUDA from PyPI, installed into
#                         build-pip/torch-venv (tools/install-torch-pip.sh); build folder: build-pip.
#                         The engine, droste-cli and droste-bench link CUDA (DROSTE_HAVE_CUDA).
#   DROSTE_BUILD_DIR      another build folder
set -euo pipefail
cd "$(dirname "$0")"
here="$PWD"

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in run|test|build) ;; *) sed -n '2,12p' "$0"; exit 2 ;; esac

tools/install-deps.sh

# ccache: hits even from a fresh clone in another folder, and with the torch PCH.
export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
export CCACHE_SLOPPINESS="pch_defines,time_macros,include_file_mtime,include_file_ctime"

cmake_args=(-G Ninja -DCMAKE_BUILD_TYPE=Release)
case "${DROSTE_TORCH:-debian}" in
  debian) build="${DROSTE_BUILD_DIR:-build}" ;;
  pip)
    build="${DROSTE_BUILD_DIR:-build-pip}"
    tools/install-torch-pip.sh "$build/torch-venv"
    torch_dir=$("$build/torch-venv/bin/python" -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2>/dev/null)
    # The package folder first: its lib/ must win over Debian's libtorch in the system paths.
    cmake_args+=("-DCMAKE_PREFIX_PATH=$torch_dir;$torch_dir/share/cmake" -DDROSTE_REQUIRE_CUDA=ON)
    ;;
  *) echo "dev.sh: DROSTE_TORCH must be debian or pip, not '$DROSTE_TORCH'" >&2; exit 2 ;;
esac

if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" "${cmake_args[@]}"
fi
start=$(date +%s)
cmake --build "$build"
echo "dev.sh: build took $(( $(date +%s) - start )) s"

case "$command" in
  run) exec "$build/app/droste" "$@" ;;
  test) cd "$build" && exec ctest -LE slow --output-on-failure -j2 --timeout 600 ;;
  build) ;;
esac
