#!/usr/bin/env python3
"""PNG checks for scripts/browser-check.sh, with the standard library only (no PIL here).

    png_check.py ink SHOT.png           the screenshot is large and not blank
    png_check.py compare A.png B.png MAP.svg
                                        two renderings of MAP.svg agree on its timeline strip
    png_check.py columns SHOT.png [TOP BOTTOM]
                                        prints the first and last column with ink (rows TOP..BOTTOM)
    png_check.py mirrored A.png B.png MAP.svg
                                        two renderings of a right-to-left MAP.svg end its legend's
                                        lines at the same right edge, near the panel's
"""
import re, struct, sys, zlib


def decode(path):
    """Width, height and rows of an 8-bit PNG: (r, g, b) per pixel, (grey, alpha) or (grey,)."""
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', f'{path}: not a PNG'
    pos, idat, width, height, colour = 8, b'', 0, 0, 2
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
        rows.append([tuple(line[x:x + min(channels, 3)]) for x in range(0, stride, channels)])
        prev = line
    return width, height, rows


def ink(shot):
    width, height, rows = decode(shot)
    # Share of pixels that are not (near) white: a blank page has none.
    share = sum(1 for row in rows for p in row if min(p) < 0xF0) / (width * height)
    print(f'browser-check: screenshot {width}x{height}, {share:.1%} of pixels not white')
    assert width >= 1000 and height >= 1000, 'screenshot too small'
    assert share > 0.05, 'the page looks blank'


def compare(first, second, svg_path):
    (w1, h1, a), (w2, h2, b) = decode(first), decode(second)
    assert (w1, h1) == (w2, h2), f'sizes differ: {w1}x{h1} and {w2}x{h2}'
    # Compared on the strip: from its caption down to the key.
    svg = open(svg_path, encoding='utf-8').read()
    top = int(float(re.search(r'class="im-timeline-caption" x="[0-9.]+" y="([0-9.]+)"', svg)[1])) - 12
    bottom = min(h1, top + 120)
    # Among the pixels either draws dark (text, marks, lines), the share where they differ
    # outright: antialiased edges differ a little, a mark or a label one left out in full.
    drawn = differ = 0
    for ra, rb in zip(a[top:bottom], b[top:bottom]):
        for pa, pb in zip(ra, rb):
            if min(pa) < 0xB0 or min(pb) < 0xB0:
                drawn += 1
                if max(abs(x - y) for x, y in zip(pa, pb)) > 160:
                    differ += 1
    share = differ / max(1, drawn)
    print(f'browser-check: timeline strip (rows {top}-{bottom} of {w1}x{h1}), Chromium and librsvg differ on {share:.1%} of its drawn pixels')
    assert drawn > 0.01 * w1 * (bottom - top), 'the timeline strip looks blank'
    # 0.5% when both draw everything; 2.8% with the example's three marks left out of one.
    assert share < 0.015, 'Chromium and librsvg draw the timeline strip differently'


def ink_columns(rows, top=0, bottom=None, left=0, right=None):
    """First and last column (from `left`) with a dark pixel in rows top..bottom, or None."""
    cols = [x for row in rows[top:bottom] for x, p in enumerate(row[left:right], start=left) if min(p) < 0xB0]
    return (min(cols), max(cols)) if cols else None


def columns(shot, top='0', bottom='-1'):
    _, height, rows = decode(shot)
    found = ink_columns(rows, int(top), height if int(bottom) < 0 else int(bottom))
    print('none' if found is None else f'{found[0]} {found[1]}')


def mirrored(first, second, svg_path):
    """The legend of a right-to-left map as two renderers draw it: each text line ends (its
    rightmost ink) at the same column in both, within 3 px, and near the panel's right edge."""
    (w1, h1, a), (w2, h2, b) = decode(first), decode(second)
    assert (w1, h1) == (w2, h2), f'sizes differ: {w1}x{h1} and {w2}x{h2}'
    svg = open(svg_path, encoding='utf-8').read()
    gx, gy = (float(v) for v in re.search(r'id="im-layer-legend" transform="translate\(([-0-9.]+),([-0-9.]+)\)"', svg).groups())
    width = float(re.search(r'id="im-layer-legend"[^>]*>\s*<rect class="im-panel" x="0" y="0" width="([0-9.]+)"', svg)[1])
    texts = [float(y) for y in re.findall(r'<text class="im-legend-text[^"]*" x="[0-9.]+" y="([0-9.]+)"', svg)]
    assert texts, 'no legend text'
    # Only the text: from the panel's left edge up to 28 px from its right, where the symbols are.
    left, right = round(gx) + 2, round(gx + width) - 28
    for y in texts:
        top, bottom = round(gy + y) - 11, round(gy + y) + 3
        ca, cb = ink_columns(a, top, bottom, left, right), ink_columns(b, top, bottom, left, right)
        assert ca and cb, f'legend line at y={y}: no ink in one rendering ({ca}, {cb})'
        assert abs(ca[1] - cb[1]) <= 3, f'legend line at y={y} ends at x={ca[1]} in one and x={cb[1]} in the other'
        assert right - ca[1] <= 14, f'legend line at y={y} is not right-aligned (ends at x={ca[1]}, panel text edge {right})'
    print(f'browser-check: {len(texts)} legend lines of the right-to-left map end at the same right edge in both')


if __name__ == '__main__':
    {'ink': ink, 'compare': compare, 'columns': columns, 'mirrored': mirrored}[sys.argv[1]](*sys.argv[2:])
