#!/usr/bin/env python3
"""Writes an ACLED-layout CSV shaped as real exports are, reproducibly (fixed seed).

usage: clustered.py ROWS OUT.csv [--admin1 CODE,CODE | --country CC] [--seed N]

Most rows sit exactly at a town's coordinates (ACLED gives an event its town's point when it
knows no better), a few hub towns carry most of them, and the rest are scattered up to 0.4°
around the region's towns. Fatalities are mostly zero with a long tail. The region is the admin-1
provinces given (ISO 3166-2 codes of Gazetteer/data/places.tsv; default Balochistan and Sistan
and Baluchestan) or a whole country. The row with event_id_cnty ending in -7 carries label=true.
"""
import csv, math, os, random, sys

args = sys.argv[1:]
rows, out = int(args[0]), args[1]
def option(name, default):
    return args[args.index(name) + 1] if name in args else default
admin1 = set(option("--admin1", "PK-BA,IR-11").split(",")) if "--country" not in args else None
country = option("--country", None)
rng = random.Random(int(option("--seed", "20240116")))

here = os.path.dirname(os.path.abspath(__file__))
towns = []
with open(os.path.join(here, "..", "Gazetteer", "data", "places.tsv"), encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t"):
        inside = r["country"] == country if admin1 is None else r["admin1"] in admin1
        if inside and int(r["population"] or 0) >= 1000:
            towns.append(r)
if not towns:
    sys.exit("clustered.py: no town of 1,000 people or more in the region asked for")
towns.sort(key=lambda r: (-int(r["population"]), int(r["geonameid"])))
towns = towns[:300]
hubs = towns[:4]
weights = [math.sqrt(int(t["population"])) for t in towns]

kinds = [("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Battles", "Armed clash"), ("Violence against civilians", "Attack"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Battles", "Armed clash")]
actors = ["Military forces", "Police forces", "Unidentified armed group", "Rebel group", "Civilians"]
sources = ["Dawn", "IRNA", "Reuters", "AP", "AFP", "Local media"]
months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
cols = ["event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "country", "admin1",
        "location", "latitude", "longitude", "geo_precision", "source", "fatalities", "label"]

with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(cols)
    for i in range(rows):
        u = rng.random()
        if u < 0.5:
            t = hubs[min(3, int(rng.random() ** 1.6 * 4))]
            lat, lon, place, precision = float(t["latitude"]), float(t["longitude"]), t["name"], "1"
        elif u < 0.85:
            t = rng.choices(towns, weights)[0]
            lat, lon, place, precision = float(t["latitude"]), float(t["longitude"]), t["name"], "1"
        else:
            t = towns[rng.randrange(len(towns))]
            lat, lon = float(t["latitude"]) + rng.uniform(-0.4, 0.4), float(t["longitude"]) + rng.uniform(-0.4, 0.4)
            place, precision = "near " + t["name"], "2"
            t = dict(t, declared="")  # only the point is known: the country is the gazetteer's to find
        declared = t.get("declared", t["country"])
        et, st = kinds[rng.randrange(len(kinds))]
        killed = 0 if rng.random() < 0.7 else min(80, int(rng.expovariate(0.25)) + 1)
        w.writerow([f"{t['country']}-{i + 1}", f"{rng.randrange(1, 29)} {months[rng.randrange(12)]} 2024", "2024", et, st,
                    actors[rng.randrange(len(actors))], declared, t["admin1"] if declared else "", place, f"{lat:.5f}", f"{lon:.5f}",
                    precision, sources[rng.randrange(len(sources))], killed, "true" if i + 1 == 7 else ""])
