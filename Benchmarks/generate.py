#!/usr/bin/env python3
"""Writes a synthetic ACLED-layout CSV for benchmarks, reproducibly (fixed seed).

usage: generate.py ROWS OUT.csv [--names-only]

Rows fall inside Iran, Pakistan and Afghanistan near real GeoNames towns of the
bundled gazetteer (so country and border-distance work is realistic); with
--names-only the latitude/longitude columns are left empty and rows are placed
by the gazetteer from about 1,000 distinct place names.
"""
import csv, random, sys, os

rows, out = int(sys.argv[1]), sys.argv[2]
names_only = "--names-only" in sys.argv
here = os.path.dirname(os.path.abspath(__file__))
places = []
with open(os.path.join(here, "..", "Gazetteer", "data", "places.tsv"), encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t"):
        if r["country"] in ("IR", "PK", "AF") and r["admin1"] and len(r["alternatenames"].split("|")) >= 2:
            places.append(r)
places.sort(key=lambda r: (-int(r["population"] or 0), r["geonameid"]))
places = places[:1000]
country_names = {"IR": "Iran", "PK": "Pakistan", "AF": "Afghanistan"}
rng = random.Random(20240116)
types = [("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Battles", "Armed clash"), ("Violence against civilians", "Attack"), ("Explosions/Remote violence", "Shelling/artillery/missile attack")]
actors = ["Military Forces of Pakistan (2018-)", "BLA: Baloch Liberation Army", "Jaish al-Adl", "Military Forces of Iran (1989-)",
          "Unidentified Armed Group (Pakistan)", "TTP: Tehreek-i-Taliban Pakistan", "Police Forces of Iran (1989-)"]
sources = ["Dawn", "Express Tribune", "IRNA", "Mehr", "Balochistan Post", "Tasnim", "AP", "Reuters"]
cols = ["event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
        "admin2", "location", "latitude", "longitude", "geo_precision", "source", "fatalities", "notes"]
months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(cols)
    for i in range(rows):
        p = places[rng.randrange(len(places))]
        et, st = types[rng.randrange(len(types))]
        lat = float(p["latitude"]) + rng.uniform(-0.02, 0.02)
        lon = float(p["longitude"]) + rng.uniform(-0.02, 0.02)
        cc = p["country"]
        w.writerow([f"{cc}{i + 1}", f"{rng.randrange(1, 29)} {months[rng.randrange(12)]} 2024", "2024", et, st,
                    actors[rng.randrange(len(actors))], actors[rng.randrange(len(actors))], country_names[cc], p["admin1"], "",
                    p["name"], "" if names_only else f"{lat:.4f}", "" if names_only else f"{lon:.4f}",
                    rng.choice(["1", "1", "2"]), sources[rng.randrange(len(sources))], rng.randrange(0, 6), ""])
