import Geometry

/// Reference towns: the largest that fit (at most 14), kept apart from each other and from the incidents.
/// The most populous few are placed before the incidents' labels, so that a label never hides the
/// city a reader looks for first; the rest fill what room is left.
enum PlacesElement {
    static let maximumTowns = 14
    /// How many of the largest towns in the frame go before the incidents' labels.
    static let majorTowns = 5

    /// The towns of the scene inside the frame, most populous first.
    static func inFrame(_ scene: MapScene, frame: MapFrame) -> [ScenePlace] {
        scene.places.sorted(by: { ($0.population, $1.name) > ($1.population, $0.name) }).filter { pl in
            guard frame.boundsContain(pl.location), let q = try? frame.toSVG(pl.location) else { return false }
            return frame.frame.expanded(dx: -20, dy: -20).contains(q)
        }
    }

    static func build(_ places: [ScenePlace], limit: Int, frame: MapFrame, markers: [MarkerGroup], p: String,
                      placer: inout LabelPlacer) -> [SVGNode] {
        let n = SVGDraw.n
        var nodes: [SVGNode] = []
        var shown = 0
        for pl in places where shown < limit {
            guard frame.boundsContain(pl.location), let q = try? frame.toSVG(pl.location),
                  frame.frame.expanded(dx: -20, dy: -20).contains(q),
                  // Where a few incidents are spread around their common point, that point is theirs.
                  !markers.contains(where: { $0.anchor != $0.centre && abs($0.anchor.x - q.x) < 14 && abs($0.anchor.y - q.y) < 14 }) else { continue }
            // A town under a marker (incidents at the town's coordinates) is named beside the marker.
            let under = markers.first { abs($0.centre.x - q.x) < $0.radius + 3 && abs($0.centre.y - q.y) < $0.radius + 3 }
            let dot = BoundingBox(minX: q.x - 3, minY: q.y - 3, maxX: q.x + 3, maxY: q.y + 3)
            guard under != nil || placer.isFree(dot) else { continue }
            // The dot is kept only if its name fits too.
            var trial = placer
            if under == nil { trial.block(dot) }
            guard let placed = trial.place(at: under?.centre ?? q, width: TextMetrics.width(pl.name, size: 11) + 2, height: 13, ascent: 10,
                                           gap: under.map { $0.radius + 3 } ?? 5) else { continue }
            placer = trial
            shown += 1
            if under == nil { nodes.append(.el("circle", [("class", "\(p)town"), ("cx", n(q.x)), ("cy", n(q.y)), ("r", "2.6")])) }
            nodes.append(.el("text", [("class", "\(p)town-label \(p)halo-text"), ("data-box", SVGDraw.box(placed.box)), ("x", n(placed.origin.x)),
                                      ("y", n(placed.origin.y)), ("text-anchor", placed.anchor)], [.text(pl.name)]))
        }
        return nodes
    }
}
