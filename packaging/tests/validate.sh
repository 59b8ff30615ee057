#!/usr/bin/env bash
# The desktop file and the AppStream metainfo pass their validators, and the newest release in the
# metainfo is the version CMake builds (a release without release notes fails here).
# Usage: validate.sh RESOURCES_DIR APP_ID PROJECT_VERSION
set -euo pipefail
dir="$1" id="$2" version="$3"
desktop="$dir/$id.desktop" metainfo="$dir/$id.metainfo.xml"

echo "== desktop-file-validate $desktop"
desktop-file-validate "$desktop"
echo "== appstreamcli validate --strict $metainfo"
appstreamcli validate --no-net --strict "$metainfo"

grep -qx "Icon=$id" "$desktop" || { echo "FAIL: $desktop must say Icon=$id"; exit 1; }
newest=$(grep -o '<release [^>]*version="[^"]*"' "$metainfo" | head -1 | sed 's/.*version="\([^"]*\)".*/\1/')
if [ "$newest" != "$version" ]; then
  echo "FAIL: the newest <release> in $metainfo is '$newest' but the project version is $version:" \
       "add release notes for $version at the top of <releases>"
  exit 1
fi
echo "validators pass; newest release $newest = project version"
