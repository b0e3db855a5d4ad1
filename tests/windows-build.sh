#!/usr/bin/env bash
# Cross-compiles the release binary for Windows (x86_64-pc-windows-gnu) and
# checks what it is: a PE32+ GUI executable carrying the icon. Lints the
# Windows build too, so Windows-only code cannot rot. Part of tests/run.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=x86_64-pc-windows-gnu
if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        gcc-mingw-w64-x86-64 file >/dev/null
fi
installed=$(rustup target list --installed)
grep -qx "$target" <<<"$installed" || rustup target add "$target"
cargo clippy --release --locked --target "$target" --bin writeback-wizard -- -D warnings
cargo build --release --locked --target "$target" --bin writeback-wizard
exe=target/$target/release/writeback-wizard.exe
kind=$(file -b "$exe")
case "$kind" in
    "PE32+ executable (GUI) x86-64"*) echo "ok: $exe: $kind" ;;
    *) echo "FAIL: $exe is \"$kind\", not a PE32+ GUI executable"; exit 1 ;;
esac
# The icon resource: RT_GROUP_ICON (type 14 = 0xe) at the top level of the
# resource directory (objdump indents those entries by three spaces).
resources=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n '/The .rsrc Resource Directory section/,$p')
if grep -Eq "^[0-9a-f]{3}   Entry: ID: 0x00000e," <<<"$resources"; then
    echo "ok: the executable carries an icon resource"
else
    echo "FAIL: no icon resource in $exe"; exit 1
fi
