import Geometry

/// The legend panel at the frame's lower left: one row per symbol the map uses. Borders, province
/// boundaries and capitals are listed only when some are drawn inside the frame.
enum LegendElement {
    /// The panel and the box it covers (in SVG px). Without the capital row the panel is as wide
    /// or narrower and one row lower, inside the box of the one with it.
    static func build(_ scene: MapScene, options: MapOptions, frame: MapFrame, drawsBorders: Bool, drawsProvinces: Bool,
                      drawsCapital: Bool, p: String) -> (node: SVGNode, box: BoundingBox) {
        let n = SVGDraw.n
        var rows: [([SVGNode], String)] = []
        let styles = Set(scene.incidents.map(\.style))
        if styles.contains(.strike) {
            rows.append(([.el("circle", [("class", "\(p)marker-strike"), ("cx", "0"), ("cy", "0"), ("r", "6")])], "Strike (missile, drone, air, artillery)"))
        }
        if styles.contains(.explosion) {
            rows.append(([.el("path", [("class", "\(p)marker-explosion"), ("d", "M0,-8L7,5L-7,5Z")])], "Bombing (IED, suicide bomb, grenade)"))
        }
        if styles.contains(.other) {
            rows.append(([.el("path", [("class", "\(p)marker-other"), ("d", "M0,-7L7,0L0,7L-7,0Z")])], "Attack, clash or other incident"))
        }
        if scene.incidents.contains(where: { $0.uncertaintyKm > 0 }) {
            rows.append(([.el("circle", [("class", "\(p)uncertainty"), ("cx", "0"), ("cy", "0"), ("r", "7")])], "Approximate location (radius)"))
        }
        if scene.incidents.contains(where: { $0.origin != nil }) {
            rows.append(([.el("path", [("class", "\(p)arrow"), ("d", "M-9,0L7,0"), ("marker-end", "url(#\(p)arrowhead)")])], "Strike direction (from origin)"))
        }
        if drawsBorders {
            rows.append(([.el("path", [("class", "\(p)border \(p)emphasis"), ("d", "M-10,0L10,0")])], "International border"))
        }
        if drawsProvinces {
            rows.append(([.el("path", [("class", "\(p)province"), ("d", "M-10,0L10,0")])], "Province boundary"))
        }
        if let cell = options.binCellDegrees {
            rows.append(([.el("circle", [("class", "\(p)marker-strike"), ("cx", "0"), ("cy", "0"), ("r", "4")])],
                         "Marker area ∝ incidents per \(NumberFormat.fixed(cell, 2))° cell (shape: most common kind)"))
        }
        rows.append((PlacesElement.symbol(capital: false, at: XY(x: 0, y: 0), p: p), "Town"))
        if drawsCapital {
            rows.append((PlacesElement.symbol(capital: true, at: XY(x: 0, y: 0), p: p), "Capital"))
        }
        let width = 30 + (rows.map { TextMetrics.width($0.1, size: 11) }.max() ?? 100) + 12
        let height = 26 + Double(rows.count) * 18
        let x = frame.frame.minX + 10, y = frame.frame.maxY - height - 10
        var children: [SVGNode] = [
            .el("rect", [("class", "\(p)panel"), ("x", "0"), ("y", "0"), ("width", n(width)), ("height", n(height)), ("rx", "3")]),
            .el("text", [("class", "\(p)legend-title"), ("x", "10"), ("y", "17")], [.text("Legend")]),
        ]
        for (i, (symbol, label)) in rows.enumerated() {
            let cy = 32 + Double(i) * 18
            children.append(.el("g", [("transform", "translate(20,\(n(cy)))")], symbol))
            children.append(.el("text", [("class", "\(p)legend-text"), ("x", "36"), ("y", n(cy + 4))], [.text(label)]))
        }
        return (.el("g", [("id", "\(p)layer-legend"), ("transform", "translate(\(n(x)),\(n(y)))")], children),
                BoundingBox(minX: x, minY: y, maxX: x + width, maxY: y + height))
    }
}
