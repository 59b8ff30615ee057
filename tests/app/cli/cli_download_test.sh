#!/usr/bin/env bash
# droste-cli download against the fake Hub: exit 0, the snapshot folder on stdout, every fixture file
# byte-identical in it; then the error paths (404, unreachable) exit 1 with their message.
# Usage: cli_download_test.sh DROSTE_CLI FAKE_HUB FIXTURES_DIR   ($DROSTE_FIXTURES overrides FIXTURES_DIR)
set -euo pipefail
cli="$1" fake="$2" model="${DROSTE_FIXTURES:-$3}/tiny-sd2-inpainting"
work=$(mktemp -d)
"$fake" test-org/tiny "$model" >"$work/endpoint" & server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do [ -s "$work/endpoint" ] && break; sleep 0.1; done
endpoint=$(head -1 "$work/endpoint")
export HF_ENDPOINT="$endpoint" HF_HUB_CACHE="$work/cache" HF_TOKEN_PATH="$work/none"
unset HF_TOKEN HF_HUB_OFFLINE QT_QPA_PLATFORM DISPLAY

snapshot=$("$cli" download test-org/tiny 2>"$work/log") || { cat "$work/log"; exit 1; }
cat "$work/log"
echo "snapshot: $snapshot"
[ "$snapshot" = "$work/cache/models--test-org--tiny/snapshots/0123456789abcdef0123456789abcdef01234567" ]
(cd "$model" && find . -type f) | while read -r f; do cmp "$model/$f" "$snapshot/$f"; done
grep -q "100%" "$work/log"

if "$cli" download test-org/missing >/dev/null 2>"$work/err"; then echo "404 exited 0"; exit 1; fi
grep -q "There is no model test-org/missing" "$work/err" || { cat "$work/err"; exit 1; }
if HF_ENDPOINT=http://127.0.0.1:1 "$cli" download test-org/tiny >/dev/null 2>"$work/err"; then echo "offline exited 0"; exit 1; fi
grep -q "Cannot reach http://127.0.0.1:1" "$work/err" || { cat "$work/err"; exit 1; }
echo "droste-cli download: ok"
