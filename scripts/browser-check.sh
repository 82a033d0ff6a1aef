#!/usr/bin/env bash
# Opens the example's HTML report in a real browser (headless Chromium from Debian),
# takes a screenshot and checks that it is not blank. Run by `make test-browser`.
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
/usr/bin/python3 - "$shot" <<'PY'
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
pos, idat, width, height = 8, b'', 0, 0
while pos < len(data):
    length, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b'IHDR':
        width, height, depth, colour = struct.unpack('>IIBB', body[:10])
    elif kind == b'IDAT':
        idat += body
    pos += 12 + length
raw = zlib.decompress(idat)
channels = {2: 3, 6: 4, 0: 1, 4: 2}[colour]
stride = width * channels
rows, prev, i = [], bytearray(stride), 0
for _ in range(height):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - channels] if x >= channels else 0
        b = prev[x]
        c = prev[x - channels] if x >= channels else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line)
    prev = line
# Share of pixels that are not (near) white: a blank page has none.
ink = sum(1 for line in rows for x in range(0, stride, channels) if min(line[x:x + 3]) < 0xF0) / (width * height)
print(f'browser-check: screenshot {width}x{height}, {ink:.1%} of pixels not white')
assert width >= 1000 and height >= 1000, 'screenshot too small'
assert ink > 0.05, 'the page looks blank'
PY
echo "browser-check: 1 passed, 0 failed"
