"""Hill shading and lakes for the map, from Natural Earth's physical data.

relief.bin: Natural Earth's shaded relief (cross-blended: hypsometric tints, water and shading in
one picture) reduced to its shading alone, so that a map can lay it over its own colours.  The
shading of a pixel is its luminance divided by the mean luminance of the land within 6 pixels
(about 22 km); the slow change of the tints cancels and the light and shadow of the slopes stay.
Water (bluish pixels, and one pixel around them, where the JPEG blurs the coast) is flat.

Format: 16 bytes of header, b"IMRELIEF", width and height as little-endian uint32; then one byte
per pixel, rows from north to south, columns from 180°W eastwards (2 arc-minutes per pixel),
128 = flat, less = shadow, more = light.

lakes.geojson: Natural Earth 10m lakes (name, scalerank, featurecla), coordinates to 5 decimals,
features sorted by scalerank then name so the file is the same on every run.
"""
import json
import struct
import sys

import numpy as np

W, H = 10800, 5400
RADIUS = 6


def box_mean(x, rad):
    """Mean over a (2·rad+1)² box: wrapping east–west, clamped at the poles."""
    c = np.cumsum(np.concatenate([x[:, -rad - 1:], x, x[:, :rad]], axis=1), axis=1, dtype=np.float64)
    x = (c[:, 2 * rad + 1:] - c[:, :-2 * rad - 1]) / (2 * rad + 1)
    p = np.concatenate([np.repeat(x[:1], rad + 1, 0), x, np.repeat(x[-1:], rad, 0)], axis=0)
    c = np.cumsum(p, axis=0)
    return (c[2 * rad + 1:] - c[:-2 * rad - 1]) / (2 * rad + 1)


def shading(rgb_path):
    a = np.fromfile(rgb_path, dtype=np.uint8)
    assert a.size == W * H * 3, f"{rgb_path}: {a.size} bytes, expected {W}x{H}x3"
    a = a.reshape(H, W, 3).astype(np.float32)
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    lum = 0.299 * r + 0.587 * g + 0.114 * b
    water = (b > r + 8) & (b >= g)
    # One pixel around the water too: the JPEG mixes the coast into a light seam.
    grown = water.copy()
    grown[1:, :] |= water[:-1, :]; grown[:-1, :] |= water[1:, :]
    grown[:, 1:] |= water[:, :-1]; grown[:, :-1] |= water[:, 1:]
    land = (~water).astype(np.float32)
    num, den = box_mean(lum * land, RADIUS), box_mean(land, RADIUS)
    mean = np.where(den > 0.05, num / np.maximum(den, 1e-6), lum)
    s = np.clip(128 + 255 * (lum / np.maximum(mean, 1.0) - 1.0), 1, 255)
    s[grown] = 128
    return np.rint(s).astype(np.uint8)


def lakes(path):
    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    feats = []
    for ft in fc["features"]:
        p = ft["properties"]
        if ft.get("geometry") is None:
            continue
        feats.append({"type": "Feature",
                      "properties": {"name": p.get("name") or None, "scalerank": int(p.get("scalerank") or 0),
                                     "featurecla": p.get("featurecla") or None},
                      "geometry": ft["geometry"]})
    feats.sort(key=lambda f: (f["properties"]["scalerank"], f["properties"]["name"] or "", json.dumps(f["geometry"])[:64]))
    return {"type": "FeatureCollection", "features": feats}


def main():
    rgb, lakes_path, out = sys.argv[1:4]
    s = shading(rgb)
    with open(f"{out}/relief.bin.tmp", "wb") as f:
        f.write(b"IMRELIEF" + struct.pack("<II", W, H))
        f.write(s.tobytes())
    land = s[s != 128]
    print(f"relief.bin: {W}x{H}, shading percentiles 1/50/99: {np.percentile(land, [1, 50, 99])}", file=sys.stderr)
    fc = lakes(lakes_path)
    with open(f"{out}/lakes.geojson.tmp", "w", encoding="utf-8") as f:
        json.dump(fc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"lakes.geojson: {len(fc['features'])} lakes, {sum(1 for x in fc['features'] if x['properties']['name'])} named", file=sys.stderr)
    import os
    os.replace(f"{out}/relief.bin.tmp", f"{out}/relief.bin")
    os.replace(f"{out}/lakes.geojson.tmp", f"{out}/lakes.geojson")


if __name__ == "__main__":
    main()
