#!/usr/bin/env bash
# Helpers for running windows under Xvfb (sourced by tests/gui-smoke.sh and
# benches/startup.sh): start/stop our own Xvfb by PID, wait for a window.
XVFB_DISPLAY=${XVFB_DISPLAY:-:97}

xvfb_install() {
    command -v Xvfb >/dev/null && command -v xdotool >/dev/null && command -v import >/dev/null \
        && /usr/bin/python3 -c 'import Xlib' 2>/dev/null && return 0
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        xvfb xdotool python3-xlib x11-utils imagemagick >/dev/null
}

xvfb_start() {
    Xvfb "$XVFB_DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    export DISPLAY=$XVFB_DISPLAY
    for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && return 0; sleep 0.05; done
    echo "Xvfb did not start" >&2; return 1
}

xvfb_stop() {
    [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
    XVFB_PID=
}

# Waits until a visible window whose name starts with $1 exists; prints its id.
xvfb_wait_window() {
    local id
    for _ in $(seq 2000); do
        id=$(xdotool search --onlyvisible --name "^$1" 2>/dev/null | awk 'NR == 1')
        [ -n "$id" ] && { echo "$id"; return 0; }
        sleep 0.005
    done
    return 1
}
