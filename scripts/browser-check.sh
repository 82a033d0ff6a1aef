#!/usr/bin/env bash
# Opens the example's HTML report in a real browser (headless Chromium from Debian), takes a
# screenshot and checks that it is not blank; then draws the example's map with its timeline
# strip in Chromium and in librsvg and checks that they agree. Run by `make test-browser`.
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
size=$(/usr/bin/python3 -c 'import re,sys; s=open(sys.argv[1]).read(2000); m=re.search(r"width=\"([0-9.]+)\" height=\"([0-9.]+)\"", s); print(f"{round(float(m[1]))},{round(float(m[2]))}")' "$work/timeline.svg")
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" \
  --screenshot="$work/timeline-chromium.png" "file://$work/timeline.svg" >/dev/null 2>&1
rsvg-convert -b white -o "$work/timeline-rsvg.png" "$work/timeline.svg"
/usr/bin/python3 scripts/png_check.py compare "$work/timeline-chromium.png" "$work/timeline-rsvg.png" "$work/timeline.svg"
echo "browser-check: 2 passed, 0 failed"
