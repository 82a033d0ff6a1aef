#!/usr/bin/env python3
"""Checks the relief image of an SVG map against GDAL's own warp of the same grid.

    relief_check.py MAP.svg RELIEF.bin WORKDIR [INCIDENT-ID]

With an incident id, only the image within 24 image px of that incident's marker is compared
(a known peak's neighbourhood: its shading must lie on the marker as GDAL places it).

GDAL (gdalwarp, its own resampling code) warps relief.bin to the map's CRS and frame, read from
the SVG's georeference metadata (CRS and affine) and the image's box. Across the antimeridian two
of gdalwarp's defaults would smear it: the approximate transformer interpolates longitudes
straight across 180° (-et 0 turns it off), and a source window as wide as the world makes it
average as if downsampling (XSCALE=YSCALE=1 keeps the plain bilinear). The image the map embeds
is decoded and its signed shading (light +alpha, shadow -alpha) compared with GDAL's (value-128).
Prints `pixels W H correlation C shift DX DY`: the Pearson correlation at the best shift of our
image against GDAL's within ±4 px, and that shift. A map whose relief is misplaced by k pixels
gives a best shift of k; an unrelated image a low correlation.
"""
import base64, json, os, re, subprocess, sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', '..', 'scripts'))
from png_check import decode  # noqa: E402

svg_path, relief, work = sys.argv[1:4]
around = sys.argv[4] if len(sys.argv) > 4 else None
svg = open(svg_path, encoding='utf-8').read()
meta = json.loads(re.search(r'<metadata id="[^"]*georeference">(.*?)</metadata>', svg, re.S).group(1)
                  .replace('&quot;', '"').replace('&amp;', '&'))
img = re.search(r'<image id="[^"]*relief"([^>]*)>', svg).group(1)
attr = dict(re.findall(r'([\w:-]+)="([^"]*)"', img))
x, y, w, h = (float(attr[k]) for k in ('x', 'y', 'width', 'height'))
png_path = os.path.join(work, 'relief-ours.png')
open(png_path, 'wb').write(base64.b64decode(attr['href'].split(',', 1)[1]))
W, H, rows = decode(png_path)
ours = [[(a if g == 255 else -a) for g, a in row] for row in rows]

a, b, c, d, e, f = meta['affine']
xmin, xmax = (x - c) / a, (x + w - c) / a
ytop, ybottom = (y - f) / e, (y + h - f) / e
with open(relief, 'rb') as fh:
    head = fh.read(16)
gw, gh = int.from_bytes(head[8:12], 'little'), int.from_bytes(head[12:16], 'little')
vrt = os.path.join(work, 'relief.vrt')
open(vrt, 'w').write(f'''<VRTDataset rasterXSize="{gw}" rasterYSize="{gh}">
  <SRS>EPSG:4326</SRS>
  <GeoTransform>-180, {360 / gw!r}, 0, 90, 0, {-180 / gh!r}</GeoTransform>
  <VRTRasterBand dataType="Byte" band="1" subClass="VRTRawRasterBand">
    <NoDataValue>0</NoDataValue>
    <SourceFilename relativeToVRT="0">{os.path.abspath(relief)}</SourceFilename>
    <ImageOffset>16</ImageOffset><PixelOffset>1</PixelOffset><LineOffset>{gw}</LineOffset>
  </VRTRasterBand>
</VRTDataset>
''')
out = os.path.join(work, 'relief-gdal.raw')
for suffix in ('', '.hdr', '.aux.xml'):
    if os.path.exists(out + suffix):
        os.remove(out + suffix)
subprocess.run(['gdalwarp', '-q', '-overwrite', '-of', 'ENVI', '-t_srs', meta['crs'], '-te', repr(xmin), repr(ybottom), repr(xmax), repr(ytop),
                '-ts', str(W), str(H), '-r', 'bilinear', '-et', '0', '-wo', 'XSCALE=1', '-wo', 'YSCALE=1', '-dstnodata', '0', vrt, out], check=True)
raw = open(out, 'rb').read()
theirs = [[raw[j * W + i] for i in range(W)] for j in range(H)]

R = 4
rows_, cols_ = range(R, H - R), range(R, W - R)
if around:
    mx, my = (float(v) for v in re.search(r'data-incident-id="' + re.escape(around) + r'" transform="translate\(([-0-9.]+),([-0-9.]+)\)"', svg).groups())
    ci, cj = round((mx - x) * W / w), round((my - y) * H / h)
    rows_, cols_ = range(max(R, cj - 24), min(H - R, cj + 25)), range(max(R, ci - 24), min(W - R, ci + 25))
    print(f'marker at image px {ci} {cj};', end=' ')
def correlation(dx, dy):
    n = sx = sy = sxx = syy = sxy = 0
    for j in rows_:
        ro, rt = ours[j + dy], theirs[j]
        for i in cols_:
            t = rt[i]
            if t == 0:
                continue
            o, t = ro[i + dx], t - 128
            n += 1; sx += o; sy += t; sxx += o * o; syy += t * t; sxy += o * t
    if n < 100:
        return -1.0
    vx, vy = sxx - sx * sx / n, syy - sy * sy / n
    return (sxy - sx * sy / n) / ((vx * vy) ** 0.5) if vx > 0 and vy > 0 else -1.0

best = max(((correlation(dx, dy), dx, dy) for dy in range(-R, R + 1) for dx in range(-R, R + 1)))
print(f'pixels {W} {H} correlation {best[0]:.4f} shift {best[1]} {best[2]}')
