"""Rivers for the map, from GSHHG 2.3.7's WDBII river lines (binned_river_h.nc, the "high"
resolution GMT ships), as Debian's gmt-gshhg-high packages them (LGPL-3+).

Input: one JSON file per netCDF variable, as `gdalmdiminfo -detailed -array NAME` writes it
(build_rivers.sh), so that no netCDF library is needed beyond GDAL.

GMT's binned format (no user documentation; this follows GMT's gmt_shore.c, gmt_init_br and
gmt_get_br_bin): the globe is cut into square bins of `Bin_size_in_minutes`, numbered row by row
from 90°N and 0°E; each bin lists its segments (`Id_of_first_segment_in_a_bin`,
`N_segments_in_a_bin`); each segment has a level, a first point and a point count; a point is
stored as two unsigned 16-bit offsets from the bin's south-west corner, 65535 = one bin. A river
that crosses bins is cut at the bin edges, where both pieces share the edge point.

Output: rivers.geojson, the levels a map draws (WDBII's classes):
  1 permanent major rivers, 2 additional major rivers, 3 additional rivers,
  5 intermittent major rivers, 6 intermittent additional rivers.
(0: double-lined rivers' banks, drawn by the lakes; 4 and 7 minor rivers; 8-10 canals: left out.)
The pieces of one river are joined again where exactly two pieces of one level meet at a bin edge.
Properties: `class` (the level), `intermittent` (bool), `km` (geodesic length on WGS84's mean
radius, 1 decimal). Coordinates to 5 decimals (about 1 m; the data's own step is 2°/65535, 3.4 m).
WDBII rivers have no names. Features sorted by class, then length (longest first), then first
point, so that every build writes the same bytes.
"""
import json
import math
import sys
from collections import defaultdict

LEVELS = {1: False, 2: False, 3: False, 5: True, 6: True}  # level -> intermittent
UNIT = 65535


def values(folder, name):
    with open(f"{folder}/{name}.json", encoding="utf-8") as f:
        return json.load(f)["values"]


def pieces(folder):
    """Every segment of a kept level: (level, [(gx, gy)]) in integer units of 1/65535 bin from 0°E, 90°S."""
    size = values(folder, "Bin_size_in_minutes")[0]
    nx = values(folder, "N_bins_in_360_longitude_range")[0]
    ny = 180 * 60 // size
    first_seg = values(folder, "Id_of_first_segment_in_a_bin")
    n_seg = values(folder, "N_segments_in_a_bin")
    n_pts = values(folder, "N_points_for_a_segment")
    level = values(folder, "Hierarchial_level_of_a_segment")
    first_pt = values(folder, "Id_of_first_point_in_a_segment")
    dx = values(folder, "Relative_longitude_from_SW_corner_of_bin")
    dy = values(folder, "Relative_latitude_from_SW_corner_of_bin")
    out = []
    for b in range(len(n_seg)):
        bx, by = b % nx, ny - 1 - b // nx  # by counts bins from the south pole
        for s in range(first_seg[b], first_seg[b] + n_seg[b]):
            if level[s] not in LEVELS:
                continue
            p0 = first_pt[s]
            pts = [(bx * UNIT + (dx[i] & 0xFFFF), by * UNIT + (dy[i] & 0xFFFF)) for i in range(p0, p0 + n_pts[s])]
            if len(pts) >= 2:
                out.append((level[s], pts))
    return size, out


def on_edge(pt):
    return pt[0] % UNIT == 0 or pt[1] % UNIT == 0


def join(segments):
    """Joins pieces of one level that meet end to end at a bin edge, and only two there."""
    ends = defaultdict(list)
    for i, pts in enumerate(segments):
        ends[pts[0]].append(i)
        ends[pts[-1]].append(i)
    used = [False] * len(segments)
    lines = []

    def partner(tip):
        """The unused piece that continues the line at `tip`, if `tip` is a bin edge two pieces share."""
        if not on_edge(tip) or len(ends[tip]) != 2:
            return None
        free = [k for k in ends[tip] if not used[k]]
        return free[0] if len(free) == 1 else None

    for i in range(len(segments)):
        if used[i]:
            continue
        used[i] = True
        line = list(segments[i])
        for forward in (True, False):
            while True:
                tip = line[-1] if forward else line[0]
                j = partner(tip)
                if j is None:
                    break
                used[j] = True
                seg = segments[j]
                if forward:
                    line += (seg if seg[0] == tip else seg[::-1])[1:]
                else:
                    line = (seg if seg[-1] == tip else seg[::-1])[:-1] + line
        lines.append(line)
    return lines


def lon_lat(pt, size):
    deg = size / 60 / UNIT
    lon, lat = pt[0] * deg, pt[1] * deg - 90
    if lon > 180:
        lon -= 360
    return (round(lon, 5), round(lat, 5))


def km(coords):
    r = 6371.0088
    total = 0.0
    for (a, b), (c, d) in zip(coords, coords[1:]):
        p1, p2 = math.radians(b), math.radians(d)
        h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(c - a) / 2) ** 2
        total += 2 * r * math.asin(min(1.0, math.sqrt(h)))
    return total


def main():
    folder, out = sys.argv[1:3]
    size, segs = pieces(folder)
    by_level = defaultdict(list)
    for lvl, pts in segs:
        by_level[lvl].append(pts)
    feats = []
    for lvl in sorted(by_level):
        for line in join(by_level[lvl]):
            coords = [lon_lat(p, size) for p in line]
            coords = [c for k, c in enumerate(coords) if k == 0 or c != coords[k - 1]]
            if len(coords) < 2:
                continue
            feats.append({"type": "Feature",
                          "properties": {"class": lvl, "intermittent": LEVELS[lvl], "km": round(km(coords), 1)},
                          "geometry": {"type": "LineString", "coordinates": [list(c) for c in coords]}})
    feats.sort(key=lambda f: (f["properties"]["class"], -f["properties"]["km"], f["geometry"]["coordinates"][0]))
    with open(f"{out}/rivers.geojson.tmp", "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","features":[\n')
        f.write(",\n".join(json.dumps(ft, separators=(",", ":")) for ft in feats))
        f.write("\n]}\n")
    import os
    os.replace(f"{out}/rivers.geojson.tmp", f"{out}/rivers.geojson")
    count = defaultdict(lambda: [0, 0, 0.0])
    for ft in feats:
        c = count[ft["properties"]["class"]]
        c[0] += 1
        c[1] += len(ft["geometry"]["coordinates"])
        c[2] += ft["properties"]["km"]
    for lvl, (n, v, k) in sorted(count.items()):
        print(f"rivers.geojson: class {lvl}: {n} lines, {v} vertices, {k:,.0f} km", file=sys.stderr)
    print(f"rivers.geojson: {len(segs)} pieces joined into {len(feats)} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
