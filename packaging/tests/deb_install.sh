#!/usr/bin/env bash
# Builds the .deb with cpack, checks its computed dependencies and contents, installs it with apt
# (which pulls any missing dependency), runs /usr/bin/droste-cli info from the installed path, and
# leaves the machine's package state as it found it. CI runs as root on a throwaway machine.
# Usage: deb_install.sh BUILD_DIR APP_ID      Exit 77 (ctest: skipped) when dpkg cannot run here.
set -euo pipefail
build="$(cd "$1" && pwd)" id="$2"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "SKIPPED: installing a .deb needs root or password-less sudo"; exit 77; fi
fi

# Two build folders on one machine must not install/remove the package under each other.
exec 9>/tmp/droste-deb-install-test.lock
flock -w 280 9 || { echo "FAIL: another deb install test held the lock for 280 s"; exit 1; }

out=$(mktemp -d)
was_installed=$(dpkg-query -W -f='${Status}' droste 2>/dev/null | grep -c "install ok installed" || true)
cleanup() {
  if [ "$was_installed" = 0 ] && dpkg-query -W -f='${Status}' droste 2>/dev/null | grep -q "install ok installed"; then
    $SUDO dpkg -r droste >/dev/null || echo "warning: could not remove the test install of droste"
  fi
  rm -rf "$out"
}
trap cleanup EXIT

echo "== cpack -G DEB"
start=$(date +%s)
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1 || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/droste_*.deb)
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1)) in $(( $(date +%s) - start )) s"

fail=0
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# Computed by dpkg-shlibdeps from what the binaries link (names carry the soname version, e.g.
# libtorch1.13, libavcodec59), plus the run-time plugins added by hand.
names=$(tr ',' '\n' <<<"$depends" | sed 's/(.*//; s/|.*//; s/ //g')
for want in libc6 libstdc++ libtorch libqt6core libqt6gui libqt6widgets libavcodec libavformat libswscale \
            libavutil qt6-qpa-plugins libopenblas0-openmp; do
  found=0
  while read -r name; do
    [[ "$name" == "$want"* && "${name#"$want"}" =~ ^[0-9.]*$ ]] && found=1
  done <<<"$names"
  [ $found = 1 ] || { echo "FAIL: Depends lacks $want"; fail=1; }
done
contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/droste ./usr/bin/droste-cli ./usr/share/applications/$id.desktop \
         ./usr/share/metainfo/$id.metainfo.xml ./usr/share/icons/hicolor/scalable/apps/$id.svg \
         ./usr/share/icons/hicolor/256x256/apps/$id.png; do
  grep -qx "$f" <<<"$contents" || { echo "FAIL: the package lacks $f"; fail=1; }
done

echo "== apt-get install $(basename "$deb")"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
  -o DPkg::Lock::Timeout=240 "$deb" >"$out/apt.log" 2>&1 || { cat "$out/apt.log"; exit 1; }
dpkg-query -W -f='installed ${Package} ${Version}\n' droste

echo "== /usr/bin/droste-cli info (no display)"
report=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM /usr/bin/droste-cli info)
echo "$report"
version=$(dpkg-deb -f "$deb" Version)
grep -q "^Droste $version\$" <<<"$report" || { echo "FAIL: droste-cli info does not report Droste $version"; fail=1; }
grep -q "^libtorch: " <<<"$report" || { echo "FAIL: droste-cli info names no libtorch"; fail=1; }
exit $fail
