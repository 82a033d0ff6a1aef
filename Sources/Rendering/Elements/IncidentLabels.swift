import Geometry

/// Incident labels (number and place, then date and kind), the most important first, with leader
/// lines when pushed away from their symbols.
enum IncidentLabelsElement {
    static func build(_ scene: MapScene, options: MapOptions, incidents: IncidentsElement, p: String, placer: inout LabelPlacer) -> [SVGNode] {
        let n = SVGDraw.n
        var nodes: [SVGNode] = []
        let order = scene.incidents.indices.sorted { (scene.incidents[$1].importance, $0) < (scene.incidents[$0].importance, $1) }
        for i in order.prefix(options.binCellDegrees == nil ? 40 : 8) {
            let inc = scene.incidents[i]
            let a = incidents.anchors[i], o = incidents.offsets[i]
            let symbol = XY(x: a.x + o.x, y: a.y + o.y)
            let title = "\(inc.number)  \(inc.title)"
            let w = max(TextMetrics.width(title, size: 12.5, bold: true), TextMetrics.width(inc.detail, size: 11)) + 4
            guard let placed = placer.place(at: symbol, width: w, height: 30, ascent: 12, gap: 12, leaderDistances: [34, 60, 95, 140]) else { continue }
            if placed.leader {
                nodes.append(.el("line", [("class", "\(p)leader"), ("x1", n(symbol.x)), ("y1", n(symbol.y)),
                                          ("x2", n(placed.leaderEnd.x)), ("y2", n(placed.leaderEnd.y))]))
            }
            nodes.append(.el("text", [("class", "\(p)halo-text")] + IncidentsElement.identity(inc, binned: options.binCellDegrees != nil) + [("data-box", SVGDraw.box(placed.box)),
                                      ("x", n(placed.origin.x)), ("y", n(placed.origin.y)), ("text-anchor", placed.anchor)], [
                .el("tspan", [("class", "\(p)incident-title")], [.text(title)]),
                .el("tspan", [("class", "\(p)incident-detail"), ("x", n(placed.origin.x)), ("dy", "15")], [.text(inc.detail)]),
            ]))
        }
        return nodes
    }
}
