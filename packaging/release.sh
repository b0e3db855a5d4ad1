#!/usr/bin/env bash
# Builds the release packages into dist/:
#   writeback-wizard-<version>-windows-x86_64.msi  (installer: packaging/msi.sh)
#   writeback-wizard-<version>-windows-x86_64.zip  (the .exe, README, LICENSE)
#   writeback-wizard-<version>-linux-x86_64.tar.gz (the binary, README, LICENSE, icon)
#   winget/<version>/*.yaml                        (packaging/winget/, filled in:
#                                                   version, SHA-256; WINGET_URL_BASE
#                                                   sets the download address)
# Needs the Windows target and linker (tests/windows-build.sh installs them)
# and wixl (packaging/msi.sh installs it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
version=$(awk -F'"' '/^version =/ {print $2; exit}' Cargo.toml)
name=writeback-wizard-$version
command -v zip >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zip >/dev/null
bash tests/windows-build.sh >/dev/null
cargo build --release --locked -q --bin writeback-wizard
rm -rf dist && mkdir -p "dist/$name-windows-x86_64" "dist/$name-linux-x86_64"
cp target/x86_64-pc-windows-gnu/release/writeback-wizard.exe README.md LICENSE "dist/$name-windows-x86_64/"
cp target/release/writeback-wizard README.md LICENSE assets/icon/icon-256.png "dist/$name-linux-x86_64/"
(cd dist && zip -qr "$name-windows-x86_64.zip" "$name-windows-x86_64" \
    && tar -czf "$name-linux-x86_64.tar.gz" "$name-linux-x86_64" \
    && rm -rf "$name-windows-x86_64" "$name-linux-x86_64")
bash packaging/msi.sh target/x86_64-pc-windows-gnu/release/writeback-wizard.exe dist >/dev/null
msi=$name-windows-x86_64.msi
sha=$(sha256sum "dist/$msi" | cut -d' ' -f1)
url=${WINGET_URL_BASE:-https://example.invalid/releases/download/v$version}/$msi
mkdir -p "dist/winget/$version"
for f in packaging/winget/*.yaml; do
    sed -e "s|{{VERSION}}|$version|g" -e "s|{{SHA256}}|${sha^^}|g" -e "s|{{URL}}|$url|g" \
        "$f" >"dist/winget/$version/$(basename "$f")"
done
ls -lR dist
