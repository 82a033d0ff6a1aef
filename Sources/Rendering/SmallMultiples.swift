import Geometry

/// One panel of small multiples: a period and the scene of its incidents.
public struct ScenePanel: Sendable {
    /// The period as data (`2024-01-16`, `2024-W03`, `2024-01`, `2024-Q1`, `2024`).
    public var period: String
    /// The scene: its title is the period as the reader sees it, its incidents the period's only.
    public var scene: MapScene

    /// Creates a panel.
    public init(period: String, scene: MapScene) {
        self.period = period
        self.scene = scene
    }
}

/// Small multiples (`render --by`): one panel per period in a grid, every panel with the same CRS,
/// extent and size (so the same scale), under one title, with one legend of the marker kinds and
/// one attribution. Each panel is a group carrying `data-period` that holds the panel's own map
/// (its ids prefixed apart), drawn as a single map draws its incidents.
public enum SmallMultiples {
    /// Renders `panels`; `options` must give the CRS and the extent (`bbox`) every panel shares.
    /// - Throws: `ProjectionError` when PROJ rejects the CRS.
    public static func render(_ panels: [ScenePanel], title: String, subtitle: String, attribution: [String],
                              options: MapOptions) throws -> String {
        SVGSerializer.document(try build(panels, title: title, subtitle: subtitle, attribution: attribution, options: options))
    }

    /// The panels as one SVG element (for a document that holds it inline, such as a report).
    public static func build(_ panels: [ScenePanel], title: String, subtitle: String, attribution: [String],
                             options: MapOptions) throws -> SVGNode {
        let p = SVGDraw.sanitizePrefix(options.idPrefix), n = SVGDraw.n
        let gap = 12.0, margin = 14.0
        let columns = panels.count <= 1 ? 1 : panels.count <= 4 ? 2 : options.width >= 1200 && panels.count > 9 ? 4 : 3
        let width = ((options.width - 2 * margin - gap * Double(columns - 1)) / Double(columns)).rounded(.down)
        let height = (width * 0.78 + MapFrame.panelHeaderHeight).rounded()
        let top = MapFrame.headerHeight
        var nodes: [SVGNode] = []
        var drawsRivers = false
        for (i, panel) in panels.enumerated() {
            var o = options
            o.width = width
            o.height = height
            o.panel = true
            o.inset = false
            o.extraCSS = nil
            // A few labels per panel: a panel is a glance, the layers and the single map hold the rest.
            o.maxKeyEntries = 3
            o.idPrefix = "\(p)p\(i + 1)-"
            let map = try MapRenderer.render(panel.scene, options: o)
            drawsRivers = drawsRivers || map.drawsRivers
            let x = margin + Double(i % columns) * (width + gap), y = top + Double(i / columns) * (height + gap)
            nodes.append(.el("g", [("class", "\(p)panel-group"), ("data-period", panel.period), ("transform", "translate(\(n(x)),\(n(y)))")], [map.root]))
        }
        let rows = (panels.count + columns - 1) / columns
        var y = top + Double(rows) * (height + gap) + 8
        // The legend all panels share: the marker of each kind.
        var legend: [SVGNode] = []
        var x = margin + 8
        for (style, label) in [(MarkerStyle.strike, "Strike"), (.explosion, "Bombing"), (.other, "Attack, clash or other incident")] {
            legend.append(IncidentsElement.symbol(style, size: 0.8, at: XY(x: x, y: y + 8), p: p))
            legend.append(.el("text", [("class", "\(p)legend-text"), ("x", n(x + 12)), ("y", n(y + 12))], [.text(label)]))
            x += 24 + TextMetrics.width(label, size: 11)
        }
        // The note beside the symbols when it fits, else on lines of its own beneath them.
        let note = "Every panel has the same projection, extent and scale; a larger marker stands for several incidents."
        if x + TextMetrics.width(note, size: 11) <= options.width - margin {
            legend.append(.el("text", [("class", "\(p)legend-text"), ("x", n(x)), ("y", n(y + 12))], [.text(note)]))
        } else {
            for line in TextMetrics.wrap(note, size: 11, maxWidth: options.width - 2 * margin) {
                y += 15
                legend.append(.el("text", [("class", "\(p)legend-text"), ("x", n(margin)), ("y", n(y + 12))], [.text(line)]))
            }
        }
        y += 30
        var footer: [SVGNode] = []
        let credited = MapRenderer.attribution(attribution, options: options)
        for line in (drawsRivers ? MapRenderer.credit(RiversElement.credit, in: credited) : credited).flatMap({ TextMetrics.wrap($0, size: 9.5, maxWidth: options.width - 2 * margin) }) {
            footer.append(.el("text", [("class", "\(p)attribution"), ("x", n(margin)), ("y", n(y))], [.text(line)]))
            y += 12.5
        }
        let total = (y + 6).rounded(.up)
        let scene = MapScene(title: title, subtitle: subtitle, summary: "", attribution: [], countries: [], provinces: [], borders: [], places: [], incidents: [])
        let root = SVGNode.el("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", n(options.width)), ("height", n(total)),
            ("viewBox", "0 0 \(n(options.width)) \(n(total))"), ("role", "img"), ("aria-labelledby", "\(p)title"), ("class", "\(p)root"),
        ], [
            .el("title", [("id", "\(p)title")], [.text(title)]),
            .el("defs", [], [.el("style", [], [.text(MapStyle.css(prefix: p, theme: options.theme) + (options.extraCSS.map { "\n/* --css */\n" + $0 } ?? ""))])]),
            .el("rect", [("class", "\(p)background"), ("x", "0"), ("y", "0"), ("width", n(options.width)), ("height", n(total))]),
            HeaderElement.build(scene, p: p),
            .el("g", [("id", "\(p)panels")], nodes),
            .el("g", [("id", "\(p)layer-legend")], legend),
            .el("g", [("id", "\(p)key")], footer),
        ])
        return root
    }
}
