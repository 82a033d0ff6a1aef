import Foundation
import Gazetteer
import Geometry
import Incidents
import Rendering

extension RenderJob {
    /// The map of many incidents: markers aggregated by hexagons of the map's plane (about a
    /// sixtieth of the extent across, the same on the screen wherever they lie), each sized by how
    /// many incidents it stands for and named after the most prominent town it reaches.
    ///
    /// The incidents are first counted in fine cells of longitude and latitude (a quarter of that
    /// size; a table's rows are grouped by the server into the same cells), then each fine cell goes
    /// to the hexagon its centre of mass projects into, in the CRS the map is drawn in.
    /// `timeline`: where its strip of counts goes (a report's is apart); nil: as the request says.
    static func aggregatedMap(_ c: MapCollector, _ run: RunIncidents, _ request: RenderRequest, timeline: TimelinePlacement? = nil) throws -> RenderedMap {
        let gazetteer = run.gazetteer, language = request.language
        let builder = SceneBuilder(gazetteer: gazetteer, language: language)
        let count = { (n: Int) in TextValue.number(n) }
        let b = c.bounds ?? gazetteer.coverage
        // The cells' size from the incidents' span the short way round (across the antimeridian,
        // Fiji's 3° and not 360°).
        let span = c.shortWayBounds ?? b
        var options = try mapOptions(request)
        let title = RenderJob.title(run, countries: c.countries, atSea: c.atSea(run.gazetteer), request)
        var scene = builder.scene([], placesNear: extentCorners(c), title: title, crsName: crsName(request, language), command: request.command)
        scene.tollsGiven = c.tollsGiven
        // Fine cells; smaller ones when a few distant incidents (drawn as an edge arrow) made the
        // extent, and so the cells, too large for the rest.
        var size = cellSize(span) / HexBins.fineCellsPerHexagon
        var fine = try fineCells(c, size: size)
        let far = Set(Outliers.indices(locations: fine.map(\.centre), counts: fine.map(\.count), options: options))
        if !far.isEmpty, let core = BoundingBox(points: fine.indices.filter { !far.contains($0) }.map { XY(x: fine[$0].centre.lon, y: fine[$0].centre.lat) }) {
            let coreSize = cellSize(core) / HexBins.fineCellsPerHexagon
            if coreSize < size {
                size = coreSize
                fine = try fineCells(c, size: size)
            }
        }
        // The map's CRS, chosen from the fine cells as the map will choose it from the hexagons.
        let crs = MapRenderer.crs(locations: fine.map(\.centre), counts: fine.map(\.count), of: scene, options: options)
        let hexagons = try HexBins.group(fine, crs: crs, options: options)
        var cellItems = CellItems(gazetteer: gazetteer, builder: builder, bounds: c.bounds, acrossKm: hexagons.acrossKm, tollsGiven: c.tollsGiven)
        let items = cellItems.items(hexagons.bins)
        let countries = c.countries.compactMap { builder.countryName($0) }.sorted()
        let across = language.rounded(hexagons.acrossKm)
        let cells = AggregateText.cellsSubtitle.text(in: language, ["count": count(c.count), "cells": count(items.count), "size": .text(across)])
        // Up to three countries by name, as the detailed map's subtitle; more by their number, so
        // the line fits the frame (the layers name each incident's country). Not "at sea": cells a
        // server counted (a table read with --db) do not say which of their rows lie in no
        // country, and the map of a table is the map of the same rows from a file.
        let whereText = countries.isEmpty ? [] : countries.count <= 3 ? [countries.joined(separator: language.comma)]
            : [AggregateText.countriesCount.text(in: language, ["count": count(countries.count)])]
        scene.subtitle = ([dateRange(c, language), cells] + whereText).joined(separator: " · ")
        scene.incidents = items
        scene.summary = AggregateText.cellsSummary.text(in: language, ["count": count(c.count), "cells": count(items.count), "size": .text(across)]) + " "
            + items.prefix(10).map(\.keyText).joined(separator: " ")
        if !gazetteer.covers(LonLat(lon: b.minX, lat: b.minY)) || !gazetteer.covers(LonLat(lon: b.maxX, lat: b.maxY)) {
            scene.attribution.insert(builder.coverageNote, at: 1)
        }
        if !c.outlets.isEmpty {
            scene.attribution.append(AttributionText.incidentSourcesInclude.text(in: language, ["outlets": .text(c.outlets.joined(separator: language.semicolon))]))
        }
        scene.countries = scene.countries.map { var a = $0; a.focus = c.countries.contains($0.id); return a }
        options.binCellKm = hexagons.acrossKm
        if let placement = TimelinePlacement.of(request, given: timeline), !c.dayCounts.isEmpty {
            scene.timeline = SceneTimeline(language: language, dayCounts: c.dayCounts)
            options.timelineUnderMap = placement == .underMap
        }
        return try MapRenderer.render(scene, options: options)
    }

    /// The scene's items made of hexagons of incidents: each cell named after its town, with its
    /// count, kinds and toll in the map's language. One maker serves the panels of small multiples,
    /// which share the towns and the names already found.
    struct CellItems {
        let builder: SceneBuilder, language: MapLanguage, tollsGiven: Bool
        let towns: [GazetteerEntry], townPoints: TownPoints, reachKm: Double
        private var townNames: [Int: (name: String, credit: String?)] = [:]

        /// `bounds`: the incidents' extent (the towns are those within 2° of it); `acrossKm`: the
        /// hexagons' size (a cell is named after a town within three quarters of it).
        init(gazetteer: Gazetteer, builder: SceneBuilder, bounds: BoundingBox?, acrossKm: Double, tollsGiven: Bool) {
            self.builder = builder
            language = builder.language
            self.tollsGiven = tollsGiven
            towns = gazetteer.referenceTowns(minimumPopulation: 20_000, within: bounds.map { $0.expanded(dx: 2, dy: 2) })
            townPoints = TownPoints(towns)
            reachKm = max(30, acrossKm * 0.75)
        }

        /// The name of the town a cell at `p` is named after, and the credit its name asks for (CLDR's).
        mutating func cellName(_ p: LonLat) -> (name: String, credit: String?)? {
            guard let i = RenderJob.cellTown(p, towns: townPoints, reachKm: reachKm) else { return nil }
            if let named = townNames[i] { return named }
            let name = builder.entryName(towns[i])
            let named = (name: name, credit: builder.cityNamesCredit([towns[i]], in: [name]))
            townNames[i] = named
            return named
        }

        /// The items of `bins` (largest first), numbered by rank.
        mutating func items(_ bins: [HexBins.Bin]) -> [SceneIncident] {
            let count = { (n: Int) in TextValue.number(n) }
            var items: [SceneIncident] = []
            for (rank, bin) in bins.enumerated() {
                let centre = bin.centre
                let kind = bin.kinds.max { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }!.key
                let named = cellName(centre), near = named?.name
                let title = near.map { AggregateText.cellNear.text(in: language, ["count": count(bin.count), "place": .text($0)]) }
                    ?? IncidentText.count.text(in: language, ["count": count(bin.count)])
                // English writes a cell's centre as "31.56°N 106.3°W": a hemisphere letter for the sign
                // (it had written "-106.3°E").
                let at = language == .en
                    ? "\(NumberFormat.fixed(abs(centre.lat), 2))°\(centre.lat < 0 ? "S" : "N") \(NumberFormat.fixed(abs(centre.lon), 2))°\(centre.lon < 0 ? "W" : "E")"
                    : GeoText.point(lat: centre.lat, lon: centre.lon, in: language)
                let sorted = bin.kinds.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
                let kindTexts = language == .en ? sorted.map { "\($0.value) \($0.key.rawValue)" }
                    : sorted.map { "\(RenderJob.kindName($0.key, language)) (\(language.number($0.value)))" }
                let kinds = kindTexts.joined(separator: language.comma)
                let keyText = AggregateText.cellKey.text(in: language, ["title": .text(title), "centre": .text(at), "kinds": .text(kinds), "killed": count(bin.killed)],
                                                         dropLastClause: !tollsGiven)
                // Without any toll in the input the label's second line gives the kinds, not "0 fatalities claimed".
                let detail = tollsGiven ? IncidentText.fatalitiesClaimed.text(in: language, ["killed": count(bin.killed)])
                    : kindTexts.prefix(2).joined(separator: language.comma)
                var item = SceneIncident(id: "cell-\(rank + 1)", location: centre, number: rank + 1, title: title,
                                         detail: detail, keyText: keyText,
                                         style: MarkerStyle(rawValue: kind.rawValue) ?? .other, importance: bin.killed)
                item.count = bin.count
                item.killed = bin.killed
                item.kinds = bin.kinds.map { KindCount(kind: RenderJob.kindName($0.key, language), count: $0.value) }.sorted { ($0.count, $1.kind) > ($1.count, $0.kind) }
                item.place = near ?? at
                item.nameCredit = named?.credit
                items.append(item)
            }
            return items
        }
    }

    /// The corners of the collector's extent: the towns an aggregated map may name lie near them.
    static func extentCorners(_ c: MapCollector) -> [LonLat] {
        c.bounds.map { [LonLat(lon: $0.minX, lat: $0.minY), LonLat(lon: $0.maxX, lat: $0.maxY)] } ?? []
    }

    /// The collector's incidents (and the server's cells) counted in cells of `size` degrees,
    /// in key order.
    static func fineCells(_ c: MapCollector, size: Double) throws -> [HexBins.Bin] {
        var bins: [Int64: HexBins.Bin] = [:]
        for (p, category, killed) in c.points {
            bins[cellKey(p, size: size), default: HexBins.Bin()].add(count: 1, killed: killed, sumLon: p.lon, sumLat: p.lat, category: category)
        }
        // Cells the server counted (a table read with --db), at this size.
        if var server = c.serverCells {
            if server.size != size, let rebin = c.serverRebin { server = try rebin(size) }
            if bins.isEmpty {
                // The server sends a cell's kinds one after another: they are summed in the same
                // order without a dictionary of a few hundred thousand cells.
                var merged: [(key: Int64, bin: HexBins.Bin)] = []
                for g in server.cells {
                    if merged.last?.key != g.key { merged.append((g.key, HexBins.Bin())) }
                    merged[merged.count - 1].bin.add(count: g.count, killed: g.killed, sumLon: g.sumLon, sumLat: g.sumLat, category: g.category)
                }
                // The key packs a negative row after the positive ones: sorted again, each key once
                // unless the server's rows of one cell were not together (then the dictionary below).
                merged.sort { $0.key < $1.key }
                if zip(merged, merged.dropFirst()).allSatisfy({ $0.key < $1.key }) { return merged.map(\.bin) }
            }
            for g in server.cells {
                bins[g.key, default: HexBins.Bin()].add(count: g.count, killed: g.killed, sumLon: g.sumLon, sumLat: g.sumLat, category: g.category)
            }
        }
        return bins.sorted { $0.key < $1.key }.map(\.value)
    }

    /// The towns' points, populations and names in arrays of their own, so that the search of each
    /// cell reads numbers, not entries: copying each entry (its strings and lists retained and
    /// released) for every cell and town had taken 2 of the 4 s of a world map's drawing.
    struct TownPoints {
        let lon: [Double], lat: [Double], population: [Int], name: [String]
        init(_ towns: [GazetteerEntry]) {
            (lon, lat) = (towns.map(\.location.lon), towns.map(\.location.lat))
            (population, name) = (towns.map(\.population), towns.map(\.name))
        }
    }

    /// The town (index into `towns`) a cell is named after: the most populous within `reachKm` of
    /// its centre (Tehran, not a suburb that happens to lie nearer the cell's centre of mass);
    /// with no town that close, the nearest within 60 km; else none. Chosen by the towns' Latin
    /// names, so that every language names the same one.
    static func cellTown(_ p: LonLat, towns t: TownPoints, reachKm: Double) -> Int? {
        var nearest: (km: Double, index: Int)?
        var biggest: (population: Int, index: Int)?
        let scale = cos(p.lat * .pi / 180)
        for i in t.lon.indices {
            let dx = (t.lon[i] - p.lon) * scale, dy = t.lat[i] - p.lat
            let km = (dx * dx + dy * dy).squareRoot() * 111
            if km <= reachKm, biggest.map({ t.population[i] > $0.population || (t.population[i] == $0.population && t.name[$0.index] > t.name[i]) }) ?? true {
                biggest = (t.population[i], i)
            }
            if nearest.map({ km < $0.km }) ?? true { nearest = (km, i) }
        }
        return biggest?.index ?? nearest.flatMap { $0.km < 60 ? $0.index : nil }
    }

    /// The days an aggregated map's incidents span, as the subtitle gives them ("" for none).
    static func dateRange(_ c: MapCollector, _ language: MapLanguage) -> String {
        guard let first = c.first else { return "" }
        let last = c.last ?? first
        guard language != .en else { return first == last ? first.shortText : "\(first.shortText) – \(last.shortText)" }
        let day = { (d: CalendarDate) in language.day(year: d.year, month: d.month, day: d.day) }
        let range = first == last ? day(first) : "\(day(first)) – \(day(last))"
        return language.isRightToLeft ? "\u{200F}" + range + "\u{200F}" : range
    }

    /// A kind of incident as an aggregated map names it ("strike", "bombing", "attack, clash or other").
    static func kindName(_ category: IncidentCategory, _ language: MapLanguage) -> String {
        (MarkerStyle(rawValue: category.rawValue) ?? .other).kindName(in: language)
    }

    /// The side of an aggregation cell (degrees) for incidents within `b`: a sixtieth of its
    /// larger side, at least 0.05° (the fine cells are a quarter of it).
    static func cellSize(_ b: BoundingBox) -> Double {
        max(0.05, max(b.width, b.height) / 60)
    }

    /// The cell of `p` in a grid of `size` degrees: the column in the high 32 bits, the row in
    /// the low 32 bits as an unsigned pattern, so that negative rows (south of the equator) and
    /// negative columns (west of Greenwich) stay apart from their neighbours.
    static func cellKey(_ p: LonLat, size: Double) -> Int64 {
        cellKey(column: Int64((p.lon / size).rounded(.down)), row: Int64((p.lat / size).rounded(.down)))
    }

    /// The key of the cell in `column` and `row` (as `cellKey(_:size:)` packs them; the server's
    /// grouping gives them as numbers).
    static func cellKey(column: Int64, row: Int64) -> Int64 {
        Int64(Int32(truncatingIfNeeded: column)) << 32 | Int64(UInt32(bitPattern: Int32(truncatingIfNeeded: row)))
    }

    /// Why `--aggregate admin2` cannot be drawn: the data has no district boundaries at all.
    public static let noDistricts = "--aggregate admin2: the gazetteer has no district (admin-2) boundaries (Gazetteer/data/districts.geojson is missing: run Gazetteer/build.sh); use --aggregate admin1 (provinces) or cells"

    /// Why `--aggregate admin2` cannot be drawn for incidents in `countries`, none of which has
    /// district boundaries in the data (`none` incidents lie in no country at all).
    static func noDistricts(in countries: [String], names: (String) -> String?) -> String {
        let list = countries.map { c in names(c).map { "\($0) (\(c))" } ?? c }
        return "--aggregate admin2: no incident lies in a district: the gazetteer has no district (admin-2) boundaries for "
            + (list.isEmpty ? "where the incidents are (at sea or outside every country)" : list.joined(separator: ", "))
            + " (Gazetteer/README.md lists the countries with districts); use --aggregate admin1 (provinces) or cells"
    }

    /// The map of incidents per province (`unit` .province) or district (.district): each one
    /// that holds any shaded by its class (Jenks' natural breaks over the counts, five classes at
    /// most) and named with its count; no markers. Incidents in none are counted in the key.
    /// A district map draws the districts around the incidents, thinner than the provinces.
    /// - Throws: `FilterError` when a district map is asked for where there are no districts.
    static func choroplethMap(_ c: MapCollector, _ run: RunIncidents, _ request: RenderRequest,
                              unit: ChoroplethUnit = .province) throws -> RenderedMap {
        let gazetteer = run.gazetteer
        if unit == .district && !gazetteer.hasDistricts { throw FilterError(message: RenderJob.noDistricts, isUsage: true) }
        var counts: [String: Int] = [:], killed: [String: Int] = [:]
        // Incidents known only to their province (to their country) are in no district (province)
        // that is known: counted apart, not in the unit that holds the point standing for theirs.
        var outside = 0, unknownUnit = 0
        // Rows of one place come in runs and hubs repeat: remember the last answers.
        var known: [LonLat: String?] = [:]
        let coasts = Coasts()
        var coarse = (unit == .district ? c.provinceOnly : c.countryOnly).makeIterator(), skip = coarse.next()
        for (n, (p, _, k)) in c.points.enumerated() {
            if n == skip {
                skip = coarse.next()
                unknownUnit += 1
                continue
            }
            let id: String?
            if let hit = known[p] { id = hit } else {
                // A point just off the coast of its country, or just across its border, is counted
                // where the layer places it; any other where its polygon is.
                if let country = c.offshore[p] {
                    id = unit == .district ? coasts.district(near: p, in: country, gazetteer)?.id : coasts.province(near: p, in: country, gazetteer)?.id
                } else {
                    id = unit == .district ? gazetteer.districtName(at: p)?.id : gazetteer.province(at: p)?.id
                }
                if known.count < 1_000_000 { known[p] = id }
            }
            guard let id else { outside += 1; continue }
            counts[id, default: 0] += 1
            killed[id, default: 0] += k
        }
        if unit == .district && counts.isEmpty {
            throw FilterError(message: RenderJob.noDistricts(in: c.countries.sorted(), names: { gazetteer.country(code: $0)?.name }), isUsage: true)
        }
        let breaks = ClassBreaks.jenks(Array(counts.values), classes: MapStyleClasses.count)
        let title = RenderJob.title(run, countries: c.countries, atSea: c.atSea(run.gazetteer), request)
        let language = request.language, byDistrict = unit == .district
        let builder = SceneBuilder(gazetteer: gazetteer, language: language)
        var scene = builder.scene([], placesNear: extentCorners(c), title: title, crsName: crsName(request, language), command: request.command)
        scene.tollsGiven = c.tollsGiven
        let inUnits = (byDistrict ? AggregateText.districtsSubtitle : .provincesSubtitle).text(in: language, ["count": .number(c.count), "units": .number(counts.count)])
            + (outside > 0 ? " " + (byDistrict ? AggregateText.outsideDistricts : .outsideProvinces).text(in: language, ["count": .number(outside)]) : "")
            + (unknownUnit > 0 ? " " + (byDistrict ? AggregateText.provinceOnly : .countryOnly).text(in: language, ["count": .number(unknownUnit)]) : "")
        scene.subtitle = [dateRange(c, language), inUnits, language.ui.claims].joined(separator: " · ")
        scene.choropleth = Choropleth(counts: counts, killed: killed, breaks: breaks, method: AggregateText.jenks.text(in: language), outside: outside, coarser: unknownUnit, unit: unit)
        // English has always written these counts without separators.
        let plain = { (n: Int) in language == .en ? TextValue.plain(n) : .number(n) }
        scene.summary = (byDistrict ? AggregateText.districtsSummary : .provincesSummary).text(in: language, [
            "count": plain(c.count), "units": plain(counts.count), "classes": plain(breaks.count),
        ])
        if !c.outlets.isEmpty {
            scene.attribution.append(AttributionText.incidentSourcesInclude.text(in: language, ["outlets": .text(c.outlets.joined(separator: language.semicolon))]))
        }
        scene.countries = scene.countries.map { var a = $0; a.focus = c.countries.contains($0.id); return a }
        var options = try mapOptions(request)
        // The incidents with a margin, so that the provinces around them show too (the short way
        // round: across the antimeridian around Fiji).
        if let b = c.shortWayBounds {
            let pad = max(0.5, 0.15 * max(b.width, b.height))
            options.bbox = b.expanded(dx: pad, dy: pad)
        }
        if unit == .district {
            // Only the districts that can show (near the incidents' box: the frame fits it, with the
            // margin above; a little more for a frame wider than the box), and only those of the
            // countries with incidents: their neighbours' thousands of municipalities are noise.
            let reach = (options.bbox ?? c.bounds ?? gazetteer.coverage).expanded(dx: 3, dy: 3)
            scene.districts = reach.withinAntimeridian.flatMap { gazetteer.districts(near: $0) }.filter { c.countries.contains($0.country) }.map { d in
                var a = SceneArea(id: d.id, name: d.name, geometry: d.geometry)
                a.country = d.country
                a.localName = builder.localName(of: d)
                return a
            }
        }
        return try MapRenderer.render(scene, options: options)
    }
}

/// How many classes a choropleth has at most (the style sheet has a fill for each).
enum MapStyleClasses {
    static let count = 5
}
