#!/usr/bin/env bash
# The Windows build, run under Wine (Debian's wine64) in a throwaway prefix,
# and its MSI installed there. Part of tests/run.sh, after
# tests/windows-build.sh, whose .exe it reuses (nothing is rebuilt here but
# two small mingw test programs).
#   1. `sd decode` prints the expected SDDL.
#   2. `screenshots --out DIR` writes every page; each PNG matches the Linux
#      golden page (tests/snapshots/) within a tolerance (see below).
#   3. The GUI under Xvfb: a window titled "writeback-wizard — Welcome", a
#      screenshot of it that matches the golden Welcome page, and a clean exit
#      (status 0) when the window is closed.
#   4. A "powershell.exe" planted beside the .exe is never started by
#      `sync status` (PowerShell is started from the system directory).
#   5. The MSI (packaging/msi.sh): its tables (msiinfo), then msiexec /i /qn,
#      the installed .exe started once, an upgrade by a newer MSI, and
#      msiexec /x /qn leaving nothing behind.
# Debian 12's Wine 8 lacks bcryptprimitives.dll's ProcessPrng, which Rust's
# standard library (1.78+) needs at start-up: a test-only shim
# (tests/support/bcryptprimitives-shim.c) is built into the temporary
# directory and put beside the .exe inside the prefix only. It never ships.
# WINE_XVFB_DISPLAY picks the Xvfb display (default :95); WINE_KEEP=1 keeps
# the temporary directory (prefix, screenshots) for a look afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. tests/support/xvfb.sh
# Not the display tests/gui-smoke.sh uses, so both can run side by side.
XVFB_DISPLAY=${WINE_XVFB_DISPLAY:-:95}

target=x86_64-pc-windows-gnu
exe=target/$target/release/writeback-wizard.exe
[ -f "$exe" ] || { echo "FAIL: $exe is missing (tests/windows-build.sh builds it)"; exit 1; }

wine=/usr/lib/wine/wine64
wineserver=/usr/lib/wine/wineserver64
if [ ! -x "$wine" ] || ! command -v wixl >/dev/null || ! command -v msiinfo >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        wine64 wixl msitools >/dev/null
fi
xvfb_install
command -v x86_64-w64-mingw32-gcc >/dev/null || {
    echo "FAIL: x86_64-w64-mingw32-gcc missing (tests/windows-build.sh installs it)"; exit 1; }

work=$(mktemp -d /tmp/writeback-wine.XXXXXX)
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEARCH=win64
# No Mono or Gecko installer prompts when the prefix is created.
export WINEDLLOVERRIDES="mscoree=;mshtml="
app_pid=
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
    "$wineserver" -k 2>/dev/null || true
    xvfb_stop || true
    [ -n "${WINE_KEEP:-}" ] && echo "kept: $work" || rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
winpath() { printf 'Z:%s' "${1//\//\\}"; }
started=$(date +%s)

# The test-only DLL and the planted program.
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" \
    tests/support/bcryptprimitives-shim.c -ladvapi32 -Wl,--kill-at
x86_64-w64-mingw32-gcc -O2 -o "$work/powershell.exe" tests/support/planted-powershell.c

xvfb_start
"$wine" wineboot --init >/dev/null 2>&1
"$wineserver" -w
echo "ok: Wine prefix created ($(( $(date +%s) - started )) s)"
app_dir=$WINEPREFIX/drive_c/writeback-wizard
mkdir -p "$app_dir"
cp "$exe" "$app_dir/writeback-wizard.exe"
cp "$work/bcryptprimitives.dll" "$app_dir/"
app='C:\writeback-wizard\writeback-wizard.exe'

# 1. sd decode
b64=$(tr -d '\n' <tests/fixtures/domain-root-granted.full.b64)
domain_sid=S-1-5-21-3372081686-3581938273-1940026438
set +e
out=$(timeout 120 "$wine" "$app" --lang en sd decode "$b64" --domain-sid "$domain_sid" 2>"$work/stderr")
status=$?
set -e
[ "$status" = 0 ] || { cat "$work/stderr"; fail "the .exe did not start under Wine (sd decode: status $status)"; }
[ "$(tr -d '\r' <<<"$out")" = "$(cat tests/fixtures/domain-root-granted.sddl)" ] ||
    fail "sd decode printed \"$out\""
echo "ok: sd decode prints the expected SDDL"

# 2. every page, compared with the Linux golden pages. Tolerance: pixels
# differing by more than 4% (ImageMagick -fuzz) may cover at most 1% of the
# page. Permissions and Summary show the backup folder, which is
# C:\users\<user>\AppData\... here and a Unix path on Linux: a line of text,
# well under 1%; any other rendering difference (fonts, layout) is far more.
shots=$work/shots
mkdir -p "$shots"
timeout 300 "$wine" "$app" --lang en screenshots --out "$(winpath "$shots")" >/dev/null 2>"$work/stderr" ||
    { cat "$work/stderr"; fail "screenshots failed"; }
for golden in tests/snapshots/*.png; do
    page=$(basename "$golden")
    [ -f "$shots/$page" ] || fail "screenshots did not write $page"
    size=$(identify -format '%wx%h' "$golden")
    [ "$(identify -format '%wx%h' "$shots/$page")" = "$size" ] || fail "$page: size differs from $size"
    diff=$(compare -metric AE -fuzz 4% "$golden" "$shots/$page" null: 2>&1 || true)
    diff=${diff%%[^0-9]*}
    limit=$(( ${size%x*} * ${size#*x} / 100 ))
    [ -n "$diff" ] && [ "$diff" -le "$limit" ] ||
        fail "$page differs from the Linux golden page in ${diff:-?} pixels (limit $limit)"
    echo "ok: $page matches the golden page ($diff pixels differ, limit $limit)"
done
n_golden=$(ls tests/snapshots/*.png | wc -l)
[ "$(ls "$shots"/*.png | wc -l)" = "$n_golden" ] || fail "not $n_golden pages"

# 3. the window
"$wine" "$app" --lang en --theme light >/dev/null 2>&1 &
app_pid=$!
id=$(xvfb_wait_window writeback-wizard) || fail "no window under Wine"
sleep 1
title=$(xdotool getwindowname "$id")
case "$title" in
    "writeback-wizard — Welcome"*) echo "ok: window \"$title\"" ;;
    *) fail "title \"$title\"" ;;
esac
shot=$work/window.png
import -window "$id" "$shot"
size=$(identify -format '%wx%h' "$shot")
colors=$(convert "$shot" -format '%k' info:)
[ "$colors" -gt 50 ] || fail "the window looks empty ($colors colours)"
# The golden pages are rendered at scale 2 (2240x1560), the window at 1
# (1120x780; Wine may leave it a few pixels shorter): each golden page is
# scaled to 1120x780 and cropped to the window. The window must be nearest
# to the Welcome page, within a normalized RMSE of 0.08 (seen: 0.044 for
# Welcome, 0.14 and more for every other page).
w=${size%x*} h=${size#*x}
[ "$w" -ge 1000 ] && [ "$h" -ge 700 ] || fail "the window is only $size"
nearest= best=
for golden in tests/snapshots/*.png; do
    convert "$golden" -resize 1120x780\! -crop "${size}+0+0" +repage "$work/golden-1x.png"
    rmse=$(compare -metric RMSE "$work/golden-1x.png" "$shot" null: 2>&1 || true)
    rmse=${rmse#*(}; rmse=${rmse%)*}
    if [ -z "$best" ] || awk -v a="$rmse" -v b="$best" 'BEGIN {exit !(a < b)}'; then
        best=$rmse nearest=$(basename "$golden")
    fi
done
[ "$nearest" = 01-welcome.png ] || fail "the window looks like $nearest, not the Welcome page"
awk -v a="$best" 'BEGIN {exit !(a <= 0.08)}' || fail "the window differs from the Welcome page (RMSE $best)"
echo "ok: the window shows the Welcome page (RMSE $best against the golden page, the nearest of all)"
# Closed as a window manager closes it (WM_DELETE_WINDOW, which Wine turns
# into WM_CLOSE); X's DestroyWindow would leave the process running.
/usr/bin/python3 tests/support/x11-close.py "$id"
for _ in $(seq 150); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$app_pid" 2>/dev/null && fail "still running 15 s after its window was closed"
set +e
wait "$app_pid"
status=$?
set -e
app_pid=
[ "$status" = 0 ] || fail "exit status $status after close"
echo "ok: exited cleanly on close"

# 4. a planted powershell.exe beside the .exe is not what runs (Wine's own
# stub in system32\WindowsPowerShell\v1.0 answers instead).
marker=$WINEPREFIX/drive_c/planted-powershell-ran
cp "$work/powershell.exe" "$app_dir/powershell.exe"
timeout 120 "$wine" "$app" --lang en sync status --timeout 15 >"$work/sync.out" 2>&1 || true
[ -e "$marker" ] && fail "sync status started the powershell.exe planted beside the .exe"
# The check has teeth: started by bare name (here through the override),
# the planted one is what Windows (and Wine) finds first.
WRITEBACK_WIZARD_POWERSHELL=powershell.exe timeout 120 "$wine" "$app" --lang en sync status --timeout 15 \
    >"$work/sync.out" 2>&1 || true
[ -e "$marker" ] || fail "a bare powershell.exe did not find the planted one: this check proves nothing"
rm "$app_dir/powershell.exe" "$marker"
echo "ok: a powershell.exe planted beside the .exe is never started (by bare name it would be)"
"$wineserver" -k 2>/dev/null || true

# 5. the MSI
version=$(awk -F'"' '/^version =/ {print $2; exit}' Cargo.toml)
upgrade_code='{6B2F2C4E-8E43-4C55-9D3A-1F0E7A5B2C91}'
msi=$(bash packaging/msi.sh "$exe" "$work/msi")
property() { msiinfo export "$1" Property | awk -F'\t' -v k="$2" '$1 == k {print $2}' | tr -d '\r'; }
[ "$(property "$msi" ProductVersion)" = "${version%%[-+]*}" ] ||
    fail "MSI ProductVersion \"$(property "$msi" ProductVersion)\" is not Cargo.toml's $version"
[ "$(property "$msi" UpgradeCode)" = "$upgrade_code" ] ||
    fail "MSI UpgradeCode \"$(property "$msi" UpgradeCode)\" is not the fixed $upgrade_code"
[ "$(property "$msi" ALLUSERS)" = 1 ] || fail "MSI is not per-machine (ALLUSERS)"
# Shortcut: Start menu, the installed .exe, an icon from the Icon table.
shortcut=$(msiinfo export "$msi" Shortcut | tr -d '\r' |
    awk -F'\t' '$2 == "ProgramMenuFolder" && $5 == "[#AppExe]" && $9 != "" {print $9}')
[ -n "$shortcut" ] || fail "MSI has no Start-menu shortcut to the .exe with an icon"
# (Exporting the Icon table also writes its streams to ./Icon/: in $work.)
(cd "$work" && msiinfo export "$msi" Icon) | tr -d '\r' | awk -F'\t' -v i="$shortcut" '$1 == i {f = 1} END {exit !f}' ||
    fail "the shortcut's icon $shortcut is not in the Icon table"
msiinfo export "$msi" Directory | tr -d '\r' | grep -q $'^INSTALLDIR\tProgramFiles64Folder\twriteback-wizard$' ||
    fail "MSI does not install under Program Files"
for f in writeback-wizard.exe LICENSE.txt; do
    msiinfo export "$msi" File | tr -d '\r' | awk -F'\t' -v f="$f" '$3 == f {x = 1} END {exit !x}' ||
        fail "MSI lacks $f"
done
msiinfo export "$msi" Upgrade | grep -q WIX_UPGRADE_DETECTED || fail "MSI has no major upgrade"
echo "ok: MSI tables: version $version, upgrade code, per-machine, Start-menu shortcut with icon, licence"

installed=$WINEPREFIX/drive_c/Program\ Files/writeback-wizard
# Windows puts a per-machine install's ProgramMenuFolder under ProgramData;
# Wine 8's msi uses the user's Start menu even with ALLUSERS=1: either will do.
shortcut_file() {
    local found
    found=$(find "$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs" \
        "$WINEPREFIX/drive_c/users" -name writeback-wizard.lnk -print -quit 2>/dev/null || true)
    [ -n "$found" ] && echo "$found"
}
"$wine" msiexec /i "$(winpath "$msi")" /qn || fail "msiexec /i failed"
"$wineserver" -w
[ -f "$installed/writeback-wizard.exe" ] || fail "not installed under Program Files"
[ -f "$installed/LICENSE.txt" ] || fail "no licence installed"
shortcut_file >/dev/null || fail "no Start-menu shortcut"
echo "ok: msiexec /i /qn installed the .exe, the licence and the Start-menu shortcut"
cp "$work/bcryptprimitives.dll" "$installed/"
out=$("$wine" 'C:\Program Files\writeback-wizard\writeback-wizard.exe' --lang en sd decode "$b64" \
    --domain-sid "$domain_sid" 2>/dev/null) || fail "the installed .exe did not start"
[ "$(tr -d '\r' <<<"$out")" = "$(cat tests/fixtures/domain-root-granted.sddl)" ] ||
    fail "the installed .exe printed \"$out\""
rm "$installed/bcryptprimitives.dll"
echo "ok: the installed .exe starts"

# A newer MSI (same upgrade code) replaces the installed one.
major=${version%%.*}
newer=$(MSI_VERSION=$((major + 1)).0.0 bash packaging/msi.sh "$exe" "$work/msi-newer")
"$wine" msiexec /i "$(winpath "$newer")" /qn || fail "msiexec /i (newer) failed"
"$wineserver" -w
uninstall_entries() {
    "$wine" reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null |
        tr -d '\r' | grep -c 'DisplayName.*writeback-wizard$' || true
}
[ "$(uninstall_entries)" = 1 ] || fail "after the upgrade, $(uninstall_entries) installed products, not 1"
"$wine" reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s 2>/dev/null | tr -d '\r' |
    grep -q "DisplayVersion.*$((major + 1)).0.0" || fail "the newer version is not the installed one"
echo "ok: a newer MSI replaces the installed one"

"$wine" msiexec /x "$(winpath "$newer")" /qn || fail "msiexec /x failed"
"$wineserver" -w
[ ! -e "$installed" ] || fail "left behind after uninstall: $(ls -A "$installed" | tr '\n' ' ')"
! shortcut_file >/dev/null || fail "the Start-menu shortcut survived the uninstall: $(shortcut_file)"
[ "$(uninstall_entries)" = 0 ] || fail "still listed as installed after msiexec /x"
echo "ok: msiexec /x /qn removed everything"
echo "ok: Windows build under Wine: $(( $(date +%s) - started )) s"
