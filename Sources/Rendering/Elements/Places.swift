import Geometry
import Projection
import Foundation

/// Reference towns: the largest that fit (at most 14), kept apart from each other and from the incidents.
/// Capitals come first, then the most populous; the first few are placed before the incidents'
/// labels, so that a label never hides the city a reader looks for first; the rest fill what
/// room is left. A capital is drawn as a ringed dot with a bold name (class `capital`). A town
/// that lies within a larger drawn town and close to its dot on the map is a part of it (GeoNames
/// lists Kharkiv's Saltivka and Rayon KTZ as populated places of 400,000 and 200,000): it is not
/// drawn.
enum PlacesElement {
    static let maximumTowns = 14
    /// How many of the first towns in the frame go before the incidents' labels.
    static let majorTowns = 5

    /// The towns drawn by one `build`.
    struct Towns {
        var nodes: [SVGNode] = []
        /// How many towns (symbol and name) were drawn.
        var shown = 0
        /// Whether one of them is a capital.
        var drawsCapital = false
    }

    /// The towns of the scene inside the frame: capitals first, then the most populous.
    static func inFrame(_ scene: MapScene, frame: MapFrame) -> [ScenePlace] {
        scene.places.sorted(by: { a, b in
            if a.capital != b.capital { return a.capital }
            return (a.population, b.name) > (b.population, a.name)
        }).filter { pl in
            guard frame.boundsContain(pl.location), let q = try? frame.toSVG(pl.location) else { return false }
            return frame.frame.expanded(dx: -20, dy: -20).contains(q)
        }
    }

    /// How far from a town's point its built-up area may reach, in km: 0.012 √population, from 2 to
    /// 20 km (Kharkiv, 1.4 million: 14 km; Kramatorsk, 150,000: 4.6 km, so Sloviansk, 16 km off, is
    /// a town of its own).
    static func urbanRadiusKm(population: Int) -> Double {
        min(20, max(2, 0.012 * Double(population).squareRoot()))
    }

    /// How close on the map (px) a town must be to a larger one it lies within to be taken as part
    /// of it: on a map of a city and its quarters (Gaza City and Jabalia, 4 km apart) both are drawn.
    static let partOfTownPixels = 24.0

    /// Whether `pl`, at `q` on the map, is part of one of the larger towns already drawn.
    static func isPartOfDrawnTown(_ pl: ScenePlace, at q: XY, drawn: [(place: ScenePlace, at: XY)]) -> Bool {
        drawn.contains { d in
            guard d.place.population > pl.population, hypot(d.at.x - q.x, d.at.y - q.y) < partOfTownPixels else { return false }
            let km = Geodesic.wgs84.inverse(lon1: d.place.location.lon, lat1: d.place.location.lat, lon2: pl.location.lon, lat2: pl.location.lat).distance / 1000
            return km < urbanRadiusKm(population: d.place.population)
        }
    }

    /// Whether an incident's title names the town as the town's own label would: "Tijuana", or
    /// "Tijuana (MX)", for an incident at Tijuana's point.
    static func names(_ title: String, _ pl: ScenePlace) -> Bool {
        var t = Substring(title)
        if t.hasSuffix(")"), let open = t.range(of: " (", options: .backwards) { t = t[..<open.lowerBound] }
        return [pl.name, pl.localName].compactMap { $0 }.contains { t == $0 }
    }

    static func build(_ places: [ScenePlace], limit: Int, frame: MapFrame, markers: [MarkerGroup], scene: MapScene, options: MapOptions, p: String,
                      placer: inout LabelPlacer, drawn: inout [(place: ScenePlace, at: XY)]) -> Towns {
        var towns = Towns()
        for pl in places where towns.shown < limit {
            guard frame.boundsContain(pl.location), let q = try? frame.toSVG(pl.location),
                  frame.frame.expanded(dx: -20, dy: -20).contains(q),
                  // Where a few incidents are spread around their common point, that point is theirs.
                  !markers.contains(where: { $0.anchor != $0.centre && abs($0.anchor.x - q.x) < 14 && abs($0.anchor.y - q.y) < 14 }) else { continue }
            guard !isPartOfDrawnTown(pl, at: q, drawn: drawn) else { continue }
            // A town under a marker (incidents at the town's coordinates) is named beside the marker.
            let under = markers.first { abs($0.centre.x - q.x) < $0.radius + 3 && abs($0.centre.y - q.y) < $0.radius + 3 }
            // A numbered marker whose incident's label is the town's name names it already; the town
            // is on the map all the same, and its quarters are parts of it.
            if let under, under.number > 0, under.members.contains(where: { names(scene.incidents[$0].title, pl) }) {
                drawn.append((pl, q))
                continue
            }
            let radius = pl.capital ? 5.0 : 3.0
            let dot = BoundingBox(minX: q.x - radius, minY: q.y - radius, maxX: q.x + radius, maxY: q.y + radius)
            guard under != nil || placer.isFree(dot) else { continue }
            // The dot is kept only if its name fits too.
            var trial = placer
            if under == nil { trial.block(dot) }
            let name = NameLabel(latin: pl.name, local: pl.localName, options: options)
            guard let placed = trial.place(at: under?.centre ?? q, width: name.width { TextMetrics.width($0, size: 11, bold: pl.capital) } + 2,
                                           height: 13 * Double(name.lines.count), ascent: 10,
                                           gap: under.map { $0.radius + 3 } ?? radius + 2) else { continue }
            placer = trial
            drawn.append((pl, q))
            towns.shown += 1
            towns.drawsCapital = towns.drawsCapital || (pl.capital && under == nil)
            if under == nil { towns.nodes += symbol(capital: pl.capital, at: q, p: p) }
            towns.nodes += name.nodes(cls: "\(p)town-label \(pl.capital ? "\(p)capital " : "")\(p)halo-text", box: placed.box,
                                      x: placed.origin.x, y: placed.origin.y, anchor: placed.anchor, lineHeight: 13, options: options, p: p)
        }
        return towns
    }

    /// A town's dot, or a capital's ringed dot, centred on `q` (the legend draws them at 0,0).
    /// Each town has one `town` circle; a capital's also has the class `capital`, over a ring.
    static func symbol(capital: Bool, at q: XY, p: String) -> [SVGNode] {
        let n = SVGDraw.n
        let (cx, cy) = (n(q.x), n(q.y))
        guard capital else { return [.el("circle", [("class", "\(p)town"), ("cx", cx), ("cy", cy), ("r", "2.6")])] }
        return [.el("circle", [("class", "\(p)capital-ring"), ("cx", cx), ("cy", cy), ("r", "4.2")]),
                .el("circle", [("class", "\(p)town \(p)capital"), ("cx", cx), ("cy", cy), ("r", "1.8")])]
    }
}
