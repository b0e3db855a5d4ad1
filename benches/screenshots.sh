#!/usr/bin/env bash
# Wall time of `writeback-wizard screenshots` (every page of a demo run
# rendered headlessly to PNG), per language, release build.
# Target: ≤ 2 s per language. The demo runs unpaced there (no realistic
# delays, the pilot test polls without waiting); the window keeps them.
# Usage: bash benches/screenshots.sh [RUNS]   (default 5; median of the runs)
#        PROFILE=debug bash benches/screenshots.sh   (the debug build instead)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-5}
profile=${PROFILE:-release}
if [ "$profile" = release ]; then
    cargo build --release --locked -q --bin writeback-wizard
else
    cargo build --locked -q --bin writeback-wizard
fi
bin=${CARGO_TARGET_DIR:-target}/$profile/writeback-wizard
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
for lang in en de fr es; do
    times=()
    for _ in $(seq "$runs"); do
        t0=$(date +%s%N)
        "$bin" --lang "$lang" screenshots --out "$out/$lang" >/dev/null
        t1=$(date +%s%N)
        times+=("$(( (t1 - t0) / 1000000 ))")
    done
    echo "$lang: median $(printf '%s\n' "${times[@]}" | median) ms of $runs runs (${times[*]})"
done
