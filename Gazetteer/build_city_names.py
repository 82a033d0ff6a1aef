#!/usr/bin/env python3
"""Write city_names.tsv: the names of the world's time-zone cities in the map languages, as the
Unicode CLDR writes them (its exemplar cities: "Moscou", "Le Caire", "Téhéran" in French), joined
to the GeoNames places of places.tsv.

    build_city_names.py CLDR_COMMON DATA_DIR

reads places.tsv, countries.geojson and provinces.geojson of DATA_DIR and writes city_names.tsv
there.

CLDR names each time zone's exemplar city in every language it covers; the zone's English
exemplar (en.xml, else root.xml, else the zone id's last part with spaces for underscores, as the
CLDR specification derives it) is what the join matches. A zone's city is the most populous place
of places.tsv in that zone (or a zone CLDR lists as its alias) that the English exemplar names:

- its main name folds to the exemplar ("Téhéran" for Tehran); else
- an alternate name of it folds to the exemplar, and the exemplar is the place's own name: a
  spelling of its main name ("Zaporozhye" of Zaporizhzhya, "Aqtobe" of Aktobe: similar letters;
  "Ulaanbaatar" of Ulan Bator, though a province bears it too), or its main name's first words
  ("New York" of New York City) where those are not the name of a country or province of the
  data ("Andorra" of Andorra la Vella, "Kuwait" of Kuwait City: CLDR's French "Andorre" and
  "Koweït" are the country's); and the place has 1,000 people or more. So "Mahé"
  (the island, an alternate name of Victoria, Seychelles), "Bahia" (the state, of Salvador) and
  "Puerto Rico" (of San Juan) name no town.

Where the data has no place in the zone, as its zone id is newer than CLDR's (Europe/Kyiv
against CLDR 41's Europe/Kiev), the place may be in any zone of the same area ("Europe/") with at
least 100,000 people (not so for a zone the data has places in: "America/Jamaica" is never
Jamaica, Queens). CLDR's words that tell two exemplar cities apart ("Tripoli (Libye)") are left
out of the name: a map's label stands at the place. A zone named after an island or a country ("Atlantic/Canary", "Asia/Qatar") names no place and is left out: a
place is only ever given a name CLDR gives its zone's city.

Names CLDR marks as drafts ("unconfirmed", "provisional") and alternative forms (alt=...) are left
out. Output rows: geonameid, language, name, zone; sorted by geonameid and language.
"""
import csv
import difflib
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

LANGUAGES = ("ar", "fa", "fr", "ps", "ru", "uk", "ur")
NEWER_ZONE_MINIMUM_POPULATION = 100_000
ALTERNATE_MINIMUM_POPULATION = 1_000
# A qualifier in brackets at the end ("Tripoli (Libye)", "(الأرجنتين)"), any script's brackets.
QUALIFIER = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")
SPELLING_SIMILARITY = 0.6     # difflib ratio of folded names: a spelling, not another name


def exemplars(path):
    """Zone id -> exemplar city of one CLDR locale file."""
    out = {}
    for zone in ET.parse(path).getroot().iter("zone"):
        e = zone.find("exemplarCity")
        if e is None or e.get("alt") or e.get("draft") in ("unconfirmed", "provisional") or not (e.text or "").strip():
            continue
        out[zone.get("type")] = e.text.strip()
    return out


def aliases(path):
    """Zone id -> every id CLDR lists for the same zone (bcp47/timezone.xml)."""
    out = {}
    for t in ET.parse(path).getroot().iter("type"):
        ids = (t.get("alias") or "").split()
        for i in ids:
            out[i] = ids
    return out


def fold(s):
    """Case and accents folded, typographic apostrophes as ASCII ones."""
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'").casefold())
    return "".join(c for c in s if not unicodedata.combining(c))


def area_names(path):
    """Every name (folded) of the countries or provinces of a GeoJSON file of the data."""
    with open(path, encoding="utf-8") as f:
        features = json.load(f)["features"]
    out = set()
    for feature in features:
        p = feature["properties"]
        for n in [p.get("name")] + list(p.get("names") or []) + list((p.get("names_by_language") or {}).values()):
            if isinstance(n, str) and n:
                out.add(fold(n))
    return out


def names_the_place(exemplar, main_name, areas):
    """Whether an English exemplar that is an alternate name of a place is the place's own name:
    its main name's first words where they name no country or province, else a spelling of it."""
    words = exemplar.split()
    if main_name.split()[:len(words)] == words:
        return exemplar not in areas
    return difflib.SequenceMatcher(None, exemplar, main_name).ratio() >= SPELLING_SIMILARITY


def main(common, data_dir):
    places_tsv = os.path.join(data_dir, "places.tsv")
    out_dir = data_dir
    areas = area_names(os.path.join(data_dir, "countries.geojson")) | area_names(os.path.join(data_dir, "provinces.geojson"))
    main_dir = os.path.join(common, "main")
    english = {**exemplars(os.path.join(main_dir, "root.xml")), **exemplars(os.path.join(main_dir, "en.xml"))}
    by_language = {lang: exemplars(os.path.join(main_dir, lang + ".xml")) for lang in LANGUAGES}
    same_zone = aliases(os.path.join(common, "bcp47", "timezone.xml"))

    by_name, by_alternate, zones_of_data = {}, {}, set()
    with open(places_tsv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            population = int(row["population"] or 0)
            zones_of_data.add(row["timezone"])
            main_name = fold(row["name"])
            place = (row["geonameid"], population, row["timezone"], main_name)
            by_name.setdefault(main_name, []).append(place)
            if population >= ALTERNATE_MINIMUM_POPULATION:
                for n in {fold(n) for n in row["alternatenames"].split("|") if n} - {main_name}:
                    by_alternate.setdefault(n, []).append(place)

    rows, unmatched = [], []
    zones = sorted(set().union(*by_language.values()))
    for zone in zones:
        if zone.startswith("Etc/"):
            continue
        key = fold(english.get(zone) or zone.rsplit("/", 1)[-1].replace("_", " "))
        named = by_name.get(key, []) + [p for p in by_alternate.get(key, []) if names_the_place(key, p[3], areas)]
        ids = set(same_zone.get(zone, [zone]))
        area = zone.split("/", 1)[0] + "/"
        matches = [p for p in named if p[2] in ids]
        if not matches and not any(i in zones_of_data for i in ids):
            matches = [p for p in named if p[2].startswith(area) and p[1] >= NEWER_ZONE_MINIMUM_POPULATION]
        if not matches:
            unmatched.append(zone)
            continue
        geonameid = max(matches, key=lambda p: (p[1], -int(p[0])))[0]
        for lang in LANGUAGES:
            name = QUALIFIER.sub("", by_language[lang].get(zone) or "")
            if name:
                rows.append((int(geonameid), lang, name, zone))
    rows.sort()
    seen = set()
    tmp = os.path.join(out_dir, "city_names.tsv.tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write("geonameid\tlanguage\tname\tzone\n")
        for geonameid, lang, name, zone in rows:
            if (geonameid, lang) in seen:   # two zones of one city (a linked zone): the first
                continue
            seen.add((geonameid, lang))
            f.write("%d\t%s\t%s\t%s\n" % (geonameid, lang, name, zone))
    os.replace(tmp, os.path.join(out_dir, "city_names.tsv"))
    cities = len({r[0] for r in rows})
    print("city_names.tsv: %d names of %d cities; %d of %d zones name no place of the data (an island, "
          "a country, a region), such as %s" % (len(seen), cities, len(unmatched), len(zones), ", ".join(unmatched[::15])))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
