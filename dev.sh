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
#   DROSTE_SANITIZE       address,undefined (ASan+UBSan) or thread (TSan): an instrumented build in its
#                         own folder (build-asan, build-tsan; with pip: build-pip-asan, ...); `test` then
#                         runs the suite under it (DROSTE_TESTS=REGEX: only the tests that match)
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

case "${DROSTE_SANITIZE:-}" in
  "") ;;
  address,undefined|undefined,address|address) build="${DROSTE_BUILD_DIR:-$build-asan}" ;;
  thread) build="${DROSTE_BUILD_DIR:-$build-tsan}" ;;
  *) echo "dev.sh: DROSTE_SANITIZE must be address,undefined or thread, not '$DROSTE_SANITIZE'" >&2; exit 2 ;;
esac
if [ -n "${DROSTE_SANITIZE:-}" ]; then
  cmake_args+=("-DDROSTE_SANITIZE=$DROSTE_SANITIZE")
  # Reports name our lines; a leak in a library's one-time setup is not ours (tests/sanitizers/).
  # allocator_may_return_null: a failed allocation returns null as without ASan (the out-of-memory tests).
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:allocator_may_return_null=1:${ASAN_OPTIONS:-}"
  export LSAN_OPTIONS="suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0:fast_unwind_on_malloc=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  # TSan: memory touched inside uninstrumented libraries (Qt's event queue, its reference counts) is not
  # checked, since their locks are invisible too; our own accesses are (tests/sanitizers/tsan_canary.cpp).
  export TSAN_OPTIONS="suppressions=$here/tests/sanitizers/tsan.supp:ignore_noninstrumented_modules=1:halt_on_error=1:second_deadlock_stack=1"
fi

if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" "${cmake_args[@]}"
fi
start=$(date +%s)
cmake --build "$build"
echo "dev.sh: build took $(( $(date +%s) - start )) s"

case "$command" in
  run) exec "$build/app/droste" "$@" ;;
  test)
    cd "$build"
    timeout=600
    [ -n "${DROSTE_SANITIZE:-}" ] && timeout=1800  # instrumented runs are slower: a longer limit, the same tests
    only=()
    [ -n "${DROSTE_TESTS:-}" ] && only=(-R "$DROSTE_TESTS")
    exec ctest -LE slow "${only[@]}" --output-on-failure -j2 --timeout "$timeout" ;;
  build) ;;
esac
