#!/usr/bin/env python3
"""Spot checks of the built gazetteer data (Python 3 with shapely 1.8 or 2,
e.g. Debian's python3-shapely).

    python3 Gazetteer/spot_check.py [Gazetteer/data]

Prints which country and province hold a few known points, a few border
lengths, and checks that every polygon crossing or touching the
antimeridian is valid.  Exits non-zero if a check fails.  The README quotes
its output.
"""

import json
import os
import sys

from shapely.geometry import Point, shape
from shapely.validation import explain_validity

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "data")

POINTS = [  # name, lon, lat, expected country (None: in no country), province
    ("Kyiv", 30.52, 50.45, "UA", "UA-30"),
    ("Khartoum", 32.53, 15.55, "SD", None),
    ("Gaza City", 34.46, 31.50, "PS", None),
    ("Longyearbyen", 15.6, 78.2, "NO", None),
    ("Suva", 178.44, -18.14, "FJ", None),
    ("Saravan", 62.33, 27.37, "IR", "IR-11"),
    ("Panjgur", 64.09459, 26.97186, "PK", "PK-BA"),
    ("Red Sea", 38.5, 20.0, None, None),
]
BORDERS = {"IR-PK": 816.6, "RU-UA": None, "SD-TD": None, "BY-UA": None}


def features(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        return json.load(fh)["features"]


def main():
    failed = 0
    countries = features("countries.geojson")
    provinces = features("provinces.geojson")
    borders = {f["properties"]["id"]: f for f in features("borders.geojson")}
    cgeoms = [shape(f["geometry"]) for f in countries]
    pgeoms = [shape(f["geometry"]) for f in provinces]

    def holding(geoms, pt):
        return [i for i, g in enumerate(geoms)
                if g.bounds[0] <= pt.x <= g.bounds[2]
                and g.bounds[1] <= pt.y <= g.bounds[3] and g.intersects(pt)]
    for name, lon, lat, want_c, want_p in POINTS:
        pt = Point(lon, lat)
        cs = [countries[i]["properties"]["iso_a2"]
              for i in holding(cgeoms, pt)]
        ps = [(provinces[i]["properties"]["id"],
               provinces[i]["properties"]["name"])
              for i in holding(pgeoms, pt)]
        ok = (cs == ([want_c] if want_c else [])
              and (want_p is None or [p[0] for p in ps] == [want_p]))
        failed += not ok
        print("%-12s %8.4f %8.4f  country %-4s province %s%s" % (
            name, lon, lat, ",".join(cs) or "-",
            ", ".join("%s (%s)" % p for p in ps) or "-",
            "" if ok else "   <-- expected %s %s" % (want_c, want_p)))
    for bid, want in BORDERS.items():
        b = borders.get(bid)
        if b is None:
            print("border %s missing" % bid)
            failed += 1
            continue
        p = b["properties"]
        ok = want is None or p["length_km"] == want
        failed += not ok
        print("border %-6s %-28s %8.1f km %5d vertices%s" % (
            bid, p["name"], p["length_km"], p["vertices"],
            "" if ok else "   <-- expected %.1f" % want))
    # Polygons at the antimeridian.
    for kind, feats, geoms, key in (("country", countries, cgeoms, "iso_a2"),
                                    ("province", provinces, pgeoms, "id")):
        at = []
        for f, g in zip(feats, geoms):
            x0, _, x1, _ = g.bounds
            if x0 <= -179.999 or x1 >= 179.999:
                at.append(f["properties"][key])
                if not g.is_valid:
                    print("INVALID %s %s: %s" % (kind, f["properties"][key],
                                                 explain_validity(g)))
                    failed += 1
        print("%s reaching lon +-180, all valid lon/lat polygons: %s" % (
            "countries" if kind == "country" else "provinces",
            " ".join(sorted(at))))
    for code in ("FJ", "RU"):
        g = [g for f, g in zip(countries, cgeoms)
             if f["properties"]["iso_a2"] == code][0]
        print("%s: valid %s, %d parts, lon %.6f..%.6f" % (
            code, g.is_valid, len(getattr(g, "geoms", [g])), g.bounds[0],
            g.bounds[2]))
        failed += not g.is_valid
    print("FAILED: %d check(s)" % failed if failed else "all spot checks pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
