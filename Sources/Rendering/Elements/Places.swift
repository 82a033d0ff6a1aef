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

    static func build(_ places: [ScenePlace], limit: Int, frame: MapFrame, incidentAnchors anchors: [XY], p: String,
                      placer: inout LabelPlacer) -> [SVGNode] {
        let n = SVGDraw.n
        var nodes: [SVGNode] = []
        var shown = 0
        for pl in places where shown < limit {
            guard frame.boundsContain(pl.location), let q = try? frame.toSVG(pl.location),
                  frame.frame.expanded(dx: -20, dy: -20).contains(q),
                  !anchors.contains(where: { abs($0.x - q.x) < 14 && abs($0.y - q.y) < 14 }) else { continue }
            let dot = BoundingBox(minX: q.x - 3, minY: q.y - 3, maxX: q.x + 3, maxY: q.y + 3)
            guard placer.isFree(dot) else { continue }
            // The dot is kept only if its name fits too.
            var trial = placer
            trial.block(dot)
            guard let placed = trial.place(at: q, width: TextMetrics.width(pl.name, size: 11) + 2, height: 13, ascent: 10, gap: 5) else { continue }
            placer = trial
            shown += 1
            nodes.append(.el("circle", [("class", "\(p)town"), ("cx", n(q.x)), ("cy", n(q.y)), ("r", "2.6")]))
            nodes.append(.el("text", [("class", "\(p)town-label \(p)halo-text"), ("data-box", SVGDraw.box(placed.box)), ("x", n(placed.origin.x)),
                                      ("y", n(placed.origin.y)), ("text-anchor", placed.anchor)], [.text(pl.name)]))
        }
        return nodes
    }
}
