#!/usr/bin/env bash
# Droste's one entry point for developers and CI.
#   ./dev.sh run [args]   install what is missing, build (Release), start the app
#   ./dev.sh test         install what is missing, build, run the test suite (all but label 'slow')
#   ./dev.sh build        install what is missing, build
# Environment: DROSTE_BUILD_DIR (default: build), CMAKE_PREFIX_PATH (e.g. an official CUDA libtorch).
set -euo pipefail
cd "$(dirname "$0")"
here="$PWD"

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in run|test|build) ;; *) sed -n '2,6p' "$0"; exit 2 ;; esac

tools/install-deps.sh

# ccache: hits even from a fresh clone in another folder, and with the torch PCH.
export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
export CCACHE_SLOPPINESS="pch_defines,time_macros,include_file_mtime,include_file_ctime"

build="${DROSTE_BUILD_DIR:-build}"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
start=$(date +%s)
cmake --build "$build"
echo "dev.sh: build took $(( $(date +%s) - start )) s"

case "$command" in
  run) exec "$build/app/droste" "$@" ;;
  test) cd "$build" && exec ctest -LE slow --output-on-failure -j2 --timeout 600 ;;
  build) ;;
esac
