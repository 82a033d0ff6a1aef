#!/usr/bin/env python3
"""Expected country, nearest land border and its geodesic distance for the points of
points.csv, computed from the built data (Gazetteer/data) with shapely and pyproj, not with
incidentmap's code, and written to expected.json.

Run only on demand, when the data or the points change, with the gazetteer build's venv:

    $GAZETTEER_CACHE/venv/bin/python Tests/EndToEndTests/Fixtures/world/expected.py

Country: the country polygon that contains the point (none: at sea). Nearest border: for each
border line, the distance from the point in an azimuthal equidistant projection centred on the
point (distances from the centre are geodesic there), the lines densified to 1 km first so that
projected segments stay close to the geodesics between their vertices; the smallest wins.
"""
import csv
import json
import os
import sys

import shapely
from pyproj import CRS, Geod, Transformer
from shapely.geometry import Point, shape
from shapely.ops import transform

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("INCIDENTMAP_DATA") or os.path.join(HERE, "..", "..", "..", "..", "Gazetteer", "data")
GEOD = Geod(ellps="WGS84")


def densified(line, km=1.0):
    """The line with a vertex every `km` or less along each geodesic segment."""
    coords = list(line.coords)
    out = [coords[0]]
    for (x0, y0), (x1, y1) in zip(coords, coords[1:]):
        _, _, d = GEOD.inv(x0, y0, x1, y1)
        n = int(d / (km * 1000))
        if n > 0:
            out += GEOD.npts(x0, y0, x1, y1, n)
        out.append((x1, y1))
    return out


def main():
    countries = json.load(open(os.path.join(DATA, "countries.geojson")))["features"]
    borders = json.load(open(os.path.join(DATA, "borders.geojson")))["features"]
    polys = [(f["properties"]["iso_a2"], shape(f["geometry"])) for f in countries]
    lines = []
    for f in borders:
        g = shape(f["geometry"])
        parts = list(g.geoms) if hasattr(g, "geoms") else [g]
        lines.append((f["properties"]["id"], [densified(p) for p in parts]))
    out = []
    with open(os.path.join(HERE, "points.csv")) as fh:
        for row in csv.DictReader(fh):
            lon, lat = float(row["longitude"]), float(row["latitude"])
            p = Point(lon, lat)
            inside = [iso for iso, g in polys if g.contains(p)]
            aeqd = CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m")
            to = Transformer.from_crs("EPSG:4326", aeqd, always_xy=True)
            best = None
            for bid, parts in lines:
                for coords in parts:
                    # Only lines that can be near: a cheap geodesic check on the vertices first.
                    xs, ys = to.transform([c[0] for c in coords], [c[1] for c in coords])
                    d = shapely.LineString(list(zip(xs, ys))).distance(Point(0, 0)) / 1000
                    if best is None or d < best[1]:
                        best = (bid, d)
            out.append({"id": row["id"], "region": row["region"], "longitude": lon, "latitude": lat,
                        "country": inside[0] if inside else None,
                        "nearest_border": best[0], "border_distance_km": round(best[1], 1)})
            print(out[-1], file=sys.stderr)
    with open(os.path.join(HERE, "expected.json"), "w") as fh:
        json.dump(out, fh, indent=1, ensure_ascii=False)
        fh.write("\n")


if __name__ == "__main__":
    main()
