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
# The map with its timeline strip, drawn by Chromium and by librsvg at the same size: the two
# renderers must agree (text antialiasing aside) on nearly every pixel.
"$bin" render --timeline --svg -o "$work/timeline.svg"
size=$(/usr/bin/python3 -c 'import re,sys; s=open(sys.argv[1]).read(2000); m=re.search(r"width=\"([0-9.]+)\" height=\"([0-9.]+)\"", s); print(f"{round(float(m[1]))},{round(float(m[2]))}")' "$work/timeline.svg")
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$size" \
  --screenshot="$work/timeline-chromium.png" "file://$work/timeline.svg" >/dev/null 2>&1
rsvg-convert -b white -o "$work/timeline-rsvg.png" "$work/timeline.svg"
/usr/bin/python3 - "$work/timeline-chromium.png" "$work/timeline-rsvg.png" "$work/timeline.svg" <<'PY'
import re, sys, zlib, struct
def decode(path):
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat = 8, b''
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
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, channels)])
        prev = line
    return width, height, rows
(w1, h1, a), (w2, h2, b) = decode(sys.argv[1]), decode(sys.argv[2])
assert (w1, h1) == (w2, h2), f'sizes differ: Chromium {w1}x{h1}, librsvg {w2}x{h2}'
# Among the pixels either draws dark (text, marks, lines), the share where they differ: a mark or a
# label one of them left out counts in full, a blank page in either fails.
# Compared on the strip: from its caption down to the key.
svg = open(sys.argv[3], encoding='utf-8').read()
top = int(float(re.search(r'class="im-timeline-caption" x="[0-9.]+" y="([0-9.]+)"', svg)[1])) - 12
bottom = min(h1, top + 120)
ink = differ = 0
for ra, rb in zip(a[top:bottom], b[top:bottom]):
    for pa, pb in zip(ra, rb):
        if min(pa) < 0xB0 or min(pb) < 0xB0:
            ink += 1
            if max(abs(x - y) for x, y in zip(pa, pb)) > 160: differ += 1
share = differ / max(1, ink)
print(f'browser-check: timeline strip (rows {top}-{bottom} of {w1}x{h1}), Chromium and librsvg differ on {share:.1%} of its drawn pixels')
assert ink > 0.01 * w1 * (bottom - top), 'the timeline strip looks blank'
assert share < 0.015, 'Chromium and librsvg draw the timeline strip differently'
PY
echo "browser-check: 2 passed, 0 failed"
