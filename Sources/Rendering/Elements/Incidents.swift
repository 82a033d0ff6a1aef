import Foundation
import Geometry
import Projection

/// The incidents drawn on the map: where each is, where its symbol sits (spread apart from
/// coincident ones), its uncertainty halo, its strike arrow and its marker.
struct IncidentsElement {
    /// Each incident's position in SVG px.
    var anchors: [XY] = []
    /// Each symbol's offset from its anchor.
    var offsets: [XY] = []
    var halos: [SVGNode] = [], arrows: [SVGNode] = [], markers: [SVGNode] = []

    /// Draws the incidents and blocks their markers and arrows in `placer`.
    init(_ scene: MapScene, options: MapOptions, frame: MapFrame, p: String, placer: inout LabelPlacer) throws {
        let n = SVGDraw.n
        for inc in scene.incidents { anchors.append(try frame.toSVG(inc.location)) }
        // Binned markers sit on their cells' centres: spreading them would only tangle the map.
        offsets = options.binCellDegrees == nil ? IncidentsElement.spreadOffsets(anchors) : anchors.map { _ in XY(x: 0, y: 0) }
        let sizes = MarkerSizes(scene: scene, options: options, frame: frame)
        for (i, inc) in scene.incidents.enumerated() {
            let a = anchors[i], o = offsets[i]
            let symbol = XY(x: a.x + o.x, y: a.y + o.y)
            let size = sizes.scale(inc)
            let reach = 9 * size
            placer.block(BoundingBox(minX: symbol.x - reach, minY: symbol.y - reach, maxX: symbol.x + reach, maxY: symbol.y + reach))
            if inc.uncertaintyKm > 0 {
                let edge = Geodesic.wgs84.direct(lon: inc.location.lon, lat: inc.location.lat, azimuth: 90, distance: inc.uncertaintyKm * 1000)
                let e = try frame.toSVG(LonLat(lon: edge.lon, lat: edge.lat))
                let r = ((e.x - a.x) * (e.x - a.x) + (e.y - a.y) * (e.y - a.y)).squareRoot()
                halos.append(.el("circle", [("class", "\(p)uncertainty" + (inc.style == .strike ? "" : " \(p)\(inc.style.rawValue)")),
                                            ("data-incident-id", inc.id), ("cx", n(a.x)), ("cy", n(a.y)), ("r", n(r))]))
            }
            if let origin = inc.origin, let arrow = try IncidentsElement.arrow(inc, from: frame.toSVG(origin), to: symbol, p: p, placer: &placer) {
                arrows.append(arrow)
            }
            var children: [SVGNode] = [.el("title", [], [.text(inc.keyText)])]
            if o.x != 0 || o.y != 0 {
                children.append(.el("line", [("class", "\(p)leader"), ("x1", "0"), ("y1", "0"), ("x2", n(o.x)), ("y2", n(o.y))]))
                children.append(.el("circle", [("class", "\(p)anchor-dot"), ("cx", "0"), ("cy", "0"), ("r", "2")]))
            }
            switch inc.style {
            case .strike:
                children.append(.el("circle", [("class", "\(p)marker-strike"), ("cx", n(o.x)), ("cy", n(o.y)), ("r", n(8 * size))]))
            case .other:
                children.append(.el("path", [("class", "\(p)marker-other"),
                                             ("d", "M\(n(o.x)),\(n(o.y - 9.5 * size))L\(n(o.x + 9.5 * size)),\(n(o.y))L\(n(o.x)),\(n(o.y + 9.5 * size))L\(n(o.x - 9.5 * size)),\(n(o.y))Z")]))
            case .explosion:
                children.append(.el("path", [("class", "\(p)marker-explosion"),
                                             ("d", "M\(n(o.x)),\(n(o.y - 10.5 * size))L\(n(o.x + 9.5 * size)),\(n(o.y + 7 * size))L\(n(o.x - 9.5 * size)),\(n(o.y + 7 * size))Z")]))
            }
            if size >= 1 {
                children.append(.el("text", [("class", "\(p)marker-number"), ("x", n(o.x)), ("y", n(o.y + (inc.style == .explosion ? 5 : 3.5))), ("text-anchor", "middle")],
                                    [.text(inc.count > 1 ? IncidentsElement.abbreviate(inc.count) : String(inc.number))]))
            }
            markers.append(.el("g", [("class", "\(p)incident \(p)\(inc.style.rawValue)")] + IncidentsElement.identity(inc, binned: sizes.binned)
                                     + [("transform", "translate(\(n(a.x)),\(n(a.y)))")], children))
        }
    }

    /// A curved arrow from the strike's origin towards its symbol, when the origin is more than 20 px away.
    static func arrow(_ inc: SceneIncident, from q: XY, to symbol: XY, p: String, placer: inout LabelPlacer) -> SVGNode? {
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
            .el("title", [], [.text("Strike direction: from \(inc.originLabel ?? "origin") to \(inc.title)")]),
        ])
    }

    /// Offsets that spread the symbols of markers closer than 16 px around their common centre.
    static func spreadOffsets(_ anchors: [XY]) -> [XY] {
        var offsets = [XY](repeating: XY(x: 0, y: 0), count: anchors.count)
        var assigned = [Bool](repeating: false, count: anchors.count)
        for i in anchors.indices where !assigned[i] {
            var group = [i]
            for j in anchors.indices where j > i && !assigned[j] {
                if group.contains(where: { abs(anchors[$0].x - anchors[j].x) < 16 && abs(anchors[$0].y - anchors[j].y) < 16 }) { group.append(j) }
            }
            for k in group { assigned[k] = true }
            guard group.count > 1 else { continue }
            let cx = group.map { anchors[$0].x }.reduce(0, +) / Double(group.count)
            let cy = group.map { anchors[$0].y }.reduce(0, +) / Double(group.count)
            let radius = 13.0 + 2 * Double(group.count)
            for (m, k) in group.enumerated() {
                let angle = -Double.pi / 2 + 2 * Double.pi * Double(m) / Double(group.count)
                offsets[k] = XY(x: (cx + radius * cos(angle) - anchors[k].x).rounded(), y: (cy + radius * sin(angle) - anchors[k].y).rounded())
            }
        }
        return offsets
    }

    /// 7, 950, 1.2k, 15k: what fits in a marker.
    static func abbreviate(_ n: Int) -> String {
        n < 1000 ? String(n) : (n < 10_000 ? NumberFormat.fixed(Double(n) / 1000, 1) + "k" : String(n / 1000) + "k")
    }
}

extension IncidentsElement {
    /// What a marker stands for: one incident (`data-incident-id`), or on an aggregated map a
    /// cell (`data-cell`, its rank) and how many incidents it holds (`data-count`); the counts of
    /// all cells add up to the incidents drawn. `data-incident-id` never holds anything but an id.
    static func identity(_ inc: SceneIncident, binned: Bool) -> [(String, String)] {
        binned ? [("data-cell", String(inc.number)), ("data-count", String(inc.count))] : [("data-incident-id", inc.id)]
    }
}

/// How large markers are drawn. On a binned map the area grows with the count; the largest
/// marker is at least 2.2 times a single incident's (about 35 px across), however small the cells
/// are on screen, so that the densest place stands out, and up to 3 times where cells are large;
/// otherwise every marker has size 1.
struct MarkerSizes: Sendable {
    /// The largest count any marker stands for.
    var maxCount = 1
    /// The largest marker's size.
    var maxScale = 1.0
    let binned: Bool

    init(scene: MapScene, options: MapOptions, frame: MapFrame) {
        binned = options.binCellDegrees != nil
        guard let cellDegrees = options.binCellDegrees else { return }
        maxCount = scene.incidents.map(\.count).max() ?? 1
        // A cell's width in px at the map's centre: the largest marker spans about half of it.
        let b = frame.lonLatBounds
        let c = LonLat(lon: (b.minX + b.maxX) / 2, lat: (b.minY + b.maxY) / 2)
        if let a = try? frame.projection.forward(c.lon, c.lat), let e = try? frame.projection.forward(c.lon + cellDegrees, c.lat) {
            let cellPx = abs(e.x - a.x) * frame.georef.scale
            maxScale = max(2.2, min(3, cellPx * 0.5 / 8))
        }
    }

    /// A marker's size relative to a single incident's.
    func scale(_ inc: SceneIncident) -> Double {
        guard binned else { return 1 }
        return max(0.3, maxScale * (Double(inc.count) / Double(max(1, maxCount))).squareRoot())
    }
}
