import Geometry

/// The SVG's `<defs>`: the style sheet, the frame's and the inset's clip paths, the arrowhead.
enum DefsElement {
    static func build(options: MapOptions, frame: MapFrame, insetBox inset: BoundingBox, choropleth: Bool, districts: Bool = false,
                      timeline: Bool = false, lakes: Bool = false, rivers: Bool = false, disputed: Bool = false, p: String) -> SVGNode {
        let f = frame.frame
        // The districts' rules before the classes', whose fills must win over `fill: none`.
        let css = MapStyle.css(prefix: p, theme: options.theme) + (districts ? "\n" + MapStyle.districtCSS(prefix: p, theme: options.theme) : "")
            + (choropleth ? "\n" + MapStyle.choroplethCSS(prefix: p) : "")
            + (timeline ? "\n" + MapStyle.timelineCSS(prefix: p, theme: options.theme) : "")
            + (rivers ? "\n" + MapStyle.riverCSS(prefix: p, theme: options.theme) : "")
            + (lakes ? "\n" + MapStyle.lakeCSS(prefix: p, theme: options.theme) : "")
            + (disputed ? "\n" + MapStyle.disputedCSS(prefix: p, theme: options.theme) : "")
            + (options.language == .en ? "" : "\n" + MapStyle.languageCSS(prefix: p, language: options.language))
        var defs: [SVGNode] = [
            .el("style", [], [.text(css + (frame.offMap.isEmpty ? "" : "\n" + MapStyle.offMapCSS(prefix: p, theme: options.theme))
                                    + (options.extraCSS.map { "\n/* --css */\n" + $0 } ?? ""))]),
            .el("clipPath", [("id", "\(p)frame-clip")], [
                .el("rect", [("x", SVGDraw.n(f.minX)), ("y", SVGDraw.n(f.minY)), ("width", SVGDraw.n(f.width)), ("height", SVGDraw.n(f.height))]),
            ]),
        ]
        // Written even when the frame is too narrow for an inset, as before.
        defs.append(.el("clipPath", [("id", "\(p)inset-clip")], [
            .el("rect", [("x", SVGDraw.n(inset.minX)), ("y", SVGDraw.n(inset.minY)), ("width", SVGDraw.n(inset.width)), ("height", SVGDraw.n(inset.height))]),
        ]))
        defs.append(.el("marker", [("id", "\(p)arrowhead"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"),
                                   ("markerWidth", "7"), ("markerHeight", "7"), ("orient", "auto")], [
            .el("path", [("d", "M0,0L10,5L0,10Z"), ("class", "\(p)arrowhead")]),
        ]))
        return .el("defs", [], defs)
    }
}
