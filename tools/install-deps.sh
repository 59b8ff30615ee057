#!/usr/bin/env bash
# Installs every Debian package Droste needs to build, test and run. Idempotent: it
# only asks apt for what is missing, waits on the dpkg lock instead of failing, and
# never prompts. Usage: tools/install-deps.sh   (as root, or with sudo available)
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkgconf ccache
  # Qt 6: widgets, multimedia (+ widgets), translations tools
  qt6-base-dev qt6-multimedia-dev libqt6multimediawidgets6 qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6svg6 qt6-image-formats-plugins
  # Qt Multimedia's GStreamer backend plays H.264 / VP9 / AV1 only with these
  gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-libav
  # coroutines in UI code
  qcoro-qt6-dev
  # inference; without libopenblas0-openmp libtorch falls back to the reference BLAS (~35x slower)
  libtorch-dev libopenblas0-openmp nlohmann-json3-dev
  # video
  libavcodec-dev libavformat-dev libswscale-dev libavutil-dev ffmpeg
  # packaging: icon rendering, desktop/AppStream validators, .deb dependencies (dpkg-shlibdeps)
  librsvg2-bin desktop-file-utils appstream dpkg-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth x11-utils
  # libFuzzer + sanitizers for the safetensors header fuzzer (ctest -L slow)
  clang-14 libclang-rt-14-dev
  # tools/bench/seed_route_bench.py (the seed's Pillow + ffmpeg export route, for comparison)
  python3-pil
  # screenshots of the real window under Xvfb (import -window root)
  imagemagick
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
APT_OPTS=(-y -q -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold --no-install-recommends)
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${#missing[@]} missing packages: ${missing[*]}"
# The package lists may be stale or absent on a fresh machine.
$SUDO apt-get -q -o DPkg::Lock::Timeout=600 update
$SUDO apt-get install "${APT_OPTS[@]}" "${missing[@]}"
