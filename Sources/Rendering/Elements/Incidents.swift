import Foundation
import Geometry
import Projection

/// The incidents drawn on the map: where each is, the markers that stand for them (incidents at
/// nearly one point merged into one graduated marker), which markers are labelled and numbered,
/// and their uncertainty halos, strike arrows and symbols.
struct IncidentsElement {
    /// Each incident's position in SVG px, of those on the map.
    var anchors: [XY] = []
    /// The markers, in scene order of their first incident.
    let layout: MarkerLayout
    var groups: [MarkerGroup] { layout.groups }
    /// Indices into `groups` of the labelled markers, by key number.
    let labelled: [Int]
    var halos: [SVGNode] = [], arrows: [SVGNode] = [], markers: [SVGNode] = [], numbers: [SVGNode] = []
    /// Whether the scene's items are aggregation cells, not incidents.
    let binned: Bool
    /// The language of the merged markers' tooltips.
    let language: MapLanguage

    /// Lays the markers out and picks those to label; `draw` makes their nodes.
    init(_ scene: MapScene, options: MapOptions, frame: MapFrame) throws {
        // The incidents off the map (`MapFrame.offMap`) get no marker; the others are laid out as
        // if they were all there is, and their indices mapped back to the scene's.
        let offMap = Set(frame.offMap)
        let onMap = scene.incidents.indices.filter { !offMap.contains($0) }
        for i in onMap { anchors.append(try frame.toSVG(scene.incidents[i].location)) }
        binned = options.binCellKm != nil
        language = options.language
        // A map of so few incidents that each has its own key entry keeps each its own marker.
        var layout = MarkerLayout(anchors: anchors, counts: onMap.map { scene.incidents[$0].count }, frame: frame.frame,
                                  spread: !binned && onMap.count <= options.maxKeyEntries, fixedScale: options.markerScale)
        if !offMap.isEmpty { layout.renumberMembers(onMap) }
        labelled = IncidentsElement.pickLabelled(layout.groups, scene: scene, limit: options.maxKeyEntries)
        for (number, g) in labelled.enumerated() { layout.number(g, number + 1) }
        self.layout = layout
    }

    /// The markers to label, by key number: all when few; else those holding an incident the input
    /// asks to label, then the deadliest (the most fatalities claimed in all), the largest, the
    /// earliest, up to `limit` (pinned ones always). The rule is the same for an aggregated map's
    /// cells, so that a map looks alike either side of the step to aggregation.
    /// Numbers follow the scene's order (by date; a cell's rank).
    static func pickLabelled(_ groups: [MarkerGroup], scene: MapScene, limit: Int) -> [Int] {
        guard groups.count > limit else { return Array(groups.indices) }
        func rank(_ i: Int) -> (Int, Int, Int, Int) {
            let g = groups[i]
            let pinned = g.members.contains { scene.incidents[$0].pinned } ? 1 : 0
            return (pinned, killed(g.members, scene: scene), g.count, -i)
        }
        let ranked = groups.indices.sorted { rank($0) > rank($1) }
        let pinned = ranked.filter { rank($0).0 == 1 }
        return Array(Set(pinned + ranked.prefix(max(0, limit - pinned.count)))).sorted()
    }

    /// The key number of each incident on a numbered marker, by scene index.
    var keyNumbers: [Int: Int] {
        var numbers: [Int: Int] = [:]
        for g in groups where g.number > 0 { for m in g.members { numbers[m] = g.number } }
        return numbers
    }

    /// Draws the markers and blocks their symbols and arrows in `placer`.
    mutating func draw(_ scene: MapScene, frame: MapFrame, p: String, placer: inout LabelPlacer) throws {
        let n = SVGDraw.n
        // Largest first, so that a smaller marker always lies over a larger one.
        for g in groups.sorted(by: { ($0.radius, $1.members[0]) > ($1.radius, $0.members[0]) }) {
            let c = g.centre, size = g.radius / MarkerLayout.singleRadius
            let a = g.anchor, o = XY(x: c.x - a.x, y: c.y - a.y)
            let first = scene.incidents[g.members[0]]
            // Labels keep off every numbered marker and every marker of ordinary size or larger; they
            // may cover the small dots of a crowded map, which are counted in the key.
            let reach = max(9 * size, g.radius + 2)
            if g.number > 0 || g.radius >= 6 {
                placer.block(BoundingBox(minX: c.x - reach, minY: c.y - reach, maxX: c.x + reach, maxY: c.y + reach))
            }
            let single = g.isIncident(in: scene)
            if single, first.uncertaintyKm > 0 {
                let edge = Geodesic.wgs84.direct(lon: first.location.lon, lat: first.location.lat, azimuth: 90, distance: first.uncertaintyKm * 1000)
                let e = try frame.toSVG(LonLat(lon: edge.lon, lat: edge.lat))
                let r = ((e.x - a.x) * (e.x - a.x) + (e.y - a.y) * (e.y - a.y)).squareRoot()
                halos.append(.el("circle", [("class", "\(p)uncertainty" + (first.style == .strike ? "" : " \(p)\(first.style.rawValue)")),
                                            ("data-incident-id", first.id), ("cx", n(a.x)), ("cy", n(a.y)), ("r", n(r))]))
            }
            if single, let origin = first.origin, let arrow = try IncidentsElement.arrow(first, from: frame.toSVG(origin), to: c, language: language, p: p, placer: &placer) {
                arrows.append(arrow)
            }
            let style = IncidentsElement.style(g, scene: scene)
            var children: [SVGNode] = [.el("title", [], [.text(single ? first.keyText : IncidentsElement.summary(g, scene: scene, language: language))])]
            if o.x != 0 || o.y != 0 {
                children.append(.el("line", [("class", "\(p)leader"), ("x1", "0"), ("y1", "0"), ("x2", n(o.x)), ("y2", n(o.y))]))
                children.append(.el("circle", [("class", "\(p)anchor-dot"), ("cx", "0"), ("cy", "0"), ("r", "2")]))
            }
            children.append(IncidentsElement.symbol(style, size: size, at: o, p: p))
            // Numbers go in a layer above every marker, so that no smaller marker hides one.
            if g.number > 0, g.radius >= 6 {
                numbers.append(.el("text", [("class", "\(p)marker-number"), ("x", n(c.x)), ("y", n(c.y + (style == .explosion ? 5 * min(size, 1.6) : 3.5))), ("text-anchor", "middle")],
                                   [.text(String(g.number))]))
            }
            markers.append(.el("g", [("class", "\(p)incident \(p)\(style.rawValue)")] + identity(g, scene: scene)
                                     + [("transform", "translate(\(n(a.x)),\(n(a.y)))")], children))
        }
    }

    /// The symbol of a marker of `style`, `size` times an ordinary marker, centred on `o`.
    static func symbol(_ style: MarkerStyle, size s: Double, at o: XY, p: String) -> SVGNode {
        let n = SVGDraw.n
        switch style {
        case .strike:
            return .el("circle", [("class", "\(p)marker-strike"), ("cx", n(o.x)), ("cy", n(o.y)), ("r", n(8 * s))])
        case .other:
            return .el("path", [("class", "\(p)marker-other"),
                                ("d", "M\(n(o.x)),\(n(o.y - 9.5 * s))L\(n(o.x + 9.5 * s)),\(n(o.y))L\(n(o.x)),\(n(o.y + 9.5 * s))L\(n(o.x - 9.5 * s)),\(n(o.y))Z")])
        case .explosion:
            return .el("path", [("class", "\(p)marker-explosion"),
                                ("d", "M\(n(o.x)),\(n(o.y - 10.5 * s))L\(n(o.x + 9.5 * s)),\(n(o.y + 7 * s))L\(n(o.x - 9.5 * s)),\(n(o.y + 7 * s))Z")])
        }
    }

    /// The kind most of a marker's incidents are (ties: strike, explosion, other).
    static func style(_ g: MarkerGroup, scene: MapScene) -> MarkerStyle {
        var counts: [MarkerStyle: Int] = [:]
        for m in g.members { counts[scene.incidents[m].style, default: 0] += scene.incidents[m].count }
        return [MarkerStyle.strike, .explosion, .other].max { (counts[$0] ?? 0) <= (counts[$1] ?? 0) }!
    }

    /// A curved arrow from the strike's origin towards its symbol, when the origin is more than 20 px away.
    static func arrow(_ inc: SceneIncident, from q: XY, to symbol: XY, language: MapLanguage = .en, p: String, placer: inout LabelPlacer) -> SVGNode? {
        let n = SVGDraw.n
        let dx = q.x - symbol.x, dy = q.y - symbol.y
        let len = (dx * dx + dy * dy).squareRoot()
        guard len > 20 else { return nil }
        let ux = dx / len, uy = dy / len
        let startD = min(len, 78.0), endD = 11.0
        let s = XY(x: symbol.x + ux * startD, y: symbol.y + uy * startD), e = XY(x: symbol.x + ux * endD, y: symbol.y + uy * endD)
        let mid = XY(x: (s.x + e.x) / 2 - uy * 8, y: (s.y + e.y) / 2 + ux * 8)
        placer.block(BoundingBox(points: [s, e, mid])!.expanded(dx: 2, dy: 2))
        return .el("path", [("class", "\(p)arrow"), ("data-incident-id", inc.id),
                            ("d", "M\(n(s.x)),\(n(s.y))Q\(n(mid.x)),\(n(mid.y)) \(n(e.x)),\(n(e.y))"),
                            ("marker-end", "url(#\(p)arrowhead)")], [
            .el("title", [], [.text(IncidentText.strikeDirection.text(in: language, ["origin": .text(inc.originLabel ?? IncidentText.origin.text(in: language)),
                                                                                       "place": .text(inc.title)]))]),
        ])
    }
}

extension IncidentsElement {
    /// Ids listed on a marker that merges incidents; `data-count` says how many there are in all.
    static let listedIDs = 100

    /// What a marker stands for: one incident (`data-incident-id`), or several (`data-count`, and up
    /// to `listedIDs` of their ids in `data-incident-ids`); on an aggregated map its rank among the
    /// cells (`data-cell`) and the incidents it holds (`data-count`). The counts of all markers add
    /// up to the incidents drawn; `data-incident-id` never holds anything but an incident id.
    func identity(_ g: MarkerGroup, scene: MapScene) -> [(String, String)] {
        let first = scene.incidents[g.members[0]]
        if binned { return [("data-cell", String(g.members[0] + 1)), ("data-count", String(g.count))] }
        if g.isIncident(in: scene) { return [("data-incident-id", first.id)] }
        return [("data-count", String(g.count)), ("data-incident-ids", g.members.prefix(IncidentsElement.listedIDs).map { scene.incidents[$0].id }.joined(separator: " "))]
    }

    /// The member whose place names a merged marker: the first with its members' most frequent
    /// place, the earliest first among equally frequent ones.
    static func namedMember(_ g: MarkerGroup, scene: MapScene) -> Int {
        var counts: [String: Int] = [:], first: [String: Int] = [:], order: [String] = []
        for m in g.members {
            let name = name(of: m, scene: scene)
            if counts[name] == nil { order.append(name); first[name] = m }
            counts[name, default: 0] += scene.incidents[m].count
        }
        return first[order.max { (counts[$0]!, order.firstIndex(of: $1)!) < (counts[$1]!, order.firstIndex(of: $0)!) }!]!
    }

    static func name(of member: Int, scene: MapScene) -> String { scene.incidents[member].place ?? scene.incidents[member].title }

    /// The kinds of the incidents behind `members`, most frequent first: "Armed clash (20), IED (17)"
    /// (the kinds in the input's words, the numbers and the rest in `language`).
    static func kindsText(_ members: [Int], scene: MapScene, limit: Int = 4, language: MapLanguage = .en) -> String {
        var counts: [String: Int] = [:]
        for m in members {
            let inc = scene.incidents[m]
            if inc.kinds.isEmpty { counts[inc.style.rawValue, default: 0] += inc.count } else { for k in inc.kinds { counts[k.kind, default: 0] += k.count } }
        }
        let sorted = counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        var parts = sorted.prefix(limit).map { "\($0.key) (\(language.number($0.value)))" }
        let rest = sorted.dropFirst(limit).map(\.value).reduce(0, +)
        if rest > 0 { parts.append(IncidentText.otherKinds.text(in: language, ["count": .number(rest)])) }
        return parts.joined(separator: language.comma)
    }

    /// The dates a marker's incidents span: "16 Jan 2024" or "16 Jan 2024 – 27 Jan 2024"; empty for cells.
    static func dateRange(_ members: [Int], scene: MapScene) -> String {
        let dated = members.map { scene.incidents[$0] }.filter { !$0.dateKey.isEmpty }
        guard let first = dated.min(by: { $0.dateKey < $1.dateKey }), let last = dated.max(by: { $0.dateKey < $1.dateKey }) else { return "" }
        return first.dateKey == last.dateKey ? first.dateText : "\(first.dateText) – \(last.dateText)"
    }

    /// The fatalities claimed for `members` in all (each incident's largest claim).
    static func killed(_ members: [Int], scene: MapScene) -> Int {
        members.map { scene.incidents[$0].killed }.reduce(0, +)
    }

    /// Whether a toll is said of `members`: one of them gives a number killed. In a file where
    /// some rows give a toll and others none, "0 fatalities claimed" under a marker of the others
    /// would read as a claim that no one died.
    static func givesToll(_ members: [Int], scene: MapScene) -> Bool {
        scene.tollsGiven && members.contains { scene.incidents[$0].tollGiven }
    }

    /// A merged marker's tooltip and key text: how many, where, when, of what kinds, how many dead.
    static func summary(_ g: MarkerGroup, scene: MapScene, language: MapLanguage = .en) -> String {
        let dates = dateRange(g.members, scene: scene)
        let named = scene.incidents[namedMember(g, scene: scene)]
        let where_ = named.place ?? named.title
        if language != .en {
            let ui = language.ui
            return UIText.format(ui.incidentsCount, g.count, language) + " " + (named.placeAbout ?? UIText.format(ui.near, where_)) + (dates.isEmpty ? "" : language.comma + dates)
                + language.colon + kindsText(g.members, scene: scene, language: language)
                + (givesToll(g.members, scene: scene) ? language.semicolon + UIText.format(ui.killedInAll, killed(g.members, scene: scene), language) + " (\(ui.largestClaim))" : "") + "."
        }
        // The preposition of the member the place is named from.
        return "\(NumberFormat.grouped(g.count)) incident\(g.count == 1 ? "" : "s") " + (named.placeAbout ?? ((named.place == nil ? "at or near " : "near ") + where_)) + (dates.isEmpty ? "" : ", \(dates)") + ": \(kindsText(g.members, scene: scene))"
            + (givesToll(g.members, scene: scene) ? "; \(NumberFormat.grouped(killed(g.members, scene: scene))) fatalities claimed in all (each incident's largest claim)." : ".")
    }
}
