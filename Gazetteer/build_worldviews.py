#!/usr/bin/env python3
"""Points of view: how each government Natural Earth models draws disputed boundaries.

Run by build_worldviews.sh after build.sh:

    python build_worldviews.py UNITS.geojson LINES.geojson DATA_DIR

UNITS: Natural Earth 5.1.1 1:10m admin-0 countries, default edition (258 units, with the
ADM0_A3_xx and FCLASS_xx point-of-view columns); LINES: Natural Earth 5.1.1 1:10m admin-0
land boundary lines (515, FCLASS_xx per view); DATA_DIR: Gazetteer/data, whose
countries.geojson, provinces.geojson and borders.geojson (the "deu" edition, Germany's view)
are the base.  Writes DATA_DIR/worldviews.geojson: one feature per line, sorted, coordinates on
the 1e-6 grid and re-checked valid (build.py's writer).

What a view changes, only where the data says so (see Gazetteer/README.md, "Points of view"):

1. Units.  A default-edition unit inside a base country that the view gives to another country
   (ADM0_A3_xx), or keeps as a country of its own (Siachen, Somaliland, Northern Cyprus, Kosovo,
   Taiwan), is moved: cut out of its base country, added to its owner.
2. Pieces beyond a line.  A piece of a base country that the default edition gives to another
   unit and that one land boundary line cuts off (Crimea: the "deu" edition's Ukraine, the
   default edition's Russia, beyond the line across the Perekop isthmus and the Syvash) goes to
   that unit's country in a view that calls the line an international boundary (Crimea: RU),
   and stays with the base country in every other view (Claim boundary, Admin-1, Disputed).
3. Classes.  Every stretch of a border is given the view's class of the land boundary line it
   runs along (within 1e-4 degrees): "International boundary" is drawn solid, every other
   class (Disputed, Line of control, Indefinite, Claim boundary, Unrecognized, ...) dashed.
"""

import json
import sys
import collections

import shapely
from shapely.geometry import shape, MultiLineString, LineString
from shapely.ops import unary_union, linemerge

import build  # build.py beside this file: the grid, the writer, the shared-edge rule, GEOD

INTERNATIONAL = "International boundary (verify)"
# Classes under which a line does not part two countries in that view.
INTERNAL = {"Admin-1 boundary", "Claim boundary", "Unrecognized"}
# The views: the FCLASS_xx columns of the land boundary lines that are countries (ISO, TLC and
# OSM are Natural Earth's reference editions, not governments).
NOT_GOVERNMENTS = {"ISO", "TLC", "OSM"}
DEFAULT_VIEW = "DE"  # the edition countries.geojson is built from
# Natural Earth 5.1.1 data errors left out (each checked against the same row's other columns):
# Barbados has ADM0_A3_AR = URY (no claim exists; FCLASS_AR is empty, i.e. a country).
ERRATA = {("BRB", "AR")}
TOLERANCE = 1e-4  # degrees: a border stretch runs along a land boundary line within this
LINE_DATASET = "Natural Earth 5.1.1 1:10m admin-0 land boundary lines"


def views_of(lines):
    cols = [k for k in lines[0][0] if k.startswith("FCLASS_")]
    return sorted(k[7:] for k in cols if k[7:] not in NOT_GOVERNMENTS)


def line_class(p, view):
    return p["FCLASS_" + view] or p["FEATURECLA"]


def unit_owner(p, view):
    """The ADM0_A3 that owns unit p in the view (its own when the view keeps it)."""
    if (p["ADM0_A3"], view) in ERRATA:
        return p["ADM0_A3"]
    if p["FCLASS_" + view] == "Admin-0 country":
        return p["ADM0_A3"]
    owner = p["ADM0_A3_" + view]
    return owner if owner and owner != "-99" else p["ADM0_A3"]


def main(units_path, lines_path, data):
    base = [(f["properties"], shape(f["geometry"]))
            for f in json.load(open(data + "/countries.geojson"))["features"]]
    provinces = [(f["properties"], shape(f["geometry"]))
                 for f in json.load(open(data + "/provinces.geojson"))["features"]]
    base_borders = {f["properties"]["id"]: f for f in json.load(open(data + "/borders.geojson"))["features"]}
    units = [(f["properties"], shape(f["geometry"])) for f in json.load(open(units_path))["features"]]
    lines = [(f["properties"], shape(f["geometry"])) for f in json.load(open(lines_path))["features"]]
    views = views_of(lines)
    build.log("views (FCLASS_xx of the land boundary lines): %d: %s" % (len(views), " ".join(views)))
    assert DEFAULT_VIEW in views

    by_id = {p["iso_a2"]: (p, g) for p, g in base}
    # ADM0_A3 -> our id: a unit's code where it is a base country's iso_a3 or holds its label.
    a3_to_id = {p["iso_a3"]: p["iso_a2"] for p, _ in base}
    for up, ug in units:
        code = build.country_code(up)
        if up["ADM0_A3"] not in a3_to_id and code in by_id:
            a3_to_id[up["ADM0_A3"]] = code
    tree = shapely.STRtree([g for _, g in base])

    def base_country_of(geom):
        pt = geom.representative_point()
        for i in tree.query(pt):
            if base[i][1].contains(pt):
                return base[i][0]["iso_a2"]
        return None

    # --- 1. units that some view moves ---------------------------------------------
    # piece: (geometry, base country, {view: owner id})
    utree = shapely.STRtree([g for _, g in units])

    def unit_at(pt):
        return next((units[i][0] for i in utree.query(pt) if units[i][1].contains(pt)), None)

    pieces = []
    for up, ug in units:
        home = base_country_of(ug)
        if home is None:
            continue
        own = a3_to_id.get(up["ADM0_A3"])
        targets = {}
        for v in views:
            o = unit_owner(up, v)
            if o == up["ADM0_A3"]:
                # Kept as itself: its own country where the base has one; a new one where the view
                # calls it a country (Somaliland for TW, Northern Cyprus for TR); else as the base
                # has it (dependencies without a code of their own are part of their sovereign).
                t = own or (o if up["FCLASS_" + v] == "Admin-0 country" else home)
            else:
                t = a3_to_id.get(o, home)  # a code no country has (B45, -99): as the base has it
            targets[v] = t
        if all(t == home for t in targets.values()):
            continue
        cut = build.clean_polygonal(shapely.intersection(ug, by_id[home][1], grid_size=build.GRID))
        if cut is None or cut.area < 1e-6:
            continue
        # The rest of the base country must be of its own unit: otherwise the unit is one part of a
        # territory the base draws whole (Western Sahara: the default edition's Morocco holds the
        # rest of the base's EH), and moving the part alone would split it.
        rest = shapely.difference(by_id[home][1], cut)
        if not rest.is_empty:
            ru = unit_at(max(build.polygon_parts(rest), key=lambda q: q.area).representative_point())
            rid = ru and a3_to_id.get(ru["ADM0_A3"])
            if rid != home:
                build.log("  unit %s (%s) in %s: not moved (the rest of %s is the default edition's %s)"
                          % (up["ADM0_A3"], up["ADMIN"], home, home, rid))
                continue
        # A view that gives a country to a smaller one (Taiwan's view of China; three views of
        # Israel) is not drawn: the map would name the larger land after the smaller.
        for v, t in list(targets.items()):
            if t != home and t in by_id and t != own and by_id[t][1].area < cut.area:
                build.log("  unit %s (%s) in view %s: not given to %s, which is smaller" % (up["ADM0_A3"], up["ADMIN"], v, t))
                targets[v] = home
        if all(t == home for t in targets.values()):
            continue
        pieces.append({"what": "unit %s (%s)" % (up["ADM0_A3"], up["ADMIN"]), "geom": cut, "home": home,
                       "owners": targets, "name": up["NAME"], "a3": up["ADM0_A3"]})

    # --- 2. pieces cut off by a land boundary line the default edition gives to another unit --
    relevant = [(lp, lg) for lp, lg in lines if any(line_class(lp, v) != INTERNATIONAL for v in views)]
    rtree = shapely.STRtree([lg for _, lg in relevant])
    moved_units = {pc["a3"] for pc in pieces}
    for bp, bg in base:
        inner = bg.buffer(-TOLERANCE)
        cutters = []
        for i in rtree.query(bg):
            lp, lg = relevant[int(i)]
            if shapely.intersection(lg, inner).length > 0.5 * lg.length:
                cutters.append((lp, shapely.snap(lg, bg.boundary, TOLERANCE)))
        if not cutters:
            continue
        noded = shapely.union_all([bg.boundary] + [lg for _, lg in cutters], grid_size=build.GRID)
        faces = [f for f in shapely.get_parts(shapely.polygonize(list(shapely.get_parts(noded))))
                 if bg.contains(f.representative_point())]
        main_face = max(faces, key=lambda f: f.area)
        for face in faces:
            if face is main_face or face.area < 1e-3:
                continue
            unit = unit_at(face.representative_point())
            if unit is None or unit["ADM0_A3"] in moved_units:
                continue
            other = a3_to_id.get(unit["ADM0_A3"])
            if other in (None, bp["iso_a2"]):
                continue
            edge = [(lp, lg) for lp, lg in cutters
                    if shapely.intersection(face.boundary, lg.buffer(TOLERANCE)).length > 0.5 * shapely.intersection(lg, bg).length]
            if len(edge) != 1:
                build.log("  a piece of %s held by %s: %d lines along it, not moved" % (bp["iso_a2"], unit["ADM0_A3"], len(edge)))
                continue
            lp = edge[0][0]
            # As the base has it (the "deu" edition draws these pieces with the base country), except
            # in a view that calls the line an international boundary.
            owners = {v: (other if line_class(lp, v) == INTERNATIONAL else bp["iso_a2"]) for v in views}
            pieces.append({"what": "the piece of %s the default edition gives to %s, beyond line %s (%s)"
                           % (bp["iso_a2"], unit["ADM0_A3"], lp["ne_id"], lp["FEATURECLA"]),
                           "geom": build.clean_polygonal(face), "home": bp["iso_a2"], "owners": owners,
                           "name": None, "a3": None})

    for pc in pieces:
        groups = collections.defaultdict(list)
        for v, o in sorted(pc["owners"].items()):
            groups[o].append(v)
        build.log("  %s: %.4f deg², in %s; owners: %s" % (
            pc["what"], pc["geom"].area, pc["home"],
            "; ".join("%s %s" % (o, " ".join(vs)) for o, vs in sorted(groups.items()))))

    # --- per view: countries ----------------------------------------------------------
    variants = {}  # (kind, id, wkb) -> feature dict with a views list
    view_info = {}
    ordered = [DEFAULT_VIEW] + [v for v in views if v != DEFAULT_VIEW]
    for v in ordered:
        gains = collections.defaultdict(list)
        losses = collections.defaultdict(list)
        moved = []
        for pc in pieces:
            o = pc["owners"][v]
            if o != pc["home"]:
                losses[pc["home"]].append(pc["geom"])
                gains[o].append(pc["geom"])
                moved.append((pc, o))
        changed = {}
        for cid in sorted(set(gains) | set(losses)):
            if cid in by_id:
                g = by_id[cid][1]
                if losses.get(cid):
                    g = shapely.difference(g, unary_union(losses[cid]), grid_size=build.GRID)
                if gains.get(cid):
                    g = shapely.union(g, unary_union(gains[cid]), grid_size=build.GRID)
                props = dict(by_id[cid][0])
            else:
                g = shapely.union_all(gains[cid], grid_size=build.GRID)
                pc = next(pc for pc, o in moved if o == cid)
                props = {"iso_a2": cid, "iso_a3": cid, "name": pc["name"] or cid, "name_local": None,
                         "names": sorted({pc["name"] or cid, cid})}
            g = build.clean_polygonal(g)
            changed[cid] = g  # None: the country is gone in this view
            if g is not None:
                props["label_lon"], props["label_lat"] = build.label_point(g)
        # Provinces: moved whole when a moved piece holds most of one, else clipped.
        province_moves = {}
        province_geoms = {}
        for pc, o in moved:
            for pp, pg in provinces:
                if pp["country"] != pc["home"] or not pg.intersects(pc["geom"]):
                    continue
                share = shapely.intersection(pg, pc["geom"]).area / pg.area
                if share >= 0.5:
                    province_moves[pp["id"]] = o
                elif share > 1e-6:
                    clipped = build.clean_polygonal(shapely.difference(pg, pc["geom"], grid_size=build.GRID))
                    province_geoms[pp["id"]] = (pp, clipped)
        countries_now = {p["iso_a2"]: g for p, g in base}
        countries_now.update({k: g for k, g in changed.items()})
        countries_now = {k: g for k, g in countries_now.items() if g is not None}
        # Borders: the shared edges of changed countries are recomputed; every border of the view
        # is then split into stretches by the class of the land boundary line it runs along.
        pairs = {}
        for fid, f in base_borders.items():
            a, b = f["properties"]["countries"]
            if a in changed or b in changed:
                continue
            pairs[(a, b)] = (f["properties"]["name"], shape(f["geometry"]))
        ids = sorted(countries_now)
        ctree = shapely.STRtree([countries_now[i] for i in ids])
        for cid in sorted(k for k, g in changed.items() if g is not None):
            g = countries_now[cid]
            for j in ctree.query(g, predicate="intersects"):
                other = ids[j]
                if other == cid:
                    continue
                a, b = sorted([cid, other])
                if (a, b) in pairs:
                    continue
                edge = build.shared_edge(countries_now[a], countries_now[b])
                if edge is None:
                    continue
                name = lambda c: (by_id[c][0]["name"] if c in by_id else next(
                    (pc["name"] or c) for pc, o in moved if o == c))
                pairs[(a, b)] = ("\u2013".join([name(a), name(b)]), edge)
        borders = []
        for (a, b), (name, geom) in sorted(pairs.items()):
            stretches = classify(geom, v, relevant, rtree)
            for cls, parts in stretches:
                disputed = cls != INTERNATIONAL
                line = build.floating(linemerge(parts)) if len(parts) > 1 else parts[0]
                borders.append({"id": "%s-%s" % (a, b) + ("." + slug(cls) if disputed else ""),
                                "countries": [a, b], "name": name, "status": "disputed" if disputed else "international",
                                "class": cls if disputed else INTERNATIONAL,
                                "length_km": round(build.GEOD.geometry_length(line) / 1000.0, 1),
                                "geom": line})
        # Only what differs from the base files is written: borders of changed countries, and every
        # border with a disputed stretch (with its international rest).
        differs = {(b["countries"][0], b["countries"][1]) for b in borders
                   if b["status"] == "disputed" or b["countries"][0] in changed or b["countries"][1] in changed}
        keep = [b for b in borders if (b["countries"][0], b["countries"][1]) in differs]
        dropped_pairs = sorted("%s-%s" % (a, b) for fid, f in base_borders.items()
                               for a, b in [f["properties"]["countries"]]
                               if (a in changed or b in changed) and (a, b) not in pairs)
        for cid, g in sorted(changed.items()):
            if g is None:
                continue
            props = dict(by_id[cid][0]) if cid in by_id else {
                "iso_a2": cid, "iso_a3": cid,
                "name": next((pc["name"] or cid) for pc, o in moved if o == cid), "name_local": None,
                "names": []}
            props["names"] = props.get("names") or sorted({props["name"], cid})
            props["label_lon"], props["label_lat"] = build.label_point(g)
            add_variant(variants, "country", cid, props, g, v)
        for pid, (pp, g) in sorted(province_geoms.items()):
            if g is not None:
                add_variant(variants, "province", pid, dict(pp), g, v)
        for b in keep:
            add_variant(variants, "border", b["id"], {k: b[k] for k in ("id", "countries", "name", "status", "class", "length_km")},
                        b["geom"], v)
        view_info[v] = {"changed_countries": sorted(changed), "dropped_countries": sorted(k for k, g in changed.items() if g is None),
                        "replaced_borders": sorted({"%s-%s" % p for p in differs}), "dropped_borders": dropped_pairs,
                        "province_countries": dict(sorted(province_moves.items())),
                        "clipped_provinces": sorted(province_geoms)}
        build.log("view %s: countries changed %s; borders with a disputed stretch %d; provinces moved %s, clipped %s"
                  % (v, " ".join(sorted(changed)) or "none",
                     sum(1 for b in keep if b["status"] == "disputed"),
                     " ".join("%s→%s" % kv for kv in sorted(province_moves.items())) or "none",
                     " ".join(sorted(province_geoms)) or "none"))
    # DE is the base: its countries must be the base's own.
    if view_info[DEFAULT_VIEW]["changed_countries"]:
        sys.exit("the default view %s changes countries %s: the base is not that view"
                 % (DEFAULT_VIEW, view_info[DEFAULT_VIEW]["changed_countries"]))

    features = []
    for v in views:
        features.append({"type": "Feature", "properties": dict({"kind": "view", "id": v, "default": v == DEFAULT_VIEW},
                                                              **view_info[v]), "geometry": None})
    for key in sorted(variants, key=lambda k: (k[0], k[1], variants[k]["properties"]["views"])):
        features.append(variants[key])
    write(data + "/worldviews.geojson", features)


def add_variant(variants, kind, fid, props, geom, view):
    wkb = shapely.to_wkb(shapely.set_precision(geom, build.GRID))
    key = (kind, fid, wkb)
    if key not in variants:
        p = {"kind": kind}
        p.update(props)
        p["views"] = []
        variants[key] = {"type": "Feature", "properties": p, "geometry": build.geometry_json(geom)}
    variants[key]["properties"]["views"].append(view)


def slug(cls):
    """ "Line of control (please verify)" -> "line-of-control": the id of a pair's stretches of one class."""
    text = cls.replace("(please verify)", "").replace("(verify)", "").strip().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


def classify(geom, view, relevant, rtree):
    """The stretches of a border line by the view's class of the land boundary line along each
    segment (International where none is near): [(class, [LineString])], classes sorted."""
    near = [int(i) for i in rtree.query(geom, predicate="dwithin", distance=TOLERANCE)]
    if not near:
        return [(INTERNATIONAL, build.line_parts(geom))]
    out = collections.defaultdict(list)
    for part in build.line_parts(geom):
        xy = list(part.coords)
        run, run_cls = [xy[0]], None
        for p0, p1 in zip(xy, xy[1:]):
            mid = shapely.Point((p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2)
            cls = INTERNATIONAL
            for i in near:
                lp, lg = relevant[i]
                if lg.distance(mid) <= TOLERANCE:
                    cls = line_class(lp, view)
                    break
            if run_cls is not None and cls != run_cls:
                out[run_cls].append(LineString(run))
                run = [p0]
            run.append(p1)
            run_cls = cls
        out[run_cls].append(LineString(run))
    return sorted(out.items())


def write(path, features):
    lines = ['{"type":"FeatureCollection","features":[']
    for i, f in enumerate(features):
        if f["geometry"] is not None:
            build.check_written_geometry(f["geometry"], "%s feature %d (%s)" % (path, i, f["properties"].get("id") or f["properties"].get("iso_a2")))
        text = json.dumps(f, ensure_ascii=False, separators=(",", ":"))
        lines.append(text + ("," if i < len(features) - 1 else ""))
    lines.append("]}")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")
    build.log("wrote %s (%d features)" % (path, len(features)))


if __name__ == "__main__":
    main(*sys.argv[1:4])
