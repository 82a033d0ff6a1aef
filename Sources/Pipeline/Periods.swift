import Geometry
import Incidents
import Rendering

extension CalendarDate {
    /// The date's day number (days since 1970-01-01), as the timeline counts days.
    var dayNumber: Int { CivilDay.number(year: year, month: month, day: day) }

    /// The date of day number `n`.
    init(dayNumber n: Int) {
        let d = CivilDay.date(n)
        self.init(year: d.year, month: d.month, day: d.day)!  // a day number always names a real date
    }
}

/// The periods small multiples are cut by (`render --by`).
public enum Period: String, Sendable, CaseIterable {
    case day, week, month, quarter, year

    /// Most panels a map may have; past this, a coarser period is asked for.
    public static let maxPanels = 36

    /// The period `d` falls in, as data (`2024-01-16`, `2024-W03` (ISO 8601 week), `2024-01`,
    /// `2024-Q1`, `2024`), and as the reader of `language` sees it.
    func key(_ d: CalendarDate, _ language: MapLanguage = .en) -> (key: String, name: String) {
        let iso = d.description
        let day = { (d: CalendarDate) in language == .en ? d.shortText : language.day(year: d.year, month: d.month, day: d.day) }
        switch self {
        case .day: return (iso, day(d))
        case .week:
            // The ISO week: the one holding the Thursday of the week (weeks begin on Monday).
            let n = d.dayNumber, weekday = CivilDay.weekday(n)
            let thursday = n - weekday + 3, year = CivilDay.date(thursday).year
            let week = (thursday - CivilDay.number(year: year, month: 1, day: 1)) / 7 + 1
            let start = CalendarDate(dayNumber: n - weekday)
            return ("\(year)-W\(week < 10 ? "0" : "")\(week)",
                    PanelText.week.text(in: language, ["week": .plain(week), "year": .plain(year), "date": .text(day(start))]))
        case .month:
            let month = language.standaloneMonthNames(abbreviated: false)[d.month - 1]
            return (String(iso.prefix(7)), PanelText.month.text(in: language, ["month": .text(month), "year": .plain(d.year)]))
        case .quarter:
            let quarter = (d.month - 1) / 3 + 1
            return ("\(d.year)-Q\(quarter)", PanelText.quarter.text(in: language, ["quarter": .plain(quarter), "year": .plain(d.year)]))
        case .year: return (String(d.year), language.digits(String(d.year)))
        }
    }

    /// "one panel per month" in `language`.
    func perPanel(_ language: MapLanguage) -> String {
        let key: PanelText
        switch self {
        case .day: key = .perDay
        case .week: key = .perWeek
        case .month: key = .perMonth
        case .quarter: key = .perQuarter
        case .year: key = .perYear
        }
        return key.text(in: language)
    }

    /// Every period from the one of `first` to the one of `last`, in order (empty ones included);
    /// nil when there would be more than `limit`.
    func periods(from first: CalendarDate, to last: CalendarDate, limit: Int, language: MapLanguage = .en) -> [(key: String, name: String)]? {
        var out: [(key: String, name: String)] = []
        let end = last.dayNumber
        var n = first.dayNumber
        while n <= end {
            let k = key(CalendarDate(dayNumber: n), language)
            if out.last?.key != k.key {
                out.append(k)
                if out.count > limit { return nil }
            }
            n += 1
        }
        return out
    }

    /// `self` or the first coarser period whose panels from `first` to `last` fit `maxPanels`; nil when none does.
    func fitting(from first: CalendarDate, to last: CalendarDate) -> Period? {
        var period: Period? = self
        while let p = period, p.periods(from: first, to: last, limit: Period.maxPanels) == nil { period = p.coarser }
        return period
    }

    /// The next coarser period, if any.
    var coarser: Period? {
        let all = Period.allCases
        let i = all.firstIndex(of: self)!
        return i + 1 < all.count ? all[i + 1] : nil
    }
}

extension RenderJob {
    /// Small multiples: a panel per `by` period from the first incident's to the last's, each
    /// with its period's incidents (by their first day), all in one CRS and one extent.
    static func smallMultiples(_ run: RunIncidents, by: Period, _ request: RenderRequest) throws -> SVGNode {
        let incidents = run.incidents
        guard let first = incidents.map(\.incident.date.start).min(), let last = incidents.map(\.incident.date.start).max() else {
            throw FilterError(message: "no incidents to map")
        }
        let periods = try panelPeriods(by, from: first, to: last, request)
        let builder = SceneBuilder(gazetteer: run.gazetteer, pinned: Set(request.labels), language: request.language)
        let title = title(run, countries: Set(incidents.compactMap(\.country)), atSea: atSea(incidents, run.gazetteer), request)
        let whole = builder.scene(incidents, title: title, crsName: crsName(request, request.language), command: request.command)
        let options = try panelOptions(BoundingBox.shortWay(incidents.lazy.map(\.point))!, request)
        var byPeriod: [String: [ResolvedIncident]] = [:]
        for r in incidents { byPeriod[by.key(r.incident.date.start).key, default: []].append(r) }
        let panels = periods.map { period -> ScenePanel in
            let mine = byPeriod[period.key] ?? []
            var scene = builder.scene(mine, title: period.name, crsName: crsName(request, request.language), command: nil)
            scene.subtitle = IncidentText.count.text(in: request.language, ["count": .plain(mine.count)])
            return ScenePanel(period: period.key, scene: scene)
        }
        let subtitle = whole.subtitle + " · " + by.perPanel(request.language)
        return try SmallMultiples.build(panels, title: title, subtitle: subtitle, attribution: whole.attribution, options: options)
    }

    /// The panels from the period of `first` to that of `last`, or an error that names a coarser
    /// period that fits.
    static func panelPeriods(_ by: Period, from first: CalendarDate, to last: CalendarDate, _ request: RenderRequest) throws -> [(key: String, name: String)] {
        guard let periods = by.periods(from: first, to: last, limit: Period.maxPanels, language: request.language) else {
            let hint = by.coarser?.fitting(from: first, to: last).map { "; try --by \($0.rawValue)" } ?? ""
            throw FilterError(message: "--by \(by.rawValue) would draw more than \(Period.maxPanels) panels from \(first.shortText) to \(last.shortText)\(hint), or narrow the dates with --from/--to")
        }
        return periods
    }

    /// The options every panel shares: one extent, the incidents' `bounds` (`BoundingBox.shortWay`:
    /// across the antimeridian its east edge lies past 180°) padded as a single map pads them (30%,
    /// at least 1.5°), and one CRS.
    static func panelOptions(_ bounds: BoundingBox, _ request: RenderRequest) throws -> MapOptions {
        let pad = max(1.5, 0.3 * max(bounds.width, bounds.height))
        var options = try mapOptions(request)
        let west = bounds.minX - pad, east = bounds.maxX + pad
        let (minX, maxX) = east - west >= 360 ? (-180.0, 180.0) : bounds.maxX > 180 ? (west, east) : (max(-180, west), min(180, east))
        let box = BoundingBox(minX: minX, minY: max(-85, bounds.minY - pad), maxX: maxX, maxY: min(85, bounds.maxY + pad))
        options.bbox = box
        options.crs = request.crs ?? MapRenderer.defaultCRS(center: LonLat(lon: box.center.x, lat: box.center.y))
        return options
    }

    /// Small multiples of an aggregated map: a panel per `by` period of the hexagons its
    /// incidents fall in (by their first day). Every panel has the same extent, CRS, hexagons (the
    /// whole run's size and grid) and marker scale (the largest cell of any panel), so that a
    /// marker of 50 incidents is the same in January as in June, and the panels' cells add up to
    /// the run's.
    static func aggregatedSmallMultiples(_ c: MapCollector, _ run: RunIncidents, by: Period, _ request: RenderRequest) throws -> SVGNode {
        guard let bounds = c.shortWayBounds, let firstDay = c.pointDays.min(), let lastDay = c.pointDays.max() else {
            throw FilterError(message: "no incidents to map")
        }
        let periods = try panelPeriods(by, from: CalendarDate(dayNumber: Int(firstDay)), to: CalendarDate(dayNumber: Int(lastDay)), request)
        let language = request.language, gazetteer = run.gazetteer
        let builder = SceneBuilder(gazetteer: gazetteer, language: language)
        var options = try panelOptions(bounds, request)
        let crs = options.crs!
        // Each incident in the fine cell of the whole map's size, once for the whole run (which
        // sets the hexagons' size) and once for its period's panel.
        let size = cellSize(bounds) / HexBins.fineCellsPerHexagon
        let index = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1.key, $0) })
        var panelOfDay: [Int32: Int] = [:]
        var all: [Int64: HexBins.Bin] = [:]
        var perPanel = [[Int64: HexBins.Bin]](repeating: [:], count: periods.count)
        for (i, (p, category, killed)) in c.points.enumerated() {
            let day = c.pointDays[i]
            let panel: Int
            if let known = panelOfDay[day] { panel = known } else {
                panel = index[by.key(CalendarDate(dayNumber: Int(day))).key]!
                panelOfDay[day] = panel
            }
            let key = cellKey(p, size: size)
            all[key, default: HexBins.Bin()].add(count: 1, killed: killed, sumLon: p.lon, sumLat: p.lat, category: category)
            perPanel[panel][key, default: HexBins.Bin()].add(count: 1, killed: killed, sumLon: p.lon, sumLat: p.lat, category: category)
        }
        let sorted = { (bins: [Int64: HexBins.Bin]) in bins.sorted { $0.key < $1.key }.map(\.value) }
        let wholeRun = try HexBins.group(sorted(all), crs: crs, options: options), acrossKm = wholeRun.acrossKm
        let hexagons = try perPanel.map { try HexBins.group(sorted($0), crs: crs, options: options, acrossKm: acrossKm).bins }
        var cellItems = CellItems(gazetteer: gazetteer, builder: builder, bounds: bounds, acrossKm: acrossKm, tollsGiven: c.tollsGiven)
        let count = { (n: Int) in TextValue.number(n) }
        let crsText = crsName(request, language)
        let panels = periods.enumerated().map { k, period -> ScenePanel in
            var scene = builder.scene([], placesNear: extentCorners(c), title: period.name, crsName: crsText, command: nil)
            scene.tollsGiven = c.tollsGiven
            scene.incidents = cellItems.items(hexagons[k])
            scene.countries = scene.countries.map { var a = $0; a.focus = c.countries.contains($0.id); return a }
            scene.subtitle = IncidentText.count.text(in: language, ["count": count(hexagons[k].map(\.count).reduce(0, +))])
            return ScenePanel(period: period.key, scene: scene)
        }
        options.binCellKm = acrossKm
        let title = RenderJob.title(run, countries: c.countries, atSea: c.atSea(run.gazetteer), request)
        var whole = builder.scene([], placesNear: extentCorners(c), title: title, crsName: crsText, command: request.command)
        let cells = AggregateText.cellsSubtitle.text(in: language, ["count": count(c.count), "cells": count(wholeRun.bins.count), "size": .text(language.rounded(acrossKm))])
        if !c.outlets.isEmpty {
            whole.attribution.append(AttributionText.incidentSourcesInclude.text(in: language, ["outlets": .text(c.outlets.joined(separator: language.semicolon))]))
        }
        let subtitle = [dateRange(c, language), cells, by.perPanel(language)].joined(separator: " · ")
        return try SmallMultiples.build(panels, title: title, subtitle: subtitle, attribution: whole.attribution, options: options)
    }

    /// The small multiples a report shows when its incidents span more than one calendar month:
    /// a panel per month, or per the finest coarser period that fits `Period.maxPanels`, of the
    /// incidents or, when the map aggregates them, of their cells; nil for one month, or for a map
    /// of provinces or districts shaded by their incidents.
    static func reportMultiples(_ collector: MapCollector, _ run: RunIncidents, _ request: RenderRequest) throws -> (period: Period, root: SVGNode)? {
        let cells = collector.drawsCells(request)
        guard cells || request.aggregate == .auto else { return nil }
        let starts = cells ? [collector.pointDays.min(), collector.pointDays.max()].compactMap { $0.map { CalendarDate(dayNumber: Int($0)) } }
            : run.incidents.map(\.incident.date.start)
        guard let first = starts.min(), let last = starts.max(), first.year != last.year || first.month != last.month else { return nil }
        guard let by = Period.month.fitting(from: first, to: last) else { return nil }
        // Its ids apart from the map's, in the same document.
        var r = request
        r.idPrefix = request.idPrefix + "by-"
        return (by, cells ? try aggregatedSmallMultiples(collector, run, by: by, r) : try smallMultiples(run, by: by, r))
    }
}
