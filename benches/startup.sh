#!/usr/bin/env bash
# First frame and peak memory of the wizard under Xvfb, against an empty
# iced window built the same way (examples/empty_window.rs: same features,
# renderer, font and window size). iced shows a window only once its first
# frame is drawn, so "first frame" is the time from exec to a visible window.
# Targets: first frame ≤ 1.5 × the baseline; max RSS ≤ 60 MB.
# Usage: bash benches/startup.sh [RUNS]   (default 7; median of the runs)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. tests/support/xvfb.sh
runs=${1:-7}
xvfb_install
cargo build --release --locked -q --bin writeback-wizard --example empty_window
xvfb_start
trap xvfb_stop EXIT

# measure BINARY TITLE_PREFIX -> "first_frame_ms max_rss_kb"
measure() {
    local t0 t1 pid id rss
    t0=$(date +%s%N)
    "$1" "${@:3}" >/dev/null 2>&1 &
    pid=$!
    id=$(xvfb_wait_window "$2")
    t1=$(date +%s%N)
    sleep 1
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    /usr/bin/python3 tests/support/x11-close.py "$id"
    wait "$pid" 2>/dev/null || true
    echo "$(( (t1 - t0) / 1000000 )) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

declare -a wf wr bf br
for _ in $(seq "$runs"); do
    read -r f r < <(measure target/release/examples/empty_window baseline-window)
    bf+=("$f"); br+=("$r")
    read -r f r < <(measure target/release/writeback-wizard writeback-wizard --lang en --theme light)
    wf+=("$f"); wr+=("$r")
done
b_frame=$(printf '%s\n' "${bf[@]}" | median)
w_frame=$(printf '%s\n' "${wf[@]}" | median)
b_rss=$(printf '%s\n' "${br[@]}" | sort -n | tail -n1)
w_rss=$(printf '%s\n' "${wr[@]}" | sort -n | tail -n1)
awk -v bf="$b_frame" -v wf="$w_frame" -v br="$b_rss" -v wr="$w_rss" -v n="$runs" 'BEGIN{
    ratio = wf / bf
    printf "first frame (median of %d): wizard %d ms, empty iced window %d ms, ratio %.2f (target <= 1.5): %s\n",
        n, wf, bf, ratio, (ratio <= 1.5) ? "PASS" : "FAIL"
    printf "max RSS: wizard %.1f MB, empty iced window %.1f MB (target <= 60 MB): %s\n",
        wr/1024, br/1024, (wr/1024 <= 60) ? "PASS" : "FAIL"
}'
