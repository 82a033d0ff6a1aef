#!/usr/bin/env bash
# Opens the example's HTML report in a real browser (headless Chromium from Debian), takes a
# screenshot and checks that it is not blank; then draws the example's map with its timeline
# strip in Chromium and in librsvg and checks that they agree; then the Persian map, whose legend
# both must draw mirrored (right-aligned, at the same edge). Run by `make test-browser`.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  echo "browser-check: installing chromium (Debian)" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
bin=${INCIDENTMAP_BIN:-.build/debug/incidentmap}
[ -x "$bin" ] || swift build --product incidentmap
work=$(mktemp -d)
# "W,H" of an SVG, for Chromium's window.
svg_size() {
  /usr/bin/python3 -c 'import re,sys; s=open(sys.argv[1]).read(2000); m=re.search(r"width=\"([0-9.]+)\" height=\"([0-9.]+)\"", s); print(f"{round(float(m[1]))},{round(float(m[2]))}")' "$1"
}
trap 'rm -rf "$work"' EXIT
"$bin" report -o "$work/report"
shot=${SCREENSHOT:-$work/report.png}
# --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1800 \
  --screenshot="$shot" "file://$work/report/report.html" >/dev/null 2>&1
/usr/bin/python3 scripts/png_check.py ink "$shot"
# The map with its timeline strip, drawn by Chromium and by librsvg at the same size: the two
# renderers must agree (text antialiasing aside) on nearly every pixel.
"$bin" render --timeline --svg -o "$work/timeline.svg"
size=$(svg_size "$work/timeline.svg")
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" \
  --screenshot="$work/timeline-chromium.png" "file://$work/timeline.svg" >/dev/null 2>&1
rsvg-convert -b white -o "$work/timeline-rsvg.png" "$work/timeline.svg"
/usr/bin/python3 scripts/png_check.py compare "$work/timeline-chromium.png" "$work/timeline-rsvg.png" "$work/timeline.svg"
# The map in Persian (right to left): Chromium and librsvg end each legend line at the same column.
"$bin" render --lang fa --svg -o "$work/fa.svg"
size=$(svg_size "$work/fa.svg")
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" \
  --screenshot="$work/fa-chromium.png" "file://$work/fa.svg" >/dev/null 2>&1
rsvg-convert -b white -o "$work/fa-rsvg.png" "$work/fa.svg"
/usr/bin/python3 scripts/png_check.py mirrored "$work/fa-chromium.png" "$work/fa-rsvg.png" "$work/fa.svg"
echo "browser-check: 3 passed, 0 failed"
