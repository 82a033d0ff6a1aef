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
        var drawsRivers = false, nameCredits: [String] = []
        var o = options
        o.width = width
        o.height = height
        o.panel = true
        o.inset = false
        o.extraCSS = nil
        // A few labels per panel: a panel is a glance, the layers and the single map hold the rest.
        o.maxKeyEntries = 3
        // One marker scale for all: the smallest any panel would take alone (its largest marker
        // capped, its crowding), so that a count has one size in every panel and none overflows.
        o.markerScale = try panels.compactMap { try MapRenderer.markerScale($0.scene, options: o) }.min()
        for (i, panel) in panels.enumerated() {
            o.idPrefix = "\(p)p\(i + 1)-"
            let map = try MapRenderer.render(panel.scene, options: o)
            drawsRivers = drawsRivers || map.drawsRivers
            nameCredits += map.nameCredits.filter { !nameCredits.contains($0) }
            // Panels read as the language reads: from the top left, or on a right-to-left map from the top right.
            let column = options.language.isRightToLeft ? columns - 1 - i % columns : i % columns
            let x = margin + Double(column) * (width + gap), y = top + Double(i / columns) * (height + gap)
            nodes.append(.el("g", [("class", "\(p)panel-group"), ("data-period", panel.period), ("transform", "translate(\(n(x)),\(n(y)))")], [map.root]))
        }
        let rows = (panels.count + columns - 1) / columns
        var y = top + Double(rows) * (height + gap) + 8
        // The legend all panels share: the marker of each kind, in a row from the side the map's
        // language reads from (`at`: a distance from that side as an x).
        let language = options.language, rtl = language.isRightToLeft
        let at = { (inset: Double) in rtl ? options.width - inset : inset }
        var legend: [SVGNode] = []
        var x = margin + 8
        for (style, key) in [(MarkerStyle.strike, PanelText.strike), (.explosion, .bombing), (.other, .other)] {
            let label = key.text(in: language)
            legend.append(IncidentsElement.symbol(style, size: 0.8, at: XY(x: at(x), y: y + 8), p: p))
            legend.append(NameLabel.text(label, cls: "\(p)legend-text", x: at(x + 12), y: y + 12, anchor: rtl ? "end" : nil, options: options, p: p))
            x += 24 + TextMetrics.width(label, size: 11)
        }
        // The note beside the symbols when it fits, else on lines of its own beneath them.
        // Panels of cells (`binCellKm`) say what a cell is.
        let note = options.binCellKm.map { PanelText.noteCells.text(in: language, ["size": .text(language.rounded($0))]) } ?? PanelText.note.text(in: language)
        if x + TextMetrics.width(note, size: 11) <= options.width - margin {
            legend.append(NameLabel.text(note, cls: "\(p)legend-text", x: at(x), y: y + 12, anchor: rtl ? "end" : nil, options: options, p: p))
        } else {
            for line in TextMetrics.wrap(note, size: 11, maxWidth: options.width - 2 * margin) {
                y += 15
                legend.append(NameLabel.text(line, cls: "\(p)legend-text", x: at(margin), y: y + 12, anchor: rtl ? "end" : nil, options: options, p: p, rtl: rtl))
            }
        }
        y += 30
        var footer: [SVGNode] = []
        var credited = MapRenderer.attribution(attribution, options: options)
        for line in nameCredits { credited = MapRenderer.credit(line, in: credited, language: language) }
        let start = NameLabel.start(margin, width: options.width, options: options)
        for paragraph in drawsRivers ? MapRenderer.credit(RiversElement.credit(language), in: credited, language: language) : credited {
            let direction = NameLabel.runsRightToLeft(paragraph, language)
            for line in TextMetrics.wrap(paragraph, size: 9.5, maxWidth: options.width - 2 * margin) {
                footer.append(NameLabel.text(line, cls: "\(p)attribution", x: start.x, y: y, anchor: start.anchor, options: options, p: p, rtl: direction))
                y += 12.5
            }
        }
        let total = (y + 6).rounded(.up)
        let scene = MapScene(title: title, subtitle: subtitle, summary: "", attribution: [], countries: [], provinces: [], borders: [], places: [], incidents: [])
        let root = SVGNode.el("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", n(options.width)), ("height", n(total)),
            ("viewBox", "0 0 \(n(options.width)) \(n(total))"), ("role", "img"), ("aria-labelledby", "\(p)title"), ("class", "\(p)root"),
        ], [
            .el("title", [("id", "\(p)title")], [.text(title)]),
            .el("defs", [], [.el("style", [], [.text(MapStyle.css(prefix: p, theme: options.theme)
                                                     + (language == .en ? "" : "\n" + MapStyle.languageCSS(prefix: p, language: language))
                                                     + (options.extraCSS.map { "\n/* --css */\n" + $0 } ?? ""))])]),
            .el("rect", [("class", "\(p)background"), ("x", "0"), ("y", "0"), ("width", n(options.width)), ("height", n(total))]),
            HeaderElement.build(scene, options: options, p: p),
            .el("g", [("id", "\(p)panels")], nodes),
            .el("g", [("id", "\(p)layer-legend")], legend),
            .el("g", [("id", "\(p)key")], footer),
        ])
        return root
    }
}
