#!/usr/bin/env bash
# The demo's HTML runbook in a real browser: exported by the binary, opened
# offline in headless Chromium (Debian's package, installed when missing),
# screenshotted; the PNG must exist and show a page, not a blank. Part of
# tests/run.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v chromium >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
# WRITEBACK_WIZARD_BIN names another build (e.g. target/debug/…).
bin=${WRITEBACK_WIZARD_BIN:-}
if [ -z "$bin" ]; then
    cargo build --release --locked -q
    bin=./target/release/writeback-wizard
fi

work=$(mktemp -d)
profile=$(mktemp -d)
cleanup() { rm -rf "$work" "$profile"; }
trap cleanup EXIT

"$bin" --lang en runbook --demo --out "$work" >/dev/null
html="$work/runbook.html"
[ -s "$html" ] || { echo "FAIL: no runbook written"; exit 1; }
echo "ok: runbook exported ($(stat -c %s "$html") bytes)"

# Offline: every host name resolves to nothing, so the page can only show
# what the file itself holds.
shot="$work/runbook.png"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --host-resolver-rules="MAP * ~NOTFOUND" \
    --user-data-dir="$profile" --hide-scrollbars \
    --window-size=1280,4000 --screenshot="$shot" "file://$html" >/dev/null 2>&1 || true
[ -s "$shot" ] || { echo "FAIL: Chromium wrote no screenshot"; exit 1; }
size=$(stat -c %s "$shot")
[ "$size" -gt 50000 ] || { echo "FAIL: the screenshot is nearly empty ($size bytes)"; exit 1; }
if command -v convert >/dev/null; then
    colors=$(convert "$shot" -format '%k' info:)
    [ "$colors" -gt 200 ] || { echo "FAIL: the page looks blank ($colors colours)"; exit 1; }
    echo "ok: Chromium rendered the runbook ($size bytes, $colors colours)"
else
    echo "ok: Chromium rendered the runbook ($size bytes)"
fi
if [ -n "${RUNBOOK_SCREENSHOT:-}" ]; then cp "$shot" "$RUNBOOK_SCREENSHOT"; fi
