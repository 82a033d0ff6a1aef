#!/usr/bin/env python3
"""Writes a synthetic ACLED-layout CSV for benchmarks, reproducibly (fixed seed).

usage: generate.py ROWS OUT.csv [--names-only | --uniform | --towns | --far | --globe]

Six shapes of the same ACLED layout:
- clustered (default): rows within 0.02° of the 1,000 most populous towns of Iran, Pakistan and
  Afghanistan that have alternate names, no two rows at quite the same point;
- --towns: the same rows at their towns' own coordinates, as ACLED codes most events (geo_precision
  2: the town's point), so dozens to thousands of rows share each point;
- --uniform: points uniform over 58–72°E, 24–38°N (Iran, Pakistan, Afghanistan and the edges of
  Turkmenistan, Tajikistan and India, with the Arabian Sea), so nearly every row needs its own
  country, province and border-distance work; its country, admin1 and location are empty (the
  polygons say where each point is);
- --far: points uniform over 110–180°E, 48–10°S (Australia, New Zealand, New Caledonia, Fiji and
  the seas between, up to the antimeridian), over 1,000 km from any land border but Papua New
  Guinea's: where the border distance cannot come from nearby cells, and most points are at sea;
  country, admin1 and location are empty as in --uniform;
- --globe: points uniform over the sphere (equal area, not equal degrees): seven in ten at sea,
  every land tile of the world met, as a global collection (GDELT, a worldwide ACLED export) is;
  country, admin1 and location are empty as in --uniform;
- --names-only: the latitude/longitude columns are empty and rows are placed by the gazetteer
  from the town names (about 1,000 distinct names).
"""
import csv, math, random, sys, os

rows, out = int(sys.argv[1]), sys.argv[2]
names_only = "--names-only" in sys.argv
far = "--far" in sys.argv
globe = "--globe" in sys.argv
uniform = "--uniform" in sys.argv or far or globe
towns = "--towns" in sys.argv
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
        if globe:
            lat, lon = math.degrees(math.asin(rng.uniform(-1.0, 1.0))), rng.uniform(-180.0, 180.0)
        elif far:
            lat, lon = rng.uniform(-48.0, -10.0), rng.uniform(110.0, 180.0)
        elif uniform:
            lat, lon = rng.uniform(24.0, 38.0), rng.uniform(58.0, 72.0)
        if towns:
            lat, lon = float(p["latitude"]), float(p["longitude"])
        cc = p["country"]
        # A uniform point's country is the polygon's to say: its row leaves country, admin1 and
        # location empty rather than contradict it.
        w.writerow([f"{cc}{i + 1}", f"{rng.randrange(1, 29)} {months[rng.randrange(12)]} 2024", "2024", et, st,
                    actors[rng.randrange(len(actors))], actors[rng.randrange(len(actors))],
                    "" if uniform else country_names[cc], "" if uniform else p["admin1"], "",
                    "" if uniform else p["name"], "" if names_only else f"{lat:.4f}", "" if names_only else f"{lon:.4f}",
                    rng.choice(["1", "1", "2"]), sources[rng.randrange(len(sources))], rng.randrange(0, 6), ""])
