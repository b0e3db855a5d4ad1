#!/usr/bin/env bash
# Builds the Windows installer from an already built .exe with msitools'
# wixl (packaging/wix/writeback-wizard.wxs). Used by packaging/release.sh and
# tests/windows-wine.sh.
# Usage: packaging/msi.sh EXE OUT_DIR   -> prints the .msi's path
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
exe=${1:?usage: packaging/msi.sh EXE OUT_DIR}
out=${2:?usage: packaging/msi.sh EXE OUT_DIR}
command -v wixl >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    wixl msitools >/dev/null
version=$(awk -F'"' '/^version =/ {print $2; exit}' Cargo.toml)
# MSI versions are major.minor.build (numbers only): 0.1.0-beta.2 -> 0.1.0.
# MSI_VERSION overrides (tests/windows-wine.sh builds a "newer" MSI with it).
msi_version=${MSI_VERSION:-${version%%[-+]*}}
mkdir -p "$out"
msi=$(realpath "$out")/writeback-wizard-${MSI_VERSION:-$version}-windows-x86_64.msi
# wixl takes source files by relative path only: stage them.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$exe" "$stage/writeback-wizard.exe"
cp LICENSE "$stage/LICENSE.txt"
cp README.md packaging/wix/writeback-wizard.wxs assets/icon/icon.ico "$stage/"
(cd "$stage" && wixl --arch x64 -o "$msi" -D Version="$msi_version" writeback-wizard.wxs >&2)
echo "$msi"
