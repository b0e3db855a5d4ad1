#!/usr/bin/env bash
# Renders icon.svg to the PNG sizes and the Windows .ico (ImageMagick).
# The outputs are committed; run this only after changing icon.svg.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for s in 16 32 48 64 128 256; do
    convert -background none -density 384 icon.svg -resize "${s}x${s}" -depth 8 "PNG32:icon-$s.png"
done
convert icon-16.png icon-32.png icon-48.png icon-64.png icon-128.png icon-256.png icon.ico
