#!/usr/bin/env bash
# The release binary under Xvfb: it starts, shows the Welcome page (window
# title starts with "writeback-wizard", text drawn), and exits with status 0
# when its window is closed. Part of tests/run.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. tests/support/xvfb.sh
xvfb_install
cargo build --release --locked -q
xvfb_start
trap xvfb_stop EXIT

./target/release/writeback-wizard --lang en --theme light &
app=$!
id=$(xvfb_wait_window writeback-wizard) || { echo "FAIL: no window"; kill "$app"; exit 1; }
title=$(xdotool getwindowname "$id")
case "$title" in
    "writeback-wizard — Welcome"*) echo "ok: window \"$title\"" ;;
    *) echo "FAIL: title \"$title\""; kill "$app"; exit 1 ;;
esac
sleep 0.5
shot=$(mktemp --suffix=.png)
import -window "$id" "$shot"
colors=$(convert "$shot" -format '%k' info:)
rm -f "$shot"
[ "$colors" -gt 50 ] || { echo "FAIL: the window looks empty ($colors colours)"; kill "$app"; exit 1; }
echo "ok: Welcome drawn ($colors colours)"
# Read it whole first: `xprop | grep -q` would die of SIGPIPE under pipefail.
icon=$(xprop -id "$id" _NET_WM_ICON)
if grep -q "Icon (64 x 64)" <<<"$icon"; then
    echo "ok: the window carries the 64x64 icon (_NET_WM_ICON)"
else
    echo "FAIL: no window icon (_NET_WM_ICON)"; kill "$app"; exit 1
fi
/usr/bin/python3 tests/support/x11-close.py "$id"
for _ in $(seq 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then echo "FAIL: still running after close"; kill "$app"; exit 1; fi
wait "$app"; status=$?
[ "$status" = 0 ] || { echo "FAIL: exit status $status"; exit 1; }
echo "ok: exited cleanly on close"
