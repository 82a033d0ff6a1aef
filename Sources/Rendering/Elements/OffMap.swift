import Foundation
import Geometry
import Projection

/// The incidents beyond the frame (the distant outliers of `MapFrame.offMap`): for each direction
/// they lie in, an arrow just inside the frame's edge pointing at them, with a label that says how
/// many and how far ("1 incident in London (GB), 5,230 km"; the geodesic distance from the frame's
/// centre). Outliers within `spreadDegrees` of one another, as seen from the centre, and at about
/// the same distance share an arrow.
///
/// Each arrow is a group of class `offmap` in the incidents layer, so that the counts of that layer
/// (`data-count`) still add up to the incidents drawn; its label is placed with the other labels.
struct OffMapElement {
    static let spreadDegrees = 12.0, distanceRatio = 1.25
    /// The arrow's length and how far its tip keeps inside the frame, px.
    static let length = 34.0, margin = 9.0

    struct Arrow {
        /// Indices into the scene's incidents.
        var members: [Int]
        /// Their geodesic distances from the frame's centre, metres, ascending.
        var distances: [Double]
        /// The direction in SVG px (a unit vector) and where the arrow's tip and tail are.
        var direction: XY, tip: XY, tail: XY
    }

    private(set) var arrows: [Arrow] = []
    /// The arrows' groups (incidents layer) and their labels (labels layer).
    private(set) var nodes: [SVGNode] = [], labels: [SVGNode] = []
    /// The key's line for each arrow.
    private(set) var keyTexts: [String] = []

    init(_ scene: MapScene, frame: MapFrame, binned: Bool, options: MapOptions = MapOptions(), p: String, placer: inout LabelPlacer) {
        guard !frame.offMap.isEmpty else { return }
        let f = frame.frame, c = f.center
        let b = frame.lonLatBounds
        let centre = frame.lonLat(svg: c) ?? LonLat(lon: (b.minX + b.maxX) / 2, lat: (b.minY + b.maxY) / 2)
        // Each outlier's distance and its direction on the map: towards its projected point, or
        // (where PROJ cannot project it) along the geodesic's azimuth, north up.
        var seen: [(index: Int, distance: Double, angle: Double)] = []
        for i in frame.offMap {
            let loc = scene.incidents[i].location
            let line = Geodesic.wgs84.inverse(lon1: centre.lon, lat1: centre.lat, lon2: loc.lon, lat2: loc.lat)
            var angle = atan2(-cos(line.initialAzimuth * .pi / 180), sin(line.initialAzimuth * .pi / 180))
            if let q = try? frame.toSVG(loc), q.x.isFinite, q.y.isFinite, abs(q.x - c.x) + abs(q.y - c.y) > 1 {
                angle = atan2(q.y - c.y, q.x - c.x)
            }
            seen.append((i, line.distance, angle))
        }
        let n = SVGDraw.n
        // One arrow and its label at a time, so that the next keeps clear of both.
        for group in OffMapElement.byDirection(seen.map(\.angle), distances: seen.map(\.distance)) {
            let members = group.map { seen[$0] }.sorted { ($0.distance, $0.index) < ($1.distance, $1.index) }
            let u = OffMapElement.meanDirection(members.map(\.angle))
            let (tip, tail) = OffMapElement.position(direction: u, frame: f, placer: placer)
            let a = Arrow(members: members.map(\.index), distances: members.map(\.distance), direction: u, tip: tip, tail: tail)
            arrows.append(a)
            placer.block(BoundingBox(points: [tip, tail])!.expanded(dx: 5, dy: 5))
            let (label, tooltip) = OffMapElement.text(a, scene: scene, language: options.language)
            let identity = OffMapElement.identity(a, scene: scene, binned: binned)
            let d = "M\(n(tail.x)),\(n(tail.y))L\(n(tip.x)),\(n(tip.y))"
            // A casing under the arrow keeps it apart from the borders it may lie on.
            nodes.append(.el("g", [("class", "\(p)offmap")] + identity, [
                .el("title", [], [.text(tooltip)]),
                .el("path", [("class", "\(p)offmap-casing"), ("d", d)]),
                .el("path", [("class", "\(p)offmap-arrow"), ("d", d), ("marker-end", "url(#\(p)arrowhead)")]),
            ]))
            keyTexts.append(tooltip)
            // The label behind the arrow's tail, so that the arrow points away from it; else beside the tail.
            let w = TextMetrics.width(label, size: 11.5, bold: true) + 4, h = 15.0
            let t = min(abs(u.x) > 1e-9 ? w / 2 / abs(u.x) : .infinity, abs(u.y) > 1e-9 ? h / 2 / abs(u.y) : .infinity) + 4
            let behind = XY(x: tail.x - u.x * t, y: tail.y - u.y * t)
            guard let placed = placer.place(at: behind, width: w, height: h, ascent: 11.5, gap: 0, centered: true)
                ?? placer.place(at: tail, width: w, height: h, ascent: 11.5, gap: 5, leaderDistances: [18]) else { continue }
            if NameLabel.runsRightToLeft(label, options.language) {
                labels.append(NameLabel.text(label, cls: "\(p)halo-text \(p)offmap-label", box: placed.box, x: placed.origin.x, y: placed.origin.y,
                                             anchor: placed.anchor, options: options, p: p, extra: identity))
            } else {
                labels.append(.el("text", [("class", "\(p)halo-text \(p)offmap-label")] + identity + [("data-box", SVGDraw.box(placed.box)),
                                           ("x", n(placed.origin.x)), ("y", n(placed.origin.y)), ("text-anchor", placed.anchor)], [.text(label)]))
            }
        }
    }

    /// Groups of outliers in about one direction and at about one distance: `angles` (radians)
    /// no more than `spreadDegrees` apart, `distances` no more than `distanceRatio` apart. The
    /// angles are taken from the widest gap between them, so that a group never straddles it.
    static func byDirection(_ angles: [Double], distances: [Double]) -> [[Int]] {
        guard !angles.isEmpty else { return [] }
        let order = angles.indices.sorted { (angles[$0], $0) < (angles[$1], $1) }
        var start = 0, widest = angles[order[0]] + 2 * .pi - angles[order.last!]
        for k in 1..<order.count where angles[order[k]] - angles[order[k - 1]] > widest {
            widest = angles[order[k]] - angles[order[k - 1]]
            start = k
        }
        let rotated = Array(order[start...] + order[..<start])
        func turn(_ i: Int) -> Double {
            let a = angles[i] - angles[rotated[0]]
            return a < 0 ? a + 2 * .pi : a
        }
        var groups: [[Int]] = []
        for i in rotated {
            if let g = groups.indices.first(where: { g in
                groups[g].allSatisfy { abs(turn($0) - turn(i)) <= spreadDegrees * .pi / 180 }
                    && (groups[g] + [i]).map({ distances[$0] }).max()! <= distanceRatio * (groups[g] + [i]).map({ distances[$0] }).min()!
            }) {
                groups[g].append(i)
            } else {
                groups.append([i])
            }
        }
        return groups
    }

    /// The unit vector of the mean of the directions at `angles`.
    static func meanDirection(_ angles: [Double]) -> XY {
        let x = angles.map { cos($0) }.reduce(0, +), y = angles.map { sin($0) }.reduce(0, +)
        let len = (x * x + y * y).squareRoot()
        return len > 1e-9 ? XY(x: x / len, y: y / len) : XY(x: cos(angles[0]), y: sin(angles[0]))
    }

    /// Where an arrow along `u` meets the frame's edge (less `margin`), seen from its centre; moved
    /// along the edge, up to 30° either way, when the legend, the scale bar or another arrow is there.
    static func position(direction u: XY, frame f: BoundingBox, placer: LabelPlacer) -> (tip: XY, tail: XY) {
        let c = f.center, inner = f.expanded(dx: -margin, dy: -margin)
        func hit(_ angle: Double) -> XY {
            let v = XY(x: cos(angle), y: sin(angle))
            let tx = v.x > 0 ? (inner.maxX - c.x) / v.x : (v.x < 0 ? (inner.minX - c.x) / v.x : .infinity)
            let ty = v.y > 0 ? (inner.maxY - c.y) / v.y : (v.y < 0 ? (inner.minY - c.y) / v.y : .infinity)
            let t = min(tx, ty)
            return XY(x: c.x + t * v.x, y: c.y + t * v.y)
        }
        let base = atan2(u.y, u.x)
        var first: (XY, XY)?
        for step in [0.0, 3, -3, 6, -6, 9, -9, 12, -12, 15, -15, 20, -20, 25, -25, 30, -30] {
            var tip = hit(base + step * .pi / 180)
            // Keep the whole arrow inside: along the edge it meets, the tail must not leave the frame.
            tip = XY(x: min(max(tip.x, inner.minX + length * max(0, u.x)), inner.maxX - length * max(0, -u.x)),
                     y: min(max(tip.y, inner.minY + length * max(0, u.y)), inner.maxY - length * max(0, -u.y)))
            let tail = XY(x: tip.x - length * u.x, y: tip.y - length * u.y)
            if first == nil { first = (tip, tail) }
            if placer.isFree(BoundingBox(points: [tip, tail])!.expanded(dx: 5, dy: 5)) { return (tip, tail) }
        }
        return first!
    }

    /// A distance in km, to 10 km: "5,230" (in `language`'s numbers).
    static func km(_ metres: Double, _ language: MapLanguage = .en) -> String {
        language.number(Int((metres / 10_000).rounded()) * 10)
    }

    /// The arrow's label ("1 incident in London (GB), 5,230 km"; "3 incidents, 4,800–5,100 km")
    /// and its tooltip, which is also its line in the key, in `language`.
    static func text(_ a: Arrow, scene: MapScene, language: MapLanguage = .en) -> (label: String, tooltip: String) {
        let count = a.members.map { scene.incidents[$0].count }.reduce(0, +)
        let near = km(a.distances.first!, language), far = km(a.distances.last!, language)
        let distance = OffMapText.distance.text(in: language, ["km": .text(near == far ? near : "\(near)–\(far)")])
        let first = scene.incidents[a.members[0]]
        let places = Set(a.members.map { scene.incidents[$0].place ?? scene.incidents[$0].title })
        // A cell is named after the town nearest it; an incident after where it happened, or its coordinates.
        let what: OffMapText = first.place != nil ? .whatNear : (places.first!.first.map { $0.isNumber || $0 == "-" } ?? false) ? .whatAt : .whatIn
        let incidents = places.count != 1 ? IncidentText.count.text(in: language, ["count": .number(count)])
            : what.text(in: language, ["count": .number(count), "place": .text(places.first!)])
        let label = OffMapText.label.text(in: language, ["what": .text(incidents), "distance": .text(distance)])
        let off = OffMapText.offMap.text(in: language, ["distance": .text(distance)])
        if a.members.count == 1 && count == 1 && first.place == nil {
            return (label, OffMapText.single.text(in: language, ["off": .text(off), "entry": .text(first.keyText)]))
        }
        let dates = IncidentsElement.dateRange(a.members, scene: scene)
        // Mid-sentence, a Cyrillic count's label ("Инцидентов: 3") starts in lower case.
        let inSentence = language.script == .cyrillic ? incidents.prefix(1).lowercased() + incidents.dropFirst() : incidents
        let tooltip = OffMapText.key.text(in: language, [
            "off": .text(off), "what": .text(inSentence), "dates": .text(dates.isEmpty ? "" : language.comma + dates),
            "kinds": .text(IncidentsElement.kindsText(a.members, scene: scene, language: language)),
            "killed": .number(IncidentsElement.killed(a.members, scene: scene)),
        ], dropLastClause: !IncidentsElement.givesToll(a.members, scene: scene))
        return (label, tooltip)
    }

    /// What an arrow stands for: how many incidents (`data-count`), and the incident's id
    /// (`data-incident-id`), or theirs (`data-incident-ids`), or on an aggregated map the cells' ranks
    /// (`data-cells`).
    static func identity(_ a: Arrow, scene: MapScene, binned: Bool) -> [(String, String)] {
        let count = a.members.map { scene.incidents[$0].count }.reduce(0, +)
        let ids = a.members.map { scene.incidents[$0].id }
        if binned { return [("data-count", String(count)), ("data-cells", a.members.map { String($0 + 1) }.joined(separator: " "))] }
        if ids.count == 1 && count == 1 { return [("data-count", "1"), ("data-incident-id", ids[0])] }
        return [("data-count", String(count)), ("data-incident-ids", ids.prefix(IncidentsElement.listedIDs).joined(separator: " "))]
    }
}
