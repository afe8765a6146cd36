#!/usr/bin/env bash
# Re-render the committed PNG icons from pizhu.svg (needs rsvg-convert: apt-get install librsvg2-bin).
# The PNGs are committed so that building and installing need no SVG renderer.
set -euo pipefail
cd "$(dirname "$0")"
for size in 48 128 256; do
  rsvg-convert --width "$size" --height "$size" pizhu.svg --output "pizhu-$size.png"
done
